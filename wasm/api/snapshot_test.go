//go:build !js

package api

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/store"
	"github.com/purposefulcx/purposeful/wasm/store/sqlite"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snapWorkshop is a workshop whose stored log was written as many
// members would have sent it: ideas, edits, events that no longer apply,
// events that arrived late and bodies that are not events at all.
type snapWorkshop struct {
	st                  *store.Store
	cfg                 Config
	id                  string
	facilitator, member string // tokens
	cursors             []int64
}

func newSnapWorkshop(t *testing.T, seed uint64, n int, late bool) snapWorkshop {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.sqlite"))
	require.NoError(t, err)
	t.Cleanup(func() { st.DB().Close() })
	now := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	cfg := Config{Store: st, PublicOrg: "local", Now: func() time.Time { return now }}
	rec := send(New(cfg), http.MethodPost, "/v1/workshops", "",
		`{"name":"F","course":{"position":"Agent","purpose":"To help guests","process":"Check-in"}}`)
	require.Equal(t, http.StatusCreated, rec.Code, rec.Body.String())
	var created createWorkshopResponse
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &created))
	w := snapWorkshop{st: st, cfg: cfg, id: created.ID, facilitator: created.FacilitatorToken, member: fmt.Sprintf("pft_member%040d", seed)}
	require.NoError(t, st.Batch(ctx, store.TokenStmt(store.Token{Hash: hashHex(w.member), Org: "local", WorkshopID: w.id,
		Role: store.RoleParticipant, ParticipantID: "m-p", Name: "P", CreatedAt: 1, ExpiresAt: now.Add(time.Hour).UnixMilli()})))
	rng := rand.New(rand.NewPCG(seed, 16))
	at := now.Add(time.Minute)
	fac := created.MemberID
	raw := []string{
		mustEvent(t, grid.Event{ID: "join-p", Type: grid.Join, Actor: "m-p", At: at, Name: "Pat"}),
		mustEvent(t, grid.Event{ID: "next-1", Type: grid.NextStep, Actor: fac, At: at.Add(time.Millisecond)}),
		mustEvent(t, grid.Event{ID: "next-2", Type: grid.NextStep, Actor: fac, At: at.Add(2 * time.Millisecond)}),
	}
	items := 0
	for i := range n {
		e := grid.Event{ID: fmt.Sprint("e", i), Actor: []string{fac, "m-p"}[rng.IntN(2)], At: at.Add(time.Duration(10+i) * time.Millisecond)}
		switch k := rng.IntN(100); {
		case k < 20 || items == 0:
			e.Type, e.Item, e.Column, e.Text = grid.AddItem, fmt.Sprint("i", items), grid.ColumnPurposeful, fmt.Sprintf("Idea %d", i)
			items++
		case k < 85:
			e.Type, e.Item, e.Text = grid.EditItem, fmt.Sprint("i", rng.IntN(items+2)), fmt.Sprintf("Edit %d", i) // some items do not exist
		case k < 95:
			e.Type, e.Item = grid.HideItem, fmt.Sprint("i", 1+rng.IntN(items)) // the participant may not
		case k < 97 && late: // each late event costs a refold of the log
			e.Type, e.Item, e.Text = grid.EditItem, fmt.Sprint("i", rng.IntN(items)), fmt.Sprintf("Late %d", i)
			e.At = e.At.Add(-time.Duration(rng.IntN(50)) * time.Millisecond)
		default:
			raw = append(raw, `{"id":`) // not an event
			continue
		}
		raw = append(raw, mustEvent(t, e))
	}
	var stmts []store.Stmt
	for i, body := range raw {
		stmts = append(stmts, store.EventStmt(store.Event{Org: "local", WorkshopID: w.id, EventID: fmt.Sprint("s", i),
			Body: []byte(body), Digest: digest([]byte(body)), CreatedAt: 1}))
		if len(stmts) == 100 || i == len(raw)-1 {
			require.NoError(t, st.Batch(ctx, stmts...))
			stmts = stmts[:0]
		}
	}
	evs, err := st.Events(ctx, "local", w.id, 0, 0)
	require.NoError(t, err)
	for _, e := range evs {
		w.cursors = append(w.cursors, e.Seq)
	}
	return w
}

func mustEvent(t *testing.T, e grid.Event) string {
	b, err := json.Marshal(e)
	require.NoError(t, err)
	return string(b)
}

func send(h http.Handler, method, path, token, body string) *httptest.ResponseRecorder {
	return Sender(h)(method, path, token, body)
}

// reads is every read a member makes, each through a fresh handler
// from newHandler (a new process or worker isolate), as one text.
func (w snapWorkshop) reads(t *testing.T, newHandler func(Config) http.Handler) string {
	t.Helper()
	var b strings.Builder
	paths := []string{"/v1/workshops/" + w.id, "/v1/workshops/" + w.id + "/export?format=json", "/v1/workshops/" + w.id + "/export?format=csv"}
	for _, c := range []int64{0, w.cursors[len(w.cursors)/3], w.cursors[len(w.cursors)-1]} {
		paths = append(paths, fmt.Sprintf("/v1/workshops/%s/events?after=%d&limit=1000", w.id, c))
	}
	for _, tok := range []string{w.facilitator, w.member} {
		for _, p := range paths {
			rec := send(newHandler(w.cfg), http.MethodGet, p, tok, "")
			require.Equal(t, http.StatusOK, rec.Code, "%s: %s", p, rec.Body.String())
			b.WriteString(p + "\n" + rec.Body.String() + "\n")
		}
	}
	return b.String()
}

func (w snapWorkshop) snapshots(t *testing.T) (n int, top int64) {
	t.Helper()
	require.NoError(t, w.st.DB().QueryRow(`SELECT count(*), coalesce(max(cursor), 0) FROM snapshots WHERE workshop_id = ? AND version = ?`,
		w.id, snapshotVersion).Scan(&n, &top))
	return n, top
}

// TestSnapshotReadsEqualReplay: a handler that starts from the stored
// snapshot and the events after it answers every read exactly as one
// that folds the whole log, before and after further appends, and a
// snapshot it cannot trust is ignored and rebuilt.
func TestSnapshotReadsEqualReplay(t *testing.T) {
	for _, tc := range []struct {
		name   string
		seed   uint64
		events int
		late   bool   // some events arrive late (each costs a refold of the log)
		spoil  string // SQL run on the stored snapshots before the reads
	}{
		{name: "small log, no snapshot", seed: 1, events: 50, late: true},
		{name: "snapshot and a tail", seed: 2, events: 700, late: true},
		{name: "snapshot in parts", seed: 3, events: 7000},
		{name: "snapshot of another version", seed: 4, events: 700, late: true, spoil: `UPDATE snapshots SET version = version + 1`},
		{name: "damaged snapshot", seed: 5, events: 700, spoil: `UPDATE snapshots SET body = 'AAAAAAAA'`},
		{name: "snapshot with shifted bytes", seed: 6, events: 700, spoil: `UPDATE snapshots SET body = substr(body, 1, 8) || body`},
		{name: "snapshot that claims an earlier cursor", seed: 7, events: 700, spoil: `UPDATE snapshots SET cursor = cursor - 5`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := newSnapWorkshop(t, tc.seed, tc.events, tc.late)
			want := w.reads(t, NewWithoutSnapshots)
			n, _ := w.snapshots(t)
			assert.Zero(t, n, "the handler without snapshots stores none")
			// The first fresh fold reads the whole log and stores a snapshot
			// when the log is long enough.
			send(New(w.cfg), http.MethodGet, "/v1/workshops/"+w.id, w.facilitator, "")
			n, top := w.snapshots(t)
			if tc.events < snapshotEvery {
				assert.Zero(t, n)
			} else {
				assert.Positive(t, n)
				assert.Equal(t, w.cursors[len(w.cursors)-1], top, "the snapshot is at the cursor it folded to")
			}
			if tc.spoil != "" {
				_, err := w.st.DB().Exec(tc.spoil)
				require.NoError(t, err)
			}
			assert.Equal(t, want, w.reads(t, New), "reads from the snapshot")
			// Appends through fresh handlers: some before the next snapshot,
			// enough to store another.
			for i := range snapshotEvery + 10 {
				body := fmt.Sprintf(`{"id":"a%d","type":"item.edit","item":"i0","text":"Append %d","at":"2026-12-07T10:00:00.%03dZ"}`, i, i, i)
				rec := send(New(w.cfg), http.MethodPost, "/v1/workshops/"+w.id+"/events", w.facilitator, body)
				require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
				if i == snapshotEvery/2 {
					cur, err := w.st.Cursor(context.Background(), "local", w.id)
					require.NoError(t, err)
					w.cursors = append(w.cursors, cur)
					assert.Equal(t, w.reads(t, NewWithoutSnapshots), w.reads(t, New), "after %d appends", i+1)
				}
			}
			n, top = w.snapshots(t)
			assert.Positive(t, n)
			assert.Greater(t, top, w.cursors[len(w.cursors)/2], "a newer snapshot was stored")
			assert.Equal(t, w.reads(t, NewWithoutSnapshots), w.reads(t, New), "after the appends")
		})
	}
}
