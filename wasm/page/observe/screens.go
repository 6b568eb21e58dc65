package observe

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/page/team"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// observe renders the Observe screen.
func (p *Page) observe() {
	p.screen.Append(p.el("h1", "Observe"))
	if p.st.Me.Role == "staff" {
		p.screen.Append(p.el("p", "Staff read their own observations and reports; recording is for supervisors and observers."))
		return
	}
	if len(p.st.Books) == 0 {
		p.screen.Append(p.el("p", "No standards book yet. A supervisor saves one first."),
			p.button("Load again", "acc-reload", func() { p.refresh(func() { p.route() }) }))
		return
	}
	if p.bookByID(p.book) == nil {
		p.book = p.st.Books[0].ID
		p.card = ""
	}
	bc := p.bookByID(p.book)
	var books [][2]string
	for _, b := range p.st.Books {
		books = append(books, [2]string{b.ID, b.ID + " (" + b.Team + ")"})
	}
	var cards [][2]string
	for _, c := range bc.Book.Scorecards {
		cards = append(cards, [2]string{c.ID, c.Name})
	}
	if bc.Book.Scorecard(p.card) == nil && len(cards) > 0 {
		p.card = cards[0][0]
	}
	card := bc.Book.Scorecard(p.card)
	p.screen.Append(
		p.selectOf("Book", "acc-book", p.book, books, func(v string) { p.book, p.card = v, ""; p.route() }),
		p.selectOf("Scorecard", "acc-card", p.card, cards, func(v string) { p.card = v; p.route() }))
	if card == nil {
		p.screen.Append(p.el("p", "This book has no scorecard yet."))
		return
	}
	subjW, subj := p.field("Person observed (their id)", "text", "acc-subject", "")
	interW, inter := p.field("What you observed", "text", "acc-interaction", "")
	p.screen.Append(subjW, interW)
	p.ratings = map[string]*standards.Rating{}
	var order []string
	for _, sec := range card.Sections {
		p.screen.Append(p.el("h2", sec.Name))
		for _, cr := range sec.Criteria {
			r := &standards.Rating{}
			p.ratings[cr.Standard] = r
			order = append(order, cr.Standard)
			p.screen.Append(p.rater("acc-item-"+strconv.Itoa(len(order)-1), bc.Book, cr, r))
		}
	}
	version := 0
	for _, c := range bc.Cards {
		if c.ID == card.ID {
			version = c.Version
		}
	}
	p.screen.Append(p.button("Save observation", "acc-save", func() {
		var missing []string
		var ratings []standards.Rating
		for i, id := range order {
			r := p.ratings[id]
			if r.Standard == "" {
				missing = append(missing, strconv.Itoa(i+1))
				continue
			}
			ratings = append(ratings, *r)
		}
		who, what := strings.TrimSpace(subj.Value()), strings.TrimSpace(inter.Value())
		switch {
		case who == "" || what == "":
			p.say("Say who you observed and what.")
			return
		case len(missing) > 0:
			p.say("Rate every item first: item " + strings.Join(missing, ", ") + " has no rating.")
			return
		}
		id := p.newID()
		body, _ := json.Marshal(map[string]any{"book": p.book, "scorecardVersion": version, "id": id, "scorecard": card.ID,
			"subject": who, "interaction": what, "at": p.h.Now().UTC(), "ratings": ratings})
		p.st.Queue = append(p.st.Queue, queued{ID: id, Label: who + " · " + what, Body: body})
		p.save()
		p.say("Saved on this device. It is sent as soon as the server can be reached.")
		p.route()
		p.flush()
	}))
}

// showStatus shows whether the server answers and what still waits.
func (p *Page) showStatus() {
	state, text := "online", "Connected."
	switch {
	case !p.online:
		state, text = "offline", "Offline: observations wait on this device."
	case p.flushing:
		state, text = "syncing", "Sending…"
	}
	p.status.SetAttr("data-state", state)
	p.status.SetText(text)
	p.pending.Clear()
	if len(p.st.Queue) == 0 && len(p.st.Failed) == 0 {
		return
	}
	list := p.el("ul", "", "data-test", "acc-pending", "aria-label", "Waiting on this device")
	for _, q := range p.st.Queue {
		list.Append(p.el("li", "Waiting: "+q.Label))
	}
	for _, q := range p.st.Failed {
		list.Append(p.el("li", "Refused: "+q.Label+" ("+q.Problem+")"))
	}
	p.pending.Append(list)
}

// flush sends the queued observations one by one. The server stores an
// id once, so an observation sent twice (the answer was lost) is kept
// once.
func (p *Page) flush() {
	if p.flushing || len(p.st.Queue) == 0 || p.st.Token == "" {
		p.showStatus()
		return
	}
	if p.cancelRetry != nil {
		p.cancelRetry()
		p.cancelRetry = nil
	}
	p.flushing = true
	p.showStatus()
	q := p.st.Queue[0]
	p.t.Do("POST", "/v1/accountability/observations", p.st.Token, q.Body, func(r team.Response) {
		p.flushing = false
		switch {
		case r.Err != nil || r.Status == 0 || r.Status >= 500:
			p.online = false
			p.showStatus()
			p.cancelRetry = p.h.After(RetryDelay, func() { p.cancelRetry = nil; p.flush() })
			return
		case r.Status == 200 || r.Status == 201:
			p.online = true
			p.st.Queue = p.st.Queue[1:]
			p.say("Sent: " + q.Label)
		default:
			p.online = true
			var pd struct{ Detail string }
			_ = json.Unmarshal(r.Body, &pd)
			q.Problem = fmt.Sprintf("%d %s", r.Status, pd.Detail)
			p.st.Queue = p.st.Queue[1:]
			p.st.Failed = append(p.st.Failed, q)
		}
		p.save()
		p.flush()
	})
}

// session is the API's view of a calibration session.
type session struct {
	ID     string          `json:"id"`
	Title  string          `json:"title"`
	Card   *standards.Book `json:"card"`
	Closed bool            `json:"closed"`
	Units  []struct {
		ID          string `json:"id"`
		Interaction string `json:"interaction"`
	} `json:"units"`
	Deadline  time.Time         `json:"deadline"`
	Submitted []string          `json:"submitted"`
	Yours     *json.RawMessage  `json:"yours"`
	Result    *json.RawMessage  `json:"result"`
	Scorecard string            `json:"scorecard"`
	Answers   []json.RawMessage `json:"answers"`
}

type sessionResult struct {
	Calibration *standards.Calibration `json:"calibration"`
	Problem     string                 `json:"problem"`
	Distances   []standards.Distance   `json:"distances"`
	Rewrite     []standards.Rewrite    `json:"rewrite"`
}

// calibrate renders the Calibrate screen: open a session by id, score it
// blind, read the result after the close.
func (p *Page) calibrate() {
	p.screen.Append(p.el("h1", "Calibrate"))
	id := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(p.h.Hash(), "#"), "calibrate"), "/")
	w, in := p.field("Session id", "text", "acc-session-id", id)
	p.screen.Append(w, p.button("Open the session", "acc-session-open", func() {
		p.h.SetHash("calibrate/" + strings.TrimSpace(in.Value()))
	}))
	if id == "" {
		return
	}
	body := p.el("div", "", "data-test", "acc-session")
	p.screen.Append(body)
	var se session
	p.call("GET", "/sessions/"+id, nil, &se, func(err error, _ bool) {
		if err != nil {
			body.Append(p.el("p", "Could not open the session: "+err.Error()))
			return
		}
		p.showSession(body, &se)
	})
}

func (p *Page) showSession(body ui.Element, se *session) {
	body.Append(p.el("h2", se.Title), p.el("p", fmt.Sprintf("%d answer(s) in. Deadline %s.", len(se.Submitted), se.Deadline.Format("2 Jan 15:04 MST"))))
	switch {
	case se.Closed:
		p.showResult(body, se)
	case se.Yours != nil:
		body.Append(p.el("p", "Your answer is in. Everyone's answers and the agreement show after the close.", "data-test", "acc-session-done"))
	default:
		card := se.Card.Scorecard(se.Scorecard)
		if card == nil {
			return
		}
		type unitAnswer struct {
			Unit    string             `json:"unit"`
			Ratings []standards.Rating `json:"ratings"`
		}
		var all []func() (unitAnswer, bool)
		for j, u := range se.Units {
			body.Append(p.el("h3", fmt.Sprintf("Interaction %d", j+1)), p.el("p", u.Interaction))
			var rs []*standards.Rating
			for _, sec := range card.Sections {
				for _, cr := range sec.Criteria {
					r := &standards.Rating{}
					rs = append(rs, r)
					body.Append(p.rater(fmt.Sprintf("acc-u%d-item-%d", j, len(rs)-1), se.Card, cr, r))
				}
			}
			unit := u.ID
			all = append(all, func() (unitAnswer, bool) {
				a := unitAnswer{Unit: unit}
				for _, r := range rs {
					if r.Standard == "" {
						return a, false
					}
					a.Ratings = append(a.Ratings, *r)
				}
				return a, true
			})
		}
		body.Append(p.button("Submit my answer", "acc-session-submit", func() {
			var units []unitAnswer
			for _, f := range all {
				a, ok := f()
				if !ok {
					p.say("Rate every item of every interaction first.")
					return
				}
				units = append(units, a)
			}
			var next session
			p.call("POST", "/sessions/"+se.ID+"/answers", map[string]any{"units": units}, &next, func(err error, _ bool) {
				if err != nil {
					p.say("Your answer was not taken: " + err.Error())
					return
				}
				p.say("Your answer is in.")
				p.route()
			})
		}))
	}
}

func pct(v float64) string { return strconv.FormatFloat(v*100, 'f', 0, 64) + "%" }

func stat(v *float64) string {
	if v == nil {
		return "–"
	}
	return strconv.FormatFloat(*v, 'f', 2, 64)
}

func (p *Page) showResult(body ui.Element, se *session) {
	var res sessionResult
	if se.Result != nil {
		_ = json.Unmarshal(*se.Result, &res)
	}
	out := p.el("div", "", "data-test", "acc-result")
	body.Append(out)
	if res.Calibration == nil {
		out.Append(p.el("p", res.Problem))
		return
	}
	tbl := p.el("table", "")
	head := p.el("tr", "")
	for _, h := range []string{"Standard", "Agreement", "Kappa", "Alpha", "Rewrite?"} {
		head.Append(p.el("th", h, "scope", "col"))
	}
	tbl.Append(p.el("caption", "Agreement per standard"), head)
	for _, a := range res.Calibration.Standards {
		tr := p.el("tr", "")
		low := "no"
		if a.Low {
			low = "yes"
		}
		for _, c := range []string{a.Code, pct(a.PercentAgreement), stat(a.Kappa), stat(a.Alpha), low} {
			tr.Append(p.el("td", c))
		}
		tbl.Append(tr)
	}
	out.Append(tbl)
	if len(res.Distances) > 0 {
		ul := p.el("ul", "", "aria-label", "Distance from the expert")
		for _, d := range res.Distances {
			ul.Append(p.el("li", fmt.Sprintf("%s: %s of ratings agree with the expert's (mean distance %.2f)", d.Rater, pct(d.Agreement), d.Mean)))
		}
		out.Append(p.el("h3", "Distance from the expert"), ul)
	}
	if len(res.Rewrite) > 0 {
		ul := p.el("ul", "", "data-test", "acc-rewrite")
		for _, r := range res.Rewrite {
			ul.Append(p.el("li", r.Code+": "+r.Statement+" ("+strings.Join(r.Reasons, "; ")+")"))
		}
		out.Append(p.el("h3", "Rewrite queue"), ul)
	}
}

// reports renders the Reports screen.
func (p *Page) reports() {
	p.screen.Append(p.el("h1", "Reports"))
	if len(p.st.Books) == 0 {
		p.screen.Append(p.el("p", "No standards book yet."))
		return
	}
	if p.bookByID(p.book) == nil {
		p.book = p.st.Books[0].ID
	}
	var books [][2]string
	for _, b := range p.st.Books {
		books = append(books, [2]string{b.ID, b.ID + " (" + b.Team + ")"})
	}
	out := p.el("div", "", "data-test", "acc-report")
	book := p.book
	csvButton := p.button("Download the report (CSV)", "acc-report-csv", func() {
		p.t.Do("GET", "/v1/accountability/books/"+book+"/report?format=csv", p.st.Token, nil, func(r team.Response) {
			if r.Err != nil || r.Status != 200 {
				p.say("The report could not be downloaded now.")
				return
			}
			p.h.Download(book+"-report.csv", "text/csv", r.Body)
		})
	})
	p.screen.Append(p.selectOf("Book", "acc-report-book", p.book, books, func(v string) { p.book = v; p.route() }), csvButton, out)
	var rep standards.Report
	p.call("GET", "/books/"+p.book+"/report", nil, &rep, func(err error, _ bool) {
		if err != nil {
			out.Append(p.el("p", "Could not load the report: "+err.Error()))
			return
		}
		out.Append(p.el("p", fmt.Sprintf("%d reviews · compliance %s · quality %s · %d disputed", rep.Overall.Reviews, pct(rep.Overall.Compliance), pct(rep.Overall.Quality), rep.Overall.Disputed), "data-test", "acc-overall"))
		p.chart(out, "acc-chart-weeks", "Compliance by week", LineChart("Compliance by week", WeekPoints(&rep)))
		p.chart(out, "acc-chart-standards", "Compliance by standard", BarChart("Compliance by standard", StandardPoints(&rep)))
		stories := p.el("ul", "", "data-test", "acc-stories")
		for _, s := range rep.Stories {
			stories.Append(p.el("li", fmt.Sprintf("%s, %s (%s): %s", s.Subject, s.At.Format("2 Jan"), s.Code, s.Evidence)))
		}
		out.Append(p.el("h2", "Stories for the next huddle"), stories)
		if p.st.Me.Role != "supervisor" && p.st.Me.Role != "admin" {
			return
		}
		var tr struct {
			Sessions []struct {
				Title         string  `json:"title"`
				MeanAgreement float64 `json:"meanAgreement"`
			} `json:"sessions"`
		}
		p.call("GET", "/books/"+p.book+"/calibration", nil, &tr, func(err error, _ bool) {
			if err != nil || len(tr.Sessions) == 0 {
				return
			}
			var pts []Point
			for _, s := range tr.Sessions {
				pts = append(pts, Point{Label: s.Title, Value: s.MeanAgreement})
			}
			p.chart(out, "acc-chart-calibration", "Calibration: mean agreement per session", LineChart("Calibration trend", pts))
		})
	})
}

// chart shows an SVG as an image with a text alternative.
func (p *Page) chart(parent ui.Element, test, alt string, svg []byte) {
	url := p.h.ObjectURL("image/svg+xml", svg)
	p.urls = append(p.urls, url)
	fig := p.el("figure", "")
	fig.Append(p.el("img", "", "src", url, "alt", alt, "data-test", test), p.el("figcaption", alt))
	parent.Append(fig)
}
