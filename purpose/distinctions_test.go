package purpose

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDistinctions(t *testing.T) {
	ds := Distinctions()
	require.Len(t, ds, 10)
	terms := map[string]bool{}
	for _, d := range ds {
		terms[d.Term] = true
	}
	pairs := map[string]int{}
	for _, d := range ds {
		assert.NotEmpty(t, d.Definition, d.Term)
		assert.GreaterOrEqual(t, len(d.Examples), 2, d.Term)
		assert.True(t, terms[d.Opposite], "%s: opposite %q is not a term", d.Term, d.Opposite)
		pairs[d.Pair]++
	}
	for p, n := range pairs {
		assert.Equal(t, 2, n, p)
	}
	// A fresh copy: changing it does not change the package's data.
	ds[0].Examples[0] = "changed"
	assert.NotEqual(t, "changed", Distinctions()[0].Examples[0])
}

// The examples of each item kind are classified as that kind.
func TestDistinctionExamplesClassify(t *testing.T) {
	for k := Knowledge; k <= Function; k++ {
		d, ok := DistinctionOf(k)
		require.True(t, ok, k.String())
		for _, ex := range d.Examples {
			c, err := Classify(ex)
			require.NoError(t, err)
			assert.Equal(t, k, c.Kind, "%q: %v", ex, c.Reasons)
		}
	}
	_, ok := DistinctionOf(KindUnknown)
	assert.False(t, ok)
}
