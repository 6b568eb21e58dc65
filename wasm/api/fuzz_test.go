package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// FuzzBody sends arbitrary bodies to routes that read JSON: the handler
// never panics, and every error is a problem document with a 4xx status.
func FuzzBody(f *testing.F) {
	for _, s := range []string{`{"name":"A"}`, `{"code":"K7QM-4XPD","name":"A"}`, `{`, `[]`, `{"a":{"a":{"a":1}}}`,
		"{\"name\":\"\xff\"}", `{"name":"A","name":"B"}`, `{"draft":"Sorry.","situation":{"state":"angry"}}`,
		`{"text":"To create loyal guests."}`, `{"version":"purposeful.grid/v1"}`} {
		f.Add(s)
	}
	h := New(Config{PublicOrg: "local"})
	paths := []string{"/v1/workshops", "/v1/join", "/v1/purpose/analyze", "/v1/recovery/review", "/v1/grid/validate", "/v1/standards/lint"}
	f.Fuzz(func(t *testing.T, body string) {
		for _, p := range paths {
			r := httptest.NewRequest(http.MethodPost, p, strings.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, r)
			if rec.Code >= 500 && rec.Code != http.StatusServiceUnavailable {
				t.Fatalf("%s: %d for %q: %s", p, rec.Code, body, rec.Body)
			}
			if rec.Code >= 400 {
				var pd Problem
				if err := json.Unmarshal(rec.Body.Bytes(), &pd); err != nil || pd.Status != rec.Code {
					t.Fatalf("%s: not a problem document: %s", p, rec.Body)
				}
			}
		}
	})
}
