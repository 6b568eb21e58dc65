package e2e

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/device"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// TestHomeListsAnOlderLibrary stores grids the way an older page did (the
// log alone, no listing) and opens the home screen: every grid is listed,
// the page writes the listings it lists from next time, and Open reads
// the grid itself.
func TestHomeListsAnOlderLibrary(t *testing.T) {
	needBrowser(t)
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	mem := device.MapStorage{}
	for i, pos := range []string{"Nurse", "Porter", "Pharmacist"} {
		d := ui.NewSolo("old"+strconv.Itoa(i), at)
		d.EditCourse(func(c *grid.Course) { c.Position, c.Process = pos, "Discharge" })
		require.NoError(t, d.SetStep(at, grid.StepTeam))
		require.NoError(t, ui.Library{S: mem}.Save(d))
	}
	logs := map[string]string{}
	for k, v := range mem {
		if strings.HasPrefix(k, "purposeful.workshop.") {
			logs[k] = v
		}
	}
	require.Len(t, logs, 3)
	b, err := json.Marshal(logs)
	require.NoError(t, err)

	s := launch(t, "", 1024, 768)
	s.open(t, "#home")
	var ok bool
	s.eval(t, `(() => { const m = `+string(b)+`; for (const k in m) localStorage.setItem(k, m[k]); return true; })()`, &ok)
	s.run(t, chromedp.Reload(), chromedp.WaitVisible(`#app[data-ready="1"] .screen[data-screen="home"]`, chromedp.ByQuery))
	list := s.text(t, byTest("saved-list"))
	for _, want := range []string{"Nurse · Discharge", "Porter · Discharge", "Pharmacist · Discharge"} {
		assert.Contains(t, list, want)
	}
	assert.Contains(t, list, "Involve the team")
	var listings int
	s.eval(t, `Object.keys(localStorage).filter(k => k.startsWith("purposeful.listing.")).length`, &listings)
	assert.Equal(t, 3, listings, "the page keeps a listing for each grid")

	s.click(t, "open-old1")
	s.run(t, chromedp.WaitVisible(`.screen[data-screen="activity"]`, chromedp.ByQuery))
	assert.Equal(t, "Porter · Discharge", s.text(t, byTest("grid-title")))
}
