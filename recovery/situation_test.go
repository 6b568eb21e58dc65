package recovery

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSituationZeroValueIsValid(t *testing.T) {
	var s Situation
	assert.NoError(t, s.Validate())
	g, err := Plan(s)
	require.NoError(t, err)
	assert.NotEmpty(t, g.Steps)
}

func TestSituationValidateNamesEveryField(t *testing.T) {
	s := Situation{
		State: State(9), Cause: Cause(9), Severity: Impact(9), Channel: Channel(9),
		CustomerName: "\xff", Colleague: strings.Repeat("a", MaxFieldLen+1), Issue: "   ",
		Offers: []string{"ok", ""}, Times: make([]string, MaxListLen+1),
	}
	for i := range s.Times {
		s.Times[i] = "noon"
	}
	err := s.Validate()
	require.Error(t, err)
	msg := err.Error()
	for _, field := range []string{"state:", "cause:", "severity:", "channel:", "customerName:", "colleague:", "issue:", "offers[1]:", "times:"} {
		assert.Contains(t, msg, field)
	}
	assert.NotContains(t, msg, "offers[0]")
	assert.ErrorIs(t, err, ErrUnknownValue)
	assert.ErrorIs(t, err, ErrFieldTooLong)
	assert.ErrorIs(t, err, ErrFieldInvalid)
	assert.ErrorIs(t, err, ErrTooMany)
	var fe *FieldError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, "state", fe.Field)
}

func TestSituationJSON(t *testing.T) {
	s := Situation{State: Angry, Cause: PolicyLimit, Severity: Major, Repeat: true, Channel: InPerson,
		Offers: []string{"store credit"}, Colleague: "Dana", CanEscalate: true, CustomerName: "Ms Okafor",
		Policy: "refunds need a receipt", Times: []string{"4pm"}, Language: MustParseLanguage("en-gb")}
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"language":"en-GB"`)
	var back Situation
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, s, back)

	b, err = json.Marshal(Situation{})
	require.NoError(t, err)
	assert.NotContains(t, string(b), "language", "the zero tag is left out")
}

func TestReviewAndPlanRejectInvalidSituation(t *testing.T) {
	bad := Situation{State: State(7)}
	_, err := Plan(bad)
	assert.ErrorIs(t, err, ErrUnknownValue)
	_, err = Review("I'm sorry.", bad)
	assert.ErrorIs(t, err, ErrUnknownValue)
	assert.Contains(t, err.Error(), "state")
}
