package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/workshop"
)

type activityView struct {
	title     Element
	stepper   Element
	steps     []Element
	body      Element
	bodyScope *scope
	prev      Element
	next      Element
	undo      Element
}

// maxUndo is how many changes the Undo button can take back.
const maxUndo = 30

// undoStep is the grid as it was before a change, and what the change was.
type undoStep struct {
	label string
	saved []byte
}

// remember keeps the open grid as it is now, before the change named by
// label, so that Undo can bring it back.
func (a *App) remember(label string) {
	b, err := a.doc.MarshalJSON()
	if err != nil {
		return
	}
	if len(a.undo) == maxUndo {
		a.undo = append(a.undo[:0], a.undo[1:]...)
	}
	a.undo = append(a.undo, undoStep{label: label, saved: b})
	a.paintUndo()
}

// undoLast brings back the grid as it was before the last remembered
// change.
func (a *App) undoLast() {
	if len(a.undo) == 0 || a.doc == nil {
		return
	}
	u := a.undo[len(a.undo)-1]
	a.undo = a.undo[:len(a.undo)-1]
	d, err := workshop.Decode(u.saved)
	if err != nil {
		a.alert("Could not undo: " + err.Error())
		return
	}
	d.Updated = a.doc.Updated
	a.doc = d
	a.changed()
	a.renderPhase()
	a.paintUndo()
	a.announce("Undone: " + u.label)
}

func (a *App) paintUndo() {
	if a.av == nil || a.av.undo == nil {
		return
	}
	if len(a.undo) == 0 {
		a.av.undo.SetText("Undo")
		a.av.undo.SetAttr("hidden", "")
		return
	}
	a.av.undo.RemoveAttr("hidden")
	a.av.undo.SetText("Undo: " + a.undo[len(a.undo)-1].label)
}

func (a *App) activity(s *scope) Element {
	if a.doc == nil {
		return a.screenHead(s, "No grid open", "Start a new grid from the template, or open one from the home screen.",
			s.el("div", "actions",
				s.button("New grid from the template", "btn btn-primary", "new-grid", func() {
					a.open(workshop.New(a.newID(), a.h.Now()))
					a.show("activity", true)
				}),
				s.button("Go to home", "btn", "", func() { a.Go("home") })))
	}
	v := &activityView{}
	a.av = v
	v.title = s.text("h1", "screen-title", a.doc.Title())
	v.title.SetAttr("data-test", "grid-title")
	head := s.el("div", "screen-head activity-head", s.el("div", "", s.text("p", "eyebrow", "3 Ps activity"), v.title), a.exportMenu(s))
	a.screen.Append(head)

	v.stepper = s.el("ol", "stepper")
	attrs(v.stepper, "aria-label", "Activity steps")
	for i, p := range workshop.Phases {
		p := p
		b := s.button("", "step", "step-"+p.String(), func() { a.setPhase(p) })
		b.Append(s.text("span", "step-num", strconv.Itoa(i+1)), s.text("span", "step-name", p.Title()))
		v.steps = append(v.steps, b)
		v.stepper.Append(s.el("li", "", b))
	}
	a.screen.Append(s.el("nav", "stepper-wrap", v.stepper))
	attrs(a.screen, "aria-label", "")
	v.body = s.el("section", "phase card")
	v.bodyScope = s.child()
	a.screen.Append(v.body)
	v.prev = s.button("← Back", "btn", "prev", func() { a.setPhase(a.doc.Phase - 1) })
	v.next = s.button("Next →", "btn btn-primary", "next", func() { a.setPhase(a.doc.Phase + 1) })
	v.undo = s.button("Undo", "btn btn-quiet", "undo", a.undoLast)
	a.screen.Append(s.el("div", "phase-nav", v.prev, v.undo, v.next))
	a.paintUndo()
	a.renderPhase()
	return v.title
}

// setPhase moves the activity to p, announces it and puts focus on its
// heading.
func (a *App) setPhase(p workshop.Phase) {
	if int(p) >= len(workshop.Phases) || a.doc == nil {
		return
	}
	a.doc.Phase = p
	a.changed()
	a.renderPhase()
	if a.phaseHead != nil {
		a.phaseHead.SetAttr("tabindex", "-1")
		a.phaseHead.Focus()
	}
	a.announce("Step " + strconv.Itoa(int(p)+1) + " of " + strconv.Itoa(len(workshop.Phases)) + ": " + p.Title())
}

func (a *App) renderPhase() {
	v := a.av
	if v == nil {
		return
	}
	stop(&a.timerStop)
	v.bodyScope.release()
	v.body.Clear()
	s := v.bodyScope
	p := a.doc.Phase
	for i, b := range v.steps {
		b.RemoveAttr("aria-current")
		state := "todo"
		switch {
		case i == int(p):
			b.SetAttr("aria-current", "step")
			state = "current"
		case i < int(p):
			state = "done"
		}
		b.SetAttr("data-state", state)
	}
	v.body.SetAttr("data-phase", p.String())
	a.phaseHead = s.text("h2", "phase-title", p.Title())
	a.phaseHead.SetAttr("data-test", "phase-title")
	v.body.Append(a.phaseHead)
	switch p {
	case workshop.PhaseCourse:
		a.phaseCourse(s, v.body)
	case workshop.PhaseTeam:
		a.phaseTeam(s, v.body)
	case workshop.PhaseCreative:
		a.phaseCreative(s, v.body)
	case workshop.PhaseGold:
		a.phaseGold(s, v.body)
	default:
		a.phaseSummary(s, v.body)
	}
	setDisabled(v.prev, p == workshop.PhaseCourse)
	setDisabled(v.next, p == workshop.PhaseSummary)
}

func setDisabled(e Element, off bool) {
	if off {
		e.SetAttr("disabled", "")
	} else {
		e.RemoveAttr("disabled")
	}
}

func (a *App) retitle() {
	if a.av != nil {
		a.av.title.SetText(a.doc.Title())
	}
}

func (a *App) phaseCourse(s *scope, body Element) {
	d := a.doc
	body.Append(s.text("p", "lead", "Name the role and the process this grid is for, the role's higher purpose, and what the group is here to achieve."))
	pos, _ := s.field("Position (one job role)", "text", d.Position, "position", func(v string) { d.Position = v; a.retitle(); a.changed() })
	proc, _ := s.field("Process (one process of that role)", "text", d.Process, "process", func(v string) { d.Process = v; a.retitle(); a.changed() })
	purp, _ := s.field("Purpose of the role (who benefits, and how)", "textarea", d.Purpose, "purpose", func(v string) { d.Purpose = v; a.changed() })
	obj, _ := s.field("The group's objective", "textarea", d.Objective, "objective", func(v string) { d.Objective = v; a.changed() })
	coach := s.el("p", "hint")
	coachLink := s.text("a", "", "Open the purpose coach")
	attrs(coachLink, "href", "coach.html", "data-test", "to-coach")
	coach.Append(s.text("span", "", "Finding the purpose is the hard part. "), coachLink)
	teamHint := s.el("p", "hint no-print")
	teamLink := s.text("a", "", "Open a team workshop")
	attrs(teamLink, "href", "team.html#host", "data-test", "to-team")
	teamHint.Append(s.text("span", "", "Running this with a team on their phones? "), teamLink, s.text("span", "", " with this course: they join with a code, write ideas privately and vote with dots."))
	body.Append(s.el("div", "two-col", pos, proc), purp, coach, obj, teamHint,
		s.el("div", "two-col",
			a.listEditor(s, "Core values", "Core value", "Add a core value", "value", &d.Values),
			a.listEditor(s, "KPIs for this process", "KPI", "Add a KPI", "kpi", &d.KPIs)))
}

// listEditor edits a list of short strings: each entry is an input with a
// remove button; a labelled input with an Add button (or Enter) appends.
func (a *App) listEditor(parent *scope, title, one, addLabel, test string, list *[]string) Element {
	box := parent.el("fieldset", "list-editor")
	box.Append(parent.text("legend", "", title))
	ul := parent.el("ul", "entries")
	box.Append(ul)
	rs := parent.child()
	var render func()
	render = func() {
		rs.release()
		ul.Clear()
		for i := range *list {
			i := i
			row, _ := rs.field(one+" "+strconv.Itoa(i+1), "text", (*list)[i], test+"-"+strconv.Itoa(i), func(v string) {
				(*list)[i] = v
				a.changed()
			})
			rm := rs.button("Remove", "btn btn-small btn-quiet", "", func() {
				*list = append((*list)[:i], (*list)[i+1:]...)
				a.changed()
				render()
				a.announce(one + " removed")
			})
			rm.SetAttr("aria-label", "Remove "+strings.ToLower(one)+" "+strconv.Itoa(i+1))
			ul.Append(rs.el("li", "entry", row, rm))
		}
	}
	render()
	addRow, addIn := parent.field(addLabel, "text", "", test+"-new", nil)
	add := func() {
		v := strings.TrimSpace(addIn.Value())
		if v == "" {
			addIn.Focus()
			return
		}
		*list = append(*list, v)
		addIn.SetValue("")
		a.changed()
		render()
		addIn.Focus()
		a.announce(one + " added")
	}
	parent.on(addIn, "keydown", func(e Event) {
		if e.Key == "Enter" {
			e.PreventDefault()
			add()
		}
	})
	addBtn := parent.button("Add", "btn btn-small", test+"-add", add)
	box.Append(parent.el("div", "add-row", addRow, addBtn))
	return box
}

func (a *App) phaseTeam(s *scope, body Element) {
	body.Append(s.text("p", "lead", "The people closest to the customer list what the job needs for this process: what to know, and what to be able to do. The job description usually supplies most of it."))
	body.Append(s.el("div", "two-col",
		a.itemColumn(s, "Job knowledge", "What someone must know", false, "knowledge"),
		a.itemColumn(s, "Job skills", "What someone must be able to do", true, "skill")))
}

// itemColumn edits the knowledge or skills column, with a live classifier
// hint for the entry being typed and for each entry.
func (a *App) itemColumn(parent *scope, title, sub string, skill bool, test string) Element {
	box := parent.el("fieldset", "list-editor column-"+test)
	box.Append(parent.text("legend", "", title), parent.text("p", "muted", sub))
	ul := parent.el("ul", "entries")
	box.Append(ul)
	col := func() *[]workshop.Item {
		if skill {
			return &a.doc.Skills
		}
		return &a.doc.Knowledge
	}
	rs := parent.child()
	var render func()
	render = func() {
		rs.release()
		ul.Clear()
		warn := a.warnings()
		for i, it := range *col() {
			id := it.ID
			idx := i
			hint := rs.el("p", "hint-line")
			row, _ := rs.field(title+" "+strconv.Itoa(i+1), "text", it.Text, test+"-"+strconv.Itoa(i), func(v string) {
				(*col())[idx].Text = v
				a.changed()
				a.showHint(hint, v, skill)
			})
			a.showHint(hint, it.Text, skill)
			rm := rs.button("Remove", "btn btn-small btn-quiet", "", func() {
				a.remember("remove “" + firstWords(it.Text, 6) + "”")
				a.doc.RemoveItem(id)
				a.changed()
				render()
				a.announce("Entry removed")
			})
			rm.SetAttr("aria-label", "Remove "+strings.ToLower(title)+" "+strconv.Itoa(i+1))
			main := rs.el("div", "entry-main", row, hint)
			showWarnings(rs, main, warn[id])
			ul.Append(rs.el("li", "entry", main, rm))
		}
	}
	render()
	liveHint := parent.el("p", "hint-line")
	liveHint.SetAttr("aria-live", "polite")
	addRow, addIn := parent.field("Add "+strings.ToLower(title), "text", "", test+"-new", func(v string) { a.showHint(liveHint, v, skill) })
	add := func() {
		v := strings.TrimSpace(addIn.Value())
		if v == "" {
			addIn.Focus()
			return
		}
		a.doc.AddItem(skill, v)
		addIn.SetValue("")
		a.showHint(liveHint, "", skill)
		a.changed()
		render()
		addIn.Focus()
		a.announce("Added to " + strings.ToLower(title))
	}
	parent.on(addIn, "keydown", func(e Event) {
		if e.Key == "Enter" {
			e.PreventDefault()
			add()
		}
	})
	box.Append(parent.el("div", "add-row", addRow, parent.button("Add", "btn btn-small", test+"-add", add)), liveHint)
	return box
}

var kindWords = map[string]string{
	"knowledge": "job knowledge", "skill": "a job skill", "action": "a purposeful action",
	"behaviour": "a purposeful behaviour", "function": "a job function",
}

// showHint writes the classifier's verdict for text into el.
func (a *App) showHint(el Element, text string, skill bool) {
	if a.svc.Classify == nil || strings.TrimSpace(text) == "" {
		el.SetText("")
		el.RemoveAttr("data-kind")
		return
	}
	h, ok := a.svc.Classify(text)
	if !ok || h.Kind == "" {
		el.SetText("")
		el.RemoveAttr("data-kind")
		return
	}
	want := "knowledge"
	if skill {
		want = "skill"
	}
	msg := "This reads like " + kindWords[h.Kind] + "."
	state := "ok"
	if h.Kind != want {
		state = "other"
		switch h.Kind {
		case "knowledge", "skill":
			msg += " It may belong in the other column."
		case "action", "behaviour":
			msg += " Keep it for the ideas in step 3."
		}
	}
	el.SetText(msg)
	el.SetAttr("data-kind", state)
}

func (a *App) phaseCreative(s *scope, body Element) {
	d := a.doc
	body.Append(s.text("p", "lead", "Research time. Think of your own best moments as a customer in any industry, trade publications, and what reviewers praise. Jot each idea down as a card with its source."))
	// Timer.
	clock := s.text("p", "timer-clock", "")
	attrs(clock, "role", "timer", "aria-live", "off", "data-test", "timer-clock")
	state := s.text("p", "timer-state", "")
	var startBtn Element
	lenWrap, lenIn := s.field("Time-box length (minutes)", "number", strconv.Itoa(int(d.Timer.Length()/time.Minute)), "timer-length", func(v string) {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 1 || n > 600 {
			return
		}
		d.Timer.SetLength(time.Duration(n) * time.Minute)
		a.changed()
	})
	attrs(lenIn, "min", "1", "max", "600", "inputmode", "numeric")
	lastMin := int64(-1)
	var paint func()
	paint = func() {
		now := a.h.Now()
		rem := d.Timer.Remaining(now)
		clock.SetText(workshop.Clock(rem))
		clock.SetAttr("aria-label", workshop.Spoken(rem))
		switch {
		case d.Timer.Running && rem <= 0:
			state.SetText("Time is up. Finish your last card, then mine for gold.")
			clock.SetAttr("data-state", "over")
		case d.Timer.Running:
			state.SetText("Running")
			clock.SetAttr("data-state", "running")
		case d.Timer.UsedMillis > 0:
			state.SetText("Paused")
			clock.SetAttr("data-state", "paused")
		default:
			state.SetText("Ready")
			clock.SetAttr("data-state", "ready")
		}
		if d.Timer.Running {
			startBtn.SetText("Pause")
		} else if d.Timer.UsedMillis > 0 {
			startBtn.SetText("Resume")
		} else {
			startBtn.SetText("Start")
		}
		// Announce whole minutes at the moments that matter.
		m := int64(rem / time.Minute)
		if d.Timer.Running && m != lastMin {
			if lastMin >= 0 && (m == 4 || m == 0) {
				a.announce(workshop.Spoken(rem))
			}
			if rem <= 0 && lastMin >= 0 {
				a.announce("Time is up")
			}
			lastMin = m
		}
	}
	var tick func()
	tick = func() {
		paint()
		if d.Timer.Running {
			a.timerStop = a.h.After(time.Second, tick)
		}
	}
	restart := func() {
		stop(&a.timerStop)
		tick()
	}
	startBtn = s.button("Start", "btn btn-primary btn-big", "timer-start", func() {
		now := a.h.Now()
		if d.Timer.Running {
			d.Timer.Pause(now)
			a.announce("Timer paused, " + workshop.Spoken(d.Timer.Remaining(now)))
		} else {
			d.Timer.Start(now)
			a.announce("Timer running, " + workshop.Spoken(d.Timer.Remaining(now)))
		}
		a.changed()
		restart()
	})
	extend := s.button("+5 minutes", "btn btn-big", "timer-extend", func() {
		d.Timer.Extend(5 * time.Minute)
		lenIn.SetValue(strconv.Itoa(int(d.Timer.Length() / time.Minute)))
		a.changed()
		restart()
		a.announce("Five minutes added, " + workshop.Spoken(d.Timer.Remaining(a.h.Now())))
	})
	reset := s.button("Reset", "btn btn-big btn-quiet", "timer-reset", func() {
		d.Timer.Reset()
		a.changed()
		restart()
		a.announce("Timer reset")
	})
	s.on(lenIn, "change", func(Event) { restart() })
	timer := s.el("div", "timer", clock, state, s.el("div", "actions", startBtn, extend, reset), lenWrap)
	attrs(timer, "data-test", "timer")
	tick()

	// Evidence cards.
	cards := s.el("ul", "cards")
	attrs(cards, "data-test", "cards", "aria-label", "Evidence cards")
	cs := s.child()
	var render func()
	render = func() {
		cs.release()
		cards.Clear()
		active := d.Active()
		if len(active) == 0 {
			cards.Append(cs.text("li", "muted empty", "No cards yet. The first idea is the hardest."))
		}
		warn := a.warnings()
		for _, e := range active {
			id := e.ID
			card := cs.el("li", "evidence")
			card.Append(cs.text("p", "evidence-text", e.Text))
			showWarnings(cs, card, warn[id])
			meta := cs.el("p", "evidence-meta")
			if e.Source != "" {
				meta.Append(cs.text("span", "badge", e.Source))
			}
			if e.Tag != "" {
				meta.Append(cs.text("span", "badge badge-tag", e.Tag))
			}
			rm := cs.button("Remove", "btn btn-small btn-quiet", "", func() {
				a.remember("remove “" + firstWords(e.Text, 6) + "”")
				d.RemoveIdea(id)
				a.changed()
				render()
				a.announce("Card removed. Undo brings it back.")
			})
			rm.SetAttr("aria-label", "Remove card: "+e.Text)
			meta.Append(rm)
			card.Append(meta)
			cards.Append(card)
		}
	}
	render()
	ideaWrap, ideaIn := s.field("Idea (what someone could do or how they could behave)", "textarea", "", "idea-text", nil)
	srcWrap, srcSel := a.selectField(s, "Source", "idea-source", workshop.Sources)
	tagWrap, tagSel := a.selectField(s, "Behaviour (optional)", "idea-tag", append([]string{"—"}, workshop.BehaviourTags...))
	add := func() {
		v := strings.TrimSpace(ideaIn.Value())
		if v == "" {
			a.alert("Write the idea first")
			ideaIn.Focus()
			return
		}
		id := d.AddIdea(v, srcSel.Value())
		if t := tagSel.Value(); t != "" && t != "—" {
			d.Idea(id).Tag = t
		}
		ideaIn.SetValue("")
		tagSel.SetValue("—") // each card starts without a behaviour
		a.changed()
		render()
		ideaIn.Focus()
		a.announce("Card added. " + plural(len(d.Active()), "card", "cards") + " so far.")
	}
	s.on(ideaIn, "keydown", func(e Event) {
		if e.Key == "Enter" && e.Ctrl {
			e.PreventDefault()
			add()
		}
	})
	form := s.el("div", "idea-form", ideaWrap, s.el("div", "two-col", srcWrap, tagWrap),
		s.el("div", "actions", s.button("Add card", "btn btn-primary", "idea-add", add), s.text("span", "muted", "or Ctrl+Enter")))
	body.Append(s.el("div", "creative", timer, s.el("div", "creative-cards", form, cards)))
}

func (a *App) selectField(s *scope, label, test string, options []string) (wrap, sel Element) {
	return a.selectFieldKV(s, label, test, options, options)
}

// selectFieldKV is a labelled select whose option i shows labels[i] and
// has value values[i].
func (a *App) selectFieldKV(s *scope, label, test string, values, labels []string) (wrap, sel Element) {
	id := a.uid()
	l := s.text("label", "field-label", label)
	l.SetAttr("for", id)
	sel = s.el("select", "input")
	attrs(sel, "id", id, "data-test", test)
	for i, o := range labels {
		opt := s.text("option", "", o)
		opt.SetAttr("value", values[i])
		sel.Append(opt)
	}
	return s.el("div", "field", l, sel), sel
}

func (a *App) phaseGold(s *scope, body Element) {
	d := a.doc
	body.Append(s.text("p", "lead", "Give each idea the group's dots, tick the criteria it meets, merge duplicates, and adopt the ones worth building into the process."))
	crit := s.el("ol", "criteria")
	for _, c := range d.Criteria {
		crit.Append(s.text("li", "", c))
	}
	body.Append(s.el("details", "criteria-box", s.text("summary", "", "The criteria"), crit))
	list := s.el("ul", "gold-list")
	attrs(list, "data-test", "gold-list")
	body.Append(list)
	ls := s.child()
	var render func(focusTest string)
	render = func(focusTest string) {
		ls.release()
		list.Clear()
		active := byVotes(d.Active())
		warn := a.warnings()
		if len(active) == 0 {
			list.Append(ls.text("li", "muted empty", "No ideas yet: go back a step and add evidence cards."))
		}
		var focus Element
		for n, e := range active {
			e := e
			id := e.ID
			li := ls.el("li", "gold")
			li.SetAttr("data-idea", id)
			if e.Adopted {
				li.SetAttr("data-adopted", "1")
			}
			li.Append(ls.text("p", "gold-text", e.Text))
			showWarnings(ls, li, warn[id])
			// Dot voting.
			count := ls.text("span", "votes", strconv.Itoa(e.Votes))
			attrs(count, "data-test", "votes-"+strconv.Itoa(n))
			minus := ls.button("−", "btn btn-round", "unvote-"+strconv.Itoa(n), func() {
				if e.Votes > 0 {
					a.remember("a dot off “" + firstWords(e.Text, 6) + "”")
					e.Votes--
					a.changed()
					render(id + "/unvote")
				}
			})
			minus.SetAttr("aria-label", "Remove a dot from: "+e.Text)
			plus := ls.button("+", "btn btn-round", "vote-"+strconv.Itoa(n), func() {
				a.remember("a dot on “" + firstWords(e.Text, 6) + "”")
				e.Votes++
				a.changed()
				render(id + "/vote")
			})
			plus.SetAttr("aria-label", "Add a dot to: "+e.Text)
			votes := ls.el("div", "vote-box", minus, count, ls.text("span", "muted", "dots"), plus)
			// Criteria.
			metSummary := ls.text("summary", "", metText(len(e.Met), len(d.Criteria)))
			checks := ls.el("div", "checks")
			for ci, c := range d.Criteria {
				ci := ci
				cid := a.uid()
				cb := ls.el("input", "")
				attrs(cb, "type", "checkbox", "id", cid, "data-test", "met-"+strconv.Itoa(n)+"-"+strconv.Itoa(ci))
				for _, m := range e.Met {
					if m == ci {
						cb.SetChecked(true)
					}
				}
				ls.on(cb, "change", func(Event) {
					a.remember("a criterion of “" + firstWords(e.Text, 6) + "”")
					d.ToggleMet(id, ci)
					a.changed()
					metSummary.SetText(metText(len(e.Met), len(d.Criteria)))
				})
				lab := ls.text("label", "check", c)
				lab.SetAttr("for", cid)
				checks.Append(ls.el("div", "check-row", cb, lab))
			}
			// Adopt.
			adoptLabel := "Adopt"
			if e.Adopted {
				adoptLabel = "Adopted ✓"
			}
			adopt := ls.button(adoptLabel, "btn btn-adopt", "adopt-"+strconv.Itoa(n), func() {
				if e.Adopted {
					a.remember("no longer adopting “" + firstWords(e.Text, 6) + "”")
				} else {
					a.remember("adopting “" + firstWords(e.Text, 6) + "”")
				}
				e.Adopted = !e.Adopted
				a.changed()
				render(id + "/adopt")
				if e.Adopted {
					a.announce("Adopted: " + e.Text)
				} else {
					a.announce("No longer adopted")
				}
			})
			adopt.SetAttr("aria-pressed", strconv.FormatBool(e.Adopted))
			row := ls.el("div", "gold-actions", votes, adopt)
			// Merge.
			if len(active) > 1 {
				opts := []string{}
				ids := []string{}
				for _, o := range active {
					if o.ID != id {
						opts = append(opts, o.Text)
						ids = append(ids, o.ID)
					}
				}
				mw, msel := a.selectFieldKV(ls, "Merge into", "merge-select-"+strconv.Itoa(n), ids, opts)
				if len(ids) > 0 {
					msel.SetValue(ids[0])
				}
				var mb Element
				mb = ls.button("Merge", "btn btn-small", "merge-"+strconv.Itoa(n), func() {
					into := d.Idea(msel.Value())
					if into == nil {
						return
					}
					a.dialog("Merge these ideas?", "“"+e.Text+"” joins “"+into.Text+"”: its dots and the criteria it meets move there, and it leaves the list. Undo takes it back.", mb,
						choice{label: "Merge", test: "confirm-merge", class: "btn btn-primary", fn: func() {
							a.remember("merge of “" + firstWords(e.Text, 6) + "”")
							if d.Merge(id, into.ID) {
								a.changed()
								render("")
								a.announce("Merged. " + plural(len(d.Active()), "idea", "ideas") + " left. Undo takes it back.")
							}
						}},
						choice{label: "Keep both", test: "cancel", fn: func() {}})
				})
				mb.SetAttr("aria-label", "Merge this idea into the one selected")
				row.Append(ls.el("div", "merge", mw, mb))
			}
			li.Append(row, ls.el("details", "", metSummary, checks))
			if focusTest != "" { // the same idea's button keeps focus as the list re-sorts
				for k, b := range []Element{minus, plus, adopt} {
					if focusTest == id+"/"+[]string{"unvote", "vote", "adopt"}[k] {
						focus = b
					}
				}
			}
			list.Append(li)
		}
		if focus != nil {
			focus.Focus()
		} else if focusTest != "" && a.phaseHead != nil {
			a.phaseHead.Focus()
		}
	}
	render("")
}

func (a *App) phaseSummary(s *scope, body Element) {
	d := a.doc
	adopted := d.Adopted()
	body.Append(s.text("p", "lead", plural(len(d.Knowledge), "knowledge entry", "knowledge entries")+", "+plural(len(d.Skills), "skill", "skills")+" and "+plural(len(adopted), "adopted purposeful action or behaviour", "adopted purposeful actions and behaviours")+". Print it for the wall, or export it to share."))
	// The grid as an accessible table.
	tbl := s.el("table", "grid-table")
	attrs(tbl, "data-test", "grid-table")
	tbl.Append(s.text("caption", "", d.Title()))
	hr := s.el("tr", "")
	for _, t := range []string{"Job knowledge", "Job skills", "Purposeful actions and behaviours"} {
		hr.Append(attrs(s.text("th", "", t), "scope", "col"))
	}
	tbl.Append(s.el("thead", "", hr))
	tb := s.el("tbody", "")
	n := max(len(d.Knowledge), len(d.Skills), len(adopted), 1)
	for i := 0; i < n; i++ {
		tr := s.el("tr", "")
		cell := func(v string) { tr.Append(s.text("td", "", v)) }
		if i < len(d.Knowledge) {
			cell(d.Knowledge[i].Text)
		} else {
			cell("")
		}
		if i < len(d.Skills) {
			cell(d.Skills[i].Text)
		} else {
			cell("")
		}
		if i < len(adopted) {
			cell(adopted[i].Text)
		} else {
			cell("")
		}
		tb.Append(tr)
	}
	tbl.Append(tb)
	ps := s.el("dl", "three-ps")
	for _, kv := range [][2]string{{"Position", d.Position}, {"Purpose", d.Purpose}, {"Process", d.Process}} {
		v := kv[1]
		if strings.TrimSpace(v) == "" {
			v = "—"
		}
		ps.Append(s.el("div", "", s.text("dt", "", kv[0]), s.text("dd", "", v)))
	}
	// The picture (the SVG export, shown as an image).
	svg := ""
	if g, err := d.Grid(); err == nil {
		svg = grid.SVG(g, grid.SVGOptions{})
	}
	url := a.h.ObjectURL("image/svg+xml", []byte(svg))
	s.offs = append(s.offs, func() { a.h.RevokeURL(url) })
	img := s.el("img", "grid-picture")
	attrs(img, "src", url, "alt", "The grid as a picture: the three Ps above three columns, job knowledge, job skills and purposeful actions and behaviours.", "data-test", "grid-picture")
	actions := s.el("div", "actions no-print",
		s.button("Print", "btn btn-primary", "print", func() { a.h.Print() }),
		s.button("Export JSON", "btn", "export-json", func() { a.export("json") }),
		s.button("Export CSV", "btn", "export-csv", func() { a.export("csv") }),
		s.button("Export Markdown", "btn", "export-md", func() { a.export("md") }),
		s.button("Export SVG", "btn", "export-svg", func() { a.export("svg") }),
	)
	body.Append(actions, ps, s.tableWrap("The grid", tbl), s.el("figure", "picture no-print", img, s.text("figcaption", "muted", "The same grid as a picture (Export SVG saves it).")))
}

// exportMenu is the always-available export control of the activity.
func (a *App) exportMenu(s *scope) Element {
	d := s.el("details", "export-menu no-print")
	d.Append(s.text("summary", "btn", "Export"))
	list := s.el("div", "menu")
	for _, k := range [][2]string{{"json", "JSON (to import later)"}, {"csv", "CSV (spreadsheet)"}, {"md", "Markdown"}, {"svg", "SVG picture"}} {
		k := k
		list.Append(s.button(k[1], "btn btn-small", "menu-export-"+k[0], func() { a.export(k[0]) }))
	}
	d.Append(list)
	return d
}

// export offers the open grid as a file: JSON as the page stores it
// (grid.Decode and the API read it), CSV, Markdown and SVG as the grid
// package writes them for every door.
func (a *App) export(kind string) {
	d := a.doc
	if d == nil {
		return
	}
	a.Flush()
	base := slug(d.Title())
	fail := func(err error) { a.alert("Export failed: " + err.Error()) }
	if kind == "json" {
		b, err := d.Encode()
		if err != nil {
			fail(err)
			return
		}
		a.h.Download(base+".json", "application/json", b)
		a.announce("Exported JSON")
		return
	}
	g, err := d.Grid()
	if err != nil {
		fail(err)
		return
	}
	switch kind {
	case "csv":
		b, err := grid.CSV(g)
		if err != nil {
			fail(err)
			return
		}
		a.h.Download(base+".csv", "text/csv", b)
	case "md":
		a.h.Download(base+".md", "text/markdown", []byte(grid.Markdown(g)))
	case "svg":
		a.h.Download(base+".svg", "image/svg+xml", []byte(grid.SVG(g, grid.SVGOptions{})))
	}
	a.announce("Exported " + strings.ToUpper(kind))
}

// warnings are the grid package's warnings on the open grid, by item id:
// what the page shows beside each item as it is added.
func (a *App) warnings() map[string][]grid.Warning {
	g, err := a.doc.Grid()
	if err != nil {
		return nil
	}
	out := map[string][]grid.Warning{}
	for _, w := range g.Warnings() {
		if w.Item != "" {
			out[w.Item] = append(out[w.Item], w)
		}
	}
	return out
}

// showWarnings lists the warnings on one item, each with its reason and
// what to do about it, inside el.
func showWarnings(s *scope, el Element, ws []grid.Warning) {
	if len(ws) == 0 {
		return
	}
	ul := s.el("ul", "item-warnings")
	attrs(ul, "data-test", "item-warnings")
	for _, w := range ws {
		li := s.text("li", "item-warning", w.Message)
		li.SetAttr("data-rule", w.Rule)
		ul.Append(li)
	}
	el.Append(ul)
}

// slug makes a safe file name from a title.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if out == "" {
		return "purposeful-grid"
	}
	return out
}

// byVotes orders ideas most dots first; ideas with as many dots keep the
// order they were written in.
func byVotes(ideas []*workshop.Idea) []*workshop.Idea {
	for i := 1; i < len(ideas); i++ { // insertion sort: stable, and no sort package in the wasm
		for j := i; j > 0 && ideas[j].Votes > ideas[j-1].Votes; j-- {
			ideas[j], ideas[j-1] = ideas[j-1], ideas[j]
		}
	}
	return ideas
}

func metText(n, of int) string {
	return "Criteria met (" + strconv.Itoa(n) + " of " + strconv.Itoa(of) + ")"
}
