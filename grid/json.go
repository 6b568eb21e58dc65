package grid

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"time"

	"github.com/purposefulcx/purposeful/internal/order"
)

// SyntaxError is JSON that is not well formed, with where it went wrong.
type SyntaxError struct {
	Offset int64 // byte offset
	Line   int   // 1-based
	Column int   // 1-based, in bytes
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("grid: malformed JSON at line %d, column %d: %s", e.Line, e.Column, e.Msg)
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
	b, err := json.MarshalIndent(&c, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
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
// [*SyntaxError]; a missing or wrong version, unknown fields, values of
// the wrong type and unknown enum names are [*FieldError]s naming the path
// ("purposeful[2].evidence[0].source"). A decoded grid is then validated
// with [Grid.Validate]. Every problem is reported at once.
func Decode(data []byte) (*Grid, error) {
	var g Grid
	if err := decodeStrict(data, Version, &g); err != nil {
		return nil, err
	}
	if err := g.Validate(); err != nil {
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

// decodeStrict checks data against the shape of v (a pointer to a struct
// with a Version field when version is not empty) and then decodes it.
func decodeStrict(data []byte, version string, v any) error {
	if len(data) > MaxDocument {
		return fieldErrf("", ErrOutOfRange, "document is %d bytes, the limit is %d", len(data), MaxDocument)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return jsonSyntax(data, err)
	}
	if _, err := dec.Token(); err == nil {
		return syntaxError(data, dec.InputOffset(), "data after the document")
	} else if !errors.Is(err, io.EOF) {
		return jsonSyntax(data, err)
	}
	obj, ok := raw.(map[string]any)
	if !ok {
		return fieldErrf("", ErrWrongType, "want an object, got %s", jsonKind(raw))
	}
	if version != "" {
		got, ok := obj["version"].(string)
		switch {
		case obj["version"] == nil:
			return fieldErrf("version", ErrVersion, "missing (want %q)", version)
		case !ok || got != version:
			return fieldErrf("version", ErrVersion, "%v (want %q)", obj["version"], version)
		}
	}
	var errs []error
	walk("", raw, reflect.TypeOf(v).Elem(), &errs)
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fieldErr("", err)
	}
	return nil
}

func jsonSyntax(data []byte, err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return syntaxError(data, se.Offset, se.Error())
	}
	return syntaxError(data, int64(len(data)), err.Error())
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// walk checks the decoded JSON value v against Go type t, appending a
// *FieldError for every unknown field, wrong type or bad enum value.
func walk(path string, v any, t reflect.Type, errs *[]error) {
	if len(*errs) > 100 {
		return
	}
	if v == nil {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
		default:
			*errs = append(*errs, fieldErrf(path, ErrWrongType, "null is not allowed here"))
		}
		return
	}
	if t.Kind() == reflect.Pointer {
		walk(path, v, t.Elem(), errs)
		return
	}
	wrong := func(want string) {
		*errs = append(*errs, fieldErrf(path, ErrWrongType, "want %s, got %s", want, jsonKind(v)))
	}
	if t == reflect.TypeFor[time.Time]() {
		s, ok := v.(string)
		if !ok {
			wrong("a time string")
			return
		}
		if _, err := time.Parse(time.RFC3339Nano, s); err != nil {
			*errs = append(*errs, fieldErrf(path, ErrWrongType, "%q is not an RFC 3339 time", s))
		}
		return
	}
	if reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		s, ok := v.(string)
		if !ok {
			wrong("a string")
			return
		}
		u := reflect.New(t).Interface().(encoding.TextUnmarshaler)
		if err := u.UnmarshalText([]byte(s)); err != nil {
			*errs = append(*errs, fieldErr(path, err))
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			wrong("an object")
			return
		}
		fields := structFields(t)
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		order.Strings(keys)
		for _, k := range keys {
			f, ok := fields[k]
			if !ok {
				*errs = append(*errs, fieldErrf(join(path, k), ErrUnknownField, "%q", k))
				continue
			}
			walk(join(path, k), obj[k], f, errs)
		}
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok {
			wrong("an array")
			return
		}
		for i, e := range arr {
			walk(fmt.Sprintf("%s[%d]", path, i), e, t.Elem(), errs)
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			wrong("a string")
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			wrong("a boolean")
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			wrong("a whole number")
			return
		}
		if i, err := strconv.ParseInt(string(n), 10, t.Bits()); err != nil || (t.Kind() == reflect.Int && (i > 1<<31-1 || i < -(1<<31))) {
			*errs = append(*errs, fieldErrf(path, ErrWrongType, "%s is not a whole number in range", n))
		}
	case reflect.Float32, reflect.Float64:
		n, ok := v.(json.Number)
		if !ok {
			wrong("a number")
			return
		}
		if _, err := strconv.ParseFloat(string(n), 64); err != nil {
			*errs = append(*errs, fieldErrf(path, ErrWrongType, "%s is not a number in range", n))
		}
	default:
		wrong(t.String())
	}
}

// structFields maps the JSON names of t's exported fields to their types.
func structFields(t reflect.Type) map[string]reflect.Type {
	m := make(map[string]reflect.Type, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name := f.Name
		if tag, ok := f.Tag.Lookup("json"); ok {
			if tag == "-" {
				continue
			}
			if n, _, _ := cutComma(tag); n != "" {
				name = n
			}
		}
		m[name] = f.Type
	}
	return m
}

func cutComma(s string) (string, string, bool) {
	for i := range len(s) {
		if s[i] == ',' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// DecodeEvent reads one event from JSON strictly (unknown fields, wrong
// types and bad enum names are [*FieldError]s with paths). It does not
// check the event against a session: [Session.Apply] does.
func DecodeEvent(data []byte) (Event, error) {
	var e Event
	err := decodeStrict(data, "", &e)
	return e, err
}

// LogVersion is the version of a session log document.
const LogVersion = "purposeful.session/v1"

// logDoc is a session log as stored or exported.
type logDoc struct {
	Version string  `json:"version"`
	Events  []Event `json:"events"`
}

// EncodeLog returns events as a log document:
// {"version": "purposeful.session/v1", "events": [...]}.
func EncodeLog(events []Event) ([]byte, error) {
	if events == nil {
		events = []Event{}
	}
	b, err := json.MarshalIndent(logDoc{Version: LogVersion, Events: events}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// DecodeLog reads a log document strictly.
func DecodeLog(data []byte) ([]Event, error) {
	var d logDoc
	if err := decodeStrict(data, LogVersion, &d); err != nil {
		return nil, err
	}
	return d.Events, nil
}
