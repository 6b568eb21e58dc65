package workshop

import "strconv"

// Phase is a step of the activity.
type Phase uint8

// The five steps, in order.
const (
	PhaseCourse   Phase = iota // set the course
	PhaseTeam                  // involve the team
	PhaseCreative              // get creative
	PhaseGold                  // mine for gold
	PhaseSummary               // the finished grid
)

// Phases lists every phase in order.
var Phases = []Phase{PhaseCourse, PhaseTeam, PhaseCreative, PhaseGold, PhaseSummary}

var phaseNames = [...]string{"course", "team", "creative", "gold", "summary"}
var phaseTitles = [...]string{"Set the course", "Involve the team", "Get creative", "Mine for gold", "Summary"}

func (p Phase) valid() bool { return int(p) < len(phaseNames) }

// String returns the JSON name of p ("course", "team", ...).
func (p Phase) String() string {
	if !p.valid() {
		return "Phase(" + strconv.Itoa(int(p)) + ")"
	}
	return phaseNames[p]
}

// Title returns the heading shown for p ("Set the course").
func (p Phase) Title() string {
	if !p.valid() {
		return p.String()
	}
	return phaseTitles[p]
}

// MarshalText encodes p as its name.
func (p Phase) MarshalText() ([]byte, error) {
	if !p.valid() {
		return nil, ErrBadPhase
	}
	return []byte(phaseNames[p]), nil
}

// UnmarshalText decodes a phase name.
func (p *Phase) UnmarshalText(b []byte) error {
	for i, n := range phaseNames {
		if n == string(b) {
			*p = Phase(i)
			return nil
		}
	}
	return detail(ErrBadPhase, strconv.Quote(string(b)))
}
