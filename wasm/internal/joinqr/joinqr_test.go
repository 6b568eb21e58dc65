package joinqr

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// finder reports whether the 7x7 finder pattern sits with its top left at
// x, y: a dark ring, a light ring and a dark 3x3 centre.
func finder(c Code, x0, y0 int) bool {
	for y := 0; y < 7; y++ {
		for x := 0; x < 7; x++ {
			ring := x == 0 || y == 0 || x == 6 || y == 6
			centre := x >= 2 && x <= 4 && y >= 2 && y <= 4
			if c.Dark(x0+x, y0+y) != (ring || centre) {
				return false
			}
		}
	}
	return true
}

func TestEncode(t *testing.T) {
	tests := []struct {
		text string
		size int
	}{
		{"http://192.168.1.23:8080/team.html#join/K7QW2P", 33},                // version 4
		{"http://10.0.0.5:8080/team.html#join/AB12CD", 29},                    // version 3
		{"https://workshop.example.org/purposeful/team.html#join/K7QW2P", 33}, // 61 bytes: version 4 holds 62
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			c, err := Encode(tc.text)
			require.NoError(t, err)
			assert.Equal(t, tc.size, c.Size, "the smallest version that holds the link")
			assert.True(t, finder(c, 0, 0), "finder top left")
			assert.True(t, finder(c, c.Size-7, 0), "finder top right")
			assert.True(t, finder(c, 0, c.Size-7), "finder bottom left")
			for i := 8; i < c.Size-8; i++ {
				assert.Equal(t, i%2 == 0, c.Dark(i, 6), "timing pattern at %d", i)
			}
		})
	}
	_, err := Encode(strings.Repeat("x", 400))
	assert.ErrorIs(t, err, ErrTooLong)
	_, err = Encode("")
	assert.Error(t, err)
}

func TestSVG(t *testing.T) {
	text := "http://192.168.1.23:8080/team.html#join/K7QW2P"
	b, err := SVG(text)
	require.NoError(t, err)
	var doc struct {
		ViewBox string `xml:"viewBox,attr"`
		Path    struct {
			D string `xml:"d,attr"`
		} `xml:"path"`
	}
	require.NoError(t, xml.Unmarshal(b, &doc), "well-formed SVG")
	assert.Equal(t, "0 0 41 41", doc.ViewBox, "33 modules and the quiet zone")
	assert.True(t, strings.HasPrefix(doc.Path.D, "M4 4h7v1h-7z"), "the top left finder's first row: %.40s", doc.Path.D)
	assert.NotContains(t, string(b), "<script")
}

func TestText(t *testing.T) {
	out, err := Text("http://10.0.0.5:8080/team.html#join/AB12CD")
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	assert.Len(t, lines, (29+8+1)/2, "two module rows a line")
	for _, l := range lines {
		assert.Equal(t, 29+8, len([]rune(l)))
	}
	assert.Equal(t, strings.Repeat("█", 37), lines[0], "the quiet zone is light")
}
