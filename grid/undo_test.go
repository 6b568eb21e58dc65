package grid

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func itemView(t *testing.T, s *Session, viewer, id string) ItemView {
	t.Helper()
	v, err := s.View(viewer, t0)
	require.NoError(t, err)
	for _, it := range v.Items {
		if it.ID == id {
			return it
		}
	}
	t.Fatalf("no item %s", id)
	return ItemView{}
}

func TestUnmergeRestoresTheMergedIdeas(t *testing.T) {
	events := workshop(Named)[:29] // voting closed, before scores and decisions
	s := applyAll(t, events)
	before := snapshot(t, s)
	i1 := itemView(t, s, "f", "i1")
	require.Equal(t, 3, *i1.Votes)
	require.Len(t, i1.Evidence, 2, "i4's evidence joined i1 at e20")

	require.NoError(t, s.Apply(ev("u1", MergeItems, "f", 1501, withItem("i2"), withItems("i1"))))
	merged := itemView(t, s, "f", "i2")
	assert.Equal(t, 5, *merged.Votes)
	assert.Equal(t, "i2", itemView(t, s, "f", "i1").MergedInto)

	require.NoError(t, s.Apply(ev("u2", Unmerge, "f", 1502, withItem("i2"))))
	back := itemView(t, s, "f", "i1")
	assert.Empty(t, back.MergedInto)
	assert.False(t, back.Hidden)
	assert.Equal(t, 3, *back.Votes, "i1 gets its own dots back")
	assert.Equal(t, 2, *itemView(t, s, "f", "i2").Votes)
	assert.Len(t, itemView(t, s, "f", "i2").Evidence, 1, "i2 loses the evidence i1 brought")

	require.NoError(t, s.Apply(ev("u3", Unmerge, "f", 1503, withItem("i1"))), "the merge from the log (e20) can be undone too")
	assert.Equal(t, 3, *itemView(t, s, "f", "i1").Votes, "dots cast after the merge stay where they were cast")
	assert.Equal(t, 0, *itemView(t, s, "f", "i4").Votes)
	assert.False(t, itemView(t, s, "f", "i4").Hidden)

	err := s.Apply(ev("u4", Unmerge, "f", 1504, withItem("i1")))
	assert.ErrorIs(t, err, ErrNoMerge)
	assert.ErrorIs(t, s.Apply(ev("u5", Unmerge, "p1", 1505, withItem("i2"))), ErrForbidden)

	r, err := Replay(s.Log())
	require.NoError(t, err)
	assert.Equal(t, snapshot(t, s), snapshot(t, r), "unmerges replay")
	assert.NotEqual(t, before, snapshot(t, s))
}

func TestImportContinuesAGrid(t *testing.T) {
	g := SampleFrontDesk()
	s := NewSession()
	require.NoError(t, s.Apply(ev("c", Create, "f", 0, withName("Sam"))))
	require.NoError(t, s.Apply(ev("i", Import, "f", 1, func(e *Event) { e.Grid = g })))
	out, err := s.Export("f")
	require.NoError(t, err)
	assert.Equal(t, g.Position, out.Position)
	assert.Equal(t, g.Values, out.Values)
	require.Len(t, out.Purposeful, len(g.Purposeful))
	for i, it := range g.Purposeful {
		got := out.Purposeful[i]
		assert.Equal(t, it.Text, got.Text)
		assert.Equal(t, it.Votes, got.Votes)
		assert.Equal(t, it.Status, got.Status)
		assert.Equal(t, it.Score, got.Score)
		assert.Equal(t, it.Evidence, got.Evidence)
	}
	assert.Len(t, out.Knowledge, len(g.Knowledge))

	// The import goes through the log like any event.
	log, err := EncodeLog(s.Log())
	require.NoError(t, err)
	events, err := DecodeLog(log)
	require.NoError(t, err)
	r, err := Replay(events)
	require.NoError(t, err)
	assert.Equal(t, snapshot(t, s), snapshot(t, r))

	tests := []struct {
		name string
		e    Event
		want error
	}{
		{"twice", ev("i2", Import, "f", 2, func(e *Event) { e.Grid = g }), ErrWrongStep},
		{"participant", ev("i3", Import, "p", 2, func(e *Event) { e.Grid = g }), ErrNotMember},
		{"invalid grid", ev("i4", Import, "f", 2, func(e *Event) { e.Grid = &Grid{Knowledge: []Item{{ID: "k"}}} }), ErrRequired},
		{"no grid", ev("i5", Import, "f", 2), ErrRequired},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.ErrorIs(t, s.Apply(tc.e), tc.want)
		})
	}
}
