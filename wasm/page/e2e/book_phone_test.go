package e2e

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/page/device"
	"github.com/purposefulcx/purposeful/wasm/page/observe"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// TestBookOnPhone: a supervisor on a 390 px phone drafts a standards book
// from the adopted ideas of the grid kept on the phone, rewrites one
// standard, adds one by hand, saves, and reads the linter's findings; the
// book is stored with a scorecard and can be observed at once.
func TestBookOnPhone(t *testing.T) {
	needBrowser(t)
	src := axeSource(t)
	a := startAccServer(t)
	ph := launch(t, "", 390, 844)
	ph.signIn(t, a, a.tokens["sup-ana"])

	// The grid the main page keeps on this phone.
	g := &grid.Grid{Version: grid.Version, Position: "Night auditor", Process: "Late arrival",
		Purpose: "To make a tired guest feel expected, whatever the hour.",
		Purposeful: []grid.Item{
			{ID: "p1", Text: "Have the key ready before a late guest reaches the desk.", Status: grid.Adopted, Votes: 6},
			{ID: "p2", Text: "Tell the guest where to find food at this hour.", Status: grid.Adopted, Votes: 4},
		}}
	mem := device.MapStorage{}
	d, err := ui.OpenGrid("g-late", g, time.Now())
	require.NoError(t, err)
	require.NoError(t, ui.Library{S: mem}.Save(d))
	mem[observe.CurrentGridKey] = "g-late"
	ph.store(t, mem)

	ph.load(t, a.base+"observe.html#book", "book")
	ph.waitFor(t, "the grid", textHas("acc-book-grid", "2 adopted ideas"))
	ph.setText(t, "acc-book-id", "late")
	ph.setText(t, "acc-book-team", "nights")
	ph.click(t, "acc-book-draft")
	ph.waitFor(t, "the drafts", `!!document.querySelector('[data-test="acc-std-1-statement"]')`)
	ph.setText(t, "acc-std-1-statement", "Be helpful with food as appropriate.")
	ph.click(t, "acc-book-add")
	ph.waitFor(t, "the new standard", `!!document.querySelector('[data-test="acc-std-2-statement"]')`)
	ph.setText(t, "acc-std-2-statement", "Offer a wake-up call before the guest leaves the desk.")
	var width int
	ph.eval(t, `document.documentElement.scrollWidth`, &width)
	assert.LessOrEqual(t, width, 390, "the editor fits the phone's width")
	assert.Empty(t, ph.axe(t, src), "book screen: serious or critical axe violations")
	ph.click(t, "acc-book-save")
	ph.waitFor(t, "the lint", `!!document.querySelector('[data-test="acc-lint"]')`)
	assert.Contains(t, ph.text(t, byTest("acc-lint")), "Saved.")
	ph.shot(t, "book-saved-phone")

	code, body := a.do(t, http.MethodGet, "/books/late", a.key, nil)
	require.Equal(t, http.StatusOK, code, "%s", body)
	var got struct {
		Team string
		Book standards.Book
	}
	require.NoError(t, json.Unmarshal(body, &got))
	assert.Equal(t, "nights", got.Team)
	require.Len(t, got.Book.Standards, 3)
	assert.Equal(t, "Be helpful with food as appropriate.", got.Book.Standards[1].Statement)
	assert.Equal(t, "Offer a wake-up call before the guest leaves the desk.", got.Book.Standards[2].Statement)
	require.Len(t, got.Book.Scorecards, 1)

	// The new book is on the Observe screen without signing in again.
	ph.load(t, a.base+"observe.html#observe", "observe")
	assert.Contains(t, ph.text(t, byTest("acc-book")), "late (nights)")
}
