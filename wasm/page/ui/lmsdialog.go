package ui

import (
	"strconv"
	"strings"

	"github.com/purposefulcx/purposeful/grid"
)

// CourseRequest is what the "Download for your LMS" dialog asks
// [Services.BuildCourse] for: a course package (package wasm/course) in a
// format, for one course, with its title, mastery score and the chosen
// scenarios or standards.
type CourseRequest struct {
	Format  string // "scorm12", "scorm2004" or "cmi5"
	Kind    string // "recovery", "purpose" or "standards"
	Title   string
	Mastery int // 1-100
	// Scenarios are the chosen recovery scenarios (empty: all of them).
	Scenarios []string
	// Standards are the chosen standards of the open grid (a standards
	// course needs at least one).
	Standards []StandardDraft
}

// lmsFormats and lmsKinds are the dialog's choices: value, label.
var (
	lmsFormats = [2][]string{{"scorm12", "scorm2004", "cmi5"},
		{"SCORM 1.2 (every LMS)", "SCORM 2004 3rd edition", "cmi5 (newer LMSs)"}}
	lmsKinds = [2][]string{{"recovery", "purpose", "standards"},
		{"Recovery practice", "Purpose statement", "Our standards"}}
)

// lmsButton returns the button that opens the "Download for your LMS"
// dialog, or nil when the page cannot build packages (no
// Services.BuildCourse). It goes where the page's menu is.
func (a *App) lmsButton(s *scope) Element {
	if a.svc.BuildCourse == nil {
		return nil
	}
	var b Element
	b = s.button("Download for your LMS", "btn", "lms-download", func() { a.lmsDialog(b) })
	return b
}

// lmsDialog shows the form: format, course, title, mastery score, and the
// scenarios or standards to include. Download asks the builder for the
// zip and offers it as a file; Cancel or Escape closes the dialog and
// returns focus to back.
func (a *App) lmsDialog(back Element) {
	a.closeDialog()
	s := &scope{a: a}
	a.dlg = s
	closeDlg := func() {
		a.closeDialog()
		if back != nil {
			back.Focus()
		}
	}
	title := s.text("h2", "dialog-title", "Download for your LMS")
	tid := a.uid()
	title.SetAttr("id", tid)
	fw, format := a.selectFieldKV(s, "Format", "lms-format", lmsFormats[0], lmsFormats[1])
	kw, kind := a.selectFieldKV(s, "Course", "lms-kind", lmsKinds[0], lmsKinds[1])
	format.SetValue(lmsFormats[0][0])
	kind.SetValue(lmsKinds[0][0])
	tw, name := s.field("Title", "text", lmsKinds[1][0], "lms-title", nil)
	mw, mastery := s.field("Mastery score (1-100)", "number", "70", "lms-mastery", nil)
	attrs(mastery, "min", "1", "max", "100")
	picks := s.el("fieldset", "lms-picks")
	attrs(picks, "data-test", "lms-picks")
	status := s.el("p", "dialog-text")
	attrs(status, "data-test", "lms-status", "role", "status")
	var boxes []Element
	var values []string
	fill := func() {
		picks.Clear()
		boxes, values = nil, nil
		add := func(value, label string) {
			id := a.uid()
			box := s.el("input", "")
			attrs(box, "type", "checkbox", "id", id, "data-test", "lms-pick-"+strconv.Itoa(len(boxes)))
			box.SetChecked(true)
			l := s.text("label", "", label)
			l.SetAttr("for", id)
			picks.Append(s.el("div", "check", box, l))
			boxes, values = append(boxes, box), append(values, value)
		}
		switch kind.Value() {
		case "recovery":
			picks.Append(s.text("legend", "", "Scenarios"))
			if a.svc.Scenarios == nil {
				picks.Append(s.text("p", "muted", "Every practice scenario is included."))
				return
			}
			for _, sc := range a.svc.Scenarios() {
				add(sc.ID, sc.Title)
			}
		case "standards":
			picks.Append(s.text("legend", "", "Standards"))
			for i, st := range a.courseStandards() {
				add(strconv.Itoa(i), st.Statement)
			}
			if len(boxes) == 0 {
				picks.Append(s.text("p", "muted", "Open a grid with adopted ideas or drafted standards first: the course is built from them."))
			}
		default:
			picks.Append(s.text("p", "muted", "The learner writes the purpose of their role; the course is completed when the statement reaches the mastery score."))
		}
	}
	s.on(kind, "change", func(Event) {
		for i, v := range lmsKinds[0] {
			if v == kind.Value() {
				name.SetValue(lmsKinds[1][i])
			}
		}
		fill()
	})
	fill()
	download := s.button("Download", "btn btn-primary", "lms-build", func() {
		req := CourseRequest{Format: format.Value(), Kind: kind.Value(), Title: strings.TrimSpace(name.Value())}
		n, err := strconv.Atoi(strings.TrimSpace(mastery.Value()))
		switch {
		case req.Title == "":
			status.SetText("Give the course a title.")
			name.Focus()
			return
		case err != nil || n < 1 || n > 100:
			status.SetText("The mastery score is a whole number from 1 to 100.")
			mastery.Focus()
			return
		}
		req.Mastery = n
		all := a.courseStandards()
		chosen := 0
		for i, box := range boxes {
			if !box.Checked() {
				continue
			}
			chosen++
			switch req.Kind {
			case "recovery":
				req.Scenarios = append(req.Scenarios, values[i])
			case "standards":
				j, _ := strconv.Atoi(values[i])
				req.Standards = append(req.Standards, all[j])
			}
		}
		if len(boxes) > 0 && chosen == len(boxes) {
			req.Scenarios = nil // all scenarios: the course follows new ones
		}
		if (req.Kind == "standards" || len(boxes) > 0) && chosen == 0 {
			status.SetText("Choose at least one.")
			return
		}
		status.SetText("Building the package…")
		a.svc.BuildCourse(req, func(file string, zip []byte, err error) {
			if err != nil {
				status.SetText("The package could not be built: " + err.Error())
				return
			}
			a.h.Download(file, "application/zip", zip)
			status.SetText("Downloaded " + file + ". Upload it to your LMS as a new course.")
			a.announce("Course package downloaded")
		})
	})
	cancel := s.button("Cancel", "btn", "lms-cancel", closeDlg)
	box := s.el("div", "dialog", title,
		s.text("p", "dialog-text", "A zip your LMS imports as a course. The same choices give the same file, so uploading it again updates the course."),
		fw, kw, tw, mw, picks, status, s.el("div", "actions", download, cancel))
	attrs(box, "role", "dialog", "aria-modal", "true", "aria-labelledby", tid, "data-test", "lms-dialog")
	s.on(box, "keydown", func(e Event) {
		if e.Key == "Escape" {
			e.PreventDefault()
			closeDlg()
		}
	})
	a.overlay.Append(s.el("div", "backdrop", box))
	a.overlay.SetAttr("data-open", "1")
	format.Focus()
}

// courseStandards are the open grid's standards for a standards course:
// those drafted in the standards builder, or else one per adopted idea.
func (a *App) courseStandards() []StandardDraft {
	if a.loadPending(); a.doc == nil {
		return nil
	}
	if len(a.doc.Standards) > 0 {
		return a.doc.Standards
	}
	var out []StandardDraft
	for _, it := range a.doc.Grid().Purposeful {
		if it.Status == grid.Adopted {
			out = append(out, StandardDraft{Item: it.ID, Statement: it.Text})
		}
	}
	return out
}

// Document is the request as the body of the API's
// POST /v1/courses/package: {"format", "course"} with the course document
// of package wasm/course (version purposeful.course/v1). Each standard
// gets the id of the idea it came from, or its position. It is built of
// maps, lists ([]any) and strings, so the page can hand it to the
// browser's JSON.stringify and link no JSON encoder.
func (r CourseRequest) Document() map[string]any {
	c := map[string]any{"version": "purposeful.course/v1", "kind": r.Kind, "title": r.Title}
	if r.Mastery != 0 {
		c["mastery"] = r.Mastery
	}
	if len(r.Scenarios) > 0 {
		ids := make([]any, len(r.Scenarios))
		for i, id := range r.Scenarios {
			ids[i] = id
		}
		c["scenarios"] = ids
	}
	if len(r.Standards) > 0 {
		list := make([]any, len(r.Standards))
		for i, st := range r.Standards {
			id := st.Item
			if id == "" {
				id = "s" + strconv.Itoa(i+1)
			}
			m := map[string]any{"id": id, "statement": st.Statement}
			for k, v := range map[string]string{"code": st.Code, "rationale": st.Rationale, "deviation": st.Deviation} {
				if v != "" {
					m[k] = v
				}
			}
			list[i] = m
		}
		c["standards"] = list
	}
	return map[string]any{"format": r.Format, "course": c}
}
