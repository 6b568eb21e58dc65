package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/wasm/course"
	"github.com/purposefulcx/purposeful/wasm/page/build"
)

// BenchmarkOpenToInteractive opens the recovery practice side by side as
// the page's recovery coach (recovery.html on a static host) and as a
// SCORM 2004 package in the test LMS, from navigation until the program
// has rendered its screen, with the browser cache off; package-alone is
// the package's page served as a static site (no LMS). lms-package also
// pays for the test LMS's own page, which runs scorm-again's two bundles
// (about 720 KB of script) before it opens the frame. The target
// is the package within 1.3x of the page:
//
//	go test ./wasm/course/e2e -run '^$' -bench OpenToInteractive -benchtime 5x
func BenchmarkOpenToInteractive(b *testing.B) {
	t := b
	if _, err := os.Stat(chromiumPath); err != nil {
		b.Skip(chromiumPath + " not installed (run .ci/setup-browser.sh)")
	}
	site := b.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	require.NoError(b, build.BuildWith(ctx, site, build.Options{Package: "./cmd/recovery", Output: "recovery.wasm"}))
	page := httptest.NewServer(http.FileServer(http.Dir(site)))
	defer page.Close()
	c := course.Course{Version: course.Version, Kind: course.Recovery, Title: "Recovery practice"}
	dir, _ := pkg(t, c, course.SCORM2004)
	lms := lmsServer(t, dir, "application/octet-stream", nil)
	plain := lmsServer(t, dir, "application/wasm", nil)
	br := launch(t)
	br.run(t, network.SetCacheDisabled(true))
	cases := []struct {
		name  string
		open  func(testing.TB)
		ready string
	}{
		{"plain-page", func(t testing.TB) { br.run(t, chromedp.Navigate(page.URL+"/recovery.html")) },
			`!!document.querySelector('#app[data-ready="1"] [data-test="practice-text"]')`},
		{"lms-package", func(t testing.TB) { open(t, br, lms.URL, course.SCORM2004, nil) },
			`!!(frameDoc() && frameDoc().querySelector('#app[data-ready="1"] [data-test="practice-text"]'))`},
		// The package's page alone, .wasm as application/wasm, no LMS:
		// what the package costs without the LMS frame and the content type.
		{"package-alone", func(t testing.TB) { br.run(t, chromedp.Navigate(plain.URL+"/pkg/index.html")) },
			`!!document.querySelector('#app[data-ready="1"] [data-test="practice-text"]')`},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				tc.open(b)
				br.waitJS(b, tc.ready)
			}
		})
	}
}
