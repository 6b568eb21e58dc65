//go:build !js

package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/store"
	"github.com/purposefulcx/purposeful/wasm/store/sqlite"
	"github.com/stretchr/testify/require"
)

// BenchmarkNew is the per-request set-up cost on the worker, where every
// request builds the handler afresh.
func BenchmarkNew(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = api.New(api.Config{})
	}
}

func BenchmarkReview(b *testing.B) {
	h := api.New(api.Config{})
	body := `{"draft":"I am so sorry your room was not ready. I will have it ready in ten minutes.","situation":{"state":"upset"}}`
	b.ReportAllocs()
	for b.Loop() {
		r := httptest.NewRequest(http.MethodPost, "/v1/recovery/review", strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if rec.Code != http.StatusOK {
			b.Fatal(rec.Code, rec.Body.String())
		}
	}
}

// benchAPI is the API on a fresh SQLite file, with a function that sends
// it one JSON request (with a bearer token when token is not empty).
func benchAPI(b *testing.B) (*store.Store, func(method, path, token, body string) *httptest.ResponseRecorder) {
	st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "b.sqlite"))
	require.NoError(b, err)
	b.Cleanup(func() { st.DB().Close() })
	h := api.New(api.Config{Store: st, PublicOrg: "local"})
	return st, func(method, path, token, body string) *httptest.ResponseRecorder {
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

// BenchmarkAppend appends one idea to workshops that already hold n
// events (each append folds the stored log).
func BenchmarkAppend(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			_, do := benchAPI(b)
			rec := do(http.MethodPost, "/v1/workshops", "", `{"name":"F","course":{"position":"Agent","purpose":"To help guests","process":"Check-in"}}`)
			var created struct {
				ID    string `json:"id"`
				Token string `json:"facilitator_token"`
			}
			require.NoError(b, json.Unmarshal(rec.Body.Bytes(), &created))
			tok := created.Token
			ev := "/v1/workshops/" + created.ID + "/events"
			do(http.MethodPost, ev, tok, `{"id":"n1","type":"step.next"}`)
			do(http.MethodPost, ev, tok, `{"id":"n2","type":"step.next"}`)
			for i := range n {
				rec := do(http.MethodPost, ev, tok, fmt.Sprintf(`{"id":"p%d","type":"item.add","item":"p%d","column":"purposeful","text":"Idea %d"}`, i, i, i))
				require.Equal(b, http.StatusOK, rec.Code, rec.Body.String())
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				i++
				rec := do(http.MethodPost, ev, tok, fmt.Sprintf(`{"id":"b%d","type":"item.add","item":"b%d","column":"purposeful","text":"Bench %d"}`, i, i, i))
				if rec.Code != http.StatusOK {
					b.Fatal(rec.Body.String())
				}
			}
		})
	}
}

// BenchmarkPoll is the cost of one member's poll (events after the latest
// cursor, and the state) of a workshop whose log holds n events: it should
// not grow with n. The log is written straight to the store (item edits
// on 500 ideas), as many members would have sent it.
func BenchmarkPoll(b *testing.B) {
	for _, n := range []int{100, 2000, 20000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			ctx := context.Background()
			st, do := benchAPI(b)
			rec := do(http.MethodPost, "/v1/workshops", "", `{"name":"F","course":{"position":"Agent","purpose":"To help guests","process":"Check-in"}}`)
			var created struct {
				ID     string `json:"id"`
				Token  string `json:"facilitator_token"`
				Member string `json:"member_id"`
			}
			require.NoError(b, json.Unmarshal(rec.Body.Bytes(), &created))
			tok := created.Token
			ev := "/v1/workshops/" + created.ID + "/events"
			do(http.MethodPost, ev, tok, `{"id":"n1","type":"step.next"}`)
			do(http.MethodPost, ev, tok, `{"id":"n2","type":"step.next"}`)
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
			var state struct {
				Cursor int64 `json:"cursor"`
				View   struct {
					Items []any `json:"items"`
				} `json:"view"`
			}
			rec = do(http.MethodGet, "/v1/workshops/"+created.ID, tok, "")
			require.Equal(b, http.StatusOK, rec.Code, rec.Body.String())
			require.NoError(b, json.Unmarshal(rec.Body.Bytes(), &state))
			require.Len(b, state.View.Items, min(n, 500))
			poll := fmt.Sprintf("%s?after=%d", ev, state.Cursor)
			b.ReportAllocs()
			for b.Loop() {
				if rec := do(http.MethodGet, poll, tok, ""); rec.Code != http.StatusOK {
					b.Fatal(rec.Body.String())
				}
				if rec := do(http.MethodGet, "/v1/workshops/"+created.ID, tok, ""); rec.Code != http.StatusOK {
					b.Fatal(rec.Body.String())
				}
			}
		})
	}
}
