// Package e2e holds the workshop page's end-to-end tests: they build the
// page with wasm/page/build, serve it, and drive Debian Chromium with
// chromedp through the facilitator flow, autosave after a killed tab,
// broken imports, XSS payloads, axe-core checks on every screen,
// side-by-side size and start-up measurements, and team mode: two
// Chromium profiles (facilitator and phone-width participant) against
// the page and the API (wasm/api with a temporary SQLite file) on one
// origin, including an idea queued while offline.
//
// The tests skip when /usr/bin/chromium is missing, unless CI is set, in
// which case they fail; go test then says "[no tests to run]" after the
// package and, with -v, how many tests skipped and why (package
// wasm/internal/skips). The check runs inside each test, so installing
// Chromium makes the next go test run them instead of answering from its
// cache. .ci/setup-browser.sh installs Chromium and
// axe-core (into wasm/page/e2e/node_modules). Screenshots go to each
// test's artifact directory: run with -artifacts -outputdir DIR to keep
// them.
package e2e
