//go:build !js

package main

import (
	"bytes"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/api/apitest"
	"github.com/stretchr/testify/require"
)

// worker is a `wrangler dev --local` process serving the built worker with
// a fresh local D1 database.
type worker struct {
	url        string
	keyA, keyB string
	cmd        *exec.Cmd
	log        *bytes.Buffer
}

func freePort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// startWorker builds the worker, applies the migrations to a temporary
// local D1 and starts wrangler dev on a free loopback port. vars are extra
// worker variables.
func startWorker(t *testing.T, vars map[string]string) *worker {
	t.Helper()
	apitest.NodeWanted(t, "node_modules")
	env := append(os.Environ(), "WRANGLER_SEND_METRICS=false", "CI=true", "NO_COLOR=1")
	run := func(name string, args ...string) {
		cmd := exec.Command(name, args...)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s %v:\n%s", name, args, out)
	}
	wrangler := filepath.Join("node_modules", ".bin", "wrangler")
	run("bash", "build.sh")
	state := t.TempDir()
	run(wrangler, "d1", "migrations", "apply", "DB", "--local", "--persist-to", state)

	keyA, a, err := api.NewAPIKey("acme", nil)
	require.NoError(t, err)
	keyB, b, err := api.NewAPIKey("globex", nil)
	require.NoError(t, err)
	port := freePort(t)
	args := []string{"dev", "--local", "--ip", "127.0.0.1", "--port", fmt.Sprint(port), "--persist-to", state,
		"--inspector-port", fmt.Sprint(freePort(t)), "--show-interactive-dev-session=false", "--test-scheduled",
		"--var", "PURPOSEFUL_API_KEYS:" + a.String() + "," + b.String()}
	for k, v := range vars {
		args = append(args, "--var", k+":"+v)
	}
	cmd := exec.Command(wrangler, args...)
	cmd.Env = env
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	log := &bytes.Buffer{}
	cmd.Stdout, cmd.Stderr = log, log
	require.NoError(t, cmd.Start())
	w := &worker{url: fmt.Sprintf("http://127.0.0.1:%d", port), keyA: keyA, keyB: keyB, cmd: cmd, log: log}
	t.Cleanup(func() {
		w.stop()
		if t.Failed() {
			t.Logf("wrangler output, without its request lines:\n%s", tail(w.notes(), 6000))
		}
		if n := devProxyResent.Swap(0); n > 0 {
			t.Logf("wrangler dev's proxy lost %d requests on the way to the worker; each was sent again (devProxyTransport)", n)
		}
	})
	deadline := time.Now().Add(120 * time.Second)
	for {
		res, err := http.Get(w.url + "/v1/health")
		if err == nil {
			res.Body.Close()
			// Up: healthy, or answering that its settings are bad.
			if res.StatusCode == http.StatusOK || res.Header.Get("Content-Type") == api.ProblemContentType {
				return w
			}
		}
		if time.Now().After(deadline) || cmd.ProcessState != nil {
			t.Fatalf("wrangler dev did not start:\n%s", w.log.String())
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// stop ends wrangler and the workerd it started (its process group).
func (w *worker) stop() {
	if w.cmd.Process == nil {
		return
	}
	syscall.Kill(-w.cmd.Process.Pid, syscall.SIGTERM)
	done := make(chan struct{})
	go func() { w.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		syscall.Kill(-w.cmd.Process.Pid, syscall.SIGKILL)
		<-done
	}
}

func (w *worker) target() apitest.Target {
	return apitest.Target{BaseURL: w.url, OrgKey: w.keyA, OtherOrgKey: w.keyB, ClientIPHeader: "CF-Connecting-IP",
		Transport: http.DefaultTransport}
}

// TestWorker runs the HTTP suite against the real worker in workerd with
// a local D1 database, then the xAPI delivery checks against a real LRS.
// Under CI it also runs the load checks (50 participants x 20 ideas, and
// 30 s from 16 senders at once with no answer other than 2xx).
func TestWorker(t *testing.T) {
	nm, err := filepath.Abs("node_modules")
	require.NoError(t, err)
	lrs := apitest.StartLRS(t, nm) // without the Node packages: skips, or fails under CI
	w := startWorker(t, map[string]string{
		"PURPOSEFUL_LRS_ENDPOINT": lrs.URL,
		"PURPOSEFUL_LRS_USERNAME": "test",
		"PURPOSEFUL_LRS_PASSWORD": "test",
	})
	t.Run("suite", func(t *testing.T) { apitest.Run(t, w.target()) })
	t.Run("xapi", func(t *testing.T) { apitest.RunXAPI(t, w.target(), lrs, nm) })
	t.Run("cron", func(t *testing.T) {
		// wrangler dev --test-scheduled fires the scheduled handler on
		// /__scheduled, as Cloudflare does on the wrangler.toml schedule.
		apitest.RunXAPIRetry(t, w.target(), lrs, func(t *testing.T) {
			res, err := http.Get(w.url + "/__scheduled?cron=*/5+*+*+*+*")
			require.NoError(t, err)
			res.Body.Close()
			require.Equal(t, http.StatusOK, res.StatusCode, "the scheduled run failed:\n%s", tail(w.log.String(), 2000))
		})
	})
	ci := os.Getenv("CI") == "true" || os.Getenv("CI") == "1"
	if !ci && os.Getenv("PURPOSEFUL_WORKER_LOAD") == "" {
		t.Log("load checks skipped outside CI (set PURPOSEFUL_WORKER_LOAD=1 to run them)")
		return
	}
	t.Run("load", func(t *testing.T) { apitest.RunLoad(t, w.target(), 50, 20) })
	t.Run("soak", func(t *testing.T) { apitest.RunSoak(t, w.target(), 16, 30*time.Second) })
}

// notes is wrangler's output without the line it prints for each request
// answered ("[wrangler:info] GET /v1/health 200 OK (3ms)"), which in a
// long run would push the lines that explain a failure (a reload, an
// instance dropped, an exception) out of any tail.
func (w *worker) notes() string {
	var b strings.Builder
	for line := range strings.Lines(w.log.String()) {
		if rest, ok := strings.CutPrefix(line, "[wrangler:info] "); ok && strings.HasSuffix(strings.TrimSpace(rest), "ms)") {
			continue
		}
		b.WriteString(line)
	}
	return b.String()
}

func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
