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
	return st, api.Sender(api.New(api.Config{Store: st, PublicOrg: "local"}))
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
