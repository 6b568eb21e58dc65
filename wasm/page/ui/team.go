package ui

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/team"
)

// PollEvery is how often a team workshop screen sends queued changes and
// asks the server for events after its cursor.
const PollEvery = time.Second

const teamLead = "Open the activity as a team workshop: participants join from their phones with a code or a link, write ideas privately until you reveal them, and vote with dots. Changes made offline are kept on the device and sent when the connection returns."

// EnableTeam shows team mode over c (the team page calls it; the
// workshop page shows a link). origin is the page's origin
// ("http://127.0.0.1:8080"), used to print the join link.
func (a *App) EnableTeam(c *team.Conn, origin string) {
	a.teamConn = c
	a.teamOrigin = origin
	a.teamScreen = a.team
}

func (a *App) teamLink(s *scope) Element {
	open := s.text("a", "btn btn-primary", "Open a team workshop")
	attrs(open, "href", "team.html#host", "data-test", "to-team-host")
	join := s.text("a", "btn", "Join a workshop with a code")
	attrs(join, "href", "team.html#join", "data-test", "to-team-join")
	return a.elsewhere(s, "Team workshop", teamLead,
		"Team mode needs the Purposeful server. It opens on its own page; the grid on this device stays as it is.",
		s.el("div", "actions", open, join))
}

// teamView is what the team screen re-renders.
type teamView struct {
	title            Element
	status, room     Element
	roomScope        *scope
	ideaCard         Element
	lastStep, lastEr string
}

func (a *App) team(s *scope) Element {
	c := a.teamConn
	if c.Seat != nil {
		return a.teamRoom(s)
	}
	h := a.screenHead(s, "Team workshop", teamLead)
	hash := a.h.Hash()
	code := ""
	if rest, ok := strings.CutPrefix(hash, "join/"); ok {
		code = team.NormalizeCode(rest)
	}
	joinCard := a.teamJoinForm(s, code)
	if strings.HasPrefix(hash, "join") {
		a.screen.Append(joinCard)
		return h
	}
	a.screen.Append(a.teamHostForm(s), joinCard)
	return h
}

func (a *App) teamProblem(el Element, err error) {
	msg := "Something went wrong. Try again."
	if errors.Is(err, team.ErrOffline) {
		msg = "The Purposeful server cannot be reached. Check the connection and try again."
	} else if re, ok := errors.AsType[*team.RefusedError](err); ok {
		msg = "The server said: " + re.Message
	}
	el.SetText(msg)
	a.alert(msg)
}

func (a *App) teamJoinForm(s *scope, code string) Element {
	card := s.el("section", "card team-join")
	attrs(card, "aria-labelledby", "team-join-h", "data-test", "team-join")
	head := s.text("h2", "", "Join a workshop")
	head.SetAttr("id", "team-join-h")
	codeWrap, codeIn := s.field("Join code", "text", code, "team-code", nil)
	attrs(codeIn, "autocomplete", "off", "autocapitalize", "characters", "maxlength", "12", "inputmode", "text")
	nameWrap, nameIn := s.field("Your name, as the facilitator will see it if the session shows names", "text", "", "team-name", nil)
	attrs(nameIn, "autocomplete", "nickname", "maxlength", "60")
	msg := s.el("p", "form-error")
	attrs(msg, "data-test", "team-join-error", "role", "alert")
	var btn Element
	btn = s.button("Join", "btn btn-primary btn-big", "team-join-btn", func() {
		code, name := strings.TrimSpace(codeIn.Value()), strings.TrimSpace(nameIn.Value())
		if code == "" || name == "" {
			msg.SetText("Enter the join code and your name.")
			return
		}
		btn.SetAttr("disabled", "")
		a.teamConn.Join(code, name, func(err error) {
			btn.RemoveAttr("disabled")
			if err != nil {
				a.teamProblem(msg, err)
				return
			}
			a.show("team", true)
		})
	})
	card.Append(head, s.text("p", "muted", "Ask the facilitator for the code, or open the link they share."), codeWrap, nameWrap, msg, btn)
	return card
}

func (a *App) teamHostForm(s *scope) Element {
	card := s.el("section", "card team-host")
	attrs(card, "aria-labelledby", "team-host-h", "data-test", "team-host")
	head := s.text("h2", "", "Open a workshop as the facilitator")
	head.SetAttr("id", "team-host-h")
	var pos, purpose, process, title string
	if d := a.doc; d != nil {
		c := d.Course()
		pos, purpose, process, title = c.Position, c.Purpose, c.Process, d.Title()
	}
	nameWrap, nameIn := s.field("Your name", "text", "", "team-host-name", nil)
	titleWrap, titleIn := s.field("Workshop title", "text", title, "team-title", nil)
	posWrap, posIn := s.field("Position", "text", pos, "team-position", nil)
	purWrap, purIn := s.field("Purpose of the process", "text", purpose, "team-purpose", nil)
	proWrap, proIn := s.field("Process", "text", process, "team-process", nil)
	anonWrap, anonSel := a.selectFieldKV(s, "Names", "team-anonymity",
		[]string{"anonymous", "alias", "named"},
		[]string{"Anonymous: nobody's name is shown", "Aliases: Participant 1, 2, 3", "Named: show display names"})
	msg := s.el("p", "form-error")
	attrs(msg, "data-test", "team-host-error", "role", "alert")
	var btn Element
	btn = s.button("Open the workshop", "btn btn-primary btn-big", "team-open", func() {
		name := strings.TrimSpace(nameIn.Value())
		course := grid.Course{Position: strings.TrimSpace(posIn.Value()), Purpose: strings.TrimSpace(purIn.Value()), Process: strings.TrimSpace(proIn.Value())}
		var missing []string
		for _, f := range []struct{ v, label string }{{name, "your name"}, {course.Position, "the position"}, {course.Purpose, "the purpose"}, {course.Process, "the process"}} {
			if f.v == "" {
				missing = append(missing, f.label)
			}
		}
		if len(missing) > 0 {
			m := "Fill in " + strings.Join(missing, ", ") + "."
			msg.SetText(m)
			a.alert(m)
			return
		}
		btn.SetAttr("disabled", "")
		a.teamConn.Create(name, strings.TrimSpace(titleIn.Value()), settingsFor(anonSel.Value()), course, func(err error) {
			btn.RemoveAttr("disabled")
			if err != nil {
				a.teamProblem(msg, err)
				return
			}
			a.teamImportSolo(course)
			a.show("team", true)
		})
	})
	lead := "The course comes from the grid open on this device; change it here if needed."
	if d := a.doc; d != nil && hasItems(d.Grid()) {
		lead = "The workshop starts from the grid open on this device, “" + d.Title() + "”: its course, knowledge, skills and ideas, so nobody retypes them."
	}
	card.Append(head, s.text("p", "muted", lead),
		nameWrap, titleWrap, posWrap, purWrap, proWrap, anonWrap, msg, btn)
	return card
}

// teamRoom is the workshop in progress, for the facilitator or a
// participant; it polls the server every PollEvery.
func (a *App) teamRoom(s *scope) Element {
	c := a.teamConn
	seat := c.Seat
	v := &teamView{}
	title := seat.Title
	if title == "" {
		title = "Team workshop"
	}
	h := s.text("h1", "screen-title", title)
	h.SetAttr("data-test", "team-title")
	v.title = h
	role := "Participant"
	if seat.Role == team.RoleFacilitator {
		role = "Facilitator"
	}
	v.status = s.el("p", "team-status")
	attrs(v.status, "data-test", "team-status", "role", "status", "aria-live", "polite")
	a.screen.Append(s.el("div", "screen-head", s.el("div", "", s.text("p", "eyebrow", role+" · team workshop"), h), v.status))
	if seat.Role == team.RoleFacilitator {
		a.screen.Append(a.teamJoinCard(s, seat))
	} else {
		a.screen.Append(a.teamIdeaForm(s, v))
	}
	v.room = s.el("section", "card team-room")
	attrs(v.room, "data-test", "team-room", "aria-label", "The workshop")
	v.roomScope = s.child()
	a.screen.Append(v.room)
	leave := s.button("Leave this workshop on this device", "btn btn-quiet", "team-leave", func() {
		a.dialog("Leave the workshop?", "This device forgets the workshop. Changes not yet sent are lost.", nil,
			choice{label: "Leave", test: "team-leave-yes", class: "btn-danger", fn: func() {
				c.Leave()
				a.show("team", true)
			}}, choice{label: "Stay", test: "team-leave-no", fn: func() {}})
	})
	a.screen.Append(s.el("div", "actions", leave))
	a.teamRender(v)
	a.teamPoll(v)
	return h
}

// teamPoll polls now and then every PollEvery while the screen is
// shown; the room is redrawn only when the view changed, so focus and
// half-typed text stay put.
func (a *App) teamPoll(v *teamView) {
	alive := true
	var cancel func()
	var tick func()
	tick = func() {
		a.teamConn.Poll(func(changed bool, _ error) {
			if !alive || a.teamConn.Seat == nil {
				return
			}
			if changed {
				a.teamRender(v)
			} else {
				a.teamStatus(v)
			}
			cancel = a.h.After(PollEvery, tick)
		})
	}
	a.teamStop = func() {
		alive = false
		if cancel != nil {
			cancel()
		}
	}
	tick()
}

func (a *App) teamJoinCard(s *scope, seat *team.Seat) Element {
	card := s.el("section", "card team-code-card")
	attrs(card, "aria-labelledby", "team-code-h")
	head := s.text("h2", "", "Join code")
	head.SetAttr("id", "team-code-h")
	code := s.text("p", "join-code", seat.Code)
	code.SetAttr("data-test", "join-code")
	link := a.teamOrigin + "/team.html#join/" + seat.Code
	l := s.text("a", "join-link", link)
	attrs(l, "href", "team.html#join/"+seat.Code, "data-test", "join-link")
	card.Append(head, code, s.text("p", "muted", "Participants open the Team page on their phone and type the code, or open this link:"), s.el("p", "", l))
	card.Append(a.joinQR(s, link))
	return card
}

func (a *App) teamIdeaForm(s *scope, v *teamView) Element {
	card := s.el("section", "card team-idea")
	attrs(card, "aria-labelledby", "team-idea-h")
	head := s.text("h2", "", "Your ideas")
	head.SetAttr("id", "team-idea-h")
	wrap, in := s.field("A purposeful action or behaviour", "textarea", "", "team-idea", nil)
	v.ideaCard = card
	add := s.button("Add my idea", "btn btn-primary", "team-idea-add", func() {
		text := strings.TrimSpace(in.Value())
		if text == "" {
			a.alert("Write the idea first.")
			in.Focus()
			return
		}
		c := a.teamConn
		a.teamSend(v, grid.Event{Type: grid.AddItem, Item: c.NewID("i"), Column: grid.ColumnPurposeful, Text: text})
		in.SetValue("")
		in.Focus()
		a.announce("Idea added. Only you can see it until the facilitator reveals the ideas.")
		a.teamRender(v)
	})
	card.Append(head, s.text("p", "muted", "Only you see your ideas until the facilitator reveals them."), wrap, add)
	return card
}

// teamSend queues e, and once the queue is sent (or has to wait) reads
// the view again and redraws, keeping focus on the control with the same
// data-test when it is still there.
func (a *App) teamSend(v *teamView, e grid.Event) {
	c := a.teamConn
	if err := c.Send(e, func() {
		if !c.Online {
			a.teamRender(v)
			return
		}
		c.Refresh(func(error) { a.teamRender(v) })
	}); err != nil && c.Seat != nil {
		a.alert("This change could not be kept on the device: " + err.Error())
	}
	a.teamStatus(v)
}

// teamStatus redraws the connection line.
func (a *App) teamStatus(v *teamView) {
	c := a.teamConn
	st := "Connected"
	state := "online"
	if n := c.Pending(); !c.Online {
		st, state = "Offline: "+plural(n, "change is", "changes are")+" kept on this device and will be sent when the connection returns.", "offline"
		if n == 0 {
			st = "Offline: trying to reach the server again…"
		}
	} else if n > 0 {
		st, state = "Sending "+plural(n, "change", "changes")+"…", "sending"
	}
	v.status.SetText(st)
	v.status.SetAttr("data-state", state)
	if c.Err != "" && c.Err != v.lastEr {
		v.lastEr = c.Err
		a.alert("A change was not accepted: " + c.Err)
	}
}

// teamRender redraws the status line and the room from the last view.
func (a *App) teamRender(v *teamView) {
	c := a.teamConn
	if c.Seat == nil {
		return
	}
	a.teamStatus(v)
	if c.Seat.Title != "" {
		v.title.SetText(c.Seat.Title)
	}
	view := c.View
	step := ""
	if view != nil {
		step = view.Step.String()
	}
	if step != v.lastStep && step != "" {
		if v.lastStep != "" {
			a.announce("Step: " + view.Step.Title())
		}
		v.lastStep = step
	}
	if v.ideaCard != nil {
		// Ideas are written in the Get creative step only.
		if step == grid.StepCreate.String() || step == "" {
			v.ideaCard.RemoveAttr("hidden")
		} else {
			v.ideaCard.SetAttr("hidden", "")
		}
	}
	v.roomScope.release()
	s := v.roomScope
	v.room.Clear()
	if view == nil {
		v.room.Append(s.text("p", "muted", "Loading the workshop…"))
		return
	}
	stepEl := s.text("p", "team-step", "Step: "+view.Step.Title())
	stepEl.SetAttr("data-test", "team-step")
	v.room.Append(stepEl)
	fac := c.Seat.Role == team.RoleFacilitator
	if fac {
		v.room.Append(a.teamControls(s, v, view))
	} else if view.Step <= grid.StepTeam {
		w := s.text("p", "lead", "The facilitator is setting the course with the room. You can write your ideas in the Get creative step.")
		w.SetAttr("data-test", "team-wait")
		v.room.Append(w)
	}
	// The people in the room, as anonymity allows.
	others := 0
	var names []string
	for _, m := range view.Members {
		if m.Role == grid.Participant {
			others++
			if m.Name != "" {
				names = append(names, m.Name)
			}
		}
	}
	people := s.text("p", "", plural(others, "participant", "participants")+" joined")
	people.SetAttr("data-test", "team-people")
	v.room.Append(people)
	if len(names) > 0 {
		ul := s.el("ul", "team-names")
		for _, n := range names {
			ul.Append(s.text("li", "badge", n))
		}
		v.room.Append(ul)
	}
	if view.PrivateIdeas > 0 {
		p := s.text("p", "muted", plural(view.PrivateIdeas, "idea", "ideas")+" still private, waiting for the reveal")
		p.SetAttr("data-test", "team-private")
		v.room.Append(p)
	}
	if !fac && c.Pending() > 0 {
		ul := s.el("ul", "team-pending")
		ul.SetAttr("data-test", "team-pending")
		for _, e := range c.Seat.Pending {
			if e.Type == grid.AddItem {
				ul.Append(s.text("li", "", e.Text))
			}
		}
		v.room.Append(s.text("h3", "", "Waiting to send"), ul)
	}
	a.teamItems(s, v, view, fac)
	if view.Step == grid.StepSummary {
		v.room.Append(a.teamGrid(s, view))
		if fac {
			v.room.Append(a.teamFinish(s, v))
		}
	}
}

func (a *App) teamControls(s *scope, v *teamView, view *grid.View) Element {
	send := func(typ grid.EventType) func() {
		return func() { a.teamSend(v, grid.Event{Type: typ}) }
	}
	row := s.el("div", "actions team-controls")
	if view.Step == grid.StepCreate || view.PrivateIdeas > 0 {
		row.Append(s.button("Reveal the ideas", "btn btn-primary", "team-reveal", send(grid.Reveal)))
	}
	if view.Step == grid.StepMine {
		if view.Voting.Open {
			row.Append(s.button("Close voting", "btn btn-primary", "team-voting-close", send(grid.CloseVoting)))
		} else if !view.Voting.Closed {
			row.Append(s.button("Open voting", "btn btn-primary", "team-voting-open", send(grid.OpenVoting)))
		}
	}
	if view.Step != grid.StepSummary && !view.Voting.Open {
		row.Append(s.button("Next step: "+(view.Step+1).Title(), "btn", "team-next", send(grid.NextStep)))
	}
	return row
}

func (a *App) teamItems(s *scope, v *teamView, view *grid.View, fac bool) {
	h := s.text("h3", "", "Ideas")
	list := s.el("ul", "team-items")
	list.SetAttr("data-test", "team-items")
	n := 0
	voting := view.Voting.Open
	var shown []grid.ItemView
	for _, it := range view.Items {
		if it.Column == grid.ColumnPurposeful && !it.Hidden && it.MergedInto == "" && !it.Private {
			shown = append(shown, it)
		}
	}
	for _, it := range view.Items {
		if it.Column != grid.ColumnPurposeful || it.Hidden || it.MergedInto != "" {
			continue
		}
		it := it
		li := s.el("li", "team-item")
		attrs(li, "data-test", "team-item-"+strconv.Itoa(n))
		li.Append(s.text("p", "team-item-text", it.Text))
		meta := s.el("p", "muted team-item-meta")
		var bits []string
		if it.Private {
			bits = append(bits, "Private until the reveal")
		}
		if it.Author != "" && !it.Mine {
			bits = append(bits, "by "+it.Author)
		}
		if it.Mine {
			bits = append(bits, "yours")
		}
		if it.Votes != nil && (view.Voting.Closed || view.Step == grid.StepSummary) {
			bits = append(bits, plural(*it.Votes, "dot", "dots"))
		}
		if it.MyVotes > 0 {
			bits = append(bits, "your dots: "+strconv.Itoa(it.MyVotes))
		}
		meta.SetText(strings.Join(bits, " · "))
		li.Append(meta)
		if voting && !fac && !it.Private {
			idx := strconv.Itoa(n)
			add := s.button("Add a dot", "btn btn-small", "team-vote-"+idx, func() {
				a.teamSend(v, grid.Event{Type: grid.Vote, Item: it.ID})
			})
			add.SetAttr("aria-label", "Add a dot to: "+it.Text)
			if view.Voting.Used >= view.Voting.Dots || (view.Voting.PerItem > 0 && it.MyVotes >= view.Voting.PerItem) {
				add.SetAttr("disabled", "")
			}
			row := s.el("div", "actions", add)
			if it.MyVotes > 0 {
				rm := s.button("Remove a dot", "btn btn-small", "team-unvote-"+idx, func() {
					a.teamSend(v, grid.Event{Type: grid.Unvote, Item: it.ID})
				})
				rm.SetAttr("aria-label", "Remove a dot from: "+it.Text)
				row.Append(rm)
			}
			li.Append(row)
		}
		if fac && view.Step >= grid.StepMine && !voting && !it.Private {
			var others []grid.ItemView
			for _, o := range shown {
				if o.ID != it.ID {
					others = append(others, o)
				}
			}
			li.Append(a.teamIdeaActions(s, v, view, it, strconv.Itoa(n), others))
		}
		list.Append(li)
		n++
	}
	v.room.Append(h)
	if voting && !fac {
		left := s.text("p", "", "Dots left: "+strconv.Itoa(view.Voting.Dots-view.Voting.Used)+" of "+strconv.Itoa(view.Voting.Dots))
		left.SetAttr("data-test", "team-dots")
		v.room.Append(left)
	}
	if n == 0 {
		v.room.Append(s.text("p", "muted", "No ideas to show yet."))
		return
	}
	v.room.Append(list)
}

// settingsFor is the session settings for the anonymity chosen in the
// host form ("anonymous", "alias" or "named").
func settingsFor(anonymity string) grid.Settings {
	var st grid.Settings
	_ = st.Anonymity.UnmarshalText([]byte(anonymity)) // the form offers only valid names
	return st
}

// teamImportSolo sends the grid open on this device into a workshop just
// created, so a grid begun alone continues with the team.
func (a *App) teamImportSolo(course grid.Course) {
	d := a.doc
	if d == nil || !hasItems(d.Grid()) {
		return
	}
	g := d.Grid()
	g.Position, g.Purpose, g.Process = course.Position, course.Purpose, course.Process
	_ = a.teamConn.Send(grid.Event{Type: grid.Import, Grid: g}, nil)
}

// teamIdeaActions are the facilitator's controls on one idea while mining
// for gold: adopt (and take back), the four criteria, and merge into
// another idea (asked first, and undone from the idea it went into).
func (a *App) teamIdeaActions(s *scope, v *teamView, view *grid.View, it grid.ItemView, idx string, others []grid.ItemView) Element {
	row := s.el("div", "actions team-fac")
	adopted := it.Status == grid.Adopted
	label, st := "Adopt", grid.Adopted
	if adopted {
		label, st = "Adopted ✓ (take back)", grid.Proposed
	}
	adopt := s.button(label, "btn btn-small btn-adopt", "team-adopt-"+idx, func() {
		a.teamSend(v, grid.Event{Type: grid.Decide, Item: it.ID, Status: &st})
		if st == grid.Adopted {
			a.announce("Adopted: " + it.Text)
		} else {
			a.announce("No longer adopted: " + it.Text)
		}
	})
	adopt.SetAttr("aria-pressed", strconv.FormatBool(adopted))
	row.Append(adopt)
	if view.Step != grid.StepMine || view.Voting.Open {
		return row
	}
	var mine grid.Score
	if it.MyScore != nil {
		mine = *it.MyScore
	}
	checks := s.el("div", "checks")
	for ci, c := range grid.Criteria {
		ci := ci
		id := a.uid()
		cb := s.el("input", "")
		attrs(cb, "type", "checkbox", "id", id, "data-test", "team-met-"+idx+"-"+strconv.Itoa(ci))
		cb.SetChecked(mine.Met(ci))
		s.on(cb, "change", func(Event) {
			sc := withMet(mine, ci, cb.Checked())
			mine = sc
			a.teamSend(v, grid.Event{Type: grid.ScoreItem, Item: it.ID, Score: &sc})
		})
		lab := s.text("label", "check", c)
		lab.SetAttr("for", id)
		checks.Append(s.el("div", "check-row", cb, lab))
	}
	row.Append(s.el("details", "", s.text("summary", "", "Criteria met ("+strconv.Itoa(mine.MetCount())+" of 4)"), checks))
	for _, o := range view.Items {
		if o.MergedInto == it.ID {
			undo := s.button("Undo the merge into this idea", "btn btn-small", "team-unmerge-"+idx, func() {
				a.teamSend(v, grid.Event{Type: grid.Unmerge, Item: it.ID})
				a.announce("Merge undone")
			})
			row.Append(undo)
			break
		}
	}
	if len(others) > 0 {
		ids, texts := make([]string, len(others)), make([]string, len(others))
		for i, o := range others {
			ids[i], texts[i] = o.ID, o.Text
		}
		mw, msel := a.selectFieldKV(s, "Merge into", "team-merge-select-"+idx, ids, texts)
		var mb Element
		mb = s.button("Merge", "btn btn-small", "team-merge-"+idx, func() {
			into := msel.Value()
			name := ""
			for _, o := range others {
				if o.ID == into {
					name = o.Text
				}
			}
			a.dialog("Merge these ideas?", "“"+it.Text+"” joins “"+name+"”: its dots and evidence move there. “Undo the merge” on that idea takes it back.", mb,
				choice{label: "Merge", test: "confirm-merge", class: "btn btn-primary", fn: func() {
					a.teamSend(v, grid.Event{Type: grid.MergeItems, Item: into, Items: []string{it.ID}})
					a.announce("Merged")
				}},
				choice{label: "Keep both", test: "cancel", fn: func() {}})
		})
		row.Append(s.el("div", "merge", mw, mb))
	}
	return row
}

// teamGrid is the grid the workshop ends in: the knowledge, the skills
// and the adopted ideas, shown to everyone at the summary.
func (a *App) teamGrid(s *scope, view *grid.View) Element {
	var cols [3][]string
	for _, it := range view.Items {
		if it.Hidden || it.MergedInto != "" {
			continue
		}
		switch {
		case it.Column == grid.ColumnKnowledge:
			cols[0] = append(cols[0], it.Text)
		case it.Column == grid.ColumnSkills:
			cols[1] = append(cols[1], it.Text)
		case it.Status == grid.Adopted:
			cols[2] = append(cols[2], it.Text)
		}
	}
	tbl := s.el("table", "grid-table")
	attrs(tbl, "data-test", "team-grid")
	tbl.Append(s.text("caption", "", view.Course.Position+" · "+view.Course.Process))
	hr := s.el("tr", "")
	for _, c := range grid.Columns {
		hr.Append(attrs(s.text("th", "", c.Title()), "scope", "col"))
	}
	tb := s.el("tbody", "")
	for i := range max(len(cols[0]), len(cols[1]), len(cols[2]), 1) {
		tr := s.el("tr", "")
		for _, col := range cols {
			v := ""
			if i < len(col) {
				v = col[i]
			}
			tr.Append(s.text("td", "", v))
		}
		tb.Append(tr)
	}
	tbl.Append(s.el("thead", "", hr), tb)
	sec := s.el("section", "team-final")
	sec.Append(s.text("h3", "", "The grid"), s.tableWrap("The grid", tbl))
	return sec
}

// teamFinish are the facilitator's closing controls: export in every
// format, complete (the server sends the xAPI statement), and continue
// the grid alone on this device.
func (a *App) teamFinish(s *scope, v *teamView) Element {
	c := a.teamConn
	row := s.el("div", "actions team-finish")
	for _, k := range [][2]string{{"json", "Export JSON"}, {"csv", "Export CSV"}, {"md", "Export Markdown"}, {"svg", "Export SVG"}} {
		k := k
		row.Append(s.button(k[1], "btn", "team-export-"+k[0], func() {
			c.Export(k[0], func(b []byte, err error) {
				if err != nil {
					a.alert("Export failed: " + err.Error())
					return
				}
				mime := map[string]string{"json": "application/json", "csv": "text/csv", "md": "text/markdown", "svg": "image/svg+xml"}[k[0]]
				a.h.Download(slug(c.Seat.Title)+"."+k[0], mime, b)
				a.announce("Exported " + strings.ToUpper(k[0]))
			})
		}))
	}
	done := s.text("p", "team-done", "")
	attrs(done, "data-test", "team-done", "role", "status")
	var complete Element
	complete = s.button("Complete the workshop", "btn btn-primary", "team-complete", func() {
		complete.SetAttr("disabled", "")
		c.Complete(func(err error) {
			complete.RemoveAttr("disabled")
			if err != nil {
				a.teamProblem(done, err)
				return
			}
			done.SetText("Completed. The completion is recorded for your learning system.")
			a.announce("Workshop completed")
		})
	})
	// copy saves the team's grid on this device and links to where it
	// goes on: the activity, and the standards builder (the facilitator
	// drafts standards from the adopted ideas as in solo mode). Pressed
	// again, it shows the same copy's links rather than a second copy.
	var copied *Solo
	copyGrid := func() {
		if copied != nil {
			a.announce("The grid is already saved on this device as “" + copied.Title() + "”")
			return
		}
		c.Export("json", func(b []byte, err error) {
			if err != nil {
				a.alert("Could not copy the grid: " + err.Error())
				return
			}
			d, err := DecodeSolo(a.newID(), b, a.h.Now())
			if err != nil {
				a.alert("Could not copy the grid: " + err.Error())
				return
			}
			d.ID = a.newID() // a copy of its own, whatever id the server's grid carries
			copied = d
			a.open(d)
			link := s.text("a", "", "Open it in the activity")
			attrs(link, "href", "index.html#activity", "data-test", "team-solo-open")
			std := s.text("a", "", "Draft standards from its adopted ideas")
			attrs(std, "href", "standards.html", "data-test", "team-standards-open")
			done.Clear()
			done.Append(s.text("span", "", "Saved on this device as “"+d.Title()+"”. "), link, s.text("span", "", " · "), std)
			a.announce("The grid is saved on this device")
		})
	}
	solo := s.button("Continue on this device alone", "btn", "team-solo", copyGrid)
	std := s.button("Draft standards", "btn", "team-standards", copyGrid)
	std.SetAttr("title", "Save the grid on this device and open the standards builder on its adopted ideas")
	row.Append(complete, solo, std)
	return s.el("div", "", row, done)
}

// hasItems reports whether g has any entry or idea.
func hasItems(g *grid.Grid) bool { return len(g.Knowledge)+len(g.Skills)+len(g.Purposeful) > 0 }
