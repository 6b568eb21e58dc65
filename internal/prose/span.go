package prose

import (
	"cmp"
	"unicode/utf8"
)

// Span is a half-open range [Start, End) of a text, in bytes and in UTF-16
// code units. The zero Span is the empty range at the start of a text.
type Span struct {
	Start   int `json:"start"`
	End     int `json:"end"`
	Start16 int `json:"start16"`
	End16   int `json:"end16"`
}

// Len is the length of s in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Join is the smallest span covering s and t.
func (s Span) Join(t Span) Span {
	if t.Start < s.Start {
		s.Start, s.Start16 = t.Start, t.Start16
	}
	if t.End > s.End {
		s.End, s.End16 = t.End, t.End16
	}
	return s
}

// Contains reports whether t lies inside s.
func (s Span) Contains(t Span) bool { return s.Start <= t.Start && t.End <= s.End }

// Overlaps reports whether s and t share at least one byte.
func (s Span) Overlaps(t Span) bool { return s.Start < t.End && t.Start < s.End }

// SpanOf returns the span of text[start:end], computing the UTF-16 offsets.
// It is meant for code that builds spans outside a [Doc]; inside one, use
// token spans. Out-of-range offsets are clamped.
func SpanOf(text string, start, end int) Span {
	start = max(0, min(start, len(text)))
	end = max(start, min(end, len(text)))
	s16 := utf16Len(text[:start])
	return Span{Start: start, End: end, Start16: s16, End16: s16 + utf16Len(text[start:end])}
}

func utf16Len(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		i += size
	}
	return n
}

func compareSpans(a, b Span) int {
	if c := cmp.Compare(a.Start, b.Start); c != 0 {
		return c
	}
	return cmp.Compare(a.End, b.End)
}

// SortSpans orders spans by start, then end. The lists are short (the
// evidence of one classification), so an insertion sort does: it keeps a
// generic sort's instantiation (about 18 KB of wasm) out of the page.
func SortSpans(spans []Span) {
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && compareSpans(spans[j], spans[j-1]) < 0; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
}
