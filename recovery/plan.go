package recovery

import (
	"slices"

	"github.com/purposefulcx/purposeful/internal/order"
)

// Guidance is the result of [Plan]: the moves to make, in order, each with
// phrases and the reason for it, and notes on the situation as a whole.
type Guidance struct {
	Situation Situation `json:"situation"`
	Steps     []Step    `json:"steps"`
	Notes     []string  `json:"notes,omitempty"`
	// WinBackUnlikely is set when the failure is severe or repeated: a
	// good recovery is still owed, but it will probably not restore the
	// customer's loyalty.
	WinBackUnlikely bool `json:"winBackUnlikely,omitempty"`
}

// Step is one move of a plan.
type Step struct {
	Move   Move   `json:"move"`
	Title  string `json:"title"`
	Reason string `json:"reason"`
	// Optional steps depend on how the conversation goes (ending a call
	// only if the abuse continues) or are worth doing but not essential.
	Optional bool         `json:"optional,omitempty"`
	Phrases  []Suggestion `json:"phrases"`
}

// Suggestion is a catalogue phrase prepared for a situation: the slots the
// situation fills are filled; the others stay in braces and are listed in
// Missing.
type Suggestion struct {
	ID      string   `json:"id"`
	Text    string   `json:"text"`
	Missing []string `json:"missing,omitempty"`
}

// Moves returns the moves of the plan in order.
func (g *Guidance) Moves() []Move {
	out := make([]Move, len(g.Steps))
	for i, s := range g.Steps {
		out[i] = s.Move
	}
	return out
}

// Step returns the step for move m.
func (g *Guidance) Step(m Move) (Step, bool) {
	for _, s := range g.Steps {
		if s.Move == m {
			return s, true
		}
	}
	return Step{}, false
}

// Plan returns the moves a recovery in situation s needs, in running order,
// each with one to three phrases from the catalogue for s.Language and the
// reason for the move. An invalid situation returns the errors of
// [Situation.Validate].
//
// The abuse path (State Abusive) protects the employee: name the
// behaviour, ask for it to stop, state the consequence, then end or
// escalate if it continues, and document it. Atonement grows with the
// severity, one step more for a repeat failure. Repeated or severe
// failures set WinBackUnlikely.
func Plan(s Situation) (*Guidance, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	return plan(&s), nil
}

// specs is a step before phrases are chosen.
type spec struct {
	move     Move
	reason   string
	optional bool
}

func plan(s *Situation) *Guidance {
	g := &Guidance{Situation: *s}
	specs := specsFor(s, nil)
	if s.State == Abusive {
		g.Notes = append(g.Notes,
			"You do not have to accept abuse. One clear warning is enough before you end the contact or hand it on.",
			"If you feel unsafe, leave at once and get help; the steps below are for language, not for threats of harm.",
			"Afterwards, tell your supervisor and take a short break before the next customer.")
	}
	slots := s.slots()
	cat := CatalogueFor(s.Language)
	for _, sp := range specs {
		g.Steps = append(g.Steps, Step{Move: sp.move, Title: sp.move.Title(), Reason: sp.reason, Optional: sp.optional, Phrases: cat.suggest(sp.move, s, slots, 3)})
	}
	if winBackUnlikely(s) {
		g.WinBackUnlikely = true
		g.Notes = append(g.Notes, "This recovery is unlikely to win the customer back: the failure is "+winBackReason(s)+". Aim for a fast, fair and dignified resolution, and put real effort into fixing the cause so the next customer is spared.")
	} else if s.State != Abusive && s.Severity <= Moderate && !s.Repeat {
		g.Notes = append(g.Notes, "A first, modest failure handled quickly and warmly can leave the customer more loyal than before; this is the moment to be generous.")
	}
	if s.CustomerName == "" {
		g.Notes = append(g.Notes, "Ask for the customer's name early and use it; phrases with {name} need it.")
	}
	return g
}

func winBackUnlikely(s *Situation) bool {
	return s.Severity == Severe || (s.Repeat && (s.Severity >= Major || s.State >= Angry))
}

func winBackReason(s *Situation) string {
	switch {
	case s.Severity == Severe && s.Repeat:
		return "severe and has happened before"
	case s.Severity == Severe:
		return "severe"
	case s.Severity >= Major:
		return "major and has happened before"
	}
	return "a repeat that has made the customer angry"
}

// atoneLevel is the size of atonement: the severity, one step more for a
// repeat failure.
func atoneLevel(s *Situation) Impact {
	l := s.Severity
	if s.Repeat && l < Severe {
		l++
	}
	return l
}

func boundarySpecs(s *Situation) []spec {
	end := "If the abuse continues after the warning, end the contact as you said you would."
	if s.Colleague != "" || s.CanEscalate {
		end = "If the abuse continues after the warning, pass the contact to a supervisor, as you said you would; ending it is also acceptable."
	}
	return []spec{
		{NameBehaviour, "Say calmly what the behaviour is, so the customer knows exactly what has to change; criticise the language, not the person.", false},
		{AskToStop, "Ask once for it to stop and make clear you still want to help; it gives the customer a way back.", false},
		{StateConsequence, "Say what you will do if it continues. A boundary without a consequence is only a request.", false},
		{Fix, "If the behaviour stops, go back to solving the problem as you would for any upset customer.", true},
		{EndOrEscalate, end, true},
		{Document, "Write down what was said and what you did, the same day. The record protects you and lets the organisation act.", false},
	}
}

// recoverySpecs appends the moves of the recovery path to out[:0] (made
// when it has no room) in running order.
func recoverySpecs(s *Situation, out []spec) []spec {
	if cap(out) < int(numMoves) {
		out = make([]spec, 0, numMoves)
	}
	out = out[:0]
	add := func(m Move, reason string, optional bool) { out = append(out, spec{m, reason, optional}) }
	ours := s.Cause == OurError || s.Cause == ThirdParty || s.Cause == CauseUnknown
	disputed := s.Cause == PolicyLimit || s.Cause == Misunderstanding

	if s.State >= Angry {
		add(Listen, "An angry customer has to be heard out before any solution can land; interrupting restarts the anger.", false)
	} else {
		add(Listen, "Hear the whole story before acting, so you fix the right problem.", false)
	}
	add(Paraphrase, "Saying the problem back shows you listened and catches misunderstandings before you act.", false)
	switch s.State {
	case Angry:
		add(Acknowledge, "Name the anger and accept it is reasonable; a feeling that is recognised cools, one that is ignored grows.", false)
	case Upset:
		add(Acknowledge, "Recognise how upsetting it was before moving to the fix.", false)
	default:
		add(Acknowledge, "Recognise the disappointment so the customer knows it registered.", false)
	}
	if s.Cause == CauseUnknown || s.Cause == Misunderstanding || s.Repeat {
		add(Believe, "Take the customer's account as true while you check; doubting an honest customer turns a complaint into a grievance.", false)
	}
	add(Thank, "Thank them for raising it: a complaint is a chance to keep a customer who could have left in silence.", s.State >= Angry)
	switch s.Cause {
	case OurError:
		add(Apologise, "The failure is ours: apologise in the first person, plainly, with no 'if' and no excuses.", false)
	case ThirdParty:
		add(Apologise, "A partner failed, but the customer dealt with you: apologise without passing the blame on.", false)
	case PolicyLimit:
		add(Apologise, "Apologise for the disappointment, not for the policy, and without suggesting the customer is at fault.", false)
	case Misunderstanding:
		add(Apologise, "Apologise that it was unclear; never imply the customer should have known better.", false)
	default:
		add(Apologise, "Apologise for what the customer went through while you find out what went wrong.", false)
	}
	if ours || s.Repeat {
		add(Own, "Make it yours to solve; the customer wants one person who will see it through.", false)
	}
	if s.Severity >= Moderate && s.Cause != PolicyLimit {
		add(AskFair, "Ask what would feel fair; customers often ask for less than you would offer, and a remedy they chose feels right.", true)
	}
	if s.Cause != PolicyLimit {
		add(Fix, "Solve the immediate problem now; speed is part of the remedy.", false)
	}
	if disputed || len(s.Offers) > 0 {
		if s.Cause == PolicyLimit {
			add(Offer, "A policy stops the request, so lead with what you can do and the alternatives within the policy.", false)
		} else {
			add(Offer, "Say what you can do, with a real alternative, so the conversation moves toward a solution.", false)
		}
	}
	if disputed {
		add(Explain, "Explain the decision after you have acted or offered, so it reads as a reason and not as an excuse.", false)
		if s.State >= Upset {
			add(AgreeToDiffer, "You do not have to win the argument: say you see it differently, that you will think about their view, and solve the immediate problem.", true)
		}
	}
	if s.Cause == CauseUnknown || s.Severity >= Major || s.Repeat || len(s.Times) > 0 {
		add(CommitTime, "Commit to a specific time for the next step and offer a choice of times; 'soon' is a promise the customer will hold you to.", false)
	}
	if s.Severity >= Moderate || s.Repeat || s.Cause == OurError {
		add(Atone, atoneReason(atoneLevel(s)), s.Severity == Minor && !s.Repeat)
	}
	if s.Colleague != "" || s.CanEscalate {
		if s.Severity >= Major || s.Repeat || (s.Cause == PolicyLimit && s.State >= Angry) {
			add(HandOver, "Someone with more authority may do better; hand over with the whole story so the customer need not repeat it.", s.Severity < Severe)
		}
	}
	if ours {
		add(Prevent, "Check what else this failure will break and fix it before the customer finds it.", true)
	}
	if s.State == Disappointed || s.Severity == Minor {
		add(WelcomeFeedback, "Say that feedback, good or bad, is welcome; it makes complaining feel useful.", true)
	}
	if s.Severity >= Moderate || s.Repeat {
		add(FollowUp, "Check back later that the fix held; the follow-up is when most customers decide the recovery was real.", false)
	}
	if ours || s.Repeat {
		add(RecordCause, "Record the root cause so the same failure does not reach the next customer.", false)
	}
	// A stable insertion sort by move: the moves are added nearly in
	// order, and it needs no memory.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].move < out[j-1].move; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func atoneReason(l Impact) string {
	switch l {
	case Minor:
		return "A small gesture is enough for a minor slip; the apology and the speed of the fix matter more."
	case Moderate:
		return "The failure cost the customer time or money: offer a gesture on top of the fix, in proportion."
	case Major:
		return "A major failure needs a meaningful gesture along with the fix; a token would insult."
	}
	return "A severe failure needs substantial atonement and a personal contact from a manager, along with the fix."
}

// suggest returns up to n phrases for move m in situation s: phrases that
// suit the channel and the situation, ranked by [Catalogue.rank]; catalogue
// order breaks ties.
func (c *Catalogue) suggest(m Move, s *Situation, slots Slots, n int) []Suggestion {
	type cand struct{ i, rank int }
	if !m.Valid() {
		return nil
	}
	var buf [16]cand
	cands := buf[:0]
	for _, strict := range []bool{true, false} {
		for _, i := range c.byMove[m] {
			if r := c.rank(int(i), m, s, slots, strict); r >= 0 {
				cands = append(cands, cand{int(i), r})
			}
		}
		if len(cands) > 0 {
			break
		}
	}
	order.Stable(cands, func(a, b cand) int { return a.rank - b.rank })
	out := make([]Suggestion, 0, min(n, len(cands)))
	for _, cd := range cands[:min(n, len(cands))] {
		out = append(out, c.prepare(&c.phrases[cd.i], slots))
	}
	return out
}

// best returns the index of the best phrase for move m, or -1.
func (c *Catalogue) best(m Move, s *Situation, slots Slots) int {
	if !m.Valid() {
		return -1
	}
	for _, strict := range []bool{true, false} {
		best, bestRank := -1, 1<<30
		for _, i := range c.byMove[m] {
			if r := c.rank(int(i), m, s, slots, strict); r >= 0 && r < bestRank {
				best, bestRank = int(i), r
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}

// rank scores phrase i for move m in situation s, lower is better, or -1
// when it does not fit: those the situation can fill come first, then
// those whose main move is m, then those written for this kind of
// situation, then those with slots (more personal). With strict set, the
// phrase must suit the situation's channel.
func (c *Catalogue) rank(i int, m Move, s *Situation, slots Slots, strict bool) int {
	p := &c.phrases[i]
	if !p.suitsSituation(s) || (strict && !p.Suits(s.Channel)) {
		return -1
	}
	rank := 0
	if !p.fillable(slots) {
		rank += 8
	}
	if p.Moves[0] != m {
		rank += 4
	}
	if !p.specificTo(s) {
		rank += 2
	}
	if len(p.Slots) == 0 {
		rank++
	}
	return rank
}

func (c *Catalogue) prepare(p *Phrase, slots Slots) Suggestion {
	sg := Suggestion{ID: p.ID, Text: fill(p.Text, slots, true)}
	for _, name := range p.Slots {
		if slots[name] == "" && !slices.Contains(sg.Missing, name) {
			sg.Missing = append(sg.Missing, name)
		}
	}
	return sg
}

// suitsSituation reports whether the phrase fits the situation apart from
// the channel: its cause, severity and repeat conditions, and boundary
// phrases only for abuse.
func (p *Phrase) suitsSituation(s *Situation) bool {
	if len(p.Causes) > 0 && !slices.Contains(p.Causes, s.Cause) {
		return false
	}
	if len(p.Severities) > 0 && !slices.Contains(p.Severities, atoneLevel(s)) {
		return false
	}
	if p.RepeatOnly && !s.Repeat {
		return false
	}
	if p.Intent == SetBoundary && s.State != Abusive {
		return false
	}
	return true
}

// specificTo reports whether the phrase was written for situations like s:
// it names the cause, is for repeat failures, or its atonement starts at
// exactly this size.
func (p *Phrase) specificTo(s *Situation) bool {
	if len(p.Severities) > 0 {
		return p.Severities[0] == atoneLevel(s)
	}
	return len(p.Causes) > 0 || p.RepeatOnly
}
