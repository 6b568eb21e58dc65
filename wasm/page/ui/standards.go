package ui

import (
	"strconv"
	"strings"
	"time"
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
	if d == nil || len(d.Grid().Adopted()) == 0 {
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
	hist := &standardsHistory{}
	var undoBtn Element
	undoBtn = s.button("Undo", "btn", "standards-undo", func() {
		what, ok := hist.undo(d)
		if !ok {
			return
		}
		a.changed()
		render()
		hist.show(undoBtn)
		undoBtn.Focus()
		a.announce("Undone: " + what)
	})
	hist.show(undoBtn)
	edit := func(what string) {
		hist.remember(what, d, a.h.Now())
		hist.show(undoBtn)
	}
	redraft := func() {
		drafts, err := a.svc.DraftStandards(d.Grid())
		if err != nil {
			a.alert("Could not draft standards: " + err.Error())
			return
		}
		if len(d.Standards) > 0 {
			edit("fresh drafts")
		}
		d.Standards = d.Standards[:0]
		for _, x := range drafts {
			x.Gaps = nil
			d.Standards = append(d.Standards, x)
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
		a.dialog("Draft the standards again?", "Your edits to the current standards will be replaced by fresh drafts (Undo brings them back).", draftBtn,
			choice{label: "Draft again", test: "confirm-redraft", class: "btn btn-danger", fn: redraft},
			choice{label: "Keep my edits", test: "cancel", fn: func() {}})
	})
	a.screen.Append(s.el("div", "actions", s.text("span", "muted", "From “"+d.Title()+"”."), draftBtn, undoBtn), list,
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
		for _, t := range a.svc.TrainingPlan(d.Course().Purpose, sds) {
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
			list.Append(a.standardCard(ls, i, edit, func() { renderPlan(ls) }))
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
// field, notes with their reasons, and one-click fixes that replace only
// the words they are about. edit is called before every change, with what
// the change is, so that it can be undone.
func (a *App) standardCard(parent *scope, i int, edit func(what string), changed func()) Element {
	d := a.doc
	st := &d.Standards[i]
	card := parent.el("section", "card standard")
	attrs(card, "data-test", "standard-"+strconv.Itoa(i))
	card.Append(parent.el("h2", "", parent.text("span", "badge", st.Code), parent.text("span", "", " "+firstWords(st.Statement, 8))))
	order := []struct{ key, label string }{
		{"statement", "Standard (what someone does, observably)"},
		{"rationale", "Why it matters (the reason people will remember)"},
		{"deviation", "When deviating is right"},
	}
	fields := map[string]*string{"statement": &st.Statement, "rationale": &st.Rationale, "deviation": &st.Deviation}
	notes := parent.el("ul", "notes")
	attrs(notes, "data-test", "lint-"+strconv.Itoa(i))
	mirrors := map[string]Element{}
	inputs := map[string]Element{}
	ns := parent.child()
	var lint func()
	lint = func() {
		ns.release()
		notes.Clear()
		found := a.svc.LintStandard(d.Course().Purpose, StandardDraft{Code: st.Code, Statement: st.Statement, Rationale: st.Rationale, Deviation: st.Deviation})
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
			if len(f.Hints) > 0 {
				li.Append(ns.text("p", "muted", "Try: "+strings.Join(f.Hints, ", ")))
			}
			if f.HasFix && f.End > f.Start && inputs[f.Field] != nil {
				li.Append(ns.el("div", "", a.fixButton(ns, f, fields[f.Field], func(v string) {
					edit("the fix")
					*fields[f.Field] = v
					inputs[f.Field].SetValue(v)
					inputs[f.Field].Focus()
					a.changed()
					lint()
					changed()
					a.announce("Fix applied. Undo takes it back.")
				})))
			}
			notes.Append(li)
		}
		if len(found) == 0 {
			notes.Append(ns.text("li", "", "No problems found."))
		}
		for _, fl := range order {
			m := mirrors[fl.key]
			m.Clear()
			if len(marks[fl.key]) > 0 {
				a.renderMirror(ns, m, *fields[fl.key], marks[fl.key])
			}
		}
	}
	for _, fl := range order {
		fl := fl
		kind := "textarea"
		w, in := parent.field(fl.label, kind, *fields[fl.key], fl.key+"-"+strconv.Itoa(i), func(v string) {
			edit("typing in " + fl.key + "-" + strconv.Itoa(i))
			*fields[fl.key] = v
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

// fixButton offers f's replacement of its span in the text at val. The
// button says what it replaces; pressing it calls apply with the new text,
// unless the text has changed under the span since the lint.
func (a *App) fixButton(s *scope, f FieldNote, val *string, apply func(string)) Element {
	text := *val
	if f.End > len(text) {
		return s.el("span", "")
	}
	was := text[f.Start:f.End]
	label := "Replace “" + was + "” with “" + f.Fix + "”"
	if f.Fix == "" {
		label = "Remove “" + was + "”"
	}
	b := s.button(label, "btn btn-small", "", func() {
		if v, ok := replaceSpan(*val, f.Start, f.End, was, f.Fix); ok {
			apply(v)
		}
	})
	b.SetAttr("data-fix", f.Fix)
	return b
}

// replaceSpan puts fix in place of text[start:end] when that is still
// was; it changes nothing else.
func replaceSpan(text string, start, end int, was, fix string) (string, bool) {
	if start < 0 || end > len(text) || start > end || text[start:end] != was {
		return text, false
	}
	return text[:start] + fix + text[end:], true
}

// standardsHistory is the standards builder's undo: the standards as they
// were before each edit. Typing in one field is one edit until a pause of
// typingPause or an edit of another kind.
type standardsHistory struct {
	steps    []standardsStep
	lastWhat string
	lastAt   time.Time
}

type standardsStep struct {
	what   string
	before []StandardDraft
}

// typingPause ends one typing edit.
const typingPause = time.Second

func (h *standardsHistory) remember(what string, d *Solo, now time.Time) {
	typing := strings.HasPrefix(what, "typing")
	if typing && what == h.lastWhat && now.Sub(h.lastAt) < typingPause {
		h.lastAt = now
		return
	}
	h.lastWhat, h.lastAt = what, now
	if len(h.steps) == maxUndo {
		h.steps = append(h.steps[:0], h.steps[1:]...)
	}
	h.steps = append(h.steps, standardsStep{what: what, before: append([]StandardDraft(nil), d.Standards...)})
}

// undo puts back the standards of the last edit and says what it was.
func (h *standardsHistory) undo(d *Solo) (string, bool) {
	if len(h.steps) == 0 {
		return "", false
	}
	st := h.steps[len(h.steps)-1]
	h.steps = h.steps[:len(h.steps)-1]
	h.lastWhat = ""
	d.Standards = append(d.Standards[:0], st.before...)
	what := st.what
	if strings.HasPrefix(what, "typing") {
		what = "typing"
	}
	return what, true
}

// show enables the Undo button when there is something to undo.
func (h *standardsHistory) show(b Element) {
	if len(h.steps) == 0 {
		b.SetAttr("disabled", "")
	} else {
		b.RemoveAttr("disabled")
	}
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
