package ui_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/device"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
	"github.com/purposefulcx/purposeful/wasm/page/ui/uitest"
)

// savedGrid stores a grid with n adopted-worthy ideas, n of them voted,
// and returns its id.
func savedGrid(t testing.TB, s device.Storage, id, position string, n int) {
	t.Helper()
	d := ui.NewSolo(id, at)
	d.EditCourse(func(c *grid.Course) { c.Position, c.Process = position, "Check-in" })
	require.NoError(t, d.SetStep(at, grid.StepMine))
	for i := range n {
		item := "e" + strconv.Itoa(i)
		require.NoError(t, d.Send(at.Add(time.Duration(i)*time.Second), grid.Event{Type: grid.AddItem, Item: item, Column: grid.ColumnPurposeful, Text: "Greet every guest by name, idea " + item}))
	}
	require.NoError(t, ui.Library{S: s}.Save(d))
}

func homeRow(t *testing.T, h *uitest.Host, id string) string {
	t.Helper()
	for _, li := range find(t, h, "saved-list").Kids {
		if li.ByTest("open-"+id) != nil {
			return li.TextContent()
		}
	}
	t.Fatalf("grid %s is not listed", id)
	return ""
}

// The home screen lists saved grids from their listings, and a listing
// that does not describe the stored log (an older page wrote the log, or
// the tab closed between the two writes) is made again from the log.
func TestHomeListsFromListings(t *testing.T) {
	h := uitest.New()
	savedGrid(t, h.Store, "a", "Nurse", 2)
	savedGrid(t, h.Store, "b", "Porter", 3)
	start(t, h)
	assert.Contains(t, homeRow(t, h, "a"), "Nurse · Check-in")
	assert.Contains(t, homeRow(t, h, "b"), "Mine for gold")

	// A listing that no longer matches its log is not believed.
	other := device.MapStorage{}
	savedGrid(t, other, "b", "Bellhop", 5)
	log, _ := other.Get("purposeful.workshop.b")
	require.NoError(t, h.Store.Set("purposeful.workshop.b", log))
	// And a log with no listing at all is read and listed.
	h.Store.Remove("purposeful.listing.a")
	h.SetHash("activity")
	h.SetHash("home")
	assert.Contains(t, homeRow(t, h, "a"), "Nurse · Check-in")
	listing, ok := h.Store.Get("purposeful.listing.a")
	assert.True(t, ok, "the listing is written again")
	assert.True(t, strings.HasPrefix(listing, ui.ListingVersion), listing)
	assert.Contains(t, homeRow(t, h, "b"), "Bellhop · Check-in", "read from the log, not the old listing")
	assert.Equal(t, "Open Bellhop · Check-in", find(t, h, "open-b").Attr("aria-label"))

	// Opening a listed grid reads the grid itself.
	find(t, h, "open-b").Click()
	assert.Equal(t, "activity", h.HashValue)
}

// A saved copy that cannot be read is listed with the reason, whether or
// not a listing for it is stored, and deleting a grid removes its listing.
func TestHomeListsUnreadableCopies(t *testing.T) {
	h := uitest.New()
	savedGrid(t, h.Store, "a", "Nurse", 1)
	require.NoError(t, h.Store.Set("purposeful.workshop.a", `{"version":"purposeful.session/v1","events":[`))
	start(t, h)
	assert.Contains(t, app(h).TextContent(), "This saved copy cannot be read")

	savedGrid(t, h.Store, "b", "Porter", 1)
	h.SetHash("activity")
	h.SetHash("home")
	find(t, h, "delete-b").Click()
	find(t, h, "confirm-delete").Click()
	_, ok := h.Store.Get("purposeful.listing.b")
	assert.False(t, ok, "the listing goes with the grid")
}

// Listing saved grids reads their listings, not their logs: the home
// screen of a facilitator with 30 grids of 60 ideas each.
func BenchmarkLibraryList(b *testing.B) {
	mem := device.MapStorage{}
	for g := range 30 {
		savedGrid(b, mem, "g"+strconv.Itoa(g), "Nurse "+strconv.Itoa(g), 60)
	}
	lib := ui.Library{S: mem}
	b.ResetTimer()
	for range b.N {
		if n := len(lib.List()); n != 30 {
			b.Fatal(n)
		}
	}
}

// The grid that was open when the page closed is read when a screen needs
// it, not before the home screen shows: it is there for the activity, for
// Doc, and for deleting from the home screen.
func TestLastGridIsReadWhenNeeded(t *testing.T) {
	h := uitest.New()
	savedGrid(t, h.Store, "a", "Nurse", 2)
	savedGrid(t, h.Store, "b", "Porter", 1)
	require.NoError(t, h.Store.Set("purposeful.current", "b"))

	a := start(t, h)
	assert.Contains(t, homeRow(t, h, "b"), "Porter · Check-in")
	h.SetHash("activity")
	assert.Equal(t, "Porter · Check-in", find(t, h, "grid-title").TextContent())

	h2 := uitest.New()
	h2.Store = h.Store
	a = start(t, h2)
	if d := a.Doc(); assert.NotNil(t, d) {
		assert.Equal(t, "b", d.ID)
	}

	h3 := uitest.New()
	h3.Store = h.Store
	a = start(t, h3)
	find(t, h3, "delete-b").Click()
	find(t, h3, "confirm-delete").Click()
	_, ok := h3.Store.Get("purposeful.current")
	assert.False(t, ok, "the deleted grid is no longer the open one")
	assert.Nil(t, a.Doc())
	h3.SetHash("activity")
	assert.NotContains(t, app(h3).TextContent(), "Porter")
}
