package workshop

import (
	"encoding/csv"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzDecode: no panics; whatever decodes re-encodes and decodes to the
// same document.
func FuzzDecode(f *testing.F) {
	good, _ := sample().Encode()
	f.Add(good)
	f.Add([]byte(`{"version":"purposeful.workshop/v1","id":"x","phase":"gold"}`))
	f.Add([]byte(`{"version":"purposeful.workshop/v1","id":"x","knowledge":[{"id":"a","text":"\ud83d\ude00"}]}`))
	f.Add([]byte(`[1,2`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Decode(data)
		if err != nil {
			return
		}
		b, err := d.Encode()
		require.NoError(t, err)
		d2, err := Decode(b)
		require.NoError(t, err, "%s", b)
		b2, err := d2.Encode()
		require.NoError(t, err)
		require.Equal(t, string(b), string(b2))
	})
}

// FuzzExports: any text gives parseable CSV and well-formed SVG.
func FuzzExports(f *testing.F) {
	f.Add("Greet guests by name", "<b>x</b>")
	f.Add("=1+1", "\x00\xff\"\n,")
	f.Fuzz(func(t *testing.T, a, b string) {
		d := New("f", t0)
		d.Position = a
		d.AddItem(false, a)
		d.AddItem(true, b)
		id := d.AddIdea(b, a)
		d.Idea(id).Adopted = true
		_ = d.Markdown()
		_, err := csv.NewReader(strings.NewReader(d.CSV())).ReadAll()
		require.NoError(t, err)
		dec := xml.NewDecoder(strings.NewReader(d.SVG()))
		for {
			_, err := dec.Token()
			if err != nil {
				require.Equal(t, "EOF", err.Error(), "SVG for %q %q", a, b)
				break
			}
		}
	})
}
