package e2e

import (
	"archive/zip"
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/course"
	"github.com/purposefulcx/purposeful/wasm/course/packaging"
	"github.com/purposefulcx/purposeful/wasm/page/build"
)

// TestDownloadDialog builds the workshop page, serves it from the API as
// the local server does (packages built on request), and downloads a
// SCORM 1.2 recovery package through the page's "Download for your LMS"
// dialog: the file is the package packaging.Build makes for those choices.
func TestDownloadDialog(t *testing.T) {
	need(t)
	site := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	require.NoError(t, build.BuildWith(ctx, site, build.Options{Package: ".", Output: "page.wasm"}))
	srv := httptest.NewServer(api.New(api.Config{PublicOrg: "local", Pages: http.FileServer(http.Dir(site)),
		CourseAssets: func(_ context.Context, k course.Kind) (packaging.Assets, error) { return assetsOf(t, k), nil }}))
	defer srv.Close()

	downloads := t.TempDir()
	b := launch(t)
	b.run(t, cdpbrowser.SetDownloadBehavior(cdpbrowser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(downloads).WithEventsEnabled(true),
		chromedp.Navigate(srv.URL+"/"), chromedp.WaitVisible(`#app[data-ready="1"] [data-test="lms-download"]`, chromedp.ByQuery),
		chromedp.Click(`[data-test="lms-download"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`[data-test="lms-dialog"]`, chromedp.ByQuery),
		chromedp.SetValue(`[data-test="lms-format"]`, "scorm12", chromedp.ByQuery),
		chromedp.SetValue(`[data-test="lms-mastery"]`, "75", chromedp.ByQuery),
		chromedp.Click(`[data-test="lms-build"]`, chromedp.ByQuery))
	b.waitJS(t, `document.querySelector('[data-test="lms-status"]').textContent.startsWith("Downloaded")`)

	want, err := packaging.Build(course.Course{Version: course.Version, Kind: course.Recovery, Title: "Recovery practice", Mastery: 75},
		course.SCORM12, assetsOf(t, course.Recovery))
	require.NoError(t, err)
	var got []byte
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if got, err = os.ReadFile(filepath.Join(downloads, "purposeful-recovery-scorm12.zip")); err == nil && len(got) == len(want) {
			break
		}
	}
	require.NoError(t, err, "the package was downloaded")
	assert.True(t, bytes.Equal(want, got), "the dialog gives the same bytes as packaging.Build")
	_, err = zip.NewReader(bytes.NewReader(got), int64(len(got)))
	assert.NoError(t, err)
}
