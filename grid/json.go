package grid

import (
	"bytes"
	"errors"
	"strconv"
)

// SyntaxError is JSON that is not well formed, with where it went wrong.
type SyntaxError struct {
	Offset int64 // byte offset
	Line   int   // 1-based
	Column int   // 1-based, in bytes
	Msg    string
}

func (e *SyntaxError) Error() string {
	return "grid: malformed JSON at line " + strconv.Itoa(e.Line) + ", column " + strconv.Itoa(e.Column) + ": " + e.Msg
}

// Unwrap makes errors.Is(err, ErrSyntax) true.
func (e *SyntaxError) Unwrap() error { return ErrSyntax }

func syntaxError(data []byte, off int64, msg string) *SyntaxError {
	off = max(0, min(off, int64(len(data))))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := int(off) - bytes.LastIndexByte(data[:off], '\n')
	return &SyntaxError{Offset: off, Line: line, Column: col, Msg: msg}
}

// MaxDocument is the largest JSON document, in bytes, the decoders accept.
const MaxDocument = 8 << 20

// Encode returns the grid as indented JSON with its version set.
func Encode(g *Grid) ([]byte, error) {
	c := *g
	c.prepareEncode()
	var w jw
	w.grid(&c)
	return w.indented()
}

// prepareEncode sets the version and makes nil columns empty, so that the
// JSON always has all three. Call it on a copy.
func (g *Grid) prepareEncode() {
	g.Version = Version
	for _, col := range []*[]Item{&g.Knowledge, &g.Skills, &g.Purposeful} {
		if *col == nil {
			*col = []Item{}
		}
	}
}

// Decode reads a grid from JSON strictly: malformed JSON is a
// [*SyntaxError]; a missing or wrong version, unknown fields, duplicate
// keys (or keys that differ only by case), values of the wrong type and
// unknown enum names are [*FieldError]s naming the path
// ("purposeful[2].evidence[0].source"). A decoded grid is then validated
// with [Grid.Validate]. Every problem is reported at once.
//
// A "purposeful.workshop/v1" document, as the browser page saved and
// exported before it ran on this package, is upgraded (see
// [UpgradeWorkshop]) and then validated the same way.
func Decode(data []byte) (*Grid, error) {
	g, err := DecodeDraft(data)
	if err != nil {
		return nil, err
	}
	if err := g.Validate(); err != nil {
		return nil, err
	}
	return g, nil
}

// DecodeDraft is [Decode] for a grid still being filled in: the three Ps
// may be empty, everything else is checked as Decode checks it (see
// [Grid.ValidateDraft]).
func DecodeDraft(data []byte) (*Grid, error) {
	var g Grid
	root, err := parseJSON(data)
	if err != nil {
		return nil, err
	}
	if isWorkshopV1(&root) {
		up, err := upgradeWorkshop(&root)
		if err != nil {
			return nil, err
		}
		g = *up
	} else {
		if err := versionOf(&root, Version); err != nil {
			return nil, err
		}
		var r rd
		r.grid("", &root, &g)
		if err := errors.Join(r.errs...); err != nil {
			return nil, err
		}
	}
	if err := g.ValidateDraft(); err != nil {
		return nil, err
	}
	g.normalize()
	return &g, nil
}

// normalize makes empty lists nil, so that a decoded grid equals the grid
// that was encoded whether its lists were nil or empty.
func (g *Grid) normalize() {
	if len(g.Values) == 0 {
		g.Values = nil
	}
	if len(g.KPIs) == 0 {
		g.KPIs = nil
	}
	for _, col := range []*[]Item{&g.Knowledge, &g.Skills, &g.Purposeful} {
		if len(*col) == 0 {
			*col = nil
		}
		for i := range *col {
			it := &(*col)[i]
			if len(it.Evidence) == 0 {
				it.Evidence = nil
			}
			if len(it.Tags) == 0 {
				it.Tags = nil
			}
		}
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// EncodeEvent returns one event as compact JSON (the bytes encoding/json
// writes for it).
func EncodeEvent(e *Event) ([]byte, error) {
	var w jw
	w.event(e)
	return w.b, w.err
}

// MarshalJSON encodes the event as [EncodeEvent] does.
func (e Event) MarshalJSON() ([]byte, error) { return EncodeEvent(&e) }

// DecodeEvent reads one event from JSON strictly (unknown fields, wrong
// types and bad enum names are [*FieldError]s with paths). It does not
// check the event against a session: [Session.Apply] does.
func DecodeEvent(data []byte) (Event, error) {
	var e Event
	err := decodeDoc(data, "", func(r *rd, root *jv) { r.event("", root, &e) })
	if err != nil {
		return Event{}, err
	}
	return e, nil
}

// LogVersion is the version of a session log document.
const LogVersion = "purposeful.session/v1"

// EncodeLog returns events as a log document:
// {"version": "purposeful.session/v1", "events": [...]}.
func EncodeLog(events []Event) ([]byte, error) {
	var w jw
	w.open('{')
	w.key("version")
	w.str(LogVersion)
	w.key("events")
	w.open('[')
	for i := range events {
		w.elem()
		w.event(&events[i])
	}
	w.close(']')
	w.close('}')
	return w.indented()
}

// DecodeLog reads a log document strictly.
func DecodeLog(data []byte) ([]Event, error) {
	var events []Event
	err := decodeDoc(data, LogVersion, func(r *rd, root *jv) {
		r.obj("", root, func(k, p string, v *jv) bool {
			switch k {
			case "version":
			case "events":
				events = list(r, p, v, func(p string, v *jv) Event {
					var e Event
					r.event(p, v, &e)
					return e
				})
			default:
				return false
			}
			return true
		})
	})
	if err != nil {
		return nil, err
	}
	return events, nil
}
