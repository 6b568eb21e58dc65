package grid

import (
	"strings"
	"unicode/utf8"
)

// Paper is the sheet an SVG is laid out for, in landscape.
type Paper uint8

// The papers. The zero value is A4.
const (
	A4     Paper = iota // 297 x 210 mm
	Letter              // 11 x 8.5 in
)

// SVGOptions are the settings of [SVG]. The zero value prints on A4.
type SVGOptions struct {
	// Paper is A4 (default) or Letter, both landscape.
	Paper Paper
	// Template prints the empty template (three Ps and ruled columns)
	// even if the grid has items.
	Template bool
}

type svgPage struct {
	w, h   float64 // points
	wu, hu string  // width and height attributes
}

func (p Paper) page() svgPage {
	if p == Letter {
		return svgPage{792, 612, "11in", "8.5in"}
	}
	return svgPage{841.89, 595.28, "297mm", "210mm"}
}

const (
	svgMargin  = 36.0 // half an inch: inside the printable area of most printers
	svgFont    = "Helvetica, Arial, sans-serif"
	svgInk     = "#1f2933"
	svgMuted   = "#52606d"
	svgAccent  = "#0b6e4f"
	svgBand    = "#e3f1ec"
	svgRule    = "#9aa5b1"
	charWidth  = 0.5 // average glyph width in ems of a sans-serif face
	lineFactor = 1.25
)

// SVG draws the grid as a landscape page for A4 or Letter: the title, the
// three Ps, values and KPIs, then the three columns. Adopted ideas carry a
// tick and dots show votes. Text is wrapped; when a column is long the
// type shrinks (down to 6 pt) and what still does not fit is counted as
// "and N more". An empty grid, or opt.Template, prints the template with
// ruled lines to write on. Authors are never printed.
func SVG(g *Grid, opt SVGOptions) string {
	p := opt.Paper.page()
	var b strings.Builder
	fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s" fill="%s">`+"\n",
		p.wu, p.hu, num(p.w), num(p.h), svgFont, svgInk)
	fprintf(&b, `<rect width="%s" height="%s" fill="#ffffff"/>`+"\n", num(p.w), num(p.h))
	x0, w := svgMargin, p.w-2*svgMargin
	y := svgMargin

	title := g.Position + ": " + g.Process
	fprintf(&b, `<text x="%s" y="%s" font-size="18" font-weight="bold">%s</text>`+"\n", num(x0), num(y+14), xmlText(clip(title, w, 18)))
	if g.Organisation != "" {
		fprintf(&b, `<text x="%s" y="%s" font-size="9" text-anchor="end" fill="%s">%s</text>`+"\n", num(x0+w), num(y+14), svgMuted, xmlText(clip(g.Organisation, w/3, 9)))
	}
	y += 24

	// The three Ps.
	pw := []float64{w * 0.25, w * 0.5, w * 0.25}
	labels := []string{"POSITION", "PURPOSE", "PROCESS"}
	texts := []string{g.Position, g.Purpose, g.Process}
	boxH := 0.0
	lines := make([][]string, 3)
	for i := range texts {
		lines[i] = wrap(texts[i], pw[i]-16, 9.5)
		if len(lines[i]) > 4 {
			lines[i] = append(lines[i][:3], lines[i][3]+"…")
		}
		boxH = max(boxH, 22+float64(len(lines[i]))*9.5*lineFactor)
	}
	x := x0
	for i := range texts {
		fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" rx="4" fill="none" stroke="%s"/>`+"\n", num(x+2), num(y), num(pw[i]-4), num(boxH), svgRule)
		fprintf(&b, `<text x="%s" y="%s" font-size="7" font-weight="bold" letter-spacing="1" fill="%s">%s</text>`+"\n", num(x+10), num(y+11), svgAccent, labels[i])
		writeLines(&b, x+10, y+24, 9.5, lines[i], "")
		x += pw[i]
	}
	y += boxH + 8
	for _, row := range [][2]string{{"Objective", g.Objective}, {"Core values", strings.Join(g.Values, " · ")}, {"KPIs", strings.Join(g.KPIs, " · ")}} {
		if row[1] == "" {
			continue
		}
		label := row[0] + ":\u00a0"
		indent := float64(len(label)) * 8.5 * 0.5
		ls := wrap(row[1], w-indent-4, 8.5)
		if len(ls) > 2 {
			ls = append(ls[:1], clip(strings.Join(ls[1:], " "), w-indent-4, 8.5))
		}
		fprintf(&b, `<text x="%s" y="%s" font-size="8.5" font-weight="bold">%s</text>`+"\n", num(x0+2), num(y+8), xmlText(label))
		writeLines(&b, x0+2+indent, y+8, 8.5, ls, "")
		y += 12 * float64(len(ls))
	}
	y += 6

	// The columns.
	footer := 14.0
	colTop, colBottom := y, p.h-svgMargin-footer
	cw := []float64{w * 0.3, w * 0.3, w * 0.4}
	template := opt.Template || g.IsTemplate()
	size := 9.0
	if !template {
		for size > 6 && !fits(g, cw, size, colBottom-colTop-36) {
			size -= 0.5
		}
	}
	x = x0
	for i, c := range Columns {
		fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" rx="4" fill="none" stroke="%s"/>`+"\n", num(x+2), num(colTop), num(cw[i]-4), num(colBottom-colTop), svgRule)
		fprintf(&b, `<path d="M%s %sh%sv18h-%sz" fill="%s"/>`+"\n", num(x+2.5), num(colTop+0.5), num(cw[i]-5), num(cw[i]-5), svgBand)
		fprintf(&b, `<text x="%s" y="%s" font-size="10" font-weight="bold" fill="%s">%s</text>`+"\n", num(x+10), num(colTop+13), svgAccent, c.Title())
		if template {
			for ly := colTop + 40; ly < colBottom-8; ly += 22 {
				fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="#d9e2ec" stroke-width="0.75"/>`+"\n", num(x+10), num(ly), num(x+cw[i]-10), num(ly))
			}
		} else {
			drawColumn(&b, g.Column(c), c, x+8, colTop+30, textWidth(cw[i]), colBottom-6, size)
		}
		x += cw[i]
	}
	legend := "✓ adopted  ·  ● dots from the vote  ·  (one-off) cannot be made routine"
	if template {
		legend = "Figure 1: the empty grid. Fill in job knowledge and skills first, then purposeful actions and behaviours."
	}
	fprintf(&b, `<text x="%s" y="%s" font-size="7.5" fill="%s">%s</text>`+"\n", num(x0+2), num(p.h-svgMargin), svgMuted, xmlText(legend))
	fprintf(&b, `<text x="%s" y="%s" font-size="7.5" text-anchor="end" fill="%s">%s</text>`+"\n", num(x0+w-2), num(p.h-svgMargin), svgMuted, "Purposeful · 3 Ps grid")
	b.WriteString("</svg>\n")
	return b.String()
}

func itemLabel(it *Item, c Column) string {
	s := it.Text
	if c == ColumnPurposeful && it.Status == OneOff {
		s = "(one-off) " + s
	}
	if c == ColumnPurposeful && it.Status == Parked {
		s = "(parked) " + s
	}
	return s
}

// textWidth is the width of the text area of a column cw wide.
func textWidth(cw float64) float64 { return cw - 18 }

// itemLines wraps an item's label for a column text area w wide. Adopted
// ideas print in bold, which runs about a tenth wider; the right 22
// points are kept for the dots.
func itemLines(it *Item, c Column, w, size float64) []string {
	if c == ColumnPurposeful && it.Status == Adopted {
		size *= 1.1
	}
	return wrap(itemLabel(it, c), w-22, size)
}

// fits reports whether every column's items fit in height at font size.
func fits(g *Grid, cw []float64, size, height float64) bool {
	for i, c := range Columns {
		h := 0.0
		for _, it := range g.Column(c) {
			h += float64(len(itemLines(&it, c, textWidth(cw[i]), size)))*size*lineFactor + size*0.5
		}
		if h > height {
			return false
		}
	}
	return true
}

func drawColumn(b *strings.Builder, items []Item, c Column, x, y, w, bottom, size float64) {
	lh := size * lineFactor
	for i := range items {
		it := &items[i]
		lines := itemLines(it, c, w, size)
		need := float64(len(lines))*lh + size*0.5
		if y+need > bottom && i < len(items) {
			rest := len(items) - i
			fprintf(b, `<text x="%s" y="%s" font-size="%s" font-style="italic" fill="%s">and %d more</text>`+"\n", num(x+12), num(y+size-lh+size*0.3), num(size), svgMuted, rest)
			return
		}
		mark, colour := "•", svgMuted
		if c == ColumnPurposeful && it.Status == Adopted {
			mark, colour = "✓", svgAccent
		}
		fprintf(b, `<text x="%s" y="%s" font-size="%s" font-weight="bold" fill="%s">%s</text>`+"\n", num(x), num(y), num(size), colour, mark)
		weight := ""
		if c == ColumnPurposeful && it.Status == Adopted {
			weight = "bold"
		}
		writeLines(b, x+12, y, size, lines, weight)
		if it.Votes > 0 {
			// up to five dots in a row beside the first line, and a count
			// beyond that
			for d := range min(it.Votes, 5) {
				fprintf(b, `<circle cx="%s" cy="%s" r="%s" fill="%s"/>`+"\n", num(x+w-3-float64(d)*4.5), num(y-size*0.35), num(1.6), svgAccent)
			}
			if it.Votes > 5 {
				fprintf(b, `<text x="%s" y="%s" font-size="%s" text-anchor="end" fill="%s">+%d</text>`+"\n", num(x+w), num(y+size*lineFactor), num(size*0.8), svgAccent, it.Votes-5)
			}
		}
		y += need
	}
}

func writeLines(b *strings.Builder, x, y, size float64, lines []string, weight string) {
	if len(lines) == 0 {
		return
	}
	fw := ""
	if weight != "" {
		fw = ` font-weight="` + weight + `"`
	}
	fprintf(b, `<text x="%s" y="%s" font-size="%s"%s>`, num(x), num(y), num(size), fw)
	for i, l := range lines {
		dy := "0"
		if i > 0 {
			dy = num(size * lineFactor)
		}
		fprintf(b, `<tspan x="%s" dy="%s">%s</tspan>`, num(x), dy, xmlText(l))
	}
	b.WriteString("</text>\n")
}

// wrap breaks text into lines of at most width points at font size,
// estimating glyph widths; a word longer than a line is cut.
func wrap(text string, width, size float64) []string {
	maxChars := max(4, int(width/(size*charWidth)))
	var lines []string
	var cur []rune
	for _, word := range strings.Fields(text) {
		wr := []rune(word)
		for len(wr) > maxChars {
			if len(cur) > 0 {
				lines = append(lines, string(cur))
				cur = cur[:0]
			}
			lines = append(lines, string(wr[:maxChars]))
			wr = wr[maxChars:]
		}
		switch {
		case len(cur) == 0:
			cur = append(cur, wr...)
		case len(cur)+1+len(wr) <= maxChars:
			cur = append(append(cur, ' '), wr...)
		default:
			lines = append(lines, string(cur))
			cur = append(cur[:0:0], wr...)
		}
	}
	if len(cur) > 0 {
		lines = append(lines, string(cur))
	}
	return lines
}

// clip shortens text to one line of width points at size, with an ellipsis.
func clip(text string, width, size float64) string {
	text = strings.Join(strings.Fields(text), " ")
	maxChars := max(4, int(width/(size*charWidth)))
	if utf8.RuneCountInString(text) <= maxChars {
		return text
	}
	r := []rune(text)
	return strings.TrimSpace(string(r[:maxChars-1])) + "…"
}

func num(f float64) string {
	s := fmtf("%.2f", f)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}

// xmlText escapes text for XML and drops characters XML cannot carry.
func xmlText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\t' || r == '\n' || r == '\r' || r == ' ':
			if b.Len() > 0 && strings.HasSuffix(b.String(), " ") {
				b.WriteString("\u00a0")
			} else {
				b.WriteByte(' ')
			}
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF:
		case r == utf8.RuneError:
			b.WriteRune('\uFFFD')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
