// Package e2e holds the workshop page's end-to-end tests: they build the
// page with wasm/page/build, serve it, and drive Debian Chromium with
// chromedp through the facilitator flow, autosave after a killed tab,
// broken imports, XSS payloads, axe-core checks on every screen, and
// side-by-side size and start-up measurements.
//
// The tests skip when /usr/bin/chromium is missing, unless CI is set, in
// which case they fail. .ci/setup-browser.sh installs Chromium and
// axe-core (into wasm/page/e2e/node_modules). Screenshots go to each
// test's artifact directory: run with -artifacts -outputdir DIR to keep
// them.
package e2e
