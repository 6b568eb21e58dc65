package grid

import "slices"

// Version is the value of the version field of every grid document.
const Version = "purposeful.grid/v1"

// Grid is the 3 Ps grid of one position and one process: the Position,
// its Purpose and the Process, the organisation's core values and the
// process's KPIs, and three columns of items.
//
// A grid with the three Ps filled in and empty columns is the printable
// template (see [Grid.IsTemplate]); a grid with items is the completed
// grid.
type Grid struct {
	// Version is "purposeful.grid/v1". [Encode] fills it in; [Decode]
	// requires it.
	Version string `json:"version"`
	// ID is an optional identifier, unique within a [Portfolio].
	ID string `json:"id,omitempty"`
	// Organisation is the organisation's name, optional.
	Organisation string `json:"organisation,omitempty"`
	// Position is the job role ("Front-desk agent"). Required.
	Position string `json:"position"`
	// Purpose is the role's higher purpose. Required.
	Purpose string `json:"purpose"`
	// Process is one process of the role ("Guest check-in"). Required.
	Process string `json:"process"`
	// Objective is the group's objective, stated when setting the course.
	Objective string `json:"objective,omitempty"`
	// Values are the organisation's core values.
	Values []string `json:"values,omitempty"`
	// KPIs are the process's key performance indicators.
	KPIs []string `json:"kpis,omitempty"`
	// Anonymity says how the Author of items may be shown. Renderers
	// honour it: with Anonymous (the zero value) no author is ever
	// printed, even if the items carry one.
	Anonymity Anonymity `json:"anonymity"`
	// Knowledge is the job-knowledge column.
	Knowledge []Item `json:"knowledge"`
	// Skills is the job-skills column.
	Skills []Item `json:"skills"`
	// Purposeful is the column of purposeful actions and behaviours.
	Purposeful []Item `json:"purposeful"`
}

// Item is one entry of a column.
type Item struct {
	// ID identifies the item within its grid. Required, unique.
	ID string `json:"id"`
	// Text is what the item says. Required, at most 10,000 bytes.
	Text string `json:"text"`
	// Kind is knowledge, skill, action or behaviour; unset means the
	// column's natural kind (action for the purposeful column).
	Kind Kind `json:"kind,omitempty"`
	// Author is who offered it, as the grid's Anonymity allows: empty when
	// anonymous, an alias or a display name otherwise.
	Author string `json:"author,omitempty"`
	// Evidence backs a purposeful idea: where it was seen.
	Evidence []Evidence `json:"evidence,omitempty"`
	// Tags are Curtin's seven behaviours the idea shows.
	Tags []Tag `json:"tags,omitempty"`
	// Votes is the number of dots it received.
	Votes int `json:"votes,omitempty"`
	// Score is the group's mean score against the four criteria.
	Score *Score `json:"score,omitempty"`
	// Routine says whether it can be built into the process (nil: not
	// yet judged). A false Routine usually goes with status one-off.
	Routine *bool `json:"routine,omitempty"`
	// Status is proposed (zero), adopted, parked or one-off.
	Status Status `json:"status,omitempty"`
	// Cost is what it costs the employer: none, low, high or unknown.
	Cost Cost `json:"cost,omitempty"`
	// Notes are free text.
	Notes string `json:"notes,omitempty"`
}

// Evidence is where an idea was found.
type Evidence struct {
	// Source is the kind of source. Required.
	Source Source `json:"source"`
	// Site names the review site or publication ("Tripadvisor"). Required
	// for a review site.
	Site string `json:"site,omitempty"`
	// Link is an http or https address, optional.
	Link string `json:"link,omitempty"`
	// Quote is a short verbatim comment (from a review, say).
	Quote string `json:"quote,omitempty"`
	// Rating is the reviewer's rating, 0 when not given.
	Rating float64 `json:"rating,omitempty"`
	// OutOf is the top of the rating scale; 0 means 5.
	OutOf float64 `json:"outOf,omitempty"`
	// Note is free text ("my stay in Lisbon last spring").
	Note string `json:"note,omitempty"`
}

// Score rates an idea against the four criteria of "mine for gold", each
// from 0 (not at all) to [MaxScore] (strongly). In a grid it is the mean
// of the participants' scores.
type Score struct {
	Experience float64 `json:"experience"` // elevates the customer's experience
	KPIs       float64 `json:"kpis"`       // helps reach the process's KPIs
	Values     float64 `json:"values"`     // reflects the core values
	Purpose    float64 `json:"purpose"`    // advances the purpose of the organisation and the role
}

// MaxScore is the top of the scale of each criterion of a [Score].
const MaxScore = 3

// Criteria are the four questions of "mine for gold", in the order of
// the fields of [Score].
var Criteria = []string{
	"Elevates the customer's experience",
	"Helps reach the KPIs",
	"Reflects our core values",
	"Advances the purpose of the organisation and the role",
}

// field returns the criterion i of s (0 experience, 1 KPIs, 2 values,
// 3 purpose).
func (s *Score) field(i int) *float64 {
	switch i {
	case 0:
		return &s.Experience
	case 1:
		return &s.KPIs
	case 2:
		return &s.Values
	}
	return &s.Purpose
}

// Met reports whether criterion i (an index into [Criteria]) is met: its
// score is at least half of [MaxScore].
func (s Score) Met(i int) bool { return i >= 0 && i < len(Criteria) && *s.field(i)*2 >= MaxScore }

// MetCount is how many of the four criteria are met.
func (s Score) MetCount() int {
	n := 0
	for i := range Criteria {
		if s.Met(i) {
			n++
		}
	}
	return n
}

// Total is the sum of the four criteria, from 0 to 4*MaxScore.
func (s Score) Total() float64 { return s.Experience + s.KPIs + s.Values + s.Purpose }

// Column returns the items of column c (nil for ColumnUnset).
func (g *Grid) Column(c Column) []Item {
	switch c {
	case ColumnKnowledge:
		return g.Knowledge
	case ColumnSkills:
		return g.Skills
	case ColumnPurposeful:
		return g.Purposeful
	}
	return nil
}

// IsTemplate reports whether the grid is the empty template: no items in
// any column.
func (g *Grid) IsTemplate() bool {
	return len(g.Knowledge) == 0 && len(g.Skills) == 0 && len(g.Purposeful) == 0
}

// Template returns the empty template of g: the three Ps, objective,
// values and KPIs, with no items.
func (g *Grid) Template() *Grid {
	t := *g
	t.Knowledge, t.Skills, t.Purposeful = nil, nil, nil
	t.Values = append([]string(nil), g.Values...)
	t.KPIs = append([]string(nil), g.KPIs...)
	return &t
}

// Adopted returns the adopted purposeful items in rank order.
func (g *Grid) Adopted() []Item {
	var out []Item
	for _, it := range Rank(g.Purposeful) {
		if it.Status == Adopted {
			out = append(out, it)
		}
	}
	return out
}

// Find returns the item with the given id and its column.
func (g *Grid) Find(id string) (*Item, Column, bool) {
	for _, c := range Columns {
		items := g.Column(c)
		for i := range items {
			if items[i].ID == id {
				return &items[i], c, true
			}
		}
	}
	return nil, ColumnUnset, false
}

// absorb adds to it the evidence and tags of src that it does not have
// yet, as merging src into it does.
func (it *Item) absorb(src *Item) {
	for _, ev := range src.Evidence {
		if !slices.Contains(it.Evidence, ev) {
			it.Evidence = append(it.Evidence, ev)
		}
	}
	for _, t := range src.Tags {
		if !slices.Contains(it.Tags, t) {
			it.Tags = append(it.Tags, t)
		}
	}
}

// effectiveKind is the item's kind, or the column's natural kind.
func effectiveKind(it *Item, c Column) Kind {
	if it.Kind != KindUnset {
		return it.Kind
	}
	switch c {
	case ColumnKnowledge:
		return Knowledge
	case ColumnSkills:
		return Skill
	case ColumnPurposeful:
		return Action
	}
	return KindUnset
}

// authorShown is the author as anonymity a allows.
func authorShown(a Anonymity, author string) string {
	if a == Anonymous {
		return ""
	}
	return author
}
