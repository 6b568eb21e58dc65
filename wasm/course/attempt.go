package course

import (
	"time"
)

// SaveDelay is how long after the learner's typing the draft is sent to
// the LMS; grades, answers and acknowledgements are sent at once.
const SaveDelay = 2 * time.Second

// Attempt is one session of a learner in a course: it keeps their
// state, decides the result ([Course.Result]) and reports it to the LMS.
// Without an LMS it still runs, and [Attempt.Recording] says results are
// not being recorded.
type Attempt struct {
	Course *Course
	// State is what the learner has done, restored from the LMS.
	State State
	// Mastery is the passing score in force: the course's, or the LMS's
	// when it sets one.
	Mastery int
	// Err is the last error of the LMS (nil when all went through).
	Err error

	lms      LMS
	max      int
	now      func() time.Time
	after    func(time.Duration, func()) func()
	start    time.Time
	finished bool
	pending  func()
	listen   []func(Result)
	reached  string // the ladder's last purpose (see Reached)
}

// Begin starts an attempt of c recorded by lms (nil: no LMS). host
// gives the clock and timers.
func Begin(c *Course, lms LMS, host interface {
	Now() time.Time
	After(time.Duration, func()) func()
}) *Attempt {
	a := &Attempt{Course: c, lms: lms, Mastery: c.MasteryScore(), max: 4096, now: host.Now, after: host.After}
	a.start = a.now()
	if lms != nil {
		l, err := lms.Start()
		if err != nil {
			a.Err, a.lms = err, nil
			return a
		}
		a.State = DecodeState(l.Suspend)
		if l.Mastery >= 0 {
			a.Mastery = l.Mastery
		}
		if l.SuspendMax > 0 {
			a.max = l.SuspendMax
		}
	}
	return a
}

// Recording says whether an LMS is recording this attempt.
func (a *Attempt) Recording() bool { return a.lms != nil }

// LMSName names the LMS's standard ("" without one).
func (a *Attempt) LMSName() string {
	if a.lms == nil {
		return ""
	}
	return a.lms.Name()
}

// Finished says whether the session has ended.
func (a *Attempt) Finished() bool { return a.finished }

// Result is the result so far.
func (a *Attempt) Result() Result { return a.Course.Result(&a.State, a.Mastery) }

// OnChange calls fn with the result after every change.
func (a *Attempt) OnChange(fn func(Result)) { a.listen = append(a.listen, fn) }

// Save reports the result to the LMS now and tells the listeners.
func (a *Attempt) Save() {
	if a.pending != nil {
		a.pending()
		a.pending = nil
	}
	r := a.Result()
	if a.lms != nil && !a.finished {
		a.Err = a.lms.Report(r, a.State.Encode(a.max))
	}
	for _, fn := range a.listen {
		fn(r)
	}
}

// Finish ends the session: the last result, the session time, and the
// LMS's terminate call. Later calls do nothing, so it can run on the
// finish button and again when the tab closes.
func (a *Attempt) Finish() {
	if a.finished {
		return
	}
	if a.pending != nil {
		a.pending()
		a.pending = nil
	}
	r := a.Result()
	if a.lms != nil {
		a.Err = a.lms.Finish(r, a.State.Encode(a.max), a.now().Sub(a.start))
	}
	a.finished = true
	for _, fn := range a.listen {
		fn(r)
	}
}

// Grade records a scenario's grade, keeping the best.
func (a *Attempt) Grade(id string, score int) {
	if a.State.Grades == nil {
		a.State.Grades = map[string]int{}
	}
	if old, ok := a.State.Grades[id]; !ok || score > old {
		a.State.Grades[id] = score
	}
	a.Save()
}

// Analysed records the analysis score of the learner's statement,
// keeping the best.
func (a *Attempt) Analysed(score int) {
	if score > a.State.Best {
		a.State.Best = score
		a.Save()
	}
}

// Answer records whether the learner judged a standard's case a
// purposeful deviation.
func (a *Attempt) Answer(id string, purposeful bool) {
	if a.State.Answers == nil {
		a.State.Answers = map[string]bool{}
	}
	a.State.Answers[id] = purposeful
	a.Save()
}

// Ack records that the learner acknowledged a standard.
func (a *Attempt) Ack(id string) {
	if a.State.Acked == nil {
		a.State.Acked = map[string]bool{}
	}
	a.State.Acked[id] = true
	a.Save()
}

// Text returns what the screens saved under k.
func (a *Attempt) Text(k string) (string, bool) {
	v, ok := a.State.Store[k]
	return v, ok
}

// SetText keeps what the screens save under k; it goes to the LMS
// [SaveDelay] after the learner stops typing.
func (a *Attempt) SetText(k, v string) {
	if a.State.Store == nil {
		a.State.Store = map[string]string{}
	}
	a.State.Store[k] = v
	if a.pending == nil {
		a.pending = a.after(SaveDelay, func() {
			a.pending = nil
			a.Save()
		})
	}
}

// RemoveText forgets what the screens saved under k.
func (a *Attempt) RemoveText(k string) { delete(a.State.Store, k) }

// TextKeys lists the keys the screens saved under.
func (a *Attempt) TextKeys() []string {
	out := make([]string, 0, len(a.State.Store))
	for k := range a.State.Store {
		out = append(out, k)
	}
	return out
}

// Reached records the purpose the learner's revelation ladder reached, so
// its analysis counts as the learner's own.
func (a *Attempt) Reached(purpose string) { a.reached = purpose }

// Own says whether text is the learner's statement (what they typed, or
// what their ladder reached), not the coach's warm-up.
func (a *Attempt) Own(text string) bool {
	if text != "" && text == a.reached {
		return true
	}
	for _, v := range a.State.Store {
		if v == text {
			return true
		}
	}
	return false
}
