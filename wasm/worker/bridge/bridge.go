// Package bridge runs one buffered HTTP exchange through an [http.Handler]:
// the worker's JS glue hands it a request as plain values (method, URL,
// header lines, body bytes) and gets back a status, header lines and the
// whole body. It is plain Go, so it builds and tests natively; the worker's
// js/wasm side only copies the values across.
//
// Why not syumai/workers' own request handling: it was made for one
// request per Go instance. A second request on the same instance panics
// (a channel closed twice), and each response keeps a stream pull and a
// cancel callback alive (about 16 KB each), so an instance kept for the
// isolate's life would grow until it is killed. The worker keeps its
// instances, so it uses this bridge for requests and syumai/workers for
// the runtime shim and the environment (its D1 driver leaks in the same
// way, so the worker has its own, d1.go).
//
//	res := bridge.Serve(ctx, h, bridge.Request{Method: "GET", URL: "https://x/v1/health"})
//	// res.Status, res.Header ("name: value" lines), res.Body
package bridge

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/purposefulcx/purposeful/wasm/api"
)

// Request is what the glue passes in.
type Request struct {
	Method string
	URL    string // absolute
	// Header holds one "name: value" line per value, each ended by "\n".
	Header string
	Body   []byte
}

// Response is what goes back out.
type Response struct {
	Status int
	// Header holds one "name: value" line per value, each ended by "\n".
	Header string
	Body   []byte
}

// Serve runs req through h and returns the buffered answer. A panic in h
// ends only this request: it answers 500 with a problem document (unless h
// had already sent its status, which then stands with the body so far).
// The request's context ends when Serve returns.
func Serve(ctx context.Context, h http.Handler, req Request) (res Response) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	r, err := http.NewRequestWithContext(ctx, req.Method, req.URL, nil)
	if err != nil {
		return Problem(http.StatusBadRequest, api.TypeValidation, "the request could not be read: "+err.Error())
	}
	// The body and header are set here rather than by NewRequest, which
	// would wrap the body three times over (reader, closer, GetBody) and
	// grow its header map line by line: allocations are most of what a
	// request costs while a new instance still runs baseline code.
	r.Body = http.NoBody
	if len(req.Body) > 0 {
		r.Body = &body{Reader: *bytes.NewReader(req.Body)}
		r.ContentLength = int64(len(req.Body))
	}
	r.Header = parseHeader(req.Header)
	r.RequestURI = r.URL.RequestURI()
	w := &recorder{header: make(http.Header, 8)}
	defer func() {
		if v := recover(); v != nil {
			println("worker: panic serving", req.Method, r.URL.Path)
			if w.status == 0 {
				res = Problem(http.StatusInternalServerError, api.TypeInternal, "")
				return
			}
			res = w.response()
		}
	}()
	h.ServeHTTP(w, r)
	return w.response()
}

// body is a request body read from memory.
type body struct{ bytes.Reader }

func (*body) Close() error { return nil }

// Problem is an answer holding a problem document.
func Problem(status int, typ, detail string) Response {
	w := &recorder{header: http.Header{}}
	WriteProblem(w, status, typ, detail)
	return w.response()
}

// WriteProblem answers with a problem document.
func WriteProblem(w http.ResponseWriter, status int, typ, detail string) {
	b, _ := json.Marshal(api.Problem{Type: typ, Title: http.StatusText(status), Status: status, Detail: detail})
	w.Header().Set("Content-Type", api.ProblemContentType)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
}

// parseHeader reads the "name: value" lines of s into a header, with
// names in canonical form as net/http's server gives them. It costs a few
// allocations whatever the number of lines: the names are canonicalised in
// one copy of s, and each name's values share one backing array.
func parseHeader(s string) http.Header {
	n := strings.Count(s, "\n") + 1
	h := make(http.Header, n)
	if s == "" {
		return h
	}
	values := make([]string, 0, n)
	b := []byte(s)
	for i := 0; i < len(b); {
		end := bytes.IndexByte(b[i:], '\n')
		if end < 0 {
			end = len(b)
		} else {
			end += i
		}
		if c := bytes.IndexByte(b[i:end], ':'); c > 0 {
			canonicalKey(b[i : i+c])
		}
		i = end + 1
	}
	s = string(b)
	for s != "" {
		line, rest, _ := strings.Cut(s, "\n")
		s = rest
		name, value, ok := strings.Cut(line, ":")
		if !ok || name == "" {
			continue
		}
		values = append(values, strings.TrimSpace(value))
		if vs, ok := h[name]; ok {
			h[name] = append(vs, values[len(values)-1])
		} else {
			h[name] = values[len(values)-1 : len(values) : len(values)]
		}
	}
	return h
}

// canonicalKey puts the header name k in the form
// [textproto.CanonicalMIMEHeaderKey] gives it, in place: a name holding a
// byte that is not a token character stays as it is.
func canonicalKey(k []byte) {
	for _, c := range k {
		if !isTokenByte(c) {
			return
		}
	}
	upper := true
	for i, c := range k {
		if upper && 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		} else if !upper && 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		k[i] = c
		upper = c == '-'
	}
}

// isTokenByte reports whether c may appear in a header name (RFC 9110's
// tchar), as net/textproto decides it.
func isTokenByte(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0
}

// formatHeader writes h as "name: value" lines; a line break inside a
// value (which HTTP cannot carry) becomes a space.
func formatHeader(h http.Header) string {
	size := 0
	for name, values := range h {
		for _, v := range values {
			size += len(name) + len(v) + 3
		}
	}
	var b strings.Builder
	b.Grow(size)
	for name, values := range h {
		for _, v := range values {
			b.WriteString(name)
			b.WriteString(": ")
			if strings.ContainsAny(v, "\r\n") {
				v = strings.Map(func(r rune) rune {
					if r == '\r' || r == '\n' {
						return ' '
					}
					return r
				}, v)
			}
			b.WriteString(v)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// recorder buffers a handler's answer.
type recorder struct {
	header http.Header
	sent   string // header lines as they were when the status was set
	status int
	body   bytes.Buffer
}

func (w *recorder) Header() http.Header { return w.header }

func (w *recorder) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
		w.sent = formatHeader(w.header)
	}
}

func (w *recorder) Write(b []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return w.body.Write(b)
}

func (w *recorder) response() Response {
	w.WriteHeader(http.StatusOK)
	return Response{Status: w.status, Header: w.sent, Body: w.body.Bytes()}
}
