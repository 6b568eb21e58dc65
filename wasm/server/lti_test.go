package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/wasm/lti"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestNewLTIKey: -new-lti-key prints a key that -lti-keys reads back.
func TestNewLTIKey(t *testing.T) {
	var out, errs bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"-new-lti-key", "2027-01"}, &out, &errs))
	ks, err := lti.ParseKeySet(out.Bytes(), time.Now())
	require.NoError(t, err)
	assert.Equal(t, "2027-01", ks.Current().KID)

	bad := filepath.Join(t.TempDir(), "bad.pem")
	require.NoError(t, os.WriteFile(bad, []byte("not a key"), 0o600))
	err = run(context.Background(), []string{"-lti-keys", bad, "-no-page", "-db", ":memory:", "-addr", "127.0.0.1:0"}, &out, &errs)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "-lti-keys")
}
