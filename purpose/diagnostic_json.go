package purpose

import (
	"errors"
	"math"
	"slices"
	"strconv"

	"github.com/purposefulcx/purposeful/internal/jsontext"
)

// A strict reader for the diagnostic's JSON, without encoding/json:
// purpose is linked into the browser workshop page, and importing
// encoding/json alone (its package initialisation keeps reflection
// alive) adds about 50 KB of code to every program that links purpose.
//
// It reads what encoding/json reads into a Diagnostic, with two more
// refusals, as grid's documents have: a key given twice, and a key
// that matches a field only when case is ignored ("Version").

// diagReader reads one diagnostic document from b.
type diagReader struct {
	b []byte
	i int
}

// syntaxError says what is wrong and where (a byte offset, from 1 as
// encoding/json counts).
func (r *diagReader) syntaxError(msg string) error {
	return errors.New(msg + " at offset " + strconv.Itoa(r.i+1))
}

func (r *diagReader) ws() { r.i = jsontext.SkipSpace(r.b, r.i) }

// null reads a JSON null if one is next.
func (r *diagReader) null() bool {
	if r.i+4 <= len(r.b) && string(r.b[r.i:r.i+4]) == "null" {
		r.i += 4
		return true
	}
	return false
}

func (r *diagReader) str() (string, error) {
	if r.i >= len(r.b) || r.b[r.i] != '"' {
		return "", r.syntaxError("expected a string")
	}
	s, next, msg := jsontext.ReadString(r.b, r.i)
	if msg != "" {
		r.i = next
		return "", r.syntaxError(msg)
	}
	r.i = next
	return s, nil
}

// number reads a JSON number and returns it as written.
func (r *diagReader) number() (string, error) {
	if r.i >= len(r.b) || r.b[r.i] != '-' && (r.b[r.i] < '0' || r.b[r.i] > '9') {
		return "", r.syntaxError("expected a number")
	}
	n, next, msg := jsontext.ReadNumber(r.b, r.i)
	r.i = next
	if msg != "" {
		return "", r.syntaxError(msg)
	}
	return n, nil
}

// object reads an object, calling field for each key with the reader at
// its value (field refuses a key given twice: it knows what it has read).
func (r *diagReader) object(field func(k string) error) error {
	if r.i >= len(r.b) || r.b[r.i] != '{' {
		return r.syntaxError("expected an object")
	}
	r.i++
	for first := true; ; first = false {
		r.ws()
		if r.i < len(r.b) && r.b[r.i] == '}' && first {
			r.i++
			return nil
		}
		k, err := r.str()
		if err != nil {
			return err
		}
		if r.ws(); r.i >= len(r.b) || r.b[r.i] != ':' {
			return r.syntaxError("expected ':' after an object key")
		}
		r.i++
		r.ws()
		if err := field(k); err != nil {
			return err
		}
		r.ws()
		if r.i < len(r.b) && r.b[r.i] == ',' {
			r.i++
			continue
		}
		if r.i < len(r.b) && r.b[r.i] == '}' {
			r.i++
			return nil
		}
		return r.syntaxError("expected ',' or '}' after an object value")
	}
}

// decodeDiagnosticJSON reads data into d: one object, nothing after it
// but white space.
func decodeDiagnosticJSON(data []byte, d *Diagnostic) error {
	r := &diagReader{b: data}
	r.ws()
	var read [3]bool // version, threshold, answers
	twice := func(k string) error { return errors.New(strconv.Quote(k) + " is given twice") }
	err := r.object(func(k string) error {
		field := slices.Index([]string{"version", "threshold", "answers"}, k)
		if field < 0 {
			return errors.New("unknown field " + strconv.Quote(k))
		}
		if read[field] {
			return twice(k)
		}
		read[field] = true
		switch k {
		case "version":
			if r.null() {
				return nil
			}
			s, err := r.str()
			if err != nil {
				return errors.New("version: " + err.Error())
			}
			d.Version = s
		case "threshold":
			if r.null() {
				return nil
			}
			n, err := r.number()
			if err != nil {
				return errors.New("threshold: " + err.Error())
			}
			f, err := strconv.ParseFloat(n, 64)
			if err != nil || math.IsInf(f, 0) {
				return errors.New("threshold: " + n + " is not a number this can hold")
			}
			d.Threshold = f
		case "answers":
			if r.null() {
				return nil
			}
			if d.Answers == nil {
				d.Answers = map[string]int{}
			}
			return r.object(func(id string) error {
				if _, ok := d.Answers[id]; ok {
					return twice(id)
				}
				if r.null() {
					d.Answers[id] = 0
					return nil
				}
				n, err := r.number()
				if err != nil {
					return errors.New("answers[" + strconv.Quote(id) + "]: " + err.Error())
				}
				v, err := strconv.ParseInt(n, 10, 0)
				if err != nil {
					return errors.New("answers[" + strconv.Quote(id) + "]: " + n + " is not a whole number")
				}
				d.Answers[id] = int(v)
				return nil
			})
		}
		return nil
	})
	if err != nil {
		return err
	}
	if r.ws(); r.i < len(r.b) {
		return errors.New("data after the document")
	}
	return nil
}
