package observe

import (
	"encoding/xml"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCharts(t *testing.T) {
	for _, tc := range []struct {
		name  string
		svg   []byte
		marks int // circles or bars
		want  []string
	}{
		{"weeks", LineChart("Compliance by week", []Point{{"2026-W45", 0.5}, {"2026-W46", 0.75}, {"2026-W47", 1}}), 3, []string{"2026-W46: 75%"}},
		{"one week", LineChart("Compliance by week", []Point{{"2026-W45", 0.5}}), 1, []string{"50%"}},
		{"standards", BarChart("Compliance by standard", []Point{{"FD-CI-01", 0.9}, {"<b>&x", 0.2}}), 2, []string{"FD-CI-01: 90%", "&lt;b&gt;&amp;x"}},
		{"empty", BarChart("Compliance by standard", nil), 0, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NoError(t, xml.Unmarshal(tc.svg, new(struct{})), "well-formed SVG:\n%s", tc.svg)
			s := string(tc.svg)
			assert.Equal(t, tc.marks, strings.Count(s, "<circle")+strings.Count(s, "<rect"))
			for _, w := range tc.want {
				assert.Contains(t, s, w)
			}
			assert.NotContains(t, s, "<b>", "labels are escaped")
		})
	}
}
