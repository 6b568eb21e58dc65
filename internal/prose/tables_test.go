package prose

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestLoadMatchesCompile checks that a matcher loaded from its tables
// finds exactly what the compiled one finds, inflections, slots and
// negation included.
func TestLoadMatchesCompile(t *testing.T) {
	phrases := benchPhrases(300)
	phrases = append(phrases, "sorry you feel", "carry", "smile", "stop", "box", "calm down", "QUANTITY away")
	compiled := MustCompile(phrases)
	loaded := Load(compiled.Tables())
	for _, text := range []string{
		benchText,
		"She greeted the guests, carried their boxes, smiling; we stopped and never said calm down. Stand 10 feet away.",
		"I'm SORRY you feel that way",
	} {
		d := Analyze(text)
		want := compiled.Scan(d, nil)
		assert.NotEmpty(t, want, text)
		assert.Equal(t, want, loaded.Scan(d, nil), text)
	}
	assert.Equal(t, compiled.Len(), loaded.Len())
	assert.Equal(t, compiled.Phrase(3), loaded.Phrase(3))
}

func TestTablesExact(t *testing.T) {
	m, err := MatcherConfig{Exact: true}.Compile([]string{"greet"})
	assert.NoError(t, err)
	loaded := Load(m.Tables())
	assert.Empty(t, loaded.Scan(Analyze("greets"), nil), "an exact word takes no inflections when loaded either")
	assert.Len(t, loaded.Scan(Analyze("greet"), nil), 1)
}
