package apitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/wasm/internal/skips"
)

// NodeWanted skips t unless the worker's Node packages are installed
// (under CI their absence fails t instead). nodeModules is the path of
// wasm/worker/node_modules. A package whose tests call it reports the
// skips in go test's default output with skips.Main as its TestMain.
func NodeWanted(t *testing.T, nodeModules string) {
	t.Helper()
	skips.Need(t, "the worker's Node packages", filepath.Join(nodeModules, ".bin", "wrangler"), ".ci/setup-worker.sh")
}

// LRS is the in-memory xAPI LRS of the npm package xapi-statements,
// running on loopback behind a proxy that can play dead.
type LRS struct {
	// URL is the xAPI endpoint to configure (through the proxy).
	URL    string
	direct string
	down   atomic.Bool
	puts   atomic.Int64
}

// StartLRS starts xapi-statements from nodeModules on a free port.
func StartLRS(t *testing.T, nodeModules string) *LRS {
	t.Helper()
	NodeWanted(t, nodeModules)
	port := freeLoopbackPort(t)
	dir := t.TempDir()
	cmd := exec.Command("node", filepath.Join(nodeModules, "xapi-statements", "dist", "index.js"))
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "AUTH_REPO=test", "EVENTS_REPO=test", "MODELS_REPO=memory", "STORAGE_REPO=memory",
		fmt.Sprintf("EXPRESS_PORT=%d", port), "WINSTON_CONSOLE_LEVEL=error", "EXPRESS_MORGAN_DIRECTORY="+filepath.Join(dir, "logs"),
		"FS_LOCAL_STORAGE_DIR="+filepath.Join(dir, "storage"), "NODE_NO_WARNINGS=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var log bytes.Buffer
	cmd.Stdout, cmd.Stderr = &log, &log
	require.NoError(t, cmd.Start())
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		cmd.Wait()
	})
	l := &LRS{direct: fmt.Sprintf("http://127.0.0.1:%d/xAPI/", port)}
	deadline := time.Now().Add(30 * time.Second)
	for {
		res, err := http.Get(l.direct + "about")
		if err == nil {
			res.Body.Close()
			break
		}
		require.True(t, time.Now().Before(deadline), "xapi-statements did not start:\n%s", log.String())
		time.Sleep(200 * time.Millisecond)
	}
	target, _ := url.Parse(fmt.Sprintf("http://127.0.0.1:%d", port))
	proxy := httputil.NewSingleHostReverseProxy(target)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if l.down.Load() {
			http.Error(w, "LRS down for the test", http.StatusServiceUnavailable)
			return
		}
		if r.Method == http.MethodPut {
			l.puts.Add(1)
		}
		proxy.ServeHTTP(w, r)
	})}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	l.URL = "http://" + ln.Addr().String() + "/xAPI/"
	return l
}

func freeLoopbackPort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// Down makes the LRS unreachable (503) until Up.
func (l *LRS) Down() { l.down.Store(true) }

// Up brings it back.
func (l *LRS) Up() { l.down.Store(false) }

// Statements returns every statement the LRS stores.
func (l *LRS) Statements(t *testing.T) []map[string]any {
	t.Helper()
	var all []map[string]any
	next := l.direct + "statements?limit=500"
	for next != "" {
		hr, _ := http.NewRequest(http.MethodGet, next, nil)
		hr.Header.Set("X-Experience-API-Version", "1.0.3")
		hr.SetBasicAuth("test", "test")
		res, err := http.DefaultClient.Do(hr)
		require.NoError(t, err)
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		require.Equal(t, http.StatusOK, res.StatusCode, "%s", b)
		var page struct {
			Statements []map[string]any `json:"statements"`
			More       string           `json:"more"`
		}
		require.NoError(t, json.Unmarshal(b, &page))
		all = append(all, page.Statements...)
		next = ""
		if page.More != "" {
			u, _ := url.Parse(l.direct)
			m, _ := url.Parse(page.More)
			next = u.ResolveReference(m).String()
		}
	}
	return all
}

// received counts the statements the LRS stores by id.
func (l *LRS) received(t *testing.T) map[string]int {
	t.Helper()
	n := map[string]int{}
	for _, s := range l.Statements(t) {
		n[s["id"].(string)]++
	}
	return n
}

// ValidateStatements checks statements with @learninglocker/xapi-validation.
func ValidateStatements(t *testing.T, nodeModules string, statements []map[string]any) {
	t.Helper()
	results, err := validateXAPI(t, nodeModules, statements)
	for i, r := range results {
		assert.Empty(t, r, "statement %d is not valid xAPI: %s", i, mustJSON(t, statements[i]))
	}
	require.NoError(t, err)
}

func validateXAPI(t *testing.T, nodeModules string, statements []map[string]any) ([][]map[string]string, error) {
	t.Helper()
	script := filepath.Join(filepath.Dir(nodeModules), "tools", "validate-xapi.js")
	cmd := exec.Command("node", script)
	cmd.Env = append(os.Environ(), "NODE_PATH="+nodeModules)
	cmd.Dir = filepath.Dir(nodeModules)
	cmd.Stdin = bytes.NewReader(mustJSON(t, statements))
	out, err := cmd.Output()
	var results [][]map[string]string
	require.NoError(t, json.Unmarshal(out, &results), "validator output: %s (%v)", out, err)
	require.Len(t, results, len(statements))
	return results, err
}

// RunXAPI produces every kind of statement with the LRS up, then with it
// down, brings it back and checks that every statement arrived once and
// that each is valid xAPI 1.0.3 without a version field. flush asks the
// API to retry its outbox.
func RunXAPI(t *testing.T, tg Target, l *LRS, nodeModules string) {

	up := tg.produceStatements(t, "while the LRS is up")
	l.Down()
	down := tg.produceStatements(t, "while the LRS is down")
	// Nothing is lost while it is down: a flush fails and keeps them.
	r := tg.do(t, req{method: http.MethodPost, path: "/v1/xapi/flush", auth: tg.OrgKey})
	requireOK(t, r, http.StatusOK)
	var fl struct{ Sent, Failed, Pending int }
	r.json(t, &fl)
	assert.Equal(t, 0, fl.Sent)
	assert.GreaterOrEqual(t, fl.Pending, len(down))
	l.Up()
	for range 5 {
		r = tg.do(t, req{method: http.MethodPost, path: "/v1/xapi/flush", auth: tg.OrgKey})
		requireOK(t, r, http.StatusOK)
		r.json(t, &fl)
		if fl.Pending == 0 {
			break
		}
	}
	assert.Equal(t, 0, fl.Pending, "the outbox is empty once the LRS is back")
	// A second flush sends nothing again.
	before := l.puts.Load()
	r = tg.do(t, req{method: http.MethodPost, path: "/v1/xapi/flush", auth: tg.OrgKey})
	requireOK(t, r, http.StatusOK)
	assert.Equal(t, before, l.puts.Load())

	count := l.received(t)
	for _, id := range append(up, down...) {
		assert.Equal(t, 1, count[id], "statement %s arrives exactly once", id)
	}

	// Every statement we produce, as the API serves it, is valid xAPI and
	// carries no version of its own.
	var ours []map[string]any
	for _, id := range append(up, down...) {
		s := tg.statement(t, tg.OrgKey, id)
		require.NotNil(t, s)
		assert.NotContains(t, s, "version")
		ours = append(ours, s)
	}
	require.Len(t, ours, 6)
	ValidateStatements(t, nodeModules, ours)

	// The validator does reject a broken statement (a version we must not
	// set is fine for it, so break the actor instead).
	broken := map[string]any{}
	for k, v := range ours[0] {
		broken[k] = v
	}
	broken["actor"] = map[string]any{"name": "no identifier"}
	res, err := validateXAPI(t, nodeModules, []map[string]any{broken})
	assert.Error(t, err)
	assert.NotEmpty(t, res[0])
}

// produceStatements makes one statement of each kind (a workshop
// completed, a practice graded, a standard acknowledged) and returns their
// ids.
func (tg Target) produceStatements(t *testing.T, tag string) []string {
	var ids []string
	w := tg.create(t, tg.OrgKey, nil)
	ana := tg.join(t, w, "Ana", "10.3.0.1")
	tg.toStep(t, w, 2)
	tg.send(t, w, ana.Token, map[string]any{"id": "p1", "type": "item.add", "item": "p1", "column": "purposeful", "text": "Remember the guest's name " + tag})
	tg.send(t, w, w.Facilitator, map[string]any{"id": "rv", "type": "ideas.reveal"})
	tg.send(t, w, w.Facilitator, map[string]any{"id": "next-2", "type": "step.next"})
	tg.send(t, w, w.Facilitator, map[string]any{"id": "d1", "type": "decide", "item": "p1", "status": "adopted"})
	r := tg.do(t, req{method: http.MethodPost, path: "/v1/workshops/" + w.ID + "/complete", auth: w.Facilitator})
	requireOK(t, r, http.StatusOK)
	var c struct {
		StatementID string `json:"statement_id"`
	}
	r.json(t, &c)
	ids = append(ids, c.StatementID)

	r = tg.do(t, req{method: http.MethodGet, path: "/v1/recovery/scenarios"})
	var sc struct {
		Scenarios []struct {
			ID string `json:"id"`
		} `json:"scenarios"`
	}
	r.json(t, &sc)
	actor := `{"name":"Ana","account":{"homePage":"https://lms.example.com","name":"ana-42"}}`
	r = tg.do(t, req{method: http.MethodPost, path: "/v1/recovery/grade", auth: tg.OrgKey,
		body: []byte(`{"scenario":"` + sc.Scenarios[0].ID + `","reply":"I am so sorry. I will put it right now.","actor":` + actor + `}`)})
	requireOK(t, r, http.StatusOK)
	r.json(t, &c)
	ids = append(ids, c.StatementID)

	var book struct {
		Standards []json.RawMessage `json:"standards"`
	}
	require.NoError(t, json.Unmarshal(bookDoc, &book))
	r = tg.do(t, req{method: http.MethodPost, path: "/v1/standards/acknowledge", auth: tg.OrgKey,
		body: []byte(`{"standard":` + string(book.Standards[0]) + `,"actor":{"mbox":"mailto:ana@example.com"}}`)})
	requireOK(t, r, http.StatusOK)
	r.json(t, &c)
	ids = append(ids, c.StatementID)
	return ids
}

// RunXAPIRetry checks the retry that needs no API call (the worker's cron
// trigger, the local server's timer): statements made while the LRS is
// down wait in the outbox; once it is back, retry delivers each of them
// exactly once, and a second retry sends nothing more.
func RunXAPIRetry(t *testing.T, tg Target, l *LRS, retry func(t *testing.T)) {
	l.Down()
	ids := tg.produceStatements(t, "before a scheduled retry")
	l.Up()
	early := l.received(t)
	for _, id := range ids {
		require.Zero(t, early[id], "statement %s reached the LRS while it was down", id)
	}
	retry(t)
	got := l.received(t)
	for _, id := range ids {
		assert.Equal(t, 1, got[id], "statement %s arrives exactly once after the retry", id)
	}
	before := l.puts.Load()
	retry(t)
	assert.Equal(t, before, l.puts.Load(), "a second retry sends nothing")
}
