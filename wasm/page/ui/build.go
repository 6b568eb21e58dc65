package ui

import "strconv"

// scope owns the listeners of one rendered piece of the page, so they can
// be released together when that piece is rendered again or left.
type scope struct {
	a    *App
	offs []func()
	kids []*scope
}

func (s *scope) child() *scope {
	c := &scope{a: s.a}
	s.kids = append(s.kids, c)
	return c
}

// release removes every listener added through s and its children.
func (s *scope) release() {
	for _, k := range s.kids {
		k.release()
	}
	for _, off := range s.offs {
		off()
	}
	s.offs, s.kids = nil, nil
}

func (s *scope) on(e Element, ev string, fn func(Event)) {
	s.offs = append(s.offs, e.On(ev, fn))
}

// el creates an element with a class and children.
func (s *scope) el(tag, class string, kids ...Element) Element {
	e := s.a.h.Create(tag)
	if class != "" {
		e.SetAttr("class", class)
	}
	if len(kids) > 0 {
		e.Append(kids...)
	}
	return e
}

// text creates an element holding text (always as text, never HTML).
func (s *scope) text(tag, class, text string) Element {
	e := s.el(tag, class)
	e.SetText(text)
	return e
}

// attrs sets attribute pairs and returns e.
func attrs(e Element, kv ...string) Element {
	for i := 0; i+1 < len(kv); i += 2 {
		e.SetAttr(kv[i], kv[i+1])
	}
	return e
}

// button creates a type=button button that runs fn on click (Enter and
// Space click buttons natively, so keyboard users get the same path).
func (s *scope) button(label, class, test string, fn func()) Element {
	b := s.text("button", class, label)
	b.SetAttr("type", "button")
	if test != "" {
		b.SetAttr("data-test", test)
	}
	s.on(b, "click", func(Event) { fn() })
	return b
}

// field creates a labelled input (kind "text", "number", ... or
// "textarea"); onInput runs on every edit with the new value.
func (s *scope) field(label, kind, value, test string, onInput func(string)) (wrap, input Element) {
	id := s.a.uid()
	l := s.text("label", "field-label", label)
	l.SetAttr("for", id)
	tag := "input"
	if kind == "textarea" {
		tag = "textarea"
	}
	in := s.el(tag, "input")
	in.SetAttr("id", id)
	if tag == "input" {
		in.SetAttr("type", kind)
	} else {
		in.SetAttr("rows", "3")
	}
	in.SetAttr("maxlength", "2000")
	if test != "" {
		in.SetAttr("data-test", test)
	}
	in.SetValue(value)
	if onInput != nil {
		s.on(in, "input", func(Event) { onInput(in.Value()) })
	}
	return s.el("div", "field", l, in), in
}

func (a *App) uid() string {
	a.seq++
	return "f" + strconv.Itoa(a.seq)
}

// tableWrap wraps a table that may scroll sideways on a phone in a
// labelled region that keyboard users can focus and scroll.
func (s *scope) tableWrap(label string, tbl ...Element) Element {
	w := s.el("div", "table-wrap", tbl...)
	attrs(w, "role", "region", "aria-label", label, "tabindex", "0")
	return w
}

// screenHead appends the screen's heading, its lead paragraph and any
// extra elements (actions) to the screen, and returns the heading.
func (a *App) screenHead(s *scope, title, lead string, extra ...Element) Element {
	h := s.text("h1", "screen-title", title)
	head := s.el("div", "screen-head", h, s.text("p", "lead", lead))
	head.Append(extra...)
	a.screen.Append(head)
	return h
}

// elsewhere is the workshop page's stand-in for a screen that opens on its
// own page: the screen's head, then a card with note and the links to
// that page.
func (a *App) elsewhere(s *scope, title, lead, note string, links ...Element) Element {
	h := a.screenHead(s, title, lead)
	card := s.el("section", "card", s.text("p", "", note))
	card.Append(links...)
	a.screen.Append(card)
	return h
}
