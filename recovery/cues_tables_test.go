package recovery

import (
	"fmt"
	"strings"
	"testing"

	"github.com/purposefulcx/purposeful/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/internal/prose/prosegen"
)

const cueTablesFile = "cues_tables.go"

// TestCueTablesFresh compiles the reviewer's cue lists and checks that the
// generated cues_tables.go is exactly that compilation, so the loaded
// index finds what a fresh compile finds. With -update it rewrites the
// file.
func TestCueTablesFresh(t *testing.T) {
	ix := buildCues()
	require.NoError(t, ix.err, "the cue phrases must compile")
	var b strings.Builder
	b.WriteString("\n// cueTargets[i] is what phrase i of cueTables stands for.\nvar cueTargets = [][]target{\n")
	for _, ts := range ix.targets {
		b.WriteString("\t{")
		for i, tg := range ts {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "{%d, %d}", tg.kind, tg.id)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n")
	out, err := prosegen.GoSource("recovery", "go test ./recovery -run TestCueTablesFresh -update", b.String(), prosegen.Var{Name: "cueTables", Matcher: ix.m})
	require.NoError(t, err)
	golden.Check(t, cueTablesFile, out)
	assert.NoError(t, cues().err)
}
