package standards

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTrainingPlan(t *testing.T) {
	b := testBook()
	b.Standards = append(b.Standards,
		Standard{ID: "rates", Code: "CI-06", Statement: "Quote the rate of every room type.", Class: Knowledge},
		Standard{ID: "pms", Code: "CI-07", Statement: "Enter the guest's car plate in the reservation system.", Class: Skill},
		Standard{ID: "bags", Code: "CI-08", Statement: "Lift bags with bent knees.", Class: Skill},
		Standard{ID: "warm", Code: "CI-09", Statement: "Use the guest's name.", Class: Behaviour},
		Standard{ID: "old", Code: "CI-10", Statement: "Fax the confirmation.", Status: Retired},
	)
	plan := b.TrainingPlan()
	by := map[string]TrainingItem{}
	for _, p := range plan {
		by[p.Standard] = p
		assert.NotEmpty(t, p.Reason, p.Standard)
	}
	assert.NotContains(t, by, "old", "retired standards need no training")
	tests := []struct {
		id      string
		content Content
		medium  Medium
	}{
		{"rates", Facts, SelfStudy},
		{"pms", Procedure, ELearning},
		{"bags", Procedure, Coaching},
		{"warm", Manner, Classroom},
		{"walk", Moment, Coaching},
		{"id", Moment, Classroom}, // fails the review: everyone hears it together
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			assert.Equal(t, tc.content, by[tc.id].Content)
			assert.Equal(t, tc.medium, by[tc.id].Medium)
		})
	}
	assert.Equal(t, Coaching, by["id"].Support, "the kind's own medium supports the classroom")
}

func TestOrientationOrder(t *testing.T) {
	b := testBook()
	o := b.Orientation()
	var prios, codes []string
	for _, s := range o.Sections {
		prios = append(prios, s.Priority)
		for _, st := range s.Standards {
			codes = append(codes, st.Code)
		}
	}
	assert.Equal(t, []string{"safety", "courtesy", "show"}, prios, "the organisation's order")
	assert.Equal(t, []string{"CI-04", "CI-01", "CI-02", "CI-03", "CI-05"}, codes)
	assert.Equal(t, b.Purpose, o.Purpose)
}

func TestReinforcementRotatesStandardsAndStories(t *testing.T) {
	b := reportBook(t) // one story, o3, on 9 March (week 11)
	require.NoError(t, b.Record(obs("o4", "ann", "cy", "i4", day0.Add(2*time.Hour), r("greet", 1),
		Rating{Standard: "surprise", Value: 0, Deviation: Purposeful, Evidence: "Walked a lost guest to the station."})))
	hs := b.Reinforcement(day0.AddDate(0, 0, 5), ScheduleSettings{Huddles: 7}) // Saturday 7 March
	require.Len(t, hs, 7)
	assert.Equal(t, "2026-03-09", hs[0].Date, "weekends skipped")
	assert.Equal(t, "2026-03-17", hs[6].Date)
	var codes []string
	for _, h := range hs {
		codes = append(codes, h.Standards...)
	}
	assert.Equal(t, []string{"CI-04", "CI-01", "CI-02", "CI-03", "CI-05", "CI-04", "CI-01"}, codes, "rotation comes back round")

	var told []string
	for _, h := range hs {
		id := "-"
		if len(h.Stories) > 0 {
			id = h.Stories[0].Observation
		}
		told = append(told, id)
	}
	// New stories first (newest first); a told story comes back only after
	// a full round of the five standards.
	assert.Equal(t, []string{"o3", "o4", "-", "-", "-", "o3", "o4"}, told)

	weekly := b.Reinforcement(day0, ScheduleSettings{Cadence: Weekly, Huddles: 3, PerHuddle: 2})
	require.Len(t, weekly, 3)
	assert.Equal(t, []string{"2026-03-02", "2026-03-09", "2026-03-16"}, []string{weekly[0].Date, weekly[1].Date, weekly[2].Date})
	assert.Len(t, weekly[0].Standards, 2)
	require.Len(t, weekly[0].Stories, 1, "only stories that had happened by the huddle")
	assert.Equal(t, "o4", weekly[0].Stories[0].Observation)
}
