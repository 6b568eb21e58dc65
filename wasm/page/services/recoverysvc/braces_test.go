package recoverysvc

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// Nothing the coach shows holds a slot in braces: a phrase that needs a
// detail the form lacks is left out, and the form's field is named instead.
func TestNoBracesShown(t *testing.T) {
	sit := ui.RecoverySituation{State: "upset", Cause: "policy-limit", Severity: "moderate", Channel: "email"}
	p, err := RecoveryPlan(sit)
	require.NoError(t, err)
	asked := false
	for _, st := range p.Steps {
		assert.NotContains(t, st.Reason, "{")
		for _, ph := range st.Phrases {
			assert.NotContains(t, ph, "{", st.Title)
		}
		asked = asked || strings.Contains(st.Reason, "Fill in")
	}
	assert.True(t, asked, "a step that needs a detail asks for it in the form's words")
	r, err := ReviewReply("Our policy is that refunds need a receipt.", sit)
	require.NoError(t, err)
	assert.NotContains(t, r.Rewrite, "{")
	for _, n := range r.Notes {
		assert.NotContains(t, n.Message+n.Why, "{")
	}
	// With the details filled in, the plan uses them.
	sit.Policy, sit.Offer, sit.Times = "refunds need a receipt", "store credit", "4pm today, 9am tomorrow"
	p, err = RecoveryPlan(sit)
	require.NoError(t, err)
	var all string
	for _, st := range p.Steps {
		all += strings.Join(st.Phrases, " ")
	}
	assert.Contains(t, all, "store credit")
}

// The practice grade says how its score adds up.
func TestPracticeScoreParts(t *testing.T) {
	sc := Scenarios()
	require.NotEmpty(t, sc)
	g, err := GradePractice(sc[0].ID, "I am sorry. Let me fix this for you right now.")
	require.NoError(t, err)
	require.Len(t, g.Parts, 2)
	assert.Contains(t, g.Parts[0], "Rubric")
	assert.Contains(t, g.Parts[1], "Review")
}
