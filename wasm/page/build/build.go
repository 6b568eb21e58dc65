package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/wasm/internal/wasmpack"
)

// Sentinel errors returned (wrapped) by [Build].
var (
	// ErrNoOutDir reports an empty output directory argument.
	ErrNoOutDir = errors.New("build: output directory is empty")
	// ErrCompile reports that the Go compiler failed; the wrapped error
	// carries the compiler's output.
	ErrCompile = errors.New("build: compiling the page failed")
	// ErrSource reports that the page sources could not be found.
	ErrSource = errors.New("build: page sources not found")
)

// Files lists the files Build writes into its output directory, in a
// stable order. index.html is the entry point; the other pages are
// reached from its navigation and share style.css and loader.js.
var Files = []string{"index.html", "coach.html", "recovery.html", "standards.html", "checklists.html", "team.html", "style.css", "loader.js", "wasm_exec.js", "page.wasm", "coach.wasm", "recovery.wasm", "standards.wasm", "checklists.wasm", "team.wasm", "observe.html", "observe.wasm"}

// program is one wasm program: its package (relative to wasm/page), its
// output file, and whether it is built without inlining (see [compile]).
type program struct {
	pkg, out string
	small    bool
}

// programs are the wasm programs of the site: the workshop page, and the
// purpose coach, the recovery coach, the standards builder, the
// diagnostic and checklists, and the team workshop, each loaded only when
// someone opens it.
//
// The workshop page is built without inlining (-l), which keeps it about
// 55 KB (brotli) smaller; the other programs keep inlining, because they
// analyse text as people type and speed matters more there.
var programs = []program{
	{".", "page.wasm", true},
	{"./cmd/coach", "coach.wasm", false},
	{"./cmd/recovery", "recovery.wasm", false},
	{"./cmd/standards", "standards.wasm", false},
	{"./cmd/checklists", "checklists.wasm", false},
	{"./cmd/team", "team.wasm", true},
	{"./cmd/observe", "observe.wasm", true},
}

// Options tunes [BuildWith]. The zero value builds the page the way [Build]
// does.
type Options struct {
	// Go is the go command to run. Empty means "go" from PATH, falling back
	// to $GOROOT/bin/go of the running toolchain.
	Go string
	// Package is the directory (relative to wasm/page) or import path of
	// one main package to compile instead of the site's programs. Empty
	// means the site's programs (the .wasm files of [Files]).
	Package string
	// Output is the wasm file name for Package. Empty means "page.wasm".
	Output string
	// SkipAssets compiles only the wasm file (used to build comparison
	// programs beside the page).
	SkipAssets bool
	// Progress, when set, receives a line as each step starts and ends
	// (which program compiles, how long it took, how big it is), so that
	// a first build, which compiles the standard library for wasm and can
	// take minutes, does not look stuck. Nil means silent.
	Progress io.Writer
}

// Build compiles the workshop page for the browser (GOOS=js GOARCH=wasm)
// and writes it with its static assets and the Go loader (wasm_exec.js)
// into outDir, creating the directory if needed. Serve outDir at / from any
// static host.
//
// Build runs the go command, so it needs the module's sources on disk (it
// finds them next to this file's source or the current directory).
func Build(ctx context.Context, outDir string) error {
	return BuildWith(ctx, outDir, Options{})
}

// BuildWith is [Build] with settings.
func BuildWith(ctx context.Context, outDir string, o Options) error {
	if outDir == "" {
		return ErrNoOutDir
	}
	pageDir, err := pageSource()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	out, err := filepath.Abs(outDir)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	goCmd := o.Go
	if goCmd == "" {
		goCmd = goTool()
	}
	todo := programs
	if o.Package != "" || o.Output != "" {
		name := o.Output
		if name == "" {
			name = "page.wasm"
		}
		pkg := o.Package
		if pkg == "" {
			pkg = "."
		}
		todo = []program{{pkg, name, true}}
	}
	say := func(format string, args ...any) {
		if o.Progress != nil {
			fmt.Fprintf(o.Progress, format+"\n", args...)
		}
	}
	programs := "1 wasm program"
	if len(todo) != 1 {
		programs = fmt.Sprintf("%d wasm programs", len(todo))
	}
	say("building the page into %s: %s (the first build compiles Go's standard library for wasm and takes a few minutes; later builds take seconds)", out, programs)
	for i, p := range todo {
		say("  [%d/%d] compiling %s …", i+1, len(todo), p.out)
		start := time.Now()
		dst := filepath.Join(out, p.out)
		if err := compile(ctx, goCmd, pageDir, p.pkg, dst, p.small); err != nil {
			return err
		}
		size := int64(0)
		if st, err := os.Stat(dst); err == nil {
			size = st.Size()
		}
		say("  [%d/%d] %s done in %s (%d KB)", i+1, len(todo), p.out, time.Since(start).Round(100*time.Millisecond), size/1024)
	}
	if o.SkipAssets {
		return nil
	}
	say("  writing the pages, style sheet and loader")
	if err := copyExec(ctx, goCmd, out); err != nil {
		return err
	}
	if err := copyAssets(filepath.Join(pageDir, "web"), out); err != nil {
		return err
	}
	return writePages(filepath.Join(pageDir, "web"), out)
}

// compile builds one wasm program. -s -w drop symbols; small adds -l (no
// inlining), smaller code for a small cost in speed. The data segments are
// then joined (package wasmpack): smaller after compression and quicker to
// instantiate, with the same memory image.
func compile(ctx context.Context, goCmd, dir, pkg, out string, small bool) error {
	args := []string{"build", "-trimpath", "-ldflags=-s -w"}
	if small {
		args = append(args, "-gcflags=all=-l")
	}
	cmd := exec.CommandContext(ctx, goCmd, append(args, "-o", out, pkg)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Stdout = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("%w: %s: %v: %s", ErrCompile, pkg, err, strings.TrimSpace(stderr.String()))
	}
	return pack(out)
}

// pack joins the data segments of the wasm binary at path, in place.
func pack(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	packed, _, err := wasmpack.MergeSegments(b, wasmpack.DefaultGap)
	if err != nil {
		return fmt.Errorf("build: %s: %w", path, err)
	}
	if err := os.WriteFile(path, packed, 0o644); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	return nil
}

// goTool finds the go command: PATH first, then the running toolchain.
func goTool() string {
	if p, err := exec.LookPath("go"); err == nil {
		return p
	}
	return filepath.Join(runtime.GOROOT(), "bin", "go")
}

// pageSource finds wasm/page on disk: beside this source file when the
// module is checked out, or below the current directory.
func pageSource() (string, error) {
	var candidates []string
	if _, file, _, ok := runtime.Caller(0); ok {
		candidates = append(candidates, filepath.Dir(filepath.Dir(file)))
	}
	if wd, err := os.Getwd(); err == nil {
		for d := wd; ; d = filepath.Dir(d) {
			candidates = append(candidates, filepath.Join(d, "wasm", "page"))
			if filepath.Dir(d) == d {
				break
			}
		}
	}
	for _, c := range candidates {
		if st, err := os.Stat(filepath.Join(c, "web", "layout.html")); err == nil && !st.IsDir() {
			return c, nil
		}
	}
	return "", fmt.Errorf("%w (looked in %s)", ErrSource, strings.Join(candidates, ", "))
}

// copyExec copies wasm_exec.js from the toolchain that compiles the page, so
// the loader always matches the compiled program.
func copyExec(ctx context.Context, goCmd, out string) error {
	cmd := exec.CommandContext(ctx, goCmd, "env", "GOROOT")
	b, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("build: go env GOROOT: %w", err)
	}
	root := strings.TrimSpace(string(b))
	for _, p := range []string{filepath.Join(root, "lib", "wasm", "wasm_exec.js"), filepath.Join(root, "misc", "wasm", "wasm_exec.js")} {
		data, err := os.ReadFile(p)
		if err == nil {
			return os.WriteFile(filepath.Join(out, "wasm_exec.js"), data, 0o644)
		}
	}
	return fmt.Errorf("build: wasm_exec.js not found under %s", root)
}

// copyAssets copies the static files of web/ into out; the HTML layout is
// rendered by writePages instead.
func copyAssets(src, out string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		dst := filepath.Join(out, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if rel == "layout.html" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}
