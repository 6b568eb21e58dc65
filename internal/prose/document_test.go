package prose

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sentences(text string) []string {
	d := Analyze(text)
	var out []string
	for _, s := range d.Sentences {
		out = append(out, d.Slice(s.Span))
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"two sentences", "Greet the guest. Offer water.", []string{"Greet the guest.", "Offer water."}},
		{"question and exclamation", "Is it fixed? Yes! Good.", []string{"Is it fixed?", "Yes!", "Good."}},
		{"abbreviation does not split", "Ask Mr. Lee first. Then call.", []string{"Ask Mr. Lee first.", "Then call."}},
		{"dotted abbreviation does not split", "Offer extras, e.g. towels. Smile.", []string{"Offer extras, e.g. towels.", "Smile."}},
		{"closing quote stays", `She said "thanks." We left.`, []string{`She said "thanks."`, "We left."}},
		{"decimal does not split", "Rated 4.5 stars. Great.", []string{"Rated 4.5 stars.", "Great."}},
		{"list items split", "Standards:\n- greet guests\n- use names", []string{"Standards:", "- greet guests", "- use names"}},
		{"blank line splits", "First idea\n\nSecond idea", []string{"First idea", "Second idea"}},
		{"no terminal punctuation", "greet every guest", []string{"greet every guest"}},
		{"lower case after a full stop is one sentence", "Wait approx. ten minutes.", []string{"Wait approx. ten minutes."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, sentences(tc.text))
		})
	}
}

func TestIsQuestion(t *testing.T) {
	d := Analyze("What would be fair? I will fix it.")
	require.Len(t, d.Sentences, 2)
	assert.True(t, d.IsQuestion(0))
	assert.False(t, d.IsQuestion(1))
	assert.False(t, d.IsQuestion(5))
}

func TestSentenceOf(t *testing.T) {
	d := Analyze("One two. Three four.")
	assert.Equal(t, 0, d.SentenceOf(1))
	assert.Equal(t, 1, d.SentenceOf(3))
	assert.Equal(t, -1, d.SentenceOf(99))
}

func TestCheck(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		want   error
		offset int
	}{
		{"empty", "", ErrEmpty, 0},
		{"blank", " \t\n\u00a0 ", ErrBlank, 0},
		{"invalid utf-8", "ok \xff no", ErrInvalidUTF8, 3},
		{"too long", strings.Repeat("a ", DefaultMaxLen), ErrTooLong, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse(tc.text)
			require.ErrorIs(t, err, tc.want)
			var ie *InputError
			require.True(t, errors.As(err, &ie))
			assert.Equal(t, tc.offset, ie.Offset)
			assert.NotEmpty(t, err.Error())
		})
	}
	_, err := Parse("Greet every guest.")
	assert.NoError(t, err)
	_, err = ParseLimit("Greet every guest.", 5)
	assert.ErrorIs(t, err, ErrTooLong)
	assert.Contains(t, err.Error(), "limit is 5")
}

// A Doc reused for a shorter text reads it exactly as a fresh one: no
// token, sentence, quantity or clause of the earlier text is left over.
func TestReanalyzeReadsLikeAnalyze(t *testing.T) {
	texts := []struct {
		name string
		text string
	}{
		{"long reply with money and times", "Dear Ms Okafor, I'm so sorry. I've refunded £40 and booked you for 4pm today! We'll call you at 9am tomorrow, won't we?"},
		{"short note", "Thanks. See you soon"},
		{"quantities", "It took 3 days and cost $25.50, about twice the estimate."},
		{"empty", ""},
		{"one word", "Sorry"},
	}
	var d Doc
	var clauses []Clause
	for _, tt := range texts {
		t.Run(tt.name, func(t *testing.T) {
			d.Reanalyze(tt.text)
			want := Analyze(tt.text)
			assert.Equal(t, want.Text, d.Text)
			assert.Equal(t, want.Tokens, d.Tokens)
			assert.Equal(t, want.Sentences, d.Sentences)
			assert.Equal(t, want.Quantities, d.Quantities)
			clauses = d.AppendClauses(clauses[:0])
			assert.Equal(t, want.Clauses(), clauses)
		})
	}
}
