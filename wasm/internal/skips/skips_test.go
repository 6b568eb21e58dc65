package skips

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReport(t *testing.T) {
	tests := []struct {
		name    string
		missing map[string]int
		want    []string
	}{
		{"nothing missing", map[string]int{}, nil},
		{"one tool", map[string]int{"Chromium is not installed (run a.sh)": 17},
			[]string{"testing: warning: no tests to run", "SKIPPED 17 tests: Chromium is not installed (run a.sh)"}},
		{"two tools, sorted, singular", map[string]int{"b (run y)": 1, "a (run x)": 2},
			[]string{"testing: warning: no tests to run", "SKIPPED 2 tests: a (run x)", "SKIPPED 1 test: b (run y)"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mu.Lock()
			saved := missing
			missing = tc.missing
			mu.Unlock()
			t.Cleanup(func() { mu.Lock(); missing = saved; mu.Unlock() })
			var b strings.Builder
			report(&b)
			assert.Equal(t, tc.want, lines(b.String()))
		})
	}
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// TestGoTestOutput runs `go test` on a package whose test needs a file:
// while the file is missing the default output says so, and once it
// exists the go command runs the test again instead of answering from
// its cache.
func TestGoTestOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	tool := filepath.Join(t.TempDir(), "tool")
	goTest := func() string {
		cmd := exec.Command("go", "test", "./testdata/demo")
		cmd.Env = append(withoutCI(os.Environ()), "SKIPS_DEMO_TOOL="+tool)
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "%s", out)
		return string(out)
	}
	out := goTest()
	assert.Contains(t, out, "[no tests to run]", "the skip shows without -v")
	again := goTest()
	assert.Contains(t, again, "(cached)", "nothing changed: answered from the cache")
	assert.Contains(t, again, "[no tests to run]", "and the cached answer still shows the skip")
	require.NoError(t, os.WriteFile(tool, nil, 0o755))
	out = goTest()
	assert.NotContains(t, out, "(cached)", "installing the tool invalidates the cached skip")
	assert.NotContains(t, out, "[no tests to run]")
	assert.True(t, strings.HasPrefix(out, "ok"), out)
}

func withoutCI(env []string) []string {
	var out []string
	for _, e := range env {
		if !strings.HasPrefix(e, "CI=") && !strings.HasPrefix(e, "GOFLAGS=") {
			out = append(out, e)
		}
	}
	return out
}
