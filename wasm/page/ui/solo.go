package ui

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/device"
)

// soloActor is the member id of the one person working on a solo grid.
const soloActor = "you"

// DefaultObjective is the objective a new grid starts with.
const DefaultObjective = "Find purposeful actions and behaviours that fit our purpose and core values, " +
	"reflect this role's higher purpose, and can be built into the process to improve it and reach its KPIs."

// Solo is a grid worked on alone on this device: a [grid.Session] of one
// member, the facilitator, in solo mode ([grid.Settings].Solo), fed the
// same events team mode sends to the server but applied here. It is
// stored as the session's log ("purposeful.session/v1", read by
// [grid.DecodeLog] and [grid.Replay]).
//
// Text being typed (the course, an entry's wording) is held until
// [Solo.Commit], which the page calls when it saves, so the log gets one
// event per pause rather than one per keystroke.
type Solo struct {
	ID               string
	Created, Updated time.Time
	// Ladder is the revelation ladder of the purpose coach: the job
	// function, then the answers to "why does that matter?".
	Ladder []string
	// Standards are the standards drafted from the adopted ideas, as
	// edited in the standards builder.
	Standards []StandardDraft

	s      *grid.Session
	course *grid.Course       // typed, not yet an event
	texts  map[string]string  // item id -> text typed, not yet an event
	ids    map[string]bool    // item ids in use
	last   time.Time          // At of the latest event
	n      int                // events made here, for their ids
	seen   map[string]*string // scratch for Commit
}

// NewSolo starts an empty grid with id at now.
func NewSolo(id string, now time.Time) *Solo {
	d := &Solo{ID: id, s: grid.NewSession(), ids: map[string]bool{}, Created: now.UTC(), Updated: now.UTC()}
	_ = d.apply(now, grid.Event{Type: grid.Create, Settings: &grid.Settings{Solo: true}, Course: &grid.Course{Objective: DefaultObjective}})
	return d
}

// soloFromGrid starts a solo grid from g (a grid exported by the API, a
// team workshop or an older page) at step: its course and every item with
// its dots, criteria and adoption arrive in one import event.
func soloFromGrid(id string, g *grid.Grid, step grid.Step, research int, now time.Time) (*Solo, error) {
	d := &Solo{ID: id, s: grid.NewSession(), ids: map[string]bool{}, Created: now.UTC(), Updated: now.UTC()}
	if err := d.apply(now, grid.Event{Type: grid.Create, Settings: &grid.Settings{Solo: true, ResearchSeconds: research}}); err != nil {
		return nil, err
	}
	g.ID = ""
	if err := d.apply(now, grid.Event{Type: grid.Import, Grid: g}); err != nil {
		return nil, err
	}
	for d.s.Step() < step {
		if err := d.apply(now, grid.Event{Type: grid.NextStep}); err != nil {
			return nil, err
		}
	}
	d.index()
	return d, nil
}

// OpenGrid starts solo grid id from g where g's work stands (see
// firstStep), so a grid made elsewhere continues without retyping.
func OpenGrid(id string, g *grid.Grid, now time.Time) (*Solo, error) {
	return soloFromGrid(id, g, firstStep(g), 0, now)
}

// firstStep is where a grid brought in from elsewhere opens: the summary
// when something is adopted, mine for gold when there are ideas, else the
// team step.
func firstStep(g *grid.Grid) grid.Step {
	switch {
	case len(g.Adopted()) > 0:
		return grid.StepSummary
	case len(g.Purposeful) > 0:
		return grid.StepMine
	}
	return grid.StepTeam
}

// DecodeSolo reads what the page stores or imports: a solo grid's log, a
// grid ("purposeful.grid/v1", as the API and team mode export it, or as
// the page exports it), or a "purposeful.workshop/v1" document the page
// saved before it ran on grid (upgraded with [grid.UpgradeWorkshop]). id
// names a grid that carries none. Errors name the field path.
func DecodeSolo(id string, data []byte, now time.Time) (*Solo, error) {
	events, err := grid.DecodeLog(data)
	if err == nil {
		s, err := grid.Replay(events)
		if err != nil {
			return nil, err
		}
		d := &Solo{ID: id, s: s, ids: map[string]bool{}}
		if len(events) > 0 {
			d.Created, d.Updated = events[0].At, events[len(events)-1].At
			d.last = d.Updated
			for _, e := range events {
				if _, n, ok := strings.Cut(e.ID, "-"); ok {
					k, _ := strconv.Atoi(n)
					d.n = max(d.n, k)
				}
			}
		}
		d.index()
		return d, nil
	}
	if !errors.Is(err, grid.ErrVersion) {
		return nil, err
	}
	u, uerr := grid.UpgradeWorkshop(data)
	if uerr == nil {
		if u.Grid.ID != "" {
			id = u.Grid.ID
		}
		d, err := soloFromGrid(id, u.Grid, u.Step, min(u.ResearchSeconds, int(grid.MaxResearch/time.Second)), now)
		if err != nil {
			return nil, err
		}
		d.Ladder = u.Ladder
		if !u.Created.IsZero() {
			d.Created = u.Created
		}
		if !u.Updated.IsZero() {
			d.Updated = u.Updated
		}
		return d, nil
	}
	if !errors.Is(uerr, grid.ErrVersion) {
		return nil, uerr
	}
	g, gerr := grid.DecodeDraft(data)
	if gerr != nil {
		if errors.Is(gerr, grid.ErrVersion) {
			return nil, errors.New("version: not a grid (purposeful.grid/v1), a saved workshop (purposeful.workshop/v1) or a session log (purposeful.session/v1)")
		}
		return nil, gerr
	}
	if g.ID != "" {
		id = g.ID
	}
	return OpenGrid(id, g, now)
}

// index records the item ids in use.
func (d *Solo) index() {
	v, err := d.s.View(soloActor, d.last)
	if err != nil {
		return
	}
	for _, it := range v.Items {
		d.ids[it.ID] = true
	}
}

// apply stamps e and applies it. Its time is now, or the last event's if
// the clock went back; its id sorts after every earlier id of the same
// time ("e<time>-<count>", fixed widths), so the log keeps the order the
// events were made in.
func (d *Solo) apply(now time.Time, e grid.Event) error {
	at := now.UTC()
	if at.Before(d.last) {
		at = d.last
	}
	d.n++
	e.ID, e.Actor, e.At = "e"+pad(strconv.FormatInt(at.UnixMicro(), 36), 12)+"-"+pad(strconv.Itoa(d.n), 9), soloActor, at
	if err := d.s.Apply(e); err != nil {
		return err
	}
	d.last, d.Updated = at, at
	if e.Type == grid.AddItem {
		d.ids[e.Item] = true
	}
	return nil
}

// Send applies e after the text typed so far.
func (d *Solo) Send(now time.Time, e grid.Event) error {
	if err := d.Commit(now); err != nil {
		return err
	}
	return d.apply(now, e)
}

// NewItemID returns an item id not used yet, starting with prefix.
func (d *Solo) NewItemID(prefix string) string {
	for n := len(d.ids) + 1; ; n++ {
		id := prefix + strconv.Itoa(n)
		if !d.ids[id] {
			d.ids[id] = true
			return id
		}
	}
}

// Course is the course as typed.
func (d *Solo) Course() grid.Course {
	if d.course != nil {
		return *d.course
	}
	return d.s.Course()
}

// EditCourse changes the course as typed (sent by the next Commit).
func (d *Solo) EditCourse(edit func(c *grid.Course)) {
	c := d.Course()
	edit(&c)
	d.course = &c
}

// EditText changes the wording of item id as typed.
func (d *Solo) EditText(id, text string) {
	if d.texts == nil {
		d.texts = map[string]string{}
	}
	d.texts[id] = text
}

// Commit sends the text typed since the last Commit as events: one
// course event and one edit per item. What grid refuses (a blank entry)
// is left out.
func (d *Solo) Commit(now time.Time) error {
	var errs []error
	if c := d.course; c != nil {
		d.course = nil
		c.Values, c.KPIs = nonBlank(c.Values), nonBlank(c.KPIs)
		if !sameCourse(*c, d.s.Course()) {
			errs = append(errs, d.apply(now, grid.Event{Type: grid.SetCourse, Course: c}))
		}
	}
	if len(d.texts) > 0 {
		v := d.View(now)
		texts := d.texts
		d.texts = nil
		for _, it := range v.Items {
			if t, ok := texts[it.ID]; ok && strings.TrimSpace(t) != "" && t != it.Text {
				errs = append(errs, d.apply(now, grid.Event{Type: grid.EditItem, Item: it.ID, Text: t}))
			}
		}
	}
	return errors.Join(errs...)
}

func nonBlank(list []string) []string {
	out := list[:0:0]
	for _, v := range list {
		if strings.TrimSpace(v) != "" {
			out = append(out, v)
		}
	}
	return out
}

func sameCourse(a, b grid.Course) bool {
	return a.Organisation == b.Organisation && a.Position == b.Position && a.Purpose == b.Purpose && a.Process == b.Process &&
		a.Objective == b.Objective && slices.Equal(a.Values, b.Values) && slices.Equal(a.KPIs, b.KPIs)
}

// View is the grid as its one member sees it, with the text typed but
// not yet sent.
func (d *Solo) View(now time.Time) *grid.View {
	v, err := d.s.View(soloActor, now)
	if err != nil { // cannot happen: the create event made the member
		return &grid.View{}
	}
	if d.course != nil {
		v.Course = *d.course
	}
	for i := range v.Items {
		if t, ok := d.texts[v.Items[i].ID]; ok {
			v.Items[i].Text = t
		}
	}
	return v
}

// Grid is the grid as it stands, with the text typed so far: what the
// exports, the warnings and the standards builder read.
func (d *Solo) Grid() *grid.Grid {
	g, err := d.s.Export(soloActor)
	if err != nil {
		return &grid.Grid{Version: grid.Version}
	}
	g.ID = d.ID
	if d.course != nil {
		c := d.course
		g.Organisation, g.Position, g.Purpose, g.Process, g.Objective = c.Organisation, c.Position, c.Purpose, c.Process, c.Objective
		g.Values, g.KPIs = nonBlank(c.Values), nonBlank(c.KPIs)
	}
	for _, col := range []*[]grid.Item{&g.Knowledge, &g.Skills, &g.Purposeful} {
		for i := range *col {
			if t, ok := d.texts[(*col)[i].ID]; ok && strings.TrimSpace(t) != "" {
				(*col)[i].Text = t
			}
		}
	}
	return g
}

// Title is a short human name: "Position · Process", or "Untitled grid".
func (d *Solo) Title() string {
	c := d.Course()
	p, q := strings.TrimSpace(c.Position), strings.TrimSpace(c.Process)
	switch {
	case p != "" && q != "":
		return p + " · " + q
	case p != "":
		return p
	case q != "":
		return q
	}
	return "Untitled grid"
}

// Step is the current step.
func (d *Solo) Step() grid.Step { return d.s.Step() }

// SetStep moves to step p, forward one step at a time or back at once.
func (d *Solo) SetStep(now time.Time, p grid.Step) error {
	if err := d.Commit(now); err != nil {
		return err
	}
	if p < d.s.Step() {
		return d.apply(now, grid.Event{Type: grid.Reopen, Step: &p})
	}
	for d.s.Step() < p {
		if err := d.apply(now, grid.Event{Type: grid.NextStep}); err != nil {
			return err
		}
	}
	return nil
}

// Mark is the point [Solo.UndoTo] goes back to: the number of events
// after the text typed so far.
func (d *Solo) Mark(now time.Time) int {
	_ = d.Commit(now)
	return d.s.Len()
}

// UndoTo takes the grid back to mark n, dropping the events since.
func (d *Solo) UndoTo(n int) error {
	log := d.s.Log()
	if n > len(log) {
		return nil
	}
	s, err := grid.Replay(log[:n])
	if err != nil {
		return err
	}
	d.s, d.course, d.texts = s, nil, nil
	return nil
}

// Encode is the stored form: the session's log. Call Commit first.
func (d *Solo) Encode() ([]byte, error) { return grid.EncodeLog(d.s.Log()) }

// soloKeyPrefix starts the storage key of every saved grid; the page kept
// its older workshops under the same keys.
const soloKeyPrefix = "purposeful.workshop."

// draftsKeyPrefix starts the key of a grid's ladder and standards drafts.
const draftsKeyPrefix = "purposeful.drafts."

// DraftsVersion is the version of the stored ladder and standards of a grid.
const DraftsVersion = "purposeful.page-drafts/v1"

// encodeDrafts writes the ladder and standards of d as lines: the
// version, then "ladder" and "standard" lines of Go-quoted texts (the
// page links no JSON encoder for them).
func encodeDrafts(d *Solo) string {
	var b strings.Builder
	b.WriteString(DraftsVersion)
	for _, r := range d.Ladder {
		b.WriteString("\nladder " + strconv.Quote(r))
	}
	for _, st := range d.Standards {
		b.WriteString("\nstandard")
		for _, f := range []string{st.Code, st.Item, st.Statement, st.Rationale, st.Deviation} {
			b.WriteString(" " + strconv.Quote(f))
		}
	}
	return b.String()
}

// decodeDrafts reads what encodeDrafts wrote into d; anything else is an
// error and leaves d as it was.
func decodeDrafts(d *Solo, s string) error {
	lines := strings.Split(s, "\n")
	if lines[0] != DraftsVersion {
		return errors.New("drafts: unsupported version")
	}
	var ladder []string
	var stds []StandardDraft
	for i, line := range lines[1:] {
		kind, rest, _ := strings.Cut(line, " ")
		var f []string
		for rest != "" {
			q, err := strconv.QuotedPrefix(rest)
			if err != nil {
				return errors.New("drafts: line " + strconv.Itoa(i+2) + ": " + err.Error())
			}
			v, _ := strconv.Unquote(q)
			f = append(f, v)
			rest = strings.TrimPrefix(rest[len(q):], " ")
		}
		switch {
		case kind == "ladder" && len(f) == 1:
			ladder = append(ladder, f[0])
		case kind == "standard" && len(f) == 5:
			stds = append(stds, StandardDraft{Code: f[0], Item: f[1], Statement: f[2], Rationale: f[3], Deviation: f[4]})
		default:
			return errors.New("drafts: line " + strconv.Itoa(i+2) + ": not a ladder rung or a standard")
		}
	}
	d.Ladder, d.Standards = ladder, stds
	return nil
}

// Library keeps solo grids in a device's storage, each under
// "purposeful.workshop.<id>" (its log) and "purposeful.drafts.<id>" (its
// ladder and standards).
type Library struct{ S device.Storage }

// Save stores d (after Commit), its drafts and its listing.
func (l Library) Save(d *Solo) error {
	b, err := d.Encode()
	if err != nil {
		return err
	}
	if err := l.S.Set(soloKeyPrefix+d.ID, string(b)); err != nil {
		return err
	}
	l.putListing(d, string(b)) // without it, List replays the log
	if len(d.Ladder) == 0 && len(d.Standards) == 0 {
		l.S.Remove(draftsKeyPrefix + d.ID)
		return nil
	}
	return l.S.Set(draftsKeyPrefix+d.ID, encodeDrafts(d))
}

// Load reads the grid id (upgrading an older workshop) with its drafts.
func (l Library) Load(id string) (*Solo, error) {
	v, ok := l.S.Get(soloKeyPrefix + id)
	if !ok {
		return nil, errors.New("no saved grid " + id)
	}
	return l.load(id, v)
}

// load reads the grid id from its stored log v, with its drafts.
func (l Library) load(id, v string) (*Solo, error) {
	d, err := DecodeSolo(id, []byte(v), time.Now())
	if err != nil {
		return nil, err
	}
	d.ID = id
	if x, ok := l.S.Get(draftsKeyPrefix + id); ok {
		_ = decodeDrafts(d, x) // unreadable drafts are drafted again from the grid
	}
	return d, nil
}

// Has reports whether a grid id is stored.
func (l Library) Has(id string) bool { _, ok := l.S.Get(soloKeyPrefix + id); return ok }

// Delete removes the grid id, its drafts and its listing.
func (l Library) Delete(id string) {
	l.S.Remove(soloKeyPrefix + id)
	l.S.Remove(draftsKeyPrefix + id)
	l.S.Remove(listingKeyPrefix + id)
}

// saved is a stored grid as the home screen lists it.
type saved struct {
	ID  string
	L   listing
	Err error // set when the stored copy cannot be read
}

// List returns every stored grid, most recently updated first; copies
// that cannot be read are listed with Err set rather than dropped. It
// reads each grid's listing, and replays only a grid whose listing is
// missing or describes another log (writing the listing again).
func (l Library) List() []saved {
	var out []saved
	for _, k := range l.S.Keys() {
		id, ok := strings.CutPrefix(k, soloKeyPrefix)
		if !ok {
			continue
		}
		out = append(out, l.listing(id))
	}
	for i := 1; i < len(out); i++ { // insertion sort: stable, and no sort package in the wasm
		for j := i; j > 0 && newer(out[j], out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func (l Library) listing(id string) saved {
	log, ok := l.S.Get(soloKeyPrefix + id)
	if !ok {
		return saved{ID: id, Err: errors.New("no saved grid " + id)}
	}
	if v, ok := l.S.Get(listingKeyPrefix + id); ok {
		if ls, ok := decodeListing(v); ok && ls.LogBytes == len(log) && ls.LogSum == fnv1a(log) {
			return saved{ID: id, L: ls}
		}
	}
	d, err := l.load(id, log)
	if err != nil {
		return saved{ID: id, Err: err}
	}
	return saved{ID: id, L: l.putListing(d, log)}
}

// putListing stores the listing of d, stored as the log b, and returns
// it. A listing that cannot be stored is no loss: List makes it again.
func (l Library) putListing(d *Solo, b string) listing {
	ls := listingOf(d, b)
	_ = l.S.Set(listingKeyPrefix+d.ID, ls.encode())
	return ls
}

func newer(a, b saved) bool {
	if a.Err != nil || b.Err != nil {
		return a.Err == nil && b.Err != nil
	}
	return a.L.Updated.After(b.L.Updated)
}

// pad puts zeros before s up to n characters.
func pad(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return strings.Repeat("0", n-len(s)) + s
}
