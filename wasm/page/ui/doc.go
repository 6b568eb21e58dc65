// Package ui is the Purposeful workshop page's logic in plain Go: the
// screens (home with the saved grids and the portfolio, the five steps of
// the 3 Ps activity, the purpose coach, the recovery coach, the standards
// builder, the diagnostic and checklists, the team workshop over
// wasm/page/team), hash routing, autosave within
// [SaveDelay] of every change, import that never replaces work without
// asking, export, focus management and screen-reader announcements.
//
// The activity runs on package grid in both modes. Team mode sends
// [grid.Event]s to the server and renders its [grid.View]; solo mode is a
// [Solo], a [grid.Session] of one facilitator applied on the device and
// kept in [Library] as the session's log. Files the page saved or
// exported before ("purposeful.workshop/v1") open through
// [grid.UpgradeWorkshop].
//
// It talks to the browser only through [Host] and [Element], so every
// screen runs in native tests against the in-memory host of
// wasm/page/ui/uitest; wasm/page/internal/jsdom binds them to the DOM
// (honnef.co/go/js/dom/v2 and syscall/js). There is no way to insert HTML:
// user text goes in with [Element.SetText] only.
//
//	app := ui.New(host, services.Default())
//	app.Start()         // renders the screen named by the URL hash
//	defer app.Flush()   // writes pending changes now
//
// Domain analyses come in through [Services], so the screens do not
// import the domain packages and each page links only what it uses.
package ui
