package ui

import (
	"strconv"
	"strings"
)

// Enum names the recovery package accepts, with labels for the form.
var (
	recoveryStates     = [][2]string{{"disappointed", "Disappointed"}, {"upset", "Upset"}, {"angry", "Angry"}, {"abusive", "Abusive"}}
	recoveryCauses     = [][2]string{{"unknown", "Not known yet"}, {"our-error", "Our mistake"}, {"policy-limit", "A policy limit"}, {"misunderstanding", "A misunderstanding"}, {"third-party", "Someone else (a partner, a supplier)"}}
	recoverySeverities = [][2]string{{"minor", "Minor"}, {"moderate", "Moderate"}, {"major", "Major"}, {"severe", "Severe"}}
	recoveryChannels   = [][2]string{{"phone", "Phone"}, {"in-person", "In person"}, {"email", "Email"}, {"chat", "Chat"}}
)

func (a *App) enumSelect(s *scope, label, test string, opts [][2]string, onChange func(string)) Element {
	vals, labels := make([]string, len(opts)), make([]string, len(opts))
	for i, o := range opts {
		vals[i], labels[i] = o[0], o[1]
	}
	w, sel := a.selectFieldKV(s, label, test, vals, labels)
	s.on(sel, "change", func(Event) { onChange(sel.Value()) })
	return w
}

// EnableRecovery shows the full recovery coach on the recovery screen
// (the recovery page calls it; the workshop page shows a link instead).
func (a *App) EnableRecovery() { a.recoveryScreen = a.recovery }

const recoveryLead = "When a customer is upset: describe the situation for a plan with words to use, check a draft reply before you send it, and practise on realistic cases."

// recoveryLink is the workshop page's recovery screen: a link to the
// coach's own page.
func (a *App) recoveryLink(s *scope) Element {
	link := s.text("a", "btn btn-primary", "Open the recovery coach")
	attrs(link, "href", "recovery.html", "data-test", "to-recovery")
	return a.elsewhere(s, "Recovery coach", recoveryLead,
		"The recovery coach opens on its own page, so the workshop stays quick to start. Your grids stay saved.", link)
}

func (a *App) recovery(s *scope) Element {
	h := a.screenHead(s, "Recovery coach", recoveryLead)
	if a.svc.RecoveryPlan == nil {
		a.screen.Append(s.el("section", "card", s.text("p", "", "The recovery coach is not available in this build.")))
		return h
	}
	sit := &a.recSit

	// Plan.
	planOut := s.el("div", "plan")
	attrs(planOut, "data-test", "plan", "aria-live", "polite")
	ps := s.child()
	var replan func()
	replan = func() {
		ps.release()
		planOut.Clear()
		p, err := a.svc.RecoveryPlan(*sit)
		if err != nil {
			planOut.Append(ps.text("p", "muted", "Check the situation: "+err.Error()))
			return
		}
		ol := ps.el("ol", "plan-steps")
		for _, st := range p.Steps {
			li := ps.el("li", "plan-step")
			title := st.Title
			if st.Optional {
				title += " (if it fits)"
			}
			li.Append(ps.text("strong", "", title), ps.text("p", "muted", st.Reason))
			if len(st.Phrases) > 0 {
				li.Append(ps.el("ul", "phrases", ps.text("li", "phrase", st.Phrases[0])))
			}
			if len(st.Phrases) > 1 {
				ul := ps.el("ul", "phrases")
				for _, ph := range st.Phrases[1:] {
					ul.Append(ps.text("li", "phrase", ph))
				}
				li.Append(ps.el("details", "more", ps.text("summary", "", "Other ways to say it"), ul))
			}
			ol.Append(li)
		}
		planOut.Append(ol)
		for _, n := range p.Notes {
			planOut.Append(ps.text("p", "hint", n))
		}
	}
	form := s.el("div", "two-col",
		a.enumSelect(s, "How the customer feels", "rec-state", recoveryStates, func(v string) { sit.State = v; replan() }),
		a.enumSelect(s, "What caused it", "rec-cause", recoveryCauses, func(v string) { sit.Cause = v; replan() }),
		a.enumSelect(s, "How serious it is", "rec-severity", recoverySeverities, func(v string) { sit.Severity = v; replan() }),
		a.enumSelect(s, "Where you are talking", "rec-channel", recoveryChannels, func(v string) { sit.Channel = v; replan() }),
	)
	// Changing the situation updates the plan and the review of the
	// draft (set below).
	var rereview func()
	changed := func() {
		replan()
		if rereview != nil {
			rereview()
		}
	}
	name, _ := s.field("Customer's name (optional)", "text", sit.CustomerName, "rec-name", func(v string) { sit.CustomerName = v; changed() })
	issue, _ := s.field("What went wrong, in a few words", "text", sit.Issue, "rec-issue", func(v string) { sit.Issue = v; changed() })
	offer, _ := s.field("What you can offer (optional)", "text", sit.Offer, "rec-offer", func(v string) { sit.Offer = v; changed() })
	times, _ := s.field("When you can call back (optional, e.g. 4pm today, 9am tomorrow)", "text", sit.Times, "rec-times", func(v string) { sit.Times = v; changed() })
	policy, _ := s.field("The policy in play (optional, e.g. refunds need a receipt)", "text", sit.Policy, "rec-policy", func(v string) { sit.Policy = v; changed() })
	a.screen.Append(s.el("section", "card", s.text("h2", "", "The situation"), form, s.el("div", "two-col", name, issue),
		s.el("div", "two-col", offer, times), policy))

	// Review a draft.
	mirror := s.el("p", "mirror")
	attrs(mirror, "data-test", "reply-mirror")
	score := s.text("span", "score-num", "–")
	attrs(score, "data-test", "reply-score")
	notes := s.el("ul", "notes")
	extra := s.el("div", "")
	rs := s.child()
	review := func(v string) {
		rs.release()
		mirror.Clear()
		notes.Clear()
		extra.Clear()
		r, err := a.svc.ReviewReply(v, *sit)
		if err != nil {
			score.SetText("–")
			mirror.SetText(v)
			return
		}
		score.SetText(strconv.Itoa(r.Score))
		a.renderMirror(rs, mirror, v, r.Marks)
		renderNotes(rs, notes, r.Notes)
		if len(r.Missing) > 0 {
			extra.Append(rs.text("p", "", "Not there yet: "+strings.Join(r.Missing, ", ")+"."))
		}
		if r.Rewrite != "" {
			extra.Append(rs.text("h3", "", "One way to say it"), rs.text("blockquote", "rewrite", r.Rewrite))
		}
	}
	draftField, draft := s.field("Your draft reply", "textarea", "", "reply-text", review)
	rereview = func() {
		if v := draft.Value(); v != "" {
			review(v)
		}
	}
	// The review comes before the plan, and the plan folds away, so that
	// on a phone the reply box is near the top, not under a long plan.
	a.screen.Append(s.el("section", "card", s.text("h2", "", "Review a reply"),
		s.el("div", "coach-grid",
			s.el("div", "", draftField, s.text("p", "legend", ""), mirror),
			s.el("div", "", s.el("div", "score", score, s.text("span", "muted", "out of 100")), notes, extra))))
	planBox := s.el("details", "plan-box", s.text("summary", "", "Your plan: the moves to make and words to use"), planOut)
	attrs(planBox, "data-test", "plan-box")
	a.screen.Append(s.el("section", "card", s.text("h2", "", "Plan a recovery"), planBox))
	replan()
	a.screen.Append(a.practice(s))
	return h
}

// renderNotes appends one item per note to ul: the message, then why
// (the coach and the reply review).
func renderNotes(s *scope, ul Element, notes []Note) {
	for _, n := range notes {
		li := s.el("li", "")
		li.SetAttr("data-severity", n.Severity)
		li.Append(s.text("strong", "", n.Message))
		if n.Why != "" {
			li.Append(s.text("span", "muted", " "+n.Why))
		}
		ul.Append(li)
	}
}

// practice is the scenario trainer: pick a case, reply, get a grade.
func (a *App) practice(s *scope) Element {
	card := s.el("section", "card")
	attrs(card, "data-test", "practice")
	card.Append(s.text("h2", "", "Practise"))
	if a.svc.Scenarios == nil || a.svc.GradePractice == nil {
		return card
	}
	list := a.svc.Scenarios()
	if len(list) == 0 {
		return card
	}
	ids, titles := make([]string, len(list)), make([]string, len(list))
	for i, sc := range list {
		ids[i], titles[i] = sc.ID, sc.Title
	}
	brief := s.el("div", "brief")
	out := s.el("div", "grade")
	attrs(out, "data-test", "grade", "aria-live", "polite")
	cur := list[0]
	show := func() {
		brief.Clear()
		brief.Append(s.text("p", "muted", cur.Setting), s.text("blockquote", "customer-says", cur.Customer), s.text("p", "", cur.Brief))
	}
	w, sel := a.selectFieldKV(s, "Scenario", "scenario", ids, titles)
	replyWrap, reply := s.field("Your reply", "textarea", "", "practice-text", nil)
	gs := s.child()
	s.on(sel, "change", func(Event) {
		for _, sc := range list {
			if sc.ID == sel.Value() {
				cur = sc
			}
		}
		gs.release()
		out.Clear()
		show()
	})
	grade := s.button("Grade my reply", "btn btn-primary", "grade-btn", func() {
		gs.release()
		out.Clear()
		g, err := a.svc.GradePractice(cur.ID, reply.Value())
		if err != nil {
			out.Append(gs.text("p", "", "Write a reply first."))
			reply.Focus()
			return
		}
		out.Append(gs.el("div", "score", gs.text("span", "score-num", strconv.Itoa(g.Score)), gs.text("span", "muted", "out of 100")))
		if len(g.Parts) > 0 {
			// How the score adds up, from what the learner sees.
			parts := gs.el("ul", "score-parts")
			attrs(parts, "data-test", "grade-parts")
			for _, p := range g.Parts {
				parts.Append(gs.text("li", "muted", p))
			}
			out.Append(parts)
		}
		ul := gs.el("ul", "rubric")
		for _, r := range g.Rubric {
			mark := "✗ "
			if r.Met {
				mark = "✓ "
			}
			li := gs.el("li", "")
			li.SetAttr("data-met", strconv.FormatBool(r.Met))
			li.Append(gs.text("strong", "", mark+r.Text+" ("+strconv.Itoa(r.Points)+"/"+strconv.Itoa(r.Of)+")"))
			if r.Comment != "" {
				li.Append(gs.text("span", "muted", " "+r.Comment))
			}
			ul.Append(li)
		}
		out.Append(ul)
		if g.Next != "" {
			out.Append(gs.text("p", "hint", g.Next))
		}
		a.announce("Graded: " + strconv.Itoa(g.Score) + " out of 100")
	})
	show()
	card.Append(w, brief, replyWrap, s.el("div", "actions", grade), out)
	return card
}
