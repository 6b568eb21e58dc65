//go:build !js

package observe_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/page/observe"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
	"github.com/purposefulcx/purposeful/wasm/page/ui/uitest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// openGrid keeps a grid with two adopted ideas on the device, as the main
// page does when it is open there.
func openGrid(t *testing.T, h *uitest.Host) {
	t.Helper()
	g := &grid.Grid{Version: grid.Version, Position: "Front-desk agent", Process: "Guest check-in",
		Purpose: "To create a loyal guest who tells friends about the hotel and comes back.",
		Purposeful: []grid.Item{
			{ID: "p1", Text: "Greet every guest within 10 seconds of reaching the desk.", Status: grid.Adopted, Votes: 5},
			{ID: "p2", Text: "Use the guest's name at least twice.", Kind: grid.Behaviour, Status: grid.Adopted, Votes: 7},
			{ID: "p3", Text: "Leave a handwritten welcome card.", Status: grid.Parked, Votes: 9},
		}}
	d, err := ui.OpenGrid("g-checkin", g, time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	require.NoError(t, ui.Library{S: h.Storage()}.Save(d))
	require.NoError(t, h.Storage().Set(observe.CurrentGridKey, "g-checkin"))
}

// storedBook reads a book back through the API with the organisation key.
func storedBook(t *testing.T, tr *apiTransport, key, id string) *standards.Book {
	t.Helper()
	w := tr.call(http.MethodGet, "/v1/accountability/books/"+id, key, nil)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	var out struct{ Book *standards.Book }
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &out))
	return out.Book
}

func TestBookDraftedFromTheGridShowsLintOnSave(t *testing.T) {
	tr, tok, key := setup(t)
	h := uitest.New()
	openGrid(t, h)
	observe.New(h, tr).Start()
	signIn(t, h, tok)
	app := h.El("app")
	require.NotNil(t, app.ByTest("acc-tab-book"), "a supervisor sees the Book tab")
	h.SetHash("book")
	assert.Contains(t, app.ByTest("acc-book-grid").TextContent(), "2 adopted ideas")
	app.ByTest("acc-book-id").Type("checkin")
	app.ByTest("acc-book-team").Type("frontdesk")
	app.ByTest("acc-book-draft").Click()
	assert.Contains(t, app.ByTest("acc-message").TextContent(), "Drafted 2 standards")
	require.Len(t, app.ByTest("acc-book-standards").FindAll("data-test", "acc-std-1-statement"), 1)
	assert.Equal(t, "checkin", app.ByTest("acc-book-id").Value(), "what was typed survives the draft")
	assert.Equal(t, "Greet every guest within 10 seconds of reaching the desk.", app.ByTest("acc-std-1-statement").Value())
	// a vague rewrite the linter should question
	app.ByTest("acc-std-0-statement").Type("Be friendly to guests as appropriate.")
	app.ByTest("acc-book-save").Click()

	lint := app.ByTest("acc-lint")
	require.NotNil(t, lint, app.TextContent())
	assert.Contains(t, lint.TextContent(), "The linter found")
	assert.NotNil(t, app.ByTest("acc-std-0-lint"), "the finding shows at the standard it is about")

	b := storedBook(t, tr, key, "checkin")
	require.Len(t, b.Standards, 2)
	assert.Equal(t, "Be friendly to guests as appropriate.", b.Standards[0].Statement)
	assert.Equal(t, "To create a loyal guest who tells friends about the hotel and comes back.", b.Purpose, "the purpose comes from the grid")
	require.Len(t, b.Scorecards, 1, "a new book gets a scorecard so it can be observed at once")
	for _, s := range b.Standards {
		_, on := b.Scorecards[0].Criterion(s.ID)
		assert.True(t, on, "%s is on the scorecard", s.Code)
	}

	// the new book is on the Observe screen at once
	h.SetHash("observe")
	assert.Contains(t, app.ByTest("acc-book").TextContent(), "checkin (frontdesk)")
}

func TestBookByHand(t *testing.T) {
	tr, tok, key := setup(t)
	h := uitest.New()
	observe.New(h, tr).Start()
	signIn(t, h, tok)
	app := h.El("app")
	h.SetHash("book")
	assert.Contains(t, app.ByTest("acc-book-grid").TextContent(), "No grid is open")
	assert.Nil(t, app.ByTest("acc-book-draft"))

	// edit the stored book: add a standard by hand, first without a statement
	app.ByTest("acc-edit-book").Val = "fd"
	app.ByTest("acc-edit-book").Fire(uiChange)
	require.Equal(t, "fd", app.ByTest("acc-book-id").Value())
	app.ByTest("acc-book-add").Click()
	require.NotNil(t, app.ByTest("acc-std-2-code"))
	assert.Equal(t, "Front desk", app.ByTest("acc-std-2-position").Value(), "a new standard starts where the last one is")
	app.ByTest("acc-book-save").Click()
	assert.Contains(t, app.ByTest("acc-message").TextContent(), "statement", "the refusal names the field")
	assert.Nil(t, app.ByTest("acc-lint"))
	assert.Len(t, storedBook(t, tr, key, "fd").Standards, 2, "nothing saved")
	h.SetHash("observe")
	require.NotNil(t, app.ByTest("acc-item-1-1"))
	assert.Nil(t, app.ByTest("acc-item-2-1"), "the refused book leaves the observe form as it was")
	h.SetHash("book")
	require.NotNil(t, app.ByTest("acc-std-2-statement"), "the draft waits on the Book screen")

	app.ByTest("acc-std-2-statement").Type("Hand over the room key with both hands.")
	app.ByTest("acc-book-save").Click()
	require.NotNil(t, app.ByTest("acc-lint"), app.ByTest("acc-message").TextContent())
	b := storedBook(t, tr, key, "fd")
	require.Len(t, b.Standards, 3)
	assert.Equal(t, "Hand over the room key with both hands.", b.Standards[2].Statement)
	_, on := b.Scorecards[0].Criterion(b.Standards[2].ID)
	assert.True(t, on, "the new standard joins the scorecard")

	// removing a standard takes it off the scorecard too
	app.ByTest("acc-std-1-remove").Click()
	app.ByTest("acc-book-save").Click()
	b = storedBook(t, tr, key, "fd")
	require.Len(t, b.Standards, 2)
	_, on = b.Scorecards[0].Criterion("s2")
	assert.False(t, on)
}

func TestBookIsForSupervisors(t *testing.T) {
	tr, _, key := setup(t)
	w := tr.call(http.MethodPut, "/v1/accountability/people/staff-02", key, []byte(`{"role":"staff","team":"harbour"}`))
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	var p struct{ Token string }
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &p))
	h := uitest.New()
	observe.New(h, tr).Start()
	signIn(t, h, p.Token)
	app := h.El("app")
	assert.Nil(t, app.ByTest("acc-tab-book"))
	h.SetHash("book")
	assert.Equal(t, "observe", app.Find("class", "screen").Attrs["data-screen"])
	assert.Nil(t, app.ByTest("acc-book-save"))
}

var uiChange = ui.Event{Type: "change"}
