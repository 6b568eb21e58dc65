package grid

import (
	"cmp"
	"errors"
	"maps"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/purposefulcx/purposeful/internal/order"
	"github.com/purposefulcx/purposeful/internal/prose"
)

// Session is the facilitated activity: the fold of an append-only log of
// [Event]s. Build one with [NewSession] or [Replay] and feed it events
// with [Session.Apply]; read it through the viewer-aware [Session.View],
// [Session.EventsFor], [Session.Export] and [Session.Summary], which
// enforce the anonymity setting and the privacy of unrevealed ideas.
//
// A Session is not safe for concurrent use; the API serialises access to
// one workshop.
type Session struct {
	events []Event        // accepted events in arrival order (the EventsFor cursor space)
	ids    map[string]int // event id -> index in events
	last   int            // index in events of the greatest (At, ID); -1 when empty
	st     state
}

type member struct {
	id     string
	name   string
	role   Role
	number int // join order among participants, from 1 (alias "Participant N")
}

type sitem struct {
	Item
	column     Column
	author     string // member id
	enteredBy  string // member id of who typed it
	revealed   bool
	hidden     bool
	mergedInto string
	votes      map[string]int // member id -> dots ("" for dots imported with a grid)
	total      int
	scores     map[string]scoreEntry
	merges     []mergeRec // the merges into this item, oldest first
}

// mergeRec is what one merge changed, so that [Unmerge] can undo it.
type mergeRec struct {
	evidence []Evidence // the target's before the merge
	tags     []Tag
	revealed bool
	sources  []mergeSource
}

type mergeSource struct {
	id     string
	hidden bool
	votes  map[string]int // the dots it brought
}

type scoreEntry struct {
	score   Score
	cost    Cost
	routine *bool
}

type timer struct {
	started  bool
	running  bool
	duration time.Duration
	elapsed  time.Duration // before the current run
	since    time.Time     // start of the current run
}

type state struct {
	created      bool
	settings     Settings
	course       Course
	step         Step
	facilitator  string
	members      map[string]*member
	memberOrder  []string
	participants int
	items        map[string]*sitem
	itemOrder    []string
	timer        timer
	votingOpen   bool
	votingClosed bool
	used         map[string]int // member id -> dots used
	cast         int
}

// NewSession returns an empty session waiting for its create event.
func NewSession() *Session {
	return &Session{ids: map[string]int{}, last: -1, st: newState()}
}

func newState() state {
	return state{members: map[string]*member{}, items: map[string]*sitem{}, used: map[string]int{}}
}

// Has reports whether an event with this id has been accepted.
func (s *Session) Has(id string) bool { _, ok := s.ids[id]; return ok }

// Len is the number of accepted events.
func (s *Session) Len() int { return len(s.events) }

// Log returns a copy of the accepted events sorted by (At, ID). Replaying
// it gives the same state.
func (s *Session) Log() []Event {
	out := slices.Clone(s.events)
	order.Func(out, func(a, b Event) int { return eventLess(&a, &b) })
	return out
}

// Step is the current step.
func (s *Session) Step() Step { return s.st.step }

// Settings are the current settings.
func (s *Session) Settings() Settings { return s.st.settings }

// Course is the course as the facilitator last set it.
func (s *Session) Course() Course {
	c := s.st.course
	c.Values, c.KPIs = slices.Clone(c.Values), slices.Clone(c.KPIs)
	return c
}

// Role returns the role of a member, and whether they have joined.
func (s *Session) Role(id string) (Role, bool) {
	m, ok := s.st.members[id]
	if !ok {
		return Participant, false
	}
	return m.role, true
}

// Facilitator is the member id of the facilitator ("" before create).
func (s *Session) Facilitator() string { return s.st.facilitator }

func eventLess(a, b *Event) int {
	if c := a.At.Compare(b.At); c != 0 {
		return c
	}
	return cmp.Compare(a.ID, b.ID)
}

// Apply applies one event. Applying an event already accepted (same id,
// same content) is a no-op that returns nil; the same id with different
// content is [ErrIDReused]. An invalid event leaves the session untouched
// and returns an [*EventError] wrapping one of the session errors
// ([ErrWrongStep], [ErrForbidden], [ErrVoteLimit], [ErrUnknownItem], ...).
//
// Events may arrive out of order: the state is always the fold of the
// accepted events sorted by (At, ID). An event that sorts before the last
// one is folded in by replaying the log, and is refused with [ErrConflict]
// if that would invalidate an event already accepted.
func (s *Session) Apply(e Event) error {
	if s.ids == nil {
		*s = *NewSession()
	}
	if i, ok := s.ids[e.ID]; ok {
		if sameEvent(&s.events[i], &e) {
			return nil
		}
		return &EventError{ID: e.ID, Type: e.Type, Err: ErrIDReused}
	}
	if err := checkEnvelope(&e); err != nil {
		return &EventError{ID: e.ID, Type: e.Type, Err: err}
	}
	e = cloneEvent(e)
	if s.last < 0 || eventLess(&s.events[s.last], &e) < 0 {
		if err := s.st.apply(&e); err != nil {
			return &EventError{ID: e.ID, Type: e.Type, Err: err}
		}
		s.accept(e, true)
		return nil
	}
	// A late event: refold the log with it in place.
	sorted := s.Log()
	pos, _ := slices.BinarySearchFunc(sorted, e, func(a, b Event) int { return eventLess(&a, &b) })
	st := newState()
	for i := range pos {
		if err := st.apply(&sorted[i]); err != nil { // cannot happen: the prefix was valid
			return &EventError{ID: e.ID, Type: e.Type, Err: errorf(ErrConflict, "%v", err)}
		}
	}
	if err := st.apply(&e); err != nil {
		return &EventError{ID: e.ID, Type: e.Type, Err: err}
	}
	for i := pos; i < len(sorted); i++ {
		if err := st.apply(&sorted[i]); err != nil {
			return &EventError{ID: e.ID, Type: e.Type, Err: errorf(ErrConflict, "event %q would fail: %v", sorted[i].ID, err)}
		}
	}
	s.st = st
	s.accept(e, false)
	return nil
}

func (s *Session) accept(e Event, greatest bool) {
	s.ids[e.ID] = len(s.events)
	s.events = append(s.events, e)
	if greatest {
		s.last = len(s.events) - 1
	}
}

func sameEvent(a, b *Event) bool {
	x, y := normEvent(*a), normEvent(*b)
	x.At, y.At = time.Time{}, time.Time{}
	bx, errx := EncodeEvent(&x)
	by, erry := EncodeEvent(&y)
	return a.At.Equal(b.At) && errx == nil && erry == nil && string(bx) == string(by)
}

// normEvent makes empty and nil slices compare equal.
func normEvent(e Event) Event {
	if len(e.Items) == 0 {
		e.Items = nil
	}
	if len(e.Evidence) == 0 {
		e.Evidence = nil
	}
	if len(e.Tags) == 0 {
		e.Tags = nil
	}
	if e.Course != nil {
		c := *e.Course
		if len(c.Values) == 0 {
			c.Values = nil
		}
		if len(c.KPIs) == 0 {
			c.KPIs = nil
		}
		e.Course = &c
	}
	return e
}

func cloneEvent(e Event) Event {
	e.Items = slices.Clone(e.Items)
	e.Evidence = slices.Clone(e.Evidence)
	e.Tags = slices.Clone(e.Tags)
	if e.Settings != nil {
		v := *e.Settings
		e.Settings = &v
	}
	if e.Course != nil {
		v := *e.Course
		v.Values, v.KPIs = slices.Clone(v.Values), slices.Clone(v.KPIs)
		e.Course = &v
	}
	if e.Step != nil {
		v := *e.Step
		e.Step = &v
	}
	if e.Score != nil {
		v := *e.Score
		e.Score = &v
	}
	if e.Routine != nil {
		v := *e.Routine
		e.Routine = &v
	}
	if e.Status != nil {
		v := *e.Status
		e.Status = &v
	}
	if e.Grid != nil {
		g := cloneGrid(e.Grid)
		e.Grid = g
	}
	return e
}

// cloneGrid is a deep copy of g.
func cloneGrid(g *Grid) *Grid {
	c := *g
	c.Values, c.KPIs = slices.Clone(g.Values), slices.Clone(g.KPIs)
	for _, col := range []*[]Item{&c.Knowledge, &c.Skills, &c.Purposeful} {
		*col = slices.Clone(*col)
		for i := range *col {
			it := &(*col)[i]
			it.Evidence, it.Tags = slices.Clone(it.Evidence), slices.Clone(it.Tags)
			if it.Score != nil {
				v := *it.Score
				it.Score = &v
			}
			if it.Routine != nil {
				v := *it.Routine
				it.Routine = &v
			}
		}
	}
	return &c
}

// Replay builds a session from events in any order: duplicates (same id)
// are dropped, the rest sorted by (At, ID) and applied. Rejected events are
// skipped and reported together in the error; the session holds the rest.
// The same set of events always gives the same state.
func Replay(events []Event) (*Session, error) {
	sorted := events
	if !slices.IsSortedFunc(events, func(a, b Event) int { return eventLess(&a, &b) }) {
		sorted = slices.Clone(events)
		order.Stable(sorted, func(a, b Event) int { return eventLess(&a, &b) })
	}
	s := NewSession()
	s.events = make([]Event, 0, len(sorted))
	s.ids = make(map[string]int, len(sorted))
	var errs []error
	for i := range sorted {
		if err := s.Apply(sorted[i]); err != nil {
			errs = append(errs, err)
		}
	}
	return s, errors.Join(errs...)
}

const maxIDLen = 200

// Limits of one session, so that a runaway client cannot grow it without
// bound.
const (
	MaxMembers = 500
	MaxItems   = 2000
)

// payload field bits, to check that an event carries only what its type
// reads.
const (
	fName uint32 = 1 << iota
	fParticipant
	fSettings
	fCourse
	fStep
	fItem
	fItems
	fColumn
	fText
	fKind
	fEvidence
	fTags
	fNotes
	fSeconds
	fScore
	fCost
	fRoutine
	fStatus
	fGrid
)

var fieldNames = []string{"name", "participant", "settings", "course", "step", "item", "items", "column", "text", "kind", "evidence", "tags", "notes", "seconds", "score", "cost", "routine", "status", "grid"}

func allowedFields(t EventType) (uint32, bool) {
	switch t {
	case Create:
		return fName | fSettings | fCourse, true
	case Join:
		return fName | fParticipant, true
	case SetSettings:
		return fSettings, true
	case SetCourse:
		return fCourse, true
	case NextStep, OpenVoting, CloseVoting, PauseTimer, ResumeTimer:
		return 0, true
	case Reopen:
		return fStep, true
	case AddItem:
		return fItem | fColumn | fText | fKind | fEvidence | fTags | fNotes | fParticipant, true
	case EditItem:
		return fItem | fText | fKind | fEvidence | fTags | fNotes, true
	case HideItem, UnhideItem, Vote, Unvote, Unmerge:
		return fItem, true
	case Import:
		return fGrid, true
	case MergeItems:
		return fItem | fItems, true
	case Reveal:
		return fItems, true
	case StartTimer, ExtendTimer:
		return fSeconds, true
	case ScoreItem:
		return fItem | fScore | fCost | fRoutine, true
	case Decide:
		return fItem | fStatus | fNotes, true
	}
	return 0, false
}

func presentFields(e *Event) uint32 {
	var f uint32
	set := func(b uint32, ok bool) {
		if ok {
			f |= b
		}
	}
	set(fName, e.Name != "")
	set(fParticipant, e.Participant != "")
	set(fSettings, e.Settings != nil)
	set(fCourse, e.Course != nil)
	set(fStep, e.Step != nil)
	set(fItem, e.Item != "")
	set(fItems, len(e.Items) > 0)
	set(fColumn, e.Column != ColumnUnset)
	set(fText, e.Text != "")
	set(fKind, e.Kind != KindUnset)
	set(fEvidence, len(e.Evidence) > 0)
	set(fTags, len(e.Tags) > 0)
	set(fNotes, e.Notes != "")
	set(fSeconds, e.Seconds != 0)
	set(fScore, e.Score != nil)
	set(fCost, e.Cost != CostUnknown)
	set(fRoutine, e.Routine != nil)
	set(fStatus, e.Status != nil)
	set(fGrid, e.Grid != nil)
	return f
}

func checkEnvelope(e *Event) error {
	var errs []error
	if e.Redacted {
		return ErrRedacted
	}
	checkID := func(path, v string) {
		switch {
		case v == "":
			errs = append(errs, fieldErr(path, ErrRequired))
		case len(v) > maxIDLen || !utf8.ValidString(v):
			errs = append(errs, fieldErrf(path, ErrBadEvent, "id too long or not UTF-8"))
		}
	}
	checkID("id", e.ID)
	checkID("actor", e.Actor)
	if e.At.IsZero() {
		errs = append(errs, fieldErr("at", ErrRequired))
	}
	if err := checkLimits(e); err != nil {
		errs = append(errs, err)
	}
	allowed, ok := allowedFields(e.Type)
	if !ok {
		errs = append(errs, unknownType(e.Type))
		return errors.Join(errs...)
	}
	if extra := presentFields(e) &^ allowed; extra != 0 {
		for i, n := range fieldNames {
			if extra&(1<<i) != 0 {
				errs = append(errs, fieldErrf(n, ErrBadEvent, "not used by %s events", e.Type))
			}
		}
	}
	return errors.Join(errs...)
}

func checkText(path, text string) error {
	if err := prose.Check(text, prose.DefaultMaxLen); err != nil {
		return fieldErr(path, err)
	}
	return nil
}

// apply validates e against the state and, only if it is valid, changes
// the state. It never half-applies.
func (st *state) apply(e *Event) error {
	if e.Type == Create {
		return st.create(e)
	}
	if !st.created {
		return ErrNotCreated
	}
	actor, ok := st.members[e.Actor]
	if e.Type == Join {
		return st.join(e, actor)
	}
	if !ok {
		return fieldErrf("actor", ErrNotMember, "%q", e.Actor)
	}
	fac := actor.role == Facilitator
	switch e.Type {
	case SetSettings, SetCourse, NextStep, Reopen, HideItem, UnhideItem, MergeItems, Unmerge, Import, Reveal,
		StartTimer, PauseTimer, ResumeTimer, ExtendTimer, OpenVoting, CloseVoting, Decide:
		if !fac {
			return errorf(ErrForbidden, "only the facilitator may send %s", e.Type)
		}
	}
	switch e.Type {
	case SetSettings:
		return st.setSettings(e)
	case SetCourse:
		if st.step != StepCourse && !st.settings.Solo {
			return stepErr(e, StepCourse)
		}
		if e.Course == nil {
			return fieldErr("course", ErrRequired)
		}
		if err := checkCourse(e.Course); err != nil {
			return err
		}
		st.course = *e.Course
		return nil
	case NextStep:
		return st.next(e.At)
	case Reopen:
		if e.Step == nil {
			return fieldErr("step", ErrRequired)
		}
		if *e.Step >= st.step {
			return fieldErrf("step", ErrWrongStep, "can only reopen an earlier step than %s", st.step)
		}
		if st.votingOpen {
			return ErrVotingOpen
		}
		st.step = *e.Step
		return nil
	case AddItem:
		return st.addItem(e, actor)
	case EditItem:
		return st.editItem(e, actor)
	case HideItem, UnhideItem:
		it, err := st.item(e.Item)
		if err != nil {
			return err
		}
		if st.votingOpen {
			return ErrVotingOpen
		}
		if it.mergedInto != "" {
			return fieldErrf("item", ErrHidden, "merged into %q", it.mergedInto)
		}
		it.hidden = e.Type == HideItem
		return nil
	case MergeItems:
		return st.merge(e)
	case Unmerge:
		return st.unmerge(e)
	case Import:
		return st.importGrid(e)
	case Reveal:
		return st.reveal(e)
	case StartTimer, PauseTimer, ResumeTimer, ExtendTimer:
		return st.timerEvent(e)
	case OpenVoting:
		if st.step != StepMine {
			return stepErr(e, StepMine)
		}
		if st.votingOpen {
			return ErrVotingOpen
		}
		st.votingOpen, st.votingClosed = true, false
		return nil
	case CloseVoting:
		if !st.votingOpen {
			return ErrVotingNotOpen
		}
		st.votingOpen, st.votingClosed = false, true
		return nil
	case Vote, Unvote:
		return st.vote(e, actor)
	case ScoreItem:
		return st.score(e, actor)
	case Decide:
		return st.decide(e)
	}
	return fieldErrf("type", ErrUnknownEvent, "%q", e.Type)
}

func stepErr(e *Event, want ...Step) error {
	names := make([]string, len(want))
	for i, s := range want {
		names[i] = s.String()
	}
	return errorf(ErrWrongStep, "%s needs step %s", e.Type, strings.Join(names, " or "))
}

func (st *state) create(e *Event) error {
	if st.created {
		return ErrAlreadyCreated
	}
	var errs []error
	if err := optionalText("name", e.Name); err != nil {
		errs = append(errs, err)
	}
	if e.Settings != nil {
		if err := checkSettings(e.Settings); err != nil {
			errs = append(errs, err)
		}
	}
	if e.Course != nil {
		if err := checkCourse(e.Course); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	st.created = true
	st.facilitator = e.Actor
	if e.Settings != nil {
		st.settings = *e.Settings
	}
	if e.Course != nil {
		st.course = *e.Course
	}
	st.members[e.Actor] = &member{id: e.Actor, name: e.Name, role: Facilitator}
	st.memberOrder = append(st.memberOrder, e.Actor)
	return nil
}

func checkSettings(s *Settings) error {
	var errs []error
	if s.Anonymity > Named {
		errs = append(errs, fieldErrf("settings.anonymity", ErrUnknownValue, "%d", s.Anonymity))
	}
	if s.Dots < 0 || s.Dots > 100 {
		errs = append(errs, fieldErrf("settings.dots", ErrOutOfRange, "%d (0 to 100)", s.Dots))
	}
	if s.PerItem < 0 || s.PerItem > 100 {
		errs = append(errs, fieldErrf("settings.perItem", ErrOutOfRange, "%d (0 to 100)", s.PerItem))
	}
	if s.ResearchSeconds < 0 || time.Duration(s.ResearchSeconds)*time.Second > MaxResearch {
		errs = append(errs, fieldErrf("settings.researchSeconds", ErrOutOfRange, "%d (0 to %d)", s.ResearchSeconds, int(MaxResearch/time.Second)))
	}
	return errors.Join(errs...)
}

func checkCourse(c *Course) error {
	errs := []error{
		optionalText("course.organisation", c.Organisation),
		optionalText("course.position", c.Position),
		optionalText("course.purpose", c.Purpose),
		optionalText("course.process", c.Process),
		optionalText("course.objective", c.Objective),
	}
	for i, v := range c.Values {
		errs = append(errs, checkText(fmtf("course.values[%d]", i), v))
	}
	for i, v := range c.KPIs {
		errs = append(errs, checkText(fmtf("course.kpis[%d]", i), v))
	}
	return errors.Join(errs...)
}

func (st *state) join(e *Event, actor *member) error {
	if st.settings.Solo {
		return errorf(ErrForbidden, "nobody joins a solo session")
	}
	if err := checkText("name", e.Name); err != nil {
		return err
	}
	id := e.Actor
	if e.Participant != "" {
		if actor == nil || actor.role != Facilitator {
			return errorf(ErrForbidden, "only the facilitator may join someone else")
		}
		if len(e.Participant) > maxIDLen || !utf8.ValidString(e.Participant) {
			return fieldErrf("participant", ErrBadEvent, "id too long or not UTF-8")
		}
		id = e.Participant
	}
	if m, ok := st.members[id]; ok {
		m.name = e.Name
		return nil
	}
	if len(st.members) >= MaxMembers {
		return errorf(ErrOutOfRange, "a session holds at most %d members", MaxMembers)
	}
	st.participants++
	st.members[id] = &member{id: id, name: e.Name, role: Participant, number: st.participants}
	st.memberOrder = append(st.memberOrder, id)
	return nil
}

func (st *state) setSettings(e *Event) error {
	if e.Settings == nil {
		return fieldErr("settings", ErrRequired)
	}
	if err := checkSettings(e.Settings); err != nil {
		return err
	}
	if st.votingOpen {
		return ErrVotingOpen
	}
	if e.Settings.Solo && st.participants > 0 {
		return fieldErrf("settings.solo", ErrForbidden, "people have joined")
	}
	if e.Settings.Anonymity > st.settings.Anonymity && st.participants > 0 {
		return fieldErrf("settings.anonymity", ErrForbidden, "cannot loosen from %s to %s once people have joined", st.settings.Anonymity, e.Settings.Anonymity)
	}
	st.settings = *e.Settings
	return nil
}

func (st *state) next(at time.Time) error {
	switch st.step {
	case StepCourse:
		if st.settings.Solo {
			break
		}
		var errs []error
		if strings.TrimSpace(st.course.Position) == "" {
			errs = append(errs, fieldErr("course.position", ErrRequired))
		}
		if strings.TrimSpace(st.course.Purpose) == "" {
			errs = append(errs, fieldErr("course.purpose", ErrRequired))
		}
		if strings.TrimSpace(st.course.Process) == "" {
			errs = append(errs, fieldErr("course.process", ErrRequired))
		}
		if err := errors.Join(errs...); err != nil {
			return err
		}
	case StepMine:
		if st.votingOpen {
			return ErrVotingOpen
		}
	case StepSummary:
		return errorf(ErrWrongStep, "summary is the last step")
	}
	if st.step == StepCreate && st.timer.running && !st.settings.Solo { // leaving the research stops its clock
		st.timer.elapsed += max(0, at.Sub(st.timer.since))
		st.timer.running = false
	}
	st.step++
	return nil
}

func (st *state) item(id string) (*sitem, error) {
	if id == "" {
		return nil, fieldErr("item", ErrRequired)
	}
	it, ok := st.items[id]
	if !ok {
		return nil, fieldErrf("item", ErrUnknownItem, "%q", id)
	}
	return it, nil
}

func checkItemPayload(e *Event) error {
	var errs []error
	if e.Text != "" {
		if err := checkText("text", e.Text); err != nil {
			errs = append(errs, err)
		}
	}
	if e.Kind > Behaviour {
		errs = append(errs, fieldErrf("kind", ErrUnknownValue, "%d", e.Kind))
	}
	for i := range e.Evidence {
		errs = append(errs, validateEvidence(fmtf("evidence[%d]", i), &e.Evidence[i])...)
	}
	for i, t := range e.Tags {
		if t == TagUnset || t > ServiceHeroics {
			errs = append(errs, fieldErrf(fmtf("tags[%d]", i), ErrUnknownValue, "%d", t))
		}
	}
	if e.Notes != "" {
		if err := prose.Check(e.Notes, prose.DefaultMaxLen); err != nil && !errors.Is(err, prose.ErrBlank) {
			errs = append(errs, fieldErr("notes", err))
		}
	}
	return errors.Join(errs...)
}

func (st *state) addItem(e *Event, actor *member) error {
	fac := actor.role == Facilitator
	var errs []error
	switch {
	case e.Item == "":
		errs = append(errs, fieldErr("item", ErrRequired))
	case len(e.Item) > maxIDLen || !utf8.ValidString(e.Item):
		errs = append(errs, fieldErrf("item", ErrBadEvent, "id too long or not UTF-8"))
	default:
		if _, dup := st.items[e.Item]; dup {
			errs = append(errs, fieldErrf("item", ErrDuplicateID, "%q", e.Item))
		}
	}
	col := e.Column
	if col == ColumnUnset {
		col = e.Kind.Column()
	}
	if col == ColumnUnset || col > ColumnPurposeful {
		errs = append(errs, fieldErr("column", ErrRequired))
	} else if e.Kind != KindUnset && e.Kind.Column() != col {
		errs = append(errs, fieldErrf("kind", ErrWrongColumn, "%s in %s", e.Kind, col))
	}
	if e.Text == "" {
		errs = append(errs, fieldErr("text", ErrRequired))
	}
	if err := checkItemPayload(e); err != nil {
		errs = append(errs, err)
	}
	author := e.Actor
	if e.Participant != "" {
		if !fac {
			errs = append(errs, fieldErrf("participant", ErrForbidden, "only the facilitator may enter ideas for others"))
		} else if _, ok := st.members[e.Participant]; !ok {
			errs = append(errs, fieldErrf("participant", ErrNotMember, "%q", e.Participant))
		} else {
			author = e.Participant
		}
	}
	if len(st.items) >= MaxItems {
		errs = append(errs, errorf(ErrOutOfRange, "a session holds at most %d items", MaxItems))
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	switch {
	case st.step == StepTeam && col != ColumnPurposeful,
		st.step == StepCreate && col == ColumnPurposeful,
		fac && st.step >= StepTeam && st.step <= StepMine:
	default:
		if col == ColumnPurposeful {
			return errorf(ErrWrongStep, "ideas are added in step create")
		}
		return errorf(ErrWrongStep, "knowledge and skills are added in step team")
	}
	it := &sitem{column: col, author: author, enteredBy: e.Actor, revealed: col != ColumnPurposeful || st.settings.Solo}
	it.ID, it.Text, it.Kind, it.Notes = e.Item, e.Text, e.Kind, e.Notes
	it.Evidence = slices.Clone(e.Evidence)
	it.Tags = slices.Clone(e.Tags)
	st.items[e.Item] = it
	st.itemOrder = append(st.itemOrder, e.Item)
	return nil
}

func (st *state) editItem(e *Event, actor *member) error {
	it, err := st.item(e.Item)
	if err != nil {
		return err
	}
	if actor.role != Facilitator && it.author != actor.id && it.enteredBy != actor.id {
		return errorf(ErrForbidden, "only the author or the facilitator may edit %q", e.Item)
	}
	if st.step == StepSummary {
		return errorf(ErrWrongStep, "the session is in its summary")
	}
	if err := checkItemPayload(e); err != nil {
		return err
	}
	if e.Kind != KindUnset && e.Kind.Column() != it.column {
		return fieldErrf("kind", ErrWrongColumn, "%s in %s", e.Kind, it.column)
	}
	if e.Text != "" {
		it.Text = e.Text
	}
	if e.Kind != KindUnset {
		it.Kind = e.Kind
	}
	if len(e.Evidence) > 0 {
		it.Evidence = slices.Clone(e.Evidence)
	}
	if len(e.Tags) > 0 {
		it.Tags = slices.Clone(e.Tags)
	}
	if e.Notes != "" {
		it.Notes = e.Notes
	}
	return nil
}

func (st *state) merge(e *Event) error {
	target, err := st.item(e.Item)
	if err != nil {
		return err
	}
	if st.votingOpen {
		return ErrVotingOpen
	}
	if target.hidden || target.mergedInto != "" {
		return fieldErrf("item", ErrHidden, "%q", e.Item)
	}
	if len(e.Items) == 0 {
		return fieldErr("items", ErrRequired)
	}
	var errs []error
	seen := map[string]bool{e.Item: true}
	for i, id := range e.Items {
		path := fmtf("items[%d]", i)
		src, ok := st.items[id]
		switch {
		case !ok:
			errs = append(errs, fieldErrf(path, ErrUnknownItem, "%q", id))
		case seen[id]:
			errs = append(errs, fieldErrf(path, ErrDuplicateID, "%q", id))
		case src.mergedInto != "":
			errs = append(errs, fieldErrf(path, ErrHidden, "%q already merged into %q", id, src.mergedInto))
		case src.column != target.column:
			errs = append(errs, fieldErrf(path, ErrWrongColumn, "%q is in %s, %q in %s", id, src.column, e.Item, target.column))
		}
		seen[id] = true
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	rec := mergeRec{evidence: slices.Clone(target.Evidence), tags: slices.Clone(target.Tags), revealed: target.revealed}
	for _, id := range e.Items {
		src := st.items[id]
		rec.sources = append(rec.sources, mergeSource{id: id, hidden: src.hidden, votes: maps.Clone(src.votes)})
	}
	target.merges = append(target.merges, rec)
	for _, id := range e.Items {
		src := st.items[id]
		target.absorb(&src.Item)
		for m, n := range src.votes {
			if target.votes == nil {
				target.votes = map[string]int{}
			}
			target.votes[m] += n
			target.total += n
		}
		src.votes, src.total = nil, 0
		if src.revealed {
			target.revealed = true
		}
		src.hidden = true
		src.mergedInto = e.Item
	}
	return nil
}

func (st *state) unmerge(e *Event) error {
	target, err := st.item(e.Item)
	if err != nil {
		return err
	}
	if st.votingOpen {
		return ErrVotingOpen
	}
	if len(target.merges) == 0 {
		return fieldErrf("item", ErrNoMerge, "%q", e.Item)
	}
	rec := target.merges[len(target.merges)-1]
	target.merges = target.merges[:len(target.merges)-1]
	target.Evidence, target.Tags, target.revealed = slices.Clone(rec.evidence), slices.Clone(rec.tags), rec.revealed
	for _, ms := range rec.sources {
		src := st.items[ms.id]
		src.hidden, src.mergedInto = ms.hidden, ""
		src.votes, src.total = nil, 0
		for m, n := range ms.votes {
			n = min(n, target.votes[m]) // dots taken back since the merge stay taken back
			if n <= 0 {
				continue
			}
			if src.votes == nil {
				src.votes = map[string]int{}
			}
			src.votes[m] += n
			src.total += n
			target.votes[m] -= n
			target.total -= n
		}
	}
	return nil
}

// importGrid fills a session still at its course, with no items, from a
// grid.
func (st *state) importGrid(e *Event) error {
	g := e.Grid
	if g == nil {
		return fieldErr("grid", ErrRequired)
	}
	if err := g.ValidateDraft(); err != nil {
		return prefixPaths("grid", err)
	}
	if st.step != StepCourse {
		return stepErr(e, StepCourse)
	}
	if len(st.items) > 0 {
		return errorf(ErrWrongStep, "a grid is imported into a session with no items")
	}
	n := len(g.Knowledge) + len(g.Skills) + len(g.Purposeful)
	if n > MaxItems {
		return errorf(ErrOutOfRange, "a session holds at most %d items", MaxItems)
	}
	st.course = Course{Organisation: g.Organisation, Position: g.Position, Purpose: g.Purpose, Process: g.Process, Objective: g.Objective,
		Values: slices.Clone(g.Values), KPIs: slices.Clone(g.KPIs)}
	for _, c := range Columns {
		for _, src := range g.Column(c) {
			it := &sitem{column: c, author: e.Actor, enteredBy: e.Actor, revealed: true}
			it.Item = src
			it.Author, it.Votes, it.Score, it.Routine, it.Cost = "", 0, nil, nil, CostUnknown
			it.Evidence, it.Tags = slices.Clone(src.Evidence), slices.Clone(src.Tags)
			if src.Votes > 0 {
				it.votes, it.total = map[string]int{"": src.Votes}, src.Votes
			}
			if src.Score != nil || src.Routine != nil || src.Cost != CostUnknown {
				var sc Score
				if src.Score != nil {
					sc = *src.Score
				}
				var r *bool
				if src.Routine != nil {
					v := *src.Routine
					r = &v
				}
				it.scores = map[string]scoreEntry{e.Actor: {score: sc, cost: src.Cost, routine: r}}
			}
			st.items[src.ID] = it
			st.itemOrder = append(st.itemOrder, src.ID)
		}
	}
	return nil
}

func (st *state) reveal(e *Event) error {
	if len(e.Items) == 0 {
		for _, id := range st.itemOrder {
			st.items[id].revealed = true
		}
		return nil
	}
	var errs []error
	for i, id := range e.Items {
		if _, ok := st.items[id]; !ok {
			errs = append(errs, fieldErrf(fmtf("items[%d]", i), ErrUnknownItem, "%q", id))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	for _, id := range e.Items {
		st.items[id].revealed = true
	}
	return nil
}

func (st *state) timerEvent(e *Event) error {
	t := &st.timer
	if st.step != StepCreate {
		return stepErr(e, StepCreate)
	}
	secs := time.Duration(e.Seconds) * time.Second
	if e.Seconds < 0 || secs > MaxResearch {
		return fieldErrf("seconds", ErrOutOfRange, "%d (1 to %d)", e.Seconds, int(MaxResearch/time.Second))
	}
	switch e.Type {
	case StartTimer:
		d := secs
		if d == 0 {
			d = st.settings.research()
		}
		*t = timer{started: true, running: true, duration: d, since: e.At}
	case PauseTimer:
		if !t.running {
			return errorf(ErrTimer, "not running")
		}
		t.elapsed += max(0, e.At.Sub(t.since))
		t.running = false
	case ResumeTimer:
		if !t.started || t.running {
			return errorf(ErrTimer, "not paused")
		}
		t.running, t.since = true, e.At
	case ExtendTimer:
		if !t.started {
			return errorf(ErrTimer, "not started")
		}
		if secs == 0 {
			return fieldErr("seconds", ErrRequired)
		}
		if t.duration+secs > MaxResearch {
			return fieldErrf("seconds", ErrOutOfRange, "the time-box would exceed %s", MaxResearch)
		}
		if !t.running && t.remaining(e.At) == 0 {
			// an expired timer restarts from now with the extra time
			t.elapsed = t.duration
		}
		t.duration += secs
	}
	return nil
}

func (t *timer) remaining(now time.Time) time.Duration {
	used := t.elapsed
	if t.running {
		used += max(0, now.Sub(t.since))
	}
	return max(0, t.duration-used)
}

func (st *state) votable(e *Event) (*sitem, error) {
	it, err := st.item(e.Item)
	if err != nil {
		return nil, err
	}
	if it.column != ColumnPurposeful {
		return nil, fieldErrf("item", ErrWrongColumn, "only purposeful ideas are voted on and scored")
	}
	if it.hidden {
		return nil, fieldErrf("item", ErrHidden, "%q", e.Item)
	}
	if !it.revealed {
		return nil, fieldErrf("item", ErrUnknownItem, "%q is not revealed", e.Item)
	}
	return it, nil
}

func (st *state) vote(e *Event, actor *member) error {
	if st.step != StepMine {
		return stepErr(e, StepMine)
	}
	if st.settings.Solo && actor.role == Facilitator && !st.votingOpen {
		return st.roomDot(e)
	}
	if !st.votingOpen {
		return ErrVotingNotOpen
	}
	it, err := st.votable(e)
	if err != nil {
		return err
	}
	mine := it.votes[actor.id]
	if e.Type == Unvote {
		if mine == 0 {
			return ErrNoVote
		}
		it.votes[actor.id]--
		it.total--
		st.used[actor.id]--
		st.cast--
		return nil
	}
	if st.used[actor.id] >= st.settings.dots() {
		return errorf(ErrVoteLimit, "all %d dots used", st.settings.dots())
	}
	if mine >= st.settings.perItem() {
		return errorf(ErrVoteLimit, "at most %d dots on one item", st.settings.perItem())
	}
	if it.votes == nil {
		it.votes = map[string]int{}
	}
	it.votes[actor.id]++
	it.total++
	st.used[actor.id]++
	st.cast++
	return nil
}

// roomDot puts one of the room's dots on an item, or takes one back, in
// a solo session: the facilitator counts the dots the group gave, kept
// under the empty member id as a grid's imported dots are.
func (st *state) roomDot(e *Event) error {
	it, err := st.votable(e)
	if err != nil {
		return err
	}
	if e.Type == Unvote {
		if it.votes[""] == 0 {
			return ErrNoVote
		}
		it.votes[""]--
		it.total--
		return nil
	}
	if it.votes == nil {
		it.votes = map[string]int{}
	}
	it.votes[""]++
	it.total++
	return nil
}

func (st *state) score(e *Event, actor *member) error {
	if st.step != StepMine {
		return stepErr(e, StepMine)
	}
	it, err := st.votable(e)
	if err != nil {
		return err
	}
	if e.Score == nil {
		return fieldErr("score", ErrRequired)
	}
	if err := checkScore("score", e.Score); err != nil {
		return err
	}
	if e.Cost > CostHigh {
		return fieldErrf("cost", ErrUnknownValue, "%d", e.Cost)
	}
	if it.scores == nil {
		it.scores = map[string]scoreEntry{}
	}
	var r *bool
	if e.Routine != nil {
		v := *e.Routine
		r = &v
	}
	it.scores[actor.id] = scoreEntry{score: *e.Score, cost: e.Cost, routine: r}
	return nil
}

func checkScore(path string, s *Score) error {
	var errs []error
	for _, f := range []struct {
		name string
		v    float64
	}{{"experience", s.Experience}, {"kpis", s.KPIs}, {"values", s.Values}, {"purpose", s.Purpose}} {
		if math.IsNaN(f.v) || f.v < 0 || f.v > MaxScore {
			errs = append(errs, fieldErrf(path+"."+f.name, ErrOutOfRange, "%v (0 to %d)", f.v, MaxScore))
		}
	}
	return errors.Join(errs...)
}

func (st *state) decide(e *Event) error {
	if st.step != StepMine && st.step != StepSummary {
		return stepErr(e, StepMine, StepSummary)
	}
	it, err := st.item(e.Item)
	if err != nil {
		return err
	}
	if e.Status == nil {
		return fieldErr("status", ErrRequired)
	}
	if *e.Status > OneOff {
		return fieldErrf("status", ErrUnknownValue, "%d", *e.Status)
	}
	if it.column != ColumnPurposeful {
		return fieldErrf("item", ErrWrongColumn, "only purposeful ideas are adopted")
	}
	if it.hidden {
		return fieldErrf("item", ErrHidden, "%q", e.Item)
	}
	if err := optionalText("notes", e.Notes); err != nil {
		return err
	}
	it.Status = *e.Status
	if e.Notes != "" {
		it.Notes = e.Notes
	}
	if !it.revealed {
		it.revealed = true
	}
	return nil
}
