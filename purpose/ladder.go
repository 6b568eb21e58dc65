package purpose

import (
	"errors"
	"strconv"
	"strings"

	"github.com/purposefulcx/purposeful/internal/prose"
)

// DefaultLadderDepth is how many answers a [Ladder] reads when MaxDepth is
// zero.
const DefaultLadderDepth = 5

// circlingSimilarity is the share of content words two rungs must have in
// common for the later one to count as going round in circles.
const circlingSimilarity = 0.5

// ErrLadderDepth is returned by [Ladder.Climb] when more answers are given
// than the ladder's depth allows.
var ErrLadderDepth = errors.New("purpose: more answers than the ladder allows")

// Ladder is the revelation ladder: it starts from a job function ("load
// bags onto the aircraft") and asks, rung by rung, why that matters to the
// customer, until an answer names who benefits and what changes for them.
// The zero value works.
type Ladder struct {
	// Customer is who the question asks about ("the traveller"). Default:
	// the beneficiary the function names, else one guessed from its words
	// ("aircraft": travellers), else "the customer".
	Customer string `json:"customer,omitempty"`
	// MaxDepth is the most answers read. Default DefaultLadderDepth.
	MaxDepth int `json:"maxDepth,omitempty"`
}

// Climb is the state of a ladder after some answers: every rung with its
// analysis, where the climb stands, and the next question to ask ("" when
// the climb is over).
type Climb struct {
	Rungs   []Rung     `json:"rungs"`
	State   ClimbState `json:"state"`
	Next    string     `json:"next,omitempty"`
	Purpose string     `json:"purpose,omitempty"` // the answer that reached a purpose
	Depth   int        `json:"depth"`             // answers read
	Max     int        `json:"max"`               // the ladder's depth
}

// Rung is one step of a climb: the question it answers (empty for the
// function itself), the text, its analysis, and what the step showed.
type Rung struct {
	Question string    `json:"question,omitempty"`
	Text     string    `json:"text"`
	Step     Step      `json:"step"`
	Note     string    `json:"note"`
	Analysis *Analysis `json:"analysis"`
}

// Climb reads a job function and the answers given so far, one per "why
// does that matter?" question. It analyses each answer and says whether it
// reached a purpose (a beneficiary and an outcome for them, not a task),
// came closer, stayed a task, went round in circles (repeating an earlier
// rung) or drifted to internal measures. Answers after a purpose is
// reached are ignored. More than MaxDepth answers is [ErrLadderDepth];
// unreadable text is an [*InputError] naming the rung.
func (l Ladder) Climb(function string, answers ...string) (*Climb, error) {
	depth := l.MaxDepth
	if depth <= 0 {
		depth = DefaultLadderDepth
	}
	if len(answers) > depth {
		return nil, wrap(ErrLadderDepth.Error()+": "+strconv.Itoa(len(answers))+" answers, the depth is "+strconv.Itoa(depth), ErrLadderDepth)
	}
	doc, err := prose.Parse(function)
	if err != nil {
		return nil, wrap("function: "+err.Error(), err)
	}
	start := analyzeDoc(doc)
	who := l.Customer
	if who == "" {
		who = customerOf(doc, start)
	}
	c := &Climb{Max: depth, State: ClimbClimbing}
	c.Rungs = append(c.Rungs, Rung{Text: function, Step: StepStart, Analysis: start, Note: startNote(start)})
	if isReached(doc, start) {
		c.State, c.Purpose = ClimbReached, function
		c.Rungs[0].Note = "this already names who benefits and what changes for them"
		return c, nil
	}
	terms := [][]string{doc.Terms()}
	question := "Why does that matter to " + who + "?"
	for i, ans := range answers {
		d, err := prose.Parse(ans)
		if err != nil {
			return nil, wrap("answers["+strconv.Itoa(i)+"]: "+err.Error(), err)
		}
		a := analyzeDoc(d)
		r := Rung{Question: question, Text: ans, Analysis: a}
		t := d.Terms()
		c.Depth = i + 1
		switch {
		case isReached(d, a):
			r.Step, r.Note = StepPurpose, "names who benefits and what changes for them: a purpose"
			c.State, c.Purpose = ClimbReached, ans
		case a.Verdict == VerdictInternal:
			r.Step, r.Note = StepDrifting, "drifts to internal measures ("+quoteTerms(a.Internal)+")"
			c.State = ClimbDrifting
			question = "That is a measure the organisation watches. What " + doOrDoes(who) + " " + who + " gain when it goes well?"
		case circles(t, terms):
			r.Step, r.Note = StepCircling, "says again what an earlier rung said"
			c.State = ClimbCircling
			question = "That repeats an earlier answer. What would go wrong for " + who + " if it were not done?"
		case len(a.Beneficiaries) > 0 || len(a.Outcomes) > 0:
			r.Step, r.Note = StepCloser, closerNote(a)
			c.State = ClimbClimbing
			question = "Why does that matter to " + who + "?"
		default:
			r.Step, r.Note = StepTask, "is still about the task, not the person"
			c.State = ClimbClimbing
			question = "That is still the task. Why does it matter to " + who + "?"
		}
		terms = append(terms, t)
		c.Rungs = append(c.Rungs, r)
		if c.State == ClimbReached {
			return c, nil
		}
	}
	if c.Depth >= depth {
		c.State = ClimbExhausted
		return c, nil
	}
	c.Next = question
	return c, nil
}

// isReached reports whether a rung states a purpose: the verdict is
// purpose and it names who benefits (a pronoun counts, since the question
// named them) and an outcome.
func isReached(d *prose.Doc, a *Analysis) bool {
	return a.Verdict == VerdictPurpose && len(a.Outcomes) > 0 && (len(a.Beneficiaries) > 0 || mentionsThem(d))
}

// circles reports whether t shares most of its content words with an
// earlier rung.
func circles(t []string, earlier [][]string) bool {
	for _, e := range earlier {
		if prose.Similarity(t, e) >= circlingSimilarity {
			return true
		}
	}
	return false
}

// customerOf names who the ladder's questions ask about.
func customerOf(doc *prose.Doc, a *Analysis) string {
	if len(a.Beneficiaries) > 0 {
		return "the " + a.Beneficiaries[0].Group
	}
	if who := a.guessBeneficiary(doc); who != "" {
		return who
	}
	return "the customer"
}

func startNote(a *Analysis) string {
	switch a.Verdict {
	case VerdictInternal:
		return "the starting point is an internal measure; ask what the customer gains"
	case VerdictPurpose:
		return "the starting point already leans towards a purpose; sharpen who benefits"
	}
	return "the job function: what is done"
}

func closerNote(a *Analysis) string {
	switch {
	case len(a.Beneficiaries) > 0 && len(a.Outcomes) == 0:
		return "closer: names who benefits (" + quoteTerms(a.Beneficiaries) + ") but not yet what changes for them"
	case len(a.Outcomes) > 0:
		return "closer: names an outcome (" + quoteTerms(a.Outcomes) + ") but not yet for whom"
	}
	return "closer"
}

// doOrDoes agrees the verb with who: "the traveller" does, "travellers" do.
func doOrDoes(who string) string {
	if strings.HasPrefix(who, "the ") {
		return "does"
	}
	return "do"
}
