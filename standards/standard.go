package standards

import (
	"errors"
	"math"
	"strings"
	"unicode/utf8"
)

// Standard is one purposeful standard: a single observable behaviour for
// one step of one process of one position, with the reason for it, when
// departing from it is right, and how an observer checks it.
type Standard struct {
	// ID is stable across versions; Code is the short label printed on
	// cards and scorecards ("FD-CI-03").
	ID   string `json:"id"`
	Code string `json:"code"`

	Position string `json:"position"`
	Process  string `json:"process"`
	Step     string `json:"step,omitempty"`

	// Statement is the behaviour, written from the employee's side:
	// "Greet every guest within 10 seconds of reaching the desk."
	Statement string `json:"statement"`
	// Rationale is why, tied to the purpose of the role.
	Rationale string `json:"rationale,omitempty"`
	// Deviation says when departing from the standard is the right thing.
	Deviation string `json:"deviation,omitempty"`

	Method Method `json:"method"`
	Class  Class  `json:"class,omitempty"`
	// Priority is a key from the organisation's ordered list
	// ([Book.Priorities]), such as "safety" or "courtesy".
	Priority string   `json:"priority,omitempty"`
	Critical Critical `json:"critical"`
	Version  int      `json:"version"`
	Status   Status   `json:"status"`
}

// Method is how a standard is observed: yes or no, or a threshold with a
// number and a unit (Value 3, Unit "ring" for "within three rings").
type Method struct {
	Kind  MethodKind `json:"kind"`
	Value float64    `json:"value,omitempty"`
	Unit  string     `json:"unit,omitempty"`
}

// String describes the method: "yes/no" or "threshold: 3 ring".
func (m Method) String() string {
	if m.Kind == Threshold {
		return "threshold: " + formatNumber(m.Value) + " " + m.Unit
	}
	return "yes/no"
}

// MaxTextLen is the longest statement, rationale or deviation text, in
// bytes, that [Standard.Validate] accepts.
const MaxTextLen = 2000

// Validate reports every problem of s at once, joined with errors.Join,
// each a [*FieldError] naming the field. It checks that the id, code,
// position, process and statement are present, texts are valid UTF-8 and
// at most [MaxTextLen] bytes, the method is complete (a threshold needs a
// positive finite value and a unit; yes/no takes neither), the version is
// not negative and the enums are known. Whether the priority is in the
// organisation's list is checked by [Book.Validate].
func (s *Standard) Validate() error {
	var errs []error
	required := func(field, v string) {
		if strings.TrimSpace(v) == "" {
			errs = append(errs, fieldErr(field, ErrMissing, ""))
		}
	}
	required("id", s.ID)
	required("code", s.Code)
	required("position", s.Position)
	required("process", s.Process)
	required("statement", s.Statement)
	for _, f := range []struct{ name, v string }{
		{"id", s.ID}, {"code", s.Code}, {"position", s.Position}, {"process", s.Process}, {"step", s.Step},
		{"statement", s.Statement}, {"rationale", s.Rationale}, {"deviation", s.Deviation}, {"priority", s.Priority}, {"method.unit", s.Method.Unit},
	} {
		if !utf8.ValidString(f.v) {
			errs = append(errs, fieldErr(f.name, ErrInvalidUTF8, ""))
		} else if len(f.v) > MaxTextLen {
			errs = append(errs, fieldErr(f.name, ErrTooLong, "%d bytes, the limit is %d", len(f.v), MaxTextLen))
		}
	}
	switch s.Method.Kind {
	case YesNo:
		if s.Method.Value != 0 || s.Method.Unit != "" {
			errs = append(errs, fieldErr("method", ErrInvalid, "a yes/no method takes no value or unit"))
		}
	case Threshold:
		if !(s.Method.Value > 0) || math.IsInf(s.Method.Value, 0) {
			errs = append(errs, fieldErr("method.value", ErrInvalid, "a threshold needs a positive number"))
		}
		if strings.TrimSpace(s.Method.Unit) == "" {
			errs = append(errs, fieldErr("method.unit", ErrMissing, "a threshold needs a unit"))
		}
	default:
		errs = append(errs, fieldErr("method.kind", ErrInvalid, "%d", s.Method.Kind))
	}
	if int(s.Class) >= len(classNames) {
		errs = append(errs, fieldErr("class", ErrInvalid, "%d", s.Class))
	}
	if int(s.Critical) >= len(criticalNames) {
		errs = append(errs, fieldErr("critical", ErrInvalid, "%d", s.Critical))
	}
	if int(s.Status) >= len(statusNames) {
		errs = append(errs, fieldErr("status", ErrInvalid, "%d", s.Status))
	}
	if s.Version < 0 {
		errs = append(errs, fieldErr("version", ErrInvalid, "negative"))
	}
	return errors.Join(errs...)
}
