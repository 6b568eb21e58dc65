package purpose

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// An outcome phrased as what the customer takes home, after "make sure",
// is a purpose: the task before it does not make it a function.
func TestMakeSureTakeHomeIsPurpose(t *testing.T) {
	for _, tc := range []struct{ name, statement string }{
		{"takes home", "Answer calls and make sure each caller takes home the answer they came for."},
		{"leaves knowing", "Make sure every patient leaves knowing what happens next in their care."},
		{"walks away with", "Run the returns desk and make sure every shopper walks away with the item that fits."},
		{"goes home with", "Take orders at the counter and make sure each diner goes home with the meal they wanted."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Analyze(tc.statement)
			require.NoError(t, err)
			assert.Equal(t, VerdictPurpose, a.Verdict, "%s: score %d", tc.statement, a.Score)
		})
	}
	// The same tasks with no outcome stay functions.
	a, err := Analyze("Answer calls and make sure each call is logged.")
	require.NoError(t, err)
	assert.NotEqual(t, VerdictPurpose, a.Verdict)
}
