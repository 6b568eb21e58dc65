package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/wasm/internal/skips"
	"github.com/purposefulcx/purposeful/wasm/page/build"
)

// chromiumPath is the Debian Chromium the tests drive (never a downloaded
// browser).
const chromiumPath = "/usr/bin/chromium"

var (
	site      string // base URL of the served page
	siteDir   string // the built page on disk
	setupErr  error
	setupOnce sync.Once
	cleanup   func()
)

// TestMain serves the page for the browser tests (built by the first of
// them, so that the check for Chromium happens inside a test, where the
// go command's test cache sees it) and reports skipped tests in the
// default output of go test.
func TestMain(m *testing.M) {
	code := skips.Run(m)
	if cleanup != nil {
		cleanup()
	}
	os.Exit(code)
}

// serve builds the page and the minimal comparison page and serves both.
func serve() (func(), error) {
	dir, err := os.MkdirTemp("", "purposeful-e2e-")
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	siteDir = filepath.Join(dir, "site")
	if err := build.Build(ctx, siteDir); err != nil {
		return nil, err
	}
	min := filepath.Join(siteDir, "minimal")
	if err := build.BuildWith(ctx, min, build.Options{Package: "./e2e/testdata/minimal", SkipAssets: true}); err != nil {
		return nil, err
	}
	for _, f := range []string{"wasm_exec.js", "loader.js"} {
		if err := copyFile(filepath.Join(siteDir, f), filepath.Join(min, f)); err != nil {
			return nil, err
		}
	}
	if err := copyFile(filepath.Join("testdata", "minimal", "index.html"), filepath.Join(min, "index.html")); err != nil {
		return nil, err
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(siteDir)))
	site = srv.URL + "/"
	return func() { srv.Close(); os.RemoveAll(dir) }, nil
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}

// needBrowser skips (or under CI fails) when Chromium is missing, and
// builds and serves the page once.
func needBrowser(t *testing.T) {
	t.Helper()
	skips.Need(t, "Chromium", chromiumPath, ".ci/setup-browser.sh")
	setupOnce.Do(func() { cleanup, setupErr = serve() })
	require.NoError(t, setupErr, "building and serving the page")
}

// session is one Chromium process with a profile directory.
type session struct {
	ctx     context.Context
	cancel  func()
	profile string
}

// launch starts Chromium with a fresh profile (or the given one) and
// returns a tab context.
func launch(t *testing.T, profile string, w, h int) *session {
	t.Helper()
	if profile == "" {
		dir, err := os.MkdirTemp("", "purposeful-profile-")
		require.NoError(t, err)
		// Chromium's helpers may still write for a moment after exit;
		// removal is best effort.
		t.Cleanup(func() { _ = os.RemoveAll(dir) })
		profile = dir
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
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-features", "Translate,MediaRouter,OptimizationHints"),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(w, h),
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	s := &session{ctx: ctx, profile: profile, cancel: func() { cancel(); acancel() }}
	t.Cleanup(s.cancel)
	require.NoError(t, chromedp.Run(ctx, chromedp.EmulateViewport(int64(w), int64(h))))
	return s
}

// run runs actions with a time limit.
func (s *session) run(t *testing.T, actions ...chromedp.Action) {
	t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	require.NoError(t, chromedp.Run(ctx, actions...))
}

// open loads the page at hash and waits until Go has rendered it.
func (s *session) open(t *testing.T, hash string) {
	t.Helper()
	screen := strings.TrimPrefix(hash, "#")
	if screen == "" {
		screen = "home"
	}
	s.load(t, site+hash, screen)
}

// openPage loads another page of the site (recovery.html) and waits for
// its screen.
func (s *session) openPage(t *testing.T, path, screen string) {
	t.Helper()
	s.load(t, site+path, screen)
}

// load navigates to url and waits until Go has rendered screen.
func (s *session) load(t *testing.T, url, screen string) {
	t.Helper()
	s.run(t, chromedp.Navigate(url), chromedp.WaitVisible(`#app[data-ready="1"] .screen[data-screen="`+screen+`"]`, chromedp.ByQuery))
}

func byTest(name string) string { return `[data-test="` + name + `"]` }

func (s *session) click(t *testing.T, test string) {
	t.Helper()
	s.run(t, chromedp.Click(byTest(test), chromedp.ByQuery, chromedp.NodeVisible))
}

// typeText types real key events into the field.
func (s *session) typeText(t *testing.T, test, text string) {
	t.Helper()
	s.run(t, chromedp.SendKeys(byTest(test), text, chromedp.ByQuery, chromedp.NodeVisible))
}

// setText replaces a field's value and fires input and change, as
// typing would (fast, for long payload lists).
func (s *session) setText(t *testing.T, test, text string) {
	t.Helper()
	js := fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.value = %q;
		e.dispatchEvent(new Event("input", {bubbles: true})); e.dispatchEvent(new Event("change", {bubbles: true})); return true })()`, byTest(test), text)
	var ok bool
	s.run(t, chromedp.Evaluate(js, &ok))
}

func (s *session) text(t *testing.T, sel string) string {
	t.Helper()
	var out string
	s.run(t, chromedp.TextContent(sel, &out, chromedp.ByQuery))
	return out
}

func (s *session) eval(t *testing.T, js string, out any) {
	t.Helper()
	s.run(t, chromedp.Evaluate(js, out))
}

// shot saves a PNG screenshot of the viewport in the test's artifact
// directory.
func (s *session) shot(t *testing.T, name string) {
	t.Helper()
	var png []byte
	s.run(t, chromedp.Sleep(80*time.Millisecond), chromedp.FullScreenshot(&png, 100))
	dir := t.ArtifactDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644))
	if extra := os.Getenv("PURPOSEFUL_SHOTS"); extra != "" {
		_ = os.MkdirAll(extra, 0o755)
		_ = os.WriteFile(filepath.Join(extra, name+".png"), png, 0o644)
	}
}

// store writes mem into the page's localStorage, as an earlier session
// (or an older page) would have left it; a reload or a load then starts
// the page on it.
func (s *session) store(t *testing.T, mem map[string]string) {
	t.Helper()
	b, err := json.Marshal(mem)
	require.NoError(t, err)
	var ok bool
	s.eval(t, `(() => { const m = `+string(b)+`; for (const k in m) localStorage.setItem(k, m[k]); return true; })()`, &ok)
}

// reloadHome reloads the workshop page and waits for its home screen.
func (s *session) reloadHome(t *testing.T) {
	t.Helper()
	s.run(t, chromedp.Reload(), chromedp.WaitVisible(`#app[data-ready="1"] .screen[data-screen="home"]`, chromedp.ByQuery))
}

// allowDownloads saves downloads into dir.
func (s *session) allowDownloads(t *testing.T, dir string) {
	t.Helper()
	s.run(t, browser.SetDownloadBehavior(browser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(dir).WithEventsEnabled(true))
}

// waitFile waits for a finished download named name in dir.
func waitFile(t *testing.T, dir, name string) []byte {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err == nil && len(b) > 0 {
			return b
		}
		time.Sleep(50 * time.Millisecond)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	t.Fatalf("download %s not found in %s (have %s)", name, dir, strings.Join(names, ", "))
	return nil
}

// upload answers the page's file picker with path.
func (s *session) upload(t *testing.T, button, path string) {
	t.Helper()
	s.run(t, page.SetInterceptFileChooserDialog(true))
	s.click(t, button)
	s.run(t, chromedp.SetUploadFiles(`input[data-test="file-input"]`, []string{path}, chromedp.ByQuery))
}

// killTab crashes the tab's renderer process, as a killed tab would.
func (s *session) killTab(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, time.Second)
	defer cancel()
	// The crash cuts the connection to the target, so the call never
	// answers; the time-out ends it.
	_ = chromedp.Run(ctx, page.Crash())
}

// newGrid starts a grid from the template and waits for step 1.
func (s *session) newGrid(t *testing.T) {
	t.Helper()
	s.click(t, "new-grid")
	s.run(t, chromedp.WaitVisible(byTest("position"), chromedp.ByQuery))
}
