package prose

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Clauses read who acts, when, and whether it is negated: what the
// recovery reviewer needs to recognise a fix or an admission in any
// words.
func TestClauses(t *testing.T) {
	for _, tc := range []struct {
		text, clause string
		person       Person
		tense        Tense
		negated      bool
		verb         string
	}{
		{"I've posted the right one by express.", "I've posted the right one by express", First, Perfect, false, "post"},
		{"Mr Chen, I'm sorry we sent you the wrong size.", "we sent you the wrong size", First, Past, false, "send"},
		{"We didn't call you back.", "We didn't call you back", First, Past, true, "call"},
		{"I'll email you on Thursday to check it fits.", "I'll email you on Thursday to check it fits", First, Future, false, "email"},
		{"Let me fix that.", "Let me fix that", First, Future, false, "fix"},
		{"I can offer you a voucher.", "I can offer you a voucher", First, Modal, false, "offer"},
		{"Your refund has been processed.", "Your refund has been processed", Third, Perfect, false, "process"},
		{"I've refunded you and cancelled the order.", "cancelled the order", First, Perfect, false, "cancel"},
		{"We should have told you.", "We should have told you", First, Conditional, false, "tell"},
		{"i make the refund now", "i make the refund now", First, Present, false, "make"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			d := Analyze(tc.text)
			var found *Clause
			for _, c := range d.Clauses() {
				if d.Slice(d.TokenSpan(c.First, c.Last)) == tc.clause {
					found = &c
				}
			}
			require.NotNil(t, found, "no clause %q", tc.clause)
			assert.Equal(t, tc.person, found.Person)
			assert.Equal(t, tc.tense, found.Tense)
			assert.Equal(t, tc.negated, found.Negated)
			assert.Equal(t, VerbKey(tc.verb), found.Key)
		})
	}
}

// TestSubjectOfContractions checks subjectOf against the plain reading
// it replaced (split at the first apostrophe, a known contraction or
// nothing), on pronouns with every contraction and on words that only
// look like them.
func TestSubjectOfContractions(t *testing.T) {
	// The reference splits at the first apostrophe, as the old reading did;
	// what a pronoun is stays pronoun's.
	ref := func(w string) (Person, bool, string, bool) {
		base, aux := w, ""
		if i := strings.IndexByte(w, '\''); i > 0 {
			base, aux = w[:i], w[i:]
		}
		return pronoun(base, aux)
	}
	var words []string
	for _, base := range []string{"i", "we", "you", "he", "she", "it", "this", "that", "there", "everything", "nothing",
		"someone", "everyone", "which", "who", "they", "the", "if", "in", "wee", "'", "''", "o'clock", "y'all", ""} {
		for _, aux := range []string{"", "'m", "'re", "'s", "'ve", "'ll", "'d", "'t", "'", "''", "'s's", "'d've", "'x", "'clock", "n't"} {
			words = append(words, base+aux)
		}
	}
	for _, w := range words {
		p, pl, aux, ok := subjectOf(w)
		rp, rpl, raux, rok := ref(w)
		assert.Equal(t, []any{rp, rpl, raux, rok}, []any{p, pl, aux, ok}, "%q", w)
	}
}
