// Package observe is the accountability page (observe.html): Observe, a
// phone-first form to record an observation against a stored scorecard
// that works offline and syncs later with idempotent ids; Calibrate, to
// score a calibration session blind and read the result after the close;
// and Reports, with SVG charts of compliance over time and per standard,
// the calibration trend, and the stories worth telling; and Book, where
// the organisation or a supervisor writes a standards book by hand or
// drafts it from the adopted ideas of the grid open on this device, and
// sees the linter's findings when saving.
//
// It talks to the /v1/accountability routes of the Purposeful API with a
// person's role token, through the same [team.Transport] team mode uses,
// and keeps its state (the token, the books it has seen, the observations
// still to send) in the page's storage. The screens are plain Go over
// [ui.Host], so they build and test natively; the browser binding is the
// program in wasm/page/cmd/observe.
package observe
