package recoverysvc

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

func TestPlanUsesTheSituation(t *testing.T) {
	p, err := RecoveryPlan(ui.RecoverySituation{State: "angry", CustomerName: "Ms Rivera", Issue: "a double charge"})
	require.NoError(t, err)
	require.NotEmpty(t, p.Steps)
	var all string
	for _, s := range p.Steps {
		assert.NotEmpty(t, s.Title)
		for _, ph := range s.Phrases {
			all += ph
		}
	}
	assert.Contains(t, all, "Rivera")
	_, err = RecoveryPlan(ui.RecoverySituation{State: "furious"})
	assert.Error(t, err, "unknown names are refused")
}

func TestReviewMarksInsideDraft(t *testing.T) {
	draft := "Calm down. Unfortunately that is our policy."
	r, err := ReviewReply(draft, ui.RecoverySituation{})
	require.NoError(t, err)
	require.NotEmpty(t, r.Marks)
	for _, m := range r.Marks {
		assert.True(t, 0 <= m.Start && m.Start < m.End && m.End <= len(draft), "%+v", m)
	}
	good, err := ReviewReply("I am so sorry we charged you twice. I have refunded it now and I will call you tomorrow at 10 to confirm.", ui.RecoverySituation{})
	require.NoError(t, err)
	assert.Greater(t, good.Score, r.Score)
	_, err = ReviewReply("", ui.RecoverySituation{})
	assert.Error(t, err)
}

func TestPractice(t *testing.T) {
	sc := Scenarios()
	require.NotEmpty(t, sc)
	g, err := GradePractice(sc[0].ID, "I am sorry. Let me fix this for you right now.")
	require.NoError(t, err)
	assert.NotEmpty(t, g.Rubric)
	_, err = GradePractice("no-such-scenario", "hello")
	assert.Error(t, err)
	s := Services()
	assert.NotNil(t, s.RecoveryPlan)
	assert.Nil(t, s.Classify, "the recovery page has no workshop services")
}
