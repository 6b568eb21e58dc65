package checklistsvc

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDiagnosticFindsTheRootLevel(t *testing.T) {
	qs := Questions()
	require.Len(t, qs, 24)
	answers := map[string]int{}
	for _, q := range qs {
		answers[q.ID] = 5
		if q.Level == "strategy" || q.Level == "customers" {
			answers[q.ID] = 2
		}
	}
	r, err := Evaluate(answers)
	require.NoError(t, err)
	assert.True(t, r.Complete)
	assert.Equal(t, "strategy", r.Root, "the lowest weak level is the root")
	assert.Contains(t, r.Above, "customers")
	assert.NotEmpty(t, r.Advice)
	_, err = Evaluate(map[string]int{"nope": 3})
	assert.Error(t, err)
}
