package prose

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestQuantities(t *testing.T) {
	type q struct {
		text  string
		value float64
		unit  string
		dim   Dimension
	}
	tests := []struct {
		name string
		text string
		want []q
	}{
		{"hours", "reply within 24 hours", []q{{"24 hours", 24, "hour", Duration}}},
		{"number word and count unit", "answer within three rings", []q{{"three rings", 3, "ring", Count}}},
		{"distance", "greet guests within 10 feet", []q{{"10 feet", 10, "foot", Distance}}},
		{"minutes", "5 minutes", []q{{"5 minutes", 5, "minute", Duration}}},
		{"an hour", "within an hour", []q{{"an hour", 1, "hour", Duration}}},
		{"glued unit", "24h desk", []q{{"24h", 24, "hour", Duration}}},
		{"hyphenated", "a 24-hour line", []q{{"24-hour", 24, "hour", Duration}}},
		{"business days", "in 2 business days", []q{{"2 business days", 2, "day", Duration}}},
		{"percent", "80% of calls", []q{{"80%", 80, "percent", Percent}}},
		{"money", "a $20 voucher", []q{{"$20", 20, "dollar", Money}}},
		{"two in one text", "3 rings or 30 seconds", []q{{"3 rings", 3, "ring", Count}, {"30 seconds", 30, "second", Duration}}},
		{"bare number is no quantity", "room 214 is ready", nil},
		{"vague time is no quantity", "reply promptly", nil},
		{"a without a time unit", "a guest", nil},
		{"spaced one-letter unit is not a unit", "plan 5 h", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := Analyze(tc.text)
			var got []q
			for _, x := range d.Quantities {
				got = append(got, q{d.Slice(x.Span), x.Value, x.Unit, x.Dimension})
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestQuantityAt(t *testing.T) {
	d := Analyze("wait 5 minutes then 2 hours")
	got, ok := d.QuantityAt(1)
	assert.True(t, ok)
	assert.Equal(t, "minute", got.Unit)
	_, ok = d.QuantityAt(0)
	assert.False(t, ok)
}

// TestWordTables checks that every word of the sorted lookup tables is
// found (a word out of order would silently stop being recognised) and
// that words outside them are not.
func TestWordTables(t *testing.T) {
	for _, u := range unitWords {
		unit, dim, ok := unitOf(u.word)
		assert.True(t, ok, u.word)
		assert.Equal(t, u.unit, unit, u.word)
		assert.Equal(t, u.dim, dim, u.word)
	}
	for _, n := range numberWords {
		v, ok := numberWord(n.word)
		assert.True(t, ok, n.word)
		assert.Equal(t, n.value, v, n.word)
	}
	for _, w := range []string{"", "business", "working", "Hours", "hourly", "zz", "dozens", "hundreds"} {
		_, _, ok := unitOf(w)
		assert.False(t, ok, w)
		_, ok = numberWord(w)
		assert.False(t, ok, w)
	}
	v, ok := numberWord("dozen")
	assert.True(t, ok)
	assert.Equal(t, 12.0, v)
	unit, dim, ok := unitOf("per-cent")
	assert.True(t, ok)
	assert.Equal(t, "percent", unit)
	assert.Equal(t, Percent, dim)
}
