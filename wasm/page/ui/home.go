package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/grid"
)

func (a *App) home(s *scope) Element {
	newBtn := s.button("New grid from the template", "btn btn-primary", "new-grid", func() {
		d := NewSolo(a.newID(), a.h.Now())
		a.open(d)
		a.announce("New grid created")
		a.Go("activity")
	})
	var importBtn Element
	importBtn = s.button("Import a file", "btn", "import", func() { a.importFile(importBtn) })
	actions := s.el("div", "actions", newBtn, importBtn)
	if lms := a.lmsButton(s); lms != nil { // "Download for your LMS" (lmsdialog.go)
		actions.Append(lms)
	}
	h := a.screenHead(s, "Your workshops", "Run the 3 Ps activity with a team: set the course, list what the job needs, gather ideas, and adopt the purposeful actions and behaviours worth building into the process.",
		actions)

	status := s.el("div", "import-status")
	attrs(status, "data-test", "import-status")
	a.importStatus = status
	a.screen.Append(status)

	list := a.lib.List()
	saved := s.el("section", "card")
	sh := s.text("h2", "", "Saved on this device")
	saved.Append(sh)
	if len(list) == 0 {
		saved.Append(s.text("p", "muted", "No grids yet. Start one from the template, or import a file exported earlier."))
	}
	ul := s.el("ul", "grid-list")
	attrs(ul, "data-test", "saved-list")
	var counts []grid.Counts // of the grids listed, for their coverage
	for _, it := range list {
		li := s.el("li", "grid-row")
		if it.Err != nil {
			li.Append(s.text("span", "grid-name", it.ID),
				s.text("span", "muted", "This saved copy cannot be read: "+it.Err.Error()))
			ul.Append(li)
			continue
		}
		id, l := it.ID, it.L
		counts = append(counts, l.Counts)
		meta := l.Step.Title() + " · " + plural(l.Knowledge+l.Skills, "entry", "entries") + " · " + plural(l.Adopted, "adopted idea", "adopted ideas") + " · updated " + shortTime(l.Updated.Local())
		name := s.text("span", "grid-name", l.Title)
		open := s.button("Open", "btn btn-small", "open-"+id, func() {
			d, err := a.lib.Load(id)
			if err != nil {
				a.alert("“" + l.Title + "” cannot be read: " + err.Error())
				return
			}
			a.open(d)
			a.Go("activity")
		})
		open.SetAttr("aria-label", "Open "+l.Title)
		var del Element
		del = s.button("Delete", "btn btn-small btn-quiet", "delete-"+id, func() {
			a.dialog("Delete this grid?", "“"+l.Title+"” will be removed from this device. Export it first if you may need it again.", del,
				choice{label: "Delete", test: "confirm-delete", class: "btn btn-danger", fn: func() {
					a.lib.Delete(id)
					if a.doc != nil && a.doc.ID == id || a.pending == id {
						a.doc, a.pending = nil, ""
						a.h.Storage().Remove(currentKey)
					}
					a.announce("Grid deleted")
					a.show("home", false)
				}},
				choice{label: "Keep it", test: "cancel", fn: func() {}},
			)
		})
		del.SetAttr("aria-label", "Delete "+l.Title)
		li.Append(s.el("div", "grid-info", name, s.text("span", "muted", meta)), s.el("div", "actions", open, del))
		ul.Append(li)
	}
	saved.Append(ul)
	a.screen.Append(saved)
	if len(counts) > 0 {
		a.screen.Append(a.portfolio(s, counts))
	}
	return h
}

func (a *App) portfolio(s *scope, counts []grid.Counts) Element {
	m := grid.CoverageOf(nil, counts)
	sec := s.el("section", "card")
	sec.Append(s.text("h2", "", "Portfolio coverage"),
		s.text("p", "muted", "Positions down the side, processes across. Each cell counts the adopted purposeful actions and behaviours; "+
			"✓ marks a pair whose grid has knowledge, skills and adopted ideas, and a dash a pair with no grid yet."))
	tbl := s.el("table", "coverage")
	attrs(tbl, "data-test", "coverage")
	cap := s.text("caption", "visually-hidden", "Adopted ideas by position and process")
	head := s.el("tr", "", attrs(s.text("th", "", "Position"), "scope", "col"))
	for _, p := range m.Processes {
		head.Append(attrs(s.text("th", "", unnamed(p)), "scope", "col"))
	}
	tbl.Append(cap, s.el("thead", "", head))
	body := s.el("tbody", "")
	for i, p := range m.Positions {
		tr := s.el("tr", "", attrs(s.text("th", "", unnamed(p)), "scope", "row"))
		for j, c := range m.Cells[i] {
			n := m.Adopted[i][j]
			switch c {
			case grid.Missing:
				tr.Append(attrs(s.text("td", "cell-none", "—"), "aria-label", "no grid"))
			case grid.Done:
				tr.Append(attrs(s.text("td", "cell-done", strconv.Itoa(n)+" ✓"), "aria-label", plural(n, "adopted idea", "adopted ideas")+", done"))
			default:
				tr.Append(attrs(s.text("td", "cell-some", strconv.Itoa(n)), "aria-label", plural(n, "adopted idea", "adopted ideas")+", in progress"))
			}
		}
		body.Append(tr)
	}
	tbl.Append(body)
	sec.Append(s.tableWrap("Portfolio coverage", tbl))
	return sec
}

// unnamed shows an empty position or process.
func unnamed(s string) string {
	if s == "" {
		return "(unnamed)"
	}
	return s
}

// importFile asks for a file, validates it and adds it to the saved grids;
// it never overwrites a saved grid without asking.
func (a *App) importFile(back Element) {
	if a.importStatus != nil {
		a.importStatus.Clear()
		a.importStatus.RemoveAttr("data-kind")
		a.importStatus.RemoveAttr("role")
	}
	a.h.PickFile(".json,application/json", func(name string, data []byte, err error) {
		if err != nil {
			a.importProblem(name, []string{err.Error()})
			return
		}
		if len(data) > 2<<20 {
			a.importProblem(name, []string{"the file is larger than 2 MB"})
			return
		}
		d, err := DecodeSolo(a.newID(), data, a.h.Now())
		if err != nil {
			a.importProblem(name, splitErr(err))
			return
		}
		add := func(d *Solo) {
			if err := a.lib.Save(d); err != nil {
				a.importProblem(name, []string{"this device's storage refused it"})
				return
			}
			a.announce("Imported " + d.Title())
			a.show("home", false)
			a.setImportStatus("ok", "Imported “"+d.Title()+"”. It is in your saved grids.")
		}
		if old, err := a.lib.Load(d.ID); err == nil {
			a.dialog("Replace a saved grid?", "You already have “"+old.Title()+"” saved with the same id. Keep both, replace the saved one with the file, or cancel.", back,
				choice{label: "Keep both", test: "import-keep-both", class: "btn btn-primary", fn: func() {
					d.ID = a.newID()
					add(d)
				}},
				choice{label: "Replace saved grid", test: "import-replace", class: "btn btn-danger", fn: func() {
					if a.doc != nil && a.doc.ID == d.ID {
						a.doc = d
					}
					add(d)
				}},
				choice{label: "Cancel", test: "cancel", fn: func() { a.announce("Import cancelled") }},
			)
			return
		}
		add(d)
	})
}

func (a *App) setImportStatus(kind, msg string) {
	if a.importStatus == nil {
		return
	}
	a.importStatus.SetText(msg)
	a.importStatus.SetAttr("data-kind", kind)
}

func (a *App) importProblem(name string, problems []string) {
	if a.importStatus == nil {
		return
	}
	s := a.top.child()
	st := a.importStatus
	st.Clear()
	st.SetAttr("data-kind", "error")
	title := "That file was not imported"
	if name != "" {
		title = "“" + name + "” was not imported"
	}
	ul := s.el("ul", "problems")
	for i, p := range problems {
		if i == 12 {
			ul.Append(s.text("li", "", "…and "+strconv.Itoa(len(problems)-i)+" more"))
			break
		}
		ul.Append(s.text("li", "", strings.ReplaceAll(p, "grid: ", ""))) // the package's prefix means nothing to a user
	}
	st.Append(s.text("strong", "", title), s.text("p", "", "Nothing was changed. The file has these problems:"), ul)
	st.SetAttr("role", "alert")
	a.alert(title)
}

// splitErr flattens errors.Join trees into one line per problem.
func splitErr(err error) []string {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []string
		for _, e := range j.Unwrap() {
			out = append(out, splitErr(e)...)
		}
		return out
	}
	return []string{err.Error()}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

var months = [...]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}

// shortTime writes "2 Jan 15:04" without time.Format (which would add its
// layout machinery to the wasm).
func shortTime(t time.Time) string {
	_, m, d := t.Date()
	h, mi, _ := t.Clock()
	two := func(v int) string {
		if v < 10 {
			return "0" + strconv.Itoa(v)
		}
		return strconv.Itoa(v)
	}
	return strconv.Itoa(d) + " " + months[m-1] + " " + two(h) + ":" + two(mi)
}
