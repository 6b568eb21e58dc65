//go:build !js

package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/purposefulcx/purposeful/wasm/store"
	"github.com/purposefulcx/purposeful/wasm/store/sqlite"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func open(t *testing.T) *store.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "s.sqlite"))
	require.NoError(t, err)
	t.Cleanup(func() { s.DB().Close() })
	return s
}

func seed(t *testing.T, s *store.Store, org, id, code string) {
	t.Helper()
	w := store.Workshop{ID: id, Org: org, Title: "T", JoinCode: code, Setup: []byte("{}"), CreatedAt: 1}
	tok := store.Token{Hash: "h-" + id, Org: org, WorkshopID: id, Role: store.RoleFacilitator, ParticipantID: "m1", Name: "F", CreatedAt: 1}
	ev := store.Event{Org: org, WorkshopID: id, EventID: "create", Body: []byte(`{"id":"create"}`), Digest: "d", CreatedAt: 1}
	require.NoError(t, s.Batch(context.Background(), store.CreateWorkshopStmts(w, tok, []store.Event{ev})...))
}

func TestMigrateTwice(t *testing.T) {
	s := open(t)
	require.NoError(t, s.Migrate(context.Background()), "a second run applies nothing and does not fail")
	var n int
	require.NoError(t, s.DB().QueryRow(`SELECT count(*) FROM d1_migrations`).Scan(&n))
	assert.Equal(t, len(store.Migrations()), n)
	assert.Equal(t, "0001_init.sql", store.Migrations()[0])
	for _, name := range []string{"0002_hardening.sql", "0003_lti.sql", "0004_accountability.sql", "0005_snapshots.sql"} {
		assert.Contains(t, store.Migrations(), name)
	}
}

func TestBatchIsAllOrNothing(t *testing.T) {
	s := open(t)
	seed(t, s, "acme", "w1", "AAAA-BBBB")
	ctx := context.Background()
	// The second workshop reuses the join code: the whole batch fails and
	// its first statement is rolled back.
	err := s.Batch(ctx,
		store.TokenStmt(store.Token{Hash: "x", Org: "acme", WorkshopID: "w1", Role: store.RoleParticipant, ParticipantID: "m2", Name: "P"}),
		store.CreateWorkshopStmts(store.Workshop{ID: "w2", Org: "acme", Title: "T", JoinCode: "AAAA-BBBB", Setup: []byte("{}")}, store.Token{Hash: "y", Org: "acme", WorkshopID: "w2"}, nil)[0],
	)
	require.ErrorIs(t, err, store.ErrConflict)
	_, err = s.TokenByHash(ctx, "w1", "x")
	assert.ErrorIs(t, err, store.ErrNotFound)
}

func TestOrganisationsAreSeparate(t *testing.T) {
	s := open(t)
	seed(t, s, "acme", "w1", "AAAA-BBBB")
	ctx := context.Background()
	_, err := s.Workshop(ctx, "globex", "w1")
	assert.ErrorIs(t, err, store.ErrNotFound)
	w, err := s.Workshop(ctx, "acme", "w1")
	require.NoError(t, err)
	assert.Equal(t, "AAAA-BBBB", w.JoinCode)
	evs, err := s.Events(ctx, "globex", "w1", 0, 0)
	require.NoError(t, err)
	assert.Empty(t, evs)
	ws, err := s.Workshops(ctx, "globex", 10)
	require.NoError(t, err)
	assert.Empty(t, ws)
}

func TestAppendGuard(t *testing.T) {
	s := open(t)
	seed(t, s, "acme", "w1", "AAAA-BBBB")
	ctx := context.Background()
	cur, err := s.Cursor(ctx, "acme", "w1")
	require.NoError(t, err)
	ev := func(id string) store.Event {
		return store.Event{Org: "acme", WorkshopID: "w1", EventID: id, Body: []byte(`{}`), Digest: "d"}
	}
	ch, err := s.BatchChanges(ctx, store.AppendStmt(ev("a"), cur, []string{"a", "b"}), store.AppendStmt(ev("b"), cur, []string{"a", "b"}))
	require.NoError(t, err)
	assert.Equal(t, []int64{1, 1}, ch, "a batch passes its own guard")
	// A writer that read before those two is refused.
	ch, err = s.BatchChanges(ctx, store.AppendStmt(ev("c"), cur, []string{"c"}))
	require.NoError(t, err)
	assert.Equal(t, []int64{0}, ch)
	// The same event id twice is stored once.
	cur2, _ := s.Cursor(ctx, "acme", "w1")
	ch, err = s.BatchChanges(ctx, store.AppendStmt(ev("a"), cur2, []string{"a"}))
	require.NoError(t, err)
	assert.Equal(t, []int64{0}, ch)
	n, err := s.CountEvents(ctx, "acme", "w1")
	require.NoError(t, err)
	assert.Equal(t, 3, n)
	d, err := s.Digests(ctx, "acme", "w1", []string{"a", "zz"})
	require.NoError(t, err)
	assert.Equal(t, map[string]string{"a": "d"}, d)
}

// TestHit: a sliding window counted in one statement. A burst of
// concurrent hits records exactly the limit, a repeated key counts once,
// and hits leave the window as time passes (no fixed bucket boundary that
// would allow twice the limit).
func TestHit(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	var mu sync.Mutex
	allowed := 0
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := s.Hit(ctx, "c1", fmt.Sprint("k", i), 1000, 0, 10)
			if assert.NoError(t, err) && ok {
				mu.Lock()
				allowed++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	assert.Equal(t, 10, allowed)
	n, oldest, err := s.Hits(ctx, "c1", 0)
	require.NoError(t, err)
	assert.Equal(t, 10, n)
	assert.Equal(t, int64(1000), oldest)

	// A repeat of a key in the window is allowed and does not count.
	ok, err := s.Hit(ctx, "c2", "same", 1000, 0, 1)
	require.NoError(t, err)
	assert.True(t, ok)
	for range 5 {
		ok, _ = s.Hit(ctx, "c2", "same", 1001, 0, 1)
		assert.True(t, ok)
	}
	ok, _ = s.Hit(ctx, "c2", "other", 1002, 0, 1)
	assert.False(t, ok)

	// Sliding: at 1500 with a 600 window, hits at 1000 are gone.
	ok, _ = s.Hit(ctx, "c1", "late", 1700, 1100, 10)
	assert.True(t, ok)
	n, _, _ = s.Hits(ctx, "c1", 0)
	assert.Equal(t, 1, n, "hits older than the window are dropped")
}

// TestSeats: a seat's token and its join event are stored together, only
// while seats are free.
func TestSeats(t *testing.T) {
	s := open(t)
	seed(t, s, "acme", "w1", "AAAA-BBBB")
	ctx := context.Background()
	for i := range 3 {
		tok := store.Token{Hash: fmt.Sprint("p", i), Org: "acme", WorkshopID: "w1", Role: store.RoleParticipant, ParticipantID: fmt.Sprint("m", i), Name: "P", ExpiresAt: 9}
		ev := store.Event{Org: "acme", WorkshopID: "w1", EventID: fmt.Sprint("join", i), Body: []byte(`{}`), Digest: "d", CreatedAt: 2}
		ch, err := s.BatchChanges(ctx, store.SeatStmt(tok, 2), store.EventIfTokenStmt(ev, tok.Hash))
		require.NoError(t, err)
		want := int64(1)
		if i == 2 {
			want = 0
		}
		assert.Equal(t, []int64{want, want}, ch, "join %d", i)
	}
	n, err := s.CountEvents(ctx, "acme", "w1")
	require.NoError(t, err)
	assert.Equal(t, 3, n, "create and two joins")
	require.NoError(t, s.Batch(ctx, store.RevokeStmt("acme", "w1", "m0")))
	tok, err := s.TokenByHash(ctx, "w1", "p0")
	require.NoError(t, err)
	assert.True(t, tok.Revoked)
	assert.Equal(t, int64(9), tok.ExpiresAt)
}

func TestOutbox(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	st := store.Statement{ID: "u1", Org: "acme", Verb: "v", Body: []byte(`{"id":"u1"}`), CreatedAt: 1}
	require.NoError(t, s.Batch(ctx, store.StatementStmt(st), store.StatementStmt(st)))
	out, err := s.Outbox(ctx, "", 10)
	require.NoError(t, err)
	require.Len(t, out, 1, "a statement id is stored once")
	require.NoError(t, s.MarkFailed(ctx, "u1", "LRS down"))
	out, _ = s.Outbox(ctx, "acme", 10)
	require.Len(t, out, 1)
	assert.Equal(t, 1, out[0].Attempts)
	assert.Equal(t, "LRS down", out[0].LastError)
	require.NoError(t, s.MarkSent(ctx, "u1", 5))
	out, _ = s.Outbox(ctx, "", 10)
	assert.Empty(t, out)
	all, err := s.Statements(ctx, "acme", 0, 10)
	require.NoError(t, err)
	require.Len(t, all, 1)
	assert.Equal(t, int64(5), all[0].SentAt)
	none, _ := s.Statements(ctx, "globex", 0, 10)
	assert.Empty(t, none)
}

// TestAppendBatchFitsD1: a batch of 100 events (the API's limit) binds
// fewer parameters per statement than D1 allows (100), and is stored
// whole.
func TestAppendBatchFitsD1(t *testing.T) {
	s := open(t)
	seed(t, s, "acme", "w1", "AAAA-BBBB")
	ctx := context.Background()
	cur, err := s.Cursor(ctx, "acme", "w1")
	require.NoError(t, err)
	var ids []string
	for i := range 100 {
		ids = append(ids, fmt.Sprint("e", i))
	}
	var stmts []store.Stmt
	for _, id := range ids {
		st := store.AppendStmt(store.Event{Org: "acme", WorkshopID: "w1", EventID: id, Body: []byte(`{}`), Digest: "d"}, cur, ids)
		require.LessOrEqual(t, len(st.Args), 100)
		stmts = append(stmts, st)
	}
	ch, err := s.BatchChanges(ctx, stmts...)
	require.NoError(t, err)
	assert.Equal(t, int64(1), ch[99])
	n, err := s.CountEvents(ctx, "acme", "w1")
	require.NoError(t, err)
	assert.Equal(t, 101, n)
}
