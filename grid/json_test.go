package grid

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONRoundTrip(t *testing.T) {
	for _, g := range []*Grid{SampleFrontDesk(), SampleDischarge(), SampleFrontDesk().Template()} {
		data, err := Encode(g)
		require.NoError(t, err)
		back, err := Decode(data)
		require.NoError(t, err)
		assert.Equal(t, g, back)
	}
	p := SamplePortfolio()
	data, err := EncodePortfolio(p)
	require.NoError(t, err)
	back, err := DecodePortfolio(data)
	require.NoError(t, err)
	assert.Equal(t, p, back)
}

func TestDecodeErrors(t *testing.T) {
	valid := `{"version":"purposeful.grid/v1","position":"Agent","purpose":"Loyal guests","process":"Check-in","anonymity":"anonymous","knowledge":[],"skills":[],"purposeful":[%s]}`
	item := func(s string) string { return sprintf(valid, s) }
	tests := []struct {
		name string
		in   string
		want error
		path string
	}{
		{"malformed", `{"version": "purposeful.grid/v1",`, ErrSyntax, ""},
		{"trailing data", sprintf(valid, "") + `{}`, ErrSyntax, ""},
		{"not an object", `[1,2]`, ErrWrongType, ""},
		{"no version", `{"position":"Agent"}`, ErrVersion, "version"},
		{"wrong version", `{"version":"purposeful.grid/v2"}`, ErrVersion, "version"},
		{"version not a string", `{"version":1}`, ErrVersion, "version"},
		{"unknown top-level field", `{"version":"purposeful.grid/v1","positon":"Agent"}`, ErrUnknownField, "positon"},
		{"unknown item field", item(`{"id":"a","text":"Smile","colour":"red"}`), ErrUnknownField, "purposeful[0].colour"},
		{"unknown evidence field", item(`{"id":"a","text":"Smile","evidence":[{"source":"other","url":"x"}]}`), ErrUnknownField, "purposeful[0].evidence[0].url"},
		{"bad enum", item(`{"id":"a","text":"Smile","status":"maybe"}`), ErrUnknownValue, "purposeful[0].status"},
		{"bad tag", item(`{"id":"a","text":"Smile","tags":["kindness"]}`), ErrUnknownValue, "purposeful[0].tags[0]"},
		{"wrong type", item(`{"id":"a","text":"Smile","votes":"three"}`), ErrWrongType, "purposeful[0].votes"},
		{"fractional votes", item(`{"id":"a","text":"Smile","votes":1.5}`), ErrWrongType, "purposeful[0].votes"},
		{"null text", item(`{"id":"a","text":null}`), ErrWrongType, "purposeful[0].text"},
		{"invalid after decoding", item(`{"id":"a","text":""}`), ErrRequired, "purposeful[0].text"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, err := Decode([]byte(tc.in))
			require.Error(t, err)
			assert.Nil(t, g)
			assert.ErrorIs(t, err, tc.want)
			if tc.path != "" {
				errs := fieldErrors(err)
				assert.Contains(t, errs, tc.path, "got %v", err)
			}
		})
	}
}

func TestSyntaxErrorPosition(t *testing.T) {
	_, err := Decode([]byte("{\n  \"version\": \"purposeful.grid/v1\",\n  \"position\": oops\n}"))
	var se *SyntaxError
	require.ErrorAs(t, err, &se)
	assert.Equal(t, 3, se.Line)
	assert.Greater(t, se.Column, 1)
	assert.Contains(t, se.Error(), "line 3")
}

func TestDecodeReportsAllUnknownFields(t *testing.T) {
	_, err := Decode([]byte(`{"version":"purposeful.grid/v1","a":1,"b":2,"position":"x","purpose":"y","process":"z"}`))
	errs := fieldErrors(err)
	assert.Contains(t, errs, "a")
	assert.Contains(t, errs, "b")
}
