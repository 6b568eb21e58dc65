package workshop

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Markdown renders the grid and the activity's outcome as a Markdown
// document. User text is escaped so it cannot start headings, lists or
// links of its own.
func (d *Doc) Markdown() string {
	var b strings.Builder
	b.WriteString("# " + mdEscape(d.Title()) + "\n\n")
	row := func(k, v string) {
		if strings.TrimSpace(v) != "" {
			b.WriteString("- **" + k + ":** " + mdEscape(v) + "\n")
		}
	}
	row("Position", d.Position)
	row("Purpose", d.Purpose)
	row("Process", d.Process)
	row("Objective", d.Objective)
	row("Core values", strings.Join(d.Values, "; "))
	row("KPIs", strings.Join(d.KPIs, "; "))
	b.WriteString("\n| Job knowledge | Job skills | Purposeful actions and behaviours |\n|---|---|---|\n")
	adopted := d.Adopted()
	n := max(len(d.Knowledge), len(d.Skills), len(adopted))
	cell := mdEscape // escapes | too, so cells never split
	for i := 0; i < n; i++ {
		var k, s, a string
		if i < len(d.Knowledge) {
			k = cell(d.Knowledge[i].Text)
		}
		if i < len(d.Skills) {
			s = cell(d.Skills[i].Text)
		}
		if i < len(adopted) {
			a = cell(adopted[i].Text)
		}
		b.WriteString("| " + k + " | " + s + " | " + a + " |\n")
	}
	if ideas := d.Active(); len(ideas) > 0 {
		b.WriteString("\n## Ideas considered\n\n")
		for _, e := range ideas {
			mark := " "
			if e.Adopted {
				mark = "x"
			}
			votes := strconv.Itoa(e.Votes) + " votes"
			if e.Votes == 1 {
				votes = "1 vote"
			}
			b.WriteString("- [" + mark + "] " + mdEscape(e.Text) + " (" + votes)
			if e.Source != "" {
				b.WriteString("; source: " + mdEscape(e.Source))
			}
			b.WriteString(")\n")
		}
	}
	return b.String()
}

// mdEscape backslash-escapes Markdown's inline punctuation, writes angle
// brackets and ampersands as entities, and folds newlines, so user text
// renders literally. Block markers (#, -, +) need no escape: user text
// never starts a line.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\\', '`', '*', '_', '{', '}', '[', ']', '(', ')', '|', '~':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// CSV renders one row per grid entry and idea: column, text, source,
// votes, adopted. Cells that a spreadsheet would run as a formula are
// prefixed with a quote.
func (d *Doc) CSV() string {
	var b strings.Builder
	row := func(cells ...string) {
		for i, c := range cells {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(csvField(c))
		}
		b.WriteString("\n")
	}
	row("column", "text", "source", "votes", "adopted")
	for _, it := range d.Knowledge {
		row("knowledge", cellSafe(it.Text), "", "", "")
	}
	for _, it := range d.Skills {
		row("skill", cellSafe(it.Text), "", "", "")
	}
	for _, e := range d.Active() {
		col, adopted := "idea", "no"
		if e.Adopted {
			col, adopted = "purposeful", "yes"
		}
		row(col, cellSafe(e.Text), cellSafe(e.Source), strconv.Itoa(e.Votes), adopted)
	}
	return b.String()
}

// csvField quotes a field when RFC 4180 needs it.
func csvField(s string) string {
	if s == "" || !strings.ContainsAny(s, ",\"\r\n") && s[0] != ' ' && s[len(s)-1] != ' ' {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

func cellSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// SVG draws the grid as a picture: the three Ps on top, then the three
// columns. All text is XML-escaped; long entries wrap.
func (d *Doc) SVG() string {
	const w, colW, pad, line = 1200, 373, 20, 26
	cols := [3][]string{}
	for _, it := range d.Knowledge {
		cols[0] = append(cols[0], it.Text)
	}
	for _, it := range d.Skills {
		cols[1] = append(cols[1], it.Text)
	}
	for _, e := range d.Adopted() {
		cols[2] = append(cols[2], e.Text)
	}
	var wrapped [3][][]string
	rows := 0
	for c := range cols {
		n := 0
		for _, t := range cols[c] {
			ls := wrap(t, 34)
			wrapped[c] = append(wrapped[c], ls)
			n += len(ls)
		}
		n += len(cols[c]) // gap between entries
		rows = max(rows, n)
	}
	head := []string{"Position: " + d.Position, "Purpose: " + d.Purpose, "Process: " + d.Process}
	var headLines []string
	for _, h := range head {
		headLines = append(headLines, wrap(h, 95)...)
	}
	top := 70 + len(headLines)*line
	h := top + 60 + max(rows, 3)*line + pad*2
	var b strings.Builder
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="` + strconv.Itoa(w) + `" height="` + strconv.Itoa(h) + `" viewBox="0 0 ` + strconv.Itoa(w) + " " + strconv.Itoa(h) + `" font-family="system-ui, sans-serif" role="img">`)
	b.WriteString(`<title>` + xmlEscape(d.Title()) + `</title>`)
	b.WriteString(`<rect width="100%" height="100%" fill="#ffffff"/>`)
	b.WriteString(`<text x="20" y="44" font-size="30" font-weight="700" fill="#17324d">` + xmlEscape(d.Title()) + `</text>`)
	for i, l := range headLines {
		b.WriteString(`<text x="20" y="` + strconv.Itoa(80+i*line) + `" font-size="18" fill="#334">` + xmlEscape(l) + `</text>`)
	}
	titles := [3]string{"Job knowledge", "Job skills", "Purposeful actions and behaviours"}
	fills := [3]string{"#e8f1fb", "#e9f6ef", "#fff4dd"}
	for c := 0; c < 3; c++ {
		x := pad + c*(colW+pad)
		b.WriteString(`<rect x="` + strconv.Itoa(x) + `" y="` + strconv.Itoa(top) + `" width="` + strconv.Itoa(colW) + `" height="` + strconv.Itoa(h-top-pad) + `" rx="12" fill="` + fills[c] + `"/>`)
		b.WriteString(`<text x="` + strconv.Itoa(x+16) + `" y="` + strconv.Itoa(top+34) + `" font-size="18" font-weight="700" fill="#17324d">` + titles[c] + `</text>`)
		y := top + 34 + line + 8
		for _, ls := range wrapped[c] {
			for i, l := range ls {
				prefix := "  "
				if i == 0 {
					prefix = "• "
				}
				b.WriteString(`<text x="` + strconv.Itoa(x+16) + `" y="` + strconv.Itoa(y) + `" font-size="17" fill="#222" xml:space="preserve">` + xmlEscape(prefix+l) + `</text>`)
				y += line
			}
			y += line / 2
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
}

// wrap splits s into lines of at most n runes at spaces.
func wrap(s string, n int) []string {
	var out []string
	var cur strings.Builder
	for _, word := range strings.Fields(s) {
		for utf8.RuneCountInString(word) > n {
			r := []rune(word)
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
			out = append(out, string(r[:n]))
			word = string(r[n:])
		}
		if cur.Len() > 0 && utf8.RuneCountInString(cur.String())+1+utf8.RuneCountInString(word) > n {
			out = append(out, cur.String())
			cur.Reset()
		}
		if cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(word)
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError:
			// not allowed in XML 1.0; drop
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
