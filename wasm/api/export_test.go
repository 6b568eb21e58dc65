package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
)

// NewWithoutSnapshots is New whose folds always start from the whole log
// and never store a snapshot: the API as it was before snapshots, for the
// benchmarks' "before" and the tests that compare the two.
func NewWithoutSnapshots(cfg Config) http.Handler {
	h := New(cfg).(*handler)
	h.sessions.noSnapshots = true
	return h
}

// Sender returns a function that sends h one JSON request, with a bearer
// token when token is not empty.
func Sender(h http.Handler) func(method, path, token, body string) *httptest.ResponseRecorder {
	return func(method, path, token, body string) *httptest.ResponseRecorder {
		r := httptest.NewRequest(method, path, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		if token != "" {
			r.Header.Set("Authorization", "Bearer "+token)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		return rec
	}
}
