package api

import "net/http"

// NewWithoutSnapshots is New whose folds always start from the whole log
// and never store a snapshot: the API as it was before snapshots, for the
// benchmarks' "before" and the tests that compare the two.
func NewWithoutSnapshots(cfg Config) http.Handler {
	h := New(cfg).(*handler)
	h.sessions.noSnapshots = true
	return h
}
