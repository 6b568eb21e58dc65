package bridge_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/worker/bridge"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestServe(t *testing.T) {
	echo := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		w.Header().Set("X-Method", r.Method)
		w.Header().Set("X-Path", r.URL.Path+"?"+r.URL.RawQuery)
		w.Header()["X-Two"] = []string{"a", "b"}
		w.Header().Set("X-Auth", r.Header.Get("Authorization"))
		w.Header().Set("X-Split", "one\r\ntwo")
		w.WriteHeader(http.StatusCreated)
		w.Header().Set("X-Late", "not sent") // after the status: dropped, as net/http does
		w.Write(b)
	})
	tests := []struct {
		name       string
		h          http.Handler
		req        bridge.Request
		wantStatus int
		wantLines  []string
		wantBody   string
		wantType   string // problem type, when the answer is a problem
	}{
		{name: "round trip", h: echo,
			req: bridge.Request{Method: "POST", URL: "https://w.example/v1/x?after=3",
				Header: "authorization: Bearer abc\ncontent-type: application/json\n", Body: []byte(`{"a":1}`)},
			wantStatus: http.StatusCreated,
			wantLines:  []string{"X-Method: POST", "X-Path: /v1/x?after=3", "X-Two: a", "X-Two: b", "X-Auth: Bearer abc", "X-Split: one  two"},
			wantBody:   `{"a":1}`},
		{name: "no explicit status", h: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}),
			req: bridge.Request{Method: "GET", URL: "https://w.example/"}, wantStatus: http.StatusOK},
		{name: "panic before answering", h: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { panic("boom") }),
			req: bridge.Request{Method: "GET", URL: "https://w.example/"}, wantStatus: http.StatusInternalServerError,
			wantLines: []string{"Content-Type: application/problem+json"}, wantType: api.TypeInternal},
		{name: "panic after answering keeps the answer", h: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusAccepted)
			w.Write([]byte("part"))
			panic("boom")
		}), req: bridge.Request{Method: "GET", URL: "https://w.example/"}, wantStatus: http.StatusAccepted, wantBody: "part"},
		{name: "unreadable URL", h: echo, req: bridge.Request{Method: "GET", URL: "://nothing"},
			wantStatus: http.StatusBadRequest, wantType: api.TypeValidation},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := bridge.Serve(context.Background(), tc.h, tc.req)
			assert.Equal(t, tc.wantStatus, res.Status)
			lines := strings.Split(strings.TrimSuffix(res.Header, "\n"), "\n")
			for _, l := range tc.wantLines {
				assert.Contains(t, lines, l)
			}
			assert.NotContains(t, res.Header, "X-Late")
			if tc.wantType != "" {
				var p api.Problem
				require.NoError(t, json.Unmarshal(res.Body, &p))
				assert.Equal(t, tc.wantType, p.Type)
				assert.Equal(t, tc.wantStatus, p.Status)
				return
			}
			assert.Equal(t, tc.wantBody, string(res.Body))
		})
	}
}

func TestServeEndsTheRequestContext(t *testing.T) {
	var ctx context.Context
	bridge.Serve(context.Background(), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { ctx = r.Context() }),
		bridge.Request{Method: "GET", URL: "https://w.example/"})
	require.NotNil(t, ctx)
	assert.ErrorIs(t, ctx.Err(), context.Canceled, "work a handler leaves behind must see its request end")
}
