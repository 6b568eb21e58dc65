package standards

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/purposefulcx/purposeful/internal/csvtext"
)

// mdEscaper is the replacer of mdEscape, built on its first call
// (sync.Once rather than sync.OnceValue: no allocation at start-up, no
// generic code in wasm).
var (
	mdOnce    sync.Once
	mdEscaper *strings.Replacer
)

// mdEscape keeps user text from breaking Markdown tables and emphasis.
func mdEscape(s string) string {
	mdOnce.Do(func() {
		mdEscaper = strings.NewReplacer("|", `\|`, "\r\n", " ", "\n", " ", "\r", " ", "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;")
	})
	return mdEscaper.Replace(s)
}

// CardMarkdown renders the standards card: one printable page per
// position and process, the purpose on top, and for every standard that
// is not retired (in orientation order) its code, statement, why, when to
// deviate, how it is observed, its priority and critical level.
func CardMarkdown(b *Book) string {
	var w strings.Builder
	title := "Standards card"
	if b.Organisation != "" {
		title += ": " + mdEscape(b.Organisation)
	}
	fmt.Fprintf(&w, "# %s\n\n", title)
	if b.Purpose != "" {
		fmt.Fprintf(&w, "**Our purpose:** %s\n\n", mdEscape(b.Purpose))
	}
	if len(b.Priorities) > 0 {
		fmt.Fprintf(&w, "**Priorities, in order:** %s\n\n", mdEscape(strings.Join(b.Priorities, ", then ")))
	}
	group := ""
	for i, s := range b.rotation() {
		g := s.Position + " / " + s.Process
		if i == 0 || g != group {
			fmt.Fprintf(&w, "## %s: %s\n\n", mdEscape(s.Position), mdEscape(s.Process))
			group = g
		}
		fmt.Fprintf(&w, "### %s: %s\n\n", mdEscape(s.Code), mdEscape(s.Statement))
		if s.Step != "" {
			fmt.Fprintf(&w, "- **Step:** %s\n", mdEscape(s.Step))
		}
		if s.Rationale != "" {
			fmt.Fprintf(&w, "- **Why:** %s\n", mdEscape(s.Rationale))
		}
		if s.Deviation != "" {
			fmt.Fprintf(&w, "- **When to deviate:** %s\n", mdEscape(s.Deviation))
		}
		fmt.Fprintf(&w, "- **Observed:** %s\n", mdEscape(s.Method.String()))
		var tags []string
		if s.Priority != "" {
			tags = append(tags, "priority "+mdEscape(s.Priority))
		}
		switch s.Critical {
		case FailsSection:
			tags = append(tags, "critical: missing it fails its section")
		case FailsReview:
			tags = append(tags, "critical: missing it fails the review")
		}
		tags = append(tags, fmt.Sprintf("v%d, %s", s.Version, s.Status))
		fmt.Fprintf(&w, "- %s\n\n", strings.Join(tags, "; "))
	}
	return w.String()
}

// ObservationsCSV writes one row per rating: observation, at (RFC 3339),
// week, scorecard, observer, subject, team, mode, interaction, standard,
// code, value, na, met, deviation, evidence, disputed, outcome. Cells that
// start like a spreadsheet formula are prefixed with an apostrophe.
func ObservationsCSV(w io.Writer, b *Book) error {
	cw := csv.NewWriter(w)
	if err := cw.Write([]string{"observation", "at", "week", "scorecard", "observer", "subject", "team", "mode", "interaction", "standard", "code", "value", "na", "met", "deviation", "evidence", "disputed", "outcome"}); err != nil {
		return err
	}
	for _, o := range b.Observations {
		card := b.Scorecard(o.Scorecard)
		disputed, outcome := "false", ""
		if o.Dispute != nil {
			disputed, outcome = "true", o.Dispute.Outcome.String()
		}
		for _, rt := range o.Ratings {
			code := ""
			if st := b.Standard(rt.Standard); st != nil {
				code = st.Code
			}
			met, value := "", strconv.Itoa(rt.Value)
			if rt.NA {
				value = ""
			} else if card != nil {
				cr, _ := card.Criterion(rt.Standard)
				met = strconv.FormatBool(rt.Met(cr.Scale))
			}
			row := []string{o.ID, o.At.UTC().Format(time.RFC3339), ISOWeek(o.At), o.Scorecard, o.Observer, o.Subject, o.Team, o.Mode.String(),
				o.Interaction, rt.Standard, code, value, strconv.FormatBool(rt.NA), met, rt.Deviation.String(), rt.Evidence, disputed, outcome}
			for i := range row {
				row[i] = csvtext.Safe(row[i])
			}
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// Markdown renders the report as tables: overall, per standard, per
// person, per team, per week, and the stories worth telling.
func (r *Report) Markdown() string {
	var w strings.Builder
	fmt.Fprintf(&w, "# Standards report\n\nBaseline for a pass: %s. Quality = mean review score; compliance = met / (met + not met).\n\n", percent(r.Baseline))
	summary := func(title, col string, rows []Summary) {
		if len(rows) == 0 {
			return
		}
		fmt.Fprintf(&w, "## %s\n\n| %s | reviews | quality | pass rate | compliance | met | not met | N/A | purposeful | disputed |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n", title, col)
		for _, s := range rows {
			fmt.Fprintf(&w, "| %s | %d | %s | %s | %s | %d | %d | %d | %d | %d |\n", mdEscape(s.Key), s.Reviews, percent(s.Quality), percent(s.PassRate), percent(s.Compliance), s.Met, s.NotMet, s.NA, s.Purposeful, s.Disputed)
		}
		w.WriteString("\n")
	}
	summary("Overall", "scope", []Summary{r.Overall})
	if len(r.Standards) > 0 {
		w.WriteString("## Per standard\n\n| standard | compliance | mean score | met | not met | N/A | purposeful | needs correction |\n|---|---:|---:|---:|---:|---:|---:|---:|\n")
		for _, s := range r.Standards {
			fmt.Fprintf(&w, "| %s | %s | %s | %d | %d | %d | %d | %d |\n", mdEscape(s.Code), percent(s.Compliance), percent(s.MeanScore), s.Met, s.NotMet, s.NA, s.Purposeful, s.NeedsCorrection)
		}
		w.WriteString("\n")
	}
	summary("Per person", "person", r.People)
	summary("Per team", "team", r.Teams)
	summary("Per week", "week", r.Weeks)
	if len(r.Trends) > 0 {
		var weeks []string
		for _, wk := range r.Weeks {
			weeks = append(weeks, wk.Key)
		}
		w.WriteString("## Week by week\n\nQuality for people and teams, compliance for standards.\n\n| scope | key | " + strings.Join(weeks, " | ") + " |\n|---|---|" + strings.Repeat("---:|", len(weeks)) + "\n")
		for _, t := range r.Trends {
			cells := make([]string, len(weeks))
			for i, wk := range weeks {
				cells[i] = "-"
				for _, s := range t.Weeks {
					if s.Key != wk {
						continue
					}
					if t.Scope == "standard" {
						if s.Met+s.NotMet > 0 {
							cells[i] = percent(s.Compliance)
						}
					} else if s.Reviews > 0 {
						cells[i] = percent(s.Quality)
					}
				}
			}
			fmt.Fprintf(&w, "| %s | %s | %s |\n", t.Scope, mdEscape(t.Key), strings.Join(cells, " | "))
		}
		w.WriteString("\n")
	}
	if len(r.Stories) > 0 {
		w.WriteString("## Stories worth telling\n\n")
		for _, s := range r.Stories {
			fmt.Fprintf(&w, "- %s, %s (%s): %s\n", s.At.UTC().Format(time.DateOnly), mdEscape(s.Subject), mdEscape(s.Code), mdEscape(s.Evidence))
		}
		w.WriteString("\n")
	}
	return w.String()
}

func stat(p *float64) string {
	if p == nil {
		return "n/a"
	}
	return formatFixed(*p, 3)
}

// Markdown renders the calibration: agreement per standard and the
// rewrite list with lint findings.
func (c *Calibration) Markdown() string {
	var w strings.Builder
	fmt.Fprintf(&w, "# Calibration\n\nRaters: %s. Interactions rated by two or more: %d.\n\n", mdEscape(strings.Join(c.Raters, ", ")), c.Units)
	for _, m := range c.Warnings {
		fmt.Fprintf(&w, "> %s\n\n", mdEscape(m))
	}
	w.WriteString("| standard | n | raters | agreement | kappa | linear | quadratic | alpha | low |\n|---|---:|---:|---:|---:|---:|---:|---:|---|\n")
	for _, a := range c.Standards {
		low := ""
		if a.Low {
			low = "rewrite"
		}
		fmt.Fprintf(&w, "| %s | %d | %d | %s | %s (%s) | %s | %s | %s (%s) | %s |\n", mdEscape(a.Code), a.Units, a.Raters, percent(a.PercentAgreement),
			stat(a.Kappa), a.KappaKind, stat(a.LinearKappa), stat(a.QuadraticKappa), stat(a.Alpha), a.AlphaLevel, low)
	}
	w.WriteString("\n")
	for _, a := range c.Standards {
		for _, m := range a.Warnings {
			fmt.Fprintf(&w, "- %s: %s\n", mdEscape(a.Code), mdEscape(m))
		}
	}
	if len(c.Rewrite) == 0 {
		w.WriteString("\nNo standard needs rewriting.\n")
		return w.String()
	}
	w.WriteString("\n## Rewrite these standards\n\n")
	for _, r := range c.Rewrite {
		fmt.Fprintf(&w, "### %s: %s\n\n", mdEscape(r.Code), mdEscape(r.Statement))
		for _, m := range r.Reasons {
			fmt.Fprintf(&w, "- %s\n", mdEscape(m))
		}
		for _, f := range r.Findings {
			fmt.Fprintf(&w, "- %s %s (%s): %s\n", f.Severity, f.Rule, f.Field, mdEscape(f.Message))
		}
		w.WriteString("\n")
	}
	return w.String()
}

// TrainingMarkdown renders the training plan, the orientation content and
// the huddle schedule.
func TrainingMarkdown(b *Book, plan []TrainingItem, huddles []Huddle) string {
	var w strings.Builder
	w.WriteString("# Training plan\n\n| standard | content | medium | support | why |\n|---|---|---|---|---|\n")
	for _, t := range plan {
		fmt.Fprintf(&w, "| %s | %s | %s | %s | %s |\n", mdEscape(t.Code), t.Content, t.Medium, t.Support, mdEscape(t.Reason))
	}
	o := b.Orientation()
	w.WriteString("\n## Orientation\n\n")
	if o.Purpose != "" {
		fmt.Fprintf(&w, "Our purpose: %s\n\n", mdEscape(o.Purpose))
	}
	for _, sec := range o.Sections {
		name := sec.Priority
		if name == "" {
			name = "other"
		}
		fmt.Fprintf(&w, "### %s\n\n", mdEscape(name))
		for _, s := range sec.Standards {
			fmt.Fprintf(&w, "- **%s** %s", mdEscape(s.Code), mdEscape(s.Statement))
			if s.Rationale != "" {
				fmt.Fprintf(&w, " Why: %s", mdEscape(s.Rationale))
			}
			if s.Deviation != "" {
				fmt.Fprintf(&w, " Deviate when: %s", mdEscape(s.Deviation))
			}
			w.WriteString("\n")
		}
		w.WriteString("\n")
	}
	if len(huddles) > 0 {
		w.WriteString("## Huddles\n\n| date | standards | story |\n|---|---|---|\n")
		for _, h := range huddles {
			var st []string
			for _, s := range h.Stories {
				st = append(st, mdEscape(s.Subject+": "+s.Evidence))
			}
			fmt.Fprintf(&w, "| %s | %s | %s |\n", h.Date, mdEscape(strings.Join(h.Standards, ", ")), strings.Join(st, "; "))
		}
	}
	return w.String()
}
