package workshop

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func golden(t *testing.T, name, got string) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(p, []byte(got), 0o644))
	}
	want, err := os.ReadFile(p)
	require.NoError(t, err, "run go test -update to create %s", p)
	assert.Equal(t, string(want), got)
}

func TestExportGolden(t *testing.T) {
	d := sample()
	golden(t, "sample.md", d.Markdown())
	golden(t, "sample.csv", d.CSV())
	golden(t, "sample.svg", d.SVG())
	b, err := d.Encode()
	require.NoError(t, err)
	golden(t, "sample.json", string(b))
}

const nasty = `<img src=x onerror=alert(1)> | # [link](javascript:x) *bold* =SUM(A1) "quoted", line
break`

func TestMarkdownEscapesUserText(t *testing.T) {
	d := sample()
	d.Position = nasty
	d.Knowledge[0].Text = nasty
	md := d.Markdown()
	assert.NotContains(t, md, "<img")
	assert.NotContains(t, md, "](javascript")
	assert.Contains(t, md, `&lt;img src=x onerror=alert\(1\)&gt; \| # \[link\]`)
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| ") {
			cells := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") - 1
			assert.Equal(t, 3, cells, "the table keeps three columns: %q", line)
		}
	}
}

func TestCSVIsParseableAndFormulaSafe(t *testing.T) {
	d := sample()
	d.Skills[0].Text = nasty
	d.Ideas[0].Text = "=HYPERLINK(\"http://x\")"
	rows, err := csv.NewReader(strings.NewReader(d.CSV())).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, []string{"column", "text", "source", "votes", "adopted"}, rows[0])
	assert.Equal(t, nasty, rows[2][1], "text round-trips")
	assert.Equal(t, "'=HYPERLINK(\"http://x\")", rows[3][1], "formula neutralised")
	assert.Equal(t, []string{"purposeful", "'=HYPERLINK(\"http://x\")", "Review site", "3", "yes"}, rows[3])
}

func TestSVGIsWellFormedAndInert(t *testing.T) {
	d := sample()
	d.Position = nasty + "\x01\x00"
	d.Ideas[0].Text = strings.Repeat("verylongwordwithoutspaces", 5)
	dec := xml.NewDecoder(bytes.NewReader([]byte(d.SVG())))
	texts := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err)
		if se, ok := tok.(xml.StartElement); ok {
			assert.Contains(t, []string{"svg", "title", "rect", "text"}, se.Name.Local)
			if se.Name.Local == "text" {
				texts++
			}
		}
	}
	assert.Greater(t, texts, 8)
}

func TestWrap(t *testing.T) {
	assert.Equal(t, []string{"aaa bb", "ccc"}, wrap("aaa bb ccc", 6))
	assert.Equal(t, []string{"abcdef", "gh"}, wrap("abcdefgh", 6))
	assert.Equal(t, []string{""}, wrap("   ", 6))
}

func TestLibraryAndPortfolio(t *testing.T) {
	st := MapStorage{}
	lib := Library{S: st}
	a := sample()
	b := New("g2", t0.Add(time.Hour))
	b.Position, b.Process = "Front-desk agent", "Check-out"
	c := New("g3", t0.Add(2*time.Hour))
	c.Position = "Concierge"
	for _, d := range []*Doc{a, b, c} {
		require.NoError(t, lib.Save(d))
	}
	st[KeyPrefix+"broken"] = "{not json"
	st["other.key"] = "ignored"
	list := lib.List()
	require.Len(t, list, 4)
	assert.Equal(t, "g3", list[0].Doc.ID, "most recent first")
	var broken int
	for _, s := range list {
		if s.Err != nil {
			broken++
		}
	}
	assert.Equal(t, 1, broken, "unreadable entries are listed, not dropped")
	got, err := lib.Load("g1")
	require.NoError(t, err)
	assert.Equal(t, a.Position, got.Position)
	assert.True(t, lib.Has("g2"))
	lib.Delete("g2")
	assert.False(t, lib.Has("g2"))
	_, err = lib.Load("g2")
	assert.Error(t, err)

	cov := Portfolio([]*Doc{a, b, c})
	assert.Equal(t, []string{"Front-desk agent", "Concierge"}, cov.Positions)
	assert.Equal(t, []string{"Guest check-in", "Check-out", "(unnamed)"}, cov.Processes)
	assert.Equal(t, [][]int{{1, 0, -1}, {-1, -1, 0}}, cov.Cells)
}
