// Package recoverysvc connects the recovery coach screen to the recovery
// package. It is separate from wasm/page/services so that the workshop
// page does not link the recovery catalogue.
package recoverysvc

import (
	"errors"
	"slices"
	"strings"

	"github.com/purposefulcx/purposeful/recovery"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// situation converts the screen's form into a recovery.Situation,
// reporting unknown names.
func situation(s ui.RecoverySituation) (recovery.Situation, error) {
	var out recovery.Situation
	var errs []error
	set := func(name string, u interface{ UnmarshalText([]byte) error }) {
		if name != "" {
			errs = append(errs, u.UnmarshalText([]byte(name)))
		}
	}
	set(s.State, &out.State)
	set(s.Cause, &out.Cause)
	set(s.Severity, &out.Severity)
	set(s.Channel, &out.Channel)
	out.CustomerName, out.Issue, out.Policy = s.CustomerName, s.Issue, s.Policy
	if s.Offer != "" {
		out.Offers = []string{s.Offer}
	}
	for _, t := range strings.Split(s.Times, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out.Times = append(out.Times, t)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return out, err
	}
	return out, out.Validate()
}

// RecoveryPlan asks recovery.Plan for the moves and phrases.
func RecoveryPlan(s ui.RecoverySituation) (ui.RecoveryPlan, error) {
	sit, err := situation(s)
	if err != nil {
		return ui.RecoveryPlan{}, err
	}
	g, err := recovery.Plan(sit)
	if err != nil {
		return ui.RecoveryPlan{}, err
	}
	out := ui.RecoveryPlan{Notes: g.Notes}
	for _, st := range g.Steps {
		ps := ui.PlanStep{Title: st.Title, Reason: st.Reason, Optional: st.Optional}
		var needs []string
		for _, p := range st.Phrases {
			// A phrase with a detail the form does not have yet would
			// show a slot in braces: leave it out and ask for the detail.
			if len(p.Missing) > 0 {
				needs = append(needs, p.Missing...)
				continue
			}
			ps.Phrases = append(ps.Phrases, p.Text)
		}
		if len(ps.Phrases) == 0 && len(needs) > 0 {
			ps.Reason += " " + askFor(needs)
		}
		out.Steps = append(out.Steps, ps)
	}
	return out, nil
}

// fieldLabels name, as the form does, the details a phrase or a
// suggested reply can need: recovery slot names and situation field
// names.
func fieldLabel(name string) string {
	switch name {
	case "name", "customerName":
		return "the customer's name"
	case "issue":
		return "what went wrong"
	case "alternative", "gesture", "offers":
		return "what you can offer"
	case "policy":
		return "the policy in play"
	case "times":
		return "when you can call back"
	case "colleague":
		return "a colleague who can take over"
	case "agent", "agentName":
		return "your name"
	}
	return name
}

// askFor is the sentence that asks for missing details in the form's words.
func askFor(names []string) string {
	var labels []string
	for _, n := range names {
		if l := fieldLabel(n); !slices.Contains(labels, l) {
			labels = append(labels, l)
		}
	}
	return "Fill in " + strings.Join(labels, " and ") + " above for words to use here."
}

func reviewOf(r *recovery.Report) ui.ReplyReview {
	out := ui.ReplyReview{Score: r.Score, Rewrite: r.Rewrite}
	for _, m := range r.Moves {
		out.Marks = append(out.Marks, ui.Mark{Start: m.Span.Start, End: m.Span.End, Class: "purpose", Label: m.Move.Title()})
	}
	for _, f := range append(append([]recovery.Finding(nil), r.Findings...), r.Order...) {
		if f.Span.End > f.Span.Start {
			out.Marks = append(out.Marks, ui.Mark{Start: f.Span.Start, End: f.Span.End, Class: "warning", Label: f.Message})
		}
		n := ui.Note{Severity: f.Severity.String(), Message: f.Message, Why: f.Why, Start: f.Span.Start, End: f.Span.End}
		if len(f.Suggestions) > 0 {
			n.Why += " Try: “" + f.Suggestions[0] + "”"
		}
		out.Notes = append(out.Notes, n)
	}
	for _, m := range r.Missing {
		out.Missing = append(out.Missing, m.Title())
	}
	if len(r.Needs) > 0 {
		out.Notes = append(out.Notes, ui.Note{Severity: "info", Message: "The suggested reply can say more.", Why: askFor(r.Needs)})
	}
	return out
}

// ReviewReply runs recovery.Review on a draft reply.
func ReviewReply(draft string, s ui.RecoverySituation) (ui.ReplyReview, error) {
	sit, err := situation(s)
	if err != nil {
		return ui.ReplyReview{}, err
	}
	r, err := recovery.Review(draft, sit)
	if err != nil {
		return ui.ReplyReview{}, err
	}
	return reviewOf(r), nil
}

// Scenarios lists the practice scenarios.
func Scenarios() []ui.Scenario {
	var out []ui.Scenario
	for _, sc := range recovery.Scenarios() {
		out = append(out, ui.Scenario{ID: sc.ID, Title: sc.Title, Setting: sc.Setting, Customer: sc.Customer, Brief: sc.Brief})
	}
	return out
}

// GradePractice grades a reply to the scenario id.
func GradePractice(id, reply string) (ui.Grade, error) {
	sc, err := recovery.ScenarioByID(id)
	if err != nil {
		return ui.Grade{}, err
	}
	f, err := recovery.Grade(sc, reply)
	if err != nil {
		return ui.Grade{}, err
	}
	out := ui.Grade{Score: f.Score, Next: f.Next}
	for _, p := range f.Points {
		out.Parts = append(out.Parts, p.Reason)
	}
	for _, r := range f.Rubric {
		out.Rubric = append(out.Rubric, ui.RubricLine{Text: r.Text, Met: r.Met, Points: r.Points, Of: r.Of, Comment: r.Comment})
	}
	if f.Review != nil {
		out.Review = reviewOf(f.Review)
	}
	return out, nil
}

// Services returns the recovery coach's services.
func Services() ui.Services {
	return ui.Services{
		RecoveryPlan:  RecoveryPlan,
		ReviewReply:   ReviewReply,
		Scenarios:     Scenarios,
		GradePractice: GradePractice,
	}
}
