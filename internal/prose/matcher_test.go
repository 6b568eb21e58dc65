package prose

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type hit struct {
	phrase  string
	text    string
	negated bool
}

func scan(t *testing.T, m *Matcher, text string, overlap bool) []hit {
	t.Helper()
	d := Analyze(text)
	var ms []Match
	if overlap {
		ms = m.ScanOverlapping(d, nil)
	} else {
		ms = m.Scan(d, nil)
	}
	var out []hit
	for _, x := range ms {
		out = append(out, hit{m.Phrase(x.ID), d.Slice(x.Span), x.Negated})
	}
	return out
}

func TestMatcherScan(t *testing.T) {
	m := MustCompile([]string{
		"greet", "greet the guest", "guest", "promptly", "within DURATION", "within NUMBER",
		"answer within three rings", "QUANTITY away", "sorry you feel", "use the * name", "calm down", "as needed",
	})
	tests := []struct {
		name string
		text string
		want []hit
	}{
		{"longest match wins", "Greet the guest warmly", []hit{{"greet the guest", "Greet the guest", false}}},
		{"shorter match when the long one breaks off", "Greet the manager", []hit{{"greet", "Greet", false}}},
		{"inflections match", "She greeted the guests", []hit{{"greet the guest", "greeted the guests", false}}},
		{"possessive matches", "the guest's bag", []hit{{"guest", "guest's", false}}},
		{"duration slot tells a time from a vague word", "Reply within 24 hours, not promptly",
			[]hit{{"within DURATION", "within 24 hours", false}, {"promptly", "promptly", true}}},
		{"number slot without unit", "within 5 of arrival", []hit{{"within NUMBER", "within 5", false}}},
		{"literal number words", "Answer within three rings.", []hit{{"answer within three rings", "Answer within three rings", false}}},
		{"quantity slot", "stand 10 feet away", []hit{{"QUANTITY away", "10 feet away", false}}},
		{"any-word slot", "use the guest's name", []hit{{"use the * name", "use the guest's name", false}}},
		{"curly quotes and case folded", "I’m SORRY you feel that way", []hit{{"sorry you feel", "SORRY you feel", false}}},
		{"quotes inside a phrase are transparent", `Just "calm down".`, []hit{{"calm down", `calm down`, false}}},
		{"punctuation breaks a phrase", "I'm sorry. You feel it too", nil},
		{"negation window", "Never say calm down", []hit{{"calm down", "calm down", true}}},
		{"negation of a contraction", "we don't greet", []hit{{"greet", "greet", true}}},
		{"negation stops at a comma", "No, greet them", []hit{{"greet", "greet", false}}},
		{"negation stops at but", "not the desk but greet", []hit{{"greet", "greet", false}}},
		{"negator beyond the window", "never at any time today greet", []hit{{"greet", "greet", false}}},
		{"no match", "Check the booking", nil},
		{"multi-word phrase across inflection", "as needed", []hit{{"as needed", "as needed", false}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, scan(t, m, tc.text, false))
		})
	}
}

func TestScanOverlapping(t *testing.T) {
	m := MustCompile([]string{"greet the guest", "guest", "the guest"})
	assert.Equal(t, []hit{
		{"greet the guest", "greet the guest", false},
		{"the guest", "the guest", false},
		{"guest", "guest", false},
	}, scan(t, m, "greet the guest", true))
	assert.Equal(t, []hit{{"greet the guest", "greet the guest", false}}, scan(t, m, "greet the guest", false))
}

func TestMatcherExact(t *testing.T) {
	m, err := MatcherConfig{Exact: true}.Compile([]string{"greet"})
	require.NoError(t, err)
	assert.Nil(t, scan(t, m, "greets", false))
	assert.Len(t, scan(t, m, "greet", false), 1)
}

func TestMatcherNegationOff(t *testing.T) {
	m, err := MatcherConfig{NegationWindow: -1}.Compile([]string{"greet"})
	require.NoError(t, err)
	assert.Equal(t, []hit{{"greet", "greet", false}}, scan(t, m, "never greet", false))
}

func TestCompileErrors(t *testing.T) {
	tests := []struct {
		name    string
		phrases []string
		index   int
	}{
		{"empty phrase", []string{"ok", ""}, 1},
		{"blank phrase", []string{"  "}, 0},
		{"duplicate phrase", []string{"greet guest", "thank", "Greet  guest"}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compile(tc.phrases)
			var pe *PhraseError
			require.True(t, errors.As(err, &pe), "error %v", err)
			assert.Equal(t, tc.index, pe.Index)
		})
	}
	assert.Panics(t, func() { MustCompile([]string{""}) })
}

func TestScanDoesNotAllocate(t *testing.T) {
	m := MustCompile([]string{"greet the guest", "within DURATION", "promptly"})
	d := Analyze("Greet the guest within 30 seconds and reply promptly.")
	dst := make([]Match, 0, 8)
	allocs := testing.AllocsPerRun(100, func() { dst = m.Scan(d, dst[:0]) })
	assert.Zero(t, allocs)
	assert.Len(t, dst, 3)
}

func TestMatcherWord(t *testing.T) {
	m := MustCompile([]string{"guest", "carry", "greet the guest", "NUMBER"})
	for _, mm := range []*Matcher{m, Load(m.Tables())} {
		for w, want := range map[string]int{"guest": 0, "guests": 0, "guest's": 0, "carried": 1, "carrying": 1} {
			id, ok := mm.Word(w)
			assert.True(t, ok, w)
			assert.Equal(t, want, id, w)
		}
		for _, w := range []string{"greet", "the", "gust", "24", ""} {
			_, ok := mm.Word(w)
			assert.False(t, ok, "%q is not a one-word phrase", w)
		}
	}
}
