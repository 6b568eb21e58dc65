package e2e

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/wasm/course"
	"github.com/purposefulcx/purposeful/wasm/course/packaging"
	"github.com/purposefulcx/purposeful/wasm/page/build"
)

// chromiumPath is the Debian Chromium the tests drive (never a downloaded
// browser).
const chromiumPath = "/usr/bin/chromium"

// nodeModules holds the npm packages of .ci/setup-course.sh.
const nodeModules = "node_modules"

// need skips, or fails under CI, when something the test needs is missing.
func need(t testing.TB) {
	t.Helper()
	missing := ""
	if _, err := os.Stat(chromiumPath); err != nil {
		missing = chromiumPath + " (run .ci/setup-browser.sh)"
	} else if _, err := os.Stat(filepath.Join(nodeModules, "scorm-again", "dist", "scorm12.min.js")); err != nil {
		missing = "scorm-again (run .ci/setup-course.sh)"
	}
	if missing == "" {
		return
	}
	if ci := os.Getenv("CI"); ci == "true" || ci == "1" {
		t.Fatalf("%s is missing under CI", missing)
	}
	t.Skipf("%s not installed; skipping the course end-to-end tests", missing)
}

// assets compiles each kind's course program once per test binary.
var assets = struct {
	sync.Mutex
	m map[course.Kind]packaging.Assets
}{m: map[course.Kind]packaging.Assets{}}

func assetsOf(t testing.TB, k course.Kind) packaging.Assets {
	t.Helper()
	assets.Lock()
	defer assets.Unlock()
	if a, ok := assets.m[k]; ok {
		return a
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	a, err := build.CourseAssets(ctx, k)
	require.NoError(t, err, "compiling the %s course", k)
	assets.m[k] = a
	return a
}

// pkg builds c as format f and unzips it into a new directory.
func pkg(t testing.TB, c course.Course, f course.Format) (dir string, size int) {
	t.Helper()
	z, err := packaging.Build(c, f, assetsOf(t, c.Kind))
	require.NoError(t, err)
	dir = t.TempDir()
	r, err := zip.NewReader(bytes.NewReader(z), int64(len(z)))
	require.NoError(t, err)
	for _, zf := range r.File {
		rc, err := zf.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		require.NoError(t, os.WriteFile(filepath.Join(dir, zf.Name), b, 0o644))
	}
	return dir, len(z)
}

// lmsServer serves the host pages at /host/, scorm-again at /lms/ and the
// package at /pkg/. wasmType is the Content-Type of .wasm files: LMSs
// serve package files as they are, often as application/octet-stream.
// Nothing is compressed.
func lmsServer(t testing.TB, pkgDir, wasmType string, extra map[string]http.Handler) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	mux.Handle("/host/", http.StripPrefix("/host/", http.FileServer(http.Dir("testdata"))))
	mux.Handle("/lms/", http.StripPrefix("/lms/", http.FileServer(http.Dir(filepath.Join(nodeModules, "scorm-again", "dist")))))
	files := http.StripPrefix("/pkg/", http.FileServer(http.Dir(pkgDir)))
	mux.Handle("/pkg/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, ".wasm") {
			w.Header().Set("Content-Type", wasmType)
		}
		files.ServeHTTP(w, r)
	}))
	for p, h := range extra {
		mux.Handle(p, h)
	}
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// browser is one tab of the shared headless Chromium.
type browser struct {
	ctx context.Context
}

// shared is the one Chromium of the test binary; each test gets its own
// tab (launch), so the browser starts once.
var shared struct {
	sync.Mutex
	ctx     context.Context // the first tab, which keeps the browser alive
	stop    func()
	profile string
}

func TestMain(m *testing.M) {
	code := m.Run()
	shared.Lock()
	if shared.stop != nil {
		shared.stop()
		// Chromium's helpers may still write for a moment after exit;
		// removal is best effort.
		_ = os.RemoveAll(shared.profile)
	}
	shared.Unlock()
	os.Exit(code)
}

// launch opens a new tab in the shared Chromium, starting it first if
// needed.
func launch(t testing.TB) *browser {
	t.Helper()
	shared.Lock()
	if shared.ctx == nil {
		profile, err := os.MkdirTemp("", "purposeful-course-profile-")
		if err != nil {
			shared.Unlock()
			require.NoError(t, err)
		}
		opts := []chromedp.ExecAllocatorOption{
			chromedp.ExecPath(chromiumPath),
			chromedp.Headless,
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.NoFirstRun,
			chromedp.NoDefaultBrowserCheck,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-popup-blocking", true),
			chromedp.Flag("disable-dev-shm-usage", true),
			chromedp.UserDataDir(profile),
			chromedp.WindowSize(1280, 900),
		}
		actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel := chromedp.NewContext(actx)
		// The first run starts the browser, bound to ctx until TestMain ends.
		if err := chromedp.Run(ctx); err != nil {
			cancel()
			acancel()
			shared.Unlock()
			require.NoError(t, err, "starting Chromium")
		}
		shared.ctx, shared.stop, shared.profile = ctx, func() { cancel(); acancel() }, profile
	}
	parent := shared.ctx
	shared.Unlock()
	ctx, cancel := chromedp.NewContext(parent)
	t.Cleanup(cancel)
	require.NoError(t, chromedp.Run(ctx))
	return &browser{ctx: ctx}
}

func (b *browser) run(t testing.TB, actions ...chromedp.Action) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	require.NoError(t, chromedp.Run(ctx, actions...))
}

func (b *browser) eval(t testing.TB, js string, out any) {
	t.Helper()
	b.run(t, chromedp.Evaluate(js, out))
}

// waitJS waits until the expression is true.
func (b *browser) waitJS(t testing.TB, expr string) {
	t.Helper()
	b.run(t, chromedp.Poll(expr, nil, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(50*time.Second)))
}

// inFrame is a JavaScript expression for the element of the package's
// page with data-test test.
func inFrame(test string) string {
	return fmt.Sprintf(`frameDoc().querySelector('[data-test=%q]')`, test)
}

// click clicks a button of the package's page.
func (b *browser) click(t testing.TB, test string) {
	t.Helper()
	b.waitJS(t, fmt.Sprintf(`!!(frameDoc() && %s && !%[1]s.disabled)`, inFrame(test)))
	b.eval(t, inFrame(test)+`.click(); true`, new(bool))
}

// fill sets a field of the package's page and fires input and change, as
// typing would.
func (b *browser) fill(t testing.TB, test, text string) {
	t.Helper()
	b.waitJS(t, fmt.Sprintf(`!!(frameDoc() && %s)`, inFrame(test)))
	js := fmt.Sprintf(`(() => { const e = %s; e.value = %q;
		e.dispatchEvent(new Event("input", {bubbles: true})); e.dispatchEvent(new Event("change", {bubbles: true})); return true })()`, inFrame(test), text)
	b.eval(t, js, new(bool))
}

// frameText returns the text of an element of the package's page.
func (b *browser) frameText(t testing.TB, test string) string {
	t.Helper()
	var s string
	b.eval(t, inFrame(test)+`.textContent`, &s)
	return s
}

// ready waits until the course program runs in the frame and shows its
// course bar.
func (b *browser) ready(t testing.TB) {
	t.Helper()
	b.waitJS(t, `!!(frameDoc() && frameDoc().querySelector('#app[data-ready="1"]') && frameDoc().querySelector('[data-test="lms-status"]'))`)
}

// jsonOf marshals v for a JavaScript call.
func jsonOf(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}
