package prose

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTermsAndSimilarity(t *testing.T) {
	a := Analyze("Walk the guest to the lift").Terms()
	b := Analyze("Walks guests to the lifts").Terms()
	c := Analyze("Offer a cold towel on arrival").Terms()
	assert.Equal(t, []string{"guest", "lift", "walk"}, a)
	assert.InDelta(t, 1.0, Similarity(a, b), 1e-9)
	assert.Zero(t, Similarity(a, c))
	assert.InDelta(t, 1.0/3, Similarity([]string{"a", "b"}, []string{"b", "c"}), 1e-9)
	assert.Zero(t, Similarity(nil, nil))
}

func TestStem(t *testing.T) {
	for in, want := range map[string]string{
		"greeting": "greet", "guests": "guest", "carries": "carry", "stopped": "stop", "smiles": "smil", "smile": "smil",
		"warmly": "warm", "boxes": "box", "guest's": "guest", "class": "class", "status": "status",
	} {
		assert.Equal(t, want, Stem(in), in)
	}
}

// TestInflections checks the regular inflections a phrase word matches.
func TestInflections(t *testing.T) {
	m := MustCompile([]string{"greet", "smile", "carry", "stop", "box", "tie", "no", "café"})
	for _, w := range []string{"greets", "greeted", "greeting", "smiles", "smiled", "smiling", "carries", "carried", "carrying",
		"stops", "stopped", "stopping", "boxes", "box's", "ties", "tied"} {
		_, ok := m.Word(w)
		assert.True(t, ok, "%q should match its base word", w)
	}
	for _, w := range []string{"nos", "cafés", "greetings!", "smil", "stopp", "carr"} {
		_, ok := m.Word(w)
		assert.False(t, ok, "%q should not match", w)
	}
}

func TestSortFindings(t *testing.T) {
	fs := []Finding{
		{Rule: "b", Severity: Info, Span: Span{Start: 5, End: 6}},
		{Rule: "z", Severity: Warning, Span: Span{Start: 0, End: 2}},
		{Rule: "a", Severity: Error, Span: Span{Start: 5, End: 6}},
		{Rule: "a", Severity: Warning, Span: Span{Start: 0, End: 2}},
	}
	SortFindings(fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.Rule+":"+f.Severity.String())
	}
	assert.Equal(t, []string{"a:warning", "z:warning", "a:error", "b:info"}, got)
}

func TestSeverityText(t *testing.T) {
	b, err := Warning.MarshalText()
	assert.NoError(t, err)
	assert.Equal(t, "warning", string(b))
	var s Severity
	assert.NoError(t, s.UnmarshalText([]byte("error")))
	assert.Equal(t, Error, s)
	assert.Error(t, s.UnmarshalText([]byte("fatal")))
	_, err = Severity(9).MarshalText()
	assert.Error(t, err)
}
