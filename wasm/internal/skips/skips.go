// Package skips lets tests that need an installed tool (Chromium, the
// worker's Node packages) skip loudly when it is missing.
//
// A plain t.Skip is invisible in the default output of `go test ./...`,
// and a check made in TestMain is invisible to the test cache, which then
// keeps answering "ok" from before the tool was installed. [Need] checks
// inside the test, where the go command records what the test looks at,
// and counts the skip; [Main] ends the test binary by printing how many
// tests skipped and why, with the line that makes `go test` write
// "[no tests to run]" after the package's "ok".
//
//	func TestMain(m *testing.M) { skips.Main(m) }
//
//	func TestInBrowser(t *testing.T) {
//		skips.Need(t, "Chromium", "/usr/bin/chromium", ".ci/setup-browser.sh")
//		...
//	}
package skips

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
)

var (
	mu      sync.Mutex
	missing = map[string]int{} // "what (run how)" -> tests skipped
)

// Need skips t, or fails it when the CI variable is set, unless the file
// at path exists. what names the tool in the message and install says how
// to get it.
func Need(t testing.TB, what, path, install string) {
	t.Helper()
	watchDir(filepath.Dir(path))
	_, err := os.Stat(path)
	if err == nil {
		return
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("CI is set but %s is missing (%s): run %s", what, path, install)
	}
	mu.Lock()
	missing[what+" is not installed (run "+install+")"]++
	mu.Unlock()
	t.Skipf("%s is not installed (%s); run %s", what, path, install)
}

// watchDir makes the go command's test cache depend on dir. The cache
// rechecks the files a test opened or stat'ed only inside the module,
// GOPATH and GOROOT (so not /usr/bin/chromium), but it rechecks every
// directory the test changed into, by its modification time: installing
// or removing a file in dir changes that, and the next `go test` runs
// the test again. The change of directory lasts two system calls; no test
// of this module runs in parallel with another.
func watchDir(dir string) {
	wd, err := os.Getwd()
	if err != nil {
		return
	}
	if os.Chdir(dir) == nil {
		_ = os.Chdir(wd)
	}
}

// Main runs the tests, reports the skips of [Need] and exits.
func Main(m *testing.M) { os.Exit(Run(m)) }

// Run runs the tests, reports the skips of [Need] and returns the exit
// code, for a TestMain that cleans up before it exits.
func Run(m *testing.M) int {
	code := m.Run()
	report(os.Stdout)
	return code
}

// report writes one line per missing tool, after the go command's
// "no tests to run" marker so that the package's "ok" line carries
// "[no tests to run]" in the default (non -v) output.
func report(w io.Writer) {
	mu.Lock()
	defer mu.Unlock()
	if len(missing) == 0 {
		return
	}
	fmt.Fprintln(w, "\ntesting: warning: no tests to run")
	reasons := make([]string, 0, len(missing))
	for r := range missing {
		reasons = append(reasons, r)
	}
	slices.Sort(reasons)
	for _, r := range reasons {
		n := missing[r]
		noun := "tests"
		if n == 1 {
			noun = "test"
		}
		fmt.Fprintf(w, "SKIPPED %d %s: %s\n", n, noun, r)
	}
}
