package prose

import (
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type tok struct {
	kind TokenKind
	norm string
}

func tokensOf(text string) []tok {
	var out []tok
	for _, t := range Analyze(text).Tokens {
		out = append(out, tok{t.Kind, t.Norm})
	}
	return out
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []tok
	}{
		{"words and case", "Greet the Guest", []tok{{Word, "greet"}, {Word, "the"}, {Word, "guest"}}},
		{"curly apostrophe folded", "Don’t wait", []tok{{Word, "don't"}, {Word, "wait"}}},
		{"curly quotes folded", "say “yes”", []tok{{Word, "say"}, {Punct, "\""}, {Word, "yes"}, {Punct, "\""}}},
		{"dashes folded", "fast – and kind", []tok{{Word, "fast"}, {Punct, "-"}, {Word, "and"}, {Word, "kind"}}},
		{"hyphenated word kept", "guest check-in", []tok{{Word, "guest"}, {Word, "check-in"}}},
		{"number with unit glued", "24h", []tok{{Number, "24"}, {Word, "h"}}},
		{"hyphenated number unit", "24-hour desk", []tok{{Number, "24"}, {Word, "hour"}, {Word, "desk"}}},
		{"thousands and decimals", "1,000 and 3.5", []tok{{Number, "1,000"}, {Word, "and"}, {Number, "3.5"}}},
		{"clock time", "at 10:30", []tok{{Word, "at"}, {Number, "10:30"}}},
		{"number words", "three rings", []tok{{Number, "three"}, {Word, "rings"}}},
		{"stacked punctuation is one token", "Now!!! Why?!", []tok{{Word, "now"}, {Punct, "!!!"}, {Word, "why"}, {Punct, "?!"}}},
		{"ellipsis character", "well…", []tok{{Word, "well"}, {Punct, "..."}}},
		{"dotted abbreviation", "e.g. towels", []tok{{Word, "e.g."}, {Word, "towels"}}},
		{"emoji with skin tone is one symbol", "ok 👍🏽!", []tok{{Word, "ok"}, {Symbol, "👍🏽"}, {Punct, "!"}}},
		{"currency and percent", "$20 or 80%", []tok{{Symbol, "$"}, {Number, "20"}, {Word, "or"}, {Number, "80"}, {Punct, "%"}}},
		{"accented word", "Café ÉTÉ", []tok{{Word, "café"}, {Word, "été"}}},
		{"trailing apostrophe not in word", "guests' bags", []tok{{Word, "guests"}, {Punct, "'"}, {Word, "bags"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tokensOf(tc.text))
		})
	}
}

func TestTokenValues(t *testing.T) {
	d := Analyze("1,250 items, 3.5 stars, ten calls at 10:30")
	var got []float64
	for _, tk := range d.Tokens {
		if tk.Kind == Number {
			got = append(got, tk.Value)
		}
	}
	assert.Equal(t, []float64{1250, 3.5, 10, 10.5}, got)
}

// TestSpansUTF16 checks byte and UTF-16 offsets against a direct count,
// for accents, emoji (surrogate pairs) and folded punctuation.
func TestSpansUTF16(t *testing.T) {
	text := "Café 😀 guest’s “room” — naïve 👍🏽 ok"
	d := Analyze(text)
	require.NotEmpty(t, d.Tokens)
	for _, tk := range d.Tokens {
		assert.Equal(t, tk.Text, text[tk.Span.Start:tk.Span.End])
		assert.Equal(t, len(utf16.Encode([]rune(text[:tk.Span.Start]))), tk.Span.Start16, "start16 of %q", tk.Text)
		assert.Equal(t, len(utf16.Encode([]rune(text[:tk.Span.End]))), tk.Span.End16, "end16 of %q", tk.Text)
		assert.Equal(t, SpanOf(text, tk.Span.Start, tk.Span.End), tk.Span)
	}
}

func TestShouted(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"NEVER", true}, {"OK", true}, {"I", false}, {"Never", false}, {"never", false}, {"24", false}, {"DON'T", true},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			assert.Equal(t, tc.want, Analyze(tc.text).Tokens[0].IsShouted())
		})
	}
}

func TestNormalize(t *testing.T) {
	assert.Equal(t, `don't say "no" - ok...`, Normalize("Don’t say “No” — OK…"))
	assert.Equal(t, "café", Normalize("CAFÉ"))
}

// TestWordRuns checks the tokenizer's eight-letters-at-once path: a
// byte that ends a word, or one that does not, at every position of a
// long run of letters, behind a byte that may carry into it.
func TestWordRuns(t *testing.T) {
	const run = "abcdefghijklmnopqrstuvwx"
	for pos := 1; pos < len(run); pos++ {
		for _, c := range []string{" ", ",", ";", "(", "!", "\x00", "\x7f", "{", "`", "@", "[", "·"} {
			for _, after := range []string{"", "\xff", "é"} {
				text := run[:pos] + c + after + run[pos:]
				toks := Analyze(text).Tokens
				require.NotEmpty(t, toks, "%q", text)
				assert.Equal(t, run[:pos], toks[0].Text, "%q", text)
			}
		}
		for _, c := range []string{"A", "Z", "0", "9", "é", "z", "a"} {
			text := run[:pos] + c + run[pos:]
			toks := Analyze(text).Tokens
			require.Len(t, toks, 1, "%q", text)
			assert.Equal(t, Normalize(text), toks[0].Norm, "%q", text)
		}
	}
}

func TestHasSentenceEnd(t *testing.T) {
	for _, s := range []string{"", ".", "!!!", "?!", "...", ",", ";", ":", "-", "\"", "a.b", "…", "。", "¿", "x"} {
		assert.Equal(t, strings.ContainsAny(s, ".!?"), HasSentenceEnd(s), "%q", s)
		assert.Equal(t, strings.ContainsAny(s, ".!?,;:"), hasClauseEnd(s), "%q", s)
	}
}
