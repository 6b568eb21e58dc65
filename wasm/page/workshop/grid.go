package workshop

import (
	"errors"
	"time"

	"github.com/purposefulcx/purposeful/grid"
)

// Grid is d as a grid: the one mapping, [grid.UpgradeWorkshop], from this
// document to the grid package's model (ideas become purposeful items
// with their votes, evidence, tag, criteria as a score and adoption;
// merged ideas fold into their target). Exports, warnings and the
// standards builder read the grid.
func (d *Doc) Grid() (*grid.Grid, error) {
	b, err := d.MarshalJSON()
	if err != nil {
		return nil, err
	}
	u, err := grid.UpgradeWorkshop(b)
	if err != nil {
		return nil, err
	}
	return u.Grid, nil
}

// sourceName is the source of [Sources] of [Sources] for grid's evidence kinds.
func sourceName(ev grid.Evidence) string {
	switch ev.Source {
	case grid.OwnExperience:
		return Sources[0]
	case grid.TradePublication:
		return Sources[1]
	case grid.ReviewSite:
		return Sources[2]
	}
	if ev.Note == Sources[2] || ev.Note == Sources[3] {
		return ev.Note
	}
	return Sources[4]
}

// FromGrid makes a workshop of a grid (a "purposeful.grid/v1" export of
// the API, say), so that it opens in the page without retyping: the
// three Ps, objective, values and KPIs, the knowledge and skills, and
// every purposeful item as an idea with its votes, first evidence as its
// source, first tag as its behaviour, the criteria its score meets and
// its adoption. The workshop opens at the summary when something is
// adopted, at mine for gold when there are ideas, else at the team step.
func FromGrid(g *grid.Grid, id string, now time.Time) *Doc {
	d := New(id, now)
	d.Position, d.Purpose, d.Process = g.Position, g.Purpose, g.Process
	if g.Objective != "" {
		d.Objective = g.Objective
	}
	d.Values = append(d.Values, g.Values...)
	d.KPIs = append(d.KPIs, g.KPIs...)
	for _, it := range g.Knowledge {
		d.AddItem(false, it.Text)
	}
	for _, it := range g.Skills {
		d.AddItem(true, it.Text)
	}
	d.Phase = PhaseTeam
	for _, it := range g.Purposeful {
		src := ""
		if len(it.Evidence) > 0 {
			src = sourceName(it.Evidence[0])
		}
		x := d.Idea(d.AddIdea(it.Text, src))
		if len(it.Tags) > 0 && int(it.Tags[0]) >= 1 && int(it.Tags[0]) <= len(BehaviourTags) {
			x.Tag = BehaviourTags[it.Tags[0]-1]
		}
		x.Votes = it.Votes
		if it.Score != nil {
			for i := range grid.Criteria {
				if it.Score.Met(i) {
					x.Met = append(x.Met, i)
				}
			}
		}
		x.Adopted = it.Status == grid.Adopted
		d.Phase = PhaseGold
	}
	if len(d.Adopted()) > 0 {
		d.Phase = PhaseSummary
	}
	return d
}

// BehaviourTags name grid's tags (in the order of [grid.Tags]) as the
// page shows them: the seven voluntary service behaviours of Steve
// Curtin's "Delight Your Customers".
var BehaviourTags = []string{
	"Genuine interest", "Sincere, specific compliment", "Sharing unique knowledge",
	"Authentic enthusiasm", "Appropriate humour", "Pleasant surprise", "Service heroics",
}

// DecodeAny reads a file the page may import: a workshop, or a grid
// ("purposeful.grid/v1", as the API exports it), which becomes a new
// workshop with id. Errors name the field path as [Decode] and
// [grid.DecodeDraft] do.
func DecodeAny(data []byte, id string, now time.Time) (*Doc, error) {
	d, err := Decode(data)
	if err == nil || !errors.Is(err, ErrVersion) {
		return d, err
	}
	g, gerr := grid.DecodeDraft(data)
	switch {
	case gerr == nil:
		return FromGrid(g, id, now), nil
	case errors.Is(gerr, grid.ErrVersion): // not a grid either: the workshop's problems
		return nil, err
	}
	return nil, gerr
}
