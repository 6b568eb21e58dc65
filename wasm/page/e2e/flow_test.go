package e2e

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// TestFacilitatorFlow runs the whole 3 Ps activity from an empty grid to
// an exported one, with keyboard entry, and saves screenshots of every
// step.
func TestFacilitatorFlow(t *testing.T) {
	needBrowser(t)
	s := launch(t, "", 1280, 860)
	downloads := t.TempDir()
	s.allowDownloads(t, downloads)
	s.open(t, "#home")
	assert.Contains(t, s.text(t, "h1"), "Your workshops")
	s.shot(t, "01-home-empty")

	s.newGrid(t)
	// Step 1: set the course.
	s.typeText(t, "position", "Front-desk agent")
	s.typeText(t, "process", "Guest check-in")
	s.typeText(t, "purpose", "To create loyal guests who tell their friends about us and come back again")
	s.typeText(t, "value-new", "Genuine care"+kb.Enter)
	s.typeText(t, "value-new", "Own the moment"+kb.Enter)
	s.typeText(t, "kpi-new", "Check-in under 3 minutes"+kb.Enter)
	s.typeText(t, "kpi-new", "Guest satisfaction score"+kb.Enter)
	assert.Equal(t, "Front-desk agent · Guest check-in", s.text(t, byTest("grid-title")))
	s.shot(t, "02-course")

	// Step 2: involve the team, with classifier hints.
	s.click(t, "next")
	assert.Equal(t, "Involve the team", s.text(t, byTest("phase-title")))
	var focused string
	s.eval(t, `document.activeElement.textContent`, &focused)
	assert.Equal(t, "Involve the team", focused, "focus moves to the step heading")
	for _, k := range []string{"Room types and rates", "The loyalty programme tiers", "Local sights and opening hours"} {
		s.typeText(t, "knowledge-new", k+kb.Enter)
	}
	s.typeText(t, "skill-new", "Run the reservation system")
	s.run(t, chromedp.Sleep(50*time.Millisecond))
	hint := s.text(t, ".column-skill > .hint-line")
	assert.Contains(t, hint, "reads like", "live classifier hint while typing")
	s.typeText(t, "skill-new", kb.Enter)
	for _, k := range []string{"Take payment by card", "Upsell a room upgrade"} {
		s.typeText(t, "skill-new", k+kb.Enter)
	}
	s.shot(t, "03-team")

	// Step 3: get creative: timer and evidence cards.
	s.click(t, "next")
	s.setText(t, "timer-length", "15")
	s.click(t, "timer-start")
	s.run(t, chromedp.Sleep(1200*time.Millisecond))
	clock := s.text(t, byTest("timer-clock"))
	assert.Contains(t, []string{"14:59", "14:58", "14:57"}, clock, "the timer runs")
	s.click(t, "timer-start") // pause
	s.click(t, "timer-extend")
	clock = s.text(t, byTest("timer-clock"))
	assert.True(t, strings.HasPrefix(clock, "19:5"), "extend adds five minutes: %s", clock)
	ideas := []struct{ text, source string }{
		{"Walk first-time guests to the lift and point out the breakfast room", "Own experience as a customer"},
		{"Greet returning guests by name before they give it", "Review site"},
		{"Leave a handwritten welcome note for guests celebrating a birthday", "Trade publication"},
		{"Greet returning guests using their name", "A colleague"},
	}
	for i, idea := range ideas {
		s.typeText(t, "idea-text", idea.text)
		s.run(t, chromedp.SetValue(byTest("idea-source"), idea.source, chromedp.ByQuery))
		if i == 0 {
			s.run(t, chromedp.SetValue(byTest("idea-tag"), "Genuine interest", chromedp.ByQuery))
		}
		s.click(t, "idea-add")
		var tag string
		s.eval(t, `document.querySelector('[data-test="idea-tag"]').value`, &tag)
		assert.Equal(t, "—", tag, "the Behaviour dropdown starts empty for the next card")
	}
	var cards int
	s.eval(t, `document.querySelectorAll('[data-test="cards"] .evidence').length`, &cards)
	assert.Equal(t, 4, cards)
	s.shot(t, "04-creative")

	// Step 4: mine for gold: vote, criteria, merge, adopt.
	s.click(t, "next")
	dot := func(idea string) {
		s.run(t, chromedp.Click(`button[aria-label="Add a dot to: `+idea+`"]`, chromedp.ByQuery))
	}
	dot(ideas[1].text)
	dot(ideas[1].text)
	dot(ideas[0].text)
	dot(ideas[2].text)
	dot(ideas[3].text)
	var order []string
	s.eval(t, `[...document.querySelectorAll('[data-test="gold-list"] .gold-text')].map(e => e.textContent)`, &order)
	assert.Equal(t, []string{ideas[1].text, ideas[0].text, ideas[2].text, ideas[3].text}, order, "ideas sorted by dots, ties in the order written")
	// merge the last idea (a duplicate) into the first (the same greeting idea), after confirming
	var target string
	s.eval(t, `document.querySelector('[data-test="merge-select-3"] option:nth-child(1)').value`, &target)
	s.run(t, chromedp.SetValue(byTest("merge-select-3"), target, chromedp.ByQuery))
	s.click(t, "merge-3")
	s.click(t, "confirm-merge")
	s.eval(t, `document.querySelectorAll('[data-test="gold-list"] > li').length`, &cards)
	assert.Equal(t, 3, cards, "merged idea leaves the list")
	assert.Equal(t, "3", s.text(t, byTest("votes-0")), "votes add up on merge")
	s.click(t, "undo")
	s.eval(t, `document.querySelectorAll('[data-test="gold-list"] > li').length`, &cards)
	assert.Equal(t, 4, cards, "undo brings the merged idea back")
	assert.Equal(t, "2", s.text(t, byTest("votes-0")))
	s.click(t, "merge-3")
	s.click(t, "confirm-merge")
	assert.Equal(t, "3", s.text(t, byTest("votes-0")))
	s.click(t, "adopt-0")
	s.click(t, "adopt-1")
	s.run(t, chromedp.Click(`[data-test="gold-list"] > li:nth-child(2) details summary`, chromedp.ByQuery))
	s.click(t, "met-1-0")
	s.shot(t, "05-gold")

	// Step 5: summary with the picture and exports.
	s.click(t, "next")
	table := s.text(t, byTest("grid-table"))
	for _, want := range []string{"Room types and rates", "Run the reservation system", "Greet returning guests by name", "Walk first-time guests"} {
		assert.Contains(t, table, want)
	}
	assert.NotContains(t, table, "handwritten", "not adopted, not in the grid")
	var loaded bool
	s.run(t, chromedp.Poll(`document.querySelector('[data-test="grid-picture"]').complete && document.querySelector('[data-test="grid-picture"]').naturalWidth > 0`, &loaded, chromedp.WithPollingTimeout(5*time.Second)))
	assert.True(t, loaded, "the grid picture renders")
	s.shot(t, "06-summary")
	// The print stylesheet keeps the grid and drops the controls.
	s.run(t, emulation.SetEmulatedMedia().WithMedia("print"))
	var hidden bool
	s.eval(t, `getComputedStyle(document.querySelector('.topbar')).display === "none" && getComputedStyle(document.querySelector('[data-test="export-json"]')).display === "none" && getComputedStyle(document.querySelector('[data-test="grid-table"]')).display !== "none"`, &hidden)
	assert.True(t, hidden, "print shows the grid without the controls")
	s.shot(t, "06-summary-print")
	s.run(t, emulation.SetEmulatedMedia().WithMedia(""))

	for _, k := range []string{"json", "csv", "md", "svg"} {
		s.click(t, "export-"+k)
	}
	base := "front-desk-agent-guest-check-in"
	exported := waitFile(t, downloads, base+".json")
	doc, err := ui.DecodeSolo("again", exported, time.Now())
	require.NoError(t, err, "the exported JSON imports again")
	assert.Equal(t, "Front-desk agent", doc.Course().Position)
	assert.Len(t, doc.Grid().Adopted(), 2)
	assert.Equal(t, []string{"Genuine care", "Own the moment"}, doc.Course().Values)
	// The same file opens with grid.Decode and in the API.
	g, err := grid.Decode(exported)
	require.NoError(t, err, "grid.Decode reads the page's export")
	assert.Equal(t, "Front-desk agent", g.Position)
	adopted := map[string]grid.Item{}
	for _, it := range g.Adopted() {
		adopted[it.Text] = it
	}
	require.Len(t, adopted, 2)
	assert.Equal(t, 3, adopted[ideas[1].text].Votes, "the merged dots")
	assert.Equal(t, []grid.Tag{grid.GenuineInterest}, adopted[ideas[0].text].Tags, "the behaviour chosen for the card")
	req := httptest.NewRequest(http.MethodPost, "/v1/grid/validate", bytes.NewReader(exported))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	api.New(api.Config{}).ServeHTTP(rec, req)
	assert.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.Contains(t, rec.Body.String(), `"valid":true`, "the API takes the page's export")
	csv := string(waitFile(t, downloads, base+".csv"))
	want, err := grid.CSV(g)
	require.NoError(t, err)
	assert.Equal(t, string(want), csv, "the page's CSV is the API's CSV")
	md := string(waitFile(t, downloads, base+".md"))
	assert.Contains(t, md, "| Room types and rates | Run the reservation system |")
	svg := string(waitFile(t, downloads, base+".svg"))
	assert.True(t, strings.HasPrefix(svg, "<svg"), "an SVG picture")
	assert.Contains(t, svg, "Purposeful actions and behaviours")

	// Home lists the grid and its coverage.
	s.open(t, "#home")
	assert.Contains(t, s.text(t, byTest("saved-list")), "Front-desk agent · Guest check-in")
	assert.Contains(t, s.text(t, byTest("coverage")), "2")
	s.shot(t, "07-home-saved")

	// The stored document is the versioned format.
	var raw string
	s.eval(t, `localStorage.getItem("purposeful.workshop." + localStorage.getItem("purposeful.current"))`, &raw)
	var probe map[string]any
	require.NoError(t, json.Unmarshal([]byte(raw), &probe))
	assert.Equal(t, grid.LogVersion, probe["version"], "the log of a grid session")
}
