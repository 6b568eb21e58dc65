package standards

import (
	"testing"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func checkInGrid() *grid.Grid {
	return &grid.Grid{
		Version:  grid.Version,
		Position: "Front-desk agent",
		Purpose:  "To create a loyal guest who tells friends about the hotel and comes back.",
		Process:  "Guest check-in",
		Knowledge: []grid.Item{
			{ID: "k1", Text: "Room types and rates"},
		},
		Purposeful: []grid.Item{
			{ID: "p1", Text: "Greet every guest within 10 seconds of reaching the desk.", Status: grid.Adopted, Votes: 5},
			{ID: "p2", Text: "Use the guest's name at least twice.", Kind: grid.Behaviour, Status: grid.Adopted, Votes: 7},
			{ID: "p3", Text: "Leave a handwritten welcome card.", Status: grid.Parked, Votes: 9},
		},
	}
}

func TestDraftFromGrid(t *testing.T) {
	drafts, err := DraftFromGrid(checkInGrid(), DraftSettings{Priorities: DefaultPriorities})
	require.NoError(t, err)
	require.Len(t, drafts, 2, "only adopted purposeful items")

	first := drafts[0]
	assert.Equal(t, "p2", first.Item, "rank order: more votes first")
	assert.Equal(t, "FDA-GCI-01", first.Standard.Code)
	assert.Equal(t, Behaviour, first.Standard.Class)
	assert.Equal(t, Draft, first.Standard.Status)
	assert.Equal(t, 1, first.Standard.Version)
	assert.Equal(t, "Front-desk agent", first.Standard.Position)
	assert.Equal(t, "To create a loyal guest who tells friends about the hotel and comes back.", first.Standard.Rationale, "rationale drawn from the purpose")
	assert.Equal(t, YesNo, first.Standard.Method.Kind)
	var missing []string
	for _, g := range first.Missing {
		missing = append(missing, g.Field)
	}
	assert.Equal(t, []string{"step", "rationale", "deviation", "method", "priority"}, missing)
	assert.Contains(t, rulesOf(first.Findings), RuleDeviation)
	require.NoError(t, first.Standard.Validate(), "a draft is a valid standard")

	second := drafts[1]
	assert.Equal(t, Action, second.Standard.Class, "the purposeful column's kind")
	assert.Equal(t, Method{Kind: Threshold, Value: 10, Unit: "second"}, second.Standard.Method, "the number in the text becomes the threshold")
	for _, g := range second.Missing {
		assert.NotEqual(t, "method", g.Field)
	}
	assert.NotContains(t, rulesOf(second.Findings), RuleMeasurable)
}

func TestDraftFromGridSettings(t *testing.T) {
	drafts, err := DraftFromGrid(checkInGrid(), DraftSettings{CodePrefix: "CI"})
	require.NoError(t, err)
	assert.Equal(t, "CI-02", drafts[1].Standard.Code)
	for _, g := range drafts[0].Missing {
		assert.NotEqual(t, "priority", g.Field, "no priority list, nothing to choose")
	}
}

func TestDraftFromGridBadInput(t *testing.T) {
	_, err := DraftFromGrid(nil, DraftSettings{})
	assert.ErrorIs(t, err, ErrMissing)
	g := checkInGrid()
	g.Purpose = ""
	_, err = DraftFromGrid(g, DraftSettings{})
	require.Error(t, err)
	assert.ErrorIs(t, err, grid.ErrRequired)
	assert.Contains(t, err.Error(), "purpose")

	g = checkInGrid()
	g.Purposeful = nil
	drafts, err := DraftFromGrid(g, DraftSettings{})
	require.NoError(t, err)
	assert.Empty(t, drafts)
}

func TestInitials(t *testing.T) {
	assert.Equal(t, "FDA", initials("Front-desk agent"))
	assert.Equal(t, "GCI", initials("Guest check-in"))
	assert.Equal(t, "STD", initials("  "))
}
