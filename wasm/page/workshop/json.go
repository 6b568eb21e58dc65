package workshop

// A hand-written JSON codec for Doc. encoding/json adds about 220 KB
// (brotli) to the page's wasm; this file does the one document the page
// stores in a few hundred lines, strictly: unknown fields, duplicate keys,
// wrong types, trailing data and a wrong version are all errors with the
// field path. The output is byte-for-byte what encoding/json writes for
// the struct tags (a test checks that).

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// ErrSyntax reports malformed JSON; it is wrapped in a [FieldError] naming
// where it was found.
var ErrSyntax = errors.New("invalid JSON")

// MarshalJSON encodes d (same bytes as encoding/json would write).
func (d *Doc) MarshalJSON() ([]byte, error) {
	var e enc
	e.doc(d)
	return e.b, nil
}

// Encode writes d as indented JSON, ready to save as a file.
func (d *Doc) Encode() ([]byte, error) {
	var e enc
	e.doc(d)
	return indent(e.b), nil
}

type enc struct {
	b     []byte
	first bool
}

func (e *enc) open(c byte)  { e.b = append(e.b, c); e.first = true }
func (e *enc) close(c byte) { e.b = append(e.b, c); e.first = false }
func (e *enc) key(k string) {
	if !e.first {
		e.b = append(e.b, ',')
	}
	e.first = false
	e.str(k)
	e.b = append(e.b, ':')
}
func (e *enc) elem() {
	if !e.first {
		e.b = append(e.b, ',')
	}
	e.first = false
}

const hexDigits = "0123456789abcdef"

// str writes s quoted the way encoding/json does (HTML-safe escapes,
// invalid UTF-8 replaced by U+FFFD).
func (e *enc) str(s string) {
	e.b = append(e.b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				e.b = append(e.b, '\\', c)
			case c == '\n':
				e.b = append(e.b, '\\', 'n')
			case c == '\r':
				e.b = append(e.b, '\\', 'r')
			case c == '\t':
				e.b = append(e.b, '\\', 't')
			case c == '\b':
				e.b = append(e.b, '\\', 'b')
			case c == '\f':
				e.b = append(e.b, '\\', 'f')
			case c < 0x20 || c == '<' || c == '>' || c == '&':
				e.b = append(e.b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			default:
				e.b = append(e.b, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			e.b = append(e.b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			e.b = append(e.b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			e.b = append(e.b, s[i:i+size]...)
		}
		i += size
	}
	e.b = append(e.b, '"')
}

func (e *enc) strs(list []string) {
	if list == nil {
		e.b = append(e.b, "null"...)
		return
	}
	e.open('[')
	for _, s := range list {
		e.elem()
		e.str(s)
	}
	e.close(']')
}

func (e *enc) time(t time.Time) {
	e.b = append(e.b, '"')
	e.b = appendTime(e.b, t)
	e.b = append(e.b, '"')
}

func (e *enc) items(list []Item) {
	if list == nil {
		e.b = append(e.b, "null"...)
		return
	}
	e.open('[')
	for _, it := range list {
		e.elem()
		e.open('{')
		e.key("id")
		e.str(it.ID)
		e.key("text")
		e.str(it.Text)
		e.close('}')
	}
	e.close(']')
}

func (e *enc) doc(d *Doc) {
	e.open('{')
	e.key("version")
	e.str(d.Version)
	e.key("id")
	e.str(d.ID)
	e.key("position")
	e.str(d.Position)
	e.key("purpose")
	e.str(d.Purpose)
	e.key("process")
	e.str(d.Process)
	e.key("objective")
	e.str(d.Objective)
	e.key("values")
	e.strs(d.Values)
	e.key("kpis")
	e.strs(d.KPIs)
	e.key("knowledge")
	e.items(d.Knowledge)
	e.key("skills")
	e.items(d.Skills)
	e.key("ideas")
	if d.Ideas == nil {
		e.b = append(e.b, "null"...)
	} else {
		e.open('[')
		for _, x := range d.Ideas {
			e.elem()
			e.open('{')
			e.key("id")
			e.str(x.ID)
			e.key("text")
			e.str(x.Text)
			if x.Source != "" {
				e.key("source")
				e.str(x.Source)
			}
			if x.Tag != "" {
				e.key("tag")
				e.str(x.Tag)
			}
			e.key("votes")
			e.b = strconv.AppendInt(e.b, int64(x.Votes), 10)
			if len(x.Met) > 0 {
				e.key("met")
				e.open('[')
				for _, m := range x.Met {
					e.elem()
					e.b = strconv.AppendInt(e.b, int64(m), 10)
				}
				e.close(']')
			}
			if x.Adopted {
				e.key("adopted")
				e.b = append(e.b, "true"...)
			}
			if x.MergedInto != "" {
				e.key("merged_into")
				e.str(x.MergedInto)
			}
			e.close('}')
		}
		e.close(']')
	}
	e.key("criteria")
	e.strs(d.Criteria)
	if len(d.Ladder) > 0 {
		e.key("ladder")
		e.strs(d.Ladder)
	}
	if len(d.Standards) > 0 {
		e.key("standards")
		e.open('[')
		for _, st := range d.Standards {
			e.elem()
			e.open('{')
			e.key("code")
			e.str(st.Code)
			if st.Item != "" {
				e.key("item")
				e.str(st.Item)
			}
			e.key("statement")
			e.str(st.Statement)
			for _, kv := range [][2]string{{"rationale", st.Rationale}, {"deviation", st.Deviation}} {
				if kv[1] != "" {
					e.key(kv[0])
					e.str(kv[1])
				}
			}
			e.close('}')
		}
		e.close(']')
	}
	e.key("phase")
	e.str(d.Phase.String())
	e.key("timer")
	e.open('{')
	e.key("length_seconds")
	e.b = strconv.AppendInt(e.b, d.Timer.LengthSeconds, 10)
	e.key("used_ms")
	e.b = strconv.AppendInt(e.b, d.Timer.UsedMillis, 10)
	e.key("running")
	e.b = strconv.AppendBool(e.b, d.Timer.Running)
	if !d.Timer.Started.IsZero() {
		e.key("started")
		e.time(d.Timer.Started)
	}
	e.close('}')
	e.key("seq")
	e.b = strconv.AppendInt(e.b, int64(d.Seq), 10)
	e.key("created")
	e.time(d.Created)
	e.key("updated")
	e.time(d.Updated)
	e.close('}')
}

// indent pretty-prints compact JSON with two spaces (as
// json.MarshalIndent(v, "", "  ") does).
func indent(src []byte) []byte {
	out := make([]byte, 0, len(src)+len(src)/4)
	depth := 0
	inStr := false
	nl := func() {
		out = append(out, '\n')
		for i := 0; i < depth; i++ {
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

// dec is a strict JSON reader over one document.
type dec struct {
	s    []byte
	i    int
	path []string
	err  error
}

func (d *dec) fail(msg string) { d.failErr(errors.New(msg)) }

// failErr records err at the current field path, unless a problem is
// already recorded.
func (d *dec) failErr(err error) {
	if d.err == nil {
		p := strings.Join(d.path, "")
		p = strings.TrimPrefix(p, ".")
		if p == "" {
			p = "(document)"
		}
		d.err = &FieldError{Path: p, Err: err}
	}
}

func (d *dec) syntax(msg string) {
	d.failErr(detail(ErrSyntax, msg+" at byte "+strconv.Itoa(d.i)))
}

type wrapErr struct {
	msg string
	err error
}

func (w *wrapErr) Error() string { return w.msg }
func (w *wrapErr) Unwrap() error { return w.err }

// detail is sentinel with more words ("sentinel: s"); it still matches
// sentinel with errors.Is.
func detail(sentinel error, s string) error {
	return &wrapErr{msg: sentinel.Error() + ": " + s, err: sentinel}
}

func (d *dec) ws() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// want reports that a value of kind was expected where something else
// stands: a syntax error when the input ends or cannot start any JSON
// value, a type error otherwise.
func (d *dec) want(kind string) {
	c := d.peek()
	switch {
	case c == 0:
		d.syntax("unexpected end of input")
	case strings.IndexByte("{[\"-0123456789tfn", c) < 0,
		c == 't' && !d.has("true"), c == 'f' && !d.has("false"), c == 'n' && !d.has("null"):
		d.syntax("unexpected " + strconv.QuoteRune(rune(c)))
	default:
		d.fail("want " + kind)
	}
}

// has reports whether word starts at the read position.
func (d *dec) has(word string) bool {
	return strings.HasPrefix(string(d.s[d.i:min(len(d.s), d.i+len(word))]), word)
}

func (d *dec) peek() byte {
	d.ws()
	if d.i >= len(d.s) {
		return 0
	}
	return d.s[d.i]
}

func (d *dec) lit(word string) bool {
	if d.has(word) {
		d.i += len(word)
		return true
	}
	return false
}

// null consumes a null and reports whether there was one.
func (d *dec) null() bool {
	if d.peek() == 'n' {
		if d.lit("null") {
			return true
		}
		d.syntax("bad literal")
	}
	return false
}

func (d *dec) str() string {
	if d.err != nil {
		return ""
	}
	if d.peek() != '"' {
		d.want("a string")
		return ""
	}
	d.i++
	var b []byte
	for {
		if d.i >= len(d.s) {
			d.syntax("unterminated string")
			return ""
		}
		c := d.s[d.i]
		switch {
		case c == '"':
			d.i++
			if !utf8.Valid(b) {
				return strings.ToValidUTF8(string(b), "\uFFFD")
			}
			return string(b)
		case c < 0x20:
			d.syntax("control character in string")
			return ""
		case c == '\\':
			d.i++
			if d.i >= len(d.s) {
				d.syntax("unterminated escape")
				return ""
			}
			e := d.s[d.i]
			d.i++
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r := d.hex4()
				if utf16.IsSurrogate(r) {
					r2 := rune(-1)
					if d.i+1 < len(d.s) && d.s[d.i] == '\\' && d.s[d.i+1] == 'u' {
						save := d.i
						d.i += 2
						r2 = d.hex4()
						if dr := utf16.DecodeRune(r, r2); dr != utf8.RuneError {
							r = dr
						} else {
							d.i = save
							r = utf8.RuneError
						}
					} else {
						r = utf8.RuneError
					}
				}
				b = utf8.AppendRune(b, r)
			default:
				d.syntax("bad escape")
				return ""
			}
		default:
			b = append(b, c)
			d.i++
		}
	}
}

func (d *dec) hex4() rune {
	if d.i+4 > len(d.s) {
		d.syntax("short \\u escape")
		return 0
	}
	v, err := strconv.ParseUint(string(d.s[d.i:d.i+4]), 16, 32)
	if err != nil {
		d.syntax("bad \\u escape")
		return 0
	}
	d.i += 4
	return rune(v)
}

func (d *dec) int() int64 {
	if d.err != nil {
		return 0
	}
	d.ws()
	start := d.i
	for d.i < len(d.s) && strings.IndexByte("+-0123456789.eE", d.s[d.i]) >= 0 {
		d.i++
	}
	if start == d.i {
		d.want("a number")
		return 0
	}
	v, err := strconv.ParseInt(string(d.s[start:d.i]), 10, 64)
	if err != nil {
		d.fail("want a whole number, got " + string(d.s[start:d.i]))
		return 0
	}
	return v
}

func (d *dec) bool() bool {
	switch d.peek() {
	case 't':
		if d.lit("true") {
			return true
		}
	case 'f':
		if d.lit("false") {
			return false
		}
	}
	d.want("true or false")
	return false
}

func (d *dec) time() time.Time {
	s := d.str()
	if d.err != nil {
		return time.Time{}
	}
	t, err := parseTime(s)
	if err != nil {
		d.fail("want an RFC 3339 time, got " + strconv.Quote(s))
	}
	return t
}

// object reads an object, calling field for each key; field returns false
// for an unknown key.
func (d *dec) object(field func(key string) bool) {
	if d.err != nil {
		return
	}
	if d.peek() != '{' {
		d.want("an object")
		return
	}
	d.i++
	seen := map[string]bool{}
	if d.peek() == '}' {
		d.i++
		return
	}
	for d.err == nil {
		k := d.str()
		if d.err != nil {
			return
		}
		if d.peek() != ':' {
			d.syntax("want ':'")
			return
		}
		d.i++
		d.path = append(d.path, "."+k)
		if seen[k] {
			d.fail("duplicate field")
			return
		}
		seen[k] = true
		if !field(k) {
			d.fail("unknown field")
			return
		}
		d.path = d.path[:len(d.path)-1]
		if d.err != nil {
			return
		}
		switch d.peek() {
		case ',':
			d.i++
		case '}':
			d.i++
			return
		default:
			d.syntax("want ',' or '}'")
			return
		}
	}
}

// array reads an array (or null), calling elem for each element.
func (d *dec) array(elem func(i int)) {
	if d.err != nil || d.null() {
		return
	}
	if d.peek() != '[' {
		d.want("an array")
		return
	}
	d.i++
	if d.peek() == ']' {
		d.i++
		return
	}
	for n := 0; d.err == nil; n++ {
		if n >= MaxItems {
			d.fail(ErrTooMany.Error())
			return
		}
		d.path = append(d.path, "["+strconv.Itoa(n)+"]")
		elem(n)
		d.path = d.path[:len(d.path)-1]
		if d.err != nil {
			return
		}
		switch d.peek() {
		case ',':
			d.i++
		case ']':
			d.i++
			return
		default:
			d.syntax("want ',' or ']'")
			return
		}
	}
}

// list decodes a JSON array with one() per element; null is a nil list.
func list[T any](d *dec, one func() T) []T {
	if d.peek() == 'n' {
		d.null()
		return nil
	}
	out := []T{}
	d.array(func(int) { out = append(out, one()) })
	return out
}

func (d *dec) strs() []string { return list(d, d.str) }

func (d *dec) items() []Item {
	return list(d, func() Item {
		var it Item
		d.object(func(k string) bool {
			switch k {
			case "id":
				it.ID = d.str()
			case "text":
				it.Text = d.str()
			default:
				return false
			}
			return true
		})
		return it
	})
}

func (d *dec) ideas() []Idea {
	return list(d, func() Idea {
		var x Idea
		d.object(func(k string) bool {
			switch k {
			case "id":
				x.ID = d.str()
			case "text":
				x.Text = d.str()
			case "source":
				x.Source = d.str()
			case "tag":
				x.Tag = d.str()
			case "votes":
				x.Votes = int(d.int())
			case "met":
				d.array(func(int) { x.Met = append(x.Met, int(d.int())) })
			case "adopted":
				x.Adopted = d.bool()
			case "merged_into":
				x.MergedInto = d.str()
			default:
				return false
			}
			return true
		})
		return x
	})
}

func (d *dec) doc(out *Doc) {
	d.object(func(k string) bool {
		switch k {
		case "version":
			out.Version = d.str()
			if d.err == nil && out.Version != Version {
				d.failErr(detail(ErrVersion, strconv.Quote(out.Version)+", want "+strconv.Quote(Version)))
			}
		case "id":
			out.ID = d.str()
		case "position":
			out.Position = d.str()
		case "purpose":
			out.Purpose = d.str()
		case "process":
			out.Process = d.str()
		case "objective":
			out.Objective = d.str()
		case "values":
			out.Values = d.strs()
		case "kpis":
			out.KPIs = d.strs()
		case "knowledge":
			out.Knowledge = d.items()
		case "skills":
			out.Skills = d.items()
		case "ideas":
			out.Ideas = d.ideas()
		case "criteria":
			out.Criteria = d.strs()
		case "ladder":
			out.Ladder = d.strs()
		case "standards":
			d.array(func(int) {
				var st Standard
				d.object(func(k string) bool {
					switch k {
					case "code":
						st.Code = d.str()
					case "item":
						st.Item = d.str()
					case "statement":
						st.Statement = d.str()
					case "rationale":
						st.Rationale = d.str()
					case "deviation":
						st.Deviation = d.str()
					default:
						return false
					}
					return true
				})
				out.Standards = append(out.Standards, st)
			})
		case "phase":
			s := d.str()
			if d.err == nil {
				if err := out.Phase.UnmarshalText([]byte(s)); err != nil {
					d.fail(err.Error())
				}
			}
		case "timer":
			d.object(func(k string) bool {
				switch k {
				case "length_seconds":
					out.Timer.LengthSeconds = d.int()
				case "used_ms":
					out.Timer.UsedMillis = d.int()
				case "running":
					out.Timer.Running = d.bool()
				case "started":
					out.Timer.Started = d.time()
				default:
					return false
				}
				return true
			})
		case "seq":
			out.Seq = int(d.int())
		case "created":
			out.Created = d.time()
		case "updated":
			out.Updated = d.time()
		default:
			return false
		}
		return true
	})
}

// UnmarshalJSON decodes strictly into d (see [Decode]).
func (d *Doc) UnmarshalJSON(b []byte) error {
	r := dec{s: b}
	var out Doc
	r.doc(&out)
	if r.err == nil {
		if r.ws(); r.i != len(r.s) {
			r.syntax("trailing data after the document")
		}
	}
	if r.err != nil {
		return r.err
	}
	*d = out
	return nil
}

// Decode reads one document strictly: malformed JSON, unknown or
// duplicate fields, wrong types, trailing data, a missing or different
// version, and invalid content are all errors naming the field path.
func Decode(data []byte) (*Doc, error) {
	var d Doc
	if err := d.UnmarshalJSON(data); err != nil {
		return nil, err
	}
	if d.Version == "" {
		return nil, &FieldError{Path: "version", Err: detail(ErrVersion, "missing, want "+strconv.Quote(Version))}
	}
	if err := d.Validate(); err != nil {
		return nil, err
	}
	return &d, nil
}
