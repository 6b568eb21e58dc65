package standards

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestReportFromTallies: tallies summed in any grouping give the report
// of the observations themselves, and taking an observation's tallies
// away again (Neg) gives the report without it.
func TestReportFromTallies(t *testing.T) {
	b := reportBook(t)
	want, err := b.Report(ReportSettings{})
	require.NoError(t, err)
	reviews, err := b.Reviews()
	require.NoError(t, err)
	var all []Tally
	for i := range b.Observations {
		o := &b.Observations[i]
		all = append(all, TallyReview(o, &reviews[i], b.Scorecard(o.Scorecard), 0)...)
	}
	// Pre-aggregate as a store does: one row per person, team, week and
	// standard, in another order than the observations'.
	type key struct{ s, tm, w, st string }
	sums := map[key]*Tally{}
	var keys []key
	for _, t := range all {
		k := key{t.Subject, t.Team, t.Week, t.Standard}
		if sums[k] == nil {
			sums[k] = &Tally{Subject: t.Subject, Team: t.Team, Week: t.Week, Standard: t.Standard}
			keys = append(keys, k)
		}
		sums[k].Add(t)
	}
	var grouped []Tally
	for i := len(keys) - 1; i >= 0; i-- {
		grouped = append(grouped, *sums[keys[i]])
	}
	got := b.ReportFromTallies(grouped, b.Stories(), ReportSettings{})
	assert.Equal(t, roundJSON(t, want), roundJSON(t, got))
	rolled := Rollup(all)
	assert.Less(t, len(rolled), len(all), "the rollup has fewer rows")
	assert.Equal(t, roundJSON(t, want), roundJSON(t, b.ReportFromTallies(rolled, b.Stories(), ReportSettings{})), "the rollup gives the same report")

	// Take the first observation away again.
	n := len(b.Observations[0].Ratings) + 1
	for _, t := range all[:n] {
		grouped = append(grouped, t.Neg())
	}
	rest := *b
	rest.Observations = b.Observations[1:]
	wantRest, err := rest.Report(ReportSettings{})
	require.NoError(t, err)
	gotRest := rest.ReportFromTallies(grouped, rest.Stories(), ReportSettings{})
	assert.Equal(t, wantRest.Overall.Reviews, gotRest.Overall.Reviews)
	assert.InDelta(t, wantRest.Overall.Quality, gotRest.Overall.Quality, 1e-9)
	assert.Equal(t, wantRest.Overall.Met, gotRest.Overall.Met)
	assert.Equal(t, wantRest.Overall.NotMet, gotRest.Overall.NotMet)
}

func roundJSON(t *testing.T, r *Report) string {
	t.Helper()
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var v any
	require.NoError(t, json.Unmarshal(b, &v))
	var walk func(any) any
	walk = func(v any) any {
		switch x := v.(type) {
		case float64:
			return math.Round(x*1e9) / 1e9
		case []any:
			for i := range x {
				x[i] = walk(x[i])
			}
		case map[string]any:
			for k := range x {
				x[k] = walk(x[k])
			}
		}
		return v
	}
	out, _ := json.Marshal(walk(v))
	return string(out)
}

func TestTallyReview(t *testing.T) {
	card := &Scorecard{ID: "c", Sections: []Section{{Name: "s", Criteria: []Criterion{
		{Standard: "a", Weight: 1}, {Standard: "b", Weight: 1, Scale: FourPoint}, {Standard: "c", Weight: 1, NA: true}}}}}
	at := time.Date(2026, 11, 4, 9, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name    string
		ratings []Rating
		want    []Tally // rating rows a, b, c
		passed  int
	}{
		{"all met", []Rating{{Standard: "a", Value: 1}, {Standard: "b", Value: 4}, {Standard: "c", Value: 1}},
			[]Tally{{Met: 1, RatingSum: 1}, {Met: 1, RatingSum: 1}, {Met: 1, RatingSum: 1}}, 1},
		{"purposeful counts met, N/A neither", []Rating{{Standard: "a", Value: 0, Deviation: Purposeful}, {Standard: "b", Value: 2, Deviation: NeedsCorrection}, {Standard: "c", NA: true}},
			[]Tally{{Met: 1, Purposeful: 1, RatingSum: 1}, {NotMet: 1, NeedsCorrection: 1, RatingSum: 1.0 / 3}, {NA: 1}}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := &Observation{ID: "o", Scorecard: "c", Subject: "p", Team: "tm", At: at, Ratings: tc.ratings}
			sc, err := NewScorer(card, []Standard{{ID: "a"}, {ID: "b"}, {ID: "c"}})
			require.NoError(t, err)
			r, err := sc.Score(o)
			require.NoError(t, err)
			ts := TallyReview(o, &r, card, 0)
			require.Len(t, ts, 4)
			assert.Equal(t, Tally{Subject: "p", Team: "tm", Week: "2026-W45", Reviews: 1, ScoreSum: r.Score, Passed: tc.passed}, ts[0])
			for i, w := range tc.want {
				w.Subject, w.Team, w.Week, w.Standard = "p", "tm", "2026-W45", tc.ratings[i].Standard
				assert.InDelta(t, w.RatingSum, ts[i+1].RatingSum, 1e-12)
				w.RatingSum = ts[i+1].RatingSum
				assert.Equal(t, w, ts[i+1])
			}
			var sum Tally
			for _, x := range ts {
				sum.Add(x)
				sum.Add(x.Neg())
			}
			assert.Zero(t, sum.Met+sum.NotMet+sum.NA+sum.Reviews, "Neg takes a tally away")
		})
	}
}

func TestDistanceFromExpert(t *testing.T) {
	card := Scorecard{ID: "c", Sections: []Section{{Name: "s", Criteria: []Criterion{{Standard: "a", Weight: 1}, {Standard: "b", Weight: 1, Scale: FivePoint}}}}}
	b := &Book{Version: Version, Standards: []Standard{{ID: "a"}, {ID: "b"}}, Scorecards: []Scorecard{card}}
	add := func(who, unit string, a, v int) {
		b.Observations = append(b.Observations, Observation{ID: who + unit, Scorecard: "c", Observer: who, Interaction: unit,
			Ratings: []Rating{{Standard: "a", Value: a}, {Standard: "b", Value: v}}})
	}
	add("x", "u1", 1, 5)
	add("x", "u2", 0, 1)
	add("same", "u1", 1, 5)
	add("same", "u2", 0, 1)
	add("far", "u1", 0, 1)
	add("far", "u2", 1, 5)
	add("half", "u1", 1, 3) // u2 not rated
	got, err := b.DistanceFromExpert("x")
	require.NoError(t, err)
	assert.Equal(t, []Distance{
		{Rater: "far", Items: 4, Mean: 1, Agreement: 0},
		{Rater: "half", Items: 2, Mean: 0.25, Agreement: 1},
		{Rater: "same", Items: 4, Mean: 0, Agreement: 1},
	}, got)
	_, err = b.DistanceFromExpert("nobody")
	assert.ErrorIs(t, err, ErrNoData)
}

func TestReportCSV(t *testing.T) {
	rep, err := reportBook(t).Report(ReportSettings{})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, rep.CSV(&buf))
	rows, err := csv.NewReader(&buf).ReadAll()
	require.NoError(t, err, "the export reads back as CSV")
	require.NotEmpty(t, rows)
	assert.Equal(t, "scope", rows[0][0])
	scopes := map[string]int{}
	for _, r := range rows[1:] {
		require.Len(t, r, len(rows[0]))
		scopes[r[0]]++
		for _, c := range r {
			assert.False(t, strings.HasPrefix(c, "="), "no formula in %q", c)
		}
	}
	assert.Equal(t, 1, scopes["overall"])
	assert.Equal(t, len(rep.Standards), scopes["standard"])
	assert.Equal(t, len(rep.People), scopes["person"])
	assert.Equal(t, len(rep.Stories), scopes["story"])
}
