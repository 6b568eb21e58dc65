//go:build !js

package api_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/api/apitest"
	"github.com/purposefulcx/purposeful/wasm/store"
	"github.com/purposefulcx/purposeful/wasm/store/sqlite"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestAccountability runs the accountability loop natively on SQLite.
func TestAccountability(t *testing.T) {
	tg, _ := newTarget(t, nil)
	apitest.RunAccountability(t, tg)
}

// roundTrips counts what the database is asked for as D1 would see it:
// every statement outside a batch is a round trip (a query), and every
// batch is one (D1's batch(), here a transaction).
type roundTrips struct {
	mu               sync.Mutex
	reads, batches   int
	inBatch          bool
	statementsInTxns int
}

func (r *roundTrips) total() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.reads + r.batches
}

func (r *roundTrips) reset() {
	r.mu.Lock()
	r.reads, r.batches, r.statementsInTxns = 0, 0, 0
	r.mu.Unlock()
}

type countingConnector struct {
	dsn string
	drv driver.Driver
	rt  *roundTrips
}

func (c countingConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := c.drv.Open(c.dsn)
	if err != nil {
		return nil, err
	}
	return countingConn{Conn: conn, rt: c.rt}, nil
}

func (c countingConnector) Driver() driver.Driver { return c.drv }

// countingConn offers only the basic driver.Conn methods, so database/sql
// sends every statement through Prepare, where it is counted.
type countingConn struct {
	driver.Conn
	rt *roundTrips
}

func (c countingConn) Prepare(q string) (driver.Stmt, error) {
	c.rt.mu.Lock()
	if c.rt.inBatch {
		c.rt.statementsInTxns++
	} else {
		c.rt.reads++
	}
	c.rt.mu.Unlock()
	return c.Conn.Prepare(q)
}

//lint:ignore SA1019 the basic interface is the point
func (c countingConn) Begin() (driver.Tx, error) {
	c.rt.mu.Lock()
	c.rt.batches++
	c.rt.inBatch = true
	c.rt.mu.Unlock()
	tx, err := c.Conn.Begin() //nolint:staticcheck
	return countingTx{Tx: tx, rt: c.rt}, err
}

type countingTx struct {
	driver.Tx
	rt *roundTrips
}

func (t countingTx) Commit() error   { t.end(); return t.Tx.Commit() }
func (t countingTx) Rollback() error { t.end(); return t.Tx.Rollback() }
func (t countingTx) end() {
	t.rt.mu.Lock()
	t.rt.inBatch = false
	t.rt.mu.Unlock()
}

// TestRecordObservationRoundTrips: recording an observation with a role
// token, xAPI on, is one read and one batch: two round trips on D1.
func TestRecordObservationRoundTrips(t *testing.T) {
	path := filepath.Join(t.TempDir(), "count.sqlite")
	base, err := sqlite.Open(context.Background(), path)
	require.NoError(t, err)
	drv := base.DB().Driver()
	base.DB().Close()
	rt := &roundTrips{}
	db := sql.OpenDB(countingConnector{dsn: "file:" + path + "?_pragma=busy_timeout(5000)", drv: drv, rt: rt})
	db.SetMaxOpenConns(1)
	t.Cleanup(func() { db.Close() })
	st := store.New(db, nil)
	key, k, err := api.NewAPIKey("acme", nil)
	require.NoError(t, err)
	srv := httptest.NewServer(api.New(api.Config{Store: st, APIKeys: []api.APIKey{k}}))
	t.Cleanup(srv.Close)
	do := func(method, path, auth string, body any) (int, []byte) {
		b, _ := json.Marshal(body)
		req, _ := http.NewRequest(method, srv.URL+"/v1/accountability"+path, strings.NewReader(string(b)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+auth)
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer res.Body.Close()
		var out json.RawMessage
		json.NewDecoder(res.Body).Decode(&out)
		return res.StatusCode, out
	}
	token := func(id, role string) string {
		code, body := do(http.MethodPut, "/people/"+id, key, map[string]string{"role": role, "team": "harbour"})
		require.Equal(t, http.StatusOK, code, "%s", body)
		var p struct{ Token string }
		require.NoError(t, json.Unmarshal(body, &p))
		return p.Token
	}
	sup := token("sup-ana", "supervisor")
	token("staff-01", "staff")
	code, body := do(http.MethodPut, "/settings", key, map[string]any{"xapi": true})
	require.Equal(t, http.StatusOK, code, "%s", body)
	card := standards.Scorecard{ID: "checkin", Name: "Check-in", Sections: []standards.Section{{Name: "Welcome", Criteria: []standards.Criterion{{Standard: "s1", Weight: 1}, {Standard: "s2", Weight: 1}}}}}
	stds := []standards.Standard{
		{ID: "s1", Code: "FD-01", Position: "Front desk", Process: "Check-in", Statement: "Greet each guest within 10 seconds.", Method: standards.Method{Kind: standards.Threshold, Value: 10, Unit: "seconds"}},
		{ID: "s2", Code: "FD-02", Position: "Front desk", Process: "Check-in", Statement: "Use the guest's name twice."},
	}
	code, body = do(http.MethodPut, "/books/fd", sup, map[string]any{"team": "frontdesk", "standards": stds, "scorecards": []standards.Scorecard{card}})
	require.Equal(t, http.StatusOK, code, "%s", body)

	obs := map[string]any{"book": "fd", "id": "o1", "scorecard": "checkin", "subject": "staff-01", "interaction": "check-in 1",
		"at": time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC), "ratings": []standards.Rating{{Standard: "s1", Value: 1}, {Standard: "s2", Value: 0}}}
	for _, tc := range []struct {
		name   string
		status int
	}{{"new", http.StatusCreated}, {"retry", http.StatusOK}} {
		t.Run(tc.name, func(t *testing.T) {
			rt.reset()
			code, body := do(http.MethodPost, "/observations", sup, obs)
			require.Equal(t, tc.status, code, "%s", body)
			t.Logf("reads %d, batches %d, statements in the batch %d", rt.reads, rt.batches, rt.statementsInTxns)
			assert.LessOrEqual(t, rt.total(), 2, "reads %d, batches %d", rt.reads, rt.batches)
			if tc.status == http.StatusCreated {
				assert.Equal(t, 1, rt.batches)
				assert.Greater(t, rt.statementsInTxns, 3, "the batch holds the observation, its tallies, history and xAPI statement")
			}
		})
	}
}

// BenchmarkAccountabilityReport is the report of one book over 100,000
// stored observations (60 staff in 3 teams, a year of weeks, 4
// standards), through the API on SQLite: the figure behind "a report
// within 300 ms on the local server".
func BenchmarkAccountabilityReport(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			srv, sup := seedReport(b, n)
			get := func() *http.Response {
				req, _ := http.NewRequest(http.MethodGet, srv.URL+"/v1/accountability/books/fd/report", nil)
				req.Header.Set("Authorization", "Bearer "+sup)
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				return res
			}
			res := get()
			var rep standards.Report
			err := json.NewDecoder(res.Body).Decode(&rep)
			res.Body.Close()
			if err != nil || rep.Overall.Reviews != n {
				b.Fatalf("report: %v, %d reviews", err, rep.Overall.Reviews)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				res := get()
				m, err := io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if err != nil || res.StatusCode != http.StatusOK || m == 0 {
					b.Fatalf("report: %v, status %d", err, res.StatusCode)
				}
			}
		})
	}
}

// seedReport stores n observations directly with the store's statements
// (the API would record them the same way, one at a time).
func seedReport(b *testing.B, n int) (*httptest.Server, string) {
	b.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "report.sqlite"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.DB().Close() })
	key, k, _ := api.NewAPIKey("acme", nil)
	srv := httptest.NewServer(api.New(api.Config{Store: st, APIKeys: []api.APIKey{k}}))
	b.Cleanup(srv.Close)
	put := func(path string, body any) []byte {
		raw, _ := json.Marshal(body)
		req, _ := http.NewRequest(http.MethodPut, srv.URL+"/v1/accountability"+path, strings.NewReader(string(raw)))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+key)
		res, err := http.DefaultClient.Do(req)
		if err != nil || res.StatusCode != http.StatusOK {
			b.Fatalf("PUT %s: %v %v", path, err, res)
		}
		defer res.Body.Close()
		var out json.RawMessage
		json.NewDecoder(res.Body).Decode(&out)
		return out
	}
	var p struct{ Token string }
	json.Unmarshal(put("/people/sup-ana", map[string]string{"role": "supervisor", "team": "harbour"}), &p)
	stds := []standards.Standard{}
	var crit []standards.Criterion
	for i := range 4 {
		id := fmt.Sprintf("s%d", i+1)
		stds = append(stds, standards.Standard{ID: id, Code: fmt.Sprintf("FD-%02d", i+1), Position: "Front desk", Process: "Check-in", Statement: "Greet each guest by name " + id + "."})
		crit = append(crit, standards.Criterion{Standard: id, Weight: float64(i + 1), NA: i == 3})
	}
	card := standards.Scorecard{ID: "checkin", Name: "Check-in", Sections: []standards.Section{{Name: "All", Criteria: crit}}}
	put("/books/fd", map[string]any{"team": "frontdesk", "standards": stds, "scorecards": []standards.Scorecard{card}})
	snap, err := st.Card(ctx, "acme", "fd", "checkin", 1)
	if err != nil {
		b.Fatal(err)
	}
	base := time.Date(2025, 12, 1, 8, 0, 0, 0, time.UTC)
	var stmts []store.Stmt
	for i := range n {
		o := standards.Observation{ID: fmt.Sprintf("o%06d", i), Scorecard: "checkin", Observer: "sup-ana", Subject: fmt.Sprintf("staff-%02d", i%60),
			Team: []string{"harbour", "garden", "tower"}[i%3], Interaction: "check-in", At: base.Add(time.Duration(i) * 5 * time.Minute)}
		for j := range 4 {
			r := standards.Rating{Standard: fmt.Sprintf("s%d", j+1), Value: (i*7 + j*3) % 5 / 4}
			if j == 3 && i%11 == 0 {
				r = standards.Rating{Standard: r.Standard, NA: true}
			}
			if j == 2 && i%97 == 0 {
				r.Deviation, r.Evidence = standards.Purposeful, "helped a guest with a flat tyre"
			}
			o.Ratings = append(o.Ratings, r)
		}
		bk := *snap
		bk.Observations = []standards.Observation{o}
		rs, err := bk.Reviews()
		if err != nil {
			b.Fatal(err)
		}
		so := store.StoredObservation{Org: "acme", Book: "fd", CardVersion: 1, Observation: o, Digest: "d", WriteID: o.ID, CreatedAt: 1, LocksAt: 2}
		s, err := store.RecordStmts(so, standards.TallyReview(&o, &rs[0], &bk.Scorecards[0], 0), bk.Stories(), "sup-ana")
		if err != nil {
			b.Fatal(err)
		}
		stmts = append(stmts, s...)
		if len(stmts) > 5000 || i == n-1 {
			if err := st.Batch(ctx, stmts...); err != nil {
				b.Fatal(err)
			}
			stmts = stmts[:0]
		}
	}
	return srv, p.Token
}
