package grid

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHuddle(t *testing.T) {
	g := SampleFrontDesk()
	plan, err := Huddle(g, HuddleOptions{})
	require.NoError(t, err)
	adopted := g.Adopted()
	require.Len(t, plan.Meetings, len(adopted), "one huddle per adopted idea by default")
	for i, m := range plan.Meetings {
		assert.Equal(t, adopted[i].ID, m.ItemID, "the plan rotates through the ideas in rank order")
		total := 0
		for _, s := range m.Agenda {
			total += s.Minutes
			assert.Positive(t, s.Minutes)
		}
		assert.Equal(t, 10, total, "a huddle lasts ten minutes")
		assert.Contains(t, m.Agenda[2].Prompt, "since the last huddle", "every huddle asks for real examples")
		assert.Empty(t, m.Date, "no start, no dates")
	}

	// Weekly, dated, more meetings than ideas: it wraps around.
	start := time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC) // a Friday
	plan, err = Huddle(g, HuddleOptions{Frequency: Weekly, Meetings: len(adopted) + 2, Minutes: 15, Start: start})
	require.NoError(t, err)
	assert.Equal(t, adopted[0].ID, plan.Meetings[len(adopted)].ItemID)
	assert.Equal(t, "2026-03-13", plan.Meetings[1].Date)
	assert.Equal(t, 15, plan.Minutes)

	// Daily skips the weekend.
	plan, err = Huddle(g, HuddleOptions{Meetings: 2, Start: start})
	require.NoError(t, err)
	assert.Equal(t, "2026-03-06", plan.Meetings[0].Date)
	assert.Equal(t, "2026-03-09", plan.Meetings[1].Date)
	assert.Contains(t, plan.Markdown(), "## Huddle 2 (2026-03-09)")
}

func TestHuddleErrors(t *testing.T) {
	_, err := Huddle(SampleFrontDesk().Template(), HuddleOptions{})
	assert.ErrorIs(t, err, ErrNoAdopted)
	_, err = Huddle(SampleFrontDesk(), HuddleOptions{Minutes: 60})
	assert.ErrorIs(t, err, ErrOutOfRange)
	_, err = Huddle(SampleFrontDesk(), HuddleOptions{Meetings: -1})
	assert.ErrorIs(t, err, ErrOutOfRange)
}

func TestSplitMinutes(t *testing.T) {
	for m := 5; m <= 30; m++ {
		s := splitMinutes(m)
		assert.Equal(t, m, s[0]+s[1]+s[2]+s[3]+s[4], "minutes %d", m)
	}
}
