package recovery

import (
	"fmt"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestScenarios(t *testing.T) {
	scs := Scenarios()
	require.GreaterOrEqual(t, len(scs), 12)
	settings := map[string]bool{}
	states := map[State]bool{}
	ids := map[string]bool{}
	for _, sc := range scs {
		t.Run(sc.ID, func(t *testing.T) {
			require.NoError(t, sc.Validate())
			assert.False(t, ids[sc.ID], "duplicate id")
			ids[sc.ID] = true
			assert.NotEmpty(t, sc.Title)
			assert.NotEmpty(t, sc.Customer)
			assert.NotEmpty(t, sc.Brief)
			settings[sc.Setting] = true
			states[sc.Situation.State] = true
			crit := map[string]bool{}
			for _, c := range sc.Rubric {
				assert.False(t, crit[c.ID], "duplicate criterion %s", c.ID)
				crit[c.ID] = true
			}
		})
	}
	for _, s := range []string{"hotel", "airline", "retail", "healthcare", "contact centre"} {
		assert.True(t, settings[s], "no scenario in %s", s)
	}
	for st := range State(len(stateNames)) {
		assert.True(t, states[st], "no scenario with a %s customer", st)
	}
	_, err := ScenarioByID("nope")
	assert.ErrorIs(t, err, ErrUnknownScenario)

	// Scenarios are copies.
	scs[0].Rubric[0].Points = 999
	again, err := ScenarioByID(scs[0].ID)
	require.NoError(t, err)
	assert.NotEqual(t, 999, again.Rubric[0].Points)
}

func TestGrade(t *testing.T) {
	sc, err := ScenarioByID("retail-no-receipt")
	require.NoError(t, err)
	good, err := Grade(sc, "I'm sorry, I can see this is frustrating. What I can do is give you store credit for the full price today, or look up the sale if you paid by card. The reason is that refunds to money need a receipt.")
	require.NoError(t, err)
	poor, err := Grade(sc, "No receipt, no refund. Rules are rules.")
	require.NoError(t, err)
	assert.Greater(t, good.Score, 80)
	assert.Less(t, poor.Score, 30)
	assert.Len(t, good.Rubric, len(sc.Rubric))
	for _, rs := range good.Rubric {
		assert.True(t, rs.Met, "%s: %s", rs.Criterion, rs.Comment)
		assert.Equal(t, rs.Of, rs.Points)
	}
	i := slices.IndexFunc(poor.Rubric, func(r RubricScore) bool { return r.Criterion == "no-dead-end" })
	require.GreaterOrEqual(t, i, 0)
	assert.False(t, poor.Rubric[i].Met)
	assert.Contains(t, poor.Rubric[i].Comment, "Rules are rules")
	assert.NotEmpty(t, poor.Next)
	assert.Equal(t, "retail-no-receipt", poor.Scenario)
	require.NotNil(t, poor.Review)
}

func TestGradeErrors(t *testing.T) {
	sc, err := ScenarioByID("hotel-minibar-charge")
	require.NoError(t, err)
	_, err = Grade(sc, "")
	assert.ErrorIs(t, err, ErrEmpty)

	bad := sc
	bad.Rubric = []Criterion{{ID: "x", Points: 0, Moves: []Move{Fix}, Mentions: []string{"y"}}, {ID: "y", Points: 1, Moves: []Move{Move(77)}}}
	_, err = Grade(bad, "I'm sorry.")
	assert.ErrorIs(t, err, ErrBadRubric)
	assert.ErrorIs(t, err, ErrUnknownValue)
	assert.Contains(t, err.Error(), "rubric[0]")
	assert.Contains(t, err.Error(), "rubric[0].points")
	assert.Contains(t, err.Error(), "rubric[1].moves[0]")

	bad = sc
	bad.Rubric = nil
	_, err = Grade(bad, "I'm sorry.")
	assert.ErrorIs(t, err, ErrBadRubric)

	bad = sc
	bad.Situation.Channel = Channel(40)
	_, err = Grade(bad, "I'm sorry.")
	assert.ErrorIs(t, err, ErrUnknownValue)
	assert.Contains(t, err.Error(), "situation: channel")
}

// The practice score is explained by what the learner sees: the rubric
// points and the review score, each part named, adding up to the score.
func TestGradeScoreAddsUp(t *testing.T) {
	sc, err := ScenarioByID("retail-no-receipt")
	require.NoError(t, err)
	for _, reply := range []string{
		"I'm sorry, I can see this is frustrating. What I can do is give you store credit for the full price today.",
		"No receipt, no refund. Rules are rules.",
		"I'm sorry. Let me fix this for you right now.",
	} {
		fb, err := Grade(sc, reply)
		require.NoError(t, err)
		require.Len(t, fb.Points, 2)
		got, of := 0, 0
		for _, r := range fb.Rubric {
			got += r.Points
			of += r.Of
		}
		assert.Contains(t, fb.Points[0].Reason, fmt.Sprintf("%d of %d points", got, of))
		assert.Contains(t, fb.Points[1].Reason, fmt.Sprintf("%d of 100", fb.Review.Score))
		assert.Equal(t, fb.Score, fb.Points[0].Points+fb.Points[1].Points, reply)
	}
}
