package grid

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRank(t *testing.T) {
	ptr := func(b bool) *bool { return &b }
	in := []Item{
		{ID: "unscored", Votes: 9},
		{ID: "low", Score: sc(1, 1, 1, 1), Votes: 1},
		{ID: "high-few-votes", Score: sc(3, 3, 3, 3), Votes: 1},
		{ID: "high-more-votes", Score: sc(3, 3, 3, 3), Votes: 4},
		{ID: "tie-costly", Score: sc(2, 2, 2, 2), Votes: 2, Cost: CostHigh},
		{ID: "tie-free", Score: sc(2, 2, 2, 2), Votes: 2, Cost: CostNone, Routine: ptr(false)},
		{ID: "tie-free-routine", Score: sc(2, 2, 2, 2), Votes: 2, Cost: CostNone, Routine: ptr(true)},
	}
	var ids []string
	for _, it := range Rank(in) {
		ids = append(ids, it.ID)
	}
	assert.Equal(t, []string{"high-more-votes", "high-few-votes", "tie-free-routine", "tie-free", "tie-costly", "low", "unscored"}, ids)
	assert.Equal(t, "unscored", in[0].ID, "Rank does not change its input")
	adopted := SampleFrontDesk().Adopted()
	require.Len(t, adopted, 9)
	assert.Equal(t, "p1", adopted[0].ID)
}
