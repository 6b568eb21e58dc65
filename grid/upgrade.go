package grid

import (
	"errors"
	"strings"
	"time"
)

// WorkshopV1 is the version of the documents the browser page saved and
// exported before it ran the activity on this package. [Decode] and
// [UpgradeWorkshop] still read them.
const WorkshopV1 = "purposeful.workshop/v1"

// Upgraded is a "purposeful.workshop/v1" document read into this
// package's model: the grid, and what the old page kept beside it.
type Upgraded struct {
	Grid *Grid
	// Step is the step the old workshop was at.
	Step Step
	// Ladder is the revelation ladder: the job function, then the
	// answers to "why does that matter?".
	Ladder []string
	// ResearchSeconds is the length of its research time-box.
	ResearchSeconds int
	Created         time.Time
	Updated         time.Time
}

// UpgradeWorkshop reads a "purposeful.workshop/v1" document strictly
// (unknown fields and wrong types are [*FieldError]s with paths) and
// upgrades it: knowledge and skills keep their ids and texts; each idea
// becomes a purposeful item with its votes, its source as evidence, its
// behaviour as a tag, the criteria it met as a [Score] (a met criterion
// scores [MaxScore], the others 0) and adopted as [Adopted]. An idea
// merged into another is folded into it: its evidence and tags join the
// target's and its text is kept in the target's notes. A standard drafted
// from an idea is kept in that idea's notes. The grid is checked with
// [Grid.ValidateDraft].
func UpgradeWorkshop(data []byte) (*Upgraded, error) {
	root, err := parseJSON(data)
	if err != nil {
		return nil, err
	}
	if err := versionOf(&root, WorkshopV1); err != nil {
		return nil, err
	}
	return upgradeWorkshopInfo(&root)
}

func isWorkshopV1(root *jv) bool {
	return root.kind == 'o' && versionOf(root, WorkshopV1) == nil
}

func upgradeWorkshop(root *jv) (*Grid, error) {
	u, err := upgradeWorkshopInfo(root)
	if err != nil {
		return nil, err
	}
	return u.Grid, nil
}

type oldIdea struct {
	id, text, source, tag, mergedInto string
	votes                             int
	met                               []int
	adopted                           bool
}

type oldStandard struct{ code, item, statement, rationale, deviation string }

// oldSource maps the old page's source names to evidence.
func oldSource(name string) (Evidence, bool) {
	switch name {
	case "Own experience as a customer":
		return Evidence{Source: OwnExperience}, true
	case "Trade publication":
		return Evidence{Source: TradePublication}, true
	case "Review site": // the old page kept no site name
		return Evidence{Source: OtherSource, Note: "Review site"}, true
	case "A colleague":
		return Evidence{Source: OtherSource, Note: "A colleague"}, true
	case "Other":
		return Evidence{Source: OtherSource}, true
	case "":
		return Evidence{}, false
	}
	return Evidence{Source: OtherSource, Note: name}, true
}

// oldTags are the old page's behaviour labels, in the order of [Tags].
var oldTags = []string{
	"Genuine interest", "Sincere, specific compliment", "Sharing unique knowledge",
	"Authentic enthusiasm", "Appropriate humour", "Pleasant surprise", "Service heroics",
}

var oldSteps = []string{"course", "team", "creative", "gold", "summary"}

func upgradeWorkshopInfo(root *jv) (*Upgraded, error) {
	var r rd
	g := &Grid{Version: Version}
	u := &Upgraded{Grid: g}
	var ideas []oldIdea
	var stds []oldStandard
	oldItems := func(p string, v *jv) []Item {
		return list(&r, p, v, func(p string, v *jv) Item {
			var it Item
			r.obj(p, v, func(k, p string, v *jv) bool {
				switch k {
				case "id":
					it.ID = r.str(p, v)
				case "text":
					it.Text = r.str(p, v)
				default:
					return false
				}
				return true
			})
			return it
		})
	}
	r.obj("", root, func(k, p string, v *jv) bool {
		if r.gridCourse(g, k, p, v) {
			return true
		}
		switch k {
		case "version", "criteria", "seq":
			// the criteria were always the four of Score; seq numbered ids
		case "knowledge":
			g.Knowledge = oldItems(p, v)
		case "skills":
			g.Skills = oldItems(p, v)
		case "ideas":
			ideas = list(&r, p, v, func(p string, v *jv) oldIdea {
				var x oldIdea
				r.obj(p, v, func(k, p string, v *jv) bool {
					switch k {
					case "id":
						x.id = r.str(p, v)
					case "text":
						x.text = r.str(p, v)
					case "source":
						x.source = r.str(p, v)
					case "tag":
						x.tag = r.str(p, v)
					case "votes":
						x.votes = r.int(p, v)
					case "met":
						x.met = list(&r, p, v, r.int)
					case "adopted":
						x.adopted = r.bool(p, v)
					case "merged_into":
						x.mergedInto = r.str(p, v)
					default:
						return false
					}
					return true
				})
				return x
			})
		case "ladder":
			u.Ladder = r.strs(p, v)
		case "standards":
			stds = list(&r, p, v, func(p string, v *jv) oldStandard {
				var s oldStandard
				r.obj(p, v, func(k, p string, v *jv) bool {
					switch k {
					case "code":
						s.code = r.str(p, v)
					case "item":
						s.item = r.str(p, v)
					case "statement":
						s.statement = r.str(p, v)
					case "rationale":
						s.rationale = r.str(p, v)
					case "deviation":
						s.deviation = r.str(p, v)
					default:
						return false
					}
					return true
				})
				return s
			})
		case "phase":
			name := r.str(p, v)
			found := false
			for i, n := range oldSteps {
				if n == name {
					u.Step, found = Step(i), true
				}
			}
			if !found && v.kind == 's' {
				r.add(fieldErrf(p, ErrUnknownValue, "unknown phase %q", name))
			}
		case "timer":
			r.obj(p, v, func(k, p string, v *jv) bool {
				switch k {
				case "length_seconds":
					u.ResearchSeconds = r.int(p, v)
				case "used_ms":
					r.float(p, v)
				case "running":
					r.bool(p, v)
				case "started":
					r.time(p, v)
				default:
					return false
				}
				return true
			})
		case "created":
			u.Created = r.time(p, v)
		case "updated":
			u.Updated = r.time(p, v)
		default:
			return false
		}
		return true
	})
	if err := errors.Join(r.errs...); err != nil {
		return nil, err
	}
	at := map[string]int{}
	for _, x := range ideas {
		if x.mergedInto != "" {
			continue
		}
		it := Item{ID: x.id, Text: x.text, Votes: x.votes}
		if ev, ok := oldSource(x.source); ok {
			it.Evidence = []Evidence{ev}
		}
		for i, t := range oldTags {
			if t == x.tag {
				it.Tags = []Tag{Tags[i]}
			}
		}
		if len(x.met) > 0 {
			it.Score = &Score{}
			for _, m := range x.met {
				if m >= 0 && m < len(Criteria) {
					*it.Score.field(m) = MaxScore
				}
			}
		}
		if x.adopted {
			it.Status = Adopted
		}
		at[x.id] = len(g.Purposeful)
		g.Purposeful = append(g.Purposeful, it)
	}
	note := func(id, line string) bool {
		i, ok := at[id]
		if !ok {
			return false
		}
		it := &g.Purposeful[i]
		if it.Notes != "" {
			it.Notes += "\n"
		}
		it.Notes += line
		return true
	}
	for _, x := range ideas {
		if x.mergedInto == "" {
			continue
		}
		target := x.mergedInto
		for range len(ideas) { // follow a chain of merges to its end
			next := ""
			for _, y := range ideas {
				if y.id == target {
					next = y.mergedInto
				}
			}
			if next == "" {
				break
			}
			target = next
		}
		if i, ok := at[target]; ok {
			var src Item
			if ev, ok := oldSource(x.source); ok {
				src.Evidence = []Evidence{ev}
			}
			g.Purposeful[i].absorb(&src)
		}
		note(target, "Merged in: "+x.text)
	}
	for _, s := range stds {
		var b strings.Builder
		b.WriteString("Standard")
		if s.code != "" {
			b.WriteString(" " + s.code)
		}
		b.WriteString(": " + s.statement)
		if s.rationale != "" {
			b.WriteString(" Why: " + s.rationale)
		}
		if s.deviation != "" {
			b.WriteString(" When to deviate: " + s.deviation)
		}
		if !note(s.item, b.String()) && s.statement != "" {
			if g.Objective != "" {
				g.Objective += "\n"
			}
			g.Objective += b.String()
		}
	}
	if err := g.ValidateDraft(); err != nil {
		return nil, err
	}
	g.normalize()
	return u, nil
}
