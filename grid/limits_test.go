package grid

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// started is a session with a facilitator f and a participant p1, in step
// team, ready for items.
func started(t *testing.T) *Session {
	t.Helper()
	s := NewSession()
	for _, e := range []Event{
		ev("c", Create, "f", 0, withName("Morgan"), func(e *Event) {
			e.Course = &Course{Position: "Front-desk agent", Purpose: "Loyal guests", Process: "Check-in"}
		}),
		ev("j", Join, "p1", 1, withName("Ana")),
		ev("n", NextStep, "f", 2),
	} {
		require.NoError(t, s.Apply(e))
	}
	return s
}

func withTags(tags ...Tag) evOpt { return func(e *Event) { e.Tags = tags } }

// TestEventLimits: every list and text of an event is capped, names follow
// one rule however they arrive, and control characters and bidi overrides
// are refused, while tab and newline stay allowed in texts.
func TestEventLimits(t *testing.T) {
	manyTags := make([]Tag, 10000)
	for i := range manyTags {
		manyTags[i] = GenuineInterest
	}
	manyEvidence := make([]Evidence, MaxEvidence+1)
	for i := range manyEvidence {
		manyEvidence[i] = Evidence{Source: OwnExperience, Note: "seen in Lisbon"}
	}
	osc8 := "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07"
	add := func(opts ...evOpt) Event {
		return ev("a", AddItem, "p1", 5, append([]evOpt{withItem("k1"), withColumn(ColumnKnowledge), withText("Room rates")}, opts...)...)
	}
	tests := []struct {
		name string
		e    Event
		path string
		want error // nil: accepted
	}{
		{"rename to a 9,047-byte name with NUL, BEL and OSC-8", ev("r", Join, "p1", 5, withName(strings.Repeat("n", 9000)+"\x00\x07"+osc8)), "name", ErrTooLong},
		{"rename with NUL", ev("r", Join, "p1", 5, withName("Ana\x00")), "name", ErrControl},
		{"rename with an OSC-8 link", ev("r", Join, "p1", 5, withName("Ana"+osc8)), "name", ErrControl},
		{"rename with a newline", ev("r", Join, "p1", 5, withName("Ana\nBen")), "name", ErrControl},
		{"rename with a bidi override", ev("r", Join, "p1", 5, withName("Ana\u202egnp.exe")), "name", ErrControl},
		{"rename with a C1 control", ev("r", Join, "p1", 5, withName("Ana\u009b")), "name", ErrControl},
		{"rename to 81 bytes", ev("r", Join, "p1", 5, withName(strings.Repeat("a", 81))), "name", ErrTooLong},
		{"rename plainly", ev("r", Join, "p1", 5, withName("Ana Ruiz")), "", nil},
		{"rename with accents and RTL letters", ev("r", Join, "p1", 5, withName("Zoë عائشة")), "", nil},
		{"10,000 tags", add(withTags(manyTags...)), "tags", ErrTooMany},
		{"a tag twice", add(withTags(GenuineInterest, ServiceHeroics, GenuineInterest)), "tags[2]", ErrTooMany},
		{"every tag once", add(withTags(Tags...)), "", nil},
		{"too much evidence", add(func(e *Event) { e.Evidence = manyEvidence }), "evidence", ErrTooMany},
		{"text with ESC", add(func(e *Event) { e.Text = "Rates \x1b[31mred" }), "text", ErrControl},
		{"text with a bidi isolate", add(func(e *Event) { e.Text = "Rates \u2067x" }), "text", ErrControl},
		{"text with tab and newline", add(func(e *Event) { e.Text = "Rates:\n\tsingle\n\tdouble" }), "", nil},
		{"text too long", add(func(e *Event) { e.Text = strings.Repeat("word ", MaxEventText/5+1) }), "text", ErrTooLong},
		{"quote with NUL", add(withEvidence(Evidence{Source: ReviewSite, Site: "Yelp", Quote: "great\x00"})), "evidence[0].quote", ErrControl},
		{"event over the size limit", add(func(e *Event) {
			e.Notes = strings.Repeat("n", MaxEventText)
			for range MaxEvidence {
				e.Evidence = append(e.Evidence, Evidence{Source: OwnExperience, Note: strings.Repeat("q", 900)})
			}
		}), "", ErrTooLong},
		{"item id with a control", add(withItem("k\x001")), "item", ErrControl},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := started(t)
			err := s.Apply(tc.e)
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.want)
			if tc.path != "" {
				var ee *EventError
				require.ErrorAs(t, err, &ee)
				got, ok := fieldErrors(ee.Err)[tc.path]
				require.True(t, ok, "no error at %s in %v", tc.path, err)
				assert.ErrorIs(t, got, tc.want)
			}
			assert.Equal(t, 3, s.Len(), "a refused event leaves the session as it was")
		})
	}
}

// TestNameRule: the one name rule, as the API's create and join routes use
// it.
func TestNameRule(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     error
	}{
		{"plain", "Ana Ruiz", nil},
		{"80 bytes", strings.Repeat("a", 80), nil},
		{"empty", "", ErrRequired},
		{"blank", "   ", ErrRequired},
		{"81 bytes", strings.Repeat("a", 81), ErrTooLong},
		{"tab", "Ana\tRuiz", ErrControl},
		{"DEL", "Ana\x7f", ErrControl},
		{"LRO", "\u202dAna", ErrControl},
		{"not UTF-8", "Ana\xff", ErrInvalidUTF8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckName("name", tc.in)
			if tc.want == nil {
				assert.NoError(t, err)
				return
			}
			assert.ErrorIs(t, err, tc.want)
			assert.Contains(t, err.Error(), "name")
		})
	}
	assert.NoError(t, CheckTitle("title", ""))
	assert.ErrorIs(t, CheckTitle("title", "Check-in\x1b"), ErrControl)
	assert.ErrorIs(t, CheckTitle("title", strings.Repeat("t", MaxTitleLen+1)), ErrTooLong)
}

// TestDocumentControlCharacters: an imported grid with an escape sequence
// in a text is refused; tab and newline are fine.
func TestDocumentControlCharacters(t *testing.T) {
	g := SampleFrontDesk()
	g.Skills[0].Text = "Take \x1b[2Jpayment"
	require.ErrorIs(t, g.Validate(), ErrControl)
	g.Skills[0].Text = "Take payment:\n\tcard\n\tcash"
	require.NoError(t, g.Validate())
}

// TestUnknownEventType: the error lists the valid types.
func TestUnknownEventType(t *testing.T) {
	err := started(t).Apply(ev("x", EventType("item.delete"), "f", 5))
	require.ErrorIs(t, err, ErrUnknownEvent)
	for _, typ := range []EventType{Create, Join, AddItem, Decide} {
		assert.Contains(t, err.Error(), string(typ))
	}
}

func TestStripControl(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"plain text is kept", "Walk the guest to the lift", "Walk the guest to the lift"},
		{"tab and line breaks are kept", "one\ttwo\r\nthree", "one\ttwo\r\nthree"},
		{"NUL inside a word goes", "<scr\x00ipt>", "<script>"},
		{"escape, C1 and a bidi override go", "a\x1b[31mb\u0085c\u202ed", "a[31mbcd"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := StripControl(tc.in)
			assert.Equal(t, tc.want, got)
			assert.NoError(t, CheckTextChars("text", got), "what is left passes the text rule")
		})
	}
}
