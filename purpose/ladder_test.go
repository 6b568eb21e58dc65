package purpose

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLadderBaggageHandler(t *testing.T) {
	c, err := Ladder{}.Climb("Load and unload bags on the aircraft.",
		"So the bags go on the right flight.",
		"So the bags land at the same airport as the traveller.",
		"So travellers arrive with everything they need for their trip.",
	)
	require.NoError(t, err)
	require.Len(t, c.Rungs, 4)
	assert.Equal(t, ClimbReached, c.State)
	assert.Equal(t, "So travellers arrive with everything they need for their trip.", c.Purpose)
	assert.Empty(t, c.Next)
	assert.Equal(t, 3, c.Depth)
	steps := []Step{c.Rungs[0].Step, c.Rungs[1].Step, c.Rungs[2].Step, c.Rungs[3].Step}
	assert.Equal(t, []Step{StepStart, StepTask, StepCloser, StepPurpose}, steps)
	assert.Equal(t, "Why does that matter to travellers?", c.Rungs[1].Question)
	for _, r := range c.Rungs {
		assert.NotEmpty(t, r.Note)
		require.NotNil(t, r.Analysis)
	}
}

func TestLadderSteps(t *testing.T) {
	const fn = "Answer inbound calls and log them in the CRM."
	tests := []struct {
		name    string
		answers []string
		state   ClimbState
		step    Step
		next    string
	}{
		{"no answers yet", nil, ClimbClimbing, StepStart, "Why does that matter to callers?"},
		{"still a task", []string{"So every call gets logged."}, ClimbClimbing, StepTask, "That is still the task. Why does it matter to callers?"},
		{"circling", []string{"Because the inbound calls must be answered and logged."}, ClimbCircling, StepCircling, "That repeats an earlier answer. What would go wrong for callers if it were not done?"},
		{"drifting", []string{"So we hit our average handle time target."}, ClimbDrifting, StepDrifting, "That is a measure the organisation watches. What do callers gain when it goes well?"},
		{"closer", []string{"So the caller reaches someone."}, ClimbClimbing, StepCloser, "Why does that matter to callers?"},
		{"reached", []string{"So callers hang up with their problem solved."}, ClimbReached, StepPurpose, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Ladder{}.Climb(fn, tc.answers...)
			require.NoError(t, err)
			assert.Equal(t, tc.state, c.State)
			last := c.Rungs[len(c.Rungs)-1]
			assert.Equal(t, tc.step, last.Step, last.Note)
			assert.Equal(t, tc.next, c.Next)
		})
	}
}

func TestLadderDepth(t *testing.T) {
	l := Ladder{MaxDepth: 2, Customer: "the guest"}
	c, err := l.Climb("Check guests in.", "So the booking is confirmed.", "So the room is assigned.")
	require.NoError(t, err)
	assert.Equal(t, ClimbExhausted, c.State)
	assert.Empty(t, c.Next)
	assert.Equal(t, "Why does that matter to the guest?", c.Rungs[1].Question)

	_, err = l.Climb("Check guests in.", "a", "b", "c")
	assert.ErrorIs(t, err, ErrLadderDepth)

	c, err = Ladder{}.Climb("Check guests in.")
	require.NoError(t, err)
	assert.Equal(t, DefaultLadderDepth, c.Max)
}

func TestLadderStartsAtPurpose(t *testing.T) {
	c, err := Ladder{}.Climb("Guests feel at home from the moment they arrive.")
	require.NoError(t, err)
	assert.Equal(t, ClimbReached, c.State)
	assert.Empty(t, c.Next)
}

func TestLadderBadInput(t *testing.T) {
	_, err := Ladder{}.Climb("")
	assert.ErrorIs(t, err, ErrEmpty)
	assert.ErrorContains(t, err, "function")
	_, err = Ladder{}.Climb("Load bags.", "ok", "\xff")
	assert.ErrorIs(t, err, ErrInvalidUTF8)
	assert.ErrorContains(t, err, "answers[1]")
}
