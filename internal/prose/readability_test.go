package prose

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSyllables(t *testing.T) {
	tests := []struct {
		word string
		want int
	}{
		{"guest", 1}, {"make", 1}, {"table", 2}, {"walked", 1}, {"wanted", 2}, {"boxes", 2}, {"makes", 1},
		{"customer", 3}, {"purpose", 2}, {"hospitality", 5}, {"the", 1}, {"a", 1}, {"every", 3}, {"café", 2}, {"rhythm", 1},
	}
	for _, tc := range tests {
		t.Run(tc.word, func(t *testing.T) {
			assert.Equal(t, tc.want, Syllables(tc.word))
		})
	}
}

func TestReadability(t *testing.T) {
	// 8 words, 2 sentences, 9 syllables (we:1 greet:1 each:1 guest:1 by:1 name:1 smile:1 warmly:2).
	r := Analyze("We greet each guest by name. Smile warmly.").Readability()
	assert.Equal(t, 8, r.Words)
	assert.Equal(t, 2, r.Sentences)
	assert.Equal(t, 9, r.Syllables)
	assert.InDelta(t, 4.0, r.WordsPerSentence, 1e-9)
	assert.InDelta(t, 206.835-1.015*4-84.6*9.0/8, r.FleschReadingEase, 1e-9)
	assert.InDelta(t, 0.39*4+11.8*9.0/8-15.59, r.FleschKincaidGrade, 1e-9)
	assert.True(t, r.LowConfidence, "8 words is too few for a stable score")

	hard := Analyze("Organisational accountability necessitates comprehensive documentation of interdepartmental communication.").Readability()
	assert.Less(t, hard.FleschReadingEase, r.FleschReadingEase, "long words read harder")
	assert.Greater(t, hard.LongWordShare, 0.5)

	var long string
	for range 30 {
		long += "We greet each guest by name. "
	}
	assert.False(t, Analyze(long).Readability().LowConfidence)

	empty := Analyze("...").Readability()
	assert.Zero(t, empty.Words)
	assert.True(t, empty.LowConfidence)
}
