// Package standardssvc connects the standards builder screen to the grid
// and standards packages. It is separate from wasm/page/services so that
// the workshop page does not link them.
package standardssvc

import (
	"strconv"
	"strings"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// Services returns the standards builder's services.
func Services() ui.Services {
	return ui.Services{DraftStandards: Draft, LintStandard: Lint, TrainingPlan: Training}
}

// Draft turns the grid's adopted ideas into draft standards. The page
// hands it the open workshop as a grid (grid.UpgradeWorkshop's mapping),
// so this package converts nothing itself.
func Draft(g *grid.Grid) ([]ui.StandardDraft, error) {
	ds, err := standards.DraftFromGrid(g, standards.DraftSettings{})
	if err != nil {
		return nil, err
	}
	var out []ui.StandardDraft
	for _, x := range ds {
		sd := ui.StandardDraft{Code: x.Standard.Code, Item: x.Item, Statement: x.Standard.Statement,
			Rationale: x.Standard.Rationale, Deviation: x.Standard.Deviation}
		for _, g := range x.Missing {
			sd.Gaps = append(sd.Gaps, g.Field+": "+g.Reason)
		}
		out = append(out, sd)
	}
	return out, nil
}

func standard(s ui.StandardDraft, i int) standards.Standard {
	return standards.Standard{
		ID: "s" + strconv.Itoa(i+1), Code: s.Code, Statement: s.Statement, Rationale: s.Rationale, Deviation: s.Deviation,
		Method: standards.Method{Kind: standards.YesNo}, Version: 1,
	}
}

// Lint checks one standard against the purpose.
func Lint(purpose string, s ui.StandardDraft) []ui.FieldNote {
	st := standard(s, 0)
	var out []ui.FieldNote
	for _, f := range standards.Lint(&st, standards.LintSettings{Purpose: purpose}) {
		n := ui.FieldNote{Field: f.Field, Note: ui.Note{Severity: f.Severity.String(), Message: f.Message, Why: f.Why, Start: f.Span.Start, End: f.Span.End}}
		if len(f.Suggestions) > 0 && f.Span.End > f.Span.Start && replaces(f.Rule, f.Suggestions[0]) {
			n.Fix, n.HasFix = matchCase(fieldText(s, f.Field), f.Span.Start, f.Suggestions[0]), true
		} else {
			n.Hints = f.Suggestions
		}
		out = append(out, n)
	}
	return out
}

func fieldText(s ui.StandardDraft, field string) string {
	switch field {
	case "statement":
		return s.Statement
	case "rationale":
		return s.Rationale
	case "deviation":
		return s.Deviation
	}
	return ""
}

// matchCase capitalises fix when the text it replaces, at start of text,
// begins with a capital ("Utilize" becomes "Use", not "use").
func matchCase(text string, start int, fix string) string {
	if start < len(text) && text[start] >= 'A' && text[start] <= 'Z' && fix != "" && fix[0] >= 'a' && fix[0] <= 'z' {
		return string(fix[0]-'a'+'A') + fix[1:]
	}
	return fix
}

// replaces reports whether a suggestion of rule is words to put in place
// of the finding's span. Only the vague-word and jargon rules suggest
// replacements, and not always: "name the cases" is advice, and so are
// templates ("Greet ...") and the verbs the observable-verb rule offers to
// start with (putting "say" in place of "Be friendly" left one word).
func replaces(rule, suggestion string) bool {
	if rule != standards.RuleVague && rule != standards.RuleJargon {
		return false
	}
	if strings.ContainsAny(suggestion, "{}…") || strings.Contains(suggestion, "...") {
		return false
	}
	verb, _, _ := strings.Cut(suggestion, " ")
	switch verb {
	case "name", "give", "list":
		return false
	}
	return true
}

// Training plans how to teach each standard.
func Training(purpose string, ss []ui.StandardDraft) []ui.TrainingLine {
	b := standards.NewBook(purpose, nil)
	for i, s := range ss {
		b.Standards = append(b.Standards, standard(s, i))
	}
	statement := map[string]string{}
	for _, st := range b.Standards {
		statement[st.ID] = st.Statement
	}
	var out []ui.TrainingLine
	for _, t := range b.TrainingPlan() {
		out = append(out, ui.TrainingLine{Code: t.Code, Standard: statement[t.Standard], Content: t.Content.String(), Medium: t.Medium.String(), Support: t.Support.String(), Reason: t.Reason})
	}
	return out
}
