package standards

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const testPurpose = "To create a loyal guest who tells friends about the hotel and comes back."

func cleanStandard() Standard {
	return Standard{ID: "s", Code: "CI-01", Position: "Front-desk agent", Process: "Guest check-in",
		Statement: "Greet every guest within 10 seconds of reaching the desk.",
		Rationale: "So that the guest feels noticed from the first moment and comes back to the hotel.",
		Deviation: "Finish a call with a guest in distress first, then greet.",
		Method:    Method{Kind: Threshold, Value: 10, Unit: "seconds"}, Class: Action, Version: 1}
}

func rulesOf(fs []LintFinding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return out
}

func TestLintCleanStandard(t *testing.T) {
	s := cleanStandard()
	assert.Empty(t, Lint(&s, LintSettings{Purpose: testPurpose}))
	assert.Empty(t, Lint(&s, LintSettings{}), "without a purpose the rationale names who benefits")
}

// Every rule has positive examples (it fires) and negative ones (it does
// not), each a small edit of a clean standard.
func TestLintRules(t *testing.T) {
	type example struct {
		name string
		edit func(s *Standard)
		span string // text under the span of the finding, "" to skip
	}
	tests := []struct {
		rule     string
		positive []example
		negative []example
	}{
		{RuleReadability,
			[]example{{"long words", func(s *Standard) {
				s.Statement = "Enthusiastically acknowledge international conference participants immediately upon arrival within 10 seconds."
			}, ""}},
			[]example{{"short words", func(s *Standard) { s.Statement = "Say hello to each guest within 10 seconds." }, ""}}},
		{RuleSentenceLength,
			[]example{{"a 30-word rationale", func(s *Standard) {
				s.Rationale = "So that the guest who has just arrived after a long and tiring journey from the airport feels noticed and welcome from the very first moment at the desk of our hotel."
			}, ""}},
			[]example{{"two short sentences", func(s *Standard) {
				s.Rationale = "So that the guest feels noticed at once. Guests who feel noticed come back."
			}, ""}}},
		{RuleJargon,
			[]example{
				{"corporate word", func(s *Standard) { s.Statement = "Utilize the guest's name within 10 seconds." }, "Utilize"},
				{"unknown abbreviation", func(s *Standard) { s.Statement = "Greet every guest within 10 seconds of reaching the FOH desk." }, "FOH"},
			},
			[]example{
				{"plain word", func(s *Standard) { s.Statement = "Use the guest's name within 10 seconds." }, ""},
				{"common abbreviation", func(s *Standard) { s.Statement = "Check photo ID within 10 seconds of reaching the desk." }, ""},
			}},
		{RuleVague,
			[]example{
				{"promptly", func(s *Standard) { s.Statement = "Greet every guest promptly."; s.Method = Method{} }, "promptly"},
				{"appropriate", func(s *Standard) { s.Statement = "Greet every guest with an appropriate greeting within 10 seconds." }, "appropriate"},
				{"as needed", func(s *Standard) { s.Statement = "Offer help with bags as needed."; s.Method = Method{} }, "as needed"},
				{"friendly, even with a number", func(s *Standard) { s.Statement = "Greet every guest in a friendly voice within 10 seconds." }, "friendly"},
				{"try to", func(s *Standard) { s.Statement = "Try to greet every guest within 10 seconds." }, "Try to"},
			},
			[]example{
				{"promptly, quantified", func(s *Standard) { s.Statement = "Greet every guest promptly, within 10 seconds." }, ""},
				{"as needed, quantified", func(s *Standard) {
					s.Statement = "Refill the water jug as needed, at least every 2 hours."
					s.Method = Method{Kind: Threshold, Value: 2, Unit: "hours"}
				}, ""},
				{"specific", func(s *Standard) { s.Statement = "Greet every guest with a smile within 10 seconds." }, ""},
				{"appropriate, quantified", func(s *Standard) {
					s.Statement = "Keep an appropriate distance of 2 metres from a guest at the safe."
					s.Method = Method{}
				}, ""},
			}},
		{RuleObservable,
			[]example{
				{"state of mind", func(s *Standard) { s.Statement = "Understand the guest's needs within 10 seconds." }, "Understand"},
				{"no verb at all", func(s *Standard) { s.Statement = "Warmth at the desk within 10 seconds." }, ""},
			},
			[]example{
				{"observable verb", func(s *Standard) { s.Statement = "Smile at the guest within 10 seconds." }, ""},
				{"the guest's state of mind", func(s *Standard) {
					s.Statement = "Phone within 10 seconds to ask whether the room is as the guest hoped."
				}, ""},
			}},
		{RuleMeasurable,
			[]example{
				{"threshold method, no number", func(s *Standard) { s.Statement = "Greet every guest at the desk." }, ""},
				{"number differs", func(s *Standard) { s.Statement = "Greet every guest within 30 seconds of reaching the desk." }, "30 seconds"},
				{"yes/no method for a timed standard", func(s *Standard) { s.Method = Method{} }, "10 seconds"},
			},
			[]example{
				{"threshold in words", func(s *Standard) {
					s.Statement = "Answer the phone within three rings."
					s.Method = Method{Kind: Threshold, Value: 3, Unit: "ring"}
				}, ""},
				{"yes/no without a number", func(s *Standard) { s.Statement = "Walk the guest to the lift."; s.Method = Method{} }, ""},
				{"yes/no with a condition, not a target", func(s *Standard) {
					s.Statement = "Offer water to guests after a journey of more than 2 hours."
					s.Method = Method{}
				}, ""},
			}},
		{RuleOneBehaviour,
			[]example{
				{"and/or", func(s *Standard) { s.Statement = "Greet and/or wave at every guest within 10 seconds." }, "and/or"},
				{"two verbs", func(s *Standard) { s.Statement = "Greet every guest within 10 seconds and offer a glass of water." }, "and offer"},
				{"two sentences", func(s *Standard) { s.Statement = "Greet every guest within 10 seconds. Smile." }, "Smile."},
			},
			[]example{
				{"and between nouns", func(s *Standard) { s.Statement = "Greet every guest and their children within 10 seconds." }, ""},
				{"and between objects", func(s *Standard) { s.Statement = "Confirm the room type and the departure date within 10 seconds." }, ""},
			}},
		{RuleEmployeeSide,
			[]example{
				{"passive", func(s *Standard) { s.Statement = "Every arrival is greeted within 10 seconds." }, "is greeted"},
				{"about staff", func(s *Standard) { s.Statement = "Staff must greet every guest within 10 seconds." }, "Staff"},
				{"from the guest's side", func(s *Standard) { s.Statement = "The guest receives a greeting within 10 seconds." }, "The guest"},
			},
			[]example{
				{"imperative", func(s *Standard) { s.Statement = "Greet every guest within 10 seconds." }, ""},
				{"first person", func(s *Standard) { s.Statement = "I greet every guest within 10 seconds." }, ""},
			}},
		{RuleReason,
			[]example{{"no link word", func(s *Standard) { s.Rationale = "Guests at the hotel desk." }, ""}},
			[]example{
				{"because", func(s *Standard) { s.Rationale = "Because a guest who is noticed comes back to the hotel." }, ""},
				{"to + verb", func(s *Standard) { s.Rationale = "To welcome the guest back to the hotel." }, ""},
			}},
		{RuleRationale,
			[]example{{"missing", func(s *Standard) { s.Rationale = "" }, ""}},
			[]example{{"present", func(s *Standard) {}, ""}}},
		{RuleDeviation,
			[]example{{"missing", func(s *Standard) { s.Deviation = "  " }, ""}},
			[]example{{"present", func(s *Standard) {}, ""}}},
		{RulePurposeLink,
			[]example{{"unrelated rationale", func(s *Standard) { s.Rationale = "So that the manager sees a tidy log." }, ""}},
			[]example{{"shares the purpose's words", func(s *Standard) { s.Rationale = "So that a guest feels noticed and tells friends." }, ""}}},
	}
	for _, tc := range tests {
		for _, ex := range tc.positive {
			t.Run(tc.rule+"/fires/"+ex.name, func(t *testing.T) {
				s := cleanStandard()
				ex.edit(&s)
				fs := Lint(&s, LintSettings{Purpose: testPurpose})
				i := slices.IndexFunc(fs, func(f LintFinding) bool { return f.Rule == tc.rule })
				require.GreaterOrEqual(t, i, 0, "%s did not fire on %q; got %v", tc.rule, s.Statement, rulesOf(fs))
				f := fs[i]
				assert.Equal(t, "s", f.Standard)
				assert.Equal(t, checkOf(tc.rule), f.Check)
				assert.NotEmpty(t, f.Message)
				assert.NotEmpty(t, f.Why)
				if ex.span != "" {
					text := map[string]string{"statement": s.Statement, "rationale": s.Rationale, "deviation": s.Deviation}[f.Field]
					assert.Equal(t, ex.span, text[f.Span.Start:f.Span.End])
				}
			})
		}
		for _, ex := range tc.negative {
			t.Run(tc.rule+"/quiet/"+ex.name, func(t *testing.T) {
				s := cleanStandard()
				ex.edit(&s)
				fs := Lint(&s, LintSettings{Purpose: testPurpose})
				assert.NotContains(t, rulesOf(fs), tc.rule, "%q", s.Statement)
			})
		}
	}
}

func TestLintSettings(t *testing.T) {
	s := cleanStandard()
	s.Statement = "Log the guest's preferences in the PMS within 10 seconds."
	assert.Contains(t, rulesOf(Lint(&s, LintSettings{Purpose: testPurpose})), RuleJargon)
	assert.NotContains(t, rulesOf(Lint(&s, LintSettings{Purpose: testPurpose, Glossary: []string{"PMS"}})), RuleJargon, "glossary terms are known")

	s = cleanStandard()
	assert.Contains(t, rulesOf(Lint(&s, LintSettings{Purpose: testPurpose, MaxSentenceWords: 5})), RuleSentenceLength)
	assert.Contains(t, rulesOf(Lint(&s, LintSettings{Purpose: testPurpose, MaxGrade: 1})), RuleReadability)
}

func TestLintSuggestions(t *testing.T) {
	s := cleanStandard()
	s.Statement = "Utilize the guest's name promptly."
	s.Method = Method{}
	fs := Lint(&s, LintSettings{Purpose: testPurpose})
	got := map[string][]string{}
	for _, f := range fs {
		got[s.Statement[f.Span.Start:f.Span.End]] = f.Suggestions
	}
	assert.Equal(t, []string{"use"}, got["Utilize"])
	assert.Contains(t, got["promptly"], "within 30 seconds")
}

func TestLintSpansUTF16(t *testing.T) {
	s := cleanStandard()
	s.Statement = "Greet 👋 every guest promptly."
	s.Method = Method{}
	fs := Lint(&s, LintSettings{Purpose: testPurpose})
	i := slices.IndexFunc(fs, func(f LintFinding) bool { return f.Rule == RuleVague })
	require.GreaterOrEqual(t, i, 0)
	sp := fs[i].Span
	assert.Equal(t, "promptly", s.Statement[sp.Start:sp.End])
	assert.Equal(t, strings.Index(s.Statement, "promptly")-2, sp.Start16, "the emoji is 4 bytes, 2 UTF-16 units")
}

func TestLintOrderDeterministic(t *testing.T) {
	s := cleanStandard()
	s.Statement = "Staff must try to greet guests promptly and/or appropriately. Smile."
	s.Rationale = ""
	s.Deviation = ""
	a := Lint(&s, LintSettings{})
	b := Lint(&s, LintSettings{})
	assert.Equal(t, a, b)
	var fields []string
	for _, f := range a {
		if len(fields) == 0 || fields[len(fields)-1] != f.Field {
			fields = append(fields, f.Field)
		}
	}
	assert.Equal(t, []string{"statement", "method", "rationale", "deviation"}, fields)
}

func TestBookLintUsesPurpose(t *testing.T) {
	b := testBook()
	b.Standards[0].Rationale = "So that the manager sees a tidy log."
	fs := b.Lint(LintSettings{})
	assert.Contains(t, rulesOf(fs), RulePurposeLink)
}

func TestRulesCoverChecks(t *testing.T) {
	seen := map[Check]bool{}
	for _, r := range Rules() {
		seen[r.Check] = true
	}
	assert.Len(t, seen, 5, "every test of a good standard has a rule")
}
