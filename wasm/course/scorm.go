package course

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// API is an LMS's SCORM run-time API object (window.API or
// window.API_1484_11): one call by method name with string arguments,
// answered with a string ("true", a value, an error code).
type API interface {
	Call(method string, args ...string) string
}

// LMS is where an attempt is recorded.
type LMS interface {
	// Name is the standard spoken ("SCORM 1.2").
	Name() string
	// Start begins the session and returns what the LMS kept.
	Start() (Launch, error)
	// Report records the result so far and commits it.
	Report(r Result, suspend string) error
	// Finish records the last result and the session time and ends the
	// session. It is called once.
	Finish(r Result, suspend string, session time.Duration) error
}

// Launch is what an LMS hands the course when it starts.
type Launch struct {
	// Suspend is the state of the learner's last session ("" at first).
	Suspend string
	// Mastery overrides the course's mastery score when the LMS sets one
	// (0-100; -1 when it does not).
	Mastery int
	// SuspendMax is how much suspend data the LMS keeps.
	SuspendMax int
}

// ErrLMS reports a call the LMS refused; the message carries its error
// code and text.
var ErrLMS = errors.New("course: the LMS refused a call")

// scorm speaks SCORM 1.2 or 2004 to api.
type scorm struct {
	api   API
	v2004 bool
}

// NewSCORM records attempts through the API object of a SCORM 1.2 or
// SCORM 2004 LMS (f is [SCORM12] or [SCORM2004]).
func NewSCORM(api API, f Format) LMS { return &scorm{api: api, v2004: f == SCORM2004} }

func (s *scorm) Name() string {
	if s.v2004 {
		return "SCORM 2004"
	}
	return "SCORM 1.2"
}

// method returns the name of a call in this version.
func (s *scorm) method(m string) string {
	switch {
	case s.v2004:
		return m
	case m == "Terminate":
		return "LMSFinish"
	}
	return "LMS" + m
}

func (s *scorm) call(m string, args ...string) (string, error) {
	out := s.api.Call(s.method(m), args...)
	if m == "GetValue" || out == "true" {
		return out, nil
	}
	code := s.api.Call(s.method("GetLastError"))
	if code == "0" || code == "" {
		return out, nil
	}
	return out, fmt.Errorf("%w: %s(%s): %s %s", ErrLMS, s.method(m), strings.Join(args, ", "), code, s.api.Call(s.method("GetErrorString"), code))
}

func (s *scorm) get(name string) string {
	v, _ := s.call("GetValue", name)
	return v
}

func (s *scorm) Start() (Launch, error) {
	if _, err := s.call("Initialize", ""); err != nil {
		return Launch{}, err
	}
	l := Launch{Mastery: -1, SuspendMax: 64000}
	if s.v2004 {
		l.Suspend = s.get("cmi.suspend_data")
		if v, err := strconv.ParseFloat(s.get("cmi.scaled_passing_score"), 64); err == nil && v >= 0 && v <= 1 {
			l.Mastery = int(v*100 + 0.5)
		}
	} else {
		l.SuspendMax = 4096
		l.Suspend = s.get("cmi.suspend_data")
		if v, err := strconv.ParseFloat(s.get("cmi.student_data.mastery_score"), 64); err == nil && v >= 0 && v <= 100 {
			l.Mastery = int(v + 0.5)
		}
	}
	return l, nil
}

// values lists the data model elements for r, in the order they are set.
func (s *scorm) values(r Result, suspend string) [][2]string {
	var out [][2]string
	set := func(k, v string) { out = append(out, [2]string{k, v}) }
	if s.v2004 {
		if r.Scored {
			set("cmi.score.min", "0")
			set("cmi.score.max", "100")
			set("cmi.score.raw", strconv.Itoa(r.Score))
			set("cmi.score.scaled", scaled(r.Score))
		}
		set("cmi.progress_measure", strconv.FormatFloat(r.Progress, 'f', 2, 64))
		set("cmi.completion_status", map[bool]string{true: "completed", false: "incomplete"}[r.Completed])
		set("cmi.success_status", r.Success.String())
		set("cmi.suspend_data", suspend)
		set("cmi.exit", map[bool]string{true: "normal", false: "suspend"}[r.Completed])
		return out
	}
	if r.Scored {
		set("cmi.core.score.min", "0")
		set("cmi.core.score.max", "100")
		set("cmi.core.score.raw", strconv.Itoa(r.Score))
	}
	status := "incomplete"
	switch {
	case r.Success == Passed:
		status = "passed"
	case r.Success == Failed:
		status = "failed"
	case r.Completed:
		status = "completed"
	}
	set("cmi.core.lesson_status", status)
	set("cmi.suspend_data", suspend)
	set("cmi.core.exit", map[bool]string{true: "", false: "suspend"}[r.Completed])
	return out
}

func (s *scorm) Report(r Result, suspend string) error {
	var errs []error
	for _, kv := range s.values(r, suspend) {
		if _, err := s.call("SetValue", kv[0], kv[1]); err != nil {
			errs = append(errs, err)
		}
	}
	if _, err := s.call("Commit", ""); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

func (s *scorm) Finish(r Result, suspend string, session time.Duration) error {
	key, val := "cmi.core.session_time", Timespan12(session)
	if s.v2004 {
		key, val = "cmi.session_time", Duration(session)
	}
	err := s.Report(r, suspend)
	if _, e := s.call("SetValue", key, val); e != nil {
		err = errors.Join(err, e)
	}
	if _, e := s.call("Commit", ""); e != nil {
		err = errors.Join(err, e)
	}
	if _, e := s.call("Terminate", ""); e != nil {
		err = errors.Join(err, e)
	}
	return err
}

// Timespan12 writes d as a SCORM 1.2 CMITimespan, HHHH:MM:SS.SS.
func Timespan12(d time.Duration) string {
	cs := int64(d / (10 * time.Millisecond))
	h := min(cs/360000, 9999)
	m, sec, frac := cs/6000%60, cs/100%60, cs%100
	return fmt.Sprintf("%04d:%02d:%02d.%02d", h, m, sec, frac)
}

// Duration writes d as an ISO 8601 duration to the hundredth of a second
// (SCORM 2004 timeinterval, xAPI result.duration): PT1H2M3.45S.
func Duration(d time.Duration) string {
	cs := int64(d / (10 * time.Millisecond))
	h, m, sec, frac := cs/360000, cs/6000%60, cs/100%60, cs%100
	var b strings.Builder
	b.WriteString("PT")
	if h > 0 {
		b.WriteString(strconv.FormatInt(h, 10) + "H")
	}
	if m > 0 {
		b.WriteString(strconv.FormatInt(m, 10) + "M")
	}
	b.WriteString(strconv.FormatInt(sec, 10))
	if frac > 0 {
		b.WriteString(fmt.Sprintf(".%02d", frac))
	}
	b.WriteString("S")
	return b.String()
}
