package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// TestStandardsBuilder drafts standards from a grid's adopted ideas, shows
// lint highlights, applies a fix and plans the training.
func TestStandardsBuilder(t *testing.T) {
	needBrowser(t)
	review := []grid.Evidence{{Source: grid.OtherSource, Note: "Review site"}}
	d, err := ui.OpenGrid("gstd", &grid.Grid{Position: "Front-desk agent", Process: "Guest check-in",
		Purpose:   "To create loyal guests who come back and tell their friends",
		Knowledge: []grid.Item{{ID: "i1", Text: "Room types and rates"}},
		Skills:    []grid.Item{{ID: "i2", Text: "Run the reservation system"}},
		Purposeful: []grid.Item{
			{ID: "e3", Text: "Greet returning guests by name within 30 seconds of arrival", Evidence: review, Status: grid.Adopted},
			{ID: "e4", Text: "Try to be friendly and helpful as appropriate", Evidence: review, Status: grid.Adopted},
		}}, time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	s := launch(t, "", 1280, 900)
	s.seed(t, d, "#home")
	s.open(t, "#standards")
	s.click(t, "to-standards")
	s.run(t, chromedp.WaitVisible(`#app[data-ready="1"] .screen[data-screen="standards"]`, chromedp.ByQuery))
	var cards int
	s.eval(t, `document.querySelectorAll('[data-test^="standard-"]').length`, &cards)
	assert.Equal(t, 2, cards, "one draft per adopted idea")
	lint := s.text(t, byTest("lint-1"))
	assert.NotContains(t, lint, "No problems found", "the vague standard has findings")
	var marks int
	s.eval(t, `document.querySelectorAll('[data-test="standard-1"] .mirror mark').length`, &marks)
	assert.Greater(t, marks, 0, "problems highlighted in the text")
	var fixes int
	s.eval(t, `document.querySelectorAll('[data-test="lint-1"] button').length`, &fixes)
	if fixes > 0 {
		before := s.text(t, byTest("lint-1"))
		s.run(t, chromedp.Click(`[data-test="lint-1"] button`, chromedp.ByQuery))
		assert.NotEqual(t, before, s.text(t, byTest("lint-1")), "a fix changes the findings")
	}
	assert.Contains(t, s.text(t, byTest("training-plan")), "Greet returning guests")
	s.shot(t, "standards")
	// The edits are saved with the grid.
	s.typeText(t, "rationale-0", " Guests who feel remembered come back.")
	s.run(t, chromedp.Sleep(400*time.Millisecond))
	back := s.storedDoc(t, "gstd")
	require.Len(t, back.Standards, 2)
	assert.Contains(t, back.Standards[0].Rationale, "Guests who feel remembered come back.")
}
