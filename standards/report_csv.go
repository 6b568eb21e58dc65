package standards

import (
	"encoding/csv"
	"io"
	"strconv"
	"time"

	"github.com/purposefulcx/purposeful/internal/csvtext"
)

// CSV writes the report as one table: a row per summary (scope overall,
// person, team or week, then the trends as person-week, team-week and
// standard-week with the week in its own column), a row per standard and
// a row per story. Columns: scope, key, week, reviews, quality,
// passRate, met, notMet, na, compliance, purposeful, needsCorrection,
// disputed, meanScore, at, observer, evidence. Cells that start like a
// spreadsheet formula are prefixed with an apostrophe.
func (r *Report) CSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	num := func(v float64) string { return strconv.FormatFloat(v, 'f', 4, 64) }
	itoa := strconv.Itoa
	write := func(row ...string) {
		for i := range row {
			row[i] = csvtext.Safe(row[i])
		}
		cw.Write(row)
	}
	write("scope", "key", "week", "reviews", "quality", "passRate", "met", "notMet", "na", "compliance", "purposeful", "needsCorrection", "disputed", "meanScore", "at", "observer", "evidence")
	summary := func(scope, key, week string, s Summary) {
		write(scope, key, week, itoa(s.Reviews), num(s.Quality), num(s.PassRate), itoa(s.Met), itoa(s.NotMet), itoa(s.NA),
			num(s.Compliance), itoa(s.Purposeful), "", itoa(s.Disputed), "", "", "", "")
	}
	summary("overall", r.Overall.Key, "", r.Overall)
	for _, g := range []struct {
		scope string
		lines []Summary
	}{{"person", r.People}, {"team", r.Teams}, {"week", r.Weeks}} {
		for _, s := range g.lines {
			summary(g.scope, s.Key, "", s)
		}
	}
	for _, t := range r.Trends {
		for _, s := range t.Weeks {
			summary(t.Scope+"-week", t.Key, s.Key, s)
		}
	}
	for _, l := range r.Standards {
		write("standard", l.Code, "", "", "", "", itoa(l.Met), itoa(l.NotMet), itoa(l.NA), num(l.Compliance), itoa(l.Purposeful),
			itoa(l.NeedsCorrection), "", num(l.MeanScore), "", "", "")
	}
	for _, s := range r.Stories {
		write("story", s.Subject, ISOWeek(s.At), "", "", "", "", "", "", "", "", "", "", "", s.At.UTC().Format(time.RFC3339), s.Observer, s.Code+": "+s.Evidence)
	}
	cw.Flush()
	return cw.Error()
}
