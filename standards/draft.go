package standards

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/internal/prose"
)

// DraftStandard is a standard drafted from a grid item, with what is still
// missing before it can be published.
type DraftStandard struct {
	Standard Standard `json:"standard"`
	// Item is the id of the grid item it came from.
	Item string `json:"item"`
	// Missing lists what a person still has to write or decide.
	Missing []Gap `json:"missing"`
	// Findings are the linter's findings on the draft.
	Findings []LintFinding `json:"findings,omitempty"`
}

// Gap is one thing a draft still lacks: the field and what to do.
type Gap struct {
	Field  string `json:"field"`
	Reason string `json:"reason"`
}

// DraftSettings tunes [DraftFromGrid]. The zero value works.
type DraftSettings struct {
	// CodePrefix starts every code ("FD-CI" gives "FD-CI-01"). Default:
	// the initials of the position and of the process ("Front-desk
	// agent", "Guest check-in" give "FDA-GCI").
	CodePrefix string
	// Priorities is the organisation's ordered priority list; when set, a
	// draft without a priority has it flagged as missing.
	Priorities []string
	// Lint tunes the findings; its Purpose defaults to the grid's.
	Lint LintSettings
}

// DraftFromGrid turns every adopted purposeful item of g, in rank order,
// into a draft standard: the item's text becomes the statement, its kind
// the class, the grid's position and process are copied, and the
// rationale is drawn from the grid's purpose. A number with a unit in the
// statement ("within 30 seconds") becomes a threshold method; otherwise
// the method is yes/no. Every draft flags what is still missing (when to
// deviate, a rationale specific to the behaviour, the step, the priority)
// and carries its lint findings. A grid that fails its own validation is
// an error; a grid with no adopted item gives no drafts and no error.
func DraftFromGrid(g *grid.Grid, set DraftSettings) ([]DraftStandard, error) {
	if g == nil {
		return nil, fieldErr("grid", ErrMissing, "")
	}
	if err := g.Validate(); err != nil {
		return nil, fmt.Errorf("standards: grid: %w", err)
	}
	prefix := set.CodePrefix
	if prefix == "" {
		prefix = initials(g.Position) + "-" + initials(g.Process)
	}
	if set.Lint.Purpose == "" {
		set.Lint.Purpose = g.Purpose
	}
	l := NewLinter(set.Lint)
	purpose := strings.TrimRight(strings.TrimSpace(g.Purpose), ".")
	var out []DraftStandard
	for n, it := range g.Adopted() {
		s := Standard{
			ID:        it.ID,
			Code:      fmt.Sprintf("%s-%02d", prefix, n+1),
			Position:  g.Position,
			Process:   g.Process,
			Statement: strings.TrimSpace(it.Text),
			Rationale: purpose + ".",
			Class:     classOf(it.Kind),
			Version:   1,
			Status:    Draft,
		}
		d := prose.Analyze(s.Statement)
		for _, q := range d.Quantities {
			if q.Dimension != prose.Percent && q.Dimension != prose.Money {
				s.Method = Method{Kind: Threshold, Value: q.Value, Unit: q.Unit}
				break
			}
		}
		dr := DraftStandard{Standard: s, Item: it.ID}
		dr.Missing = append(dr.Missing,
			Gap{"step", "name the step of the process where it happens"},
			Gap{"rationale", "the rationale is the role's purpose; say how this behaviour serves it"},
			Gap{"deviation", "say when deviating from it is right"})
		if s.Method.Kind == YesNo {
			dr.Missing = append(dr.Missing, Gap{"method", "observed yes/no; add a threshold with a number and unit if it has one"})
		}
		if len(set.Priorities) > 0 {
			dr.Missing = append(dr.Missing, Gap{"priority", fmt.Sprintf("choose one of %s", strings.Join(set.Priorities, ", "))})
		}
		dr.Findings = l.Lint(&dr.Standard)
		out = append(out, dr)
	}
	return out, nil
}

func classOf(k grid.Kind) Class {
	switch k {
	case grid.Knowledge:
		return Knowledge
	case grid.Skill:
		return Skill
	case grid.Behaviour:
		return Behaviour
	}
	return Action
}

// initials returns the upper-case first letters of the words of s
// ("Front-desk agent" -> "FDA").
func initials(s string) string {
	var b strings.Builder
	prev := false
	for _, r := range s {
		letter := unicode.IsLetter(r) || unicode.IsDigit(r)
		if letter && !prev {
			b.WriteRune(unicode.ToUpper(r))
		}
		prev = letter
	}
	if b.Len() == 0 {
		return "STD"
	}
	return b.String()
}
