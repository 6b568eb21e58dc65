package grid

import (
	"strconv"
	"strings"
)

// TemplateRows is how many empty rows the printed template has.
const TemplateRows = 8

// Markdown renders the grid as a flipchart-style Markdown table under a
// header with the three Ps, the objective, values and KPIs, followed by
// the evidence for each purposeful idea. An empty grid prints as the
// template, with TemplateRows empty rows to fill in. Authors are printed
// only when the grid's Anonymity allows.
func Markdown(g *Grid) string {
	var b strings.Builder
	fprintf(&b, "# %s: %s\n\n", mdInline(g.Position), mdInline(g.Process))
	if g.Organisation != "" {
		fprintf(&b, "- **Organisation:** %s\n", mdInline(g.Organisation))
	}
	fprintf(&b, "- **Position:** %s\n", mdInline(g.Position))
	fprintf(&b, "- **Purpose:** %s\n", mdInline(g.Purpose))
	fprintf(&b, "- **Process:** %s\n", mdInline(g.Process))
	if g.Objective != "" {
		fprintf(&b, "- **Objective:** %s\n", mdInline(g.Objective))
	}
	if len(g.Values) > 0 {
		fprintf(&b, "- **Core values:** %s\n", mdInline(strings.Join(g.Values, "; ")))
	}
	if len(g.KPIs) > 0 {
		fprintf(&b, "- **KPIs:** %s\n", mdInline(strings.Join(g.KPIs, "; ")))
	}
	b.WriteString("\n| Job knowledge | Job skills | Purposeful actions and behaviours |\n|---|---|---|\n")
	rows := max(len(g.Knowledge), len(g.Skills), len(g.Purposeful))
	if rows == 0 {
		for range TemplateRows {
			b.WriteString("| &nbsp; | &nbsp; | &nbsp; |\n")
		}
	}
	for i := range rows {
		b.WriteString("|")
		for _, c := range Columns {
			items := g.Column(c)
			b.WriteString(" ")
			if i < len(items) {
				b.WriteString(mdCell(g, &items[i], c))
			}
			b.WriteString(" |")
		}
		b.WriteString("\n")
	}
	if rows > 0 && len(g.Purposeful) > 0 {
		b.WriteString("\n✓ adopted · ● dots from the vote · (one-off) cannot be made routine\n")
	}
	var ev strings.Builder
	n := 0
	for _, it := range g.Purposeful {
		if len(it.Evidence) == 0 {
			continue
		}
		n++
		fprintf(&ev, "%d. **%s**\n", n, mdInline(it.Text))
		for _, e := range it.Evidence {
			fprintf(&ev, "   - %s\n", mdInline(evidenceText(e)))
		}
	}
	if n > 0 {
		b.WriteString("\n## Evidence\n\n")
		b.WriteString(ev.String())
	}
	return b.String()
}

func mdCell(g *Grid, it *Item, c Column) string {
	var b strings.Builder
	if c == ColumnPurposeful {
		switch it.Status {
		case Adopted:
			b.WriteString("✓ ")
		case OneOff:
			b.WriteString("(one-off) ")
		case Parked:
			b.WriteString("(parked) ")
		}
	}
	b.WriteString(mdInline(it.Text))
	if it.Votes > 0 {
		fprintf(&b, " ●%d", it.Votes)
	}
	if a := authorShown(g.Anonymity, it.Author); a != "" {
		fprintf(&b, " (%s)", mdInline(a))
	}
	return b.String()
}

// mdInline makes text safe inside one Markdown table cell or line: runs
// of white space become one space, and what Markdown would read as table
// or inline syntax is escaped. Written out, not with a strings.Replacer,
// which links about 15 KB of wasm code into every program with grid.
func mdInline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	extra := 0
	for i := 0; i < len(s); i++ {
		if r := mdReplacement(s[i]); r != "" {
			extra += len(r) - 1
		}
	}
	if extra == 0 {
		return s
	}
	b := make([]byte, 0, len(s)+extra)
	for i := 0; i < len(s); i++ {
		if r := mdReplacement(s[i]); r != "" {
			b = append(b, r...)
		} else {
			b = append(b, s[i])
		}
	}
	return string(b)
}

// mdReplacement is what mdInline writes for the byte c, or "" to keep it.
func mdReplacement(c byte) string {
	switch c {
	case '|':
		return `\|`
	case '*':
		return `\*`
	case '_':
		return `\_`
	case '`':
		return "\\`"
	case '[':
		return `\[`
	case ']':
		return `\]`
	case '<':
		return "&lt;"
	case '>':
		return "&gt;"
	}
	return ""
}

// evidenceText is one line describing a piece of evidence.
func evidenceText(e Evidence) string {
	var parts []string
	src := e.Source.Label()
	if e.Site != "" {
		src += ", " + e.Site
	}
	if e.Rating > 0 {
		top := e.OutOf
		if top == 0 {
			top = 5
		}
		src += ", rated " + strconv.FormatFloat(e.Rating, 'f', -1, 64) + "/" + strconv.FormatFloat(top, 'f', -1, 64)
	}
	parts = append(parts, src)
	if e.Quote != "" {
		parts = append(parts, "“"+e.Quote+"”")
	}
	if e.Note != "" {
		parts = append(parts, e.Note)
	}
	if e.Link != "" {
		parts = append(parts, e.Link)
	}
	return strings.Join(parts, ": ")
}
