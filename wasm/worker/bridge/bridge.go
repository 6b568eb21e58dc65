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
	r, err := http.NewRequestWithContext(ctx, req.Method, req.URL, bytes.NewReader(req.Body))
	if err != nil {
		return Problem(http.StatusBadRequest, api.TypeValidation, "the request could not be read: "+err.Error())
	}
	parseHeader(r.Header, req.Header)
	r.RequestURI = r.URL.RequestURI()
	w := &recorder{header: http.Header{}}
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

// parseHeader adds the "name: value" lines of s to h.
func parseHeader(h http.Header, s string) {
	for s != "" {
		line, rest, _ := strings.Cut(s, "\n")
		s = rest
		if name, value, ok := strings.Cut(line, ":"); ok && name != "" {
			h.Add(name, strings.TrimSpace(value))
		}
	}
}

// formatHeader writes h as "name: value" lines; a line break inside a
// value (which HTTP cannot carry) becomes a space.
func formatHeader(h http.Header) string {
	var b strings.Builder
	for name, values := range h {
		for _, v := range values {
			b.WriteString(name)
			b.WriteString(": ")
			b.WriteString(strings.Map(func(r rune) rune {
				if r == '\r' || r == '\n' {
					return ' '
				}
				return r
			}, v))
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// recorder buffers a handler's answer.
type recorder struct {
	header http.Header
	sent   http.Header // header as it was when the status was set
	status int
	body   bytes.Buffer
}

func (w *recorder) Header() http.Header { return w.header }

func (w *recorder) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
		w.sent = w.header.Clone()
	}
}

func (w *recorder) Write(b []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	return w.body.Write(b)
}

func (w *recorder) response() Response {
	w.WriteHeader(http.StatusOK)
	return Response{Status: w.status, Header: formatHeader(w.sent), Body: w.body.Bytes()}
}
