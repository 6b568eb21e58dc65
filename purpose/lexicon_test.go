package purpose

import (
	"testing"

	"github.com/purposefulcx/purposeful/internal/prose"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLexiconCompiles(t *testing.T) {
	phrases, entries := lexiconPhrases()
	require.Len(t, entries, len(phrases))
	_, err := prose.Compile(phrases)
	require.NoError(t, err)
	ctx := make([]string, len(contextCues))
	for i, c := range contextCues {
		ctx[i] = c.phrase
	}
	_, err = prose.Compile(ctx)
	require.NoError(t, err)
	cues := make([]string, len(classifyCues))
	for i, c := range classifyCues {
		cues[i] = c.phrase
	}
	_, err = prose.Compile(cues)
	require.NoError(t, err)
}

func TestLexiconSizes(t *testing.T) {
	assert.GreaterOrEqual(t, len(taskWords), 150, "task verbs and phrases")
	assert.GreaterOrEqual(t, len(outcomeWords), 100, "outcome phrases")
	assert.GreaterOrEqual(t, len(beneficiaryWords), 40, "beneficiaries")
	assert.GreaterOrEqual(t, len(internalWords), 40, "internal measures")
	assert.GreaterOrEqual(t, len(hedgeWords), 20, "hedges")
	assert.GreaterOrEqual(t, len(jargonWords), 30, "jargon")
}
