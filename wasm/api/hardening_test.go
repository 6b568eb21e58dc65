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
	"sync"
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/store/sqlite"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// clock is a settable time for the handler: from base (the real time
// when base is zero), moved on by add.
type clock struct {
	mu   sync.Mutex
	base time.Time
	off  time.Duration
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.base.IsZero() {
		return time.Now().Add(c.off)
	}
	return c.base.Add(c.off)
}

func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	c.off += d
	c.mu.Unlock()
}

// set moves the clock to t.
func (c *clock) set(t time.Time) {
	c.mu.Lock()
	c.base, c.off = t, 0
	c.mu.Unlock()
}

// local is the API on a fresh SQLite database, called in process.
type local struct {
	t   *testing.T
	h   http.Handler
	clk *clock
}

func newLocal(t *testing.T, mod func(*api.Config)) *local {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "h.sqlite"))
	require.NoError(t, err)
	t.Cleanup(func() { st.DB().Close() })
	clk := &clock{base: time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)}
	cfg := api.Config{Store: st, PublicOrg: "local", ClientIPHeader: "X-Client", Now: clk.Now}
	if mod != nil {
		mod(&cfg)
	}
	return &local{t: t, h: api.New(cfg), clk: clk}
}

func (l *local) do(method, path, token, client, body string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, strings.NewReader(body))
	if body != "" {
		r.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	if client != "" {
		r.Header.Set("X-Client", client)
	}
	rec := httptest.NewRecorder()
	l.h.ServeHTTP(rec, r)
	return rec
}

type created struct {
	ID    string `json:"id"`
	Code  string `json:"join_code"`
	Token string `json:"facilitator_token"`
}

func (l *local) create() created {
	rec := l.do(http.MethodPost, "/v1/workshops", "", "10.0.0.1", `{"name":"Fatima","course":{"position":"Agent","purpose":"Loyal guests","process":"Check-in"}}`)
	require.Equal(l.t, http.StatusCreated, rec.Code, rec.Body.String())
	var c created
	require.NoError(l.t, json.Unmarshal(rec.Body.Bytes(), &c))
	return c
}

func (l *local) join(w created, client string) string {
	rec := l.do(http.MethodPost, "/v1/join", "", client, fmt.Sprintf(`{"code":%q,"name":"Ana"}`, w.Code))
	require.Equal(l.t, http.StatusCreated, rec.Code, rec.Body.String())
	var out struct {
		Token string `json:"participant_token"`
	}
	require.NoError(l.t, json.Unmarshal(rec.Body.Bytes(), &out))
	return out.Token
}

func requireProblem(t *testing.T, rec *httptest.ResponseRecorder, status int) {
	t.Helper()
	require.Equal(t, status, rec.Code, rec.Body.String())
	assert.True(t, strings.HasPrefix(rec.Header().Get("Content-Type"), "application/problem+json"))
}

// TestTokenExpiry (finding 12): tokens expire unless used; use renews them
// while the workshop is open; a completed workshop's participant tokens
// stop an hour after completion.
func TestTokenExpiry(t *testing.T) {
	l := newLocal(t, nil)
	w := l.create()
	ana := l.join(w, "10.0.0.2")
	ben := l.join(w, "10.0.0.3")
	state := "/v1/workshops/" + w.ID
	l.clk.add(7 * time.Hour) // Ana and the facilitator are active; Ben is not
	require.Equal(t, http.StatusOK, l.do(http.MethodGet, state, ana, "", "").Code)
	require.Equal(t, http.StatusOK, l.do(http.MethodGet, state, w.Token, "", "").Code)
	l.clk.add(6 * time.Hour) // 13 h after joining
	require.Equal(t, http.StatusOK, l.do(http.MethodGet, state, ana, "", "").Code, "renewed by use")
	rec := l.do(http.MethodGet, state, ben, "", "")
	requireProblem(t, rec, http.StatusUnauthorized)
	assert.Contains(t, rec.Body.String(), "expired")

	require.Equal(t, http.StatusOK, l.do(http.MethodPost, state+"/complete", w.Token, "", "").Code)
	require.Equal(t, http.StatusOK, l.do(http.MethodGet, state, ana, "", "").Code, "the summary stays readable for a while")
	l.clk.add(2 * time.Hour)
	requireProblem(t, l.do(http.MethodGet, state, ana, "", ""), http.StatusUnauthorized)
	require.Equal(t, http.StatusOK, l.do(http.MethodGet, state, w.Token, "", "").Code, "the facilitator still reads it")
}

// TestJoinWindowSlides (finding 4): wrong codes are counted in a sliding
// window, so the turn of a fixed window does not allow twice the limit.
func TestJoinWindowSlides(t *testing.T) {
	l := newLocal(t, nil)
	l.clk.set(time.Date(2026, 5, 4, 9, 14, 0, 0, time.UTC)) // 1 minute before a 15-minute boundary
	wrong := func(i int) *httptest.ResponseRecorder {
		return l.do(http.MethodPost, "/v1/join", "", "10.9.0.1", fmt.Sprintf(`{"code":"ZZZZ-ZZ%c%c","name":"M"}`, "ABCDEFGHJK"[i%10], "MNPQRSTVWX"[i/10]))
	}
	for i := range 10 {
		requireProblem(t, wrong(i), http.StatusNotFound)
	}
	l.clk.add(2 * time.Minute) // past the old bucket's end
	rec := wrong(10)
	requireProblem(t, rec, http.StatusTooManyRequests)
	assert.NotEmpty(t, rec.Header().Get("Retry-After"))
	l.clk.add(14 * time.Minute) // the first failures have left the window
	requireProblem(t, wrong(11), http.StatusNotFound)
}

// TestCreateQuotas (finding 9): creation is limited per client without a
// key, and per organisation.
func TestCreateQuotas(t *testing.T) {
	l := newLocal(t, func(c *api.Config) { c.CreatesPerAddress, c.CreatesPerOrg = 3, 5 })
	create := func(client string) int {
		return l.do(http.MethodPost, "/v1/workshops", "", client, `{"name":"Fatima"}`).Code
	}
	for range 3 {
		require.Equal(t, http.StatusCreated, create("10.1.0.1"))
	}
	rec := l.do(http.MethodPost, "/v1/workshops", "", "10.1.0.1", `{"name":"Fatima"}`)
	requireProblem(t, rec, http.StatusTooManyRequests)
	assert.NotEmpty(t, rec.Header().Get("Retry-After"))
	require.Equal(t, http.StatusCreated, create("10.1.0.2"))
	require.Equal(t, http.StatusCreated, create("10.1.0.3"))
	assert.Equal(t, http.StatusTooManyRequests, create("10.1.0.4"), "the organisation's quota is used up")
	l.clk.add(11 * time.Minute)
	assert.Equal(t, http.StatusCreated, create("10.1.0.4"))
}

// TestWorkshopByteCap (finding 1): a workshop's stored events are capped
// in bytes.
func TestWorkshopByteCap(t *testing.T) {
	l := newLocal(t, func(c *api.Config) { c.MaxWorkshopBytes = 6000 })
	w := l.create()
	ev := "/v1/workshops/" + w.ID + "/events"
	require.Equal(t, http.StatusOK, l.do(http.MethodPost, ev, w.Token, "", `{"id":"n1","type":"step.next"}`).Code)
	var last *httptest.ResponseRecorder
	for i := range 50 {
		l.clk.add(time.Second)
		last = l.do(http.MethodPost, ev, w.Token, "", fmt.Sprintf(`{"id":"k%d","type":"item.add","item":"k%d","column":"knowledge","text":%q}`, i, i, strings.Repeat("rates ", 30)))
		if last.Code != http.StatusOK {
			break
		}
	}
	requireProblem(t, last, http.StatusConflict)
	assert.Contains(t, last.Body.String(), "bytes")
}

// TestHostNames (finding 11): with AllowedHosts set, other Host names get
// 421 and no CORS answer.
func TestHostNames(t *testing.T) {
	l := newLocal(t, func(c *api.Config) { c.AllowedHosts = []string{"127.0.0.1:8080", "localhost:8080"} })
	r := httptest.NewRequest(http.MethodPost, "http://attacker.example/v1/workshops", strings.NewReader(`{"name":"A"}`))
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Origin", "http://attacker.example")
	rec := httptest.NewRecorder()
	l.h.ServeHTTP(rec, r)
	requireProblem(t, rec, http.StatusMisdirectedRequest)
	assert.Empty(t, rec.Header().Get("Access-Control-Allow-Origin"))
	r = httptest.NewRequest(http.MethodGet, "http://localhost:8080/v1/health", nil)
	rec = httptest.NewRecorder()
	l.h.ServeHTTP(rec, r)
	assert.Equal(t, http.StatusOK, rec.Code)
}

// TestControlInAuthorization (finding 12): an Authorization header with a
// NUL that reaches the handler gets a problem document.
func TestControlInAuthorization(t *testing.T) {
	l := newLocal(t, nil)
	w := l.create()
	r := httptest.NewRequest(http.MethodGet, "/v1/workshops/"+w.ID, nil)
	r.Header.Set("Authorization", "Bearer pft_\x00"+strings.Repeat("a", 43))
	rec := httptest.NewRecorder()
	l.h.ServeHTTP(rec, r)
	requireProblem(t, rec, http.StatusUnauthorized)
}
