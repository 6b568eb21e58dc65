package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/grid"
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

// undoStep is where the grid's log stood before a change, and what the
// change was.
type undoStep struct {
	label string
	mark  int
}

// remember marks the open grid as it is now, before the change named by
// label, so that Undo can bring it back.
func (a *App) remember(label string) {
	if len(a.undo) == maxUndo {
		a.undo = append(a.undo[:0], a.undo[1:]...)
	}
	a.undo = append(a.undo, undoStep{label: label, mark: a.doc.Mark(a.h.Now())})
	a.paintUndo()
}

// send applies one event to the open grid, says why when grid refuses it,
// and schedules the save.
func (a *App) send(e grid.Event) bool {
	if err := a.doc.Send(a.h.Now(), e); err != nil {
		a.alert("Not done: " + err.Error())
		return false
	}
	a.changed()
	return true
}

// undoLast brings back the grid as it was before the last remembered
// change.
func (a *App) undoLast() {
	if len(a.undo) == 0 || a.doc == nil {
		return
	}
	u := a.undo[len(a.undo)-1]
	a.undo = a.undo[:len(a.undo)-1]
	if err := a.doc.UndoTo(u.mark); err != nil {
		a.alert("Could not undo: " + err.Error())
		return
	}
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
					a.open(NewSolo(a.newID(), a.h.Now()))
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
	for i, p := range grid.Steps {
		b := s.button("", "step", "step-"+stepTests[p], func() { a.setPhase(p) })
		b.Append(s.text("span", "step-num", strconv.Itoa(i+1)), s.text("span", "step-name", p.Title()))
		v.steps = append(v.steps, b)
		v.stepper.Append(s.el("li", "", b))
	}
	a.screen.Append(s.el("nav", "stepper-wrap", v.stepper))
	attrs(a.screen, "aria-label", "")
	v.body = s.el("section", "phase card")
	v.bodyScope = s.child()
	a.screen.Append(v.body)
	v.prev = s.button("← Back", "btn", "prev", func() {
		if a.doc.Step() > grid.StepCourse {
			a.setPhase(a.doc.Step() - 1)
		}
	})
	v.next = s.button("Next →", "btn btn-primary", "next", func() { a.setPhase(a.doc.Step() + 1) })
	v.undo = s.button("Undo", "btn btn-quiet", "undo", a.undoLast)
	a.screen.Append(s.el("div", "phase-nav", v.prev, v.undo, v.next))
	a.paintUndo()
	a.renderPhase()
	return v.title
}

// stepTests name the steps in the page's data-test attributes.
var stepTests = [...]string{"course", "team", "creative", "gold", "summary"}

// setPhase moves the activity to p, announces it and puts focus on its
// heading.
func (a *App) setPhase(p grid.Step) {
	if int(p) >= len(grid.Steps) || a.doc == nil {
		return
	}
	if err := a.doc.SetStep(a.h.Now(), p); err != nil {
		a.alert("Not done: " + err.Error())
	}
	a.changed()
	a.renderPhase()
	if a.phaseHead != nil {
		a.phaseHead.SetAttr("tabindex", "-1")
		a.phaseHead.Focus()
	}
	a.announce("Step " + strconv.Itoa(int(p)+1) + " of " + strconv.Itoa(len(grid.Steps)) + ": " + p.Title())
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
	p := a.doc.Step()
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
	v.body.SetAttr("data-phase", stepTests[p])
	a.phaseHead = s.text("h2", "phase-title", p.Title())
	a.phaseHead.SetAttr("data-test", "phase-title")
	v.body.Append(a.phaseHead)
	switch p {
	case grid.StepCourse:
		a.phaseCourse(s, v.body)
	case grid.StepTeam:
		a.phaseTeam(s, v.body)
	case grid.StepCreate:
		a.phaseCreative(s, v.body)
	case grid.StepMine:
		a.phaseGold(s, v.body)
	default:
		a.phaseSummary(s, v.body)
	}
	setDisabled(v.prev, p == grid.StepCourse)
	setDisabled(v.next, p == grid.StepSummary)
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
	c := d.Course()
	body.Append(s.text("p", "lead", "Name the role and the process this grid is for, the role's higher purpose, and what the group is here to achieve."))
	edit := func(set func(c *grid.Course)) {
		d.EditCourse(set)
		a.retitle()
		a.changed()
	}
	pos, _ := s.field("Position (one job role)", "text", c.Position, "position", func(v string) { edit(func(c *grid.Course) { c.Position = v }) })
	proc, _ := s.field("Process (one process of that role)", "text", c.Process, "process", func(v string) { edit(func(c *grid.Course) { c.Process = v }) })
	purp, _ := s.field("Purpose of the role (who benefits, and how)", "textarea", c.Purpose, "purpose", func(v string) { edit(func(c *grid.Course) { c.Purpose = v }) })
	obj, _ := s.field("The group's objective", "textarea", c.Objective, "objective", func(v string) { edit(func(c *grid.Course) { c.Objective = v }) })
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
			a.listEditor(s, "Core values", "Core value", "Add a core value", "value", func(c *grid.Course) *[]string { return &c.Values }),
			a.listEditor(s, "KPIs for this process", "KPI", "Add a KPI", "kpi", func(c *grid.Course) *[]string { return &c.KPIs })))
}

// listEditor edits a list of the course (field picks it): each entry is
// an input with a remove button; a labelled input with an Add button (or
// Enter) appends.
func (a *App) listEditor(parent *scope, title, one, addLabel, test string, field func(c *grid.Course) *[]string) Element {
	c := a.doc.Course()
	list := field(&c)
	keep := func() {
		a.doc.EditCourse(func(to *grid.Course) { *field(to) = append([]string(nil), *list...) })
		a.changed()
	}
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
				keep()
			})
			rm := rs.button("Remove", "btn btn-small btn-quiet", "", func() {
				*list = append((*list)[:i], (*list)[i+1:]...)
				keep()
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
		keep()
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
	column := grid.ColumnKnowledge
	if skill {
		column = grid.ColumnSkills
	}
	rs := parent.child()
	var render func()
	render = func() {
		rs.release()
		ul.Clear()
		warn := a.warnings()
		for i, it := range a.entries(column) {
			id := it.ID
			hint := rs.el("p", "hint-line")
			row, _ := rs.field(title+" "+strconv.Itoa(i+1), "text", it.Text, test+"-"+strconv.Itoa(i), func(v string) {
				a.doc.EditText(id, v)
				a.changed()
				a.showHint(hint, v, skill)
			})
			a.showHint(hint, it.Text, skill)
			rm := rs.button("Remove", "btn btn-small btn-quiet", "", func() {
				a.remember("remove “" + firstWords(it.Text, 6) + "”")
				a.send(grid.Event{Type: grid.HideItem, Item: id})
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
		if !a.send(grid.Event{Type: grid.AddItem, Item: a.doc.NewItemID(column.String()[:1]), Column: column, Text: v}) {
			return
		}
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
	body.Append(s.text("p", "lead", "Research time. Think of your own best moments as a customer in any industry, trade publications, and what reviewers praise. Jot each idea down as a card with its source."))
	body.Append(s.el("div", "creative", a.researchTimer(s), a.ideaCards(s)))
}

// researchTimer is the research time-box: grid's timer, with its length
// in the settings until it starts.
func (a *App) researchTimer(s *scope) Element {
	d := a.doc
	clock := s.text("p", "timer-clock", "")
	attrs(clock, "role", "timer", "aria-live", "off", "data-test", "timer-clock")
	state := s.text("p", "timer-state", "")
	var startBtn Element
	view := func() grid.TimerView {
		v := d.View(a.h.Now())
		t := v.Timer
		if !t.Started {
			t.Seconds, t.RemainingSeconds = v.Settings.ResearchSeconds, v.Settings.ResearchSeconds
		}
		return t
	}
	remaining := func() time.Duration { return time.Duration(view().RemainingSeconds) * time.Second }
	lenWrap, lenIn := s.field("Time-box length (minutes)", "number", strconv.Itoa(view().Seconds/60), "timer-length", func(v string) {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 1 || n > int(grid.MaxResearch/time.Minute) {
			return
		}
		t := view()
		switch {
		case !t.Started || (!t.Running && t.RemainingSeconds == t.Seconds):
			st := d.View(a.h.Now()).Settings
			st.ResearchSeconds = n * 60
			if a.send(grid.Event{Type: grid.SetSettings, Settings: &st}) && t.Started {
				a.send(grid.Event{Type: grid.StartTimer, Seconds: n * 60})
				a.send(grid.Event{Type: grid.PauseTimer})
			}
		case n*60 > t.Seconds:
			a.send(grid.Event{Type: grid.ExtendTimer, Seconds: n*60 - t.Seconds})
		}
	})
	attrs(lenIn, "min", "1", "max", strconv.Itoa(int(grid.MaxResearch/time.Minute)), "inputmode", "numeric")
	lastMin := int64(-1)
	paint := func() {
		t := view()
		rem := time.Duration(t.RemainingSeconds) * time.Second
		clock.SetText(clockText(rem))
		clock.SetAttr("aria-label", spoken(rem))
		used := t.Started && t.RemainingSeconds < t.Seconds
		switch {
		case t.Running && rem <= 0:
			state.SetText("Time is up. Finish your last card, then mine for gold.")
			clock.SetAttr("data-state", "over")
		case t.Running:
			state.SetText("Running")
			clock.SetAttr("data-state", "running")
		case used:
			state.SetText("Paused")
			clock.SetAttr("data-state", "paused")
		default:
			state.SetText("Ready")
			clock.SetAttr("data-state", "ready")
		}
		switch {
		case t.Running:
			startBtn.SetText("Pause")
		case used:
			startBtn.SetText("Resume")
		default:
			startBtn.SetText("Start")
		}
		// Announce whole minutes at the moments that matter.
		m := int64(rem / time.Minute)
		if t.Running && m != lastMin {
			if lastMin >= 0 && (m == 4 || m == 0) {
				a.announce(spoken(rem))
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
		if view().Running {
			a.timerStop = a.h.After(time.Second, tick)
		}
	}
	restart := func() {
		stop(&a.timerStop)
		tick()
	}
	startBtn = s.button("Start", "btn btn-primary btn-big", "timer-start", func() {
		t := view()
		switch {
		case t.Running:
			a.send(grid.Event{Type: grid.PauseTimer})
			a.announce("Timer paused, " + spoken(remaining()))
		case t.Started && t.RemainingSeconds > 0:
			a.send(grid.Event{Type: grid.ResumeTimer})
			a.announce("Timer running, " + spoken(remaining()))
		default:
			a.send(grid.Event{Type: grid.StartTimer, Seconds: t.Seconds})
			a.announce("Timer running, " + spoken(remaining()))
		}
		restart()
	})
	extend := s.button("+5 minutes", "btn btn-big", "timer-extend", func() {
		if t := view(); t.Started {
			a.send(grid.Event{Type: grid.ExtendTimer, Seconds: 5 * 60})
		} else {
			st := d.View(a.h.Now()).Settings
			st.ResearchSeconds = min(t.Seconds+5*60, int(grid.MaxResearch/time.Second))
			a.send(grid.Event{Type: grid.SetSettings, Settings: &st})
		}
		lenIn.SetValue(strconv.Itoa(view().Seconds / 60))
		restart()
		a.announce("Five minutes added, " + spoken(remaining()))
	})
	reset := s.button("Reset", "btn btn-big btn-quiet", "timer-reset", func() {
		if t := view(); t.Started { // a fresh time-box, not running
			a.send(grid.Event{Type: grid.StartTimer, Seconds: t.Seconds})
			a.send(grid.Event{Type: grid.PauseTimer})
		}
		restart()
		a.announce("Timer reset")
	})
	s.on(lenIn, "change", func(Event) { restart() })
	timer := s.el("div", "timer", clock, state, s.el("div", "actions", startBtn, extend, reset), lenWrap)
	attrs(timer, "data-test", "timer")
	tick()
	return timer
}

// ideaSources are the sources offered for an evidence card, as grid's
// evidence.
var ideaSources = []struct {
	label string
	ev    grid.Evidence
}{
	{"Own experience as a customer", grid.Evidence{Source: grid.OwnExperience}},
	{"Trade publication", grid.Evidence{Source: grid.TradePublication}},
	{"Review site", grid.Evidence{Source: grid.OtherSource, Note: "Review site"}}, // the form asks no site name
	{"A colleague", grid.Evidence{Source: grid.OtherSource, Note: "A colleague"}},
	{"Other", grid.Evidence{Source: grid.OtherSource}},
}

// sourceLabel names an idea's first evidence as the form does.
func sourceLabel(list []grid.Evidence) string {
	if len(list) == 0 {
		return ""
	}
	ev := list[0]
	for _, s := range ideaSources {
		if s.ev == ev {
			return s.label
		}
	}
	if ev.Source == grid.ReviewSite {
		return "Review site"
	}
	return ev.Source.Label()
}

// behaviourTags name grid's tags (in the order of grid.Tags) as the page
// shows them: the seven voluntary service behaviours of Steve Curtin's
// "Delight Your Customers".
var behaviourTags = []string{
	"Genuine interest", "Sincere, specific compliment", "Sharing unique knowledge",
	"Authentic enthusiasm", "Appropriate humour", "Pleasant surprise", "Service heroics",
}

func tagLabel(tags []grid.Tag) string {
	if len(tags) == 0 || int(tags[0]) < 1 || int(tags[0]) > len(behaviourTags) {
		return ""
	}
	return behaviourTags[tags[0]-1]
}

// ideaCards are the evidence cards of step 3 and the form that adds one.
func (a *App) ideaCards(s *scope) Element {
	d := a.doc
	cards := s.el("ul", "cards")
	attrs(cards, "data-test", "cards", "aria-label", "Evidence cards")
	cs := s.child()
	var render func()
	render = func() {
		cs.release()
		cards.Clear()
		active := a.entries(grid.ColumnPurposeful)
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
			if src := sourceLabel(e.Evidence); src != "" {
				meta.Append(cs.text("span", "badge", src))
			}
			if tag := tagLabel(e.Tags); tag != "" {
				meta.Append(cs.text("span", "badge badge-tag", tag))
			}
			rm := cs.button("Remove", "btn btn-small btn-quiet", "", func() {
				a.remember("remove “" + firstWords(e.Text, 6) + "”")
				a.send(grid.Event{Type: grid.HideItem, Item: id})
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
	labels := make([]string, len(ideaSources))
	for i, src := range ideaSources {
		labels[i] = src.label
	}
	ideaWrap, ideaIn := s.field("Idea (what someone could do or how they could behave)", "textarea", "", "idea-text", nil)
	srcWrap, srcSel := a.selectField(s, "Source", "idea-source", labels)
	tagWrap, tagSel := a.selectField(s, "Behaviour (optional)", "idea-tag", append([]string{"—"}, behaviourTags...))
	add := func() {
		v := strings.TrimSpace(ideaIn.Value())
		if v == "" {
			a.alert("Write the idea first")
			ideaIn.Focus()
			return
		}
		e := grid.Event{Type: grid.AddItem, Item: d.NewItemID("e"), Column: grid.ColumnPurposeful, Text: v}
		for _, src := range ideaSources {
			if src.label == srcSel.Value() {
				e.Evidence = []grid.Evidence{src.ev}
			}
		}
		for i, t := range behaviourTags {
			if t == tagSel.Value() {
				e.Tags = []grid.Tag{grid.Tags[i]}
			}
		}
		if !a.send(e) {
			return
		}
		ideaIn.SetValue("")
		tagSel.SetValue("—") // each card starts without a behaviour
		render()
		ideaIn.Focus()
		a.announce("Card added. " + plural(len(a.entries(grid.ColumnPurposeful)), "card", "cards") + " so far.")
	}
	s.on(ideaIn, "keydown", func(e Event) {
		if e.Key == "Enter" && e.Ctrl {
			e.PreventDefault()
			add()
		}
	})
	form := s.el("div", "idea-form", ideaWrap, s.el("div", "two-col", srcWrap, tagWrap),
		s.el("div", "actions", s.button("Add card", "btn btn-primary", "idea-add", add), s.text("span", "muted", "or Ctrl+Enter")))
	return s.el("div", "creative-cards", form, cards)
}

// entries are the items of one column the open grid shows: not removed
// and not merged into another.
func (a *App) entries(c grid.Column) []grid.ItemView {
	var out []grid.ItemView
	for _, it := range a.doc.View(a.h.Now()).Items {
		if it.Column == c && !it.Hidden && it.MergedInto == "" {
			out = append(out, it)
		}
	}
	return out
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
	body.Append(s.text("p", "lead", "Give each idea the group's dots, tick the criteria it meets, merge duplicates, and adopt the ones worth building into the process."))
	crit := s.el("ol", "criteria")
	for _, c := range grid.Criteria {
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
		active := byVotes(a.entries(grid.ColumnPurposeful))
		warn := a.warnings()
		if len(active) == 0 {
			list.Append(ls.text("li", "muted empty", "No ideas yet: go back a step and add evidence cards."))
		}
		var focus Element
		for n, e := range active {
			id := e.ID
			adopted := e.Status == grid.Adopted
			li := ls.el("li", "gold")
			li.SetAttr("data-idea", id)
			if adopted {
				li.SetAttr("data-adopted", "1")
			}
			li.Append(ls.text("p", "gold-text", e.Text))
			showWarnings(ls, li, warn[id])
			// The room's dots.
			count := ls.text("span", "votes", strconv.Itoa(votes(e)))
			attrs(count, "data-test", "votes-"+strconv.Itoa(n))
			minus := ls.button("−", "btn btn-round", "unvote-"+strconv.Itoa(n), func() {
				if votes(e) > 0 {
					a.remember("a dot off “" + firstWords(e.Text, 6) + "”")
					a.send(grid.Event{Type: grid.Unvote, Item: id})
					render(id + "/unvote")
				}
			})
			minus.SetAttr("aria-label", "Remove a dot from: "+e.Text)
			plus := ls.button("+", "btn btn-round", "vote-"+strconv.Itoa(n), func() {
				a.remember("a dot on “" + firstWords(e.Text, 6) + "”")
				a.send(grid.Event{Type: grid.Vote, Item: id})
				render(id + "/vote")
			})
			plus.SetAttr("aria-label", "Add a dot to: "+e.Text)
			votesBox := ls.el("div", "vote-box", minus, count, ls.text("span", "muted", "dots"), plus)
			// Criteria.
			var mine grid.Score
			if e.MyScore != nil {
				mine = *e.MyScore
			}
			metSummary := ls.text("summary", "", metText(mine.MetCount(), len(grid.Criteria)))
			checks := ls.el("div", "checks")
			for ci, c := range grid.Criteria {
				cid := a.uid()
				cb := ls.el("input", "")
				attrs(cb, "type", "checkbox", "id", cid, "data-test", "met-"+strconv.Itoa(n)+"-"+strconv.Itoa(ci))
				cb.SetChecked(mine.Met(ci))
				ls.on(cb, "change", func(Event) {
					a.remember("a criterion of “" + firstWords(e.Text, 6) + "”")
					sc := withMet(mine, ci, !mine.Met(ci))
					if a.send(grid.Event{Type: grid.ScoreItem, Item: id, Score: &sc, Cost: e.Cost, Routine: e.Routine}) {
						mine = sc
					}
					cb.SetChecked(mine.Met(ci))
					metSummary.SetText(metText(mine.MetCount(), len(grid.Criteria)))
				})
				lab := ls.text("label", "check", c)
				lab.SetAttr("for", cid)
				checks.Append(ls.el("div", "check-row", cb, lab))
			}
			// Adopt.
			adoptLabel := "Adopt"
			if adopted {
				adoptLabel = "Adopted ✓"
			}
			adopt := ls.button(adoptLabel, "btn btn-adopt", "adopt-"+strconv.Itoa(n), func() {
				st := grid.Adopted
				if adopted {
					st = grid.Proposed
					a.remember("no longer adopting “" + firstWords(e.Text, 6) + "”")
				} else {
					a.remember("adopting “" + firstWords(e.Text, 6) + "”")
				}
				a.send(grid.Event{Type: grid.Decide, Item: id, Status: &st})
				render(id + "/adopt")
				if st == grid.Adopted {
					a.announce("Adopted: " + e.Text)
				} else {
					a.announce("No longer adopted")
				}
			})
			adopt.SetAttr("aria-pressed", strconv.FormatBool(adopted))
			row := ls.el("div", "gold-actions", votesBox, adopt)
			// Merge.
			if len(active) > 1 {
				var opts, ids []string
				for _, o := range active {
					if o.ID != id {
						opts = append(opts, o.Text)
						ids = append(ids, o.ID)
					}
				}
				mw, msel := a.selectFieldKV(ls, "Merge into", "merge-select-"+strconv.Itoa(n), ids, opts)
				msel.SetValue(ids[0])
				var mb Element
				mb = ls.button("Merge", "btn btn-small", "merge-"+strconv.Itoa(n), func() {
					into, name := msel.Value(), ""
					for k, o := range ids {
						if o == into {
							name = opts[k]
						}
					}
					if name == "" {
						return
					}
					a.dialog("Merge these ideas?", "“"+e.Text+"” joins “"+name+"”: its dots and evidence move there, and it leaves the list. Undo takes it back.", mb,
						choice{label: "Merge", test: "confirm-merge", class: "btn btn-primary", fn: func() {
							a.remember("merge of “" + firstWords(e.Text, 6) + "”")
							if a.send(grid.Event{Type: grid.MergeItems, Item: into, Items: []string{id}}) {
								render("")
								a.announce("Merged. " + plural(len(a.entries(grid.ColumnPurposeful)), "idea", "ideas") + " left. Undo takes it back.")
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

// votes is an idea's dots (none while voting is open, which solo mode
// never is).
func votes(it grid.ItemView) int {
	if it.Votes == nil {
		return 0
	}
	return *it.Votes
}

// withMet is s with criterion i (in the order of grid.Criteria) met or not.
func withMet(s grid.Score, i int, met bool) grid.Score {
	v := 0.0
	if met {
		v = grid.MaxScore
	}
	switch i {
	case 0:
		s.Experience = v
	case 1:
		s.KPIs = v
	case 2:
		s.Values = v
	default:
		s.Purpose = v
	}
	return s
}

func (a *App) phaseSummary(s *scope, body Element) {
	d := a.doc
	g := d.Grid()
	adopted := g.Adopted()
	body.Append(s.text("p", "lead", plural(len(g.Knowledge), "knowledge entry", "knowledge entries")+", "+plural(len(g.Skills), "skill", "skills")+" and "+plural(len(adopted), "adopted purposeful action or behaviour", "adopted purposeful actions and behaviours")+". Print it for the wall, or export it to share."))
	// The grid as an accessible table.
	tbl := s.el("table", "grid-table")
	attrs(tbl, "data-test", "grid-table")
	tbl.Append(s.text("caption", "", d.Title()))
	hr := s.el("tr", "")
	for _, c := range grid.Columns {
		hr.Append(attrs(s.text("th", "", c.Title()), "scope", "col"))
	}
	tbl.Append(s.el("thead", "", hr))
	tb := s.el("tbody", "")
	cols := [3][]grid.Item{g.Knowledge, g.Skills, adopted}
	for i := range max(len(g.Knowledge), len(g.Skills), len(adopted), 1) {
		tr := s.el("tr", "")
		for _, col := range cols {
			v := ""
			if i < len(col) {
				v = col[i].Text
			}
			tr.Append(s.text("td", "", v))
		}
		tb.Append(tr)
	}
	tbl.Append(tb)
	ps := s.el("dl", "three-ps")
	for _, kv := range [][2]string{{"Position", g.Position}, {"Purpose", g.Purpose}, {"Process", g.Process}} {
		v := kv[1]
		if strings.TrimSpace(v) == "" {
			v = "—"
		}
		ps.Append(s.el("div", "", s.text("dt", "", kv[0]), s.text("dd", "", v)))
	}
	// The picture (the SVG export, shown as an image).
	url := a.h.ObjectURL("image/svg+xml", []byte(grid.SVG(g, grid.SVGOptions{})))
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

// export offers the open grid as a file: JSON, CSV, Markdown and SVG as
// the grid package writes them for every door (grid.Decode, the API and
// this page's import read the JSON).
func (a *App) export(kind string) {
	d := a.doc
	if d == nil {
		return
	}
	a.Flush()
	base := slug(d.Title())
	fail := func(err error) { a.alert("Export failed: " + err.Error()) }
	g := d.Grid()
	switch kind {
	case "json":
		b, err := grid.Encode(g)
		if err != nil {
			fail(err)
			return
		}
		a.h.Download(base+".json", "application/json", b)
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
	g := a.doc.Grid()
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
func byVotes(ideas []grid.ItemView) []grid.ItemView {
	for i := 1; i < len(ideas); i++ { // insertion sort: stable, and no sort package in the wasm
		for j := i; j > 0 && votes(ideas[j]) > votes(ideas[j-1]); j-- {
			ideas[j], ideas[j-1] = ideas[j-1], ideas[j]
		}
	}
	return ideas
}

func metText(n, of int) string {
	return "Criteria met (" + strconv.Itoa(n) + " of " + strconv.Itoa(of) + ")"
}

// clockText formats a duration as m:ss (or h:mm:ss), with a leading minus
// when over time.
func clockText(d time.Duration) string {
	sign := ""
	if d < 0 {
		sign, d = "-", -d
	}
	sec := int64((d + time.Second - 1) / time.Second) // round up: 0:01 until the very end
	if sign == "-" {
		sec = int64(d / time.Second)
	}
	h, m, ss := sec/3600, (sec/60)%60, sec%60
	two := func(v int64) string {
		if v < 10 {
			return "0" + strconv.FormatInt(v, 10)
		}
		return strconv.FormatInt(v, 10)
	}
	if h > 0 {
		return sign + strconv.FormatInt(h, 10) + ":" + two(m) + ":" + two(ss)
	}
	return sign + strconv.FormatInt(m, 10) + ":" + two(ss)
}

// spoken formats a duration for screen readers: "12 minutes left".
func spoken(d time.Duration) string {
	if d <= 0 {
		return "Time is up"
	}
	m := int64((d + time.Minute - 1) / time.Minute)
	if m == 1 {
		return "1 minute left"
	}
	return strconv.FormatInt(m, 10) + " minutes left"
}
