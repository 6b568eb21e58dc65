package standards

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONRoundTrip(t *testing.T) {
	b := reportBook(t)
	require.NoError(t, b.Dispute("o2", "cy", "The guest had no bags.", day0))
	require.NoError(t, b.Resolve("o2", PartlyAccepted, "walk was N/A", []Rating{r("greet", 1), na("walk"), r("id", 1)}, day0))
	var buf bytes.Buffer
	require.NoError(t, Encode(&buf, b))
	assert.Contains(t, buf.String(), `"version": "purposeful.standards/v1"`)
	assert.Contains(t, buf.String(), `"deviation": "purposeful"`, "enums are strings")
	got, err := Decode(&buf)
	require.NoError(t, err)
	assert.Equal(t, b, got)
}

func TestDecodeStrict(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, Encode(&buf, testBook()))
	good := buf.String()
	tests := []struct {
		name string
		doc  string
		want error
		text string
	}{
		{"no version", strings.Replace(good, `"version": "purposeful.standards/v1",`, "", 1), ErrMissing, "version"},
		{"wrong version", strings.Replace(good, "standards/v1", "standards/v9", 1), ErrVersion, "version"},
		{"unknown field", strings.Replace(good, `"organisation"`, `"colour": "red", "organisation"`, 1), nil, "unknown field"},
		{"bad enum", strings.Replace(good, `"critical": "fails-review"`, `"critical": "very"`, 1), ErrInvalid, "critical"},
		{"trailing data", good + "{}", nil, "after top-level value"},
		{"invalid book", strings.Replace(good, `"priority": "safety"`, `"priority": "speed"`, 1), ErrUnknownPriority, "standards[3].priority"},
		{"not JSON", "{", nil, "standards:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode(strings.NewReader(tc.doc))
			require.Error(t, err)
			if tc.want != nil {
				assert.True(t, errors.Is(err, tc.want), "%v", err)
			}
			assert.Contains(t, err.Error(), tc.text)
		})
	}
	_, err := Decode(strings.NewReader(good))
	require.NoError(t, err)
}

func TestEnumText(t *testing.T) {
	for _, v := range []interface {
		MarshalText() ([]byte, error)
	}{Draft, FailsSection, Threshold, Behaviour, FivePoint, MysteryShopper, NeedsCorrection, PartlyAccepted, Quadratic, Ordinal, Manner, Coaching, Weekly, SelfManaged} {
		b, err := v.MarshalText()
		require.NoError(t, err)
		assert.NotEmpty(t, b)
	}
	var s Scale
	require.NoError(t, s.UnmarshalText([]byte("4-point")))
	assert.Equal(t, FourPoint, s)
	assert.ErrorIs(t, s.UnmarshalText([]byte("six")), ErrInvalid)
	_, err := Scale(9).MarshalText()
	assert.Error(t, err)
	assert.Equal(t, "scale(9)", Scale(9).String())
}

func TestDecodeStandardAndObservation(t *testing.T) {
	s, err := DecodeStandard(strings.NewReader(`{"id":"g","code":"CI-01","position":"Agent","process":"Check-in","statement":"Greet every guest.","method":{"kind":"yes-no"},"critical":"none","version":1,"status":"draft"}`))
	require.NoError(t, err)
	assert.Equal(t, "Greet every guest.", s.Statement)
	_, err = DecodeStandard(strings.NewReader(`{"id":"g","colour":"red"}`))
	assert.ErrorContains(t, err, "unknown field")
	_, err = DecodeStandard(strings.NewReader(`{"id":"g"}`))
	assert.ErrorIs(t, err, ErrMissing)

	o, err := DecodeObservation(strings.NewReader(`{"id":"o","scorecard":"c","observer":"a","subject":"b","mode":"mystery-shopper","interaction":"i","at":"2026-03-02T09:00:00Z","ratings":[{"standard":"g","value":1,"deviation":"purposeful"}]}`))
	require.NoError(t, err)
	assert.Equal(t, MysteryShopper, o.Mode)
	assert.Equal(t, Purposeful, o.Ratings[0].Deviation)
	_, err = DecodeObservation(strings.NewReader(`{"id":"o","mode":"robot"}`))
	assert.ErrorIs(t, err, ErrInvalid)
}
