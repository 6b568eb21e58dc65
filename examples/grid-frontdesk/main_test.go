package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/purposefulcx/purposeful/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	require.Equal(t, 0, run(args, &out, &errb), errb.String())
	return out.String()
}

// The files beside the program are exactly what it prints.
func TestCommittedOutput(t *testing.T) {
	for file, args := range map[string][]string{"frontdesk.md": nil, "frontdesk.svg": {"-format", "svg"}} {
		got := runOK(t, args...)
		golden.Check(t, file, []byte(got))
	}
}

func TestFormats(t *testing.T) {
	md := runOK(t)
	assert.Contains(t, md, "| Job knowledge | Job skills | Purposeful actions and behaviours |")
	assert.Contains(t, runOK(t, "-format", "svg", "-paper", "letter"), `width="11in"`)
	assert.Contains(t, runOK(t, "-format", "svg", "-template"), "Figure 1")
	assert.Contains(t, runOK(t, "-format", "json"), `"version": "purposeful.grid/v1"`)
	assert.True(t, strings.HasPrefix(runOK(t, "-format", "csv"), "column,id,text"))
	assert.Contains(t, runOK(t, "-format", "huddle"), "Real examples")
	var out, errb bytes.Buffer
	assert.Equal(t, 2, run([]string{"-format", "pdf"}, &out, &errb))
	assert.Contains(t, errb.String(), "unknown format")
}
