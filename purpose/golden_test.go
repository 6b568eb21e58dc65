package purpose

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	goldenfile "github.com/purposefulcx/purposeful/internal/golden"
)

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, "testdata/"+name, got)
}

// TestGoldenAnalyze keeps the whole JSON analysis of a few statements, so
// any change to a list, a weight or a message shows up in review.
func TestGoldenAnalyze(t *testing.T) {
	var out []*Analysis
	for _, s := range []string{
		"The needs of the patient come first.",
		"Load and unload bags on the aircraft.",
		"We strive to leverage our world-class team so every passenger gets home safe, hitting our NPS target.",
		"Keep average handle time under four minutes.",
		"Guests 😊 feel at home in the café.",
	} {
		a, err := Analyze(s)
		require.NoError(t, err)
		out = append(out, a)
	}
	b, err := json.MarshalIndent(out, "", "  ")
	require.NoError(t, err)
	golden(t, "analyze.golden.json", append(b, '\n'))
}

// TestGoldenLadder keeps the baggage handler's climb.
func TestGoldenLadder(t *testing.T) {
	c, err := Ladder{}.Climb("Load and unload bags on the aircraft.",
		"So the bags go on the right flight.",
		"So the bags land at the same airport as the traveller.",
		"So travellers arrive with everything they need for their trip.",
	)
	require.NoError(t, err)
	type rung struct {
		Question, Text, Note string
		Step                 Step
		Verdict              Verdict
		Score                int
	}
	var rs []rung
	for _, r := range c.Rungs {
		rs = append(rs, rung{r.Question, r.Text, r.Note, r.Step, r.Analysis.Verdict, r.Analysis.Score})
	}
	b, err := json.MarshalIndent(struct {
		Rungs   []rung
		State   ClimbState
		Purpose string
	}{rs, c.State, c.Purpose}, "", "  ")
	require.NoError(t, err)
	golden(t, "ladder.golden.json", append(b, '\n'))
}
