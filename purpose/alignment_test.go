package purpose

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func rules(is []Issue) []string {
	out := []string{}
	for _, i := range is {
		out = append(out, i.Rule)
	}
	return out
}

func TestAlign(t *testing.T) {
	tests := []struct {
		name      string
		al        Alignment
		aligned   bool
		benef     []string
		outcomes  []string
		conflicts []string
		gaps      []string
	}{
		{
			name: "aligned hotel",
			al: Alignment{
				Organisation: "We create loyal guests who feel cared for and come back.",
				Job:          "Every guest feels welcome and cared for from the moment they arrive.",
				Individual:   "I want every guest I meet to feel looked after.",
			},
			aligned: true, benef: []string{"guest"}, outcomes: []string{"care", "feeling"},
			conflicts: []string{}, gaps: []string{},
		},
		{
			name: "generic customers cover travellers",
			al: Alignment{
				Organisation: "Customers trust us to get them where they need to be.",
				Job:          "Travellers arrive with everything they need and trust us again.",
			},
			aligned: true, benef: []string{"traveller"}, outcomes: []string{"trust"},
			conflicts: []string{}, gaps: []string{RuleNoIndividual},
		},
		{
			name: "job serves only metrics",
			al: Alignment{
				Organisation: "Patients feel safe and cared for.",
				Job:          "Reduce average length of stay and bed turnover time.",
				Individual:   "Hit my bonus targets.",
			},
			aligned: false, benef: []string{}, outcomes: []string{},
			conflicts: []string{RuleJobInternal, RuleIndividualInternal},
			gaps:      []string{RuleNoBeneficiary, RuleNoOutcome, RuleIndividualApart},
		},
		{
			name: "different people, different outcomes",
			al: Alignment{
				Organisation: "Shoppers find what they need and come back.",
				Job:          "Colleagues feel supported on every shift.",
				Individual:   "I love painting landscapes at weekends.",
			},
			aligned: false, benef: []string{}, outcomes: []string{},
			conflicts: []string{},
			gaps:      []string{RuleOtherBeneficiary, RuleNoSharedOutcome, RuleIndividualApart},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Align(tc.al)
			require.NoError(t, err)
			assert.Equal(t, tc.aligned, r.Aligned)
			assert.Equal(t, tc.benef, r.SharedBeneficiaries)
			assert.Equal(t, tc.outcomes, r.SharedOutcomes)
			assert.Equal(t, tc.conflicts, rules(r.Conflicts))
			assert.Equal(t, tc.gaps, rules(r.Gaps))
			for _, i := range append(r.Conflicts, r.Gaps...) {
				assert.NotEmpty(t, i.Message)
				assert.NotEmpty(t, i.Suggestion)
				assert.Contains(t, []string{"organisation", "job", "individual"}, i.Purpose)
			}
			_, err = json.Marshal(r)
			require.NoError(t, err)
		})
	}
}

func TestAlignmentValidate(t *testing.T) {
	err := Alignment{Organisation: "", Job: "  ", Individual: "\xff"}.Validate()
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalid)
	assert.ErrorIs(t, err, ErrEmpty)
	assert.ErrorIs(t, err, ErrBlank)
	assert.ErrorIs(t, err, ErrInvalidUTF8)
	msg := err.Error()
	for _, field := range []string{"organisation:", "job:", "individual:"} {
		assert.Contains(t, msg, field)
	}
	assert.NoError(t, Alignment{Organisation: "a", Job: "b"}.Validate())
	_, err = Align(Alignment{Organisation: "ok", Job: strings.Repeat("x", MaxLen+1)})
	assert.ErrorIs(t, err, ErrTooLong)
}
