package grid

import (
	"errors"
)

// Errors of [Session.Apply], wrapped in an [*EventError]. Test with
// errors.Is.
var (
	// ErrNotCreated: an event other than create came before the session
	// was created.
	ErrNotCreated = errors.New("grid: session not created yet")
	// ErrAlreadyCreated: a second create event.
	ErrAlreadyCreated = errors.New("grid: session already created")
	// ErrNotMember: the actor (or the named participant) has not joined.
	ErrNotMember = errors.New("grid: not a member of the session")
	// ErrForbidden: the actor's role may not do this (a participant doing
	// a facilitator action, or editing someone else's item).
	ErrForbidden = errors.New("grid: not allowed for this role")
	// ErrWrongStep: the event does not fit the current step (voting
	// before mine for gold, say).
	ErrWrongStep = errors.New("grid: not allowed in this step")
	// ErrUnknownItem: the event names an item the session does not have.
	ErrUnknownItem = errors.New("grid: unknown item")
	// ErrUnknownEvent: the event type is not one of [EventTypes].
	ErrUnknownEvent = errors.New("grid: unknown event type")
	// ErrVotingNotOpen: a vote while voting is not open.
	ErrVotingNotOpen = errors.New("grid: voting is not open")
	// ErrVotingOpen: an action that needs voting closed.
	ErrVotingOpen = errors.New("grid: voting is open")
	// ErrVoteLimit: a vote over the per-person or per-item limit.
	ErrVoteLimit = errors.New("grid: over the vote limit")
	// ErrNoVote: an unvote with no dot on the item.
	ErrNoVote = errors.New("grid: no vote to take back")
	// ErrTimer: a timer event that does not fit the timer's state.
	ErrTimer = errors.New("grid: timer")
	// ErrBadEvent: a payload field is missing, malformed or not used by
	// the event type (wrapped in a [*FieldError] with its path).
	ErrBadEvent = errors.New("grid: bad event")
	// ErrIDReused: an event id already used by a different event.
	ErrIDReused = errors.New("grid: event id reused for a different event")
	// ErrConflict: an event delivered late would make a later, already
	// accepted event invalid.
	ErrConflict = errors.New("grid: late event conflicts with later events")
	// ErrRedacted: a redacted copy of an event cannot be applied.
	ErrRedacted = errors.New("grid: redacted event")
	// ErrNoMerge: an unmerge of an item nothing was merged into.
	ErrNoMerge = errors.New("grid: nothing merged into this item")
	// ErrHidden: the item is hidden or merged into another.
	ErrHidden = errors.New("grid: item is hidden")
)

// EventError is an event that [Session.Apply] rejected: which one and why.
type EventError struct {
	ID   string
	Type EventType
	Err  error
}

func (e *EventError) Error() string {
	return fmtf("event %q (%s): %v", e.ID, e.Type, e.Err)
}

func (e *EventError) Unwrap() error { return e.Err }
