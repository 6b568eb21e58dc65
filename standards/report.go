package standards

import (
	"fmt"
	"time"

	"github.com/purposefulcx/purposeful/internal/order"
)

// DefaultBaseline is the review score from which a review passes.
const DefaultBaseline = 0.8

// ReportSettings tunes [Book.Report]. The zero value works.
type ReportSettings struct {
	// Baseline is the review score a review must reach to pass.
	// Default [DefaultBaseline] (0.8).
	Baseline float64
}

// Report summarises the observations of a book per standard, per person,
// per team and per ISO week, with the stories worth telling.
//
//	quality score = mean of review scores (of the person, team or week; scored reviews only)
//	pass rate     = reviews with score >= baseline / reviews   (baseline 80% by default)
//	compliance    = met / (met + not met)
//
// where a rating is met when it is a purposeful deviation or its criterion
// score is at least 0.5, and N/A ratings count as neither.
type Report struct {
	Baseline  float64        `json:"baseline"`
	Overall   Summary        `json:"overall"`
	Standards []StandardLine `json:"standards"`
	People    []Summary      `json:"people"`
	Teams     []Summary      `json:"teams"`
	Weeks     []Summary      `json:"weeks"`
	// Trends follow every person, team and standard week by week.
	Trends  []Trend `json:"trends"`
	Stories []Story `json:"stories"`
}

// Trend is one person's, team's or standard's figures per ISO week, in
// week order. For a standard only the rating counts and compliance are
// filled in.
type Trend struct {
	Scope string    `json:"scope"` // "person", "team" or "standard"
	Key   string    `json:"key"`   // the person, the team, or the standard's code
	Weeks []Summary `json:"weeks"` // Key of each is the week
}

// Summary is the line of a report for one group of reviews: a person
// (Key is the subject), a team, an ISO week ("2026-W14") or everything.
type Summary struct {
	Key        string  `json:"key"`
	Reviews    int     `json:"reviews"` // scored reviews
	Quality    float64 `json:"quality"`
	Passed     int     `json:"passed"`
	PassRate   float64 `json:"passRate"`
	Met        int     `json:"met"`
	NotMet     int     `json:"notMet"`
	NA         int     `json:"na"`
	Compliance float64 `json:"compliance"`
	Purposeful int     `json:"purposeful"`
	Disputed   int     `json:"disputed"`
}

// StandardLine is the line of a report for one standard.
type StandardLine struct {
	Standard        string  `json:"standard"`
	Code            string  `json:"code"`
	Met             int     `json:"met"`
	NotMet          int     `json:"notMet"`
	NA              int     `json:"na"`
	Compliance      float64 `json:"compliance"`
	MeanScore       float64 `json:"meanScore"` // mean criterion score of rated ratings
	Purposeful      int     `json:"purposeful"`
	NeedsCorrection int     `json:"needsCorrection"`
}

// Story is a purposeful deviation worth telling at a huddle.
type Story struct {
	Observation string    `json:"observation"`
	Standard    string    `json:"standard"`
	Code        string    `json:"code"`
	Subject     string    `json:"subject"`
	Observer    string    `json:"observer"`
	At          time.Time `json:"at"`
	Evidence    string    `json:"evidence"`
}

// ISOWeek names the ISO week of t in UTC, as "2026-W03".
func ISOWeek(t time.Time) string {
	y, w := t.UTC().ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// Report scores every observation and summarises them. Errors are those of
// [Book.Reviews].
func (b *Book) Report(set ReportSettings) (*Report, error) {
	reviews, err := b.Reviews()
	if err != nil {
		return nil, err
	}
	var ts []Tally
	for i := range b.Observations {
		o := &b.Observations[i]
		ts = append(ts, TallyReview(o, &reviews[i], b.Scorecard(o.Scorecard), set.Baseline)...)
	}
	return b.ReportFromTallies(ts, b.Stories(), set), nil
}

// Stories lists the purposeful deviations recorded in the book, newest
// first: the "stories worth telling" for huddles.
func (b *Book) Stories() []Story {
	var out []Story
	for _, o := range b.Observations {
		for _, rt := range o.Ratings {
			if rt.Deviation != Purposeful || rt.NA {
				continue
			}
			s := Story{Observation: o.ID, Standard: rt.Standard, Subject: o.Subject, Observer: o.Observer, At: o.At, Evidence: rt.Evidence}
			if st := b.Standard(rt.Standard); st != nil {
				s.Code = st.Code
			}
			out = append(out, s)
		}
	}
	order.Stable(out, func(a, b Story) int { return b.At.Compare(a.At) })
	return out
}
