package prose

import (
	"slices"

	"github.com/purposefulcx/purposeful/internal/order"
)

// IsStopWord reports whether a folded word carries little meaning on its
// own (articles, pronouns, auxiliaries, common prepositions).
func IsStopWord(w string) bool {
	switch w {
	case "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "as", "is", "are", "was", "were", "be", "been", "being", "am",
		"it", "its", "it's", "this", "that", "these", "those", "their", "them", "they", "they're", "we", "our", "us", "you", "your", "you're", "i", "me", "my", "he", "she", "his", "her", "him",
		"do", "does", "did", "have", "has", "had", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "so", "if", "then", "than", "there", "here", "when", "what", "who", "which",
		"each", "every", "all", "any", "some", "about", "up", "out", "over", "after", "before", "just", "very", "also", "too", "more", "most", "such", "own", "way", "make", "sure", "always":
		return true
	}
	return false
}

// Terms returns the sorted, distinct stems of the content words of d:
// words that are not stop words, stemmed with [Stem]. Numbers are kept as
// written.
func (d *Doc) Terms() []string {
	out := make([]string, 0, len(d.Tokens))
	for _, t := range d.Tokens {
		switch {
		case t.Kind == Number:
			out = append(out, t.Norm)
		case t.Kind == Word && !IsStopWord(t.Norm):
			out = append(out, Stem(t.Norm))
		}
	}
	order.Strings(out)
	return slices.Compact(out)
}

// Similarity is the Jaccard index of two sorted, distinct term lists (as
// from [Doc.Terms]): shared terms over all terms, in [0, 1]. Two empty
// lists are not similar (0).
func Similarity(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	shared := SharedTerms(a, b)
	return float64(shared) / float64(len(a)+len(b)-shared)
}

// SharedTerms counts the terms two sorted, distinct term lists share.
func SharedTerms(a, b []string) int {
	shared, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return shared
}
