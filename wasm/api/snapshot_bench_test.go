//go:build !js

package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/store"
	"github.com/purposefulcx/purposeful/wasm/store/sqlite"
	"github.com/stretchr/testify/require"
)

// pollWorkshop is a workshop whose log holds n events (500 ideas, then
// edits of them), written straight to the store as many members would
// have sent them, on its own SQLite file.
type pollWorkshop struct {
	st     *store.Store
	path   string
	next   time.Time // a time after every event of the log
	id     string
	token  string
	cursor int64
}

func newPollWorkshop(b *testing.B, n int) pollWorkshop {
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "b.sqlite")
	st, err := sqlite.Open(ctx, path)
	require.NoError(b, err)
	b.Cleanup(func() { st.DB().Close() })
	do := api.Sender(api.New(api.Config{Store: st, PublicOrg: "local"}))
	rec := do(http.MethodPost, "/v1/workshops", "", `{"name":"F","course":{"position":"Agent","purpose":"To help guests","process":"Check-in"}}`)
	var created struct {
		ID     string `json:"id"`
		Token  string `json:"facilitator_token"`
		Member string `json:"member_id"`
	}
	require.NoError(b, json.Unmarshal(rec.Body.Bytes(), &created))
	ev := "/v1/workshops/" + created.ID + "/events"
	do(http.MethodPost, ev, created.Token, `{"id":"n1","type":"step.next"}`)
	do(http.MethodPost, ev, created.Token, `{"id":"n2","type":"step.next"}`)
	var stmts []store.Stmt
	at := time.Now().UTC().Add(time.Minute) // after the steps above
	for i := range n {
		typ, text := "item.edit", fmt.Sprintf("Idea %d, edit %d", i%500, i/500)
		if i < 500 {
			typ = "item.add"
		}
		e := grid.Event{ID: fmt.Sprint("e", i), Type: grid.EventType(typ), Actor: created.Member,
			At: at.Add(time.Duration(i) * time.Millisecond), Item: fmt.Sprint("p", i%500), Text: text}
		if i < 500 {
			e.Column = grid.ColumnPurposeful
		}
		body, err := json.Marshal(e)
		require.NoError(b, err)
		stmts = append(stmts, store.EventStmt(store.Event{Org: "local", WorkshopID: created.ID, EventID: e.ID, Body: body, Digest: "d", CreatedAt: 1}))
		if len(stmts) == 500 || i == n-1 {
			require.NoError(b, st.Batch(ctx, stmts...))
			stmts = stmts[:0]
		}
	}
	cursor, err := st.Cursor(ctx, "local", created.ID)
	require.NoError(b, err)
	return pollWorkshop{st: st, path: path, next: at.Add(time.Duration(n+1) * time.Millisecond), id: created.ID, token: created.Token, cursor: cursor}
}

// BenchmarkSessionLoad is the cost of one member's poll (the events
// after the latest cursor, then the state) and of one small append, in
// workshops whose logs hold n events: "cold" with a fresh handler each
// time (a new worker isolate, or a process whose bounded cache dropped
// the workshop), "warm" with one kept handler; "before" folds the whole
// log as the API did before snapshots, "after" starts from the stored
// snapshot. Appends are measured at 18,000 events rather than 20,000, the
// most a workshop may hold, each on its own copy of the workshop.
func BenchmarkSessionLoad(b *testing.B) {
	modes := []struct {
		name string
		new  func(api.Config) http.Handler
	}{{"before", api.NewWithoutSnapshots}, {"after", api.New}}
	heats := []string{"cold", "warm"}
	for _, n := range []int{100, 2000, 20000} {
		w := newPollWorkshop(b, n)
		poll := fmt.Sprintf("/v1/workshops/%s/events?after=%d", w.id, w.cursor)
		state := "/v1/workshops/" + w.id
		cfg := api.Config{Store: w.st, PublicOrg: "local"}
		api.Sender(api.New(cfg))(http.MethodGet, state, w.token, "") // stores the first snapshot
		for _, mode := range modes {
			for _, heat := range heats {
				b.Run(fmt.Sprintf("poll/%s/%s/%d", mode.name, heat, n), func(b *testing.B) {
					do := api.Sender(mode.new(cfg))
					do(http.MethodGet, state, w.token, "")
					b.ReportAllocs()
					for b.Loop() {
						if heat == "cold" {
							do = api.Sender(mode.new(cfg))
						}
						if rec := do(http.MethodGet, poll, w.token, ""); rec.Code != http.StatusOK {
							b.Fatal(rec.Body.String())
						}
						if rec := do(http.MethodGet, state, w.token, ""); rec.Code != http.StatusOK {
							b.Fatal(rec.Body.String())
						}
					}
				})
			}
		}
	}
	for _, n := range []int{100, 2000, 18000} {
		w := newPollWorkshop(b, n)
		for _, mode := range modes {
			for _, heat := range heats {
				b.Run(fmt.Sprintf("append/%s/%s/%d", mode.name, heat, n), func(b *testing.B) {
					st := w.copy(b)
					cfg := api.Config{Store: st, PublicOrg: "local"}
					api.Sender(api.New(cfg))(http.MethodGet, "/v1/workshops/"+w.id, w.token, "") // the copy's snapshot
					do := api.Sender(mode.new(cfg))
					do(http.MethodGet, "/v1/workshops/"+w.id, w.token, "")
					i := 0
					b.ReportAllocs()
					for b.Loop() {
						if heat == "cold" {
							do = api.Sender(mode.new(cfg))
						}
						i++
						body := fmt.Sprintf(`{"id":"b%d","type":"item.edit","item":"p%d","text":"Bench %d","at":%q}`,
							i, i%min(n, 500), i, w.next.Add(time.Duration(i)*time.Millisecond).Format(time.RFC3339Nano))
						if rec := do(http.MethodPost, "/v1/workshops/"+w.id+"/events", w.token, body); rec.Code != http.StatusOK {
							b.Fatal(rec.Body.String())
						}
					}
				})
			}
		}
	}
}

// copy is a store on a copy of the workshop's database, for benchmarks
// that add events.
func (w pollWorkshop) copy(b *testing.B) *store.Store {
	ctx := context.Background()
	_, err := w.st.DB().ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	require.NoError(b, err)
	data, err := os.ReadFile(w.path)
	require.NoError(b, err)
	path := filepath.Join(b.TempDir(), "copy.sqlite")
	require.NoError(b, os.WriteFile(path, data, 0o600))
	st, err := sqlite.Open(ctx, path)
	require.NoError(b, err)
	b.Cleanup(func() { st.DB().Close() })
	return st
}
