package grid

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCoverage(t *testing.T) {
	p := SamplePortfolio()
	m := p.Coverage()
	assert.Equal(t, []string{"Front-desk agent", "Ward nurse"}, m.Positions)
	assert.Equal(t, []string{"Guest check-in", "Guest check-out", "Phone reservations", "Patient discharge", "Patient admission"}, m.Processes)
	tests := []struct {
		pos, proc string
		want      Coverage
		planned   bool
	}{
		{"Front-desk agent", "Guest check-in", Done, true},
		{"Front-desk agent", "Guest check-out", InProgress, true},
		{"Front-desk agent", "Phone reservations", Missing, true},
		{"Ward nurse", "Patient discharge", Done, true},
		{"Ward nurse", "Patient admission", Missing, true},
		{"Ward nurse", "Guest check-in", Missing, false},
	}
	for _, tc := range tests {
		got, planned := m.Cell(tc.pos, tc.proc)
		assert.Equal(t, tc.want, got, "%s x %s", tc.pos, tc.proc)
		assert.Equal(t, tc.planned, planned, "%s x %s planned", tc.pos, tc.proc)
	}

	// Without a plan every pair of known positions and processes counts,
	// matched regardless of case and spacing.
	q := &Portfolio{Grids: []Grid{*SampleFrontDesk(), *SampleDischarge()}}
	q.Grids[1].Position = "  front-desk   AGENT "
	m = q.Coverage()
	assert.Len(t, m.Positions, 1)
	got, planned := m.Cell("Front-desk agent", "Patient discharge")
	assert.Equal(t, Done, got)
	assert.True(t, planned)
}

// TestCoverageOfCounts: a list that keeps only each grid's counts (the
// page's home screen) builds the portfolio's own matrix, with the adopted
// ideas of a pair summed over its grids.
func TestCoverageOfCounts(t *testing.T) {
	p := SamplePortfolio()
	second := *SampleFrontDesk()
	second.Position = "front-desk  agent" // the same pair, typed differently
	p.Grids = append(p.Grids, second)
	counts := make([]Counts, len(p.Grids))
	for i := range p.Grids {
		counts[i] = p.Grids[i].Counts()
	}
	m := CoverageOf(p.Plan, counts)
	assert.Equal(t, p.Coverage(), m)

	i, j := 0, 0 // Front-desk agent x Guest check-in
	require.Equal(t, "Front-desk agent", m.Positions[i])
	require.Equal(t, "Guest check-in", m.Processes[j])
	one := len(SampleFrontDesk().Adopted())
	require.Positive(t, one)
	assert.Equal(t, 2*one, m.Adopted[i][j], "both front-desk grids' adopted ideas")
	assert.Equal(t, Done, m.Cells[i][j])

	// A grid with adopted ideas but no skills is in progress, not done.
	m = CoverageOf(nil, []Counts{{Position: "Porter", Process: "Arrival", Knowledge: 2, Adopted: 3}})
	assert.Equal(t, InProgress, m.Cells[0][0])
	assert.Equal(t, 3, m.Adopted[0][0])
}

func TestSimilarAcrossGrids(t *testing.T) {
	p := SamplePortfolio()
	sim := p.Similar(0)
	require.NotEmpty(t, sim)
	for _, s := range sim {
		assert.NotEqual(t, s.A.Grid, s.B.Grid, "only across grids")
		assert.GreaterOrEqual(t, s.Similarity, SimilarThreshold)
	}
	found := false
	for _, s := range sim {
		if strings.Contains(s.A.Text, "guest's name") && strings.Contains(s.B.Text, "patient's preferred name") ||
			strings.Contains(s.B.Text, "guest's name") && strings.Contains(s.A.Text, "patient's preferred name") {
			found = true
		}
	}
	assert.True(t, found, "the word for the customer differs by industry but the idea is the same: %+v", sim)
	assert.Empty(t, p.Similar(0.99), "nothing is that alike")

	a, b := sim[0].A, sim[0].B
	require.NoError(t, p.Merge(a, b))
	ib, _, _ := p.Grids[b.Grid].Find(b.Item)
	assert.Equal(t, Parked, ib.Status)
	assert.Contains(t, ib.Notes, "merged into")
	assert.ErrorIs(t, p.Merge(a, Ref{Grid: 9}), ErrNotSimilar)
	assert.ErrorIs(t, p.Merge(a, Ref{Grid: b.Grid, Item: "nope"}), ErrUnknownItem)
}

func TestPortfolioValidate(t *testing.T) {
	p := SamplePortfolio()
	p.Grids[2].Purposeful[0].Text = ""
	p.Grids[1].ID = p.Grids[0].ID
	p.Plan[0].Process = ""
	errs := fieldErrors(p.Validate())
	assert.Contains(t, errs, "grids[2].purposeful[0].text")
	assert.Contains(t, errs, "grids[1].id")
	assert.Contains(t, errs, "plan[0].process")

	_, err := DecodePortfolio([]byte(`{"version":"purposeful.portfolio/v1","grids":[{"version":"purposeful.grid/v1","position":"a","purpose":"b","process":"c","anonymity":"anonymous","knowledge":[],"skills":[],"purposeful":[],"extra":1}]}`))
	assert.ErrorIs(t, err, ErrUnknownField)
	assert.Contains(t, fieldErrors(err), "grids[0].extra")
}

func TestPortfolioOutputs(t *testing.T) {
	p := SamplePortfolio()
	md := p.Markdown()
	assert.Contains(t, md, "| Front-desk agent | ✓ done | ◐ in progress | ✗ missing |  |  |")
	assert.Contains(t, md, "## Similar ideas across grids")
	c, err := p.CSV()
	require.NoError(t, err)
	lines := strings.Count(string(c), "\n")
	n := 1
	for _, g := range p.Grids {
		n += len(g.Knowledge) + len(g.Skills) + len(g.Purposeful)
	}
	assert.Equal(t, n, lines, "one row per item plus the header")
}

// TestPrefixPathsThroughWraps: a field error wrapped by a caller keeps
// its own path under the grid's prefix and its sentinel.
func TestPrefixPathsThroughWraps(t *testing.T) {
	inner := &FieldError{Path: "purposeful[0].text", Err: ErrRequired}
	err := prefixPaths("grids[2]", errors.Join(fmt.Errorf("checking: %w", inner), ErrOutOfRange))
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrRequired)
	assert.ErrorIs(t, err, ErrOutOfRange)
	assert.Equal(t, "grids[2].purposeful[0].text: grid: required\ngrids[2]: grid: out of range", err.Error())
}
