package purpose

import (
	"strconv"
	"strings"

	"github.com/purposefulcx/purposeful/internal/prose"
)

// Why texts of the findings of Analyze.
const (
	whyBeneficiary = "A purpose names the people who benefit; without them it reads as an instruction."
	whyOutcome     = "A purpose says what changes for the customer: how they feel, what they can do, what they leave with."
	whyTask        = "Tasks are the job function. The purpose is why the task matters to the customer."
	whyInternal    = "Targets measure success; they are not the reason the job exists. Say what the customer gains that moves the number."
	whyHedge       = "A purpose is a commitment. Hedges turn it into a wish."
	whyJargon      = "Jargon sounds important and says little; frontline staff repeat plain words."
	whyLength      = "A purpose people can say from memory is repeated daily; a long one stays on the wall."
	whyReadability = "Long sentences and long words make a statement hard to say aloud and remember."
)

// findings fills Findings and Suggestions from the terms and the verdict.
func (a *Analysis) findings(doc *prose.Doc) {
	whole := prose.SpanOf(doc.Text, 0, len(doc.Text))
	n := 3 + len(a.Hedges) + len(a.Jargon) + len(a.Internal)
	if a.Verdict == VerdictFunction {
		n += len(a.Tasks)
	}
	a.Findings = make([]Finding, 0, n)
	a.Suggestions = make([]string, 0, 3+len(a.Hedges)+len(a.Jargon))
	if len(a.Beneficiaries) == 0 {
		who := a.guessBeneficiary(doc)
		s := "Name who benefits (guests, patients, callers, shoppers, travellers, ...)."
		var repl []string
		if who != "" {
			s = "Name who benefits: here, probably the " + who + "."
			repl = []string{who}
		}
		a.Findings = append(a.Findings, Finding{Rule: RuleBeneficiary, Severity: Warning, Message: "no beneficiary is named", Why: whyBeneficiary, Span: whole, Suggestions: repl})
		a.Suggestions = append(a.Suggestions, s)
	}
	if len(a.Outcomes) == 0 {
		a.Findings = append(a.Findings, Finding{Rule: RuleOutcome, Severity: Warning, Message: "no outcome for the customer is named", Why: whyOutcome, Span: whole})
		a.Suggestions = append(a.Suggestions, "Say what changes for them: how they feel, what they can do, or what they leave with.")
	}
	if a.Verdict == VerdictFunction {
		for _, t := range a.Tasks {
			a.Findings = append(a.Findings, Finding{Rule: RuleTask, Severity: Info, Message: "task language: " + strconv.Quote(t.Text), Why: whyTask, Span: t.Span})
		}
		if len(a.Tasks) > 0 {
			a.Suggestions = append(a.Suggestions, "Ask why this task matters to the customer, and keep asking until the answer names a person and an outcome (see Ladder).")
		}
	}
	for _, t := range a.Internal {
		sev := Info
		if a.Verdict == VerdictInternal {
			sev = Warning
		}
		a.Findings = append(a.Findings, Finding{Rule: RuleInternal, Severity: sev, Message: "internal measure: " + strconv.Quote(t.Text), Why: whyInternal, Span: t.Span})
	}
	if len(a.Internal) > 0 && a.Verdict == VerdictInternal {
		a.Suggestions = append(a.Suggestions, "Keep targets as measures of success, not as the purpose: say what the customer gains that moves the number.")
	}
	for _, t := range a.Hedges {
		a.Findings = append(a.Findings, Finding{Rule: RuleHedge, Severity: Warning, Message: "hedge: " + strconv.Quote(t.Text), Why: whyHedge, Span: t.Span})
		a.Suggestions = append(a.Suggestions, "Drop "+strconv.Quote(t.Text)+": say what will happen, not what you will try.")
	}
	for _, t := range a.Jargon {
		f := Finding{Rule: RuleJargon, Severity: Warning, Message: "jargon: " + strconv.Quote(t.Text), Why: whyJargon, Span: t.Span}
		if isInstruction(t.Group) {
			a.Suggestions = append(a.Suggestions, "Instead of "+strconv.Quote(t.Text)+", "+t.Group+".")
		} else {
			f.Suggestions = []string{t.Group}
			a.Suggestions = append(a.Suggestions, "Replace "+strconv.Quote(t.Text)+" with "+strconv.Quote(t.Group)+".")
		}
		a.Findings = append(a.Findings, f)
	}
	if a.Words > 12 {
		sev := Info
		if a.Words > 20 {
			sev = Warning
		}
		a.Findings = append(a.Findings, Finding{Rule: RuleLength, Severity: sev, Message: strconv.Itoa(a.Words) + " words; a memorable purpose has about " + strconv.Itoa(MantraWords), Why: whyLength, Span: whole})
		a.Suggestions = append(a.Suggestions, "Cut it to about "+strconv.Itoa(MantraWords)+" words so people can say it from memory (Mayo Clinic's has seven).")
	}
	if r := a.Readability; r.Words > 0 && r.FleschReadingEase < 30 {
		a.Findings = append(a.Findings, Finding{Rule: RuleReadability, Severity: Info, Message: "hard to read: reading ease " + strconv.FormatFloat(r.FleschReadingEase, 'f', 0, 64) + ", " + strconv.FormatFloat(r.WordsPerSentence, 'f', 1, 64) + " words per sentence", Why: whyReadability, Span: whole})
		a.Suggestions = append(a.Suggestions, "Use shorter words and one idea per sentence.")
	}
	prose.SortFindings(a.Findings)
}

// isInstruction reports whether a jargon replacement is advice rather
// than a word to put in its place.
func isInstruction(s string) bool {
	return strings.HasPrefix(s, "say ") || strings.HasPrefix(s, "name ")
}

// guessBeneficiary names the people a task-only statement probably serves,
// from words such as "aircraft" (travellers) or "ward" (patients).
func (a *Analysis) guessBeneficiary(doc *prose.Doc) string {
	var buf [8]prose.Match
	for _, m := range compiledLexicon().context.Scan(doc, buf[:0]) {
		return contextCues[m.ID].group
	}
	return ""
}
