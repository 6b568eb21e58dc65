package course_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/purposefulcx/purposeful/wasm/course"
)

func TestResult(t *testing.T) {
	rec := course.Course{Version: course.Version, Kind: course.Recovery, Title: "R", Scenarios: []string{}}
	ids := rec.ScenarioIDs()
	two := course.Course{Version: course.Version, Kind: course.Recovery, Title: "R", Scenarios: ids[:2]}
	std := courses()["standards"]
	qs := std.Questions()
	pur := courses()["purpose"]
	cases := []struct {
		name    string
		c       course.Course
		s       course.State
		mastery int
		want    course.Result
	}{
		{"recovery untouched", two, course.State{}, 70, course.Result{}},
		{"recovery half done", two, course.State{Grades: map[string]int{ids[0]: 90}}, 70, course.Result{Progress: 0.5, Score: 45, Scored: true}},
		{"recovery passed", two, course.State{Grades: map[string]int{ids[0]: 90, ids[1]: 70}}, 70, course.Result{Progress: 1, Score: 80, Scored: true, Completed: true, Success: course.Passed}},
		{"recovery failed", two, course.State{Grades: map[string]int{ids[0]: 90, ids[1]: 30}}, 70, course.Result{Progress: 1, Score: 60, Scored: true, Completed: true, Success: course.Failed}},
		{"purpose below", pur, course.State{Best: 35}, 70, course.Result{Progress: 0.5, Score: 35, Scored: true}},
		{"purpose reached", pur, course.State{Best: 80}, 70, course.Result{Progress: 1, Score: 80, Scored: true, Completed: true}},
		{"standards answered, not acknowledged", std, course.State{Answers: map[string]bool{qs[0].ID: qs[0].Purposeful, qs[1].ID: qs[1].Purposeful}}, 70,
			course.Result{Score: 100, Scored: true}},
		{"standards passed", std, course.State{Answers: map[string]bool{qs[0].ID: qs[0].Purposeful, qs[1].ID: qs[1].Purposeful},
			Acked: map[string]bool{qs[0].ID: true, qs[1].ID: true}}, 70, course.Result{Progress: 1, Score: 100, Scored: true, Completed: true, Success: course.Passed}},
		{"standards one wrong fails at 70", std, course.State{Answers: map[string]bool{qs[0].ID: !qs[0].Purposeful, qs[1].ID: qs[1].Purposeful},
			Acked: map[string]bool{qs[0].ID: true, qs[1].ID: true}}, 70, course.Result{Progress: 1, Score: 50, Scored: true, Completed: true, Success: course.Failed}},
		{"standards one wrong passes at the LMS's 50", std, course.State{Answers: map[string]bool{qs[0].ID: !qs[0].Purposeful, qs[1].ID: qs[1].Purposeful},
			Acked: map[string]bool{qs[0].ID: true, qs[1].ID: true}}, 50, course.Result{Progress: 1, Score: 50, Scored: true, Completed: true, Success: course.Passed}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.c.Result(&tc.s, tc.mastery))
		})
	}
}

func TestQuestionsMixPurposefulAndConvenience(t *testing.T) {
	c := courses()["standards"]
	qs := c.Questions()
	assert.True(t, qs[0].Purposeful, "a standard with a deviation clause asks about it")
	assert.False(t, qs[1].Purposeful)
	assert.Contains(t, qs[0].Case, c.Standards[0].Deviation)
}

func TestStateSurvivesSuspendData(t *testing.T) {
	s := course.State{Grades: map[string]int{"a": 80}, Store: map[string]string{"draft": string(make([]byte, 5000))}}
	got := course.DecodeState(s.Encode(4096))
	assert.Equal(t, 80, got.Grades["a"], "grades always fit")
	assert.Empty(t, got.Store, "a draft over SCORM 1.2's 4096 bytes is left out")
	got = course.DecodeState(s.Encode(64000))
	assert.Len(t, got.Store["draft"], 5000)
	assert.Equal(t, course.State{}, course.DecodeState("not json"), "another course's data starts afresh")
}

func TestTimeFormats(t *testing.T) {
	d := time.Hour + 2*time.Minute + 3450*time.Millisecond
	assert.Equal(t, "0001:02:03.45", course.Timespan12(d))
	assert.Equal(t, "PT1H2M3.45S", course.Duration(d))
	assert.Equal(t, "PT0S", course.Duration(0))
}
