package purpose

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		item       string
		kind       ItemKind
		observable bool
	}{
		// Knowledge: positive.
		{"Room types and rates", Knowledge, false},
		{"Know the cancellation policy", Knowledge, false},
		{"The loyalty programme tiers and benefits", Knowledge, false},
		{"Local sights and how to get there", Knowledge, false},
		{"Understanding of the baggage allowance for each fare", Knowledge, false},
		{"Allergens in every dish on the menu", Knowledge, false},
		// Skills: positive.
		{"Run the reservation system", Skill, true},
		{"Take payment by card and cash", Skill, true},
		{"Able to upsell a room upgrade", Skill, true},
		{"Operate the property management system", Skill, true},
		{"Proficient in the point of sale software", Skill, false},
		{"De-escalate an angry caller", Skill, true},
		// Actions: positive.
		{"Walk the guest to the lift", Action, true},
		{"Offer a bottle of water on arrival", Action, true},
		{"Escort the patient to the X-ray department", Action, true},
		{"Lend an umbrella when it rains", Action, true},
		{"When a guest mentions a birthday, send a handwritten note", Action, true},
		{"Draw a map to the nearest pharmacy", Action, true},
		// Behaviours: positive.
		{"Use the guest's name", Behaviour, true},
		{"Speaks warmly to every caller", Behaviour, true},
		{"Make eye contact and smile", Behaviour, true},
		{"Listen without interrupting", Behaviour, true},
		{"Always thank the customer by name", Behaviour, true},
		{"Show genuine interest in the traveller's plans", Behaviour, true},
		{"Be friendly", Behaviour, false},
		{"Care about every patient", Behaviour, false},
		// Functions: positive.
		{"Check guests in and out", Function, true},
		{"Load and unload bags on the aircraft", Function, true},
		{"Responsible for restocking shelves", Function, true},
		{"Answer incoming calls and log them", Function, true},
		{"Administer medication as per the chart", Function, true},
		{"Clean and inspect rooms", Function, true},
	}
	for _, tc := range tests {
		t.Run(tc.item, func(t *testing.T) {
			c, err := Classify(tc.item)
			require.NoError(t, err)
			assert.Equal(t, tc.kind, c.Kind, "reasons: %v", c.Reasons)
			assert.Equal(t, tc.observable, c.Observable, "observable; reasons: %v", c.Reasons)
			assert.NotEmpty(t, c.Reasons)
			assert.Greater(t, c.Confidence, 0.0)
			assert.LessOrEqual(t, c.Confidence, 1.0)
			for _, s := range c.Evidence {
				assert.True(t, s.Start >= 0 && s.End <= len(tc.item) && s.Start < s.End, "span %+v", s)
			}
		})
	}
}

func TestClassifyUnknown(t *testing.T) {
	c, err := Classify("!!! ???")
	require.NoError(t, err)
	assert.Equal(t, KindUnknown, c.Kind)
	assert.Zero(t, c.Confidence)
	assert.NotEmpty(t, c.Reasons)
}

func TestClassifyBadInput(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"empty", "", ErrEmpty},
		{"blank", " \t\n ", ErrBlank},
		{"invalid UTF-8", "greet \xff guests", ErrInvalidUTF8},
		{"too long", strings.Repeat("greet ", 2000), ErrTooLong},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Classify(tc.in)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			var ie *InputError
			assert.True(t, errors.As(err, &ie))
		})
	}
}

func TestItemKindText(t *testing.T) {
	for k := KindUnknown; k <= Function; k++ {
		b, err := json.Marshal(k)
		require.NoError(t, err)
		var back ItemKind
		require.NoError(t, json.Unmarshal(b, &back))
		assert.Equal(t, k, back)
	}
	var k ItemKind
	require.NoError(t, k.UnmarshalText([]byte("behavior")))
	assert.Equal(t, Behaviour, k)
	assert.ErrorIs(t, k.UnmarshalText([]byte("attitude")), ErrUnknownKind)
	_, err := ItemKind(99).MarshalText()
	assert.ErrorIs(t, err, ErrUnknownKind)
	b, err := json.Marshal(Classification{Kind: Skill, Reasons: []string{"x"}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"kind":"skill","confidence":0,"observable":false,"reasons":["x"]}`, string(b))
}
