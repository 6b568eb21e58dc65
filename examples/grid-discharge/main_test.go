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
	for file, args := range map[string][]string{"discharge.md": nil, "discharge.svg": {"-format", "svg"}} {
		got := runOK(t, args...)
		golden.Check(t, file, []byte(got))
	}
}

func TestFormats(t *testing.T) {
	assert.Contains(t, runOK(t), "Ward nurse")
	assert.Contains(t, runOK(t, "-format", "svg", "-paper", "letter"), `width="11in"`)
	assert.Contains(t, runOK(t, "-format", "json"), `"version": "purposeful.grid/v1"`)
	assert.True(t, strings.HasPrefix(runOK(t, "-format", "csv"), "column,id,text"))
	assert.Contains(t, runOK(t, "-format", "huddle"), "weekly")
	var out, errb bytes.Buffer
	assert.Equal(t, 2, run([]string{"-format", "pdf"}, &out, &errb))
}

func TestWorkshop(t *testing.T) {
	out := runOK(t, "-format", "workshop")
	assert.Contains(t, out, "step \"summary\"")
	assert.Contains(t, out, "not allowed for this role", "a participant cannot reveal ideas")
	assert.Contains(t, out, "Participant 3 (participant)", "aliases, not names")
	for _, name := range []string{"Priya", "Tom", "Lou", "Kay"} {
		assert.NotContains(t, out, name)
	}
	assert.Contains(t, out, "✓ Write the ward's direct phone number")
}
