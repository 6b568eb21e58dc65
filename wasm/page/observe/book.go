package observe

import (
	"fmt"
	"strings"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// CurrentGridKey is the storage key under which the main page keeps the
// id of the grid open on this device; the book editor drafts from it.
const CurrentGridKey = "purposeful.current"

// draftBook is the book being edited on the Book screen.
type draftBook struct {
	ID, Team, Purpose string
	Priorities        []string
	Standards         []standards.Standard
	Scorecards        []standards.Scorecard
	// Lint is what the server's linter found at the last save.
	Lint  []standards.LintFinding
	Saved bool
}

// canEditBooks: the organisation and supervisors save books.
func (p *Page) canEditBooks() bool { return p.st.Me.Role == "admin" || p.st.Me.Role == "supervisor" }

// currentGrid is the grid open in the main page on this device, if any.
func (p *Page) currentGrid() *grid.Grid {
	id, ok := p.h.Storage().Get(CurrentGridKey)
	if !ok || id == "" {
		return nil
	}
	d, err := ui.Library{S: p.h.Storage()}.Load(id)
	if err != nil {
		return nil
	}
	return d.Grid()
}

// editBook starts editing a stored book, or a new one when id is "".
func (p *Page) editBook(id string) {
	p.draft = &draftBook{Team: p.st.Me.Team}
	if bc := p.bookByID(id); bc != nil && bc.Book != nil {
		b := bc.Book
		p.draft = &draftBook{ID: bc.ID, Team: bc.Team, Purpose: b.Purpose, Priorities: b.Priorities,
			Standards: append([]standards.Standard(nil), b.Standards...), Scorecards: append([]standards.Scorecard(nil), b.Scorecards...)}
	}
}

// bookEditor renders the Book screen: choose a book (or a new one), draft
// standards from the adopted ideas of the grid on this device or write
// them by hand, and save; the server's lint findings show after saving.
func (p *Page) bookEditor() {
	p.screen.Append(p.el("h1", "Standards book"))
	if !p.canEditBooks() {
		p.screen.Append(p.el("p", "Only the organisation and supervisors save standards books."))
		return
	}
	if p.draft == nil {
		p.editBook("")
	}
	d := p.draft
	books := [][2]string{{"", "A new book"}}
	for _, b := range p.st.Books {
		books = append(books, [2]string{b.ID, b.ID + " (" + b.Team + ")"})
	}
	cur := d.ID
	if p.bookByID(cur) == nil {
		cur = ""
	}
	p.screen.Append(p.selectOf("Edit", "acc-edit-book", cur, books, func(v string) { p.editBook(v); p.route() }))
	idW, id := p.field("Book id", "text", "acc-book-id", d.ID)
	teamW, team := p.field("Team", "text", "acc-book-team", d.Team)
	purW, pur := p.field("Purpose", "textarea", "acc-book-purpose", d.Purpose)
	p.screen.Append(idW, teamW, purW)

	type row struct{ code, position, process, statement, rationale ui.Element }
	var rows []row
	// read copies what is typed into the draft, so a re-render keeps it.
	read := func() {
		d.ID, d.Team, d.Purpose = strings.TrimSpace(id.Value()), strings.TrimSpace(team.Value()), strings.TrimSpace(pur.Value())
		for i, r := range rows {
			s := &d.Standards[i]
			s.Code, s.Position, s.Process = strings.TrimSpace(r.code.Value()), strings.TrimSpace(r.position.Value()), strings.TrimSpace(r.process.Value())
			s.Statement, s.Rationale = strings.TrimSpace(r.statement.Value()), strings.TrimSpace(r.rationale.Value())
		}
	}

	if g := p.currentGrid(); g != nil {
		n := len(g.Adopted())
		p.screen.Append(p.el("p", fmt.Sprintf("The grid on this device: %s · %s, %d adopted ideas.", g.Position, g.Process, n), "data-test", "acc-book-grid"),
			p.button("Draft standards from its adopted ideas", "acc-book-draft", func() {
				read()
				drafts, err := standards.DraftFromGrid(g, standards.DraftSettings{Priorities: d.Priorities})
				if err != nil {
					p.say("Could not draft from the grid: " + err.Error())
					return
				}
				added := 0
				for _, ds := range drafts {
					if !hasStandard(d.Standards, ds.Standard.ID) {
						d.Standards = append(d.Standards, ds.Standard)
						added++
					}
				}
				if d.Purpose == "" {
					d.Purpose = g.Purpose
				}
				p.route()
				p.say(fmt.Sprintf("Drafted %d standards from the grid. Edit them, then save.", added))
			}))
	} else {
		p.screen.Append(p.el("p", "No grid is open on this device; write the standards by hand, or open a grid in the main page to draft from its adopted ideas.", "data-test", "acc-book-grid"))
	}

	list := p.el("ol", "", "data-test", "acc-book-standards")
	for i := range d.Standards {
		s := &d.Standards[i]
		li := p.el("li", "")
		pre := fmt.Sprintf("acc-std-%d-", i)
		cW, c := p.field("Code", "text", pre+"code", s.Code)
		poW, po := p.field("Position", "text", pre+"position", s.Position)
		prW, pr := p.field("Process", "text", pre+"process", s.Process)
		stW, st := p.field("Statement (what the employee does)", "textarea", pre+"statement", s.Statement)
		raW, ra := p.field("Why (tied to the purpose)", "textarea", pre+"rationale", s.Rationale)
		rows = append(rows, row{c, po, pr, st, ra})
		i := i
		li.Append(cW, poW, prW, stW, raW, p.button("Remove "+s.Code, pre+"remove", func() {
			read()
			d.Standards = append(d.Standards[:i], d.Standards[i+1:]...)
			p.route()
		}))
		for _, f := range d.Lint {
			if f.Standard == s.ID {
				li.Append(p.el("p", lintLine(f), "class", "lint", "data-test", pre+"lint"))
			}
		}
		list.Append(li)
	}
	p.screen.Append(p.el("h2", fmt.Sprintf("Standards (%d)", len(d.Standards))), list,
		p.button("Add a standard by hand", "acc-book-add", func() {
			read()
			s := standards.Standard{ID: p.newID(), Code: fmt.Sprintf("S-%02d", len(d.Standards)+1)}
			if n := len(d.Standards); n > 0 {
				s.Position, s.Process = d.Standards[n-1].Position, d.Standards[n-1].Process
			}
			d.Standards = append(d.Standards, s)
			p.route()
		}),
		p.button("Save the book", "acc-book-save", func() { read(); p.saveBook() }))
	if d.Saved {
		out := p.el("div", "", "data-test", "acc-lint")
		if len(d.Lint) == 0 {
			out.Append(p.el("p", "Saved. The linter found nothing to fix."))
		} else {
			out.Append(p.el("p", fmt.Sprintf("Saved. The linter found %d things to look at:", len(d.Lint))))
			ul := p.el("ul", "")
			for _, f := range d.Lint {
				ul.Append(p.el("li", codeOf(d.Standards, f.Standard)+" · "+lintLine(f)))
			}
			out.Append(ul)
		}
		p.screen.Append(out)
	}
}

func lintLine(f standards.LintFinding) string {
	return f.Field + ": " + f.Message
}

func hasStandard(list []standards.Standard, id string) bool {
	for _, s := range list {
		if s.ID == id {
			return true
		}
	}
	return false
}

func codeOf(list []standards.Standard, id string) string {
	for _, s := range list {
		if s.ID == id {
			return s.Code
		}
	}
	return id
}

// withScorecard puts every standard on a scorecard: a book without one
// gets a scorecard of all its standards, and standards on no card join
// the first card's last section, so that the new standards can be
// observed at once.
func withScorecard(d *draftBook) []standards.Scorecard {
	// a deep copy: the draft shares its scorecards with the cached book,
	// which must not change unless the save succeeds
	cards := make([]standards.Scorecard, len(d.Scorecards))
	for i, c := range d.Scorecards {
		c.Sections = append([]standards.Section(nil), c.Sections...)
		for j := range c.Sections {
			c.Sections[j].Criteria = append([]standards.Criterion(nil), c.Sections[j].Criteria...)
		}
		cards[i] = c
	}
	if len(d.Standards) == 0 {
		return cards
	}
	if len(cards) == 0 {
		cards = []standards.Scorecard{{ID: "card", Name: "The standards of " + d.Team, Sections: []standards.Section{{Name: "Standards"}}}}
	}
	first := &cards[0]
	if len(first.Sections) == 0 {
		first.Sections = []standards.Section{{Name: "Standards"}}
	}
	for _, s := range d.Standards {
		on := false
		for _, c := range cards {
			if _, ok := c.Criterion(s.ID); ok {
				on = true
				break
			}
		}
		if !on {
			sec := &first.Sections[len(first.Sections)-1]
			sec.Criteria = append(sec.Criteria, standards.Criterion{Standard: s.ID, Weight: 1})
		}
	}
	// drop criteria of standards removed from the book
	for ci := range cards {
		for si := range cards[ci].Sections {
			crs := []standards.Criterion{}
			for _, cr := range cards[ci].Sections[si].Criteria {
				if hasStandard(d.Standards, cr.Standard) {
					crs = append(crs, cr)
				}
			}
			cards[ci].Sections[si].Criteria = crs
		}
	}
	return cards
}

// saveBook sends the draft to PUT /books/{id} and shows the lint.
func (p *Page) saveBook() {
	d := p.draft
	if d.ID == "" {
		p.say("Give the book an id first (letters, digits and dashes).")
		return
	}
	req := map[string]any{"team": d.Team, "purpose": d.Purpose, "standards": d.Standards, "scorecards": withScorecard(d)}
	if len(d.Priorities) > 0 {
		req["priorities"] = d.Priorities
	}
	var out struct {
		bookCache
		Lint []standards.LintFinding `json:"lint"`
	}
	p.call("PUT", "/books/"+d.ID, req, &out, func(err error, offline bool) {
		if err != nil {
			if offline {
				p.say("The book was not saved: the server cannot be reached. Try again when online.")
			} else {
				p.say("The book was not saved: " + err.Error())
			}
			return
		}
		bc := out.bookCache
		if old := p.bookByID(bc.ID); old != nil {
			*old = bc
		} else {
			p.st.Books = append(p.st.Books, bc)
		}
		p.save()
		p.editBook(bc.ID)
		p.draft.Lint, p.draft.Saved = out.Lint, true
		p.route()
		p.say("Saved the book " + bc.ID + ".")
	})
}
