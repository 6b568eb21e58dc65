package ui

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/grid"
)

// scratchKey keeps the coach's text when no grid is open.
const scratchKey = "purposeful.coach.scratch"

var verdictText = map[string]string{
	"function": "Reads like a job function: it says what is done, not who benefits.",
	"purpose":  "Reads like a purpose: it names who benefits and what changes for them.",
	"internal": "Reads like an internal aim: it is about the organisation's measures.",
}

// EnableCoach shows the full purpose coach on the coach screen (the coach
// page calls it; the workshop page shows a link, keeping the analysis
// tables out of its wasm).
func (a *App) EnableCoach() { a.coachScreen = a.coach }

// warmUpTexts are typed, a few characters at a time, into a copy of the
// coach that is never shown (see warmUpCoach): tasks, internal measures, hedges and
// jargon in the first, who benefits and what changes in the second.
var warmUpTexts = []string{
	"We hopefully process bookings, answer calls and hit our monthly targets by leveraging synergies.",
	"So that every patient feels safe, knows what happens next and goes home ready, we explain each step.",
}

// warmUpChunk is how many warm-up keystrokes run in one go before the
// page takes events again.
const warmUpChunk = 8

// warmUpStride is how many characters each warm-up keystroke adds.
const warmUpStride = 5

// warmUpCoach runs the analysis and the view on the prefixes of the
// warm-up texts (every warmUpStride characters, and the whole text), a
// chunk at a time whenever the page is idle. The browser
// compiles each wasm function on its first call, and typing reaches many
// functions one by one, so the first keystrokes took 1-25 ms and the first
// of each new kind of word a few ms, instead of 0.1-0.3 ms. Doing it here
// pays that before anyone types.
func (a *App) warmUpCoach(s *scope) {
	scratch := newCoachView(s)
	text, n := 0, 0
	var step func()
	step = func() {
		for range warmUpChunk {
			if text == len(warmUpTexts) {
				return
			}
			t := warmUpTexts[text]
			n += warmUpStride
			if n > len(t)+warmUpStride-1 {
				text, n = text+1, 0
				scratch.blank("")
				continue
			}
			p := t[:min(n, len(t))]
			if r, err := a.svc.AnalyzePurpose(p); err == nil {
				scratch.show(s, p, r)
			} else {
				scratch.blank(p)
			}
		}
		s.offs = append(s.offs, a.h.After(0, step))
	}
	s.offs = append(s.offs, a.h.After(0, step))
}

const coachLead = "A role's purpose names who benefits and what changes for them, not the task. Write one and watch the analysis as you type; climb the ladder when you are stuck on the task."

func (a *App) coachLink(s *scope) Element {
	link := s.text("a", "btn btn-primary", "Open the purpose coach")
	attrs(link, "href", "coach.html", "data-test", "to-coach")
	return a.elsewhere(s, "Purpose coach", coachLead,
		"The coach opens on its own page, so the workshop stays quick to start. What you write there is saved as the purpose of the grid you have open.", link)
}

func (a *App) coach(s *scope) Element {
	h := a.screenHead(s, "Purpose coach", coachLead)
	if a.svc.AnalyzePurpose == nil {
		a.screen.Append(s.el("section", "card", s.text("p", "", "The analysis is not available in this build.")))
		return h
	}
	key := a.coachDraftKey()
	text := ""
	if a.doc != nil {
		text = a.doc.Course().Purpose
	}
	if v, ok := a.h.Storage().Get(key); ok {
		text = v
	}
	v := newCoachView(s)
	analyse := func(text string) {
		start := time.Now()
		r, err := a.svc.AnalyzePurpose(text)
		if err != nil {
			v.blank(text)
			return
		}
		v.show(s, text, r)
		a.record(time.Since(start))
		if a.OnPerf != nil {
			p, n := a.Perf()
			a.OnPerf(p, n)
		}
	}
	field, in := s.field("Purpose statement", "textarea", text, "coach-text", func(v string) {
		_ = a.h.Storage().Set(key, v)
		analyse(v)
	})
	in.SetAttr("rows", "4")
	legend := s.el("p", "legend",
		s.text("mark", "mark-purpose", "who benefits, what changes"),
		s.text("mark", "mark-function", "task wording"),
		s.text("mark", "mark-warning", "reconsider"))
	left := s.el("section", "card",
		field, a.coachUse(s, in),
		s.text("h2", "", "Your words, highlighted"), legend, v.mirror.el, v.status)
	right := s.el("section", "card",
		s.el("div", "score", v.score, s.text("span", "muted", "out of 100")), v.verdict,
		s.text("h2", "", "Who benefits"), v.lists[0].ul,
		s.text("h2", "", "What changes for them"), v.lists[1].ul,
		s.text("h2", "", "Advice"), v.notes, v.lists[2].ul)
	a.screen.Append(s.el("div", "coach-grid", left, right))
	analyse(text)
	a.warmUpCoach(s)
	if a.svc.Climb != nil {
		a.screen.Append(a.ladder(s, in, func(v string) {
			_ = a.h.Storage().Set(key, v)
			analyse(v)
		}))
	}
	return h
}

// coachDraftKey is where the coach keeps its text: one draft per grid,
// or the scratch text when no grid is open.
func (a *App) coachDraftKey() string {
	if a.doc == nil {
		return scratchKey
	}
	return scratchKey + "." + a.doc.ID
}

// coachUse is the link between the coach's draft and the open grid: the
// grid's purpose as it stands, a button that copies the draft there after
// asking, when it would replace a different purpose, and an undo.
func (a *App) coachUse(s *scope, in Element) Element {
	box := s.el("div", "coach-use")
	if a.doc == nil {
		box.Append(s.text("p", "muted", "Not linked to a grid: your draft is kept on this device. Open a grid to use it as the grid's purpose."))
		return box
	}
	d := a.doc
	purpose := func() string { return d.Course().Purpose }
	setPurpose := func(v string) {
		d.EditCourse(func(c *grid.Course) { c.Purpose = v })
		a.changed()
	}
	current := attrs(s.text("p", "muted", ""), "data-test", "coach-grid-purpose")
	status := attrs(s.el("div", "actions"), "aria-live", "polite")
	us := s.child()
	showCurrent := func() {
		if strings.TrimSpace(purpose()) == "" {
			current.SetText("“" + d.Title() + "” has no purpose yet. Your draft is kept on this device until you use it.")
			return
		}
		current.SetText("The purpose of “" + d.Title() + "” now: “" + purpose() + "”. Your draft is kept on this device until you use it.")
	}
	replace := func(next string) {
		old := purpose()
		setPurpose(next)
		showCurrent()
		us.release()
		status.Clear()
		undo := us.button("Undo", "btn btn-small", "coach-undo", func() {
			setPurpose(old)
			showCurrent()
			us.release()
			status.Clear()
			in.Focus()
			a.announce("The grid's purpose is back to what it was")
		})
		status.Append(us.text("span", "", "Purpose of the grid replaced. "), undo)
		a.announce("The grid's purpose replaced; Undo puts back the old one")
	}
	var use Element
	use = s.button("Use as the grid's purpose", "btn btn-primary", "coach-use", func() {
		next := strings.TrimSpace(in.Value())
		switch {
		case next == "":
			a.announce("Write a purpose statement first")
		case next == strings.TrimSpace(purpose()):
			a.announce("The grid already has this purpose")
		case strings.TrimSpace(purpose()) == "":
			replace(next)
		default:
			a.dialog("Replace the grid's purpose?", "“"+purpose()+"” becomes “"+next+"”.", use,
				choice{label: "Replace it", test: "confirm-replace", class: "btn btn-primary", fn: func() { replace(next) }},
				choice{label: "Keep the current purpose", test: "cancel", fn: func() {}})
		}
	})
	showCurrent()
	box.Append(current, s.el("div", "actions", use), status)
	return box
}

// coachView is the live part of the coach: the highlighted copy, score,
// verdict, lists and advice. Each keystroke re-renders only what changed:
// the lists and notes usually stay the same, and the mirror usually
// differs in one span.
type coachView struct {
	mirror                 *mirrorView
	score, verdict, status Element
	notes                  Element
	lists                  [3]*listView // who benefits, what changes, suggestions
	lastNotes              []Note
	notesShown             bool
	lastVerdict, lastScore string
}

func newCoachView(s *scope) *coachView {
	v := &coachView{
		mirror:  &mirrorView{el: attrs(s.el("p", "mirror"), "data-test", "mirror")},
		score:   attrs(s.text("span", "score-num", "–"), "data-test", "score"),
		verdict: attrs(s.text("p", "verdict", ""), "data-test", "verdict"),
		status:  attrs(s.el("p", "visually-hidden"), "aria-live", "polite"),
		notes:   attrs(s.el("ul", "notes"), "data-test", "notes"),
		lists: [3]*listView{
			{ul: s.el("ul", ""), empty: "Nobody named yet: who is better off?"},
			{ul: s.el("ul", ""), empty: "No outcome yet: what changes for them?"},
			{ul: s.el("ul", ""), empty: "Nothing to suggest."},
		},
	}
	return v
}

// blank shows text unanalysed (empty, or not yet a sentence).
func (v *coachView) blank(text string) {
	for _, l := range v.lists {
		l.reset()
	}
	v.notes.Clear()
	v.notesShown = false
	v.score.SetText("–")
	v.verdict.SetText("Write a sentence to see the analysis.")
	v.lastScore, v.lastVerdict = "", ""
	v.mirror.reset()
	v.mirror.el.SetText(text)
}

// show renders the analysis r of text.
func (v *coachView) show(s *scope, text string, r PurposeReport) {
	if sc := strconv.Itoa(r.Score); sc != v.lastScore {
		v.score.SetText(sc)
		v.lastScore = sc
	}
	if r.Verdict != v.lastVerdict {
		v.verdict.SetText(verdictText[r.Verdict])
		v.verdict.SetAttr("data-verdict", r.Verdict)
		v.status.SetText(verdictText[r.Verdict])
		v.lastVerdict = r.Verdict
	}
	v.mirror.render(s, text, r.Marks)
	v.lists[0].render(s, r.Beneficiaries)
	v.lists[1].render(s, r.Outcomes)
	v.lists[2].render(s, r.Suggestions)
	if v.notesShown && slices.Equal(v.lastNotes, r.Notes) {
		return
	}
	v.notes.Clear()
	renderNotes(s, v.notes, r.Notes)
	v.lastNotes, v.notesShown = append(v.lastNotes[:0], r.Notes...), true
}

// listView keeps a list element in step with a list of strings; it
// rebuilds the list only when the strings change.
type listView struct {
	ul    Element
	empty string // shown as one muted item when the list is empty
	shown bool
	items []string
}

func (l *listView) reset() {
	l.ul.Clear()
	l.shown, l.items = false, l.items[:0]
}

func (l *listView) render(s *scope, items []string) {
	if l.shown && slices.Equal(l.items, items) {
		return
	}
	l.ul.Clear()
	if len(items) == 0 {
		l.ul.Append(s.text("li", "muted", l.empty))
	}
	for _, it := range items {
		l.ul.Append(s.text("li", "", it))
	}
	l.shown, l.items = true, append(l.items[:0], items...)
}

// mirrorView writes text into an element with the marks as <mark>
// elements (all through SetText), as a row of spans. It keeps the spans
// of the last render and touches only those that differ.
type mirrorView struct {
	el    Element
	segs  []mirrorSeg
	nodes []Element
}

type mirrorSeg struct{ tag, class, text string }

func (m *mirrorView) reset() {
	m.el.Clear()
	m.segs, m.nodes = m.segs[:0], m.nodes[:0]
}

func (m *mirrorView) render(s *scope, text string, marks []Mark) {
	segs := mirrorSegments(text, marks)
	i := 0
	for ; i < len(segs) && i < len(m.segs); i++ {
		old, seg := m.segs[i], segs[i]
		if old.tag != seg.tag || old.class != seg.class {
			break
		}
		if old.text != seg.text {
			m.nodes[i].SetText(seg.text)
		}
	}
	for _, n := range m.nodes[i:] {
		n.Remove()
	}
	m.nodes = m.nodes[:i]
	for _, seg := range segs[i:] {
		n := s.text(seg.tag, seg.class, seg.text)
		m.el.Append(n)
		m.nodes = append(m.nodes, n)
	}
	m.segs = segs
}

// renderMirror writes text into el with the marks as <mark> elements, all
// through SetText, once (the recovery and standards screens).
func (a *App) renderMirror(s *scope, el Element, text string, marks []Mark) {
	for _, seg := range mirrorSegments(text, marks) {
		el.Append(s.text(seg.tag, seg.class, seg.text))
	}
}

// mirrorSegments cuts text into plain spans, marks and the hidden labels
// that say what each mark means.
func mirrorSegments(text string, marks []Mark) []mirrorSeg {
	ms := append([]Mark(nil), marks...)
	// insertion sort: few marks, and no generic sort code in the wasm
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
	segs := make([]mirrorSeg, 0, 3*len(ms)+1)
	pos := 0
	for _, m := range ms {
		if m.Start < pos || m.End > len(text) || m.Start >= m.End {
			continue
		}
		if m.Start > pos {
			segs = append(segs, mirrorSeg{"span", "", text[pos:m.Start]})
		}
		segs = append(segs, mirrorSeg{"mark", "mark-" + m.Class, text[m.Start:m.End]},
			mirrorSeg{"span", "visually-hidden", " (" + m.Label + ")"})
		pos = m.End
	}
	if pos < len(text) {
		segs = append(segs, mirrorSeg{"span", "", text[pos:]})
	}
	return segs
}

// ladder is the revelation ladder card: the job function, then one answer
// per "why does that matter?" question.
func (a *App) ladder(s *scope, purposeIn Element, reanalyse func(string)) Element {
	card := s.el("section", "card")
	attrs(card, "data-test", "ladder")
	card.Append(s.text("h2", "", "Revelation ladder"),
		s.text("p", "muted", "Start from what the job does. Each answer to “why does that matter?” climbs a rung, until one names who benefits and what changes for them."))
	var steps []string
	if a.doc != nil {
		steps = a.doc.Ladder
	}
	if len(steps) == 0 {
		steps = []string{""}
	}
	ol := s.el("ol", "ladder")
	out := s.el("div", "ladder-result")
	attrs(out, "aria-live", "polite")
	card.Append(ol, out)
	ls := s.child()
	var render func(focus int)
	save := func() {
		if a.doc != nil {
			a.doc.Ladder = append([]string(nil), steps...)
			a.changed()
		}
	}
	render = func(focus int) {
		ls.release()
		ol.Clear()
		out.Clear()
		rep, err := a.svc.Climb(steps[0], steps[1:])
		var inputs []Element
		for i := range steps {
			i := i
			label := "The job function (what the job does)"
			if i > 0 && i < len(rep.Rungs) {
				label = rep.Rungs[i].Question
			} else if i > 0 {
				label = "Why does that matter?"
			}
			f, in := ls.field(label, "text", steps[i], "ladder-"+strconv.Itoa(i), nil)
			ls.on(in, "change", func(Event) {
				steps[i] = in.Value()
				save()
				render(i + 1)
			})
			li := ls.el("li", "", f)
			if err == nil && i < len(rep.Rungs) && rep.Rungs[i].Note != "" {
				li.Append(ls.el("p", "hint-line", ls.text("span", "badge", rep.Rungs[i].Step), ls.text("span", "", " "+rep.Rungs[i].Note)))
			}
			ol.Append(li)
			inputs = append(inputs, in)
		}
		if err != nil || strings.TrimSpace(steps[0]) == "" {
			out.Append(ls.text("p", "muted", "Write the job function to begin, then press Tab."))
		} else if rep.State == "reached" {
			use := ls.button("Use as the purpose statement", "btn btn-primary", "ladder-use", func() {
				purposeIn.SetValue(rep.Purpose)
				reanalyse(rep.Purpose)
				purposeIn.Focus()
				a.announce("Purpose statement updated")
			})
			out.Append(ls.text("p", "", "Purpose reached: “"+rep.Purpose+"”"), use)
		} else if rep.Next != "" && len(steps) <= rep.Max && strings.TrimSpace(steps[len(steps)-1]) != "" {
			steps = append(steps, "")
			render(focus)
			return
		} else if rep.State != "climbing" {
			out.Append(ls.text("p", "", "The ladder stopped ("+rep.State+"). Try a different answer to the last question."))
		}
		if focus >= 0 && focus < len(inputs) {
			inputs[focus].Focus()
		}
	}
	render(-1)
	return card
}
