package grid

// The typed halves of the reflection-free codec: one writer and one
// reader per type, field by field in the order of the struct tags.

import "errors"

func (w *jw) grid(g *Grid) {
	w.open('{')
	w.key("version")
	w.str(g.Version)
	w.optStr("id", g.ID)
	w.optStr("organisation", g.Organisation)
	w.key("position")
	w.str(g.Position)
	w.key("purpose")
	w.str(g.Purpose)
	w.key("process")
	w.str(g.Process)
	w.optStr("objective", g.Objective)
	if len(g.Values) > 0 {
		w.key("values")
		w.strs(g.Values)
	}
	if len(g.KPIs) > 0 {
		w.key("kpis")
		w.strs(g.KPIs)
	}
	w.key("anonymity")
	w.text(g.Anonymity.MarshalText())
	w.key("knowledge")
	w.items(g.Knowledge)
	w.key("skills")
	w.items(g.Skills)
	w.key("purposeful")
	w.items(g.Purposeful)
	w.close('}')
}

func (w *jw) items(list []Item) {
	if list == nil {
		w.null()
		return
	}
	w.open('[')
	for i := range list {
		w.elem()
		w.item(&list[i])
	}
	w.close(']')
}

func (w *jw) item(it *Item) {
	w.open('{')
	w.key("id")
	w.str(it.ID)
	w.key("text")
	w.str(it.Text)
	if it.Kind != KindUnset {
		w.key("kind")
		w.text(it.Kind.MarshalText())
	}
	w.optStr("author", it.Author)
	if len(it.Evidence) > 0 {
		w.key("evidence")
		w.evidence(it.Evidence)
	}
	if len(it.Tags) > 0 {
		w.key("tags")
		w.tags(it.Tags)
	}
	w.optInt("votes", it.Votes)
	if it.Score != nil {
		w.key("score")
		w.score(it.Score)
	}
	if it.Routine != nil {
		w.key("routine")
		w.bool(*it.Routine)
	}
	if it.Status != Proposed {
		w.key("status")
		w.text(it.Status.MarshalText())
	}
	if it.Cost != CostUnknown {
		w.key("cost")
		w.text(it.Cost.MarshalText())
	}
	w.optStr("notes", it.Notes)
	w.close('}')
}

func (w *jw) evidence(list []Evidence) {
	w.open('[')
	for _, ev := range list {
		w.elem()
		w.open('{')
		w.key("source")
		w.text(ev.Source.MarshalText())
		w.optStr("site", ev.Site)
		w.optStr("link", ev.Link)
		w.optStr("quote", ev.Quote)
		if ev.Rating != 0 {
			w.key("rating")
			w.float(ev.Rating)
		}
		if ev.OutOf != 0 {
			w.key("outOf")
			w.float(ev.OutOf)
		}
		w.optStr("note", ev.Note)
		w.close('}')
	}
	w.close(']')
}

func (w *jw) tags(list []Tag) {
	w.open('[')
	for _, t := range list {
		w.elem()
		w.text(t.MarshalText())
	}
	w.close(']')
}

func (w *jw) score(s *Score) {
	w.open('{')
	w.key("experience")
	w.float(s.Experience)
	w.key("kpis")
	w.float(s.KPIs)
	w.key("values")
	w.float(s.Values)
	w.key("purpose")
	w.float(s.Purpose)
	w.close('}')
}

// gridCourse reads the fields a grid shares with the old workshop document:
// its id, the three Ps, objective, values and KPIs.
func (r *rd) gridCourse(g *Grid, k, p string, v *jv) bool {
	switch k {
	case "id":
		g.ID = r.str(p, v)
	case "position":
		g.Position = r.str(p, v)
	case "purpose":
		g.Purpose = r.str(p, v)
	case "process":
		g.Process = r.str(p, v)
	case "objective":
		g.Objective = r.str(p, v)
	case "values":
		g.Values = r.strs(p, v)
	case "kpis":
		g.KPIs = r.strs(p, v)
	default:
		return false
	}
	return true
}

func (r *rd) grid(path string, v *jv, g *Grid) {
	r.obj(path, v, func(k, p string, v *jv) bool {
		if r.gridCourse(g, k, p, v) {
			return true
		}
		switch k {
		case "version":
			g.Version = r.str(p, v)
		case "organisation":
			g.Organisation = r.str(p, v)
		case "anonymity":
			r.text(p, v, &g.Anonymity)
		case "knowledge":
			g.Knowledge = r.items(p, v)
		case "skills":
			g.Skills = r.items(p, v)
		case "purposeful":
			g.Purposeful = r.items(p, v)
		default:
			return false
		}
		return true
	})
}

func (r *rd) items(path string, v *jv) []Item {
	return list(r, path, v, func(p string, v *jv) Item {
		var it Item
		r.item(p, v, &it)
		return it
	})
}

func (r *rd) item(path string, v *jv, it *Item) {
	r.obj(path, v, func(k, p string, v *jv) bool {
		switch k {
		case "id":
			it.ID = r.str(p, v)
		case "text":
			it.Text = r.str(p, v)
		case "kind":
			r.text(p, v, &it.Kind)
		case "author":
			it.Author = r.str(p, v)
		case "evidence":
			it.Evidence = r.evidence(p, v)
		case "tags":
			it.Tags = r.tags(p, v)
		case "votes":
			it.Votes = r.int(p, v)
		case "score":
			it.Score = r.score(p, v)
		case "routine":
			it.Routine = r.optBool(p, v)
		case "status":
			r.text(p, v, &it.Status)
		case "cost":
			r.text(p, v, &it.Cost)
		case "notes":
			it.Notes = r.str(p, v)
		default:
			return false
		}
		return true
	})
}

func (r *rd) optBool(path string, v *jv) *bool {
	if v.kind == 'z' {
		return nil
	}
	b := r.bool(path, v)
	return &b
}

func (r *rd) evidence(path string, v *jv) []Evidence {
	return list(r, path, v, func(path string, v *jv) Evidence {
		var ev Evidence
		r.obj(path, v, func(k, p string, v *jv) bool {
			switch k {
			case "source":
				r.text(p, v, &ev.Source)
			case "site":
				ev.Site = r.str(p, v)
			case "link":
				ev.Link = r.str(p, v)
			case "quote":
				ev.Quote = r.str(p, v)
			case "rating":
				ev.Rating = r.float(p, v)
			case "outOf":
				ev.OutOf = r.float(p, v)
			case "note":
				ev.Note = r.str(p, v)
			default:
				return false
			}
			return true
		})
		return ev
	})
}

func (r *rd) tags(path string, v *jv) []Tag {
	return list(r, path, v, func(p string, v *jv) Tag {
		var t Tag
		r.text(p, v, &t)
		return t
	})
}

func (r *rd) score(path string, v *jv) *Score {
	if v.kind == 'z' {
		return nil
	}
	s := &Score{}
	r.obj(path, v, func(k, p string, v *jv) bool {
		switch k {
		case "experience":
			s.Experience = r.float(p, v)
		case "kpis":
			s.KPIs = r.float(p, v)
		case "values":
			s.Values = r.float(p, v)
		case "purpose":
			s.Purpose = r.float(p, v)
		default:
			return false
		}
		return true
	})
	return s
}

func (w *jw) portfolio(p *Portfolio) {
	w.open('{')
	w.key("version")
	w.str(p.Version)
	w.optStr("name", p.Name)
	if len(p.Plan) > 0 {
		w.key("plan")
		w.open('[')
		for _, pr := range p.Plan {
			w.elem()
			w.open('{')
			w.key("position")
			w.str(pr.Position)
			w.key("process")
			w.str(pr.Process)
			w.close('}')
		}
		w.close(']')
	}
	w.key("grids")
	if p.Grids == nil {
		w.null()
	} else {
		w.open('[')
		for i := range p.Grids {
			w.elem()
			w.grid(&p.Grids[i])
		}
		w.close(']')
	}
	w.close('}')
}

func (r *rd) portfolio(v *jv, p *Portfolio) {
	r.obj("", v, func(k, path string, v *jv) bool {
		switch k {
		case "version":
			p.Version = r.str(path, v)
		case "name":
			p.Name = r.str(path, v)
		case "plan":
			p.Plan = list(r, path, v, func(path string, v *jv) Pair {
				var pr Pair
				r.obj(path, v, func(k, p string, v *jv) bool {
					switch k {
					case "position":
						pr.Position = r.str(p, v)
					case "process":
						pr.Process = r.str(p, v)
					default:
						return false
					}
					return true
				})
				return pr
			})
		case "grids":
			p.Grids = list(r, path, v, func(path string, v *jv) Grid {
				var g Grid
				r.grid(path, v, &g)
				return g
			})
		default:
			return false
		}
		return true
	})
}

// event writes one event.
func (w *jw) event(e *Event) {
	w.open('{')
	w.key("id")
	w.str(e.ID)
	w.key("type")
	w.str(string(e.Type))
	w.key("actor")
	w.str(e.Actor)
	w.key("at")
	w.time(e.At)
	w.optStr("name", e.Name)
	w.optStr("participant", e.Participant)
	if s := e.Settings; s != nil {
		w.key("settings")
		w.settings(s)
	}
	if c := e.Course; c != nil {
		w.key("course")
		w.course(c)
	}
	if e.Step != nil {
		w.key("step")
		w.text(e.Step.MarshalText())
	}
	w.optStr("item", e.Item)
	if len(e.Items) > 0 {
		w.key("items")
		w.strs(e.Items)
	}
	if e.Column != ColumnUnset {
		w.key("column")
		w.text(e.Column.MarshalText())
	}
	w.optStr("text", e.Text)
	if e.Kind != KindUnset {
		w.key("kind")
		w.text(e.Kind.MarshalText())
	}
	if len(e.Evidence) > 0 {
		w.key("evidence")
		w.evidence(e.Evidence)
	}
	if len(e.Tags) > 0 {
		w.key("tags")
		w.tags(e.Tags)
	}
	w.optStr("notes", e.Notes)
	w.optInt("seconds", e.Seconds)
	if e.Score != nil {
		w.key("score")
		w.score(e.Score)
	}
	if e.Cost != CostUnknown {
		w.key("cost")
		w.text(e.Cost.MarshalText())
	}
	if e.Routine != nil {
		w.key("routine")
		w.bool(*e.Routine)
	}
	if e.Status != nil {
		w.key("status")
		w.text(e.Status.MarshalText())
	}
	if e.Grid != nil {
		w.key("grid")
		w.grid(e.Grid)
	}
	if e.Redacted {
		w.key("redacted")
		w.bool(true)
	}
	w.close('}')
}

func (w *jw) settings(s *Settings) {
	w.open('{')
	w.key("anonymity")
	w.text(s.Anonymity.MarshalText())
	w.optInt("dots", s.Dots)
	w.optInt("perItem", s.PerItem)
	w.optInt("researchSeconds", s.ResearchSeconds)
	if s.Solo {
		w.key("solo")
		w.bool(true)
	}
	w.close('}')
}

func (w *jw) course(c *Course) {
	w.open('{')
	w.optStr("organisation", c.Organisation)
	w.optStr("position", c.Position)
	w.optStr("purpose", c.Purpose)
	w.optStr("process", c.Process)
	w.optStr("objective", c.Objective)
	if len(c.Values) > 0 {
		w.key("values")
		w.strs(c.Values)
	}
	if len(c.KPIs) > 0 {
		w.key("kpis")
		w.strs(c.KPIs)
	}
	w.close('}')
}

func (r *rd) event(path string, v *jv, e *Event) {
	r.obj(path, v, func(k, p string, v *jv) bool {
		switch k {
		case "id":
			e.ID = r.str(p, v)
		case "type":
			e.Type = EventType(r.str(p, v))
		case "actor":
			e.Actor = r.str(p, v)
		case "at":
			e.At = r.time(p, v)
		case "name":
			e.Name = r.str(p, v)
		case "participant":
			e.Participant = r.str(p, v)
		case "settings":
			if v.kind != 'z' {
				e.Settings = &Settings{}
				r.settings(p, v, e.Settings)
			}
		case "course":
			if v.kind != 'z' {
				e.Course = &Course{}
				r.course(p, v, e.Course)
			}
		case "step":
			if v.kind != 'z' {
				e.Step = new(Step)
				r.text(p, v, e.Step)
			}
		case "item":
			e.Item = r.str(p, v)
		case "items":
			e.Items = r.strs(p, v)
		case "column":
			r.text(p, v, &e.Column)
		case "text":
			e.Text = r.str(p, v)
		case "kind":
			r.text(p, v, &e.Kind)
		case "evidence":
			e.Evidence = r.evidence(p, v)
		case "tags":
			e.Tags = r.tags(p, v)
		case "notes":
			e.Notes = r.str(p, v)
		case "seconds":
			e.Seconds = r.int(p, v)
		case "score":
			e.Score = r.score(p, v)
		case "cost":
			r.text(p, v, &e.Cost)
		case "routine":
			e.Routine = r.optBool(p, v)
		case "status":
			if v.kind != 'z' {
				e.Status = new(Status)
				r.text(p, v, e.Status)
			}
		case "grid":
			if v.kind != 'z' {
				e.Grid = &Grid{}
				r.grid(p, v, e.Grid)
			}
		case "redacted":
			e.Redacted = r.bool(p, v)
		default:
			return false
		}
		return true
	})
}

func (r *rd) settings(path string, v *jv, s *Settings) {
	r.obj(path, v, func(k, p string, v *jv) bool {
		switch k {
		case "anonymity":
			r.text(p, v, &s.Anonymity)
		case "dots":
			s.Dots = r.int(p, v)
		case "perItem":
			s.PerItem = r.int(p, v)
		case "researchSeconds":
			s.ResearchSeconds = r.int(p, v)
		case "solo":
			s.Solo = r.bool(p, v)
		default:
			return false
		}
		return true
	})
}

func (r *rd) course(path string, v *jv, c *Course) {
	r.obj(path, v, func(k, p string, v *jv) bool {
		switch k {
		case "organisation":
			c.Organisation = r.str(p, v)
		case "position":
			c.Position = r.str(p, v)
		case "purpose":
			c.Purpose = r.str(p, v)
		case "process":
			c.Process = r.str(p, v)
		case "objective":
			c.Objective = r.str(p, v)
		case "values":
			c.Values = r.strs(p, v)
		case "kpis":
			c.KPIs = r.strs(p, v)
		default:
			return false
		}
		return true
	})
}

// decodeDoc parses data, checks its version (when want is set) and reads
// it with read, reporting every problem at once.
func decodeDoc(data []byte, want string, read func(r *rd, root *jv)) error {
	root, err := parseJSON(data)
	if err != nil {
		return err
	}
	if want != "" {
		if err := versionOf(&root, want); err != nil {
			return err
		}
	}
	var r rd
	read(&r, &root)
	return errors.Join(r.errs...)
}
