package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"github.com/purposefulcx/purposeful/wasm/course"
	"github.com/purposefulcx/purposeful/wasm/course/packaging"
)

// CourseAssets compiles the course program for kind (wasm/page/cmd/course/…)
// and returns it with the files a course package carries beside it
// (package wasm/course). Like [Build] it runs the go command on the
// module's sources. The program is built without inlining, which keeps
// the package well under its 1.5 MB.
func CourseAssets(ctx context.Context, kind course.Kind) (packaging.Assets, error) {
	pageDir, err := pageSource()
	if err != nil {
		return packaging.Assets{}, err
	}
	tmp, err := os.MkdirTemp("", "purposeful-course-")
	if err != nil {
		return packaging.Assets{}, fmt.Errorf("build: %w", err)
	}
	defer os.RemoveAll(tmp)
	goCmd := goTool()
	wasm := filepath.Join(tmp, "course.wasm")
	if err := compile(ctx, goCmd, pageDir, "./cmd/course/"+kind.String(), wasm, true); err != nil {
		return packaging.Assets{}, err
	}
	if err := copyExec(ctx, goCmd, tmp); err != nil {
		return packaging.Assets{}, err
	}
	var a packaging.Assets
	for _, f := range []struct {
		path string
		dst  *[]byte
	}{
		{wasm, &a.Program},
		{filepath.Join(tmp, "wasm_exec.js"), &a.Exec},
		{filepath.Join(pageDir, "web", "loader.js"), &a.Loader},
		{filepath.Join(pageDir, "web", "style.css"), &a.Style},
	} {
		b, err := os.ReadFile(f.path)
		if err != nil {
			return packaging.Assets{}, fmt.Errorf("build: %w", err)
		}
		*f.dst = b
	}
	return a, nil
}

// CoursePackage compiles the course program for c and returns the
// package of c in format f (see [packaging.Build]): the same course gives
// the same bytes.
func CoursePackage(ctx context.Context, c course.Course, f course.Format) ([]byte, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	a, err := CourseAssets(ctx, c.Kind)
	if err != nil {
		return nil, err
	}
	return packaging.Build(c, f, a)
}

// CourseAssetsCache returns a [CourseAssets] that compiles each kind of
// course once and keeps its files (one set per kind, so at most three), for
// a server that builds packages on request (api.Config.CourseAssets).
// Concurrent calls for a kind wait for one compilation.
func CourseAssetsCache() func(ctx context.Context, kind course.Kind) (packaging.Assets, error) {
	var mu sync.Mutex
	done := map[course.Kind]packaging.Assets{}
	return func(ctx context.Context, kind course.Kind) (packaging.Assets, error) {
		mu.Lock()
		defer mu.Unlock()
		if a, ok := done[kind]; ok {
			return a, nil
		}
		a, err := CourseAssets(ctx, kind)
		if err != nil {
			return packaging.Assets{}, err
		}
		done[kind] = a
		return a, nil
	}
}
