package e2e

import (
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

	s := launch(t, "", 1024, 768)
	s.open(t, "#home")
	s.store(t, logs)
	s.reloadHome(t)
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

// TestCoverageOnAPhone: on a 390 px phone the coverage matrix of three
// grids stays within the page. It scrolls sideways inside its own region,
// and the position names stay in view while it does.
func TestCoverageOnAPhone(t *testing.T) {
	needBrowser(t)
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	mem := device.MapStorage{}
	for i, g := range []*grid.Grid{grid.SampleFrontDesk(), grid.SampleDischarge(),
		{Position: "front-desk agent", Process: "Phone reservations"}} {
		d, err := ui.OpenGrid("g"+strconv.Itoa(i), g, at)
		require.NoError(t, err)
		require.NoError(t, ui.Library{S: mem}.Save(d))
	}
	s := launch(t, "", 390, 844)
	s.open(t, "#home")
	s.store(t, mem)
	s.reloadHome(t)

	var m struct {
		PageWidth, WrapLeft, WrapRight float64
		Rows                           int
		Scrolled                       bool
		RowHeadLeft, LastRight         float64
	}
	s.eval(t, `(() => {
		const tbl = document.querySelector('[data-test="coverage"]');
		const wrap = tbl.closest('.table-wrap');
		const r = wrap.getBoundingClientRect();
		const out = { PageWidth: document.documentElement.scrollWidth, WrapLeft: r.left, WrapRight: r.right,
			Rows: tbl.querySelectorAll('th[scope="row"]').length };
		wrap.scrollLeft = wrap.scrollWidth;
		out.Scrolled = wrap.scrollLeft > 0;
		out.RowHeadLeft = tbl.querySelector('th[scope="row"]').getBoundingClientRect().left;
		const heads = tbl.querySelectorAll('thead th');
		out.LastRight = heads[heads.length - 1].getBoundingClientRect().right;
		return out;
	})()`, &m)
	assert.LessOrEqual(t, m.PageWidth, 390.0, "the page itself does not scroll sideways")
	assert.Equal(t, 2, m.Rows, "the two spellings of the front-desk position are one row")
	require.True(t, m.Scrolled, "three processes do not fit 390 px without breaking words: the matrix scrolls")
	assert.InDelta(t, m.WrapLeft, m.RowHeadLeft, 1, "the position names stay in view when the matrix scrolls")
	assert.LessOrEqual(t, m.LastRight, m.WrapRight+1, "scrolled to the end, the last process is in view")
}
