package ui

import (
	"strconv"
	"strings"
)

// Storage keys of the checklists screen (simple text, no JSON).
const (
	checklistKey  = "purposeful.checklists" // checked item ids, comma-separated
	diagnosticKey = "purposeful.diagnostic" // id=value pairs, semicolon-separated
)

type checklist struct {
	id, title, intro string
	items            []string
}

// checklists are short practical lists, in our own words, after the
// practitioner ideas the project models (survey planning and service
// vision after Bell; devotion practices after Patterson and Bell).
var checklists = []checklist{
	{"survey", "Before and after a customer survey", "Plan the listening before you ask, and close the loop after.", []string{
		"We know why we are asking and what we will do with the answers.",
		"We know what customers will expect from us once they have answered.",
		"We know what we will tell employees, and when.",
		"We have written down exactly what we want to learn.",
		"A named team owns the survey.",
		"We have chosen which customers to ask.",
		"We have chosen how to ask: channel, length and wording.",
		"We have a way to really listen, beyond the numbers.",
		"We know how the results will be used and shared.",
		"We have a date to check back with customers.",
		"Afterwards: every customer who answered hears what we learned.",
		"Afterwards: actions are planned and shared with the team.",
		"Afterwards: the service vision and standards are revisited.",
		"Afterwards: objectives are reset, with targets at 6, 12 and 18 months.",
		"Afterwards: recognition and hiring criteria are updated.",
	}},
	{"vision", "Service vision", "A vision that says how you will be different for customers, and systems that back it.", []string{
		"It says how we will be unique for our customers.",
		"It names the service features that matter most to them.",
		"It names the standards that keep those features consistent.",
		"Hiring looks for people who fit it.",
		"Performance reviews refer to it.",
		"Pay and rewards support it.",
		"Recognition celebrates the people who live it.",
	}},
	{"devotion", "Practices that build devotion", "Habits that turn satisfied customers into devoted ones.", []string{
		"We help customers become smarter buyers.",
		"We learn their hopes, not only their needs.",
		"We keep in touch personally.",
		"We are easy to reach, whichever way they choose.",
		"We let customers shape how we work.",
		"Every touchpoint matches how we want to be remembered.",
		"We involve customers in our operation.",
		"We keep learning from customers face to face.",
		"We remember them.",
		"We never break a promise: we keep it or renegotiate early.",
		"We own mistakes fast and make the recovery memorable.",
		"We serve colleagues as well as customers: clean hand-offs, no silos.",
	}},
}

var agreeLabels = [...]string{"Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"}

// EnableChecklists shows the diagnostic and checklists (the checklists
// page calls it; the workshop page shows a link).
func (a *App) EnableChecklists() { a.checklistsScreen = a.checklists }

const checklistsLead = "A six-level diagnostic of your service culture, and short checklists for survey planning, the service vision and devotion practices. Answers stay on this device."

func (a *App) checklistsLink(s *scope) Element {
	link := s.text("a", "btn btn-primary", "Open the diagnostic and checklists")
	attrs(link, "href", "checklists.html", "data-test", "to-checklists")
	return a.elsewhere(s, "Diagnostic and checklists", checklistsLead,
		"They open on their own page, so the workshop stays quick to start.", link)
}

func (a *App) checklists(s *scope) Element {
	h := a.screenHead(s, "Diagnostic and checklists", checklistsLead)
	if a.svc.DiagnosticQuestions != nil {
		a.screen.Append(a.diagnostic(s))
	}
	checked := map[string]bool{}
	if v, ok := a.h.Storage().Get(checklistKey); ok {
		for _, id := range strings.Split(v, ",") {
			checked[id] = true
		}
	}
	save := func() {
		var ids []string
		for _, cl := range checklists {
			for i := range cl.items {
				if id := cl.id + "-" + strconv.Itoa(i); checked[id] {
					ids = append(ids, id)
				}
			}
		}
		_ = a.h.Storage().Set(checklistKey, strings.Join(ids, ","))
	}
	for _, cl := range checklists {
		cl := cl
		card := s.el("section", "card checklist")
		attrs(card, "data-test", "checklist-"+cl.id)
		progress := s.el("p", "muted")
		count := func() {
			n := 0
			for i := range cl.items {
				if checked[cl.id+"-"+strconv.Itoa(i)] {
					n++
				}
			}
			progress.SetText(strconv.Itoa(n) + " of " + strconv.Itoa(len(cl.items)) + " done")
		}
		ul := s.el("ul", "checks")
		for i, item := range cl.items {
			id := cl.id + "-" + strconv.Itoa(i)
			uid := a.uid()
			cb := s.el("input", "")
			attrs(cb, "type", "checkbox", "id", uid, "data-test", "check-"+id)
			cb.SetChecked(checked[id])
			s.on(cb, "change", func(Event) {
				checked[id] = cb.Checked()
				save()
				count()
			})
			lab := s.text("label", "check", item)
			lab.SetAttr("for", uid)
			ul.Append(s.el("li", "check-row", cb, lab))
		}
		count()
		card.Append(s.text("h2", "", cl.title), s.text("p", "", cl.intro), progress, ul)
		a.screen.Append(card)
	}
	return h
}

// diagnostic is the six-level questionnaire with a live result.
func (a *App) diagnostic(s *scope) Element {
	answers := map[string]int{}
	if v, ok := a.h.Storage().Get(diagnosticKey); ok {
		for _, kv := range strings.Split(v, ";") {
			if k, val, ok := strings.Cut(kv, "="); ok {
				if n, err := strconv.Atoi(val); err == nil {
					answers[k] = n
				}
			}
		}
	}
	card := s.el("section", "card")
	attrs(card, "data-test", "diagnostic")
	card.Append(s.text("h2", "", "Service culture diagnostic"),
		s.text("p", "muted", "Six levels, from the foundation up: significance, strategy, staff, systems, success, customers. Problems that show at one level usually start in a weaker level beneath it. Answer what you can; the result updates as you go."))
	result := s.el("div", "diag-result")
	attrs(result, "data-test", "diagnostic-result", "aria-live", "polite")
	rs := s.child()
	update := func() {
		var pairs []string
		for k, v := range answers {
			pairs = append(pairs, k+"="+strconv.Itoa(v))
		}
		_ = a.h.Storage().Set(diagnosticKey, strings.Join(pairs, ";"))
		rs.release()
		result.Clear()
		if len(answers) == 0 {
			result.Append(rs.text("p", "muted", "No answers yet."))
			return
		}
		r, err := a.svc.EvaluateDiagnostic(answers)
		if err != nil {
			result.Append(rs.text("p", "", err.Error()))
			return
		}
		ul := rs.el("ul", "bars")
		for _, l := range r.Levels {
			bar := rs.el("span", "bar-fill")
			bar.SetStyle("width", strconv.Itoa(l.Percent)+"%")
			li := rs.el("li", "bar-row")
			if l.Below {
				li.SetAttr("data-below", "1")
			}
			val := strconv.Itoa(l.Percent) + "%"
			if l.Answered == 0 {
				val = "not answered"
			}
			li.Append(rs.text("span", "bar-label", title(l.Level)), rs.el("span", "bar", bar), rs.text("span", "bar-value", val))
			ul.Append(li)
		}
		result.Append(ul)
		if r.Root != "" {
			result.Append(rs.text("p", "", "Start with "+title(r.Root)+". "+r.Advice))
		} else {
			result.Append(rs.text("p", "", "No level is under the threshold so far."))
		}
	}
	var current string
	var group Element
	for _, q := range a.svc.DiagnosticQuestions() {
		q := q
		if q.Level != current {
			current = q.Level
			group = s.el("fieldset", "diag-level")
			group.Append(s.text("legend", "", title(q.Level)))
			card.Append(group)
		}
		fs := s.el("fieldset", "likert")
		fs.Append(s.text("legend", "likert-q", q.Text))
		row := s.el("div", "likert-row")
		for v := 1; v <= 5; v++ {
			v := v
			uid := a.uid()
			rb := s.el("input", "")
			attrs(rb, "type", "radio", "name", "q-"+q.ID, "id", uid, "value", strconv.Itoa(v), "data-test", "q-"+q.ID+"-"+strconv.Itoa(v))
			rb.SetChecked(answers[q.ID] == v)
			s.on(rb, "change", func(Event) {
				answers[q.ID] = v
				update()
			})
			lab := s.text("label", "", strconv.Itoa(v)+" "+agreeLabels[v-1])
			lab.SetAttr("for", uid)
			row.Append(s.el("span", "likert-opt", rb, lab))
		}
		fs.Append(row)
		group.Append(fs)
	}
	card.Append(s.text("h3", "", "Result"), result)
	update()
	return card
}

func title(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
