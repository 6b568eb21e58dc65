package purpose

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func findingRules(a *Analysis) []string {
	var out []string
	for _, f := range a.Findings {
		out = append(out, f.Rule)
	}
	return out
}

func pointRules(a *Analysis) map[string]int {
	out := map[string]int{}
	for _, p := range a.Points {
		out[p.Rule] += p.Points
	}
	return out
}

func texts(ts []Term) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.Text)
	}
	return out
}

// Every rule of Analyze, with an example where it fires and one where it
// does not.
func TestAnalyzeRules(t *testing.T) {
	tests := []struct {
		rule     string
		positive string // the rule fires (a finding or a penalty)
		negative string // it does not
	}{
		{RuleBeneficiary, "Load and unload bags on the aircraft.", "Travellers arrive with everything they need."},
		{RuleOutcome, "Scan boarding passes for every passenger.", "Every passenger feels looked after."},
		{RuleTask, "Check guests in and out.", "Guests feel at home."},
		{RuleInternal, "Maximise revenue per available room.", "Guests come back and tell their friends."},
		{RuleHedge, "We try to make guests feel welcome where possible.", "Guests feel welcome."},
		{RuleJargon, "Leverage synergy to delight customers.", "Delight customers."},
		{RuleLength, "We will do everything we can, every single day and in every department, to make sure that each and every guest who stays with us feels welcome.", "Guests feel welcome."},
		{RuleReadability, "Organisational excellence necessitates comprehensive institutional accountability mechanisms.", "Guests feel at home here."},
	}
	for _, tc := range tests {
		t.Run(tc.rule, func(t *testing.T) {
			pos, err := Analyze(tc.positive)
			require.NoError(t, err)
			assert.Contains(t, findingRules(pos), tc.rule, "positive: %q", tc.positive)
			assert.Less(t, pointRules(pos)[tc.rule], 0, "positive loses points: %v", pos.Points)
			neg, err := Analyze(tc.negative)
			require.NoError(t, err)
			assert.NotContains(t, findingRules(neg), tc.rule, "negative: %q", tc.negative)
			assert.GreaterOrEqual(t, pointRules(neg)[tc.rule], 0, "negative: %v", neg.Points)
		})
	}
}

func TestAnalyzeEvidence(t *testing.T) {
	a, err := Analyze("We load bags with care so that every traveller is reunited with their luggage.")
	require.NoError(t, err)
	assert.Equal(t, VerdictPurpose, a.Verdict)
	assert.Equal(t, []string{"load", "bags"}, texts(a.Tasks))
	assert.Equal(t, []string{"traveller"}, texts(a.Beneficiaries))
	assert.Equal(t, []string{"traveller"}, a.BeneficiaryGroups())
	assert.Equal(t, []string{"reunited with"}, texts(a.Outcomes))
	assert.Equal(t, []string{"arrival"}, a.OutcomeThemes())
	for _, ts := range [][]Term{a.Tasks, a.Beneficiaries, a.Outcomes} {
		for _, term := range ts {
			assert.Equal(t, term.Text, a.Text[term.Span.Start:term.Span.End])
		}
	}
}

func TestAnalyzeGroups(t *testing.T) {
	a, err := Analyze("Passengers, flyers and their families get home safe.")
	require.NoError(t, err)
	assert.Equal(t, []string{"family", "traveller"}, a.BeneficiaryGroups())
	assert.Equal(t, []string{"arrival", "safety"}, a.OutcomeThemes())
}

// The longest phrase wins: a customer satisfaction score is a metric, not a
// customer.
func TestAnalyzeLongestMatch(t *testing.T) {
	a, err := Analyze("Raise the customer satisfaction score.")
	require.NoError(t, err)
	assert.Empty(t, a.Beneficiaries)
	assert.Equal(t, []string{"customer satisfaction score"}, texts(a.Internal))
	assert.Equal(t, VerdictInternal, a.Verdict)
}

func TestAnalyzeScore(t *testing.T) {
	tests := []struct {
		text     string
		min, max int
	}{
		{"The needs of the patient come first.", 90, 100},
		{"Guests feel at home from the moment they arrive.", 85, 100},
		{"Check guests in and out and process their payments.", 25, 50},
		{"Leverage best-in-class synergy to optimise our revenue per available room, going forward, and hopefully hit our KPI targets where possible across every department.", 0, 5},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			a, err := Analyze(tc.text)
			require.NoError(t, err)
			assert.GreaterOrEqual(t, a.Score, tc.min, "%v", a.Points)
			assert.LessOrEqual(t, a.Score, tc.max, "%v", a.Points)
			sum := 0
			for _, p := range a.Points {
				sum += p.Points
				assert.NotEmpty(t, p.Reason)
				assert.NotEmpty(t, p.Rule)
			}
			assert.Equal(t, a.Score, sum, "points add up to the score")
		})
	}
}

func TestAnalyzeMantra(t *testing.T) {
	a, err := Analyze("The needs of the patient come first.")
	require.NoError(t, err)
	assert.Equal(t, 7, a.Words)
	assert.True(t, a.Mantra)
	assert.Equal(t, pointsMantra, pointRules(a)[RuleLength])
	a, err = Analyze("Every guest who stays with us feels welcome, rested and remembered.")
	require.NoError(t, err)
	assert.False(t, a.Mantra)
	assert.Equal(t, pointsShort, pointRules(a)[RuleLength])
}

func TestAnalyzeSuggestions(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Load and unload bags on the aircraft.", []string{"Name who benefits: here, probably the travellers.", "Say what changes for them", "Ask why this task matters"}},
		{"Administer medication on the ward.", []string{"probably the patients"}},
		{"Hit the weekly sales target.", []string{"Keep targets as measures of success"}},
		{"We strive to leverage our strengths for guests who feel welcome.", []string{`Drop "strive to"`, `Replace "leverage" with "use"`}},
		{"Deliver world-class service so guests feel welcome.", []string{`Instead of "world-class", say what is better and for whom.`}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			a, err := Analyze(tc.text)
			require.NoError(t, err)
			all := strings.Join(a.Suggestions, "\n")
			for _, w := range tc.want {
				assert.Contains(t, all, w)
			}
		})
	}
	a, err := Analyze("Guests feel at home.")
	require.NoError(t, err)
	assert.Empty(t, a.Suggestions, "a good purpose needs no suggestion")
	assert.NotNil(t, a.Suggestions)
}

func TestAnalyzeBadInput(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"blank", "\n\t  \u00a0", ErrBlank},
		{"invalid UTF-8", "guests \xc3\x28 feel welcome", ErrInvalidUTF8},
		{"too long", strings.Repeat("Guests feel welcome. ", 500), ErrTooLong},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Analyze(tc.in)
			assert.Nil(t, a)
			assert.ErrorIs(t, err, tc.want)
			var ie *InputError
			require.True(t, errors.As(err, &ie))
			if tc.want == ErrInvalidUTF8 {
				assert.Equal(t, 7, ie.Offset)
			}
		})
	}
	_, err := Analyze(strings.Repeat("a", MaxLen))
	assert.NoError(t, err, "exactly MaxLen bytes is fine")
}

func TestAnalyzeJSON(t *testing.T) {
	a, err := Analyze("Guests feel at home.")
	require.NoError(t, err)
	b, err := json.Marshal(a)
	require.NoError(t, err)
	var back Analysis
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, *a, back)
	assert.Contains(t, string(b), `"verdict":"purpose"`)
	assert.Contains(t, string(b), `"findings":[]`)
}

func TestVerdictText(t *testing.T) {
	for v := VerdictUnknown; v <= VerdictInternal; v++ {
		b, err := v.MarshalText()
		require.NoError(t, err)
		var back Verdict
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, v, back)
	}
	var v Verdict
	assert.ErrorIs(t, v.UnmarshalText([]byte("mission")), ErrUnknownKind)
	_, err := Verdict(9).MarshalText()
	assert.ErrorIs(t, err, ErrUnknownKind)
}

// Spans carry UTF-16 offsets for browsers: an emoji is two UTF-16 units
// and four bytes, an accented letter one unit and two bytes.
func TestAnalyzeUTF16Spans(t *testing.T) {
	text := "Café guests 😊 feel at home."
	a, err := Analyze(text)
	require.NoError(t, err)
	require.Len(t, a.Beneficiaries, 1)
	b := a.Beneficiaries[0].Span
	assert.Equal(t, Span{Start: 6, End: 12, Start16: 5, End16: 11}, b)
	require.NotEmpty(t, a.Outcomes)
	o := a.Outcomes[0]
	assert.Equal(t, "feel", o.Text)
	assert.Equal(t, 18, o.Span.Start, "bytes: Café (5) + space + guests (6) + space + emoji (4) + space")
	assert.Equal(t, 15, o.Span.Start16, "UTF-16: Café (4) + space + guests (6) + space + emoji (2) + space")
}
