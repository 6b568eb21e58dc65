package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/wasm/page/team"
)

// SaveDelay is how long after a change the page writes to storage. Changes
// inside the window are saved together; the brief allows half a second.
const SaveDelay = 250 * time.Millisecond

// currentKey remembers the grid that was open.
const currentKey = "purposeful.current"

// Screens, by hash.
var screens = []struct{ hash, title string }{
	{"home", "Home"},
	{"activity", "Activity"},
	{"coach", "Purpose coach"},
	{"standards", "Standards"},
	{"recovery", "Recovery"},
	{"checklists", "Checklists"},
	{"team", "Team"},
}

// App is the running page.
type App struct {
	h   Host
	svc Services
	lib Library

	root, screen, overlay   Element
	announcer, alerts, save Element

	doc *Solo
	// pending is the grid that was open when the page last closed, not
	// read yet: it is replayed when a screen needs it (loadPending), so
	// the home screen does not wait for it.
	pending    string
	cancelSave func()
	saveErr    error

	current   string // screen hash
	top       *scope
	seq       int
	timerStop func()

	// activity state that is view-only
	phaseHead Element

	perf []time.Duration // live analysis timings, kept sorted (see record)
	// Only, when set, pins the page to one screen (the recovery page).
	Only string
	// recoveryScreen is set by EnableRecovery; the workshop page leaves it
	// nil so the coach's code is not linked into its wasm.
	recoveryScreen   func(*scope) Element
	standardsScreen  func(*scope) Element
	checklistsScreen func(*scope) Element
	coachScreen      func(*scope) Element
	// team mode (EnableTeam): the connection, the page origin for the
	// join link, and the poll loop's stop.
	teamScreen func(*scope) Element
	teamConn   *team.Conn
	teamOrigin string
	teamStop   func()
	// OnPerf, when set, receives the live-analysis p95 after each analysis.
	OnPerf func(p95 time.Duration, n int)
	dlg    *scope

	undo []undoStep // changes the Undo button can take back, oldest first

	importStatus Element
	recSit       RecoverySituation
	av           *activityView
}

// New returns the page bound to h.
func New(h Host, svc Services) *App {
	return &App{h: h, svc: svc, lib: Library{S: h.Storage()}}
}

// Start renders the page for the current hash and wires autosave.
func (a *App) Start() {
	a.root = a.h.ByID("app")
	a.announcer = a.h.ByID("announcer")
	a.alerts = a.h.ByID("alerts")
	a.save = a.h.ByID("save-state")
	a.root.Clear()
	s := &scope{a: a}
	a.screen = s.el("div", "screen")
	a.overlay = s.el("div", "overlay-root")
	a.root.Append(a.screen, a.overlay)
	if id, ok := a.h.Storage().Get(currentKey); ok {
		a.pending = id
	}
	a.h.OnHash(func(h string) { a.route(h) })
	a.h.OnHide(a.Flush)
	a.route(a.h.Hash())
	a.root.SetAttr("data-ready", "1")
}

// Doc returns the open grid (nil when none).
func (a *App) Doc() *Solo {
	a.loadPending()
	return a.doc
}

// loadPending reads the grid that was open when the page last closed, if
// it has not been read yet and no other grid was opened since. A copy
// that cannot be read leaves no grid open, as it did when Start read it.
func (a *App) loadPending() {
	id := a.pending
	if id == "" {
		return
	}
	a.pending = ""
	if a.doc == nil {
		if d, err := a.lib.Load(id); err == nil {
			a.doc = d
		}
	}
}

func (a *App) route(hash string) {
	hash = strings.TrimPrefix(hash, "#")
	name := hash
	if i := strings.IndexByte(name, '/'); i >= 0 {
		name = name[:i]
	}
	known := false
	for _, s := range screens {
		if s.hash == name {
			known = true
		}
	}
	if !known {
		name = "home"
	}
	if a.Only != "" {
		name = a.Only
	}
	a.show(name, a.current != "")
}

// Go navigates to a screen (through the hash, so Back works).
func (a *App) Go(name string) {
	if a.h.Hash() == name {
		a.show(name, true)
		return
	}
	a.h.SetHash(name)
}

func (a *App) show(name string, moveFocus bool) {
	if name != "home" {
		a.loadPending()
	}
	if a.top != nil {
		a.top.release()
	}
	stop(&a.timerStop)
	stop(&a.teamStop)
	a.closeDialog()
	a.current = name
	a.top = &scope{a: a}
	a.screen.Clear()
	a.screen.SetAttr("data-screen", name)
	// The screens that live on their own page are links here unless this
	// program enabled them.
	pick := func(full, link func(*scope) Element) Element {
		if full != nil {
			return full(a.top)
		}
		return link(a.top)
	}
	var head Element
	switch name {
	case "activity":
		head = a.activity(a.top)
	case "coach":
		head = pick(a.coachScreen, a.coachLink)
	case "recovery":
		head = pick(a.recoveryScreen, a.recoveryLink)
	case "standards":
		head = pick(a.standardsScreen, a.standardsLink)
	case "checklists":
		head = pick(a.checklistsScreen, a.checklistsLink)
	case "team":
		head = pick(a.teamScreen, a.teamLink)
	default:
		head = a.home(a.top)
	}
	title := "Home"
	for _, s := range screens {
		if s.hash == name {
			title = s.title
		}
	}
	a.markNav(name)
	if moveFocus && head != nil {
		head.SetAttr("tabindex", "-1")
		head.Focus()
	}
	a.announce(title)
}

func (a *App) markNav(name string) {
	nav := a.h.ByID("nav")
	if nav == nil {
		return
	}
	nav.SetAttr("data-current", name)
	for _, s := range screens {
		if l := a.h.ByID("nav-" + s.hash); l != nil {
			if s.hash == name {
				l.SetAttr("aria-current", "page")
			} else {
				l.RemoveAttr("aria-current")
			}
		}
	}
}

// announce tells screen readers about a change (polite).
func (a *App) announce(msg string) {
	if a.announcer != nil {
		a.announcer.SetText("")
		a.announcer.SetText(msg)
	}
}

// alert tells screen readers about a problem (assertive).
func (a *App) alert(msg string) {
	if a.alerts != nil {
		a.alerts.SetText("")
		a.alerts.SetText(msg)
	}
}

// changed records an edit of the open workshop and schedules the save.
func (a *App) changed() {
	if a.doc == nil {
		return
	}
	if a.cancelSave == nil {
		a.setSaveState("Saving…", "saving")
		a.cancelSave = a.h.After(SaveDelay, a.Flush)
	}
}

// stop calls *fn, when set, and clears it.
func stop(fn *func()) {
	if *fn != nil {
		(*fn)()
		*fn = nil
	}
}

// Flush writes pending changes now.
func (a *App) Flush() {
	stop(&a.cancelSave)
	if a.doc == nil {
		return
	}
	if err := a.doc.Commit(a.h.Now()); err != nil {
		a.alert("Not kept: " + err.Error())
	}
	err := a.lib.Save(a.doc)
	if err == nil {
		err = a.h.Storage().Set(currentKey, a.doc.ID)
	}
	a.saveErr = err
	if err != nil {
		a.setSaveState("Not saved: this device's storage refused it. Export a copy now.", "error")
		a.alert("Your work could not be saved on this device. Export a copy.")
		return
	}
	a.confirmSaved()
}

func (a *App) setSaveState(text, state string) {
	if a.save != nil {
		a.save.SetText(text)
		a.save.SetAttr("data-state", state)
	}
}

// open makes d the open grid and saves it.
func (a *App) open(d *Solo) {
	a.pending = ""
	if a.doc == nil || a.doc.ID != d.ID {
		a.undo = nil
	}
	a.doc = d
	a.Flush()
}

// newID returns a fresh workshop id.
func (a *App) newID() string {
	n := a.h.Now().UnixNano()
	for i := 0; ; i++ {
		id := "g" + strconv.FormatInt(n+int64(i), 36)
		if !a.lib.Has(id) {
			return id
		}
	}
}

// record adds one live-analysis timing. It keeps the timings sorted, one
// insertion per keystroke, so [App.Perf] reads the p95 without sorting a
// copy of them all on every keystroke.
func (a *App) record(d time.Duration) {
	i := len(a.perf)
	a.perf = append(a.perf, d)
	for ; i > 0 && a.perf[i-1] > d; i-- {
		a.perf[i] = a.perf[i-1]
	}
	a.perf[i] = d
}

// Perf returns the p95 of the live-analysis timings and how many there are.
func (a *App) Perf() (p95 time.Duration, n int) {
	n = len(a.perf)
	if n == 0 {
		return 0, 0
	}
	return a.perf[(n*95+99)/100-1], n
}
