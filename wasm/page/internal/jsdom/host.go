//go:build js && wasm

// Package jsdom binds the page's plain-Go UI (wasm/page/ui) to the browser:
// ui.Host and ui.Element over the DOM, with honnef.co/go/js/dom/v2 for the
// document and syscall/js for the elements the page creates. It is the
// only code of the page behind the js&&wasm build tag, and it is thin.
package jsdom

import (
	"strconv"
	"strings"
	"syscall/js"
	"time"

	"honnef.co/go/js/dom/v2"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/device"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// element is a DOM element as ui sees it. Created elements stay plain
// js.Values: wrapping each one in a dom/v2 type costs a type switch per
// element and, through the interface method sets it keeps alive, about
// 200 KB of wasm.
type element struct{ v js.Value }

func (e *element) Append(children ...ui.Element) {
	for _, c := range children {
		e.v.Call("appendChild", c.(*element).v)
	}
}
func (e *element) Clear()              { e.v.Set("textContent", "") }
func (e *element) Remove()             { e.v.Call("remove") }
func (e *element) SetText(s string)    { e.v.Set("textContent", s) }
func (e *element) SetAttr(n, v string) { e.v.Call("setAttribute", n, v) }
func (e *element) RemoveAttr(n string) { e.v.Call("removeAttribute", n) }
func (e *element) Attr(n string) string {
	v := e.v.Call("getAttribute", n)
	if v.IsNull() {
		return ""
	}
	return v.String()
}

// Value is the field's text without the control characters grid refuses
// in a text (grid.StripControl): a pasted NUL or bidi override is dropped
// as it is typed, not refused with the whole idea later.
func (e *element) Value() string {
	v := e.v.Get("value")
	if v.Type() != js.TypeString {
		return ""
	}
	return grid.StripControl(v.String())
}
func (e *element) SetValue(s string)    { e.v.Set("value", s) }
func (e *element) Checked() bool        { return e.v.Get("checked").Truthy() }
func (e *element) SetChecked(on bool)   { e.v.Set("checked", on) }
func (e *element) Focus()               { e.v.Call("focus") }
func (e *element) SetStyle(p, v string) { e.v.Get("style").Call("setProperty", p, v) }

// On adds a listener; the returned func removes it and releases the
// js.Func.
func (e *element) On(ev string, fn func(ui.Event)) func() {
	f := listen(e.v, ev, fn)
	return func() {
		e.v.Call("removeEventListener", ev, f)
		f.Release()
	}
}

func listen(target js.Value, ev string, fn func(ui.Event)) js.Func {
	f := js.FuncOf(func(_ js.Value, args []js.Value) any {
		u := args[0]
		out := ui.Event{Type: ev, Prevent: func() { u.Call("preventDefault") }}
		if k := u.Get("key"); k.Type() == js.TypeString {
			out.Key = k.String()
			out.Shift = u.Get("shiftKey").Truthy()
			out.Ctrl = u.Get("ctrlKey").Truthy() || u.Get("metaKey").Truthy()
		}
		fn(out)
		return nil
	})
	target.Call("addEventListener", ev, f)
	return f
}

// Host binds ui.Host to the browser.
type Host struct {
	win, doc, body js.Value
	byID           func(id string) js.Value
	store          *storage
}

// New binds to the current window and document.
func New() *Host {
	d := dom.GetWindow().Document()
	g := js.Global()
	return &Host{
		win:  g,
		doc:  d.Underlying(),
		body: d.Underlying().Get("body"),
		// getElementById straight, not dom/v2's GetElementByID: that wraps
		// the element in its concrete type by comparing its constructor
		// with some 70 globals, each a call into JavaScript, and the page
		// looks up a dozen elements while it starts.
		byID: func(id string) js.Value {
			return d.Underlying().Call("getElementById", id)
		},
		store: openStorage(g),
	}
}

func (h *Host) Create(tag string) ui.Element { return &element{h.doc.Call("createElement", tag)} }
func (h *Host) ByID(id string) ui.Element {
	v := h.byID(id)
	if v.IsNull() {
		return nil
	}
	return &element{v}
}
func (h *Host) Storage() device.Storage { return h.store }
func (h *Host) Now() time.Time          { return time.Now() }
func (h *Host) After(d time.Duration, fn func()) func() {
	t := time.AfterFunc(d, fn)
	return func() { t.Stop() }
}

func (h *Host) blob(mime string, data []byte) js.Value {
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	return js.Global().Get("Blob").New([]any{arr}, map[string]any{"type": mime})
}

func (h *Host) ObjectURL(mime string, data []byte) string {
	return js.Global().Get("URL").Call("createObjectURL", h.blob(mime, data)).String()
}
func (h *Host) RevokeURL(u string) { js.Global().Get("URL").Call("revokeObjectURL", u) }

func (h *Host) Download(name, mime string, data []byte) {
	url := h.ObjectURL(mime, data)
	a := h.doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Call("setAttribute", "hidden", "")
	h.body.Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	time.AfterFunc(time.Minute, func() { h.RevokeURL(url) })
}

func (h *Host) PickFile(accept string, fn func(string, []byte, error)) {
	in := h.doc.Call("createElement", "input")
	in.Set("type", "file")
	in.Set("accept", accept)
	in.Call("setAttribute", "hidden", "")
	in.Call("setAttribute", "data-test", "file-input")
	h.body.Call("appendChild", in)
	var onChange js.Func
	onChange = js.FuncOf(func(js.Value, []js.Value) any {
		onChange.Release()
		files := in.Get("files")
		in.Call("remove")
		if files.Length() == 0 {
			return nil
		}
		f := files.Index(0)
		name := f.Get("name").String()
		var then, catch js.Func
		then = js.FuncOf(func(_ js.Value, args []js.Value) any {
			then.Release()
			catch.Release()
			arr := js.Global().Get("Uint8Array").New(args[0])
			b := make([]byte, arr.Length())
			js.CopyBytesToGo(b, arr)
			fn(name, b, nil)
			return nil
		})
		catch = js.FuncOf(func(_ js.Value, args []js.Value) any {
			then.Release()
			catch.Release()
			fn(name, nil, js.Error{Value: args[0]})
			return nil
		})
		f.Call("arrayBuffer").Call("then", then).Call("catch", catch)
		return nil
	})
	in.Call("addEventListener", "change", onChange)
	in.Call("click")
}

func (h *Host) Hash() string {
	return strings.TrimPrefix(h.win.Get("location").Get("hash").String(), "#")
}
func (h *Host) SetHash(s string) {
	h.win.Get("location").Set("hash", "#"+strings.TrimPrefix(s, "#"))
}

// The page-level listeners below live as long as the page, so their
// js.Funcs are never released.
func (h *Host) OnHash(fn func(string)) {
	listen(h.win, "hashchange", func(ui.Event) { fn(h.Hash()) })
}
func (h *Host) OnHide(fn func()) {
	listen(h.win, "pagehide", func(ui.Event) { fn() })
	listen(h.doc, "visibilitychange", func(ui.Event) {
		if h.doc.Get("visibilityState").String() == "hidden" {
			fn()
		}
	})
}
func (h *Host) Print() { h.win.Call("print") }

// ExposePerf publishes the live-analysis timings on #app for the e2e
// benchmark (data attributes only; nothing executable).
func (h *Host) ExposePerf(app *ui.App) {
	el := h.byID("app")
	app.OnPerf = func(p95 time.Duration, n int) {
		el.Call("setAttribute", "data-analysis-p95-us", strconv.FormatInt(p95.Microseconds(), 10))
		el.Call("setAttribute", "data-analysis-samples", strconv.Itoa(n))
	}
}

// MarkReady records when the page became interactive (ms since
// navigation), for the e2e start-up comparison.
func (h *Host) MarkReady() {
	ms := js.Global().Get("performance").Call("now").Float()
	h.byID("app").Call("setAttribute", "data-ready-ms", strconv.FormatFloat(ms, 'f', 1, 64))
}
