//go:build !js

package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func storedObservation(writeID string, value int) (store.StoredObservation, []standards.Tally) {
	card := &standards.Scorecard{ID: "c", Sections: []standards.Section{{Name: "s", Criteria: []standards.Criterion{{Standard: "a", Weight: 1}}}}}
	o := standards.Observation{ID: "o1", Scorecard: "c", Observer: "sup", Subject: "staff-01", Team: "harbour", Interaction: "check-in",
		At: time.Date(2026, 11, 4, 9, 0, 0, 0, time.UTC), Ratings: []standards.Rating{{Standard: "a", Value: value}}}
	sc, _ := standards.NewScorer(card, []standards.Standard{{ID: "a"}})
	r, _ := sc.Score(&o)
	return store.StoredObservation{Org: "acme", Book: "fd", CardVersion: 1, Observation: o, Digest: "d", WriteID: writeID, Rev: 1, CreatedAt: 1, LocksAt: 2},
		standards.TallyReview(&o, &r, card, 0)
}

// TestRecordOnceAndGuardedUpdates: two writers recording the same id
// store it once and count it once; an update read before another write
// changes nothing.
func TestRecordOnceAndGuardedUpdates(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	for _, w := range []string{"w1", "w2"} { // both read "not stored", both write
		so, ts := storedObservation(w, 1)
		stmts, err := store.RecordStmts(so, ts, nil, "sup")
		require.NoError(t, err)
		ch, err := s.BatchChanges(ctx, stmts...)
		require.NoError(t, err)
		assert.Equal(t, map[string]int64{"w1": 1, "w2": 0}[w], ch[0])
	}
	count := func(f store.TallyFilter) standards.Tally {
		ts, err := s.Tallies(ctx, "acme", "fd", f)
		require.NoError(t, err)
		var sum standards.Tally
		for _, x := range ts {
			if x.Subject != "" { // a rollup's standard rows repeat the ratings
				sum.Add(x)
			}
		}
		return sum
	}
	for _, f := range []store.TallyFilter{{}, {Subject: "staff-01"}} {
		got := count(f)
		assert.Equal(t, 1, got.Reviews, "counted once (%+v)", f)
		assert.Equal(t, 1, got.Met)
	}
	h, err := s.History(ctx, "acme", "o1")
	require.NoError(t, err)
	assert.Len(t, h, 1)

	// An amendment from the current write applies; one from a stale read
	// changes nothing, tallies included.
	_, before := storedObservation("w1", 1)
	next, after := storedObservation("w3", 0)
	var delta []standards.Tally
	for _, x := range before {
		delta = append(delta, x.Neg())
	}
	delta = append(delta, after...)
	stale, err := store.UpdateStmts("w2", next, delta, nil, "amended", "sup", 5)
	require.NoError(t, err)
	ch, err := s.BatchChanges(ctx, stale...)
	require.NoError(t, err)
	assert.Zero(t, ch[0])
	assert.Equal(t, 1, count(store.TallyFilter{}).Met)
	fresh, err := store.UpdateStmts("w1", next, delta, nil, "amended", "sup", 5)
	require.NoError(t, err)
	ch, err = s.BatchChanges(ctx, fresh...)
	require.NoError(t, err)
	assert.Equal(t, int64(1), ch[0])
	for _, f := range []store.TallyFilter{{}, {Subject: "staff-01"}, {Team: "harbour"}} {
		got := count(f)
		assert.Equal(t, 0, got.Met, "%+v", f)
		assert.Equal(t, 1, got.NotMet, "%+v", f)
		assert.Equal(t, 1, got.Reviews)
	}
	h, _ = s.History(ctx, "acme", "o1")
	require.Len(t, h, 2)
	assert.Equal(t, "amended", h[1].Kind)
	other, _ := s.Tallies(ctx, "globex", "fd", store.TallyFilter{})
	assert.Empty(t, other, "another organisation sees nothing")
}
