package grid

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// CSVHeader is the first row of [CSV].
var CSVHeader = []string{"column", "id", "text", "kind", "evidence", "votes", "status", "cost", "routine", "tags", "author", "notes"}

// CSV renders the grid as CSV, one row per item in column order, under
// [CSVHeader]. Evidence entries are joined with " | "; the author column is
// empty unless the grid's Anonymity allows it. Cells that a spreadsheet
// would run as a formula (starting with = + - @) are prefixed with '.
func CSV(g *Grid) ([]byte, error) {
	b := appendCSVRow(nil, CSVHeader)
	for _, c := range Columns {
		for _, it := range g.Column(c) {
			b = appendCSVRow(b, csvRow(g, c, &it))
		}
	}
	return b, nil
}

// appendCSVRow appends one record as encoding/csv's Writer writes it with
// its defaults (comma, "\n" line ends): a field with a comma, quote or
// line break, or starting with white space, or the field \. is quoted,
// and its quotes doubled. Written out, not with encoding/csv and bufio,
// which add about 10 KB of wasm code to every program with grid.
func appendCSVRow(b []byte, fields []string) []byte {
	for n, f := range fields {
		if n > 0 {
			b = append(b, ',')
		}
		if !csvNeedsQuotes(f) {
			b = append(b, f...)
			continue
		}
		b = append(b, '"')
		for i := 0; i < len(f); i++ {
			if f[i] == '"' {
				b = append(b, '"')
			}
			b = append(b, f[i])
		}
		b = append(b, '"')
	}
	return append(b, '\n')
}

func csvNeedsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f == `\.` || strings.ContainsAny(f, ",\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(f)
	return unicode.IsSpace(r)
}

func csvRow(g *Grid, c Column, it *Item) []string {
	ev := make([]string, len(it.Evidence))
	for i, e := range it.Evidence {
		ev[i] = evidenceText(e)
	}
	tags := make([]string, len(it.Tags))
	for i, t := range it.Tags {
		tags[i] = t.String()
	}
	routine := ""
	if it.Routine != nil {
		routine = strconv.FormatBool(*it.Routine)
	}
	votes, status := strconv.Itoa(it.Votes), it.Status.String()
	if c != ColumnPurposeful && it.Votes == 0 && it.Status == Proposed {
		votes, status = "", "" // knowledge and skills are not voted on
	}
	row := []string{c.String(), it.ID, it.Text, effectiveKind(it, c).String(), strings.Join(ev, " | "), votes,
		status, it.Cost.String(), routine, strings.Join(tags, " "), authorShown(g.Anonymity, it.Author), it.Notes}
	for i, cell := range row {
		row[i] = csvSafe(cell)
	}
	return row
}

// csvSafe defuses a cell a spreadsheet would run as a formula (one
// starting with = + - @, a tab or a carriage return) by prefixing it with '.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
