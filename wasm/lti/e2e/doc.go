// Package e2e runs the LTI 1.3 launch in real Chromium: a mock platform's
// course page shows the tool in an iframe on another site, the login,
// the platform's form post, deep linking and the launched page all run
// inside that iframe, with third-party cookies phased out. The tests are
// in e2e_test.go; this package has no other code.
package e2e
