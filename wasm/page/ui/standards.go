package ui

import (
	"strconv"
	"strings"

	"github.com/purposefulcx/purposeful/wasm/page/workshop"
)

// EnableStandards shows the full standards builder on the standards
// screen (the standards page calls it; the workshop page shows a link).
func (a *App) EnableStandards() { a.standardsScreen = a.standardsBuilder }

const standardsLead = "Turn the adopted ideas into standards everyone understands, with the reason for each and when deviating is right; then plan how to teach them."

func (a *App) standardsLink(s *scope) Element {
	link := s.text("a", "btn btn-primary", "Open the standards builder")
	attrs(link, "href", "standards.html", "data-test", "to-standards")
	return a.elsewhere(s, "Standards builder", standardsLead,
		"The standards builder opens on its own page, so the workshop stays quick to start. It works on the grid you have open.", link)
}

func (a *App) standardsBuilder(s *scope) Element {
	h := a.screenHead(s, "Standards builder", standardsLead)
	d := a.doc
	if d == nil || len(d.Adopted()) == 0 {
		back := s.text("a", "btn btn-primary", "Go to the activity")
		attrs(back, "href", "index.html#activity")
		msg := "Open a grid and adopt some ideas in “Mine for gold” first."
		if d != nil {
			msg = "“" + d.Title() + "” has no adopted ideas yet. Adopt some in “Mine for gold” first."
		}
		a.screen.Append(s.el("section", "card", s.text("p", "", msg), back))
		return h
	}
	list := s.el("div", "standards")
	attrs(list, "data-test", "standards-list")
	plan := s.tableWrap("Training plan")
	ls := s.child()
	var render func()
	redraft := func() {
		drafts, err := a.svc.DraftStandards(d)
		if err != nil {
			a.alert("Could not draft standards: " + err.Error())
			return
		}
		d.Standards = d.Standards[:0]
		for _, x := range drafts {
			d.Standards = append(d.Standards, workshop.Standard{Code: x.Code, Item: x.Item, Statement: x.Statement, Rationale: x.Rationale, Deviation: x.Deviation})
		}
		a.changed()
		render()
	}
	var draftBtn Element
	draftBtn = s.button("Draft again from the adopted ideas", "btn", "redraft", func() {
		if len(d.Standards) == 0 {
			redraft()
			return
		}
		a.dialog("Draft the standards again?", "Your edits to the current standards will be replaced by fresh drafts.", draftBtn,
			choice{label: "Draft again", test: "confirm-redraft", class: "btn btn-danger", fn: redraft},
			choice{label: "Keep my edits", test: "cancel", fn: func() {}})
	})
	a.screen.Append(s.el("p", "muted", s.text("span", "", "From “"+d.Title()+"”. "), draftBtn), list,
		s.el("section", "card", s.text("h2", "", "Training plan"), s.text("p", "muted", "How each standard is best taught, from what it asks people to know or do."), plan))
	renderPlan := func(ps *scope) {
		plan.Clear()
		if a.svc.TrainingPlan == nil {
			return
		}
		var sds []StandardDraft
		for _, st := range d.Standards {
			sds = append(sds, StandardDraft{Code: st.Code, Statement: st.Statement, Rationale: st.Rationale, Deviation: st.Deviation})
		}
		tbl := ps.el("table", "")
		attrs(tbl, "data-test", "training-plan")
		hr := ps.el("tr", "")
		for _, t := range []string{"Code", "Standard", "Content", "Medium", "Why"} {
			hr.Append(attrs(ps.text("th", "", t), "scope", "col"))
		}
		tb := ps.el("tbody", "")
		for _, t := range a.svc.TrainingPlan(d.Purpose, sds) {
			tr := ps.el("tr", "")
			for _, v := range []string{t.Code, t.Standard, t.Content, t.Medium, t.Reason} {
				tr.Append(ps.text("td", "", v))
			}
			tb.Append(tr)
		}
		tbl.Append(ps.el("thead", "", hr), tb)
		plan.Append(tbl)
	}
	render = func() {
		ls.release()
		list.Clear()
		for i := range d.Standards {
			list.Append(a.standardCard(ls, i, func() { renderPlan(ls) }))
		}
		renderPlan(ls)
	}
	if len(d.Standards) == 0 {
		redraft()
	} else {
		render()
	}
	return h
}

// standardCard edits one standard with live lint: highlights in each
// field, notes with their reasons, and one-click fixes.
func (a *App) standardCard(parent *scope, i int, changed func()) Element {
	d := a.doc
	st := &d.Standards[i]
	card := parent.el("section", "card standard")
	attrs(card, "data-test", "standard-"+strconv.Itoa(i))
	card.Append(parent.el("h2", "", parent.text("span", "badge", st.Code), parent.text("span", "", " "+firstWords(st.Statement, 8))))
	fields := []struct {
		key, label string
		val        *string
	}{
		{"statement", "Standard (what someone does, observably)", &st.Statement},
		{"rationale", "Why it matters (the reason people will remember)", &st.Rationale},
		{"deviation", "When deviating is right", &st.Deviation},
	}
	notes := parent.el("ul", "notes")
	attrs(notes, "data-test", "lint-"+strconv.Itoa(i))
	mirrors := map[string]Element{}
	inputs := map[string]Element{}
	ns := parent.child()
	var lint func()
	lint = func() {
		ns.release()
		notes.Clear()
		found := a.svc.LintStandard(d.Purpose, StandardDraft{Code: st.Code, Statement: st.Statement, Rationale: st.Rationale, Deviation: st.Deviation})
		marks := map[string][]Mark{}
		for _, f := range found {
			if f.End > f.Start {
				marks[f.Field] = append(marks[f.Field], Mark{Start: f.Start, End: f.End, Class: "warning", Label: f.Message})
			}
			li := ns.el("li", "")
			li.SetAttr("data-severity", f.Severity)
			li.Append(ns.text("strong", "", fieldName(f.Field)+": "+f.Message))
			if f.Why != "" {
				li.Append(ns.text("span", "muted", " "+f.Why))
			}
			// Offer only fixes that are real words, not templates to fill.
			if f.Fix != "" && f.End > f.Start && inputs[f.Field] != nil && !strings.ContainsAny(f.Fix, "{…") && !strings.Contains(f.Fix, "...") {
				f := f
				fix := ns.button("Use “"+f.Fix+"”", "btn btn-small", "", func() {
					for _, fl := range fields {
						if fl.key == f.Field && f.End <= len(*fl.val) {
							*fl.val = (*fl.val)[:f.Start] + f.Fix + (*fl.val)[f.End:]
							inputs[f.Field].SetValue(*fl.val)
							inputs[f.Field].Focus()
						}
					}
					a.changed()
					lint()
					changed()
					a.announce("Fix applied")
				})
				li.Append(ns.el("div", "", fix))
			}
			notes.Append(li)
		}
		if len(found) == 0 {
			notes.Append(ns.text("li", "", "No problems found."))
		}
		for _, fl := range fields {
			m := mirrors[fl.key]
			m.Clear()
			if len(marks[fl.key]) > 0 {
				a.renderMirror(ns, m, *fl.val, marks[fl.key])
			}
		}
	}
	for _, fl := range fields {
		fl := fl
		kind := "textarea"
		w, in := parent.field(fl.label, kind, *fl.val, fl.key+"-"+strconv.Itoa(i), func(v string) {
			*fl.val = v
			a.changed()
			lint()
			changed()
		})
		in.SetAttr("rows", "2")
		inputs[fl.key] = in
		m := parent.el("p", "mirror mirror-small")
		m.SetAttr("aria-hidden", "true")
		mirrors[fl.key] = m
		card.Append(w, m)
	}
	card.Append(parent.text("h3", "", "Check"), notes)
	lint()
	return card
}

func fieldName(f string) string {
	switch f {
	case "statement", "":
		return "Standard"
	case "rationale":
		return "Why"
	}
	return title(f)
}

func firstWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) <= n {
		return strings.Join(w, " ")
	}
	return strings.Join(w[:n], " ") + "…"
}
