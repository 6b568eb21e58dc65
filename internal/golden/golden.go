// Package golden compares what a test produces with a file kept in the
// repository (a golden file), and rewrites the file instead when the tests
// run with -update:
//
//	go test ./grid -update
//
// It is imported by tests only.
package golden

import (
	"flag"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files with what the tests produce")

// Updating reports whether the tests run with -update.
func Updating() bool { return *update }

// Check compares got with the file at path. With -update it first writes
// got to the file.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "%s is missing: rerun the test with -update to create it", path)
	assert.Equal(t, string(want), string(got), "%s is stale: rerun the test with -update if the change is intended", path)
}
