// Package apitest is the HTTP test suite of the Purposeful API. It takes a
// base URL, so the same checks run natively against httptest + SQLite (in
// `go test ./...`) and against the real worker under `wrangler dev`.
package apitest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Target is a running API to test.
type Target struct {
	// BaseURL of the API, without a trailing slash ("http://127.0.0.1:8787").
	BaseURL string
	// OrgKey and OtherOrgKey are API keys of two different organisations.
	OrgKey, OtherOrgKey string
	// ClientIPHeader is the header the server reads the client's address
	// from (so tests can act as different clients), or "".
	ClientIPHeader string
	// Rows, when set, counts the rows of the stored tables (workshops,
	// tokens, events, statements), for "nothing stored" checks.
	Rows func(t *testing.T) int
	// Transport carries every request of the suite, the load and the soak
	// (nil: http.DefaultTransport, and for the soak a transport of its own
	// that keeps a connection per sender).
	Transport http.RoundTripper
}

func (tg *Target) client() *http.Client {
	return &http.Client{Timeout: 30 * time.Second, Transport: tg.Transport}
}

// req is one request of the suite.
type req struct {
	method string
	path   string
	auth   string            // Bearer credential
	ctype  string            // Content-Type; "-" for none, "" for application/json when a body is sent
	body   []byte            // nil: no body
	header map[string]string // more headers
}

type resp struct {
	status int
	header http.Header
	body   []byte
}

func (r resp) json(t *testing.T, v any) {
	t.Helper()
	require.NoError(t, json.Unmarshal(r.body, v), "body: %s", r.body)
}

func (tg *Target) do(t *testing.T, q req) resp {
	t.Helper()
	var body io.Reader
	if q.body != nil {
		body = bytes.NewReader(q.body)
	}
	hr, err := http.NewRequest(q.method, tg.BaseURL+q.path, body)
	require.NoError(t, err)
	switch {
	case q.ctype == "-":
	case q.ctype != "":
		hr.Header.Set("Content-Type", q.ctype)
	case q.body != nil:
		hr.Header.Set("Content-Type", "application/json")
	}
	if q.auth != "" {
		hr.Header.Set("Authorization", "Bearer "+q.auth)
	}
	for k, v := range q.header {
		hr.Header.Set(k, v)
	}
	res, err := tg.client().Do(hr)
	require.NoError(t, err, "%s %s", q.method, q.path)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return resp{status: res.StatusCode, header: res.Header, body: b}
}

// mustJSON marshals v.
func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

// problemDoc is an RFC 9457 body.
type problemDoc struct {
	Type   string `json:"type"`
	Title  string `json:"title"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
	Errors []struct {
		Path    string `json:"path"`
		Message string `json:"message"`
	} `json:"errors"`
}

// requireProblem checks that r is a problem document with that status and
// returns it.
func requireProblem(t *testing.T, r resp, status int) problemDoc {
	t.Helper()
	require.Equal(t, status, r.status, "body: %s", r.body)
	assert.True(t, strings.HasPrefix(r.header.Get("Content-Type"), "application/problem+json"),
		"content type %q", r.header.Get("Content-Type"))
	var p problemDoc
	require.NoError(t, json.Unmarshal(r.body, &p), "body: %s", r.body)
	assert.Equal(t, status, p.Status)
	assert.NotEmpty(t, p.Type)
	assert.NotEmpty(t, p.Title)
	return p
}

func requireOK(t *testing.T, r resp, status int) {
	t.Helper()
	require.Equal(t, status, r.status, "body: %s", r.body)
}
