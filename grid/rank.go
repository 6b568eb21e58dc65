package grid

import (
	"cmp"
	"slices"

	"github.com/purposefulcx/purposeful/internal/order"
)

// Rank returns a copy of items in merit order: the highest total score
// first (unscored last), then the most votes, then the lowest cost (none,
// low, unknown, high), then those that can be made routine, then the
// original order. It is how "mine for gold" lists the ideas.
func Rank(items []Item) []Item {
	out := slices.Clone(items)
	order.Stable(out, compareMerit)
	return out
}

func compareMerit(a, b Item) int {
	if c := cmp.Compare(scoreKey(b), scoreKey(a)); c != 0 {
		return c
	}
	if c := cmp.Compare(b.Votes, a.Votes); c != 0 {
		return c
	}
	if c := cmp.Compare(costKey(a.Cost), costKey(b.Cost)); c != 0 {
		return c
	}
	return cmp.Compare(routineKey(a.Routine), routineKey(b.Routine))
}

func scoreKey(it Item) float64 {
	if it.Score == nil {
		return -1
	}
	return it.Score.Total()
}

func costKey(c Cost) int {
	switch c {
	case CostNone:
		return 0
	case CostLow:
		return 1
	case CostUnknown:
		return 2
	}
	return 3
}

func routineKey(r *bool) int {
	switch {
	case r == nil:
		return 1
	case *r:
		return 0
	}
	return 2
}
