package main

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/purposefulcx/purposeful/internal/golden"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/standards"
)

func runOK(t *testing.T, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	require.Equal(t, 0, run(args, &out, &errb), errb.String())
	return out.String()
}

// story.md beside the program is exactly what it prints.
func TestCommittedStory(t *testing.T) {
	got := runOK(t)
	golden.Check(t, "story.md", []byte(got))
}

// The story meets its brief: at least 8 purposeful standards, 30
// observations by 3 observers, one purposeful deviation, one dispute.
func TestStoryBrief(t *testing.T) {
	s, err := build()
	require.NoError(t, err)
	b := s.book
	assert.GreaterOrEqual(t, len(b.Standards), 8)
	for _, st := range b.Standards {
		assert.True(t, st.Class.Purposeful(), st.Code)
		assert.Equal(t, standards.Published, st.Status)
	}
	assert.Empty(t, s.after, "the team's standards pass the linter")
	assert.Len(t, b.Observations, 30)
	observers := map[string]bool{}
	disputes := 0
	for _, o := range b.Observations {
		observers[o.Observer] = true
		if o.Dispute != nil {
			disputes++
			assert.True(t, o.Locked())
		}
	}
	assert.Len(t, observers, 3)
	assert.Equal(t, 1, disputes)
	require.Len(t, s.report.Stories, 1, "one purposeful deviation")
	assert.Contains(t, s.report.Stories[0].Evidence, "jump-start")
	assert.Equal(t, 10, s.cal.Units)
	assert.NotEmpty(t, s.cal.Rewrite, "the loop closes: some standards need rewriting")
	require.NoError(t, b.Validate())
}

func TestFormats(t *testing.T) {
	assert.True(t, strings.HasPrefix(runOK(t, "-format", "card"), "# Standards card: Harbourlight Hotel"))
	rows, err := csv.NewReader(strings.NewReader(runOK(t, "-format", "csv"))).ReadAll()
	require.NoError(t, err)
	assert.Len(t, rows, 1+30*9, "a header and one row per rating")
	js := runOK(t, "-format", "json")
	b, err := standards.Decode(strings.NewReader(js))
	require.NoError(t, err, "the JSON decodes strictly")
	assert.Len(t, b.Observations, 30)
	assert.Contains(t, runOK(t, "-format", "report"), "## Per person")
	assert.Contains(t, runOK(t, "-format", "calibration"), "## Rewrite these standards")
	assert.Contains(t, runOK(t, "-format", "training"), "## Huddles")
	var out, errb bytes.Buffer
	assert.Equal(t, 2, run([]string{"-format", "pdf"}, &out, &errb))
	assert.Contains(t, errb.String(), "unknown format")
}

// The stored loop: the story through the API on a local store gives the
// report the library computes, and keeps every step of the dispute.
func TestStoredLoop(t *testing.T) {
	s, err := build()
	require.NoError(t, err)
	l, err := s.stored()
	require.NoError(t, err)
	assert.Equal(t, 8, l.people, "three observers and five agents")
	assert.Equal(t, 30, l.observations)
	assert.Equal(t, []string{"recorded by quinn", "disputed by Dev", "resolved by org"}, l.history)
	assert.True(t, l.same, "the stored report equals the library's:\n%s", l.markdown())
	assert.Equal(t, 1, l.report.Overall.Disputed)
	assert.Equal(t, s.report.Overall.Met, l.report.Overall.Met)
	require.Len(t, l.report.Stories, 1, "the purposeful deviation is kept for the huddle")
	assert.Contains(t, l.report.Stories[0].Evidence, "jump-start")
	assert.Contains(t, runOK(t, "-format", "stored"), "computes from the same data: yes")
}
