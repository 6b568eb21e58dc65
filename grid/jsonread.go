package grid

// A strict JSON reader without reflection. encoding/json costs a browser
// program about 220 KB (brotli) and its reflection keeps much more alive;
// the documents and events of this package are read here instead, in two
// passes: parse builds a small tree (syntax errors carry their position,
// duplicate keys and keys that differ only by case are refused with their
// path), then the typed readers in codec.go walk the tree and report every
// unknown field, wrong type and bad enum value at once, each with its path.

import (
	"encoding"
	"strconv"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/internal/jsontext"
)

// jv is one parsed JSON value.
type jv struct {
	kind byte   // 'o' object, 'a' array, 's' string, 'n' number, 'b' boolean, 'z' null
	s    string // string value, or the number as written
	b    bool
	a    []jv
	o    []jkv
}

type jkv struct {
	k string
	v jv
}

// maxDepth bounds nesting, so that a hostile document cannot exhaust the
// stack.
const maxDepth = 64

type parser struct {
	s    []byte
	i    int
	err  error
	path []string
}

// parseJSON parses one JSON document (and nothing after it).
func parseJSON(data []byte) (jv, error) {
	if len(data) > MaxDocument {
		return jv{}, fieldErrf("", ErrOutOfRange, "document is %d bytes, the limit is %d", len(data), MaxDocument)
	}
	p := parser{s: data}
	v := p.value(0)
	if p.err == nil {
		if p.ws(); p.i < len(p.s) {
			p.syntax("data after the document")
		}
	}
	return v, p.err
}

func (p *parser) syntax(msg string) {
	if p.err == nil {
		p.err = syntaxError(p.s, int64(p.i), msg)
	}
}

func (p *parser) pathString() string { return strings.TrimPrefix(strings.Join(p.path, ""), ".") }

func (p *parser) ws() { p.i = jsontext.SkipSpace(p.s, p.i) }

func (p *parser) lit(word string) bool {
	if strings.HasPrefix(string(p.s[p.i:min(len(p.s), p.i+len(word))]), word) {
		p.i += len(word)
		return true
	}
	p.syntax("invalid literal")
	return false
}

func (p *parser) value(depth int) jv {
	if depth > maxDepth {
		p.syntax("nested too deeply")
		return jv{}
	}
	p.ws()
	if p.i >= len(p.s) {
		p.syntax("unexpected end of JSON input")
		return jv{}
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object(depth)
	case c == '[':
		p.i++
		v := jv{kind: 'a', a: []jv{}}
		p.ws()
		if p.i < len(p.s) && p.s[p.i] == ']' {
			p.i++
			return v
		}
		for p.err == nil {
			p.path = append(p.path, "["+strconv.Itoa(len(v.a))+"]")
			v.a = append(v.a, p.value(depth+1))
			p.path = p.path[:len(p.path)-1]
			p.ws()
			switch {
			case p.err != nil:
			case p.i < len(p.s) && p.s[p.i] == ',':
				p.i++
			case p.i < len(p.s) && p.s[p.i] == ']':
				p.i++
				return v
			default:
				p.syntax("want ',' or ']' in an array")
			}
		}
		return v
	case c == '"':
		return jv{kind: 's', s: p.str()}
	case c == 't':
		p.lit("true")
		return jv{kind: 'b', b: true}
	case c == 'f':
		p.lit("false")
		return jv{kind: 'b'}
	case c == 'n':
		p.lit("null")
		return jv{kind: 'z'}
	case c == '-' || (c >= '0' && c <= '9'):
		return jv{kind: 'n', s: p.number()}
	default:
		p.syntax("invalid character " + strconv.QuoteRune(rune(c)) + " looking for the beginning of a value")
		return jv{}
	}
}

func (p *parser) object(depth int) jv {
	p.i++
	v := jv{kind: 'o'}
	p.ws()
	if p.i < len(p.s) && p.s[p.i] == '}' {
		p.i++
		return v
	}
	for p.err == nil {
		p.ws()
		if p.i >= len(p.s) || p.s[p.i] != '"' {
			p.syntax("want a quoted key in an object")
			return v
		}
		k := p.str()
		p.ws()
		if p.err == nil && (p.i >= len(p.s) || p.s[p.i] != ':') {
			p.syntax("want ':' after an object key")
		}
		if p.err != nil {
			return v
		}
		p.i++
		p.path = append(p.path, "."+k)
		for _, kv := range v.o {
			if strings.EqualFold(kv.k, k) && p.err == nil {
				if kv.k == k {
					p.err = fieldErrf(p.pathString(), ErrDuplicateKey, "%q appears twice", k)
				} else {
					p.err = fieldErrf(p.pathString(), ErrDuplicateKey, "%q and %q differ only by case", kv.k, k)
				}
			}
		}
		val := p.value(depth + 1)
		p.path = p.path[:len(p.path)-1]
		v.o = append(v.o, jkv{k, val})
		p.ws()
		switch {
		case p.err != nil:
		case p.i < len(p.s) && p.s[p.i] == ',':
			p.i++
		case p.i < len(p.s) && p.s[p.i] == '}':
			p.i++
			return v
		default:
			p.syntax("want ',' or '}' in an object")
		}
	}
	return v
}

// number scans a JSON number by the grammar of RFC 8259.
func (p *parser) number() string {
	n, next, msg := jsontext.ReadNumber(p.s, p.i)
	p.i = next
	if msg != "" {
		p.syntax(msg)
	}
	return n
}

// str reads the quoted string at p.i as encoding/json does (see
// jsontext.ReadString).
func (p *parser) str() string {
	v, next, msg := jsontext.ReadString(p.s, p.i)
	p.i = next
	if msg != "" {
		p.syntax(msg)
		return ""
	}
	return v
}

// rd walks a parsed tree into Go values, collecting every problem with
// its path.
type rd struct{ errs []error }

func (r *rd) add(err error) {
	if len(r.errs) < 100 {
		r.errs = append(r.errs, err)
	}
}

func kindName(v *jv) string {
	switch v.kind {
	case 'o':
		return "an object"
	case 'a':
		return "an array"
	case 's':
		return "a string"
	case 'n':
		return "a number"
	case 'b':
		return "a boolean"
	}
	return "null"
}

func (r *rd) wrong(path string, v *jv, want string) {
	if v.kind == 'z' {
		r.add(fieldErrf(path, ErrWrongType, "null is not allowed here"))
		return
	}
	r.add(fieldErrf(path, ErrWrongType, "want %s, got %s", want, kindName(v)))
}

// obj calls field for each key of an object; field returns false for a
// key it does not know.
func (r *rd) obj(path string, v *jv, field func(key, path string, v *jv) bool) {
	if v.kind != 'o' {
		r.wrong(path, v, "an object")
		return
	}
	for i := range v.o {
		kv := &v.o[i]
		p := join(path, kv.k)
		if !field(kv.k, p, &kv.v) {
			r.add(fieldErrf(p, ErrUnknownField, "%q", kv.k))
		}
	}
}

// arr calls elem for each element of an array; null is an absent list.
func (r *rd) arr(path string, v *jv, elem func(path string, v *jv)) {
	if v.kind == 'z' {
		return
	}
	if v.kind != 'a' {
		r.wrong(path, v, "an array")
		return
	}
	for i := range v.a {
		elem(path+"["+strconv.Itoa(i)+"]", &v.a[i])
	}
}

// list reads an array into a slice: nil for null, empty for [].
func list[T any](r *rd, path string, v *jv, one func(path string, v *jv) T) []T {
	if v.kind != 'a' {
		r.arr(path, v, nil)
		return nil
	}
	out := make([]T, 0, len(v.a))
	r.arr(path, v, func(p string, e *jv) { out = append(out, one(p, e)) })
	return out
}

func (r *rd) str(path string, v *jv) string {
	if v.kind != 's' {
		r.wrong(path, v, "a string")
		return ""
	}
	return v.s
}

func (r *rd) strs(path string, v *jv) []string { return list(r, path, v, r.str) }

func (r *rd) bool(path string, v *jv) bool {
	if v.kind != 'b' {
		r.wrong(path, v, "a boolean")
	}
	return v.b
}

// int reads a whole number that fits in 32 bits, as the Go ints of the
// documents must on every platform.
func (r *rd) int(path string, v *jv) int {
	if v.kind != 'n' {
		r.wrong(path, v, "a whole number")
		return 0
	}
	i, err := strconv.ParseInt(v.s, 10, 32)
	if err != nil {
		r.add(fieldErrf(path, ErrWrongType, "%s is not a whole number in range", v.s))
	}
	return int(i)
}

func (r *rd) float(path string, v *jv) float64 {
	if v.kind != 'n' {
		r.wrong(path, v, "a number")
		return 0
	}
	f, err := strconv.ParseFloat(v.s, 64)
	if err != nil {
		r.add(fieldErrf(path, ErrWrongType, "%s is not a number in range", v.s))
	}
	return f
}

func (r *rd) time(path string, v *jv) time.Time {
	if v.kind != 's' {
		r.wrong(path, v, "a time string")
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, v.s)
	if err != nil || !strictTime(v.s) {
		r.add(fieldErrf(path, ErrWrongType, "%q is not an RFC 3339 time", v.s))
	}
	return t
}

// strictTime checks what time.Parse lets through and RFC 3339 does not
// (as time.Time.UnmarshalJSON refuses them): two-digit hours and a
// "T" separator.
func strictTime(s string) bool {
	return len(s) >= len("2006-01-02T15:04:05Z") && s[10] == 'T' && s[13] == ':' && s[16] == ':'
}

// text reads an enum name into u.
func (r *rd) text(path string, v *jv, u encoding.TextUnmarshaler) {
	if v.kind != 's' {
		r.wrong(path, v, "a string")
		return
	}
	if err := u.UnmarshalText([]byte(v.s)); err != nil {
		r.add(fieldErr(path, err))
	}
}

// version checks the version field of a document before anything else.
func versionOf(root *jv, want string) error {
	if root.kind != 'o' {
		return fieldErrf("", ErrWrongType, "want an object, got %s", kindName(root))
	}
	for _, kv := range root.o {
		if kv.k == "version" {
			if kv.v.kind != 's' {
				return fieldErrf("version", ErrVersion, "%s (want %q)", kindName(&kv.v), want)
			}
			if kv.v.s != want {
				return fieldErrf("version", ErrVersion, "%q (want %q)", kv.v.s, want)
			}
			return nil
		}
	}
	return fieldErrf("version", ErrVersion, "missing (want %q)", want)
}
