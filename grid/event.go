package grid

import (
	"time"
)

// Step is a step of the activity. The zero value, StepCourse, is the
// first step.
type Step uint8

// The four steps and the closing summary, in order.
const (
	StepCourse  Step = iota // 1. set the course: objective, values, KPIs
	StepTeam                // 2. involve the team: job knowledge and skills
	StepCreate              // 3. get creative: research time-box, idea cards
	StepMine                // 4. mine for gold: merge, vote, score, decide
	StepSummary             // the summary with the adopted list
)

var stepNames = []string{"course", "team", "create", "mine", "summary"}

// Steps lists the steps in order.
var Steps = []Step{StepCourse, StepTeam, StepCreate, StepMine, StepSummary}

func (s Step) String() string { return enumString(stepNames, uint8(s), "step") }

// Title is the printed name of the step ("Mine for gold").
func (s Step) Title() string {
	switch s {
	case StepCourse:
		return "Set the course"
	case StepTeam:
		return "Involve the team"
	case StepCreate:
		return "Get creative"
	case StepMine:
		return "Mine for gold"
	case StepSummary:
		return "Summary"
	}
	return ""
}

// MarshalText encodes the step as "course", "team", "create", "mine" or "summary".
func (s Step) MarshalText() ([]byte, error) { return enumMarshal(stepNames, uint8(s), "step") }

// UnmarshalText decodes a step name.
func (s *Step) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(stepNames, b, "step")
	*s = Step(v)
	return err
}

// Role is what a member of a session may do.
type Role uint8

// The roles. The zero value is Participant.
const (
	Participant Role = iota
	Facilitator
)

var roleNames = []string{"participant", "facilitator"}

func (r Role) String() string { return enumString(roleNames, uint8(r), "role") }

// MarshalText encodes the role as "participant" or "facilitator".
func (r Role) MarshalText() ([]byte, error) { return enumMarshal(roleNames, uint8(r), "role") }

// UnmarshalText decodes a role name.
func (r *Role) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(roleNames, b, "role")
	*r = Role(v)
	return err
}

// EventType names what an [Event] does. The payload fields each type
// reads are listed with it; "F" marks facilitator-only events.
type EventType string

// The event types.
const (
	// Create starts the session; its actor becomes the facilitator.
	// Payload: name (the facilitator's display name), settings, course
	// (optional).
	Create EventType = "create"
	// Join adds the actor as a participant with a display name, or renames
	// them if already joined. The facilitator may join someone in the room
	// who has no device: participant (their new id) and name. Payload: name,
	// participant.
	Join EventType = "join"
	// SetSettings (F) changes settings; anonymity can only be tightened
	// once someone has joined. Payload: settings.
	SetSettings EventType = "settings"
	// SetCourse (F, step course) sets the three Ps, objective, values and
	// KPIs. Payload: course.
	SetCourse EventType = "course"
	// NextStep (F) moves to the next step. Leaving "course" needs the
	// position, purpose and process. Payload: none.
	NextStep EventType = "step.next"
	// Reopen (F) goes back to an earlier step. Payload: step.
	Reopen EventType = "step.reopen"
	// AddItem adds an item: knowledge and skills in step "team",
	// purposeful ideas in step "create" (private until revealed). The
	// facilitator may add on behalf of a participant. Payload: item (the
	// new id), column, text, kind, evidence, tags, participant.
	AddItem EventType = "item.add"
	// EditItem changes an item's text, kind, evidence, tags or notes
	// (its author or the facilitator). Empty payload fields are left
	// unchanged. Payload: item, text, kind, evidence, tags, notes.
	EditItem EventType = "item.edit"
	// HideItem (F) hides an item; UnhideItem (F) shows it again.
	// Payload: item.
	HideItem   EventType = "item.hide"
	UnhideItem EventType = "item.unhide"
	// MergeItems (F) merges items into item: their evidence, tags and
	// votes move to it and they are hidden. Payload: item, items.
	MergeItems EventType = "item.merge"
	// Unmerge (F) undoes the latest merge into item: the merged items
	// come back with their own votes, and item loses the evidence, tags
	// and votes they brought. Payload: item.
	Unmerge EventType = "item.unmerge"
	// Import (F, step course, before any item) fills the session from a
	// grid: the course from its three Ps, objective, values and KPIs, and
	// every item with its votes, score, status and evidence, so that a
	// grid made elsewhere (the page alone, the API, an older file)
	// continues as a workshop without retyping. Payload: grid.
	Import EventType = "grid.import"
	// Reveal (F) makes private ideas visible to everyone: those listed in
	// items, or all of them when items is empty. Payload: items.
	Reveal EventType = "ideas.reveal"
	// StartTimer (F, step create) starts the research time-box: seconds,
	// or the settings' default. PauseTimer, ResumeTimer and ExtendTimer
	// (by seconds) control it. Payload: seconds.
	StartTimer  EventType = "timer.start"
	PauseTimer  EventType = "timer.pause"
	ResumeTimer EventType = "timer.resume"
	ExtendTimer EventType = "timer.extend"
	// OpenVoting (F, step mine) opens dot voting; CloseVoting (F) closes it
	// and reveals the totals. Payload: none.
	OpenVoting  EventType = "voting.open"
	CloseVoting EventType = "voting.close"
	// Vote puts one of the actor's dots on a purposeful item; Unvote takes
	// one back. In a solo session (see [Settings].Solo) the facilitator's
	// Vote and Unvote count the room's dots. Payload: item.
	Vote   EventType = "vote"
	Unvote EventType = "unvote"
	// ScoreItem records the actor's score of a purposeful item against
	// the four criteria, with cost and whether it can be made routine; a
	// later score by the same actor replaces it. Payload: item, score,
	// cost, routine.
	ScoreItem EventType = "score"
	// Decide (F, step mine or summary) sets an idea's status. Payload:
	// item, status, notes.
	Decide EventType = "decide"
)

// EventTypes lists every event type.
var EventTypes = []EventType{Create, Join, SetSettings, SetCourse, NextStep, Reopen, AddItem, EditItem, HideItem, UnhideItem, MergeItems, Unmerge, Import, Reveal, StartTimer, PauseTimer, ResumeTimer, ExtendTimer, OpenVoting, CloseVoting, Vote, Unvote, ScoreItem, Decide}

// Event is one entry of a session's append-only log. It is JSON: the
// envelope {id, type, actor, at} and the payload fields its type uses
// (see [EventType]); other payload fields must be empty.
//
// The id is chosen by whoever creates the event (a client-made UUID, say)
// and makes [Session.Apply] idempotent. The actor is the member id of who
// did it: the API sets it from the caller's token, never from the body.
// At is when it happened, set by the caller's clock: the package never
// reads the time itself.
type Event struct {
	ID    string    `json:"id"`
	Type  EventType `json:"type"`
	Actor string    `json:"actor"`
	At    time.Time `json:"at"`

	Name        string     `json:"name,omitempty"`
	Participant string     `json:"participant,omitempty"`
	Settings    *Settings  `json:"settings,omitempty"`
	Course      *Course    `json:"course,omitempty"`
	Step        *Step      `json:"step,omitempty"`
	Item        string     `json:"item,omitempty"`
	Items       []string   `json:"items,omitempty"`
	Column      Column     `json:"column,omitempty"`
	Text        string     `json:"text,omitempty"`
	Kind        Kind       `json:"kind,omitempty"`
	Evidence    []Evidence `json:"evidence,omitempty"`
	Tags        []Tag      `json:"tags,omitempty"`
	Notes       string     `json:"notes,omitempty"`
	Seconds     int        `json:"seconds,omitempty"`
	Score       *Score     `json:"score,omitempty"`
	Cost        Cost       `json:"cost,omitempty"`
	Routine     *bool      `json:"routine,omitempty"`
	Status      *Status    `json:"status,omitempty"`
	Grid        *Grid      `json:"grid,omitempty"`

	// Redacted is set on copies of events handed to a viewer who may not
	// see all of it (see [Session.EventsFor]); such copies are for display
	// and cannot be applied.
	Redacted bool `json:"redacted,omitempty"`
}

// Settings are a session's settings. The zero value works.
type Settings struct {
	// Anonymity: anonymous (default), alias or named.
	Anonymity Anonymity `json:"anonymity"`
	// Dots is how many votes each member has; 0 means 5.
	Dots int `json:"dots,omitempty"`
	// PerItem is how many of their dots a member may put on one item;
	// 0 means 2.
	PerItem int `json:"perItem,omitempty"`
	// ResearchSeconds is the default length of the research time-box;
	// 0 means 20 minutes. Any length from 1 second to 8 hours.
	ResearchSeconds int `json:"researchSeconds,omitempty"`
	// Solo marks a session the facilitator runs alone (the page's solo
	// mode), for the group in the room or for themselves: nobody joins,
	// the steps move in any order without the course filled in, the
	// course may be set at any step, ideas are not private, the research
	// time-box runs on when the step moves on, and in step mine the
	// facilitator's Vote and Unvote count the room's dots on an item,
	// without limit and without opening voting.
	Solo bool `json:"solo,omitempty"`
}

// Defaults of [Settings].
const (
	DefaultDots     = 5
	DefaultPerItem  = 2
	DefaultResearch = 20 * time.Minute
	MaxResearch     = 8 * time.Hour
)

// Course is what the facilitator sets in the first step.
type Course struct {
	Organisation string   `json:"organisation,omitempty"`
	Position     string   `json:"position,omitempty"`
	Purpose      string   `json:"purpose,omitempty"`
	Process      string   `json:"process,omitempty"`
	Objective    string   `json:"objective,omitempty"`
	Values       []string `json:"values,omitempty"`
	KPIs         []string `json:"kpis,omitempty"`
}

func (s Settings) dots() int {
	if s.Dots <= 0 {
		return DefaultDots
	}
	return s.Dots
}

func (s Settings) perItem() int {
	if s.PerItem <= 0 {
		return DefaultPerItem
	}
	return s.PerItem
}

func (s Settings) research() time.Duration {
	if s.ResearchSeconds <= 0 {
		return DefaultResearch
	}
	return time.Duration(s.ResearchSeconds) * time.Second
}
