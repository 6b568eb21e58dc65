package recovery

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allSituations enumerates every combination of the enumerations.
func allSituations() []Situation {
	var out []Situation
	for st := range State(len(stateNames)) {
		for c := range Cause(len(causeNames)) {
			for sev := range Impact(len(impactNames)) {
				for ch := range Channel(len(channelNames)) {
					for _, rep := range []bool{false, true} {
						out = append(out, Situation{State: st, Cause: c, Severity: sev, Channel: ch, Repeat: rep})
					}
				}
			}
		}
	}
	return out
}

func TestPlanInvariants(t *testing.T) {
	for _, s := range allSituations() {
		g, err := Plan(s)
		require.NoError(t, err)
		name := s.State.String() + "/" + s.Cause.String() + "/" + s.Severity.String() + "/" + s.Channel.String()
		require.NotEmpty(t, g.Steps, name)
		for _, st := range g.Steps {
			assert.NotEmpty(t, st.Reason, "%s %s", name, st.Move)
			assert.NotEmpty(t, st.Title, "%s %s", name, st.Move)
			assert.True(t, len(st.Phrases) >= 1 && len(st.Phrases) <= 3, "%s %s: %d phrases", name, st.Move, len(st.Phrases))
			for _, p := range st.Phrases {
				ph, err := PhraseByID(p.ID)
				require.NoError(t, err)
				assert.True(t, ph.Has(st.Move), "%s: phrase %s does not make move %s", name, p.ID, st.Move)
				if ph.Intent == SetBoundary {
					assert.Equal(t, Abusive, s.State, "%s: boundary phrase %s outside the abuse path", name, p.ID)
				}
			}
		}
		if s.State == Abusive {
			assert.Equal(t, []Move{NameBehaviour, AskToStop, StateConsequence, Fix, EndOrEscalate, Document}, g.Moves(), name)
		} else {
			assert.True(t, slices.IsSorted(g.Moves()), "%s: steps in running order: %v", name, g.Moves())
			assert.Contains(t, g.Moves(), Apologise, name)
			assert.Contains(t, g.Moves(), Acknowledge, name)
			assert.False(t, slices.ContainsFunc(g.Moves(), Move.IsBoundary), name)
		}
	}
}

func TestPlanPolicyLimitOffersThenExplains(t *testing.T) {
	g, err := Plan(Situation{State: Angry, Cause: PolicyLimit, Channel: InPerson, Policy: "refunds need a receipt", Offers: []string{"store credit at today's price"}})
	require.NoError(t, err)
	moves := g.Moves()
	assert.NotContains(t, moves, Fix, "a policy limit cannot simply be fixed")
	require.Contains(t, moves, Offer)
	require.Contains(t, moves, Explain)
	assert.Less(t, slices.Index(moves, Offer), slices.Index(moves, Explain), "explain after offering")
	assert.Less(t, slices.Index(moves, Apologise), slices.Index(moves, Explain))
	st, ok := g.Step(Offer)
	require.True(t, ok)
	assert.Equal(t, "policy-and-alternative", st.Phrases[0].ID)
	assert.Equal(t, "Our policy is that refunds need a receipt, so I can't do that part, but what I can do is store credit at today's price.", st.Phrases[0].Text)
	assert.Empty(t, st.Phrases[0].Missing)
}

func TestPlanAtonementMatchesSeverity(t *testing.T) {
	atone := func(sev Impact, repeat bool) Step {
		g, err := Plan(Situation{State: Upset, Cause: OurError, Severity: sev, Repeat: repeat, Channel: Email, Offers: []string{"dinner for two"}})
		require.NoError(t, err)
		st, ok := g.Step(Atone)
		require.True(t, ok)
		return st
	}
	minor, severe := atone(Minor, false), atone(Severe, false)
	assert.True(t, minor.Optional, "a minor slip needs at most a small gesture")
	assert.Contains(t, minor.Reason, "small gesture")
	assert.Equal(t, "atone-small", minor.Phrases[0].ID)
	assert.False(t, severe.Optional)
	assert.Contains(t, severe.Reason, "substantial")
	assert.Equal(t, "atone-severe-manager", severe.Phrases[0].ID)
	for _, p := range severe.Phrases {
		assert.NotEqual(t, "atone-small", p.ID, "no token gesture for a severe failure")
	}
	assert.Equal(t, "atone-major", atone(Moderate, true).Phrases[0].ID, "a repeat raises the atonement one step")
}

func TestPlanAbusePathProtectsEmployee(t *testing.T) {
	g, err := Plan(Situation{State: Abusive, Cause: Misunderstanding, Channel: Phone, CanEscalate: true})
	require.NoError(t, err)
	assert.Equal(t, NameBehaviour, g.Steps[0].Move)
	for _, m := range []Move{NameBehaviour, AskToStop, StateConsequence, Document} {
		st, ok := g.Step(m)
		require.True(t, ok, m.String())
		assert.False(t, st.Optional, m.String())
	}
	end, _ := g.Step(EndOrEscalate)
	assert.True(t, end.Optional, "end only if it continues")
	assert.Contains(t, end.Reason, "supervisor")
	notes := strings.Join(g.Notes, " ")
	assert.Contains(t, notes, "do not have to accept abuse")
	assert.Contains(t, notes, "unsafe")

	chat, err := Plan(Situation{State: Abusive, Channel: Chat})
	require.NoError(t, err)
	st, _ := chat.Step(NameBehaviour)
	assert.Equal(t, "boundary-name-written", st.Phrases[0].ID, "written channels get written phrases")
}

func TestPlanWinBackNote(t *testing.T) {
	cases := []struct {
		s    Situation
		want bool
	}{
		{Situation{Severity: Severe}, true},
		{Situation{Severity: Major, Repeat: true}, true},
		{Situation{State: Angry, Severity: Minor, Repeat: true}, true},
		{Situation{Severity: Major}, false},
		{Situation{Severity: Minor, Repeat: true}, false},
		{Situation{}, false},
	}
	for _, tc := range cases {
		g, err := Plan(tc.s)
		require.NoError(t, err)
		assert.Equal(t, tc.want, g.WinBackUnlikely, "%+v", tc.s)
		has := slices.ContainsFunc(g.Notes, func(n string) bool { return strings.Contains(n, "unlikely to win the customer back") })
		assert.Equal(t, tc.want, has, "%+v", tc.s)
	}
}

func TestPlanFillsSlotsAndReportsMissing(t *testing.T) {
	g, err := Plan(Situation{State: Upset, Cause: CauseUnknown, Severity: Major, Channel: Phone, CustomerName: "Mr Haddad"})
	require.NoError(t, err)
	st, ok := g.Step(CommitTime)
	require.True(t, ok, "an unknown cause needs an investigation and a call back")
	for _, p := range st.Phrases {
		assert.Contains(t, p.Missing, "times")
		assert.Contains(t, p.Text, "{times}", "unfilled slots stay visible")
	}
	ap, _ := g.Step(Apologise)
	assert.Equal(t, "I'm sorry, Mr Haddad. That should not have happened. What can I do to put it right for you?", ap.Phrases[0].Text)

	g, err = Plan(Situation{Channel: Email})
	require.NoError(t, err)
	assert.True(t, slices.ContainsFunc(g.Notes, func(n string) bool { return strings.Contains(n, "name") }), "asks for the name when unknown")
	for _, st := range g.Steps {
		for _, p := range st.Phrases {
			ph, _ := PhraseByID(p.ID)
			assert.True(t, ph.Suits(Email), "%s suits email", p.ID)
		}
	}
}

func TestPlanHandOverOnlyWithSomeone(t *testing.T) {
	base := Situation{State: Angry, Cause: OurError, Severity: Severe, Channel: Phone}
	g, err := Plan(base)
	require.NoError(t, err)
	assert.NotContains(t, g.Moves(), HandOver, "nobody to hand over to")
	base.Colleague = "Dana, the duty manager"
	g, err = Plan(base)
	require.NoError(t, err)
	st, ok := g.Step(HandOver)
	require.True(t, ok)
	assert.Contains(t, st.Phrases[0].Text, "Dana, the duty manager")
}
