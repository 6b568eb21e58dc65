// Package uitest is an in-memory [ui.Host] for testing the page's screens
// natively: elements are plain Go values, time is a manual clock, storage is
// a map.
package uitest

import (
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/wasm/page/device"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// El is an in-memory element.
type El struct {
	Tag      string
	Attrs    map[string]string
	Text     string // own text (set by SetText; clears children)
	Kids     []*El
	Parent   *El
	Val      string
	IsCheck  bool
	Style    map[string]string
	Focused  bool
	host     *Host
	handlers map[string][]*handler
}

type handler struct{ fn func(ui.Event) }

func (e *El) Append(children ...ui.Element) {
	for _, c := range children {
		k := c.(*El)
		if k.Parent != nil {
			k.Parent.detach(k)
		}
		k.Parent = e
		e.Kids = append(e.Kids, k)
	}
}
func (e *El) detach(k *El) {
	for i, c := range e.Kids {
		if c == k {
			e.Kids = append(e.Kids[:i], e.Kids[i+1:]...)
			return
		}
	}
}
func (e *El) Clear() {
	for _, k := range e.Kids {
		k.Parent = nil
	}
	e.Kids, e.Text = nil, ""
}
func (e *El) Remove() {
	if e.Parent != nil {
		e.Parent.detach(e)
		e.Parent = nil
	}
}
func (e *El) SetText(s string)     { e.Clear(); e.Text = s }
func (e *El) SetAttr(n, v string)  { e.Attrs[n] = v }
func (e *El) RemoveAttr(n string)  { delete(e.Attrs, n) }
func (e *El) Attr(n string) string { return e.Attrs[n] }
func (e *El) Value() string        { return e.Val }
func (e *El) SetValue(s string)    { e.Val = s }
func (e *El) Checked() bool        { return e.IsCheck }
func (e *El) SetChecked(on bool)   { e.IsCheck = on }
func (e *El) SetStyle(p, v string) { e.Style[p] = v }
func (e *El) Focus() {
	if e.host.focused != nil {
		e.host.focused.Focused = false
	}
	e.Focused, e.host.focused = true, e
}
func (e *El) On(ev string, fn func(ui.Event)) func() {
	h := &handler{fn}
	e.handlers[ev] = append(e.handlers[ev], h)
	e.host.Listeners++
	return func() {
		hs := e.handlers[ev]
		for i, x := range hs {
			if x == h {
				e.handlers[ev] = append(hs[:i], hs[i+1:]...)
				e.host.Listeners--
				return
			}
		}
	}
}

// Fire dispatches an event to e's listeners and then its ancestors'
// (bubbling).
func (e *El) Fire(ev ui.Event) {
	for n := e; n != nil; n = n.Parent {
		for _, h := range append([]*handler(nil), n.handlers[ev.Type]...) {
			h.fn(ev)
		}
	}
}

// Click fires a click.
func (e *El) Click() { e.Fire(ui.Event{Type: "click"}) }

// Type replaces the value and fires input.
func (e *El) Type(s string) {
	e.Val = s
	e.Fire(ui.Event{Type: "input"})
	e.Fire(ui.Event{Type: "change"})
}

// Key fires a keydown.
func (e *El) Key(k string) { e.Fire(ui.Event{Type: "keydown", Key: k}) }

// TextContent is the concatenated text of e and its descendants.
func (e *El) TextContent() string {
	var b strings.Builder
	e.walk(func(n *El) bool { b.WriteString(n.Text); return true })
	return b.String()
}

func (e *El) walk(fn func(*El) bool) bool {
	if !fn(e) {
		return false
	}
	for _, k := range e.Kids {
		if !k.walk(fn) {
			return false
		}
	}
	return true
}

// Find returns the first descendant (or e) whose attribute name equals
// value, or nil.
func (e *El) Find(name, value string) *El {
	var out *El
	e.walk(func(n *El) bool {
		if n.Attrs[name] == value {
			out = n
			return false
		}
		return true
	})
	return out
}

// FindAll returns every descendant whose attribute name equals value.
func (e *El) FindAll(name, value string) []*El {
	var out []*El
	e.walk(func(n *El) bool {
		if n.Attrs[name] == value {
			out = append(out, n)
		}
		return true
	})
	return out
}

// ByTest finds the element with data-test=value.
func (e *El) ByTest(value string) *El { return e.Find("data-test", value) }

// Host is the in-memory host.
type Host struct {
	Doc       *El
	ids       map[string]*El
	Store     device.MapStorage
	Clock     time.Time
	timers    []*timer
	Downloads []Download
	HashValue string
	hashFns   []func(string)
	hideFns   []func()
	// NextFile is what PickFile returns.
	NextFile Download
	Printed  int
	// FailWrites makes storage refuse writes.
	FailWrites bool
	Listeners  int
	focused    *El
	urls       int
}

// Download records a file the page offered.
type Download struct {
	Name, Mime string
	Data       []byte
}

type timer struct {
	at       time.Time
	fn       func()
	canceled bool
}

// New returns a host whose static page has the ids the real index.html
// has.
func New() *Host {
	h := &Host{ids: map[string]*El{}, Store: device.MapStorage{}, Clock: time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)}
	h.Doc = h.el("body")
	for _, id := range []string{"app", "announcer", "alerts", "save-state", "main", "nav",
		"nav-home", "nav-activity", "nav-coach", "nav-standards", "nav-recovery", "nav-checklists", "nav-team"} {
		e := h.el("div")
		e.Attrs["id"] = id
		h.ids[id] = e
		h.Doc.Append(e)
	}
	return h
}

func (h *Host) el(tag string) *El {
	return &El{Tag: tag, Attrs: map[string]string{}, Style: map[string]string{}, handlers: map[string][]*handler{}, host: h}
}

func (h *Host) Create(tag string) ui.Element { return h.el(tag) }
func (h *Host) ByID(id string) ui.Element {
	if e, ok := h.ids[id]; ok {
		return e
	}
	return nil
}

// El returns the static element id.
func (h *Host) El(id string) *El { return h.ids[id] }
func (h *Host) Storage() device.Storage {
	if h.FailWrites {
		return failing{h.Store}
	}
	return h.Store
}

// failing refuses writes, like a full or disabled localStorage.
type failing struct{ device.MapStorage }

func (failing) Set(string, string) error            { return errors.New("QuotaExceededError") }
func (h *Host) Now() time.Time                      { return h.Clock }
func (h *Host) Download(n, m string, d []byte)      { h.Downloads = append(h.Downloads, Download{n, m, d}) }
func (h *Host) ObjectURL(m string, d []byte) string { h.urls++; return "blob:test/" + m }
func (h *Host) RevokeURL(string)                    { h.urls-- }
func (h *Host) Hash() string                        { return h.HashValue }
func (h *Host) OnHash(fn func(string))              { h.hashFns = append(h.hashFns, fn) }
func (h *Host) OnHide(fn func())                    { h.hideFns = append(h.hideFns, fn) }
func (h *Host) Print()                              { h.Printed++ }
func (h *Host) PickFile(accept string, fn func(string, []byte, error)) {
	fn(h.NextFile.Name, h.NextFile.Data, nil)
}

// SetHash changes the hash and fires the hash listeners, as a browser does.
func (h *Host) SetHash(s string) {
	s = strings.TrimPrefix(s, "#")
	if s == h.HashValue {
		return
	}
	h.HashValue = s
	for _, fn := range h.hashFns {
		fn(s)
	}
}

// Hide fires the page-hide listeners.
func (h *Host) Hide() {
	for _, fn := range h.hideFns {
		fn()
	}
}

func (h *Host) After(d time.Duration, fn func()) func() {
	t := &timer{at: h.Clock.Add(d), fn: fn}
	h.timers = append(h.timers, t)
	return func() { t.canceled = true }
}

// Advance moves the clock forward, running due timers in time order.
func (h *Host) Advance(d time.Duration) {
	end := h.Clock.Add(d)
	for {
		sort.SliceStable(h.timers, func(i, j int) bool { return h.timers[i].at.Before(h.timers[j].at) })
		if len(h.timers) == 0 || h.timers[0].at.After(end) {
			break
		}
		t := h.timers[0]
		h.timers = h.timers[1:]
		if t.canceled {
			continue
		}
		h.Clock = t.at
		t.fn()
	}
	h.Clock = end
}

// Focused returns the focused element, or nil.
func (h *Host) Focused() *El { return h.focused }
