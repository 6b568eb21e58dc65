package api

import (
	"crypto/rand"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// handler is the API. Build it with [New].
type handler struct {
	cfg    Config
	routes []route
	// sessions keeps the folded sessions of the workshops in use, each
	// with the lock that serialises this process's appends to it. The
	// cache is bounded, so a long-lived process (the server, a kept
	// worker instance) holds a fixed number of them; across processes the
	// store's guard keeps appends consistent.
	sessions sessionCache
}

// New returns the API handler for cfg. Building it does no work beyond
// copying cfg (routes are plain data), so a new worker instance starts
// serving at once; the handler is then kept for the instance's life.
func New(cfg Config) http.Handler {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	cfg.defaults()
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	return &handler{cfg: cfg, routes: routeTable()}
}

func (h *handler) random() io.Reader {
	if h.cfg.Random != nil {
		return h.cfg.Random
	}
	return rand.Reader
}

func (h *handler) now() int64 { return h.cfg.Now().UnixMilli() }

// call is one request on its way through a route.
type call struct {
	h      *handler
	w      http.ResponseWriter
	r      *http.Request
	params [2]string // path parameters in order of appearance
	who    principal
}

// statusWriter remembers the status for the log line.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	return s.ResponseWriter.Write(b)
}

// ServeHTTP routes a request.
func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// The clock only for the log line: on Workers each reading is two
	// calls out to JS.
	var start time.Time
	if h.cfg.Logger != nil {
		start = time.Now()
	}
	sw := &statusWriter{ResponseWriter: w}
	defer func() {
		// A bug must not take the instance down with it (on Workers that
		// turns into a hung request): answer 500 and log the route only.
		if v := recover(); v != nil {
			if h.cfg.Logger != nil {
				h.cfg.Logger.ErrorContext(r.Context(), "panic", "path", r.URL.Path)
			}
			if sw.status == 0 {
				writeProblem(sw, problem(http.StatusInternalServerError, TypeInternal, ""))
			}
		}
	}()
	pattern := h.serve(sw, r)
	if h.cfg.Logger != nil {
		// Only the route pattern: paths hold ids, and nothing here may leak
		// a secret (tokens travel in headers, which are never logged).
		h.cfg.Logger.InfoContext(r.Context(), "request",
			"method", r.Method, "route", pattern,
			"status", sw.status, "took", time.Since(start))
	}
}

func (h *handler) serve(w http.ResponseWriter, r *http.Request) string {
	if !h.hostAllowed(r.Host) {
		writeProblem(w, problem(http.StatusMisdirectedRequest, TypeHost, "this server does not answer for that host name"))
		return "host"
	}
	path := r.URL.EscapedPath()
	if !strings.HasPrefix(path, "/v1/") && path != "/v1" {
		if h.cfg.Pages != nil {
			h.cfg.Pages.ServeHTTP(w, r)
			return "pages"
		}
		writeProblem(w, notFound("no such route"))
		return "unknown"
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if !h.cors(w, r) && !ltiCrossSite(r) {
		writeProblem(w, forbidden("this origin may not call the API"))
		return "cors"
	}
	rt, params, allowed := h.match(r.Method, path)
	if rt == nil {
		if r.Method == http.MethodOptions && len(allowed) > 0 {
			h.preflight(w, allowed)
			return "preflight"
		}
		if len(allowed) > 0 {
			w.Header().Set("Allow", strings.Join(allowed, ", "))
			writeProblem(w, problem(http.StatusMethodNotAllowed, TypeMethod,
				"this route accepts "+strings.Join(allowed, ", ")))
			return "405"
		}
		writeProblem(w, notFound("no such route"))
		return "unknown"
	}
	c := &call{h: h, w: w, r: r, params: params}
	if err := c.authenticate(rt.auth); err != nil {
		writeProblem(w, asProblem(err))
		return rt.pattern
	}
	if err := rt.handle(c); err != nil {
		p := asProblem(err)
		if p.Status >= 500 && h.cfg.Logger != nil {
			h.cfg.Logger.ErrorContext(r.Context(), "handler error",
				"route", rt.pattern, "error", err.Error())
		}
		writeProblem(w, p)
	}
	return rt.pattern
}

// match finds the route for method and path. When the path exists with
// other methods, it returns them in allowed.
func (h *handler) match(method, path string) (*route, [2]string, []string) {
	var allowed []string
	for i := range h.routes {
		rt := &h.routes[i]
		params, ok := matchPattern(rt.pattern, path)
		if !ok {
			continue
		}
		if rt.method == method || (method == http.MethodHead && rt.method == http.MethodGet) {
			return rt, params, nil
		}
		allowed = append(allowed, rt.method)
	}
	return nil, [2]string{}, allowed
}

// matchPattern matches "/v1/workshops/{id}/events" against an escaped
// path. Parameters must be non-empty and are unescaped.
func matchPattern(pattern, path string) ([2]string, bool) {
	var params [2]string
	n := 0
	for {
		ps, prest, pmore := strings.Cut(pattern, "/")
		xs, xrest, xmore := strings.Cut(path, "/")
		if pmore != xmore {
			return params, false
		}
		if strings.HasPrefix(ps, "{") {
			v, err := url.PathUnescape(xs)
			if xs == "" || err != nil || n >= len(params) {
				return params, false
			}
			params[n] = v
			n++
		} else if ps != xs {
			return params, false
		}
		if !pmore {
			return params, true
		}
		pattern, path = prest, xrest
	}
}

// cors sets the CORS answer headers and reports whether the origin may
// call the API. Requests without Origin (servers, curl) always may.
func (h *handler) cors(w http.ResponseWriter, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	w.Header().Add("Vary", "Origin")
	ok := false
	if u, err := url.Parse(origin); err == nil && u.Host == r.Host {
		ok = true // same origin
	}
	for _, o := range h.cfg.AllowedOrigins {
		if o == "*" || strings.EqualFold(o, origin) {
			ok = true
		}
	}
	if ok {
		w.Header().Set("Access-Control-Allow-Origin", origin)
		w.Header().Set("Access-Control-Expose-Headers", "Location")
	}
	return ok
}

func (h *handler) preflight(w http.ResponseWriter, allowed []string) {
	hd := w.Header()
	hd.Set("Access-Control-Allow-Methods", strings.Join(allowed, ", "))
	hd.Set("Access-Control-Allow-Headers", "Authorization, Content-Type")
	hd.Set("Access-Control-Max-Age", "600")
	w.WriteHeader(http.StatusNoContent)
}

// writeJSON answers with v as JSON.
func (c *call) writeJSON(status int, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return c.writeRaw(status, "application/json", b)
}

// writeRaw answers with body of the given media type.
func (c *call) writeRaw(status int, contentType string, body []byte) error {
	hd := c.w.Header()
	hd.Set("Content-Type", contentType)
	hd.Set("Cache-Control", "no-store")
	c.w.WriteHeader(status)
	if c.r.Method != http.MethodHead {
		c.w.Write(body)
	}
	return nil
}

// decode reads and strictly decodes the JSON body into v.
func (c *call) decode(v any) error {
	body, err := readBody(c.r, c.h.cfg.MaxBody)
	if err != nil {
		return err
	}
	return decodeStrict(body, v)
}

// rawBody reads the JSON body and checks it as strictly as decode does,
// for the domain decoders that take the bytes themselves.
func (c *call) rawBody() ([]byte, error) {
	body, err := readBody(c.r, c.h.cfg.MaxBody)
	if err != nil {
		return nil, err
	}
	if err := decodeStrict(body, new(json.RawMessage)); err != nil {
		return nil, err
	}
	return body, nil
}

// hostAllowed reports whether the server answers for host (Config.
// AllowedHosts; any when empty). A DNS-rebound name is refused, so a page
// on another site cannot reach a server on loopback or the LAN through it.
func (h *handler) hostAllowed(host string) bool {
	if len(h.cfg.AllowedHosts) == 0 {
		return true
	}
	for _, a := range h.cfg.AllowedHosts {
		if strings.EqualFold(a, host) {
			return true
		}
	}
	return false
}
