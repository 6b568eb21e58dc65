package standards

import (
	"cmp"
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

type acc struct {
	Summary
	sum float64
}

func (a *acc) addReview(r *Review, baseline float64) {
	if r.Disputed {
		a.Disputed++
	}
	if !r.Scored {
		return
	}
	a.Reviews++
	a.sum += r.Score
	if r.Score >= baseline {
		a.Passed++
	}
}

func (a *acc) addRating(rt Rating, s Scale) {
	switch {
	case rt.NA:
		a.NA++
	case rt.Met(s):
		a.Met++
	default:
		a.NotMet++
	}
	if !rt.NA && rt.Deviation == Purposeful {
		a.Purposeful++
	}
}

func (a *acc) finish() Summary {
	s := a.Summary
	if s.Reviews > 0 {
		s.Quality = a.sum / float64(s.Reviews)
		s.PassRate = float64(s.Passed) / float64(s.Reviews)
	}
	if s.Met+s.NotMet > 0 {
		s.Compliance = float64(s.Met) / float64(s.Met+s.NotMet)
	}
	return s
}

// Report scores every observation and summarises them. Errors are those of
// [Book.Reviews].
func (b *Book) Report(set ReportSettings) (*Report, error) {
	baseline := set.Baseline
	if baseline == 0 {
		baseline = DefaultBaseline
	}
	reviews, err := b.Reviews()
	if err != nil {
		return nil, err
	}
	rep := &Report{Baseline: baseline, Stories: b.Stories()}
	overall := &acc{Summary: Summary{Key: "all"}}
	people, teams, weeks := map[string]*acc{}, map[string]*acc{}, map[string]*acc{}
	group := func(m map[string]*acc, k string) *acc {
		a := m[k]
		if a == nil {
			a = &acc{Summary: Summary{Key: k}}
			m[k] = a
		}
		return a
	}
	type trendKey struct{ scope, key string }
	trends := map[trendKey]map[string]*acc{}
	trend := func(scope, key, week string) *acc {
		k := trendKey{scope, key}
		m := trends[k]
		if m == nil {
			m = map[string]*acc{}
			trends[k] = m
		}
		return group(m, week)
	}
	type stdAcc struct {
		line  StandardLine
		sum   float64
		rated int
	}
	stds := map[string]*stdAcc{}
	for i := range b.Observations {
		o := &b.Observations[i]
		r := &reviews[i]
		card := b.Scorecard(o.Scorecard)
		week := ISOWeek(o.At)
		accs := []*acc{overall, group(people, o.Subject), group(weeks, week), trend("person", o.Subject, week)}
		if o.Team != "" {
			accs = append(accs, group(teams, o.Team), trend("team", o.Team, week))
		}
		for _, a := range accs {
			a.addReview(r, baseline)
		}
		for _, rt := range o.Ratings {
			cr, _ := card.Criterion(rt.Standard)
			for _, a := range accs {
				a.addRating(rt, cr.Scale)
			}
			st := b.Standard(rt.Standard)
			code := rt.Standard
			if st != nil {
				code = st.Code
			}
			trend("standard", code, week).addRating(rt, cr.Scale)
			sa := stds[rt.Standard]
			if sa == nil {
				sa = &stdAcc{line: StandardLine{Standard: rt.Standard}}
				if st != nil {
					sa.line.Code = st.Code
				}
				stds[rt.Standard] = sa
			}
			switch {
			case rt.NA:
				sa.line.NA++
				continue
			case rt.Met(cr.Scale):
				sa.line.Met++
			default:
				sa.line.NotMet++
			}
			sa.rated++
			switch rt.Deviation {
			case Purposeful:
				sa.line.Purposeful++
				sa.sum++
			case NeedsCorrection:
				sa.line.NeedsCorrection++
				sa.sum += CriterionScore(rt.Value, cr.Scale)
			default:
				sa.sum += CriterionScore(rt.Value, cr.Scale)
			}
		}
	}
	rep.Overall = overall.finish()
	for _, st := range b.Standards {
		sa := stds[st.ID]
		if sa == nil {
			continue
		}
		if sa.rated > 0 {
			sa.line.Compliance = float64(sa.line.Met) / float64(sa.rated)
			sa.line.MeanScore = sa.sum / float64(sa.rated)
		}
		rep.Standards = append(rep.Standards, sa.line)
	}
	rep.People = finishAll(people)
	rep.Teams = finishAll(teams)
	rep.Weeks = finishAll(weeks)
	for _, scope := range []string{"person", "team", "standard"} {
		var keys []string
		for k := range trends {
			if k.scope == scope {
				keys = append(keys, k.key)
			}
		}
		order.Strings(keys)
		for _, k := range keys {
			rep.Trends = append(rep.Trends, Trend{Scope: scope, Key: k, Weeks: finishAll(trends[trendKey{scope, k}])})
		}
	}
	return rep, nil
}

func finishAll(m map[string]*acc) []Summary {
	out := make([]Summary, 0, len(m))
	for _, a := range m {
		out = append(out, a.finish())
	}
	order.Func(out, func(a, b Summary) int { return cmp.Compare(a.Key, b.Key) })
	return out
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
