package workshop

import (
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
)

func TestAPIGridOpensAsAWorkshop(t *testing.T) {
	data, err := os.ReadFile("../../../grid/testdata/frontdesk.json") // what the API's export writes
	require.NoError(t, err)
	want, err := grid.Decode(data)
	require.NoError(t, err)
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	d, err := DecodeAny(data, "g-new", now)
	require.NoError(t, err)
	assert.Equal(t, "g-new", d.ID)
	assert.Equal(t, want.Position, d.Position)
	assert.Equal(t, want.Values, d.Values)
	assert.Len(t, d.Knowledge, len(want.Knowledge))
	assert.Len(t, d.Ideas, len(want.Purposeful))
	assert.Len(t, d.Adopted(), len(want.Adopted()))
	assert.Equal(t, PhaseSummary, d.Phase)
	require.NoError(t, d.Validate())

	// And back: the page's grid is the API's grid, item for item.
	g, err := d.Grid()
	require.NoError(t, err)
	require.Len(t, g.Purposeful, len(want.Purposeful))
	for i, it := range want.Purposeful {
		assert.Equal(t, it.Text, g.Purposeful[i].Text)
		assert.Equal(t, it.Votes, g.Purposeful[i].Votes)
		assert.Equal(t, it.Status == grid.Adopted, g.Purposeful[i].Status == grid.Adopted)
	}
}

func TestDecodeAnyErrors(t *testing.T) {
	now := time.Now()
	_, err := DecodeAny([]byte(`{"version":"purposeful.grid/v1","position":"a","purpose":"b","process":"c","knowledge":[{"id":"k","text":"x","colour":1}],"skills":[],"purposeful":[]}`), "g", now)
	assert.ErrorIs(t, err, grid.ErrUnknownField, "a grid's own problems, with paths")
	assert.Contains(t, err.Error(), "knowledge[0].colour")
	_, err = DecodeAny([]byte(`{"version":"purposeful.workshop/v1","id":"x","bogus":1}`), "g", now)
	assert.Contains(t, err.Error(), "bogus: unknown field", "a workshop's problems")
	_, err = DecodeAny([]byte(`{"version":"something/v9"}`), "g", now)
	assert.ErrorIs(t, err, ErrVersion)
}
