// Package packaging writes a course's LMS package: the zip an LMS
// imports, holding the manifest (SCORM 1.2, SCORM 2004 or cmi5), the
// course page and the course program. It is apart from package course,
// which the course programs link, so that they do not carry the zip
// writer and its compressor.
package packaging

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/purposefulcx/purposeful/wasm/course"
)

// Assets are the files of the course program, built from the page's
// sources (see wasm/page/build.Course): the compiled program for the
// course's kind, the Go loader and the page's loader and style sheet.
type Assets struct {
	Program []byte // course.wasm: the program for the course's Kind
	Exec    []byte // wasm_exec.js of the toolchain that compiled Program
	Loader  []byte // loader.js
	Style   []byte // style.css
}

// MaxZip is the largest package Build writes; LMSs and learners on slow
// links both pay for every byte.
const MaxZip = 1536 * 1024

// ErrTooLarge reports a package over [MaxZip].
var ErrTooLarge = errors.New("course: package larger than 1.5 MB")

// epoch is the modification time of every file in a package, so the
// bytes of a zip depend only on its content.
var epoch = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// Files lists the files of a package after its manifest (and, for SCORM
// 2004, metadata.xml), in the order Build writes them.
var Files = []string{"index.html", "style.css", "loader.js", "wasm_exec.js", "course.wasm"}

// Build validates c and writes its package in format f: the manifest
// first, then [Files]. The same course, format and assets give the same
// bytes.
func Build(c course.Course, f course.Format, a Assets) ([]byte, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	if !f.Valid() {
		return nil, fmt.Errorf("%w: format %d", course.ErrUnknown, f)
	}
	if len(a.Program) == 0 || len(a.Exec) == 0 || len(a.Loader) == 0 || len(a.Style) == 0 {
		return nil, fmt.Errorf("%w: program, wasm_exec.js, loader.js and style.css are all needed", course.ErrAssets)
	}
	page, err := course.Page(&c, f)
	if err != nil {
		return nil, err
	}
	contents := [][]byte{page, a.Style, a.Loader, a.Exec, a.Program}
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	w.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestCompression)
	})
	add := func(name string, data []byte) error {
		h := &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: epoch}
		h.SetMode(0o644)
		fw, err := w.CreateHeader(h)
		if err != nil {
			return err
		}
		_, err = fw.Write(data)
		return err
	}
	if err := add(f.ManifestName(), course.Manifest(&c, f, Files)); err != nil {
		return nil, fmt.Errorf("course: %w", err)
	}
	if f == course.SCORM2004 {
		if err := add("metadata.xml", course.Metadata2004(&c)); err != nil {
			return nil, fmt.Errorf("course: %w", err)
		}
	}
	for i, name := range Files {
		if err := add(name, contents[i]); err != nil {
			return nil, fmt.Errorf("course: %w", err)
		}
	}
	if err := w.Close(); err != nil {
		return nil, fmt.Errorf("course: %w", err)
	}
	if buf.Len() > MaxZip {
		return nil, fmt.Errorf("%w: %d bytes", ErrTooLarge, buf.Len())
	}
	return buf.Bytes(), nil
}
