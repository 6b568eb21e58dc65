package standards

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	b := testBook()
	require.NoError(f, b.Record(obs("o1", "ann", "bo", "i1", day0, r("greet", 1), na("name"))))
	require.NoError(f, Encode(&buf, b))
	f.Add(buf.String())
	f.Add(`{"version":"purposeful.standards/v1","standards":[]}`)
	f.Add(`{"version":"purposeful.standards/v1","standards":[{"id":"a"}]}`)
	f.Add(`{"version":1}`)
	f.Add(`[]`)
	f.Fuzz(func(t *testing.T, doc string) {
		got, err := Decode(strings.NewReader(doc))
		if err != nil {
			return
		}
		// A decoded book is valid, scores without error and round-trips.
		require.NoError(t, got.Validate())
		_, err = got.Reviews()
		require.NoError(t, err)
		var out bytes.Buffer
		require.NoError(t, Encode(&out, got))
		first := out.String()
		again, err := Decode(&out)
		require.NoError(t, err)
		var out2 bytes.Buffer
		require.NoError(t, Encode(&out2, again))
		assert.Equal(t, first, out2.String(), "encode, decode, encode is stable")
	})
}

func FuzzLint(f *testing.F) {
	f.Add("Greet every guest within 10 seconds.", "So that guests feel noticed.", "")
	f.Add("Staff must try to greet guests promptly and/or appropriately. Smile.", "", "When a guest is upset.")
	f.Add("Greet 👋 every “guest” — promptly…", "Because.", "\xff")
	f.Add("", "", "")
	f.Fuzz(func(t *testing.T, statement, rationale, deviation string) {
		s := cleanStandard()
		s.Statement, s.Rationale, s.Deviation = statement, rationale, deviation
		texts := map[string]string{"statement": statement, "rationale": rationale, "deviation": deviation, "method": ""}
		for _, f := range Lint(&s, LintSettings{Purpose: testPurpose}) {
			text, ok := texts[f.Field]
			require.True(t, ok, "unknown field %q", f.Field)
			sp := f.Span
			require.True(t, 0 <= sp.Start && sp.Start <= sp.End && sp.End <= len(text), "span %+v outside %q (%s)", sp, text, f.Rule)
			require.LessOrEqual(t, sp.Start16, sp.End16)
			if utf8.ValidString(text) {
				require.Equal(t, utf16Units(text[:sp.Start]), sp.Start16)
			}
			require.NotEmpty(t, f.Rule)
			require.NotEmpty(t, f.Message)
		}
	})
}

func utf16Units(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

func FuzzStatistics(f *testing.F) {
	f.Add([]byte{1, 1, 0, 1, 2, 2, 0, 0, 1})
	f.Add([]byte{0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		const raters = 3
		var units [][]float64
		for i := 0; i+raters <= len(data) && len(units) < 50; i += raters {
			row := make([]float64, raters)
			for j := range raters {
				v := data[i+j] % 6
				if v == 5 {
					row[j] = nan
				} else {
					row[j] = float64(v)
				}
			}
			units = append(units, row)
		}
		pa, _, err := PercentAgreement(units)
		if err == nil {
			assert.True(t, pa >= 0 && pa <= 1, "agreement %v", pa)
		}
		if k, err := FleissKappa(units); err == nil {
			assert.LessOrEqual(t, k, 1+1e-9)
		}
		for _, lv := range []Level{Nominal, Ordinal, Interval} {
			if a, err := KrippendorffAlpha(units, lv); err == nil {
				assert.LessOrEqual(t, a, 1+1e-9)
			}
		}
	})
}

func FuzzDecodeObservation(f *testing.F) {
	f.Add(`{"id":"o","scorecard":"checkin","observer":"a","subject":"b","interaction":"i","at":"2026-03-02T09:00:00Z","ratings":[{"standard":"greet","value":1}]}`)
	f.Add(`{"ratings":[{"standard":"name","na":true}]}`)
	f.Fuzz(func(t *testing.T, doc string) {
		o, err := DecodeObservation(strings.NewReader(doc))
		if err != nil {
			return
		}
		b := testBook()
		if err := b.Record(o); err != nil {
			assert.Empty(t, b.Observations, "a rejected observation leaves the book as it was")
			return
		}
		rv, err := b.Reviews()
		require.NoError(t, err)
		assert.True(t, rv[0].Base >= 0 && rv[0].Base <= 1, "base %v", rv[0].Base)
	})
}
