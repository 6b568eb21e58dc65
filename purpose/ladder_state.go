package purpose

import "strconv"

// ClimbState is where a [Climb] stands. JSON: "climbing", "reached",
// "circling", "drifting", "exhausted".
type ClimbState uint8

// Climb states.
const (
	ClimbClimbing  ClimbState = iota // no purpose yet; ask the next question
	ClimbReached                     // the last rung states a purpose
	ClimbCircling                    // the last answer repeated an earlier rung
	ClimbDrifting                    // the last answer drifted to internal measures
	ClimbExhausted                   // the depth is used up without a purpose
)

var climbNames = [...]string{"climbing", "reached", "circling", "drifting", "exhausted"}

// String returns the state's name.
func (s ClimbState) String() string { return nameOf(climbNames[:], int(s), "climb state") }

// MarshalText encodes the state as its name.
func (s ClimbState) MarshalText() ([]byte, error) {
	return marshalName(climbNames[:], int(s), "climb state")
}

// UnmarshalText decodes a state name.
func (s *ClimbState) UnmarshalText(b []byte) error {
	i, err := unmarshalName(climbNames[:], b, "climb state")
	*s = ClimbState(i)
	return err
}

// Step is what one rung of a climb showed. JSON: "start", "task",
// "closer", "purpose", "circling", "drifting".
type Step uint8

// Steps.
const (
	StepStart    Step = iota // the job function the climb starts from
	StepTask                 // still about the task
	StepCloser               // names who benefits or an outcome, or scores better than before
	StepPurpose              // names who benefits and what changes for them
	StepCircling             // repeats an earlier rung
	StepDrifting             // drifts to internal measures
)

var stepNames = [...]string{"start", "task", "closer", "purpose", "circling", "drifting"}

// String returns the step's name.
func (s Step) String() string { return nameOf(stepNames[:], int(s), "step") }

// MarshalText encodes the step as its name.
func (s Step) MarshalText() ([]byte, error) { return marshalName(stepNames[:], int(s), "step") }

// UnmarshalText decodes a step name.
func (s *Step) UnmarshalText(b []byte) error {
	i, err := unmarshalName(stepNames[:], b, "step")
	*s = Step(i)
	return err
}

func nameOf(names []string, i int, what string) string {
	if i >= 0 && i < len(names) {
		return names[i]
	}
	return what + "(" + strconv.Itoa(i) + ")"
}

func marshalName(names []string, i int, what string) ([]byte, error) {
	if i < 0 || i >= len(names) {
		return nil, unknownName(what + " " + strconv.Itoa(i))
	}
	return []byte(names[i]), nil
}

func unmarshalName(names []string, b []byte, what string) (int, error) {
	for i, n := range names {
		if string(b) == n {
			return i, nil
		}
	}
	return 0, unknownName(what + " " + strconv.Quote(string(b)))
}
