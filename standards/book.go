package standards

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Version is the version of the JSON document written by [Encode] and the
// only one [Decode] accepts.
const Version = "purposeful.standards/v1"

// DefaultPriorities is an example priority order, after Disney's service
// keys: safety first, then courtesy, then the show, then efficiency. A
// [Book] with no Priorities accepts any key.
var DefaultPriorities = []string{"safety", "courtesy", "show", "efficiency"}

// Book is an organisation's standards for one or more positions, with the
// purpose they serve, the order of its priorities, its scorecards and the
// observations recorded against them. It is the stored JSON document.
type Book struct {
	Version      string `json:"version"`
	Organisation string `json:"organisation,omitempty"`
	// Purpose is the purpose the standards serve (the role's or the
	// organisation's); the linter checks that rationales connect to it.
	Purpose string `json:"purpose,omitempty"`
	// Priorities is the organisation's ordered list of priority keys,
	// most important first (see [DefaultPriorities]).
	Priorities   []string      `json:"priorities,omitempty"`
	Standards    []Standard    `json:"standards"`
	Scorecards   []Scorecard   `json:"scorecards,omitempty"`
	Observations []Observation `json:"observations,omitempty"`
}

// NewBook returns an empty book with the current [Version].
func NewBook(purpose string, priorities []string) *Book {
	return &Book{Version: Version, Purpose: purpose, Priorities: slices.Clone(priorities), Standards: []Standard{}}
}

// Standard returns the standard with the given id, or nil.
func (b *Book) Standard(id string) *Standard {
	for i := range b.Standards {
		if b.Standards[i].ID == id {
			return &b.Standards[i]
		}
	}
	return nil
}

// Scorecard returns the scorecard with the given id, or nil.
func (b *Book) Scorecard(id string) *Scorecard {
	for i := range b.Scorecards {
		if b.Scorecards[i].ID == id {
			return &b.Scorecards[i]
		}
	}
	return nil
}

// PriorityRank is the position of key in the book's priority list (0 is
// most important), or len(Priorities) when the key is not listed.
func (b *Book) PriorityRank(key string) int {
	if i := slices.Index(b.Priorities, key); i >= 0 {
		return i
	}
	return len(b.Priorities)
}

// Validate checks the whole book and reports every problem, each a
// [*FieldError] with its path ("standards[2].statement",
// "observations[4].ratings[1].value"): the version, every standard
// ([Standard.Validate]), unique standard codes and ids, priority keys in
// the list, every scorecard ([Scorecard.Validate]) and that its criteria
// name known standards, and every observation against its scorecard.
func (b *Book) Validate() error {
	var errs []error
	if b.Version != Version {
		errs = append(errs, fieldErr("version", ErrVersion, "%q, want %q", b.Version, Version))
	}
	prio := map[string]bool{}
	for i, p := range b.Priorities {
		if strings.TrimSpace(p) == "" {
			errs = append(errs, fieldErr(fmt.Sprintf("priorities[%d]", i), ErrMissing, ""))
		} else if prio[p] {
			errs = append(errs, fieldErr(fmt.Sprintf("priorities[%d]", i), ErrDuplicate, "%q", p))
		}
		prio[p] = true
	}
	ids, codes := map[string]int{}, map[string]int{}
	for i := range b.Standards {
		s := &b.Standards[i]
		p := fmt.Sprintf("standards[%d]", i)
		if err := s.Validate(); err != nil {
			errs = append(errs, prefix(p, err))
		}
		if j, dup := ids[s.ID]; dup && s.ID != "" {
			errs = append(errs, fieldErr(p+".id", ErrDuplicate, "%q is also standards[%d]", s.ID, j))
		} else {
			ids[s.ID] = i
		}
		if j, dup := codes[s.Code]; dup && s.Code != "" {
			errs = append(errs, fieldErr(p+".code", ErrDuplicate, "%q is also standards[%d]", s.Code, j))
		} else {
			codes[s.Code] = i
		}
		if s.Priority != "" && len(b.Priorities) > 0 && !prio[s.Priority] {
			errs = append(errs, fieldErr(p+".priority", ErrUnknownPriority, "%q is not in %q", s.Priority, b.Priorities))
		}
	}
	cards := map[string]int{}
	for i := range b.Scorecards {
		c := &b.Scorecards[i]
		p := fmt.Sprintf("scorecards[%d]", i)
		if err := c.Validate(); err != nil {
			errs = append(errs, prefix(p, err))
		}
		if j, dup := cards[c.ID]; dup && c.ID != "" {
			errs = append(errs, fieldErr(p+".id", ErrDuplicate, "%q is also scorecards[%d]", c.ID, j))
		} else {
			cards[c.ID] = i
		}
		for si, sec := range c.Sections {
			for ci, cr := range sec.Criteria {
				if _, ok := ids[cr.Standard]; !ok && cr.Standard != "" {
					errs = append(errs, fieldErr(fmt.Sprintf("%s.sections[%d].criteria[%d].standard", p, si, ci), ErrUnknownStandard, "%q", cr.Standard))
				}
			}
		}
	}
	obs := map[string]int{}
	for i := range b.Observations {
		o := &b.Observations[i]
		p := fmt.Sprintf("observations[%d]", i)
		var oerrs []error
		oerrs = append(oerrs, o.validateShape()...)
		if j, dup := obs[o.ID]; dup && o.ID != "" {
			oerrs = append(oerrs, fieldErr("id", ErrDuplicate, "%q is also observations[%d]", o.ID, j))
		} else {
			obs[o.ID] = i
		}
		if o.Scorecard != "" {
			if card := b.Scorecard(o.Scorecard); card == nil {
				oerrs = append(oerrs, fieldErr("scorecard", ErrUnknownScorecard, "%q", o.Scorecard))
			} else {
				idx := card.index()
				oerrs = append(oerrs, validateRatings("ratings", o.Ratings, card, idx)...)
				if o.Dispute != nil && len(o.Dispute.Original) > 0 {
					oerrs = append(oerrs, validateRatings("dispute.original", o.Dispute.Original, card, idx)...)
				}
			}
		}
		if err := errors.Join(oerrs...); err != nil {
			errs = append(errs, prefix(p, err))
		}
	}
	return errors.Join(errs...)
}

// AddStandard validates s and appends it. Besides [Standard.Validate] the
// id and code must be new and the priority in the book's list. On any
// error nothing changes.
func (b *Book) AddStandard(s Standard) error {
	var errs []error
	if err := s.Validate(); err != nil {
		errs = append(errs, err)
	}
	for i := range b.Standards {
		if s.ID != "" && b.Standards[i].ID == s.ID {
			errs = append(errs, fieldErr("id", ErrDuplicate, "%q is also standards[%d]", s.ID, i))
		}
		if s.Code != "" && b.Standards[i].Code == s.Code {
			errs = append(errs, fieldErr("code", ErrDuplicate, "%q is also standards[%d]", s.Code, i))
		}
	}
	if s.Priority != "" && len(b.Priorities) > 0 && !slices.Contains(b.Priorities, s.Priority) {
		errs = append(errs, fieldErr("priority", ErrUnknownPriority, "%q is not in %q", s.Priority, b.Priorities))
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	b.Standards = append(b.Standards, s)
	return nil
}

// AddScorecard validates c and appends a copy. Besides
// [Scorecard.Validate] the id must be new and every criterion must name a
// standard of the book. On any error nothing changes.
func (b *Book) AddScorecard(c Scorecard) error {
	var errs []error
	if err := c.Validate(); err != nil {
		errs = append(errs, err)
	}
	if c.ID != "" && b.Scorecard(c.ID) != nil {
		errs = append(errs, fieldErr("id", ErrDuplicate, "%q", c.ID))
	}
	for si, sec := range c.Sections {
		for ci, cr := range sec.Criteria {
			if cr.Standard != "" && b.Standard(cr.Standard) == nil {
				errs = append(errs, fieldErr(fmt.Sprintf("sections[%d].criteria[%d].standard", si, ci), ErrUnknownStandard, "%q", cr.Standard))
			}
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	c.Sections = slices.Clone(c.Sections)
	for i := range c.Sections {
		c.Sections[i].Criteria = slices.Clone(c.Sections[i].Criteria)
	}
	b.Scorecards = append(b.Scorecards, c)
	return nil
}
