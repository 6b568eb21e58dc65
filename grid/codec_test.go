package grid

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// plainEvent has Event's fields and none of its methods, so encoding/json
// writes and reads it by reflection: the reference the codec must match.
type plainEvent Event

// FuzzCodecMatchesEncodingJSON checks the reflection-free codec against
// encoding/json: whatever the codec accepts, encoding/json reads to the
// same value, and the codec writes the same bytes encoding/json writes.
func FuzzCodecMatchesEncodingJSON(f *testing.F) {
	for _, name := range []string{"frontdesk.json", "session-log.json", "portfolio.json"} {
		data, err := os.ReadFile("testdata/" + name)
		require.NoError(f, err)
		f.Add(data)
	}
	for _, e := range workshop(Named) {
		b, err := json.Marshal(plainEvent(e))
		require.NoError(f, err)
		f.Add(b)
	}
	f.Add([]byte(`{"id":"x","type":"vote","actor":"a","at":"2026-03-02T09:23:55.5+02:00","item":"\u00e9\ud83d\ude00\u2028<&>","score":{"experience":1e-7,"kpis":1.5,"values":0,"purpose":3}}`))
	f.Add([]byte(`{"version":"purposeful.grid/v1","position":"a","purpose":"b","process":"c","knowledge":[{"id":"k","text":"x\u0000\udc00y"}],"skills":[],"purposeful":[{"id":"p","text":"y","votes":3,"evidence":[{"source":"review-site","site":"s","rating":4.5,"outOf":10,"link":"https://example.com"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if g, err := DecodeDraft(data); err == nil {
			var ref Grid
			require.NoError(t, json.Unmarshal(data, &ref), "encoding/json reads what the codec reads")
			ref.normalize()
			assert.Equal(t, &ref, g)
			got, err := Encode(g)
			c := *g
			c.prepareEncode()
			want, werr := json.MarshalIndent(&c, "", "  ")
			if werr != nil {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, string(want)+"\n", string(got))
		}
		if e, err := DecodeEvent(data); err == nil {
			var ref plainEvent
			require.NoError(t, json.Unmarshal(data, &ref))
			assert.Equal(t, normEvent(Event(ref)), normEvent(e))
			got, err := EncodeEvent(&e)
			want, werr := json.Marshal(plainEvent(e))
			if werr != nil {
				require.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, string(want), string(got))
		}
		if p, err := DecodePortfolio(data); err == nil {
			got, err := EncodePortfolio(p)
			require.NoError(t, err)
			c := *p
			c.Version = PortfolioVersion
			for i := range c.Grids {
				c.Grids[i].prepareEncode()
			}
			want, err := json.MarshalIndent(&c, "", "  ")
			require.NoError(t, err)
			assert.Equal(t, string(want)+"\n", string(got))
		}
	})
}

func TestCodecStrictness(t *testing.T) {
	valid := `{"version":"purposeful.grid/v1","position":"Agent","purpose":"Loyal guests","process":"Check-in","knowledge":[],"skills":[],"purposeful":[%s]}`
	tests := []struct {
		name string
		in   string
		want error
		path string
	}{
		{"duplicate key", `{"version":"purposeful.grid/v1","position":"a","position":"b"}`, ErrDuplicateKey, "position"},
		{"keys differ by case", `{"version":"purposeful.grid/v1","position":"a","Position":"b"}`, ErrDuplicateKey, "Position"},
		{"nested duplicate", sprintf(valid, `{"id":"a","text":"Smile","votes":1,"Votes":2}`), ErrDuplicateKey, "purposeful[0].Votes"},
		{"case is not folded", `{"version":"purposeful.grid/v1","Position":"a"}`, ErrUnknownField, "Position"},
		{"number grammar", sprintf(valid, `{"id":"a","text":"Smile","votes":01}`), ErrSyntax, ""},
		{"bad escape", sprintf(valid, `{"id":"a","text":"\x"}`), ErrSyntax, ""},
		{"deep nesting", `{"version":"purposeful.grid/v1","values":` + repeat("[", 100) + repeat("]", 100) + `}`, ErrSyntax, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode([]byte(tc.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			if tc.path != "" {
				assert.Contains(t, fieldErrors(err), tc.path, "got %v", err)
			}
			var ref map[string]any
			if tc.want == ErrDuplicateKey {
				assert.NoError(t, json.Unmarshal([]byte(tc.in), &ref), "encoding/json would have let this through")
			}
		})
	}
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}

func TestEventCodecPaths(t *testing.T) {
	_, err := DecodeEvent([]byte(`{"id":"x","type":"course","actor":"f","at":"2026-03-01T09:00:00Z","course":{"position":1,"colour":"red"},"step":"nowhere"}`))
	errs := fieldErrors(err)
	assert.Contains(t, errs, "course.position")
	assert.Contains(t, errs, "course.colour")
	assert.Contains(t, errs, "step")
}
