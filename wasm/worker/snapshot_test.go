//go:build !js

package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestWorkerSnapshots: a workshop long enough to get a stored session
// snapshot in D1 reads the same from every Go instance of the pool, each
// of which starts from the snapshot, and takes appends through any of
// them.
func TestWorkerSnapshots(t *testing.T) {
	w := startWorker(t, map[string]string{"PURPOSEFUL_POOL_SIZE": "4"})
	created := w.call(t, "POST", "/v1/workshops", w.keyA,
		`{"name":"Fatima","course":{"position":"Front-desk agent","purpose":"to create loyal guests","process":"Guest check-in"}}`)
	require.Equal(t, http.StatusCreated, created.status, "%s", created.body)
	var ws struct {
		ID    string `json:"id"`
		Token string `json:"facilitator_token"`
	}
	require.NoError(t, json.Unmarshal(created.body, &ws))
	events := "/v1/workshops/" + ws.ID + "/events"
	for i := range 2 { // course -> team -> create
		a := w.call(t, "POST", events, ws.Token, fmt.Sprintf(`{"id":"next-%d","type":"step.next"}`, i))
		require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	}
	const ideas = 250 // more than the API folds before it stores a snapshot
	for start := 0; start < ideas; start += 50 {
		var batch []string
		for i := start; i < start+50; i++ {
			batch = append(batch, fmt.Sprintf(`{"id":"idea-%d","type":"item.add","item":"idea-%d","column":"purposeful","text":"Idea %d"}`, i, i, i))
		}
		a := w.call(t, "POST", events, ws.Token, `{"events":[`+strings.Join(batch, ",")+`]}`)
		require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	}
	snapshots := w.d1(t, `SELECT count(*) AS n FROM snapshots WHERE workshop_id = '`+ws.ID+`'`)
	assert.NotEqual(t, "0", snapshots, "a snapshot is stored in D1")

	// Reads at once, so that several instances serve them: all the same.
	read := func(path string) []string {
		out := make([]string, 8)
		var wg sync.WaitGroup
		for i := range out {
			wg.Go(func() {
				a := w.call(t, "GET", path, ws.Token, "")
				assert.Equal(t, http.StatusOK, a.status, "%s", a.body)
				out[i] = string(a.body)
			})
		}
		wg.Wait()
		return slices.Compact(out)
	}
	for _, path := range []string{"/v1/workshops/" + ws.ID + "/export?format=csv", events + "?after=0&limit=1000"} {
		got := read(path)
		require.Len(t, got, 1, "%s: every instance answers the same", path)
		assert.Equal(t, ideas, strings.Count(got[0], "Idea "), path)
	}
	a := w.call(t, "POST", events, ws.Token, `{"id":"late","type":"item.edit","item":"idea-3","text":"Idea three, edited"}`)
	require.Equal(t, http.StatusOK, a.status, "%s", a.body)
	for _, got := range read("/v1/workshops/" + ws.ID + "/export?format=csv") {
		assert.Contains(t, got, "Idea three, edited", "every instance sees the append")
	}
}

// d1 runs one query on the worker's local D1 and returns the first
// column of its first row.
func (w *worker) d1(t *testing.T, query string) string {
	t.Helper()
	i := slices.Index(w.cmd.Args, "--persist-to")
	require.Positive(t, i)
	cmd := exec.Command(filepath.Join("node_modules", ".bin", "wrangler"), "d1", "execute", "DB", "--local",
		"--persist-to", w.cmd.Args[i+1], "--json", "--command", query)
	cmd.Env = append(os.Environ(), "WRANGLER_SEND_METRICS=false", "CI=true", "NO_COLOR=1")
	out, err := cmd.Output()
	require.NoError(t, err, "%s", out)
	var res []struct {
		Results []map[string]any `json:"results"`
	}
	require.NoError(t, json.Unmarshal(out, &res), "%s", out)
	require.NotEmpty(t, res)
	require.NotEmpty(t, res[0].Results)
	for _, v := range res[0].Results[0] {
		return fmt.Sprint(v)
	}
	return ""
}
