package purpose

import (
	"errors"
	"math"
	"slices"
	"strconv"
)

// Level is one of the six levels of the purpose-centred customer service
// model (Gifford, after McCarthy), numbered from the foundation up. Poor
// service that shows at one level traces back through the levels beneath
// it. JSON: "significance", "strategy", "staff", "systems", "success",
// "customers"; the zero value LevelNone is "".
type Level uint8

// Levels, from the foundation up.
const (
	LevelNone    Level = iota
	Significance       // each person knows their contribution matters; personal and business purpose line up
	Strategy           // purpose, vision, missions and values are known and lived, with an aligned plan for each person
	Staff              // the right people, with an owner's mindset, belonging, motivation and mastery
	Systems            // written service policies, procedures and quality criteria, taught and reviewed
	Success            // success measured on several criteria, not one KPI
	Customers          // everyone knows customers' needs, why they buy and who future customers could be
)

var levelNames = [...]string{"", "significance", "strategy", "staff", "systems", "success", "customers"}

// Levels lists the six levels from the foundation up.
func Levels() []Level { return []Level{Significance, Strategy, Staff, Systems, Success, Customers} }

// String returns the level's name.
func (l Level) String() string { return nameOf(levelNames[:], int(l), "level") }

// MarshalText encodes the level as its name.
func (l Level) MarshalText() ([]byte, error) { return marshalName(levelNames[:], int(l), "level") }

// UnmarshalText decodes a level name.
func (l *Level) UnmarshalText(b []byte) error {
	i, err := unmarshalName(levelNames[:], b, "level")
	*l = Level(i)
	return err
}

// Question is one statement of the diagnostic, answered on a 1 (strongly
// disagree) to 5 (strongly agree) scale.
type Question struct {
	ID    string `json:"id"`
	Level Level  `json:"level"`
	Text  string `json:"text"`
}

var diagnosticQuestions = []Question{
	{"significance-1", Significance, "People here can say how their own work makes a difference to customers."},
	{"significance-2", Significance, "Each person's own goals fit with what the business is trying to achieve."},
	{"significance-3", Significance, "Staff feel that what they do every day matters to someone."},
	{"significance-4", Significance, "Managers regularly show people the effect their work has on customers."},
	{"strategy-1", Strategy, "Everyone can state the organisation's purpose in their own words."},
	{"strategy-2", Strategy, "The vision, missions and values come up in team meetings, not only on posters."},
	{"strategy-3", Strategy, "Each person has a plan for their own work that lines up with the organisation's purpose."},
	{"strategy-4", Strategy, "Decisions are explained by pointing to the purpose and values."},
	{"staff-1", Staff, "We hire people whose values fit the way we want customers treated."},
	{"staff-2", Staff, "Staff act like owners: they fix problems without waiting to be told."},
	{"staff-3", Staff, "People feel they belong to the team and are proud of it."},
	{"staff-4", Staff, "Everyone gets time and support to become better at their job."},
	{"systems-1", Systems, "Customer-service policies and procedures are written down and easy to find."},
	{"systems-2", Systems, "Each process has clear steps and a description of what good looks like."},
	{"systems-3", Systems, "New starters learn the service standards during induction."},
	{"systems-4", Systems, "Procedures are reviewed and updated when customers' needs change."},
	{"success-1", Success, "We judge success on several measures, not on one number."},
	{"success-2", Success, "Service, staff morale and quality are tracked next to the financial results."},
	{"success-3", Success, "Results are shared with the whole team and acted on."},
	{"success-4", Success, "We know how we compare with competitors on what customers value."},
	{"customers-1", Customers, "Everyone knows what our customers need and expect."},
	{"customers-2", Customers, "Staff can explain why customers choose us over someone else."},
	{"customers-3", Customers, "We know who our future customers could be and what they will want."},
	{"customers-4", Customers, "Customer feedback reaches the people who can act on it."},
}

// levelAdvice says where to start when a level is the root of the trouble.
var levelAdvice = [...]string{
	Significance: "Start with meaning: show each person, with real examples, how their work changes things for customers, and help them line up their own goals with the business's purpose.",
	Strategy:     "Make the purpose, vision and values part of daily talk: a short weekly huddle about the purpose alone, and a personal plan for each person that serves it.",
	Staff:        "Look at who you hire and how you grow them: hire for values, give people authority to act like owners, and make time for learning.",
	Systems:      "Write down the service standards for each process with the reason behind each one, teach them at induction and review them on a schedule.",
	Success:      "Measure more than one number: add customer service, staff morale and quality to the financial figures, and share the results with the team.",
	Customers:    "Bring customers into the room: share feedback with the people who can act on it, and talk about why customers buy and who they will be next.",
}

// Questions returns the diagnostic's questions, four per level, from the
// foundation up. The result is a fresh copy.
func Questions() []Question { return slices.Clone(diagnosticQuestions) }

// DiagnosticVersion is the version of the stored diagnostic document.
const DiagnosticVersion = "purposeful.diagnostic/v1"

// DefaultThreshold is the level score under which a level needs work,
// used when Diagnostic.Threshold is zero.
const DefaultThreshold = 3.5

// Diagnostic is a set of answers to the six-level diagnostic. Answers maps
// question ids (see [Questions]) to a value from 1 (strongly disagree) to
// 5 (strongly agree); unanswered questions are left out.
type Diagnostic struct {
	// Version is DiagnosticVersion; empty is accepted as the current one.
	Version string         `json:"version"`
	Answers map[string]int `json:"answers"`
	// Threshold is the level score, 1 to 5, under which a level needs
	// work. Default DefaultThreshold.
	Threshold float64 `json:"threshold,omitempty"`
}

// ErrNoAnswers is returned (inside a Validate error) by a diagnostic with
// no answers.
var ErrNoAnswers = errors.New("purpose: no answers")

// Validate reports every problem at once, each naming its field:
// answers["staff-9"]: unknown question; answers["staff-1"]: 7 is outside
// 1-5; threshold; version. Every error wraps [ErrInvalid].
func (d Diagnostic) Validate() error {
	var errs []error
	bad := func(what string) { errs = append(errs, invalid(what, nil)) }
	if d.Version != "" && d.Version != DiagnosticVersion {
		bad("version: " + strconv.Quote(d.Version) + " is not " + strconv.Quote(DiagnosticVersion))
	}
	if d.Threshold != 0 && (d.Threshold < 1 || d.Threshold > 5 || math.IsNaN(d.Threshold)) {
		bad("threshold: " + strconv.FormatFloat(d.Threshold, 'g', -1, 64) + " is outside 1-5")
	}
	if len(d.Answers) == 0 {
		errs = append(errs, invalid("answers", ErrNoAnswers))
	}
	ids := make([]string, 0, len(d.Answers))
	for id := range d.Answers {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if !slices.ContainsFunc(diagnosticQuestions, func(q Question) bool { return q.ID == id }) {
			bad("answers[" + strconv.Quote(id) + "]: unknown question")
			continue
		}
		if v := d.Answers[id]; v < 1 || v > 5 {
			bad("answers[" + strconv.Quote(id) + "]: " + strconv.Itoa(v) + " is outside 1-5")
		}
	}
	return errors.Join(errs...)
}

// DecodeDiagnostic decodes a diagnostic from JSON strictly: unknown
// fields, a key given twice or in another case ("Version"), data after
// the document and a wrong version are errors. It does not validate
// answers; [Diagnostic.Evaluate] does.
func DecodeDiagnostic(data []byte) (Diagnostic, error) {
	var d Diagnostic
	if err := decodeDiagnosticJSON(data, &d); err != nil {
		return Diagnostic{}, invalid("diagnostic", err)
	}
	if d.Version != DiagnosticVersion {
		return Diagnostic{}, invalid("version: "+strconv.Quote(d.Version)+" is not "+strconv.Quote(DiagnosticVersion), nil)
	}
	return d, nil
}

// LevelScore is the result of one level: the mean answer (1-5, 0 when
// nothing was answered), the same as a percentage (1 is 0%, 5 is 100%),
// how many of its questions were answered, and whether it is under the
// threshold.
type LevelScore struct {
	Level     Level   `json:"level"`
	Score     float64 `json:"score"`
	Percent   int     `json:"percent"`
	Answered  int     `json:"answered"`
	Questions int     `json:"questions"`
	Below     bool    `json:"below"`
}

// DiagnosticReport is the result of a diagnostic: a score per level from
// the foundation up, the root level (the lowest level under the
// threshold, LevelNone when every answered level is at or above it),
// what to do about it, and the weaker levels above the root that it may
// explain.
type DiagnosticReport struct {
	Version   string       `json:"version"`
	Threshold float64      `json:"threshold"`
	Levels    []LevelScore `json:"levels"`
	Root      Level        `json:"root"`
	Advice    string       `json:"advice,omitempty"`
	Above     []Level      `json:"above,omitempty"` // levels above the root that are also under the threshold
	Complete  bool         `json:"complete"`        // every question answered
}

// Evaluate validates d and scores it: the mean answer per level and the
// root level, the lowest level under the threshold, because service
// problems that show higher up trace back through the levels beneath.
func (d Diagnostic) Evaluate() (*DiagnosticReport, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	th := d.Threshold
	if th == 0 {
		th = DefaultThreshold
	}
	r := &DiagnosticReport{Version: DiagnosticVersion, Threshold: th, Complete: len(d.Answers) == len(diagnosticQuestions)}
	for _, l := range Levels() {
		ls := LevelScore{Level: l}
		sum := 0
		for _, q := range diagnosticQuestions {
			if q.Level != l {
				continue
			}
			ls.Questions++
			if v, ok := d.Answers[q.ID]; ok {
				ls.Answered++
				sum += v
			}
		}
		if ls.Answered > 0 {
			ls.Score = math.Round(float64(sum)/float64(ls.Answered)*100) / 100
			ls.Percent = int(math.Round((ls.Score - 1) / 4 * 100))
			ls.Below = ls.Score < th
		}
		if ls.Below {
			if r.Root == LevelNone {
				r.Root = l
			} else {
				r.Above = append(r.Above, l)
			}
		}
		r.Levels = append(r.Levels, ls)
	}
	if r.Root != LevelNone {
		r.Advice = levelAdvice[r.Root]
	}
	return r, nil
}
