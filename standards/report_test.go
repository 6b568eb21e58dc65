package standards

import (
	"time"

	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reportBook has three reviews worked by hand (see TestReviewByHand):
//
//	o1 bo, week 10: 17/15 (pass), 5 met
//	o2 cy, week 10: 1/2 (fail), 2 met, 1 not met (walk), 2 N/A
//	o3 bo, week 11: 1 (pass), 4 met (walk purposeful), 1 not met (surprise)
func reportBook(t *testing.T) *Book {
	b := testBook()
	week11 := day0.AddDate(0, 0, 7)
	require.NoError(t, b.Record(obs("o1", "ann", "bo", "i1", day0, r("greet", 1), r("name", 3), r("walk", 1), r("id", 1), r("surprise", 1))))
	o2 := obs("o2", "ann", "cy", "i2", day0.Add(3600e9), r("greet", 1), na("name"), r("walk", 0), r("id", 1), na("surprise"))
	o2.Team = "late"
	require.NoError(t, b.Record(o2))
	require.NoError(t, b.Record(obs("o3", "ann", "bo", "i3", week11, r("greet", 1), r("name", 4),
		Rating{Standard: "walk", Value: 0, Deviation: Purposeful, Evidence: "Jump-started a guest's car before walking in."}, r("id", 1), r("surprise", 0))))
	return b
}

func TestReportByHand(t *testing.T) {
	b := reportBook(t)
	rep, err := b.Report(ReportSettings{})
	require.NoError(t, err)
	const eps = 1e-12
	assert.Equal(t, DefaultBaseline, rep.Baseline)

	o := rep.Overall
	assert.Equal(t, 3, o.Reviews)
	assert.InDelta(t, 79.0/90, o.Quality, eps)
	assert.InDelta(t, 2.0/3, o.PassRate, eps)
	assert.Equal(t, [3]int{11, 2, 2}, [3]int{o.Met, o.NotMet, o.NA})
	assert.InDelta(t, 11.0/13, o.Compliance, eps)
	assert.Equal(t, 1, o.Purposeful)

	require.Len(t, rep.People, 2)
	bo, cy := rep.People[0], rep.People[1]
	assert.Equal(t, "bo", bo.Key)
	assert.InDelta(t, 16.0/15, bo.Quality, eps, "mean of 17/15 and 1")
	assert.InDelta(t, 1, bo.PassRate, eps)
	assert.InDelta(t, 0.9, bo.Compliance, eps)
	assert.Equal(t, "cy", cy.Key)
	assert.InDelta(t, 0.5, cy.Quality, eps)
	assert.InDelta(t, 0, cy.PassRate, eps)
	assert.InDelta(t, 2.0/3, cy.Compliance, eps)

	require.Len(t, rep.Teams, 2)
	assert.Equal(t, "early", rep.Teams[0].Key)
	assert.Equal(t, 2, rep.Teams[0].Reviews)

	require.Len(t, rep.Weeks, 2)
	assert.Equal(t, "2026-W10", rep.Weeks[0].Key)
	assert.InDelta(t, 49.0/60, rep.Weeks[0].Quality, eps)
	assert.Equal(t, "2026-W11", rep.Weeks[1].Key)

	require.Len(t, rep.Standards, 5)
	walk := rep.Standards[2]
	assert.Equal(t, "CI-03", walk.Code)
	assert.Equal(t, [3]int{2, 1, 0}, [3]int{walk.Met, walk.NotMet, walk.NA})
	assert.InDelta(t, 2.0/3, walk.Compliance, eps)
	assert.InDelta(t, 2.0/3, walk.MeanScore, eps)
	assert.Equal(t, 1, walk.Purposeful)

	require.Len(t, rep.Stories, 1)
	assert.Equal(t, "o3", rep.Stories[0].Observation)
	assert.Equal(t, "CI-03", rep.Stories[0].Code)
	assert.Contains(t, rep.Stories[0].Evidence, "Jump-started")
}

func TestReportBaselineSetting(t *testing.T) {
	b := reportBook(t)
	rep, err := b.Report(ReportSettings{Baseline: 0.4})
	require.NoError(t, err)
	assert.InDelta(t, 1, rep.Overall.PassRate, 1e-12, "0.5 passes a 0.4 baseline")
}

func TestReportCountsDisputes(t *testing.T) {
	b := reportBook(t)
	require.NoError(t, b.Dispute("o2", "cy", "The guest had no bags.", day0))
	rep, err := b.Report(ReportSettings{})
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Overall.Disputed)
	assert.Equal(t, 1, rep.People[1].Disputed)
}

func TestISOWeek(t *testing.T) {
	assert.Equal(t, "2026-W10", ISOWeek(day0))
	assert.Equal(t, "2026-W01", ISOWeek(day0.AddDate(0, 0, -63)))
	assert.Equal(t, "2020-W53", ISOWeek(time.Date(2021, 1, 1, 12, 0, 0, 0, time.UTC)), "1 January 2021 belongs to the last week of 2020")
}

func TestReportTrends(t *testing.T) {
	rep, err := reportBook(t).Report(ReportSettings{})
	require.NoError(t, err)
	find := func(scope, key string) Trend {
		for _, tr := range rep.Trends {
			if tr.Scope == scope && tr.Key == key {
				return tr
			}
		}
		t.Fatalf("no trend %s %s", scope, key)
		return Trend{}
	}
	bo := find("person", "bo")
	require.Len(t, bo.Weeks, 2)
	assert.Equal(t, "2026-W10", bo.Weeks[0].Key)
	assert.InDelta(t, 17.0/15, bo.Weeks[0].Quality, 1e-12)
	assert.InDelta(t, 1, bo.Weeks[1].Quality, 1e-12)
	walk := find("standard", "CI-03")
	require.Len(t, walk.Weeks, 2)
	assert.InDelta(t, 0.5, walk.Weeks[0].Compliance, 1e-12, "week 10: walked once, missed once")
	assert.InDelta(t, 1, walk.Weeks[1].Compliance, 1e-12, "week 11: the purposeful deviation counts as met")
	late := find("team", "late")
	require.Len(t, late.Weeks, 1)
	assert.Equal(t, 1, late.Weeks[0].Reviews)
}
