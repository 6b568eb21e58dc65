package api

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOpenAPICoversEveryRoute checks the description against the route
// table: every route is documented once, with a summary, its parameters,
// a request body when it reads one, and every $ref resolves. (The HTTP
// suite checks the other direction: every documented route answers.)
func TestOpenAPICoversEveryRoute(t *testing.T) {
	h := New(Config{}).(*handler)
	doc := h.openAPI()
	paths := doc["paths"].(obj)
	schemas := doc["components"].(obj)["schemas"].(obj)
	ids := map[string]bool{}
	n := 0
	for _, rt := range h.routes {
		item, ok := paths[rt.pattern].(obj)
		require.True(t, ok, "%s is not documented", rt.pattern)
		op, ok := item[strings.ToLower(rt.method)].(obj)
		require.True(t, ok, "%s %s is not documented", rt.method, rt.pattern)
		n++
		id := op["operationId"].(string)
		assert.False(t, ids[id], "operationId %s twice", id)
		ids[id] = true
		assert.NotEmpty(t, op["summary"])
		assert.Contains(t, op["responses"], "405")
		if strings.Contains(rt.pattern, "{") {
			assert.NotEmpty(t, op["parameters"], rt.pattern)
		}
		if rt.method == http.MethodPost && rt.doc.body == "" && rt.pattern != "/v1/xapi/flush" && rt.pattern != "/v1/lti/scores/flush" {
			t.Errorf("%s %s reads a body but documents none", rt.method, rt.pattern)
		}
	}
	count := 0
	for _, item := range paths {
		count += len(item.(obj))
	}
	assert.Equal(t, n, count, "the description has no operation the router lacks")

	// Every $ref points at a schema.
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case obj:
			if r, ok := x["$ref"].(string); ok {
				if name, ok := strings.CutPrefix(r, "#/components/schemas/"); ok {
					assert.Contains(t, schemas, name, "dangling $ref")
				}
			}
			for _, y := range x {
				walk(y)
			}
		case []obj:
			for _, y := range x {
				walk(y)
			}
		case []any: // decoded from openapi_schemas.json
			for _, y := range x {
				walk(y)
			}
		}
	}
	walk(doc)
}

// TestOpenAPISchemasJSON checks openapi_schemas.json against the code: it
// decodes, names every schema the route table uses, and its batch limit
// is the one appendEvents enforces.
func TestOpenAPISchemasJSON(t *testing.T) {
	s := schemas()
	for _, rt := range New(Config{}).(*handler).routes {
		for _, name := range []string{strings.TrimPrefix(rt.doc.body, "form:"), rt.doc.resp} {
			if name != "" && name != "file" {
				assert.Contains(t, s, name, "%s %s", rt.method, rt.pattern)
			}
		}
	}
	batch := s["EventOrBatch"].(obj)["oneOf"].([]any)[1].(obj)
	events := batch["properties"].(obj)["events"].(obj)
	assert.InDelta(t, float64(maxEventsPerRequest), events["maxItems"], 0)
	assert.Equal(t, "string", s["Text"].(obj)["properties"].(obj)["text"].(obj)["type"])
}

func TestMatchPattern(t *testing.T) {
	for _, tc := range []struct {
		pattern, path string
		ok            bool
		p0            string
	}{
		{"/v1/workshops/{id}", "/v1/workshops/abc", true, "abc"},
		{"/v1/workshops/{id}", "/v1/workshops/", false, ""},
		{"/v1/workshops/{id}", "/v1/workshops/abc/events", false, ""},
		{"/v1/workshops/{id}/events", "/v1/workshops/a%20b/events", true, "a b"},
		{"/v1/health", "/v1/health/", false, ""},
		{"/v1/health", "/v1/healthz", false, ""},
	} {
		p, ok := matchPattern(tc.pattern, tc.path)
		assert.Equal(t, tc.ok, ok, tc.path)
		assert.Equal(t, tc.p0, p[0], tc.path)
	}
}

func TestJoinCodes(t *testing.T) {
	h := New(Config{}).(*handler)
	seen := map[string]bool{}
	for range 500 {
		c, err := h.newJoinCode()
		require.NoError(t, err)
		require.Len(t, c, 9)
		assert.Equal(t, byte('-'), c[4])
		assert.Equal(t, c, normalizeCode(c), "a code is already normal")
		assert.False(t, seen[c])
		seen[c] = true
	}
	for in, want := range map[string]string{
		"k7qm4xpd":     "K7QM-4XPD",
		" k7qm-4xpd ":  "K7QM-4XPD",
		"K7QM 4XPD":    "K7QM-4XPD",
		"K7QM-4XP":     "",
		"K7QM-4XPDD":   "",
		"O0I1-L5UX":    "", // look-alikes are not in the alphabet
		"K7QM-4XP\x00": "",
	} {
		assert.Equal(t, want, normalizeCode(in), in)
	}
}

func TestAPIKeys(t *testing.T) {
	key, k, err := NewAPIKey("acme", nil)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(key, "pfk_"+k.ID+"_"))
	assert.NotContains(t, k.String(), key[len("pfk_"+k.ID+"_"):], "the configured form never holds the secret")
	keys, err := ParseAPIKeys(" " + k.String() + ", ")
	require.NoError(t, err)
	h := New(Config{APIKeys: keys}).(*handler)
	org, ok := h.checkAPIKey(key)
	assert.True(t, ok)
	assert.Equal(t, "acme", org)
	_, ok = h.checkAPIKey(key[:len(key)-1] + "x")
	assert.False(t, ok, "wrong secret")
	_, ok = h.checkAPIKey("pfk_000000000000_" + key[len("pfk_"+k.ID+"_"):])
	assert.False(t, ok, "wrong id")
	for _, bad := range []string{"acme", "acme:id", "acme:id:xyz", "acme:id:" + strings.Repeat("g", 64), ":id:" + k.Hash} {
		_, err := ParseAPIKeys(bad)
		assert.ErrorIs(t, err, ErrBadKeyList, bad)
	}
}

func TestFieldErrors(t *testing.T) {
	err := errors.Join(
		errors.New("knowledge[3].text: grid: required"),
		fmt.Errorf("could not read: %w", errors.New("a sentence without a path")),
		errors.New("grid: purposeful[0].evidence[1].link: not a link"),
	)
	got := fieldErrors("grid", err)
	assert.Equal(t, []FieldError{
		{Path: "grid.knowledge[3].text", Message: "grid: required"},
		{Path: "grid", Message: "could not read: a sentence without a path"},
		{Path: "grid.purposeful[0].evidence[1].link", Message: "not a link"},
	}, got)
	assert.Equal(t, []FieldError{{Path: "x", Message: "invalid"}}, fieldErrors("x", nil))
}

func TestDepthAndDuplicates(t *testing.T) {
	assert.Equal(t, 0, depth([]byte(`"[[[["`)))
	assert.Equal(t, 3, depth([]byte(`{"a":[{"b":"]]]"}]}`)))
	k, p := duplicateKey([]byte(`{"a":1,"b":{"c":1,"c":2}}`))
	assert.Equal(t, "c", k)
	assert.Equal(t, "b.c", p)
	k, p = duplicateKey([]byte(`{"a":[{"x":1},{"x":2,"x":3}]}`))
	assert.Equal(t, "x", k)
	assert.Equal(t, "a[1].x", p)
	k, _ = duplicateKey([]byte(`{"a":[{"x":1},{"x":2}],"b":{"x":1}}`))
	assert.Empty(t, k)
}

// TestLogsHoldNoSecrets sends requests with keys and tokens and checks
// that the log lines name routes and statuses only.
func TestLogsHoldNoSecrets(t *testing.T) {
	key, k, err := NewAPIKey("acme", nil)
	require.NoError(t, err)
	var buf bytes.Buffer
	h := New(Config{APIKeys: []APIKey{k}, Logger: slog.New(slog.NewTextHandler(&buf, nil))})
	token := "pft_" + strings.Repeat("s", 43)
	for _, auth := range []string{key, token, "garbage-secret-value"} {
		r := httptest.NewRequest(http.MethodGet, "/v1/workshops/abc?secret=query-secret", nil)
		r.Header.Set("Authorization", "Bearer "+auth)
		h.ServeHTTP(httptest.NewRecorder(), r)
	}
	out := buf.String()
	assert.Contains(t, out, "route=/v1/workshops/{id}")
	for _, s := range []string{key, token, "garbage-secret-value", "query-secret", "abc"} {
		assert.NotContains(t, out, s)
	}
}

func TestPanicsBecome500(t *testing.T) {
	h := New(Config{}).(*handler)
	h.routes = append(h.routes, route{method: http.MethodGet, pattern: "/v1/boom", handle: func(*call) error { panic("boom") }})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v1/boom", nil))
	assert.Equal(t, http.StatusInternalServerError, rec.Code)
	assert.Equal(t, ProblemContentType, rec.Header().Get("Content-Type"))
	assert.NotContains(t, rec.Body.String(), "boom")
}

func TestNoStore(t *testing.T) {
	h := New(Config{PublicOrg: "local"})
	rec := httptest.NewRecorder()
	r := httptest.NewRequest(http.MethodPost, "/v1/workshops", strings.NewReader(`{"name":"A"}`))
	r.Header.Set("Content-Type", "application/json")
	h.ServeHTTP(rec, r)
	assert.Equal(t, http.StatusServiceUnavailable, rec.Code)
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/v1/health", nil))
	assert.Equal(t, http.StatusOK, rec.Code)
	assert.Contains(t, rec.Body.String(), `"database":"none"`)
}

func TestPreflight(t *testing.T) {
	h := New(Config{AllowedOrigins: []string{"https://lms.example.com"}})
	r := httptest.NewRequest(http.MethodOptions, "/v1/workshops", nil)
	r.Header.Set("Origin", "https://lms.example.com")
	r.Header.Set("Access-Control-Request-Method", "POST")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	assert.Equal(t, http.StatusNoContent, rec.Code)
	assert.Equal(t, "https://lms.example.com", rec.Header().Get("Access-Control-Allow-Origin"))
	assert.Contains(t, rec.Header().Get("Access-Control-Allow-Methods"), "POST")
	assert.Contains(t, rec.Header().Get("Access-Control-Allow-Headers"), "Authorization")
}
