package grid

import (
	"math"
	"slices"
	"time"

	"github.com/purposefulcx/purposeful/internal/order"
)

// ViewVersion is the version of a [View] document.
const ViewVersion = "purposeful.session-view/v1"

// View is a session as one member may see it: what the page renders.
// Every name follows the anonymity setting, other people's private ideas
// are counted but not shown, and vote totals are hidden while voting is
// open.
type View struct {
	Version  string     `json:"version"`
	Step     Step       `json:"step"`
	You      Member     `json:"you"`
	Settings Settings   `json:"settings"`
	Course   Course     `json:"course"`
	Members  []Member   `json:"members"`
	Items    []ItemView `json:"items"`
	// PrivateIdeas counts the ideas of others not yet revealed.
	PrivateIdeas int        `json:"privateIdeas"`
	Timer        TimerView  `json:"timer"`
	Voting       VotingView `json:"voting"`
	// Events is the number of events applied: the cursor for
	// [Session.EventsFor].
	Events int `json:"events"`
}

// Member is a member of a session as the viewer may see them. ID is shown
// to the facilitator (to enter ideas on someone's behalf) and to the
// member themselves; Name follows the anonymity setting: empty when
// anonymous, "Participant 3" with aliases, the display name when named.
type Member struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	Role Role   `json:"role"`
	You  bool   `json:"you,omitempty"`
}

// ItemView is an item as the viewer may see it.
type ItemView struct {
	ID         string     `json:"id"`
	Column     Column     `json:"column"`
	Kind       Kind       `json:"kind,omitempty"`
	Text       string     `json:"text"`
	Author     string     `json:"author,omitempty"` // as anonymity allows
	Mine       bool       `json:"mine,omitempty"`   // the viewer wrote it or entered it
	Private    bool       `json:"private,omitempty"`
	Hidden     bool       `json:"hidden,omitempty"` // only the facilitator sees hidden items
	MergedInto string     `json:"mergedInto,omitempty"`
	Evidence   []Evidence `json:"evidence,omitempty"`
	Tags       []Tag      `json:"tags,omitempty"`
	Notes      string     `json:"notes,omitempty"`
	Status     Status     `json:"status"`
	// Votes is the total of dots; nil while voting is open.
	Votes   *int   `json:"votes,omitempty"`
	MyVotes int    `json:"myVotes,omitempty"`
	Score   *Score `json:"score,omitempty"` // the group's mean
	MyScore *Score `json:"myScore,omitempty"`
	Cost    Cost   `json:"cost,omitempty"`
	Routine *bool  `json:"routine,omitempty"`
	// Hint is what Classify makes of the text, in the team and create
	// steps.
	Hint *Hint `json:"hint,omitempty"`
}

// TimerView is the research time-box at the viewer's now.
type TimerView struct {
	Started          bool       `json:"started"`
	Running          bool       `json:"running"`
	Seconds          int        `json:"seconds"`          // the whole time-box
	RemainingSeconds int        `json:"remainingSeconds"` // what is left at now
	EndsAt           *time.Time `json:"endsAt,omitempty"` // when running
}

// VotingView is the state of dot voting for the viewer.
type VotingView struct {
	Open    bool `json:"open"`
	Closed  bool `json:"closed"`
	Dots    int  `json:"dots"`    // per person
	PerItem int  `json:"perItem"` // per person per item
	Used    int  `json:"used"`    // the viewer's dots used
	Cast    int  `json:"cast"`    // dots cast by everyone
}

// handle is how member id is named to others under the anonymity setting.
func (st *state) handle(id string) string {
	m, ok := st.members[id]
	if !ok {
		return ""
	}
	switch st.settings.Anonymity {
	case Named:
		if m.name != "" {
			return m.name
		}
		fallthrough
	case Alias:
		if m.role == Facilitator {
			return "Facilitator"
		}
		return fmtf("Participant %d", m.number)
	}
	return ""
}

func (it *sitem) visibleTo(viewer string, fac bool) bool {
	if it.hidden && !fac {
		return false
	}
	return it.revealed || it.author == viewer || it.enteredBy == viewer
}

// View returns the session as member viewer sees it at time now (used only
// for the timer). It is [ErrNotMember] if viewer has not joined.
func (s *Session) View(viewer string, now time.Time) (*View, error) {
	st := &s.st
	me, ok := st.members[viewer]
	if !ok {
		return nil, fieldErrf("viewer", ErrNotMember, "%q", viewer)
	}
	fac := me.role == Facilitator
	v := &View{Version: ViewVersion, Step: st.step, Settings: st.settings, Events: len(s.events), Items: []ItemView{}}
	v.Settings.Dots, v.Settings.PerItem, v.Settings.ResearchSeconds = st.settings.dots(), st.settings.perItem(), int(st.settings.research()/time.Second)
	v.Course = st.course
	v.Course.Values, v.Course.KPIs = slices.Clone(st.course.Values), slices.Clone(st.course.KPIs)
	v.You = Member{ID: viewer, Name: st.handle(viewer), Role: me.role, You: true}
	for _, id := range st.memberOrder {
		m := st.members[id]
		mv := Member{Name: st.handle(id), Role: m.role, You: id == viewer}
		if fac || id == viewer {
			mv.ID = id
		}
		v.Members = append(v.Members, mv)
	}
	for _, id := range st.itemOrder {
		it := st.items[id]
		if !it.visibleTo(viewer, fac) {
			if !it.hidden && !it.revealed {
				v.PrivateIdeas++
			}
			continue
		}
		iv := ItemView{
			ID: it.ID, Column: it.column, Kind: it.Kind, Text: it.Text, Author: st.handle(it.author),
			Mine: it.author == viewer || it.enteredBy == viewer, Private: !it.revealed, Hidden: it.hidden,
			MergedInto: it.mergedInto, Evidence: slices.Clone(it.Evidence), Tags: slices.Clone(it.Tags),
			Notes: it.Notes, Status: it.Status, MyVotes: it.votes[viewer],
		}
		if !st.votingOpen {
			n := it.total
			iv.Votes = &n
		}
		iv.Score, iv.Cost, iv.Routine = it.aggregate()
		if e, ok := it.scores[viewer]; ok {
			sc := e.score
			iv.MyScore = &sc
		}
		if st.step <= StepCreate {
			if h, err := Classify(it.Text); err == nil {
				iv.Hint = &h
			}
		}
		v.Items = append(v.Items, iv)
	}
	t := st.timer
	v.Timer = TimerView{Started: t.started, Running: t.running, Seconds: int(t.duration / time.Second), RemainingSeconds: int(math.Ceil(t.remaining(now).Seconds()))}
	if !t.started {
		v.Timer.Seconds = int(st.settings.research() / time.Second)
		v.Timer.RemainingSeconds = v.Timer.Seconds
	}
	if t.running {
		end := t.since.Add(t.duration - t.elapsed)
		v.Timer.EndsAt = &end
	}
	v.Voting = VotingView{Open: st.votingOpen, Closed: st.votingClosed, Dots: st.settings.dots(), PerItem: st.settings.perItem(), Used: st.used[viewer], Cast: st.cast}
	return v, nil
}

// aggregate is the mean score, the most common cost (ties go to the
// higher cost) and the majority view on routine (ties say no).
func (it *sitem) aggregate() (*Score, Cost, *bool) {
	if len(it.scores) == 0 {
		return nil, it.Cost, it.Routine
	}
	ids := make([]string, 0, len(it.scores))
	for id := range it.scores {
		ids = append(ids, id)
	}
	order.Strings(ids)
	var sum Score
	var costs [4]int
	yes, no := 0, 0
	for _, id := range ids {
		e := it.scores[id]
		sum.Experience += e.score.Experience
		sum.KPIs += e.score.KPIs
		sum.Values += e.score.Values
		sum.Purpose += e.score.Purpose
		if e.cost != CostUnknown {
			costs[e.cost]++
		}
		if e.routine != nil {
			if *e.routine {
				yes++
			} else {
				no++
			}
		}
	}
	n := float64(len(ids))
	mean := &Score{Experience: round2(sum.Experience / n), KPIs: round2(sum.KPIs / n), Values: round2(sum.Values / n), Purpose: round2(sum.Purpose / n)}
	cost := CostUnknown
	for c := CostNone; c <= CostHigh; c++ {
		if costs[c] > 0 && costs[c] >= costs[cost] {
			cost = c
		}
	}
	var routine *bool
	if yes+no > 0 {
		r := yes > no
		routine = &r
	}
	return mean, cost, routine
}

func round2(f float64) float64 { return math.Round(f*100) / 100 }

// Export returns the grid as member viewer may see it: the three Ps, the
// visible items that are not hidden, authors as the anonymity setting
// allows, vote totals once voting is not open, and the group's mean scores.
func (s *Session) Export(viewer string) (*Grid, error) {
	st := &s.st
	me, ok := st.members[viewer]
	if !ok {
		return nil, fieldErrf("viewer", ErrNotMember, "%q", viewer)
	}
	fac := me.role == Facilitator
	c := st.course
	g := &Grid{
		Version: Version, Organisation: c.Organisation, Position: c.Position, Purpose: c.Purpose, Process: c.Process,
		Objective: c.Objective, Values: slices.Clone(c.Values), KPIs: slices.Clone(c.KPIs), Anonymity: st.settings.Anonymity,
		Knowledge: []Item{}, Skills: []Item{}, Purposeful: []Item{},
	}
	for _, id := range st.itemOrder {
		it := st.items[id]
		if it.hidden || !it.visibleTo(viewer, fac) {
			continue
		}
		item := Item{ID: it.ID, Text: it.Text, Kind: it.Kind, Author: st.handle(it.author), Evidence: slices.Clone(it.Evidence),
			Tags: slices.Clone(it.Tags), Status: it.Status, Notes: it.Notes}
		if !st.votingOpen {
			item.Votes = it.total
		}
		item.Score, item.Cost, item.Routine = it.aggregate()
		switch it.column {
		case ColumnKnowledge:
			g.Knowledge = append(g.Knowledge, item)
		case ColumnSkills:
			g.Skills = append(g.Skills, item)
		default:
			g.Purposeful = append(g.Purposeful, item)
		}
	}
	return g, nil
}

// Summary is the closing summary of a grid or session: counts and the
// purposeful ideas by status, each list in rank order.
type Summary struct {
	Position  string `json:"position"`
	Purpose   string `json:"purpose"`
	Process   string `json:"process"`
	Knowledge int    `json:"knowledge"`
	Skills    int    `json:"skills"`
	Ideas     int    `json:"ideas"`
	Votes     int    `json:"votes"`
	Adopted   []Item `json:"adopted"`
	OneOffs   []Item `json:"oneOffs"`
	Parked    []Item `json:"parked"`
	Proposed  []Item `json:"proposed"`
}

// Summary sums up the grid: counts and the purposeful ideas by status.
func (g *Grid) Summary() *Summary {
	s := &Summary{Position: g.Position, Purpose: g.Purpose, Process: g.Process, Knowledge: len(g.Knowledge), Skills: len(g.Skills), Ideas: len(g.Purposeful),
		Adopted: []Item{}, OneOffs: []Item{}, Parked: []Item{}, Proposed: []Item{}}
	for _, it := range Rank(g.Purposeful) {
		if g.Anonymity == Anonymous {
			it.Author = ""
		}
		s.Votes += it.Votes
		switch it.Status {
		case Adopted:
			s.Adopted = append(s.Adopted, it)
		case OneOff:
			s.OneOffs = append(s.OneOffs, it)
		case Parked:
			s.Parked = append(s.Parked, it)
		default:
			s.Proposed = append(s.Proposed, it)
		}
	}
	return s
}

// Summary is the summary of the grid member viewer may see ([Session.Export]).
func (s *Session) Summary(viewer string) (*Summary, error) {
	g, err := s.Export(viewer)
	if err != nil {
		return nil, err
	}
	return g.Summary(), nil
}

// EventsFor returns the events accepted after cursor after (a count of
// events, 0 for all), in the order they were accepted, as member viewer may
// see them, and the next cursor. Copies that hide something carry
// Redacted: names and other members' ids follow the anonymity setting,
// other people's private ideas lose their text, evidence, tags and notes,
// and other people's votes and scores lose their item and values. An
// unknown viewer gets nothing.
func (s *Session) EventsFor(viewer string, after int) ([]Event, int) {
	n := len(s.events)
	if _, ok := s.st.members[viewer]; !ok || after >= n {
		return nil, n
	}
	after = max(0, after)
	out := make([]Event, 0, n-after)
	for i := after; i < n; i++ {
		out = append(out, s.Redact(viewer, s.events[i]))
	}
	return out, n
}

// Redact returns the copy of e that member viewer may see (see
// [Session.EventsFor]).
func (s *Session) Redact(viewer string, e Event) Event {
	st := &s.st
	e = cloneEvent(e)
	red := func() { e.Redacted = true }
	other := func(id string) string {
		if id == "" || id == viewer || st.settings.Anonymity == Named {
			return id
		}
		red()
		return st.handle(id)
	}
	self := e.Actor == viewer
	owner := e.Actor // whose name a create or join event carries
	if e.Participant != "" {
		owner = e.Participant
	}
	e.Actor = other(e.Actor)
	e.Participant = other(e.Participant)
	if e.Name != "" && st.settings.Anonymity != Named { // even the viewer's own name: no output carries names
		e.Name = st.handle(owner)
		red()
	}
	switch e.Type {
	case AddItem, EditItem:
		if it, ok := st.items[e.Item]; ok {
			fac := st.members[viewer] != nil && st.members[viewer].role == Facilitator
			if !it.visibleTo(viewer, fac) {
				e.Text, e.Evidence, e.Tags, e.Notes, e.Kind = "", nil, nil, "", KindUnset
				red()
			}
		}
	case Vote, Unvote, ScoreItem:
		if !self {
			e.Item, e.Score, e.Cost, e.Routine = "", nil, CostUnknown, nil
			red()
		}
	}
	return e
}
