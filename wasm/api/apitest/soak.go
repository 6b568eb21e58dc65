package apitest

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// RunSoak sends requests from conns senders at once for d (bounded, loopback
// only): recovery reviews, workshop state and event polls of a workshop
// with ideas in it. Every answer must be 2xx. It logs the throughput and
// latency percentiles. (Concurrent appends are RunLoad's job: there a
// busy workshop may answer 503 and the client retries.)
func RunSoak(t *testing.T, tg Target, conns int, d time.Duration) {
	w := tg.create(t, tg.OrgKey, nil)
	members := make([]member, conns)
	for i := range members {
		members[i] = tg.join(t, w, fmt.Sprintf("S%d", i), fmt.Sprintf("10.4.0.%d", i))
	}
	tg.toStep(t, w, 2)
	for i, m := range members {
		id := fmt.Sprintf("s%d", i)
		tg.send(t, w, m.Token, map[string]any{"id": id, "type": "item.add", "item": id, "column": "purposeful", "text": fmt.Sprintf("Soak idea %d", i)})
	}
	review := []byte(`{"draft":"I am so sorry your room was not ready. I will have it ready in ten minutes and bring you a coffee while you wait.","situation":{"state":"upset","cause":"our-error"}}`)
	transport := tg.Transport
	if transport == nil {
		transport = &http.Transport{MaxIdleConnsPerHost: conns}
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: transport}
	var mu sync.Mutex
	var lat []time.Duration
	bad := map[int]int{}
	var errs []string
	stop := time.Now().Add(d)
	var wg sync.WaitGroup
	for i := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for n := 0; time.Now().Before(stop) && n < 100000; n++ {
				var hr *http.Request
				switch n % 4 {
				case 0, 1:
					hr, _ = http.NewRequest(http.MethodPost, tg.BaseURL+"/v1/recovery/review", bytes.NewReader(review))
					hr.Header.Set("Content-Type", "application/json")
				case 2:
					hr, _ = http.NewRequest(http.MethodGet, tg.BaseURL+"/v1/workshops/"+w.ID, nil)
					hr.Header.Set("Authorization", "Bearer "+members[i].Token)
				case 3:
					hr, _ = http.NewRequest(http.MethodGet, tg.BaseURL+"/v1/workshops/"+w.ID+"/events?after=0", nil)
					hr.Header.Set("Authorization", "Bearer "+members[i].Token)
				}
				start := time.Now()
				res, err := client.Do(hr)
				took := time.Since(start)
				mu.Lock()
				if err != nil {
					errs = append(errs, err.Error())
				} else {
					io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if res.StatusCode/100 != 2 {
						bad[res.StatusCode]++
					}
					lat = append(lat, took)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	require.NotEmpty(t, lat)
	sort.Slice(lat, func(a, b int) bool { return lat[a] < lat[b] })
	t.Logf("%d requests in %v from %d senders: %.0f/s, p50 %v, p99 %v", len(lat), d, conns,
		float64(len(lat))/d.Seconds(), lat[len(lat)/2].Round(time.Millisecond), lat[len(lat)*99/100].Round(time.Millisecond))
	assert.Empty(t, errs, "transport errors")
	assert.Empty(t, bad, "answers other than 2xx, by status")
}
