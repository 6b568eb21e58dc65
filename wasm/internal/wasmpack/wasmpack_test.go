package wasmpack

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// module builds a minimal wasm binary: a memory section and a data section
// with the given segments (offset, bytes).
func module(segs ...segment) []byte {
	m := []byte("\x00asm\x01\x00\x00\x00")
	m = append(m, 5, 3, 1, 0, 2) // memory section: one memory, min 2 pages
	return appendDataSection(m, segs)
}

// walkData calls fn with the segments of each data section of m.
func walkData(m []byte, fn func([]segment)) {
	for i := headerLen; i < len(m); {
		size, n := binary.Uvarint(m[i+1:])
		start := i + 1 + n
		if m[i] == secData {
			segs, err := readSegments(m[start:start+int(size)], start)
			if err != nil {
				panic(err)
			}
			fn(segs)
		}
		i = start + int(size)
	}
}

// image is the initial memory a module's data section describes.
func image(t *testing.T, m []byte) []byte {
	t.Helper()
	mem := make([]byte, 1<<17)
	walkData(m, func(segs []segment) {
		for _, s := range segs {
			copy(mem[s.off:], s.data)
		}
	})
	return mem
}

func TestMergeKeepsTheMemoryImage(t *testing.T) {
	in := module(
		segment{16, []byte("abc")},
		segment{20, []byte("de")},     // gap 1
		segment{30, []byte("f")},      // gap 8
		segment{5000, []byte("ghij")}, // gap 4969: over DefaultGap
		segment{5004, []byte("k")},    // touching
		segment{12, []byte("z")},      // out of order
	)
	for _, tc := range []struct {
		gap, after, filled int
	}{
		{0, 5, 0},
		{1, 4, 1},
		{3, 3, 4},
		{8, 2, 12},
		{-1, 2, 12},
		{1 << 20, 1, 12 + 4969},
	} {
		out, st, err := MergeSegments(in, tc.gap)
		require.NoError(t, err)
		assert.Equal(t, Stats{Before: 6, After: tc.after, Filled: tc.filled}, st, "gap %d", tc.gap)
		assert.Equal(t, image(t, in), image(t, out), "gap %d: memory differs", tc.gap)
		assert.Equal(t, in[:13], out[:13], "sections before data are copied as they are")
	}
}

func TestMergeRefusesWhatItCannotRead(t *testing.T) {
	passive := []byte("\x00asm\x01\x00\x00\x00\x0b\x05\x01\x01\x02hi")
	for name, m := range map[string][]byte{
		"empty":       nil,
		"not wasm":    []byte("\x7fELF\x02\x01\x01\x00"),
		"short":       []byte("\x00asm\x01\x00\x00\x00\x0b\x7f\x00"),
		"passive":     passive,
		"overlapping": module(segment{10, []byte("abcd")}, segment{12, []byte("x")}),
		"truncated":   module(segment{10, []byte("abcd")})[:20],
	} {
		t.Run(name, func(t *testing.T) {
			out, _, err := MergeSegments(m, -1)
			require.ErrorIs(t, err, ErrFormat)
			assert.Nil(t, out)
		})
	}
}

// TestMergedGoProgramRuns builds a Go program for js/wasm, merges its data
// segments and runs both binaries under Node: same output, far fewer
// segments, smaller after compression.
func TestMergedGoProgramRuns(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a wasm program")
	}
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node not installed")
	}
	dir := t.TempDir()
	wasm := filepath.Join(dir, "program.wasm")
	build := exec.Command("go", "build", "-o", wasm, "./testdata/program")
	build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := build.CombinedOutput()
	require.NoError(t, err, "%s", out)
	orig, err := os.ReadFile(wasm)
	require.NoError(t, err)
	merged, st, err := MergeSegments(orig, -1)
	require.NoError(t, err)
	t.Logf("data segments %d -> %d, %d zero bytes filled", st.Before, st.After, st.Filled)
	assert.Less(t, st.After*20, st.Before, "most segments are joined")
	mergedPath := filepath.Join(dir, "merged.wasm")
	require.NoError(t, os.WriteFile(mergedPath, merged, 0o644))

	runner := filepath.Join(runtime.GOROOT(), "lib", "wasm", "wasm_exec_node.js")
	run := func(path string) string {
		out, err := exec.Command(node, runner, path).CombinedOutput()
		require.NoError(t, err, "%s", out)
		return string(out)
	}
	want := run(wasm)
	assert.Equal(t, "knowledge=3 skills=5 actions=8  2 3\n", want)
	assert.Equal(t, want, run(mergedPath), "the merged program behaves the same")
	assert.Less(t, gzipLen(t, merged), gzipLen(t, orig), "smaller after gzip")
}

func gzipLen(t *testing.T, b []byte) int {
	t.Helper()
	var buf bytes.Buffer
	zw := newGzip(&buf)
	_, err := zw.Write(b)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Len()
}

func newGzip(w *bytes.Buffer) *gzip.Writer {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	return zw
}
