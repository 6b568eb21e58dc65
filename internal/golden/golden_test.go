package golden

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
)

// recorder is a testing.TB that records failures instead of failing.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) FailNow()              { r.failed = true; panic(r) }
func (r *recorder) Helper()               {}

func check(t *testing.T, path string, got []byte) (failed bool) {
	r := &recorder{TB: t}
	defer func() {
		if v := recover(); v != nil && v != r {
			panic(v)
		}
		failed = r.failed
	}()
	Check(r, path, got)
	return r.failed
}

func TestCheck(t *testing.T) {
	if Updating() {
		t.Skip("this test checks comparison, not rewriting")
	}
	path := filepath.Join(t.TempDir(), "out.txt")
	assert.True(t, check(t, path, []byte("a")), "a missing golden file fails")
	assert.NoError(t, os.WriteFile(path, []byte("a"), 0o644))
	assert.False(t, check(t, path, []byte("a")), "equal output passes")
	assert.True(t, check(t, path, []byte("b")), "different output fails")
}
