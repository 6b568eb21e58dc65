package course

import (
	"encoding/json"
	"strconv"
)

// Success is whether the learner passed: unknown until the course is
// complete (and always for a Purpose course, which is only completed).
type Success uint8

// Success states.
const (
	Unknown Success = iota
	Passed
	Failed
)

func (s Success) String() string { return [...]string{"unknown", "passed", "failed"}[s] }

// Result is what the LMS records about an attempt.
type Result struct {
	// Progress is the share of the course done, 0 to 1.
	Progress float64
	// Score is 0-100; Scored says whether there is one yet.
	Score  int
	Scored bool
	// Completed is set when the learner has done everything the course
	// asks; Success then says whether they passed.
	Completed bool
	Success   Success
}

// State is what the learner has done so far. It is kept in the LMS as
// suspend data, so a learner who leaves can resume where they were.
type State struct {
	// Grades is the best grade (0-100) for each practised scenario.
	Grades map[string]int `json:"g,omitempty"`
	// Answers holds, per standard id, whether the learner judged the
	// question's case a purposeful deviation.
	Answers map[string]bool `json:"a,omitempty"`
	// Acked holds the ids of the standards the learner acknowledged.
	Acked map[string]bool `json:"k,omitempty"`
	// Best is the best analysis score of the learner's purpose statement.
	Best int `json:"b,omitempty"`
	// Store is what the screens saved (the statement being written).
	Store map[string]string `json:"s,omitempty"`
}

// Encode writes the state as suspend data of at most max bytes (4096 for
// SCORM 1.2). When the screens' saved text does not fit it is left out:
// grades and answers always fit, the draft statement may not.
func (s *State) Encode(max int) string {
	b, _ := json.Marshal(s)
	if len(b) <= max || len(s.Store) == 0 {
		return string(b)
	}
	c := *s
	c.Store = nil
	b, _ = json.Marshal(&c)
	return string(b)
}

// DecodeState reads suspend data; anything it cannot read starts afresh
// (suspend data is written only by this program, but an LMS may hand back
// another course's).
func DecodeState(data string) State {
	var s State
	if data == "" || json.Unmarshal([]byte(data), &s) != nil {
		return State{}
	}
	return s
}

// Result decides progress, score, completion and success of an attempt
// whose passing score is mastery (0-100):
//
//   - Recovery: progress is the share of scenarios graded; the score is
//     the mean of the best grade of every scenario (ungraded count 0);
//     complete when every scenario is graded; passed when complete and the
//     score is at least mastery, otherwise failed.
//   - Purpose: the score is the best analysis score of the statement;
//     complete (with no pass or fail) once it reaches mastery.
//   - Standards: progress is the share of standards acknowledged; the
//     score is the share of questions answered right; complete when every
//     standard is acknowledged; passed when complete and the score is at
//     least mastery, otherwise failed.
func (c *Course) Result(s *State, mastery int) Result {
	var r Result
	switch c.Kind {
	case Recovery:
		ids := c.ScenarioIDs()
		sum, done := 0, 0
		for _, id := range ids {
			if g, ok := s.Grades[id]; ok {
				sum += g
				done++
			}
		}
		r.Progress = ratio(done, len(ids))
		r.Scored = done > 0
		if len(ids) > 0 {
			r.Score = (sum + len(ids)/2) / len(ids)
		}
		r.Completed = done == len(ids)
	case Purpose:
		r.Scored = s.Best > 0 || len(s.Store) > 0
		r.Score = s.Best
		r.Completed = s.Best >= mastery
		r.Progress = min(1, ratio(s.Best, mastery))
		return r
	default:
		qs := c.Questions()
		right, acked := 0, 0
		for _, q := range qs {
			if a, ok := s.Answers[q.ID]; ok && a == q.Purposeful {
				right++
			}
			if s.Acked[q.ID] {
				acked++
			}
		}
		r.Progress = ratio(acked, len(qs))
		r.Scored = len(s.Answers) > 0
		if len(qs) > 0 {
			r.Score = (right*100 + len(qs)/2) / len(qs)
		}
		r.Completed = acked == len(qs)
	}
	if r.Completed {
		r.Success = Failed
		if r.Score >= mastery {
			r.Success = Passed
		}
	}
	return r
}

func ratio(a, b int) float64 {
	if b <= 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Question is the "is this a purposeful deviation?" question of one
// standard.
type Question struct {
	ID        string // the standard's id
	Code      string
	Statement string
	Rationale string
	Deviation string // when departing from the standard is right
	// Case is a colleague departing from the standard, and Purposeful
	// whether that departure is a purposeful deviation.
	Case       string
	Purposeful bool
}

// convenience are departures for the employee's own convenience: never
// purposeful.
var convenience = [...]string{
	"A colleague skips it because the queue is long and skipping saves them a minute.",
	"A colleague leaves it out because their shift ends in five minutes.",
	"A colleague does not bother with it because the customer looks like they are in a hurry anyway.",
}

// Questions returns one question per standard of a Standards course. A
// standard that says when deviating is right alternates between that
// case (purposeful) and a departure for the employee's convenience (not
// purposeful); a standard that does not gets the convenience case.
func (c *Course) Questions() []Question {
	out := make([]Question, len(c.Standards))
	for i, s := range c.Standards {
		q := Question{ID: s.ID, Code: s.Code, Statement: s.Statement, Rationale: s.Rationale, Deviation: s.Deviation}
		if s.Deviation != "" && i%2 == 0 {
			q.Case, q.Purposeful = "A colleague departs from it: "+s.Deviation, true
		} else {
			q.Case = convenience[i%len(convenience)]
		}
		if q.Code == "" {
			q.Code = strconv.Itoa(i + 1)
		}
		out[i] = q
	}
	return out
}
