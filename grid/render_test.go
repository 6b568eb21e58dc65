package grid

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func tiny() *Grid {
	return &Grid{Position: "Cashier", Purpose: "Shoppers leave glad they came", Process: "Checkout",
		Knowledge:  []Item{{ID: "k1", Text: "Prices | offers *this* week"}},
		Skills:     []Item{{ID: "s1", Text: "=SUM(A1:A9)"}},
		Purposeful: []Item{{ID: "p1", Text: "Offer <help> & carry bags", Status: Adopted, Votes: 7, Author: "Participant 2"}},
	}
}

func TestMarkdownEscapes(t *testing.T) {
	md := Markdown(tiny())
	assert.Contains(t, md, `Prices \| offers \*this\* week`, "a pipe cannot break the table")
	assert.Contains(t, md, "Offer &lt;help&gt; & carry bags", "no raw HTML")
	assert.NotContains(t, md, "Participant 2", "anonymous by default")
	lines := strings.Split(md, "\n")
	for _, l := range lines {
		if strings.HasPrefix(l, "|") {
			assert.Equal(t, 4, strings.Count(strings.ReplaceAll(l, `\|`, ""), "|"), "three cells: %s", l)
		}
	}
	g := tiny()
	g.Anonymity = Alias
	assert.Contains(t, Markdown(g), "(Participant 2)")
}

// FuzzMdInline holds mdInline to the replacer it stands in for: white
// space runs joined, then each Markdown or HTML character escaped.
func FuzzMdInline(f *testing.F) {
	for _, s := range []string{"", "plain", "a | b", "*x* _y_ `z` [l](u) <b>&</b>", "  tabs\tand\nlines  ", "é|ü>"} {
		f.Add(s)
	}
	r := strings.NewReplacer("|", "\\|", "*", "\\*", "_", "\\_", "`", "\\`", "<", "&lt;", ">", "&gt;", "[", "\\[", "]", "\\]")
	f.Fuzz(func(t *testing.T, s string) {
		want := r.Replace(strings.Join(strings.Fields(s), " "))
		if got := mdInline(s); got != want {
			t.Fatalf("mdInline(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestCSV(t *testing.T) {
	g := tiny()
	data, err := CSV(g)
	require.NoError(t, err)
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	require.NoError(t, err)
	require.Len(t, rows, 4)
	assert.Equal(t, CSVHeader, rows[0])
	assert.Equal(t, "'=SUM(A1:A9)", rows[2][2], "formulas are defused")
	assert.Equal(t, []string{"purposeful", "p1", "Offer <help> & carry bags", "action", "", "7", "adopted", "", "", "", "", ""}, rows[3])
	g.Anonymity = Named
	data, _ = CSV(g)
	assert.Contains(t, string(data), "Participant 2")
}

func wellFormed(t *testing.T, svg string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(svg))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return
		}
		require.NoError(t, err)
	}
}

func TestSVG(t *testing.T) {
	a4 := SVG(tiny(), SVGOptions{})
	wellFormed(t, a4)
	assert.Contains(t, a4, `width="297mm" height="210mm"`)
	assert.Contains(t, a4, "Offer &lt;help&gt; &amp; carry bags")
	assert.Contains(t, a4, "+2", "votes beyond five dots are counted")
	letter := SVG(tiny(), SVGOptions{Paper: Letter})
	assert.Contains(t, letter, `width="11in" height="8.5in"`)

	tpl := SVG(tiny(), SVGOptions{Template: true})
	assert.Contains(t, tpl, "Figure 1")
	assert.NotContains(t, tpl, "carry bags", "the template has no items")

	// A very long column shrinks the type, then counts what does not fit.
	g := tiny()
	for i := range 120 {
		g.Purposeful = append(g.Purposeful, Item{ID: fmt.Sprint("x", i), Text: "Walk the shopper to the car park exit and wish them a good day"})
	}
	long := SVG(g, SVGOptions{})
	wellFormed(t, long)
	assert.Contains(t, long, `font-size="6"`)
	assert.Regexp(t, `and \d+ more`, long)

	// Control characters and broken UTF-8 never break the XML.
	g = tiny()
	g.Knowledge[0].Text = "bell\x07 and \xff byte"
	wellFormed(t, SVG(g, SVGOptions{}))
}

func TestWrap(t *testing.T) {
	lines := wrap("one two three four five six seven eight nine ten", 60, 10)
	for _, l := range lines {
		assert.LessOrEqual(t, len(l), 12)
	}
	assert.Equal(t, "one two three four five six seven eight nine ten", strings.Join(lines, " "))
	assert.Equal(t, []string{"abcdefghijkl", "mnop"}, wrap("abcdefghijklmnop", 60, 10), "a long word is cut")
	assert.Empty(t, wrap("   ", 60, 10))
}
