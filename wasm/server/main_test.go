package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syncBuffer is a bytes.Buffer safe for the server goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestServe starts the local server on a free port with a SQLite file and
// a static page folder, and checks the API, the page and a clean shutdown.
func TestServe(t *testing.T) {
	dir := t.TempDir()
	static := t.TempDir()
	require.NoError(t, writeFile(filepath.Join(static, "index.html"), "<h1>Purposeful</h1>"))
	ctx, cancel := context.WithCancel(context.Background())
	var out, errs syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-db", filepath.Join(dir, "p.sqlite"), "-static", static}, &out, &errs)
	}()
	var base string
	re := regexp.MustCompile(`http://[0-9.:]+`)
	for i := 0; i < 100 && base == ""; i++ {
		base = re.FindString(out.String())
		time.Sleep(50 * time.Millisecond)
	}
	require.NotEmpty(t, base, "server did not start: %s", errs.String())

	res, err := http.Get(base + "/v1/health")
	require.NoError(t, err)
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, string(b), `"database":"ok"`)

	// The local server lets the page create workshops without a key.
	res, err = http.Post(base+"/v1/workshops", "application/json", strings.NewReader(`{"name":"Fatima"}`))
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusCreated, res.StatusCode)

	res, err = http.Get(base + "/")
	require.NoError(t, err)
	b, _ = io.ReadAll(res.Body)
	res.Body.Close()
	assert.Contains(t, string(b), "Purposeful")
	assert.Contains(t, res.Header.Get("Content-Security-Policy"), "frame-ancestors 'none'")

	cancel()
	select {
	case err := <-done:
		assert.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("server did not stop")
	}
	assert.Contains(t, errs.String(), "route=/v1/workshops", "requests are logged by route")
}

func TestNewKey(t *testing.T) {
	var out syncBuffer
	require.NoError(t, run(context.Background(), []string{"-new-key", "acme"}, &out, io.Discard))
	lines := strings.Split(out.String(), "\n")
	require.GreaterOrEqual(t, len(lines), 4)
	key := strings.TrimSpace(lines[1])
	entry := strings.TrimSpace(lines[3])
	assert.True(t, strings.HasPrefix(key, "pfk_"))
	keys, err := api.ParseAPIKeys(entry)
	require.NoError(t, err)
	require.Len(t, keys, 1)
	assert.Equal(t, "acme", keys[0].Org)
	assert.NotContains(t, entry, key[len(key)-20:], "the entry holds a hash, not the key")
}

func TestConfigFromEnv(t *testing.T) {
	env := map[string]string{
		"PURPOSEFUL_ORIGINS":      "https://lms.example.com, https://other.example.com",
		"PURPOSEFUL_LRS_ENDPOINT": "http://127.0.0.1:9/xAPI/",
	}
	cfg, err := configFromEnv(func(k string) string { return env[k] })
	require.NoError(t, err)
	assert.Contains(t, cfg.AllowedOrigins, "https://other.example.com")
	assert.Contains(t, cfg.AllowedOrigins, "http://127.0.0.1:8080")
	assert.Equal(t, "http://127.0.0.1:9/xAPI/", cfg.LRS.Endpoint)
	assert.NotNil(t, cfg.LRS.Transport)
	env["PURPOSEFUL_API_KEYS"] = "not-a-key-list"
	_, err = configFromEnv(func(k string) string { return env[k] })
	assert.ErrorIs(t, err, api.ErrBadKeyList)
}

func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o644) }
