package prose

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWordIndex(t *testing.T) {
	words := []string{"", "a", "an", "the", "this", "thus", "sorry", "thanks", "thank", "understand", "understanding",
		"understands", "abcdefgh", "abcdefgi", "abcdefghi", "café", "don't", "a", "frustrating"}
	x := NewWordIndex(words)
	for i, w := range words {
		want := i
		if w == "a" {
			want = 1 // the first of two
		}
		assert.Equal(t, want, x.Index(w), "%q", w)
	}
	for _, w := range []string{"b", "th", "thi", "thes", "sorr", "sorrys", "understan", "understandings", "abcdefg",
		"abcdefgj", "abcdefghj", "cafe", "dont", "Sorry", strings.Repeat("a", 40)} {
		assert.Equal(t, -1, x.Index(w), "%q", w)
	}
	assert.Equal(t, -1, (&WordIndex{}).Index("a"), "the zero WordIndex holds no word")
	assert.Equal(t, -1, NewWordIndex(nil).Index(""))
}

func BenchmarkWordIndex(b *testing.B) {
	x := NewWordIndex(strings.Fields(benchText))
	toks := Analyze(benchText).Tokens
	b.ReportAllocs()
	for b.Loop() {
		for i := range toks {
			x.Index(toks[i].Norm)
		}
	}
}
