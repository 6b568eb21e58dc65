package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DefaultMaxBody is the largest request body, in bytes, that the API reads
// when [Config].MaxBody is zero.
const DefaultMaxBody = 256 << 10

// maxDepth is the deepest nesting of arrays and objects a body may have.
const maxDepth = 32

// readBody reads and checks a JSON request body: media type (415), size
// (413), UTF-8 (400) and nesting depth (400). It returns the raw bytes.
func readBody(r *http.Request, limit int64) ([]byte, error) {
	// Most clients send exactly "application/json"; parsing it would only
	// allocate a parameter map to find no charset.
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		mt, params, err := mime.ParseMediaType(ct) // "" fails too
		if err != nil || mt != "application/json" {
			return nil, problem(http.StatusUnsupportedMediaType, TypeMediaType, "Content-Type must be application/json")
		}
		if cs, ok := params["charset"]; ok && !strings.EqualFold(cs, "utf-8") {
			return nil, problem(http.StatusUnsupportedMediaType, TypeMediaType, "the only charset accepted is utf-8")
		}
	}
	tooLarge := func() error {
		return problem(http.StatusRequestEntityTooLarge, TypeTooLarge,
			"the body is over the limit of "+strconv.FormatInt(limit, 10)+" bytes")
	}
	if r.ContentLength > limit {
		return nil, tooLarge()
	}
	if r.Body == nil {
		return nil, badRequest("the body is empty")
	}
	var body []byte
	var err error
	if n := r.ContentLength; n > 0 {
		// The length is known (a server's request body ends there): read
		// it into one buffer of that size rather than growing one.
		body = make([]byte, n)
		_, err = io.ReadFull(r.Body, body)
	} else {
		body, err = io.ReadAll(io.LimitReader(r.Body, limit+1))
	}
	if err != nil {
		return nil, badRequest("the body could not be read")
	}
	if int64(len(body)) > limit {
		return nil, tooLarge()
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, problem(http.StatusBadRequest, TypeInvalidJSON, "the body is empty")
	}
	if !utf8.Valid(body) {
		off := invalidUTF8Offset(body)
		return nil, problem(http.StatusBadRequest, TypeInvalidUTF8,
			"the body is not valid UTF-8 (first bad byte at offset "+strconv.Itoa(off)+")")
	}
	if d := depth(body); d > maxDepth {
		return nil, problem(http.StatusBadRequest, TypeInvalidJSON,
			fmt.Sprintf("the body nests arrays and objects %d deep, the limit is %d", d, maxDepth))
	}
	return body, nil
}

func invalidUTF8Offset(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// depth returns the deepest nesting of arrays and objects in b, ignoring
// brackets inside strings. It stops counting early once over the limit.
func depth(b []byte) int {
	d, max := 0, 0
	inStr, esc := false, false
	for _, c := range b {
		if inStr {
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			}
			continue
		}
		switch c {
		case '"':
			inStr = true
		case '[', '{':
			d++
			if d > max {
				max = d
				if max > maxDepth {
					return max
				}
			}
		case ']', '}':
			d--
		}
	}
	return max
}

// decodeStrict decodes body into v, rejecting unknown fields, trailing
// data and duplicate keys, and turns decoding errors into field paths.
func decodeStrict(body []byte, v any) error {
	if key, path := duplicateKey(body); key != "" {
		return problem(http.StatusBadRequest, TypeInvalidJSON, "a key appears twice",
			FieldError{Path: path, Message: "duplicate key " + strconv.Quote(key)})
	}
	t := reflect.TypeOf(v)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t != nil && t.Kind() == reflect.Struct {
		if b := bytes.TrimLeft(body, " \t\r\n"); len(b) > 0 && b[0] != '{' {
			return problem(http.StatusBadRequest, TypeInvalidJSON, "the body must be a JSON object")
		}
	}
	if fe := foldedKey(body, t); fe != nil {
		return problem(http.StatusBadRequest, TypeInvalidJSON, "a key differs from a field name only by case", *fe)
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonProblem(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return problem(http.StatusBadRequest, TypeInvalidJSON, "the body has data after the JSON value")
	}
	return nil
}

func jsonProblem(err error) *Problem {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return problem(http.StatusBadRequest, TypeInvalidJSON,
			fmt.Sprintf("the body is not valid JSON (offset %d)", syn.Offset))
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return problem(http.StatusBadRequest, TypeInvalidJSON, "the body is not valid JSON (it ends too soon)")
	case errors.As(err, &typ):
		return problem(http.StatusBadRequest, TypeInvalidJSON, "a field has the wrong type",
			FieldError{Path: typ.Field, Message: "expected " + typ.Type.String() + ", got " + typ.Value})
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		name, _ = strconv.Unquote(name)
		return problem(http.StatusBadRequest, TypeInvalidJSON, "the body has a field this route does not know",
			FieldError{Path: name, Message: "unknown field"})
	}
	// Errors from a type's UnmarshalJSON / UnmarshalText (bad enum names,
	// wrong document version): one clear sentence, path when it has one.
	msg = strings.TrimPrefix(msg, "json: ")
	return problem(http.StatusBadRequest, TypeInvalidJSON, "a value could not be decoded", splitPath("", msg))
}

// duplicateKey reports the first object key that appears twice in the
// same object, with its path, or "" when there is none. Invalid JSON is
// left for the decoder to report.
func duplicateKey(body []byte) (key, path string) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var stack []*jsonFrame
	for {
		tok, err := dec.Token()
		if err != nil {
			return "", ""
		}
		var top *jsonFrame
		if n := len(stack); n > 0 {
			top = stack[n-1]
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			if len(stack) == 0 {
				return "", ""
			}
			stack[len(stack)-1].next()
			continue
		}
		if top != nil && top.obj && top.wantKey {
			k, _ := tok.(string)
			if _, dup := top.keys[k]; dup {
				return k, joinPath(top.path, k)
			}
			top.keys[k] = struct{}{}
			top.wantKey = false
			top.key = k
			continue
		}
		here := ""
		if top != nil {
			here = top.child()
		}
		if d, ok := tok.(json.Delim); ok {
			f := &jsonFrame{obj: d == '{', path: here, wantKey: d == '{'}
			if f.obj {
				f.keys = map[string]struct{}{}
			}
			stack = append(stack, f)
			continue
		}
		if top == nil {
			return "", ""
		}
		top.next()
	}
}

// jsonFrame is one open array or object while scanning for duplicate keys.
type jsonFrame struct {
	obj     bool
	keys    map[string]struct{}
	path    string
	key     string // object: the key whose value comes next
	idx     int    // array: index of the next element
	wantKey bool
}

func (f *jsonFrame) child() string {
	if f.obj {
		return joinPath(f.path, f.key)
	}
	return f.path + "[" + strconv.Itoa(f.idx) + "]"
}

// next moves past one finished value.
func (f *jsonFrame) next() {
	if f.obj {
		f.wantKey = true
	} else {
		f.idx++
	}
}

// foldedKey finds the first object key of body that encoding/json would
// match to a field of t only by ignoring case ({"ID": ...} for a field
// tagged "id"), which would get round the duplicate-key check. Keys are
// case-sensitive here: such a key is an error naming its path. Unknown
// keys are left to the decoder.
func foldedKey(body []byte, t reflect.Type) *FieldError {
	var v any
	if t == nil || json.Unmarshal(body, &v) != nil {
		return nil
	}
	return foldedIn(v, t, "")
}

func foldedIn(v any, t reflect.Type, path string) *FieldError {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == reflect.TypeFor[json.RawMessage]() { // decoded, and checked, on its own later
		return nil
	}
	switch x := v.(type) {
	case []any:
		if t.Kind() != reflect.Slice && t.Kind() != reflect.Array {
			return nil
		}
		for i, e := range x {
			if fe := foldedIn(e, t.Elem(), path+"["+strconv.Itoa(i)+"]"); fe != nil {
				return fe
			}
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		switch t.Kind() {
		case reflect.Map:
			for _, k := range keys {
				if fe := foldedIn(x[k], t.Elem(), joinPath(path, k)); fe != nil {
					return fe
				}
			}
		case reflect.Struct:
			fields := jsonFields(t)
			for _, k := range keys {
				if ft, ok := fields[k]; ok {
					if fe := foldedIn(x[k], ft, joinPath(path, k)); fe != nil {
						return fe
					}
					continue
				}
				for name := range fields {
					if strings.EqualFold(name, k) {
						return &FieldError{Path: joinPath(path, k), Message: "keys are case-sensitive: did you mean " + strconv.Quote(name) + "?"}
					}
				}
			}
		}
	}
	return nil
}

// jsonFields maps the JSON names of t's fields (embedded structs' too) to
// their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				for k, v := range jsonFields(ft) {
					out[k] = v
				}
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[name] = f.Type
	}
	return out
}
