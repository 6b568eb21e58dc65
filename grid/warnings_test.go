package grid

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func rulesOf(ws []Warning, path string) []string {
	var out []string
	for _, w := range ws {
		if w.Path == path {
			out = append(out, w.Rule)
		}
	}
	return out
}

func TestWarnings(t *testing.T) {
	base := func() *Grid {
		return &Grid{Position: "Front-desk agent", Purpose: "To create loyal guests who come back.", Process: "Guest check-in", Values: []string{"Warm welcome"}}
	}
	tests := []struct {
		name   string
		column Column
		item   Item
		path   string
		want   string // rule expected; "" means none of the rules below
		absent []string
	}{
		{"be nice is not observable", ColumnPurposeful, Item{Text: "Be nice to every guest"}, "purposeful[0].text", RuleNotObservable, nil},
		{"an attitude is not observable", ColumnPurposeful, Item{Text: "Have a positive attitude with guests"}, "purposeful[0].text", RuleNotObservable, nil},
		{"feel special is not observable", ColumnPurposeful, Item{Text: "Make guests feel special"}, "purposeful[0].text", RuleNotObservable, nil},
		{"an observable action is fine", ColumnPurposeful, Item{Text: "Walk the guest to the lift", Tags: []Tag{GenuineInterest}}, "purposeful[0].text", "", []string{RuleNotObservable, RuleIsKnowledge, RuleIsSkill, RuleNoPurposeLink}},
		{"a behaviour is fine", ColumnPurposeful, Item{Text: "Use the guest's name", Tags: []Tag{GenuineInterest}}, "purposeful[0].text", "", []string{RuleNotObservable}},
		{"knowledge in the purposeful column", ColumnPurposeful, Item{Text: "Room types and rates"}, "purposeful[0].text", RuleIsKnowledge, []string{RuleNotObservable}},
		{"a skill in the purposeful column", ColumnPurposeful, Item{Text: "Run the reservation system"}, "purposeful[0].text", RuleIsSkill, nil},
		{"no link to the purpose", ColumnPurposeful, Item{Text: "Walk the visitor to the lift"}, "purposeful[0].text", RuleNoPurposeLink, nil},
		{"a tag links it to the purpose", ColumnPurposeful, Item{Text: "Walk the visitor to the lift", Tags: []Tag{GenuineInterest}}, "purposeful[0].text", "", []string{RuleNoPurposeLink}},
		{"adopted with no evidence", ColumnPurposeful, Item{Text: "Walk the guest to the lift", Status: Adopted}, "purposeful[0].evidence", RuleNoEvidence, nil},
		{"adopted with evidence", ColumnPurposeful, Item{Text: "Walk the guest to the lift", Status: Adopted, Evidence: []Evidence{{Source: OwnExperience}}}, "purposeful[0].evidence", "", []string{RuleNoEvidence}},
		{"proposed with no evidence is fine", ColumnPurposeful, Item{Text: "Walk the guest to the lift"}, "purposeful[0].evidence", "", []string{RuleNoEvidence}},
		{"adopted but costly", ColumnPurposeful, Item{Text: "Walk the guest to the lift", Status: Adopted, Cost: CostHigh, Evidence: []Evidence{{Source: OwnExperience}}}, "purposeful[0].cost", RuleCostly, nil},
		{"adopted but not routine", ColumnPurposeful, Item{Text: "Walk the guest to the lift", Status: Adopted, Routine: no(), Evidence: []Evidence{{Source: OwnExperience}}}, "purposeful[0].routine", RuleNotRoutine, nil},
		{"a skill in the knowledge column", ColumnKnowledge, Item{Text: "Run the reservation system"}, "knowledge[0].text", RuleColumnHint, nil},
		{"knowledge in the knowledge column", ColumnKnowledge, Item{Text: "Room types and rates"}, "knowledge[0].text", "", []string{RuleColumnHint}},
		{"knowledge in the skills column", ColumnSkills, Item{Text: "Know the loyalty programme tiers and benefits"}, "skills[0].text", RuleColumnHint, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := base()
			tc.item.ID = "x"
			switch tc.column {
			case ColumnKnowledge:
				g.Knowledge = []Item{tc.item}
			case ColumnSkills:
				g.Skills = []Item{tc.item}
			default:
				g.Purposeful = []Item{tc.item}
			}
			require.NoError(t, g.Validate())
			rules := rulesOf(g.Warnings(), tc.path)
			if tc.want != "" {
				assert.Contains(t, rules, tc.want)
			}
			for _, r := range tc.absent {
				assert.NotContains(t, rules, r)
			}
		})
	}
}

func TestWarningsDuplicates(t *testing.T) {
	g := SampleFrontDesk()
	g.Purposeful = append(g.Purposeful, Item{ID: "dup", Text: "Use the guest's name twice during check-in", Tags: []Tag{GenuineInterest}, Evidence: []Evidence{{Source: OwnExperience}}})
	ws := g.Warnings()
	var dup *Warning
	for i := range ws {
		if ws[i].Rule == RuleDuplicate {
			dup = &ws[i]
		}
	}
	require.NotNil(t, dup)
	assert.Equal(t, "purposeful[14].text", dup.Path)
	assert.Equal(t, "purposeful[1]", dup.Related)
	assert.Equal(t, "dup", dup.Item)

	// Not alike enough: no warning.
	g = SampleFrontDesk()
	g.Purposeful = append(g.Purposeful, Item{ID: "other", Text: "Use the lift key to show the rooftop pool", Tags: []Tag{UniqueKnowledge}})
	assert.Empty(t, rulesOf(g.Warnings(), "purposeful[14].text"))
}

func TestVagueSpan(t *testing.T) {
	g := &Grid{Position: "Agent", Purpose: "Loyal guests", Process: "Check-in", Purposeful: []Item{{ID: "a", Text: "Always go the extra mile for guests"}}}
	ws := g.Warnings()
	require.NotEmpty(t, ws)
	require.NotNil(t, ws[0].Span)
	text := g.Purposeful[0].Text
	assert.Equal(t, "go the extra mile", text[ws[0].Span.Start:ws[0].Span.End])
}

func TestClassifyHint(t *testing.T) {
	h, err := Classify("Run the reservation system")
	require.NoError(t, err)
	assert.Equal(t, Skill, h.Kind)
	assert.Equal(t, ColumnSkills, h.Column)
	h, err = Classify("Walk the guest to the lift")
	require.NoError(t, err)
	assert.Equal(t, ColumnPurposeful, h.Column)
	_, err = Classify("")
	assert.ErrorIs(t, err, ErrEmpty)
}
