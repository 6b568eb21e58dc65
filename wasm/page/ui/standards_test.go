package ui

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReplaceSpan(t *testing.T) {
	tests := []struct {
		name, text     string
		start, end     int
		was, fix, want string
		ok             bool
	}{
		{"in place", "Greet guests promptly.", 13, 21, "promptly", "within 30 seconds", "Greet guests within 30 seconds.", true},
		{"deletion", "Try to greet guests.", 0, 7, "Try to ", "", "greet guests.", true},
		{"text changed since the lint", "Greet guests quickly.", 13, 21, "promptly", "within 30 seconds", "Greet guests quickly.", false},
		{"span past the end", "Greet", 3, 9, "et gue", "x", "Greet", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := replaceSpan(tc.text, tc.start, tc.end, tc.was, tc.fix)
			assert.Equal(t, tc.ok, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

// TestStandardsHistory: typing in one field is one undo step until a
// pause; fixes and other fields are steps of their own.
func TestStandardsHistory(t *testing.T) {
	d := &Solo{Standards: []StandardDraft{{Code: "A", Statement: "draft"}}}
	var h standardsHistory
	now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	set := func(what, v string, after time.Duration) {
		now = now.Add(after)
		h.remember(what, d, now)
		d.Standards[0].Statement = v
	}
	set("typing in statement-0", "d", 0)
	set("typing in statement-0", "dr", 200*time.Millisecond)
	set("typing in statement-0", "dra", 200*time.Millisecond)
	set("the fix", "fixed", 100*time.Millisecond)
	set("typing in statement-0", "fixed!", 100*time.Millisecond)
	set("typing in statement-0", "fixed!!", 2*time.Second)
	for _, want := range []string{"fixed!", "fixed", "dra", "draft"} {
		_, ok := h.undo(d)
		require.True(t, ok)
		assert.Equal(t, want, d.Standards[0].Statement)
	}
	_, ok := h.undo(d)
	assert.False(t, ok, "nothing left to undo")
}
