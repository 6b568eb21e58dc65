package grid

import (
	"strconv"
	"strings"

	"github.com/purposefulcx/purposeful/internal/csvtext"
)

// CSVHeader is the first row of [CSV].
var CSVHeader = []string{"column", "id", "text", "kind", "evidence", "votes", "status", "cost", "routine", "tags", "author", "notes"}

// CSV renders the grid as CSV, one row per item in column order, under
// [CSVHeader]. Evidence entries are joined with " | "; the author column is
// empty unless the grid's Anonymity allows it. Cells that a spreadsheet
// would run as a formula (starting with = + - @) are prefixed with '.
func CSV(g *Grid) ([]byte, error) {
	b := csvtext.AppendRow(nil, CSVHeader)
	for _, c := range Columns {
		for _, it := range g.Column(c) {
			b = csvtext.AppendRow(b, csvRow(g, c, &it))
		}
	}
	return b, nil
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
		row[i] = csvtext.Safe(cell)
	}
	return row
}
