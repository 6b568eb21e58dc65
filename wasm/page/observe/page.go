package observe

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/page/team"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// StateKey is the storage key of the page's state on this device.
const StateKey = "purposeful.accountability"

// StateVersion is the version of the stored state document.
const StateVersion = "purposeful.accountability/v1"

// RetryDelay is how long the page waits before sending queued
// observations again after the server could not be reached.
const RetryDelay = 2 * time.Second

// state is what the page keeps on the device.
type state struct {
	Version string      `json:"version"`
	Token   string      `json:"token,omitempty"`
	Me      me          `json:"me"`
	Books   []bookCache `json:"books"`
	// Queue holds the observations recorded on this device and not yet
	// stored by the server, oldest first; Failed those it refused.
	Queue  []queued `json:"queue"`
	Failed []queued `json:"failed,omitempty"`
}

type me struct {
	Org  string `json:"org"`
	ID   string `json:"id"`
	Role string `json:"role"`
	Team string `json:"team,omitempty"`
}

// bookCache is a book as the API gave it, kept so the form works offline.
type bookCache struct {
	ID    string          `json:"id"`
	Team  string          `json:"team"`
	Book  *standards.Book `json:"book"`
	Cards []cardVersion   `json:"scorecards"`
}

type cardVersion struct {
	ID      string `json:"id"`
	Version int    `json:"version"`
}

// queued is one observation waiting to be sent, as the API's request.
type queued struct {
	ID      string          `json:"id"`
	Label   string          `json:"label"`
	Body    json.RawMessage `json:"body"`
	Problem string          `json:"problem,omitempty"`
}

// Page is the running accountability page.
type Page struct {
	h  ui.Host
	t  team.Transport
	st state

	root, screen, status, pending, msg ui.Element
	offs                               []func()
	flushing                           bool
	cancelRetry                        func()
	online                             bool
	urls                               []string // object URLs of the charts shown

	// the Book screen's book being edited
	draft *draftBook

	// the observe form
	book, card string
	ratings    map[string]*standards.Rating
}

// New returns the page bound to h, talking to the API through t.
func New(h ui.Host, t team.Transport) *Page {
	p := &Page{h: h, t: t, online: true}
	if s, ok := h.Storage().Get(StateKey); ok {
		_ = json.Unmarshal([]byte(s), &p.st)
	}
	p.st.Version = StateVersion
	return p
}

// Start renders the screen of the current hash and sends what waits.
func (p *Page) Start() {
	p.root = p.h.ByID("app")
	p.root.Clear()
	p.status = p.h.Create("p")
	p.status.SetAttr("data-test", "acc-status")
	p.status.SetAttr("role", "status")
	p.msg = p.h.Create("p")
	p.msg.SetAttr("data-test", "acc-message")
	p.msg.SetAttr("aria-live", "polite")
	p.pending = p.h.Create("div")
	p.screen = p.h.Create("div")
	p.root.Append(p.status, p.pending, p.msg, p.screen)
	p.h.OnHash(func(string) { p.route() })
	p.route()
	p.showStatus()
	p.flush()
	p.root.SetAttr("data-ready", "1")
}

func (p *Page) save() {
	b, _ := json.Marshal(p.st)
	if err := p.h.Storage().Set(StateKey, string(b)); err != nil {
		p.say("This device could not keep the data: " + err.Error())
	}
}

func (p *Page) say(s string) { p.msg.SetText(s) }

// on adds a listener released when the screen is rendered again.
func (p *Page) on(e ui.Element, ev string, fn func(ui.Event)) { p.offs = append(p.offs, e.On(ev, fn)) }

func (p *Page) el(tag, text string, kv ...string) ui.Element {
	e := p.h.Create(tag)
	if text != "" {
		e.SetText(text)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		e.SetAttr(kv[i], kv[i+1])
	}
	return e
}

func (p *Page) button(label, test string, fn func()) ui.Element {
	b := p.el("button", label, "type", "button", "data-test", test)
	p.on(b, "click", func(ui.Event) { fn() })
	return b
}

// field returns the wrapped labelled input and the input.
func (p *Page) field(label, kind, test, value string) (ui.Element, ui.Element) {
	id := "f-" + test
	w := p.el("div", "", "class", "field")
	tag := "input"
	if kind == "textarea" {
		tag = "textarea"
	}
	in := p.el(tag, "", "id", id, "data-test", test)
	if tag == "input" {
		in.SetAttr("type", kind)
	}
	in.SetValue(value)
	w.Append(p.el("label", label, "for", id), in)
	return w, in
}

func (p *Page) route() {
	for _, off := range p.offs {
		off()
	}
	p.offs = nil
	for _, u := range p.urls {
		p.h.RevokeURL(u)
	}
	p.urls = nil
	p.screen.Clear()
	name := strings.TrimPrefix(p.h.Hash(), "#")
	if i := strings.IndexByte(name, '/'); i >= 0 {
		name = name[:i]
	}
	if p.st.Token == "" {
		name = "signin"
	} else if name != "calibrate" && name != "reports" && (name != "book" || !p.canEditBooks()) {
		name = "observe"
	}
	p.screen.SetAttr("class", "screen")
	p.screen.SetAttr("data-screen", name)
	if name != "signin" {
		nav := p.el("nav", "", "aria-label", "Accountability")
		tabs := []struct{ hash, label string }{{"observe", "Observe"}, {"calibrate", "Calibrate"}, {"reports", "Reports"}}
		if p.canEditBooks() {
			tabs = append(tabs, struct{ hash, label string }{"book", "Book"})
		}
		for _, s := range tabs {
			a := p.el("a", s.label, "href", "#"+s.hash, "data-test", "acc-tab-"+s.hash)
			if s.hash == name {
				a.SetAttr("aria-current", "page")
			}
			nav.Append(a)
		}
		p.screen.Append(nav, p.el("p", fmt.Sprintf("Signed in as %s (%s).", p.st.Me.ID, p.st.Me.Role), "data-test", "acc-me"))
	}
	switch name {
	case "signin":
		p.signIn()
	case "calibrate":
		p.calibrate()
	case "reports":
		p.reports()
	case "book":
		p.bookEditor()
	default:
		p.observe()
	}
}

// call sends one API request; done gets the decoded answer or the
// problem's words. offline is set when the server could not be reached.
func (p *Page) call(method, path string, in, out any, done func(err error, offline bool)) {
	var body []byte
	if in != nil {
		body, _ = json.Marshal(in)
	}
	p.t.Do(method, "/v1/accountability"+path, p.st.Token, body, func(r team.Response) {
		if r.Err != nil || r.Status == 0 {
			done(team.ErrOffline, true)
			return
		}
		if r.Status >= 400 {
			var pd struct {
				Detail string `json:"detail"`
				Errors []struct {
					Path, Message string
				} `json:"errors"`
			}
			_ = json.Unmarshal(r.Body, &pd)
			msg := pd.Detail
			for _, e := range pd.Errors {
				msg += "; " + e.Path + ": " + e.Message
			}
			done(&team.RefusedError{Status: r.Status, Message: msg}, false)
			return
		}
		if out != nil {
			if err := json.Unmarshal(r.Body, out); err != nil {
				done(err, false)
				return
			}
		}
		done(nil, false)
	})
}

func (p *Page) signIn() {
	p.screen.Append(p.el("h1", "Accountability"),
		p.el("p", "Paste the role token your organisation gave you. It stays on this device."))
	w, in := p.field("Role token", "password", "acc-token", "")
	p.screen.Append(w, p.button("Sign in", "acc-signin", func() {
		p.st.Token = strings.TrimSpace(in.Value())
		p.refresh(func() { p.route() })
	}))
}

// refresh loads who the token belongs to and the books, for offline use.
func (p *Page) refresh(done func()) {
	p.call("GET", "/me", nil, &p.st.Me, func(err error, offline bool) {
		if err != nil {
			if !offline {
				p.st.Token = ""
			}
			p.say("Could not sign in: " + err.Error())
			done()
			return
		}
		var list struct {
			Books []struct{ ID string } `json:"books"`
		}
		p.call("GET", "/books", nil, &list, func(err error, _ bool) {
			if err != nil {
				p.say("Could not load the books: " + err.Error())
				done()
				return
			}
			p.st.Books = nil
			var next func(i int)
			next = func(i int) {
				if i == len(list.Books) {
					p.save()
					done()
					return
				}
				var bc bookCache
				p.call("GET", "/books/"+list.Books[i].ID, nil, &bc, func(err error, _ bool) {
					if err == nil {
						p.st.Books = append(p.st.Books, bc)
					}
					next(i + 1)
				})
			}
			next(0)
		})
	})
}

func (p *Page) bookByID(id string) *bookCache {
	for i := range p.st.Books {
		if p.st.Books[i].ID == id {
			return &p.st.Books[i]
		}
	}
	return nil
}

// selectOf is a labelled select of (value, label) pairs.
func (p *Page) selectOf(label, test, cur string, opts [][2]string, fn func(string)) ui.Element {
	id := "f-" + test
	w := p.el("div", "", "class", "field")
	sel := p.el("select", "", "id", id, "data-test", test)
	for _, o := range opts {
		op := p.el("option", o[1], "value", o[0])
		if o[0] == cur {
			op.SetAttr("selected", "selected")
		}
		sel.Append(op)
	}
	sel.SetValue(cur)
	p.on(sel, "change", func(ui.Event) { fn(sel.Value()) })
	w.Append(p.el("label", label, "for", id), sel)
	return w
}

// rater is the rating widget of one criterion: tap a value, N/A, or mark
// a purposeful deviation and tell its story.
func (p *Page) rater(prefix string, b *standards.Book, cr standards.Criterion, r *standards.Rating) ui.Element {
	st := b.Standard(cr.Standard)
	fs := p.el("fieldset", "", "data-test", prefix)
	legend := cr.Standard
	if st != nil {
		legend = st.Code + " · " + st.Statement
	}
	fs.Append(p.el("legend", legend))
	row := p.el("div", "", "class", "rate")
	var buttons []ui.Element
	var values []string
	mark := func() {
		cur := ""
		switch {
		case r.Standard == "":
		case r.NA:
			cur = "na"
		default:
			cur = strconv.Itoa(r.Value)
		}
		for i, b := range buttons {
			b.SetAttr("aria-pressed", strconv.FormatBool(values[i] == cur))
		}
	}
	add := func(label, value string) {
		b := p.button(label, prefix+"-"+value, func() {
			r.Standard = cr.Standard
			if value == "na" {
				r.NA, r.Value, r.Deviation = true, 0, standards.NoDeviation
			} else {
				r.NA = false
				r.Value, _ = strconv.Atoi(value)
			}
			mark()
		})
		buttons, values = append(buttons, b), append(values, value)
		row.Append(b)
	}
	if cr.Scale == standards.Binary {
		add("Met", "1")
		add("Not met", "0")
	} else {
		for v := cr.Scale.Min(); v <= cr.Scale.Max(); v++ {
			add(strconv.Itoa(v), strconv.Itoa(v))
		}
	}
	if cr.NA {
		add("N/A", "na")
	}
	fs.Append(row)
	dev := p.el("input", "", "type", "checkbox", "id", prefix+"-dev", "data-test", prefix+"-purposeful")
	story := p.el("textarea", "", "id", prefix+"-story", "data-test", prefix+"-story", "rows", "2")
	storyWrap := p.el("div", "", "class", "field")
	storyWrap.Append(p.el("label", "The story (type or dictate with the keyboard's microphone)", "for", prefix+"-story"), story)
	storyWrap.SetAttr("hidden", "")
	p.on(dev, "change", func(ui.Event) {
		if dev.Checked() {
			r.Deviation = standards.Purposeful
			storyWrap.RemoveAttr("hidden")
		} else {
			r.Deviation = standards.NoDeviation
			storyWrap.SetAttr("hidden", "")
		}
	})
	p.on(story, "input", func(ui.Event) { r.Evidence = story.Value() })
	devWrap := p.el("div", "", "class", "check")
	devWrap.Append(dev, p.el("label", "Purposeful deviation: it served the purpose", "for", prefix+"-dev"))
	fs.Append(devWrap, storyWrap)
	mark()
	return fs
}

// newID makes an observation id on the device: unique, so a retry of the
// same observation is recognised by the server and stored once.
func (p *Page) newID() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return "m" + strconv.FormatInt(p.h.Now().UnixMilli(), 36) + "-" + hex.EncodeToString(b[:])
}
