package grid

// The writer half of the reflection-free codec: it writes the same bytes
// encoding/json writes for the struct tags of this package's types (the
// fuzz tests compare the two).

import (
	"errors"
	"math"
	"strconv"
	"time"

	"github.com/purposefulcx/purposeful/internal/jsontext"
)

type jw struct {
	b     []byte
	first bool
	err   error
}

func (w *jw) open(c byte)  { w.b = append(w.b, c); w.first = true }
func (w *jw) close(c byte) { w.b = append(w.b, c); w.first = false }

func (w *jw) key(k string) {
	w.elem()
	w.str(k)
	w.b = append(w.b, ':')
}

func (w *jw) elem() {
	if !w.first {
		w.b = append(w.b, ',')
	}
	w.first = false
}

func (w *jw) null() { w.b = append(w.b, "null"...) }

// optStr writes the field k when v is not empty (omitempty).
func (w *jw) optStr(k, v string) {
	if v != "" {
		w.key(k)
		w.str(v)
	}
}

// optInt writes the field k when v is not zero (omitempty).
func (w *jw) optInt(k string, v int) {
	if v != 0 {
		w.key(k)
		w.int(v)
	}
}

// str writes s quoted as encoding/json does (see jsontext.AppendString).
func (w *jw) str(s string) { w.b = jsontext.AppendString(w.b, s) }

func (w *jw) strs(list []string) {
	if list == nil {
		w.null()
		return
	}
	w.open('[')
	for _, s := range list {
		w.elem()
		w.str(s)
	}
	w.close(']')
}

func (w *jw) int(v int) { w.b = strconv.AppendInt(w.b, int64(v), 10) }

func (w *jw) bool(v bool) { w.b = strconv.AppendBool(w.b, v) }

var errBadFloat = errors.New("grid: cannot encode NaN or infinity")

// float writes f as encoding/json does.
func (w *jw) float(f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		w.fail(errBadFloat)
		w.b = append(w.b, '0')
		return
	}
	format := byte('f')
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	w.b = strconv.AppendFloat(w.b, f, format, -1, 64)
	if format == 'e' { // e-09 -> e-9
		n := len(w.b)
		if n >= 4 && w.b[n-4] == 'e' && w.b[n-3] == '-' && w.b[n-2] == '0' {
			w.b[n-2] = w.b[n-1]
			w.b = w.b[:n-1]
		}
	}
}

func (w *jw) time(t time.Time) {
	if y := t.Year(); y < 0 || y > 9999 {
		w.fail(errors.New("grid: time year outside of range [0,9999]"))
	}
	w.b = append(w.b, '"')
	w.b = t.AppendFormat(w.b, time.RFC3339Nano)
	w.b = append(w.b, '"')
}

// text writes an enum by its name.
func (w *jw) text(name []byte, err error) {
	if err != nil {
		w.fail(err)
	}
	w.str(string(name))
}

func (w *jw) fail(err error) {
	if w.err == nil {
		w.err = err
	}
}

// indented returns the output indented with two spaces and a final
// newline, as json.MarshalIndent(v, "", "  ") plus "\n" writes it.
func (w *jw) indented() ([]byte, error) {
	if w.err != nil {
		return nil, w.err
	}
	return append(indent(w.b), '\n'), nil
}

// indent pretty-prints compact JSON with two spaces.
func indent(src []byte) []byte {
	out := make([]byte, 0, len(src)+len(src)/2)
	depth := 0
	inStr := false
	nl := func() {
		out = append(out, '\n')
		for range depth {
			out = append(out, ' ', ' ')
		}
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		if inStr {
			out = append(out, c)
			if c == '\\' {
				i++
				out = append(out, src[i])
			} else if c == '"' {
				inStr = false
			}
			continue
		}
		switch c {
		case '"':
			inStr = true
			out = append(out, c)
		case '{', '[':
			out = append(out, c)
			if i+1 < len(src) && (src[i+1] == '}' || src[i+1] == ']') {
				out = append(out, src[i+1])
				i++
				continue
			}
			depth++
			nl()
		case '}', ']':
			depth--
			nl()
			out = append(out, c)
		case ',':
			out = append(out, c)
			nl()
		case ':':
			out = append(out, ':', ' ')
		default:
			out = append(out, c)
		}
	}
	return out
}
