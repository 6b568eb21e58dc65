package e2e

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/wasm/api/apitest"
	"github.com/purposefulcx/purposeful/wasm/course"
)

// workerModules is the absolute path of the worker's npm packages
// (.ci/setup-worker.sh): the xapi-statements LRS and the xAPI validator.
func workerModules() string {
	p, _ := filepath.Abs(filepath.Join("..", "..", "worker", "node_modules"))
	return p
}

// cmi5LMS is a small cmi5 LMS: it registers a learner for the course's
// AU, writes LMS.LaunchData, hands out the launch URL, answers the fetch
// URL once with an auth token, and passes the AU's xAPI requests to the
// LRS when they carry that token.
type cmi5LMS struct {
	lrs          *apitest.LRS
	base         string // the LMS's own URL (set once it serves)
	registration string
	session      string
	actor        map[string]any
	au           string
	token        string
	fetched      atomic.Int32
	down         atomic.Bool
	mu           sync.Mutex
	rejected     []string          // requests refused for a wrong token
	docs         map[string][]byte // state and agent profile documents
	sent         [][]byte          // statements the LRS took, as the AU sent them
}

// statusWriter remembers the status of a response.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

const lrsAuth = "test:test"

// registrations numbers the test LMS's registrations, so tests sharing an
// LRS never see each other's statements.
var registrations atomic.Int64

func newCMI5LMS(t *testing.T, l *apitest.LRS, c course.Course) *cmi5LMS {
	n := registrations.Add(1)
	return &cmi5LMS{lrs: l, registration: fmt.Sprintf("6f1d0c2e-8a55-4b7e-9c41-%012d", n), session: fmt.Sprintf("b2c3d4e5-f6a7-4b8c-9d0e-%012d", n),
		actor: map[string]any{"objectType": "Agent", "account": map[string]any{"homePage": "https://lms.example.com", "name": "learner-1"}},
		au:    c.AUID(), token: base64.StdEncoding.EncodeToString([]byte(lrsAuth)), docs: map[string][]byte{}}
}

// outage makes the LMS's xAPI endpoint and its LRS drop every request
// (503) until outage(false).
func (m *cmi5LMS) outage(on bool) {
	m.down.Store(on)
	if on {
		m.lrs.Down()
	} else {
		m.lrs.Up()
	}
}

// document serves the xAPI State and Agent Profile resources (the LMS
// keeps them; xapi-statements stores statements only).
func (m *cmi5LMS) document(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	key := r.URL.Path + "|" + q.Get("stateId") + q.Get("profileId") + "|" + q.Get("activityId") + "|" + q.Get("agent") + "|" + q.Get("registration")
	m.mu.Lock()
	defer m.mu.Unlock()
	switch r.Method {
	case http.MethodGet:
		b, ok := m.docs[key]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(b)
	case http.MethodPut, http.MethodPost:
		b, err := io.ReadAll(r.Body)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		m.docs[key] = b
		w.WriteHeader(http.StatusNoContent)
	default:
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

// handlers serves the fetch URL at /fetch and the LRS at /xapi/.
func (m *cmi5LMS) handlers() map[string]http.Handler {
	target, _ := url.Parse(m.lrs.URL)
	proxy := httputil.NewSingleHostReverseProxy(&url.URL{Scheme: target.Scheme, Host: target.Host})
	return map[string]http.Handler{
		"/fetch": http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			if r.Method != http.MethodPost {
				http.Error(w, "POST only", http.StatusMethodNotAllowed)
				return
			}
			if m.fetched.Add(1) > 1 {
				// cmi5: the fetch URL answers once.
				fmt.Fprint(w, `{"error-code":"1","error-text":"already in use"}`)
				return
			}
			fmt.Fprintf(w, `{"auth-token":%q}`, m.token)
		}),
		"/xapi/": http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if m.down.Load() {
				http.Error(w, "LMS down for the test", http.StatusServiceUnavailable)
				return
			}
			if r.Header.Get("Authorization") != "Basic "+m.token {
				m.mu.Lock()
				m.rejected = append(m.rejected, r.Method+" "+r.URL.Path)
				m.mu.Unlock()
				http.Error(w, "wrong token", http.StatusUnauthorized)
				return
			}
			if r.URL.Path == "/xapi/activities/state" || r.URL.Path == "/xapi/agents/profile" {
				m.document(w, r)
				return
			}
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			r.URL.Path = "/xAPI/" + strings.TrimPrefix(r.URL.Path, "/xapi/")
			sw := &statusWriter{ResponseWriter: w}
			proxy.ServeHTTP(sw, r)
			if r.Method == http.MethodPut && strings.HasSuffix(r.URL.Path, "/statements") && sw.status/100 == 2 {
				m.mu.Lock()
				m.sent = append(m.sent, body)
				m.mu.Unlock()
			}
		}),
	}
}

// register writes LMS.LaunchData and the learner's preferences into the
// LRS, as an LMS does before a launch.
func (m *cmi5LMS) register(t *testing.T, moveOn string, mastery *float64) {
	m.registerMode(t, moveOn, "Normal", mastery)
}

// registerMode is register with a launch mode (Normal, Browse, Review).
func (m *cmi5LMS) registerMode(t *testing.T, moveOn, mode string, mastery *float64) {
	t.Helper()
	data := map[string]any{
		"contextTemplate": map[string]any{
			"contextActivities": map[string]any{"grouping": []any{map[string]any{"id": "https://lms.example.com/course/1", "objectType": "Activity"}}},
			"extensions":        map[string]any{"https://w3id.org/xapi/cmi5/context/extensions/sessionid": m.session},
		},
		"launchMode": mode, "moveOn": moveOn, "returnURL": m.base + "/host/returned.html",
	}
	if mastery != nil {
		data["masteryScore"] = *mastery
	}
	m.direct(t, http.MethodPut, "activities/state", url.Values{"stateId": {"LMS.LaunchData"}, "activityId": {m.au},
		"agent": {m.actorJSON(t)}, "registration": {m.registration}}, data)
	m.direct(t, http.MethodPut, "agents/profile", url.Values{"profileId": {"cmi5LearnerPreferences"}, "agent": {m.actorJSON(t)}},
		map[string]any{"languagePreference": "en-GB", "audioPreference": "off"})
}

func (m *cmi5LMS) actorJSON(t *testing.T) string { return jsonOf(t, m.actor) }

// direct stores a document as the LMS.
func (m *cmi5LMS) direct(t *testing.T, method, path string, q url.Values, doc any) {
	t.Helper()
	b, err := json.Marshal(doc)
	require.NoError(t, err)
	r := httptest.NewRequest(method, "/xapi/"+path+"?"+q.Encode(), bytes.NewReader(b))
	w := httptest.NewRecorder()
	m.document(w, r)
	require.Equal(t, http.StatusNoContent, w.Code, "%s %s", method, path)
}

// launchQuery is the query of the AU's launch URL.
func (m *cmi5LMS) launchQuery(t *testing.T) string {
	return url.Values{"endpoint": {m.base + "/xapi/"}, "fetch": {m.base + "/fetch?s=" + m.session}, "actor": {m.actorJSON(t)},
		"registration": {m.registration}, "activityId": {m.au}}.Encode()
}

// statements returns the statements the AU sent that the LRS took, in
// order, each once (a retry of a statement the LRS already has is not
// counted again), and checks that the LRS stores each exactly once.
func (m *cmi5LMS) statements(t *testing.T) []map[string]any {
	t.Helper()
	m.mu.Lock()
	sent := append([][]byte(nil), m.sent...)
	m.mu.Unlock()
	seen := map[string]bool{}
	var out []map[string]any
	for _, b := range sent {
		var s map[string]any
		require.NoError(t, json.Unmarshal(b, &s))
		id, _ := s["id"].(string)
		if !seen[id] {
			seen[id] = true
			out = append(out, s)
		}
	}
	return out
}

// stored checks that the LRS holds each statement once.
func (m *cmi5LMS) stored(t *testing.T, ss []map[string]any) {
	t.Helper()
	n := map[string]int{}
	for _, s := range m.lrs.Statements(t) {
		id, _ := s["id"].(string)
		n[id]++
	}
	for _, s := range ss {
		assert.Equal(t, 1, n[s["id"].(string)], "the LRS stores %s (%s) once", s["id"], verbOf(s))
	}
}

func verbOf(s map[string]any) string {
	v, _ := s["verb"].(map[string]any)
	id, _ := v["id"].(string)
	return strings.TrimPrefix(id, "http://adlnet.gov/expapi/verbs/")
}

// checkCMI5 checks the cmi5 rules on the statements of a session and
// returns their verbs in order: initialized first and terminated last,
// at most one of passed and failed, each with the registration, the
// session id and the cmi5 category, completed, passed and failed with
// the moveon category, scores with scaled, no version field, and every
// statement valid xAPI.
func (m *cmi5LMS) checkCMI5(t *testing.T, ss []map[string]any, mastery *float64) []string {
	t.Helper()
	var verbs []string
	judged := 0
	for i, s := range ss {
		v := verbOf(s)
		verbs = append(verbs, v)
		if v == "initialized" {
			judged = 0
		}
		assert.NotContains(t, s, "version", "statement %d (%s) carries no version", i, v)
		ctx, _ := s["context"].(map[string]any)
		require.NotNil(t, ctx, "statement %d has a context", i)
		assert.Equal(t, m.registration, ctx["registration"])
		ext, _ := ctx["extensions"].(map[string]any)
		assert.Equal(t, m.session, ext["https://w3id.org/xapi/cmi5/context/extensions/sessionid"], "statement %d (%s) has the session id", i, v)
		acts, _ := ctx["contextActivities"].(map[string]any)
		cats := jsonOf(t, acts["category"])
		assert.Contains(t, cats, "https://w3id.org/xapi/cmi5/context/categories/cmi5", "statement %d (%s) is in the cmi5 category", i, v)
		assert.Contains(t, jsonOf(t, acts["grouping"]), "https://lms.example.com/course/1", "the context template is kept")
		obj, _ := s["object"].(map[string]any)
		assert.Equal(t, m.au, obj["id"])
		res, _ := s["result"].(map[string]any)
		switch v {
		case "completed", "passed", "failed":
			assert.Contains(t, cats, "https://w3id.org/xapi/cmi5/context/categories/moveon", "%s is in the moveon category", v)
		}
		switch v {
		case "completed":
			assert.Equal(t, true, res["completion"])
			assert.NotContains(t, res, "success")
		case "passed", "failed":
			judged++
			assert.Equal(t, 1, judged, "at most one of passed and failed in a session")
			assert.Equal(t, v == "passed", res["success"])
			score, _ := res["score"].(map[string]any)
			require.Contains(t, score, "scaled")
			if mastery != nil {
				assert.Equal(t, *mastery, ext["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"])
				if v == "passed" {
					assert.GreaterOrEqual(t, score["scaled"], *mastery)
				} else {
					assert.Less(t, score["scaled"], *mastery)
				}
			}
		case "terminated":
			assert.Contains(t, res, "duration")
		}
	}
	require.NotEmpty(t, verbs)
	assert.Equal(t, "initialized", verbs[0], "initialized first")
	assert.Equal(t, "terminated", verbs[len(verbs)-1], "terminated last")
	m.stored(t, ss)
	apitest.ValidateStatements(t, workerModules(), ss)
	m.mu.Lock()
	assert.Empty(t, m.rejected, "every xAPI request carried the token from the fetch URL")
	m.mu.Unlock()
	assert.Equal(t, int32(1), m.fetched.Load(), "the fetch URL was called once")
	return verbs
}
