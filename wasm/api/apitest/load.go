package apitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// RunLoad has participants each add ideas purposeful ideas to one workshop,
// all at once, retrying on errors and re-sending some events on purpose;
// the workshop must end with exactly participants*ideas ideas, none twice.
func RunLoad(t *testing.T, tg Target, participants, ideas int) {
	w := tg.create(t, tg.OrgKey, nil)
	members := make([]member, participants)
	for i := range members {
		members[i] = tg.join(t, w, fmt.Sprintf("P%d", i), fmt.Sprintf("10.2.%d.%d", i/250, i%250))
	}
	tg.toStep(t, w, 2) // create

	client := &http.Client{Timeout: 60 * time.Second, Transport: tg.Transport}
	post := func(token string, body []byte) (int, error) {
		hr, err := http.NewRequest(http.MethodPost, tg.BaseURL+"/v1/workshops/"+w.ID+"/events", bytes.NewReader(body))
		if err != nil {
			return 0, err
		}
		hr.Header.Set("Content-Type", "application/json")
		hr.Header.Set("Authorization", "Bearer "+token)
		res, err := client.Do(hr)
		if err != nil {
			return 0, err
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode, nil
	}
	var mu sync.Mutex
	var failures []string
	retries := 0
	var wg sync.WaitGroup
	start := time.Now()
	for i, m := range members {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range ideas {
				id := fmt.Sprintf("p%d-%d", i, j)
				body, _ := json.Marshal(map[string]any{"id": id, "type": "item.add", "item": id,
					"column": "purposeful", "text": fmt.Sprintf("Idea %d from participant %d", j, i)})
				sends := 1
				if j%7 == 0 {
					sends = 2 // a client that did not see the answer sends again
				}
				for s := 0; s < sends; s++ {
					ok := false
					for attempt := 0; attempt < 40 && !ok; attempt++ {
						status, err := post(m.Token, body)
						switch {
						case err == nil && status == http.StatusOK:
							ok = true
						case err != nil || status >= 500 || status == http.StatusTooManyRequests:
							mu.Lock()
							retries++
							mu.Unlock()
							// Exponential back-off with jitter, capped at 2 s.
							back := min(2*time.Second, 25*time.Millisecond<<min(attempt, 7))
							time.Sleep(back/2 + time.Duration(rand.Int64N(int64(back/2))))
						default:
							mu.Lock()
							failures = append(failures, fmt.Sprintf("%s: %d", id, status))
							mu.Unlock()
							attempt = 40
						}
					}
					if !ok {
						mu.Lock()
						failures = append(failures, id+": gave up")
						mu.Unlock()
					}
				}
			}
		}()
	}
	wg.Wait()
	took := time.Since(start)
	require.Empty(t, failures)
	t.Logf("%d participants x %d ideas in %v (%d retries)", participants, ideas, took.Round(time.Millisecond), retries)

	tg.send(t, w, w.Facilitator, map[string]any{"id": "reveal-all", "type": "ideas.reveal"})
	st := tg.state(t, w, w.Facilitator)
	seen := map[string]bool{}
	texts := map[string]bool{}
	for _, it := range st.View.Items {
		if it.Column != "purposeful" {
			continue
		}
		assert.False(t, seen[it.ID], "idea %s twice", it.ID)
		assert.False(t, texts[it.Text], "text %q twice", it.Text)
		seen[it.ID], texts[it.Text] = true, true
	}
	assert.Len(t, seen, participants*ideas)
	evs := tg.events(t, w, w.Facilitator, 0)
	adds := 0
	for _, e := range evs.Events {
		if e.Event["type"] == "item.add" {
			adds++
		}
	}
	if len(evs.Events) < 1000 { // one page holds them all for small runs
		assert.Equal(t, participants*ideas, adds)
	}
}
