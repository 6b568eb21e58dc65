package standards

import (
	"cmp"

	"github.com/purposefulcx/purposeful/internal/order"
)

// Tally is the pre-aggregated figures of one person's ratings and reviews
// in one ISO week on one standard, or of their reviews when Standard is
// empty. Tallies add up: the sum of the tallies of many observations
// gives the same [Report] as the observations themselves, so a store can
// keep one row per person, week and standard and answer a report over
// many thousands of observations by summing a few rows
// ([Book.ReportFromTallies]).
type Tally struct {
	Subject  string `json:"subject"`
	Team     string `json:"team,omitempty"`
	Week     string `json:"week"`
	Standard string `json:"standard,omitempty"` // a Standard.ID; "" for the review row
	// Review row: scored reviews, their score sum, those at or above
	// the baseline, and the disputed reviews.
	Reviews  int     `json:"reviews,omitempty"`
	ScoreSum float64 `json:"scoreSum,omitempty"`
	Passed   int     `json:"passed,omitempty"`
	Disputed int     `json:"disputed,omitempty"`
	// Rating rows: the ratings by outcome ([Rating.Met]), the deviations,
	// and the sum of the criterion scores of rated (not N/A) ratings, a
	// purposeful deviation counting 1.
	Met             int     `json:"met,omitempty"`
	NotMet          int     `json:"notMet,omitempty"`
	NA              int     `json:"na,omitempty"`
	Purposeful      int     `json:"purposeful,omitempty"`
	NeedsCorrection int     `json:"needsCorrection,omitempty"`
	RatingSum       float64 `json:"ratingSum,omitempty"`
}

// Add adds the counts of u to t (the keys are left alone).
func (t *Tally) Add(u Tally) {
	t.Reviews += u.Reviews
	t.ScoreSum += u.ScoreSum
	t.Passed += u.Passed
	t.Disputed += u.Disputed
	t.Met += u.Met
	t.NotMet += u.NotMet
	t.NA += u.NA
	t.Purposeful += u.Purposeful
	t.NeedsCorrection += u.NeedsCorrection
	t.RatingSum += u.RatingSum
}

// Neg returns t with every count negated: adding it takes t away again
// (a store does that when an observation's ratings change).
func (t Tally) Neg() Tally {
	t.Reviews, t.ScoreSum, t.Passed, t.Disputed = -t.Reviews, -t.ScoreSum, -t.Passed, -t.Disputed
	t.Met, t.NotMet, t.NA, t.Purposeful, t.NeedsCorrection, t.RatingSum = -t.Met, -t.NotMet, -t.NA, -t.Purposeful, -t.NeedsCorrection, -t.RatingSum
	return t
}

// TallyReview returns the tallies of one scored observation: its review
// row first, then one row per rating, in rating order. card is the
// observation's scorecard and baseline the pass mark (0 means
// [DefaultBaseline]).
func TallyReview(o *Observation, r *Review, card *Scorecard, baseline float64) []Tally {
	if baseline == 0 {
		baseline = DefaultBaseline
	}
	week := ISOWeek(o.At)
	out := make([]Tally, 0, len(o.Ratings)+1)
	rev := Tally{Subject: o.Subject, Team: o.Team, Week: week}
	if r.Disputed {
		rev.Disputed = 1
	}
	if r.Scored {
		rev.Reviews, rev.ScoreSum = 1, r.Score
		if r.Score >= baseline {
			rev.Passed = 1
		}
	}
	out = append(out, rev)
	for _, rt := range o.Ratings {
		cr, _ := card.Criterion(rt.Standard)
		t := Tally{Subject: o.Subject, Team: o.Team, Week: week, Standard: rt.Standard}
		switch {
		case rt.NA:
			t.NA = 1
		case rt.Met(cr.Scale):
			t.Met = 1
		default:
			t.NotMet = 1
		}
		if !rt.NA {
			switch rt.Deviation {
			case Purposeful:
				t.Purposeful = 1
				t.RatingSum = 1
			case NeedsCorrection:
				t.NeedsCorrection = 1
				t.RatingSum = CriterionScore(rt.Value, cr.Scale)
			default:
				t.RatingSum = CriterionScore(rt.Value, cr.Scale)
			}
		}
		out = append(out, t)
	}
	return out
}

// acc sums the tallies of one group of a report.
type acc struct {
	key string
	t   Tally
}

func (a *acc) add(t *Tally) { a.t.Add(*t) }

func (a *acc) finish() Summary {
	t := &a.t
	s := Summary{Key: a.key, Reviews: t.Reviews, Passed: t.Passed, Met: t.Met, NotMet: t.NotMet, NA: t.NA,
		Purposeful: t.Purposeful, Disputed: t.Disputed}
	if s.Reviews > 0 {
		s.Quality = t.ScoreSum / float64(s.Reviews)
		s.PassRate = float64(s.Passed) / float64(s.Reviews)
	}
	if s.Met+s.NotMet > 0 {
		s.Compliance = float64(s.Met) / float64(s.Met+s.NotMet)
	}
	return s
}

// Rollup folds tallies into the fewest rows a whole-book report needs: one
// row per person, team and week with their reviews and all their ratings
// (Standard empty), and one row per standard and week with its ratings
// across people (Subject and Team empty). [Book.ReportFromTallies] gives
// the same report from the rollup as from the tallies; a report narrowed
// to one person or team needs the tallies themselves. Rollup is linear:
// the rollup of negated tallies takes their rollup away.
func Rollup(ts []Tally) []Tally {
	type key struct{ subject, team, week, standard string }
	idx := map[key]int{}
	var out []Tally
	add := func(k key, t Tally) {
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, Tally{Subject: k.subject, Team: k.team, Week: k.week, Standard: k.standard})
		}
		out[i].Add(t)
	}
	for _, t := range ts {
		add(key{t.Subject, t.Team, t.Week, ""}, t)
		if t.Standard != "" {
			add(key{"", "", t.Week, t.Standard}, t)
		}
	}
	return out
}

// ReportFromTallies builds the report that the tallies ts add up to, with
// the book's standards (for their codes and order) and the given stories.
// For the tallies of [TallyReview] over every observation of the book, or
// their [Rollup], it equals [Book.Report]. A row with no Subject counts
// for its standard only; a row with no Standard for its person only.
func (b *Book) ReportFromTallies(ts []Tally, stories []Story, set ReportSettings) *Report {
	baseline := set.Baseline
	if baseline == 0 {
		baseline = DefaultBaseline
	}
	if stories == nil {
		stories = []Story{}
	}
	rep := &Report{Baseline: baseline, Stories: stories}
	overall := &acc{key: "all"}
	people, teams, weeks := map[string]*acc{}, map[string]*acc{}, map[string]*acc{}
	group := func(m map[string]*acc, k string) *acc {
		a := m[k]
		if a == nil {
			a = &acc{key: k}
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
	stds := map[string]*Tally{}
	codes := make(map[string]string, len(b.Standards))
	for _, st := range b.Standards {
		codes[st.ID] = st.Code
	}
	for i := range ts {
		t := &ts[i]
		if t.Subject != "" {
			overall.add(t)
			group(people, t.Subject).add(t)
			group(weeks, t.Week).add(t)
			trend("person", t.Subject, t.Week).add(t)
			if t.Team != "" {
				group(teams, t.Team).add(t)
				trend("team", t.Team, t.Week).add(t)
			}
		}
		if t.Standard == "" {
			continue
		}
		code := t.Standard
		if c, ok := codes[t.Standard]; ok {
			code = c
		}
		trend("standard", code, t.Week).add(t)
		sa := stds[t.Standard]
		if sa == nil {
			sa = &Tally{}
			stds[t.Standard] = sa
		}
		sa.Add(*t)
	}
	rep.Overall = overall.finish()
	for _, st := range b.Standards {
		sa := stds[st.ID]
		if sa == nil {
			continue
		}
		line := StandardLine{Standard: st.ID, Code: st.Code, Met: sa.Met, NotMet: sa.NotMet, NA: sa.NA,
			Purposeful: sa.Purposeful, NeedsCorrection: sa.NeedsCorrection}
		if rated := sa.Met + sa.NotMet; rated > 0 {
			line.Compliance = float64(sa.Met) / float64(rated)
			line.MeanScore = sa.RatingSum / float64(rated)
		}
		rep.Standards = append(rep.Standards, line)
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
	return rep
}

func finishAll(m map[string]*acc) []Summary {
	out := make([]Summary, 0, len(m))
	for _, a := range m {
		out = append(out, a.finish())
	}
	order.Func(out, func(a, b Summary) int { return cmp.Compare(a.Key, b.Key) })
	return out
}
