package grid

import (
	"encoding"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type textEnum interface {
	encoding.TextMarshaler
	String() string
}

func TestEnumsRoundTrip(t *testing.T) {
	check := func(t *testing.T, names []string, mk func(i int) textEnum, parse func([]byte) (textEnum, error)) {
		for i, n := range names {
			v := mk(i)
			b, err := v.MarshalText()
			require.NoError(t, err)
			assert.Equal(t, n, string(b))
			assert.Equal(t, n, v.String())
			back, err := parse(b)
			require.NoError(t, err)
			assert.Equal(t, v, back)
		}
		_, err := mk(len(names)).MarshalText()
		assert.ErrorContains(t, err, "unknown")
		_, err = parse([]byte("no-such-name"))
		assert.ErrorIs(t, err, ErrUnknownValue)
		var ee *EnumError
		assert.ErrorAs(t, err, &ee)
	}
	t.Run("column", func(t *testing.T) {
		check(t, columnNames, func(i int) textEnum { return Column(i) }, func(b []byte) (textEnum, error) { var v Column; err := v.UnmarshalText(b); return v, err })
	})
	t.Run("kind", func(t *testing.T) {
		check(t, kindNames, func(i int) textEnum { return Kind(i) }, func(b []byte) (textEnum, error) { var v Kind; err := v.UnmarshalText(b); return v, err })
	})
	t.Run("status", func(t *testing.T) {
		check(t, statusNames, func(i int) textEnum { return Status(i) }, func(b []byte) (textEnum, error) { var v Status; err := v.UnmarshalText(b); return v, err })
	})
	t.Run("cost", func(t *testing.T) {
		check(t, costNames, func(i int) textEnum { return Cost(i) }, func(b []byte) (textEnum, error) { var v Cost; err := v.UnmarshalText(b); return v, err })
	})
	t.Run("source", func(t *testing.T) {
		check(t, sourceNames, func(i int) textEnum { return Source(i) }, func(b []byte) (textEnum, error) { var v Source; err := v.UnmarshalText(b); return v, err })
	})
	t.Run("tag", func(t *testing.T) {
		check(t, tagNames, func(i int) textEnum { return Tag(i) }, func(b []byte) (textEnum, error) { var v Tag; err := v.UnmarshalText(b); return v, err })
	})
	t.Run("anonymity", func(t *testing.T) {
		check(t, anonymityNames, func(i int) textEnum { return Anonymity(i) }, func(b []byte) (textEnum, error) { var v Anonymity; err := v.UnmarshalText(b); return v, err })
	})
	t.Run("step", func(t *testing.T) {
		check(t, stepNames, func(i int) textEnum { return Step(i) }, func(b []byte) (textEnum, error) { var v Step; err := v.UnmarshalText(b); return v, err })
	})
	t.Run("role", func(t *testing.T) {
		check(t, roleNames, func(i int) textEnum { return Role(i) }, func(b []byte) (textEnum, error) { var v Role; err := v.UnmarshalText(b); return v, err })
	})
	t.Run("coverage", func(t *testing.T) {
		check(t, coverageNames, func(i int) textEnum { return Coverage(i) }, func(b []byte) (textEnum, error) { var v Coverage; err := v.UnmarshalText(b); return v, err })
	})
	t.Run("frequency", func(t *testing.T) {
		check(t, frequencyNames, func(i int) textEnum { return Frequency(i) }, func(b []byte) (textEnum, error) { var v Frequency; err := v.UnmarshalText(b); return v, err })
	})
}

func TestEnumDefaults(t *testing.T) {
	var s Status
	require.NoError(t, s.UnmarshalText(nil))
	assert.Equal(t, Proposed, s, "an empty status is proposed")
	var a Anonymity
	require.NoError(t, a.UnmarshalText(nil))
	assert.Equal(t, Anonymous, a, "an empty anonymity is the safest")
	for _, tag := range Tags {
		assert.NotEmpty(t, tag.Label())
	}
	for _, c := range Columns {
		assert.NotEmpty(t, c.Title())
		assert.Equal(t, c, effectiveKind(&Item{}, c).Column(), "each column's natural kind belongs in it")
	}
	for _, st := range Steps {
		assert.NotEmpty(t, st.Title())
	}
}
