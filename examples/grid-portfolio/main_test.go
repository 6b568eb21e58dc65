package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/purposefulcx/purposeful/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
)

func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	require.Equal(t, 0, run(args, &out, &errb), errb.String())
	return out.String()
}

func TestCommittedOutput(t *testing.T) {
	got := runOK(t)
	golden.Check(t, "portfolio.md", []byte(got))
}

func TestFormats(t *testing.T) {
	md := runOK(t)
	assert.Contains(t, md, "✗ missing")
	assert.Contains(t, md, "◐ in progress")
	p, err := grid.DecodePortfolio([]byte(runOK(t, "-format", "json")))
	require.NoError(t, err, "the JSON output decodes strictly")
	assert.Len(t, p.Grids, 3)
	assert.True(t, strings.HasPrefix(runOK(t, "-format", "csv"), "position,process,column"))
	sim := runOK(t, "-format", "similar")
	assert.Contains(t, sim, "Ward nurse / Patient discharge")
	assert.Empty(t, runOK(t, "-format", "similar", "-threshold", "0.99"))
	var out, errb bytes.Buffer
	assert.Equal(t, 2, run([]string{"-format", "xls"}, &out, &errb))
}
