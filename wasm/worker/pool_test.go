//go:build !js

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/recovery"
	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// answer is one response from the worker, read whole.
type answer struct {
	status   int
	instance string // X-Purposeful-Instance: which Go instance served it
	ctype    string
	body     []byte
	took     time.Duration
}

func (w *worker) call(t *testing.T, method, path, token, body string) answer {
	t.Helper()
	req, err := http.NewRequest(method, w.url+path, strings.NewReader(body))
	require.NoError(t, err)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	start := time.Now()
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return answer{status: res.StatusCode, instance: res.Header.Get("X-Purposeful-Instance"),
		ctype: res.Header.Get("Content-Type"), body: b, took: time.Since(start)}
}

func (a answer) problem(t *testing.T) api.Problem {
	t.Helper()
	assert.Equal(t, api.ProblemContentType, a.ctype)
	var p api.Problem
	require.NoError(t, json.Unmarshal(a.body, &p), "%s", a.body)
	return p
}

const reviewBody = `{"draft":"I am so sorry your room was not ready. I will have it ready in ten minutes and bring you a coffee while you wait.",` +
	`"situation":{"state":"upset","cause":"our-error"}}`

// TestWorkerPool checks the pool of Go instances under workerd: overlapping
// requests each get their own instance, and an instance that panics, dies
// or hangs costs only its own request.
func TestWorkerPool(t *testing.T) {
	w := startWorker(t, map[string]string{
		"PURPOSEFUL_TEST_FAULTS":        "1",
		"PURPOSEFUL_REQUEST_TIMEOUT_MS": "8000",
		"PURPOSEFUL_QUEUE_TIMEOUT_MS":   "60000",
		"PURPOSEFUL_POOL_SIZE":          "4",
	})

	t.Run("concurrent reviews and writes to one workshop", func(t *testing.T) {
		var req struct {
			Draft     string             `json:"draft"`
			Situation recovery.Situation `json:"situation"`
		}
		require.NoError(t, json.Unmarshal([]byte(reviewBody), &req))
		want, err := recovery.Review(req.Draft, req.Situation)
		require.NoError(t, err)
		wantJSON, err := json.Marshal(want)
		require.NoError(t, err)

		created := w.call(t, "POST", "/v1/workshops", w.keyA,
			`{"name":"Fatima","course":{"organisation":"Harbour Hotel","position":"Front-desk agent","purpose":"to create loyal guests","process":"Guest check-in"}}`)
		require.Equal(t, http.StatusCreated, created.status, "%s", created.body)
		var ws struct {
			ID    string `json:"id"`
			Token string `json:"facilitator_token"`
		}
		require.NoError(t, json.Unmarshal(created.body, &ws))
		for i := range 2 { // course -> team -> create
			a := w.call(t, "POST", "/v1/workshops/"+ws.ID+"/events", ws.Token, fmt.Sprintf(`{"id":"next-%d","type":"step.next"}`, i))
			require.Equal(t, http.StatusOK, a.status, "%s", a.body)
		}

		const n = 32
		answers := make([]answer, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Go(func() {
				if i%2 == 0 {
					answers[i] = w.call(t, "POST", "/v1/recovery/review", "", reviewBody)
					return
				}
				answers[i] = w.call(t, "POST", "/v1/workshops/"+ws.ID+"/events", ws.Token,
					fmt.Sprintf(`{"id":"idea-%d","type":"item.add","item":"idea-%d","column":"purposeful","text":"Idea %d"}`, i, i, i))
			})
		}
		wg.Wait()
		instances := map[string]bool{}
		for i, a := range answers {
			require.Equal(t, http.StatusOK, a.status, "request %d: %s", i, a.body)
			instances[a.instance] = true
			if i%2 == 0 {
				assert.JSONEq(t, string(wantJSON), string(a.body), "request %d: the review differs from the library's", i)
				continue
			}
			var out struct {
				Applied int `json:"applied"`
			}
			require.NoError(t, json.Unmarshal(a.body, &out))
			assert.Equal(t, 1, out.Applied, "request %d", i)
		}
		assert.LessOrEqual(t, len(instances), 4, "the pool stays within PURPOSEFUL_POOL_SIZE")

		list := w.call(t, "GET", "/v1/workshops/"+ws.ID+"/events?after=0&limit=1000", ws.Token, "")
		require.Equal(t, http.StatusOK, list.status, "%s", list.body)
		var evs struct {
			Events []struct {
				Event struct {
					ID string `json:"id"`
				} `json:"event"`
			} `json:"events"`
		}
		require.NoError(t, json.Unmarshal(list.body, &evs))
		stored := map[string]bool{}
		for _, e := range evs.Events {
			stored[e.Event.ID] = true
		}
		for i := 1; i < n; i += 2 {
			assert.True(t, stored[fmt.Sprintf("idea-%d", i)], "idea-%d was acknowledged but not stored", i)
		}
	})

	t.Run("a handler panic answers 500 and the instance serves on", func(t *testing.T) {
		a := w.call(t, "GET", "/__test/panic", "", "")
		require.Equal(t, http.StatusInternalServerError, a.status)
		assert.Equal(t, api.TypeInternal, a.problem(t).Type)
		next := w.call(t, "GET", "/v1/health", "", "")
		require.Equal(t, http.StatusOK, next.status, "%s", next.body)
		assert.Equal(t, a.instance, next.instance, "the same instance serves the next request")
	})

	t.Run("a background panic ends only its instance", func(t *testing.T) {
		a := w.call(t, "GET", "/__test/crash", "", "")
		require.Equal(t, http.StatusAccepted, a.status, "%s", a.body)
		next := w.call(t, "GET", "/v1/health", "", "")
		require.Equal(t, http.StatusOK, next.status, "%s", next.body)
		assert.NotEqual(t, a.instance, next.instance, "a new instance serves the next request")
		assert.NotContains(t, w.poolIDs(t), a.instance, "the dead instance left the pool")
	})

	t.Run("a hung request is cut and the pool recovers", func(t *testing.T) {
		hung := make(chan answer, 1)
		go func() { hung <- w.call(t, "GET", "/__test/hang", "", "") }()
		time.Sleep(300 * time.Millisecond)
		// Meanwhile the other instances serve.
		other := w.call(t, "POST", "/v1/recovery/review", "", reviewBody)
		require.Equal(t, http.StatusOK, other.status, "%s", other.body)
		a := <-hung
		require.Equal(t, http.StatusServiceUnavailable, a.status, "%s", a.body)
		assert.Equal(t, api.TypeUnavailable, a.problem(t).Type)
		assert.Less(t, a.took, 15*time.Second, "cut after PURPOSEFUL_REQUEST_TIMEOUT_MS (8 s)")
		assert.NotContains(t, w.poolIDs(t), a.instance, "the hung instance left the pool")
		for range 8 {
			next := w.call(t, "POST", "/v1/recovery/review", "", reviewBody)
			require.Equal(t, http.StatusOK, next.status, "%s", next.body)
		}
	})
}

// poolIDs lists the instances the pool holds (GET /__test/pool).
func (w *worker) poolIDs(t *testing.T) []string {
	t.Helper()
	a := w.call(t, "GET", "/__test/pool", "", "")
	require.Equal(t, http.StatusOK, a.status)
	var out struct {
		Instances []struct {
			ID int `json:"id"`
		} `json:"instances"`
	}
	require.NoError(t, json.Unmarshal(a.body, &out))
	var ids []string
	for _, it := range out.Instances {
		ids = append(ids, fmt.Sprint(it.ID))
	}
	return ids
}

// TestWorkerBadSettings checks that a setting the worker cannot use is
// reported on every request, naming the variable, and that the failing
// cron run it causes does not end the instance.
func TestWorkerBadSettings(t *testing.T) {
	w := startWorker(t, map[string]string{
		"PURPOSEFUL_TEST_FAULTS": "1",
		"PURPOSEFUL_ORIGINS":     "lms.example.com/course",
	})
	for _, path := range []string{"/v1/health", "/v1/recovery/phrases"} {
		a := w.call(t, "GET", path, "", "")
		require.Equal(t, http.StatusServiceUnavailable, a.status, "%s", a.body)
		p := a.problem(t)
		assert.Equal(t, api.TypeUnavailable, p.Type)
		assert.Contains(t, p.Detail, "PURPOSEFUL_ORIGINS")
	}
	before := w.call(t, "GET", "/v1/health", "", "")
	res, err := http.Get(w.url + "/__scheduled?cron=*/5+*+*+*+*")
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusInternalServerError, res.StatusCode, "the scheduled run reports the bad setting")
	after := w.call(t, "GET", "/v1/health", "", "")
	assert.Equal(t, before.instance, after.instance, "a failing cron run does not end its instance")

	// A bad pool setting is reported the same way, by the glue.
	w2 := startWorker(t, map[string]string{"PURPOSEFUL_POOL_SIZE": "lots"})
	a := w2.call(t, "GET", "/v1/health", "", "")
	require.Equal(t, http.StatusServiceUnavailable, a.status, "%s", a.body)
	assert.Contains(t, a.problem(t).Detail, "PURPOSEFUL_POOL_SIZE")
}
