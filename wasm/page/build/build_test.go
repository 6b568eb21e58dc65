package build

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuildNeedsOutDir(t *testing.T) {
	assert.ErrorIs(t, Build(context.Background(), ""), ErrNoOutDir)
}

func TestSourcesFound(t *testing.T) {
	dir, err := pageSource()
	require.NoError(t, err)
	for _, f := range []string{"layout.html", "style.css", "loader.js"} {
		_, err := os.Stat(filepath.Join(dir, "web", f))
		assert.NoError(t, err, f)
	}
}

// TestPageIsLockedDown checks the static page: the CSP meta element is
// the CSP constant, no inline script or style, no inline event handlers,
// and the only scripts are the Go loader files.
func TestPageIsLockedDown(t *testing.T) {
	dir, err := pageSource()
	require.NoError(t, err)
	out := t.TempDir()
	require.NoError(t, writePages(filepath.Join(dir, "web"), out))
	for _, f := range []struct{ html, wasm string }{{"index.html", "page.wasm"}, {"coach.html", "coach.wasm"}, {"recovery.html", "recovery.wasm"}, {"standards.html", "standards.wasm"}, {"checklists.html", "checklists.wasm"}, {"team.html", "team.wasm"}} {
		t.Run(f.html, func(t *testing.T) { lockedDown(t, out, f.html, f.wasm) })
	}
}

func lockedDown(t *testing.T, out, name, wasm string) {
	dir, err := pageSource()
	require.NoError(t, err)
	html, err := os.ReadFile(filepath.Join(out, name))
	require.NoError(t, err)
	page := string(html)
	assert.Contains(t, page, `http-equiv="Content-Security-Policy" content="`+CSP+`"`)
	assert.Contains(t, CSP, "script-src 'self' 'wasm-unsafe-eval'")
	assert.NotContains(t, CSP, "unsafe-inline")
	assert.NotContains(t, CSP, "'unsafe-eval'")
	scripts := regexp.MustCompile(`<script[^>]*>`).FindAllString(page, -1)
	// The style sheet and wasm_exec.js are asked for before the program:
	// once the program streams in, the browser's main thread is busy taking
	// its bytes, and a style sheet asked for after it came in late and held
	// up the start (DOMContentLoaded). The loader is not deferred, so
	// compiling the program and reading the device's database start as
	// soon as the style sheet is in.
	assert.Equal(t, []string{`<script src="wasm_exec.js" defer>`, `<script src="loader.js" data-wasm="` + wasm + `" data-store="purposeful">`}, scripts)
	assert.Less(t, strings.Index(page, `rel="stylesheet"`), strings.Index(page, `rel="preload"`), "style sheet before the program")
	assert.NotRegexp(t, `<script[^>]*>[^<]+</script>`, page, "inline script")
	assert.NotRegexp(t, `(?i)\son[a-z]+=`, page, "inline event handler")
	assert.NotRegexp(t, `(?i)style=`, page, "inline style")
	assert.NotContains(t, page, "<style")
	loader, err := os.ReadFile(filepath.Join(dir, "web", "loader.js"))
	require.NoError(t, err)
	assert.NotContains(t, string(loader), "innerHTML")
	assert.NotContains(t, string(loader), "eval(")
	// The minimal comparison page of the e2e tests uses the same policy.
	min, err := os.ReadFile(filepath.Join(dir, "e2e", "testdata", "minimal", "index.html"))
	require.NoError(t, err)
	assert.True(t, strings.Contains(string(min), CSP))
}

func TestProgramsAndFilesAgree(t *testing.T) {
	for _, p := range programs {
		assert.Contains(t, Files, p.out)
	}
	for _, p := range pages {
		assert.Contains(t, Files, p.File)
		assert.Contains(t, Files, p.Wasm, "%s loads a program the site builds", p.File)
	}
}

// TestProgressLines builds one small program and checks that the build
// says what it is doing as it goes.
func TestProgressLines(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles a wasm program")
	}
	var progress strings.Builder
	out := t.TempDir()
	require.NoError(t, BuildWith(context.Background(), out, Options{Package: "./e2e/testdata/minimal", SkipAssets: true, Progress: &progress}))
	lines := strings.Split(strings.TrimSpace(progress.String()), "\n")
	require.Len(t, lines, 3, progress.String())
	assert.Contains(t, lines[0], "1 wasm program ")
	assert.Contains(t, lines[0], "first build")
	assert.Contains(t, lines[1], "[1/1] compiling page.wasm")
	assert.Regexp(t, `\[1/1\] page\.wasm done in [0-9.]+m?s \([0-9]+ KB\)`, lines[2])
}

// TestPageLinksNoEncodingJSON keeps encoding/json out of the workshop
// page's program. Its import alone (package initialisation) keeps
// reflection alive: about 50 KB of code that every visitor downloads and
// the browser compiles before the page can start. grid reads and writes
// its documents without it, purpose reads the diagnostic without it, and
// team takes its codec from the team page (team.Codec).
func TestPageLinksNoEncodingJSON(t *testing.T) {
	dir, err := pageSource()
	require.NoError(t, err)
	cmd := exec.Command(goTool(), "list", "-deps", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	out, err := cmd.Output()
	require.NoError(t, err)
	deps := strings.Fields(string(out))
	assert.Contains(t, deps, "github.com/purposefulcx/purposeful/grid", "the list is the page's")
	assert.NotContains(t, deps, "encoding/json", "a package the workshop page links imports encoding/json")
}
