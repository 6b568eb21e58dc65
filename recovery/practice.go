package recovery

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/purposefulcx/purposeful/internal/prose"
)

// Scenario is a practice case: a customer's message in a setting, the
// situation behind it, and the rubric a reply is graded against.
type Scenario struct {
	ID        string      `json:"id"`
	Title     string      `json:"title"`
	Setting   string      `json:"setting"` // hotel, airline, retail, healthcare, contact centre
	Customer  string      `json:"customer"`
	Brief     string      `json:"brief"` // what the employee knows and may offer
	Situation Situation   `json:"situation"`
	Rubric    []Criterion `json:"rubric"`
}

// Criterion is one line of a rubric. Exactly one of Moves, Avoid and
// Mentions is set: the reply earns Points when it shows any of Moves,
// when it has none of the Avoid rule ids, or when it mentions any of the
// Mentions (words or phrases, matched without regard to case).
type Criterion struct {
	ID       string   `json:"id"`
	Text     string   `json:"text"`
	Points   int      `json:"points"`
	Moves    []Move   `json:"moves,omitempty"`
	Avoid    []string `json:"avoid,omitempty"`
	Mentions []string `json:"mentions,omitempty"`
}

// Feedback is the result of [Grade].
type Feedback struct {
	Scenario string `json:"scenario"`
	// Score is 0-100: up to 70 from the rubric, up to 30 from the review
	// score. Points holds the two parts, each with the figures a learner
	// can see (the rubric points, the review score); they add up to Score.
	Score  int           `json:"score"`
	Points []Point       `json:"points"`
	Rubric []RubricScore `json:"rubric"`
	Review *Report       `json:"review"`
	// Next is the most valuable thing to work on, in one sentence.
	Next string `json:"next,omitempty"`
}

// RubricScore is how a reply did on one criterion.
type RubricScore struct {
	Criterion string `json:"criterion"`
	Text      string `json:"text"`
	Met       bool   `json:"met"`
	Points    int    `json:"points"`
	Of        int    `json:"of"`
	Comment   string `json:"comment"`
}

// ErrUnknownScenario is wrapped by the error of [ScenarioByID] for an id
// that does not exist.
var ErrUnknownScenario = errors.New("recovery: unknown scenario")

// Scenarios returns the practice scenarios, mildest first within each
// setting.
func Scenarios() []Scenario {
	out := make([]Scenario, len(scenarios()))
	for i, sc := range scenarios() {
		out[i] = cloneScenario(sc)
	}
	return out
}

// ScenarioByID returns the scenario with the given id, or an error
// wrapping [ErrUnknownScenario].
func ScenarioByID(id string) (Scenario, error) {
	for _, sc := range scenarios() {
		if sc.ID == id {
			return cloneScenario(sc), nil
		}
	}
	return Scenario{}, fmt.Errorf("%w: %q", ErrUnknownScenario, id)
}

func cloneScenario(sc Scenario) Scenario {
	sc.Situation.Offers = slices.Clone(sc.Situation.Offers)
	sc.Situation.Times = slices.Clone(sc.Situation.Times)
	sc.Rubric = slices.Clone(sc.Rubric)
	return sc
}

// ErrBadRubric is wrapped by Grade's error for a scenario whose rubric
// has no points or a criterion that is not exactly one kind.
var ErrBadRubric = errors.New("recovery: invalid rubric")

// Validate checks a scenario's situation and rubric, naming the field of
// every problem.
func (sc *Scenario) Validate() error {
	var errs []error
	if err := sc.Situation.Validate(); err != nil {
		errs = append(errs, fmt.Errorf("situation: %w", err))
	}
	if len(sc.Rubric) == 0 {
		errs = append(errs, &FieldError{"rubric", fmt.Errorf("%w: empty", ErrBadRubric)})
	}
	for i, c := range sc.Rubric {
		kinds := 0
		for _, n := range []int{len(c.Moves), len(c.Avoid), len(c.Mentions)} {
			if n > 0 {
				kinds++
			}
		}
		field := fmt.Sprintf("rubric[%d]", i)
		if kinds != 1 {
			errs = append(errs, &FieldError{field, fmt.Errorf("%w: want exactly one of moves, avoid, mentions", ErrBadRubric)})
		}
		if c.Points <= 0 {
			errs = append(errs, &FieldError{field + ".points", fmt.Errorf("%w: must be positive", ErrBadRubric)})
		}
		for j, m := range c.Moves {
			if !m.Valid() {
				errs = append(errs, &FieldError{fmt.Sprintf("%s.moves[%d]", field, j), enumCheck(m, moveNames, "move")})
			}
		}
	}
	return errors.Join(errs...)
}

// Grade reviews a practice reply against the scenario and scores it on the
// scenario's rubric. The reply must be valid input for [Review].
func Grade(sc Scenario, reply string) (*Feedback, error) {
	if err := sc.Validate(); err != nil {
		return nil, err
	}
	rep, doc, err := reviewDraft(reply, &sc.Situation)
	if err != nil {
		return nil, err
	}
	words := " " + joinNorms(doc) + " "
	fb := &Feedback{Scenario: sc.ID, Review: rep}
	got, total := 0, 0
	for _, c := range sc.Rubric {
		rs := RubricScore{Criterion: c.ID, Text: c.Text, Of: c.Points}
		switch {
		case len(c.Moves) > 0:
			rs.Met = slices.ContainsFunc(c.Moves, rep.Found)
			names := make([]string, len(c.Moves))
			for i, m := range c.Moves {
				names[i] = m.Title()
			}
			if rs.Met {
				rs.Comment = "Done: " + strings.Join(names, " / ") + "."
			} else {
				rs.Comment = "Not found: " + strings.Join(names, " / ") + "."
			}
		case len(c.Avoid) > 0:
			rs.Met = !slices.ContainsFunc(c.Avoid, rep.Has)
			if rs.Met {
				rs.Comment = "Avoided."
			} else {
				for _, f := range rep.Findings {
					if slices.Contains(c.Avoid, f.Rule) {
						rs.Comment = fmt.Sprintf("Found %s: %q.", antiTitle(f.Rule), reply[f.Span.Start:f.Span.End])
						break
					}
				}
				if rs.Comment == "" {
					rs.Comment = "Found a problem this criterion rules out."
				}
			}
		default:
			rs.Met = slices.ContainsFunc(c.Mentions, func(m string) bool {
				return strings.Contains(words, " "+joinNorms(prose.Analyze(m))+" ")
			})
			if rs.Met {
				rs.Comment = "Mentioned."
			} else {
				rs.Comment = "Not mentioned; for example: " + c.Mentions[0] + "."
			}
		}
		if rs.Met {
			rs.Points = c.Points
			got += c.Points
		} else if fb.Next == "" {
			fb.Next = c.Text
		}
		total += c.Points
		fb.Rubric = append(fb.Rubric, rs)
	}
	rubricPart := int(math.Round(70 * float64(got) / float64(total)))
	reviewPart := int(math.Round(0.3 * float64(rep.Score)))
	fb.Score = rubricPart + reviewPart
	fb.Points = []Point{
		{rubricPart, fmt.Sprintf("Rubric: %d of %d points, worth %d of 70", got, total, rubricPart)},
		{reviewPart, fmt.Sprintf("Review of the reply: %d of 100, worth %d of 30", rep.Score, reviewPart)},
	}
	if fb.Next == "" && len(rep.Missing) > 0 {
		fb.Next = "Add the missing move: " + rep.Missing[0].Title() + "."
	}
	return fb, nil
}

// joinNorms joins the folded words of a text with single spaces.
func joinNorms(d *prose.Doc) string {
	var b strings.Builder
	for _, t := range d.Tokens {
		if !t.IsWord() {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Norm)
	}
	return b.String()
}
