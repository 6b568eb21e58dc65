package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Targets from the issue. The tests log the measured figures; they fail
// only well beyond the targets (the CI machine is shared), and say so.
const (
	targetBrotli      = 800 << 10 // bytes of page.wasm after brotli
	targetStartRatio  = 1.25      // page vs minimal dom/v2 page, navigation to interactive
	targetAnalysisP95 = 2 * time.Millisecond
)

// TestLiveAnalysisSpeed types a purpose statement key by key into the
// coach and reads the page's own timing of each analysis (analysis and
// highlighting, measured in the browser).
func TestLiveAnalysisSpeed(t *testing.T) {
	needBrowser(t)
	s := launch(t, "", 1280, 860)
	s.openPage(t, "coach.html", "coach")
	text := "We make every guest feel expected and cared for, so they leave rested, tell their friends about us and come back to stay again."
	s.typeText(t, "coach-text", text)
	var p95us, n string
	s.run(t, chromedp.AttributeValue("#app", "data-analysis-p95-us", &p95us, nil, chromedp.ByQuery),
		chromedp.AttributeValue("#app", "data-analysis-samples", &n, nil, chromedp.ByQuery))
	samples, _ := strconv.Atoi(n)
	us, _ := strconv.Atoi(p95us)
	p95 := time.Duration(us) * time.Microsecond
	t.Logf("live analysis per keystroke: p95 %v over %d keystrokes (target %v)", p95, samples, targetAnalysisP95)
	assert.GreaterOrEqual(t, samples, len(text), "one analysis per keystroke")
	assert.Less(t, p95, 10*targetAnalysisP95, "live analysis far beyond its target")
	assert.Contains(t, s.text(t, byTest("verdict")), "purpose")
	assert.NotEmpty(t, s.text(t, "[data-test=mirror] mark.mark-purpose"), "purpose words highlighted")
	s.shot(t, "coach-analysis")
	writeFigure(t, "analysis-p95-us", p95us)
}

// TestStartupAndSize compares the page with a minimal dom/v2 page that
// sets one text: brotli size, and time from navigation to interactive
// (median of several loads each, alternating, same browser). Single
// loads vary by 10 ms and more on a shared machine, so six pairs give the
// ratio to about ±0.1; PURPOSEFUL_STARTUP_LOADS=40 measures 40 pairs for
// a figure to compare builds by (about half a minute).
func TestStartupAndSize(t *testing.T) {
	needBrowser(t)
	s := launch(t, "", 1280, 860)
	load := func(url string) float64 {
		ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
		defer cancel()
		var ms string
		require.NoError(t, chromedp.Run(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(url),
			chromedp.WaitVisible(`#app[data-ready="1"]`, chromedp.ByQuery),
			chromedp.AttributeValue("#app", "data-ready-ms", &ms, nil, chromedp.ByQuery)))
		v, err := strconv.ParseFloat(ms, 64)
		require.NoError(t, err)
		return v
	}
	loads := 6
	if n, err := strconv.Atoi(os.Getenv("PURPOSEFUL_STARTUP_LOADS")); err == nil && n > 0 {
		loads = n
	}
	var pt, mt []float64
	for i := 0; i <= loads; i++ {
		var m, p float64
		if i%2 == 0 {
			m, p = load(site+"minimal/"), load(site)
		} else {
			p, m = load(site), load(site+"minimal/")
		}
		if i == 0 {
			continue // the first load of each fills the HTTP cache
		}
		mt, pt = append(mt, m), append(pt, p)
	}
	slices.Sort(pt)
	slices.Sort(mt)
	pm, mm := pt[len(pt)/2], mt[len(mt)/2]
	ratio := pm / mm
	t.Logf("navigation to interactive: page %.0f ms, minimal dom/v2 page %.0f ms, ratio %.2f (target %.2f; medians of %d loads each)", pm, mm, ratio, targetStartRatio, loads)
	writeFigure(t, "startup-ratio", strconv.FormatFloat(ratio, 'f', 2, 64))
	assert.Less(t, ratio, 3.0, "start-up far beyond its target")

	// Sizes, compressed after the timing so they do not compete for CPU.
	type size struct {
		name string
		n    int
		err  error
	}
	sizes := make(chan size, 8)
	files := []string{"page.wasm", "minimal/page.wasm"}
	if os.Getenv("PURPOSEFUL_ALL_SIZES") != "" { // the other pages' programs too (slower)
		files = append(files, "coach.wasm", "recovery.wasm", "standards.wasm", "checklists.wasm")
	}
	_, brotliErr := exec.LookPath("brotli")
	if brotliErr == nil {
		for _, f := range files {
			go func(f string) {
				out, err := exec.Command("brotli", "-c", "-q", "11", filepath.Join(siteDir, f)).Output()
				sizes <- size{f, len(out), err}
			}(f)
		}
	} else if os.Getenv("CI") != "" {
		t.Error("brotli missing under CI: run .ci/setup-browser.sh")
	}
	if brotliErr != nil {
		return
	}
	got := map[string]int{}
	for range files {
		sz := <-sizes
		require.NoError(t, sz.err, sz.name)
		got[sz.name] = sz.n
		t.Logf("%s: brotli %d bytes (%.0f KiB)", sz.name, sz.n, float64(sz.n)/1024)
	}
	pb := got["page.wasm"]
	t.Logf("page.wasm brotli %d bytes = %.0f KiB (target %d KiB); a bare dom/v2 page is %d bytes", pb, float64(pb)/1024, targetBrotli>>10, got["minimal/page.wasm"])
	writeFigure(t, "brotli-bytes", strconv.Itoa(pb))
	assert.Less(t, pb, targetBrotli*5/4, "page wasm far beyond its size target")
}

// writeFigure keeps a measured figure beside the screenshots.
func writeFigure(t *testing.T, name, value string) {
	t.Helper()
	_ = os.WriteFile(filepath.Join(t.ArtifactDir(), name+".txt"), []byte(value+"\n"), 0o644)
}
