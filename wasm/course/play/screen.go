package play

import (
	"strconv"

	"github.com/purposefulcx/purposeful/wasm/course"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// view builds elements on a host; all text goes in with SetText.
type view struct {
	h    ui.Host
	offs []func()
}

func (v *view) el(tag, class string, children ...ui.Element) ui.Element {
	e := v.h.Create(tag)
	if class != "" {
		e.SetAttr("class", class)
	}
	e.Append(children...)
	return e
}

func (v *view) text(tag, class, text string) ui.Element {
	e := v.el(tag, class)
	e.SetText(text)
	return e
}

func (v *view) button(label, class, test string, fn func()) ui.Element {
	b := v.text("button", class, label)
	b.SetAttr("type", "button")
	b.SetAttr("data-test", test)
	v.offs = append(v.offs, b.On("click", func(ui.Event) { fn() }))
	return b
}

// Bar shows, in the element with id course-bar, whether the LMS records
// the attempt, the result so far, and the button that ends the session.
func Bar(h ui.Host, a *course.Attempt) {
	root := h.ByID("course-bar")
	if root == nil {
		return
	}
	v := &view{h: h}
	status := v.el("p", "lms-status")
	status.SetAttr("data-test", "lms-status")
	if a.Recording() {
		status.SetText("Your results are recorded by your learning system (" + a.LMSName() + ").")
		status.SetAttr("data-recording", "true")
	} else {
		status.SetText("Not connected to a learning system: the course runs, but your results are not being recorded.")
		status.SetAttr("data-recording", "false")
	}
	result := v.el("p", "course-result")
	result.SetAttr("data-test", "course-result")
	result.SetAttr("aria-live", "polite")
	problem := v.el("p", "hint")
	problem.SetAttr("data-test", "lms-error")
	finish := v.button("Finish and save", "btn", "finish", a.Finish)
	root.Clear()
	root.Append(status, result, problem, v.el("div", "actions", finish))
	show := func(r course.Result) {
		result.SetText(Describe(a.Course, r, a.Mastery, a.Finished()))
		result.SetAttr("data-completed", strconv.FormatBool(r.Completed))
		result.SetAttr("data-success", r.Success.String())
		result.SetAttr("data-score", strconv.Itoa(r.Score))
		if a.Err != nil {
			problem.SetText("The learning system did not accept the last update; it will be sent again with the next one.")
		} else {
			problem.SetText("")
		}
		if a.Finished() {
			finish.SetAttr("disabled", "")
			root.SetAttr("data-finished", "true")
		}
	}
	a.OnChange(show)
	show(a.Result())
}

// Describe says the result in a sentence for the learner.
func Describe(c *course.Course, r course.Result, mastery int, finished bool) string {
	var s string
	switch c.Kind {
	case course.Purpose:
		s = "Best score of your statement: " + strconv.Itoa(r.Score) + " (the course asks for " + strconv.Itoa(mastery) + ")."
		if r.Completed {
			s += " Completed."
		}
	default:
		s = "Done: " + strconv.Itoa(int(r.Progress*100+0.5)) + "%. Score: " + strconv.Itoa(r.Score) + " (pass mark " + strconv.Itoa(mastery) + ")."
		switch r.Success {
		case course.Passed:
			s += " Passed."
		case course.Failed:
			s += " Not passed yet: you can try again."
		}
	}
	if finished {
		s += " Session ended: you can close this window."
	}
	return s
}

// StandardsScreen renders a Standards course into the element with id
// app: each standard with its reason, the question about a colleague's
// departure from it, and the acknowledgement.
func StandardsScreen(h ui.Host, a *course.Attempt) {
	root := h.ByID("app")
	if root == nil {
		return
	}
	v := &view{h: h}
	root.Clear()
	screen := v.el("div", "screen")
	screen.SetAttr("data-screen", "standards-course")
	screen.Append(v.text("h1", "", a.Course.Title),
		v.text("p", "lead", "Read each standard and why it matters. Then decide whether the colleague in the case deviated from it on purpose, for the customer, and acknowledge the standard."))
	for i, q := range a.Course.Questions() {
		screen.Append(v.question(a, i, q))
	}
	root.Append(screen)
	root.SetAttr("data-ready", "1")
}

func (v *view) question(a *course.Attempt, i int, q course.Question) ui.Element {
	n := strconv.Itoa(i)
	card := v.el("section", "card")
	card.SetAttr("data-test", "standard-"+n)
	card.Append(v.text("h2", "", q.Code+": "+q.Statement))
	if q.Rationale != "" {
		card.Append(v.text("p", "", "Why: "+q.Rationale))
	}
	if q.Deviation != "" {
		card.Append(v.text("p", "muted", "When departing from it is right: "+q.Deviation))
	}
	card.Append(v.text("p", "case", q.Case), v.text("p", "", "Is this a purposeful deviation?"))
	feedback := v.el("p", "hint")
	feedback.SetAttr("data-test", "feedback-"+n)
	feedback.SetAttr("aria-live", "polite")
	ack := v.el("button", "btn btn-primary")
	ack.SetAttr("type", "button")
	ack.SetAttr("data-test", "ack-"+n)
	showAck := func() {
		switch {
		case a.State.Acked[q.ID]:
			ack.SetText("Acknowledged")
			ack.SetAttr("disabled", "")
			card.SetAttr("data-acked", "true")
		case !answered(a, q.ID):
			ack.SetText("Answer the question first")
			ack.SetAttr("disabled", "")
		default:
			ack.SetText("I have read this standard and will follow it")
			ack.RemoveAttr("disabled")
		}
	}
	showFeedback := func() {
		ans, ok := a.State.Answers[q.ID]
		if !ok {
			feedback.SetText("")
			return
		}
		right := ans == q.Purposeful
		card.SetAttr("data-right", strconv.FormatBool(right))
		switch {
		case right && q.Purposeful:
			feedback.SetText("Right: this departure serves the customer, which is what the standard is for.")
		case right:
			feedback.SetText("Right: this departure is for the colleague's convenience, not the customer's.")
		case q.Purposeful:
			feedback.SetText("Not quite: the standard itself says this is when departing from it is right.")
		default:
			feedback.SetText("Not quite: nothing in this case serves the customer; it is for the colleague's convenience.")
		}
	}
	answer := func(yes bool) func() {
		return func() {
			if a.State.Acked[q.ID] || a.Finished() {
				return
			}
			a.Answer(q.ID, yes)
			showFeedback()
			showAck()
		}
	}
	v.offs = append(v.offs, ack.On("click", func(ui.Event) {
		if answered(a, q.ID) && !a.Finished() {
			a.Ack(q.ID)
			showAck()
		}
	}))
	card.Append(v.el("div", "actions",
		v.button("Yes, purposeful", "btn", "yes-"+n, answer(true)),
		v.button("No", "btn", "no-"+n, answer(false))),
		feedback, v.el("div", "actions", ack))
	showFeedback()
	showAck()
	return card
}

func answered(a *course.Attempt, id string) bool {
	_, ok := a.State.Answers[id]
	return ok
}

// Fail shows why the course could not start in place of the loading
// line.
func Fail(h ui.Host, err error) {
	if s := h.ByID("boot-status"); s != nil {
		s.SetText("The course could not start: " + err.Error())
	}
}
