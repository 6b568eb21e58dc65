// Package services connects the page's screens (wasm/page/ui) to the
// domain packages: it turns purpose results into the plain values the
// screens show. Plain Go; tested natively.
package services

import (
	"strings"

	"github.com/purposefulcx/purposeful/purpose"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// Default returns the services of the workshop page: the classifier
// hints. The coach's analysis lives on its own page ([Coach]).
func Default() ui.Services {
	return ui.Services{Classify: Classify}
}

// Coach returns the services of the purpose coach page.
func Coach() ui.Services {
	return ui.Services{Classify: Classify, AnalyzePurpose: AnalyzePurpose, Climb: Climb}
}

// Classify asks purpose.Classify which column an item reads like.
func Classify(text string) (ui.Hint, bool) {
	c, err := purpose.Classify(text)
	if err != nil || c.Kind == purpose.KindUnknown {
		return ui.Hint{}, false
	}
	h := ui.Hint{Kind: c.Kind.String(), Confidence: c.Confidence}
	if len(c.Reasons) > 0 {
		h.Reason = c.Reasons[0]
	}
	return h, true
}

// AnalyzePurpose runs purpose.Analyze and lists its highlights: function
// words (tasks), purpose words (who benefits, what changes), and words to
// reconsider (internal measures, hedges, jargon).
func AnalyzePurpose(text string) (ui.PurposeReport, error) {
	a, err := purpose.Analyze(text)
	if err != nil {
		return ui.PurposeReport{}, err
	}
	r := ui.PurposeReport{Verdict: a.Verdict.String(), Score: a.Score, Suggestions: a.Suggestions}
	mark := func(ts []purpose.Term, class, label string) {
		for _, t := range ts {
			l := label
			if t.Negated {
				l += " (negated)"
			}
			r.Marks = append(r.Marks, ui.Mark{Start: t.Span.Start, End: t.Span.End, Class: class, Label: l})
		}
	}
	mark(a.Beneficiaries, "purpose", "who benefits")
	mark(a.Outcomes, "purpose", "outcome for them")
	mark(a.Tasks, "function", "task wording")
	mark(a.Internal, "warning", "internal measure")
	mark(a.Hedges, "warning", "hedge")
	mark(a.Jargon, "warning", "jargon")
	for _, t := range a.Beneficiaries {
		r.Beneficiaries = append(r.Beneficiaries, t.Text)
	}
	for _, t := range a.Outcomes {
		r.Outcomes = append(r.Outcomes, t.Text)
	}
	for _, f := range a.Findings {
		r.Notes = append(r.Notes, ui.Note{Severity: f.Severity.String(), Message: f.Message, Why: f.Why, Start: f.Span.Start, End: f.Span.End})
	}
	return r, nil
}

// Climb runs the revelation ladder from function through the answers.
func Climb(function string, answers []string) (ui.LadderReport, error) {
	var keep []string
	for _, a := range answers {
		if strings.TrimSpace(a) == "" {
			break
		}
		keep = append(keep, a)
	}
	c, err := purpose.Ladder{}.Climb(function, keep...)
	if err != nil {
		return ui.LadderReport{}, err
	}
	r := ui.LadderReport{Next: c.Next, State: c.State.String(), Purpose: c.Purpose, Max: c.Max}
	for _, g := range c.Rungs {
		r.Rungs = append(r.Rungs, ui.Rung{Question: g.Question, Text: g.Text, Step: g.Step.String(), Note: g.Note})
	}
	return r, nil
}
