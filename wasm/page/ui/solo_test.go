package ui_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/device"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

var at = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// Typing is kept as one event per save, not one per keystroke, and the
// stored log replays to the same grid.
func TestSoloTypingIsOneEventPerSave(t *testing.T) {
	d := ui.NewSolo("g1", at)
	start := d.Mark(at)
	for _, v := range []string{"N", "Nu", "Nur", "Nurs", "Nurse"} {
		d.EditCourse(func(c *grid.Course) { c.Position = v })
	}
	assert.Equal(t, "Nurse", d.Title(), "the title follows the typing")
	assert.Equal(t, start+1, d.Mark(at), "one course event for the whole word")
	assert.Equal(t, start+1, d.Mark(at), "and none when nothing changed")

	mem := device.MapStorage{}
	require.NoError(t, ui.Library{S: mem}.Save(d))
	back, err := ui.Library{S: mem}.Load("g1")
	require.NoError(t, err)
	assert.Equal(t, "Nurse", back.Course().Position)
	assert.Equal(t, d.Grid(), back.Grid())
}

// Undo goes back to a mark by dropping the events since, and what is
// added after an undo sorts after what is kept, through a reload.
func TestSoloUndoAndReload(t *testing.T) {
	d := ui.NewSolo("g2", at)
	require.NoError(t, d.SetStep(at, grid.StepMine))
	add := func(id, text string) {
		require.NoError(t, d.Send(at, grid.Event{Type: grid.AddItem, Item: id, Column: grid.ColumnPurposeful, Text: text}))
	}
	add("e1", "Greet every patient by name")
	mark := d.Mark(at)
	add("e2", "Explain what happens next")
	require.NoError(t, d.Send(at, grid.Event{Type: grid.Vote, Item: "e2"}))
	require.NoError(t, d.UndoTo(mark))
	assert.Len(t, d.Grid().Purposeful, 1, "the idea and its dot are undone")
	add("e3", "Offer a warm blanket")

	mem := device.MapStorage{}
	require.NoError(t, ui.Library{S: mem}.Save(d))
	back, err := ui.Library{S: mem}.Load("g2")
	require.NoError(t, err)
	require.NoError(t, back.Send(at, grid.Event{Type: grid.Vote, Item: "e3"}))
	g := back.Grid()
	require.Len(t, g.Purposeful, 2)
	assert.Equal(t, []string{"Greet every patient by name", "Offer a warm blanket"}, []string{g.Purposeful[0].Text, g.Purposeful[1].Text})
	assert.Equal(t, 1, g.Purposeful[1].Votes)
	assert.Equal(t, grid.StepMine, back.Step())
}

// Every file the page saved or exported before it ran on grid opens, at
// the step it was at, with its ladder.
func TestSoloOpensOldWorkshops(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "grid", "testdata", "workshop-v1")
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			u, err := grid.UpgradeWorkshop(b)
			require.NoError(t, err)
			d, err := ui.DecodeSolo("new", b, at)
			require.NoError(t, err)
			assert.Equal(t, u.Grid.ID, d.ID, "the old id is kept")
			assert.Equal(t, u.Step, d.Step())
			assert.Equal(t, u.Ladder, d.Ladder)
			g := d.Grid()
			assert.Equal(t, u.Grid.Position, g.Position)
			assert.Equal(t, len(u.Grid.Purposeful), len(g.Purposeful))
			assert.Equal(t, len(u.Grid.Adopted()), len(g.Adopted()))
		})
	}
}

// The ladder and the standards drafts are kept beside the grid, whatever
// their text holds.
func TestSoloDraftsAreKept(t *testing.T) {
	d := ui.NewSolo("g3", at)
	d.Ladder = []string{"Check guests in", `So they can "rest"`, "line\nbreak"}
	d.Standards = []ui.StandardDraft{{Code: "FD-1", Item: "e1", Statement: "Greet every guest.", Rationale: "They feel expected.", Deviation: ""},
		{Statement: "Offer water.\tNow", Gaps: []string{"not stored"}}}
	mem := device.MapStorage{}
	require.NoError(t, ui.Library{S: mem}.Save(d))
	back, err := ui.Library{S: mem}.Load("g3")
	require.NoError(t, err)
	assert.Equal(t, d.Ladder, back.Ladder)
	d.Standards[1].Gaps = nil
	assert.Equal(t, d.Standards, back.Standards)

	mem["purposeful.drafts.g3"] = "purposeful.page-drafts/v1\nstandard \"only one field\""
	back, err = ui.Library{S: mem}.Load("g3")
	require.NoError(t, err, "the grid opens without its unreadable drafts")
	assert.Empty(t, back.Standards)
}
