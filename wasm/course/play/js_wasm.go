//go:build js && wasm

package play

import (
	"syscall/js"

	"github.com/purposefulcx/purposeful/wasm/course"
)

// jsAPI is an LMS's SCORM API object.
type jsAPI struct{ v js.Value }

func (a jsAPI) Call(method string, args ...string) (out string) {
	defer func() {
		if recover() != nil {
			out = ""
		}
	}()
	vals := make([]any, len(args))
	for i, s := range args {
		vals[i] = s
	}
	r := a.v.Call(method, vals...)
	switch r.Type() {
	case js.TypeBoolean:
		if r.Bool() {
			return "true"
		}
		return "false"
	case js.TypeString:
		return r.String()
	case js.TypeUndefined, js.TypeNull:
		return ""
	}
	return r.Call("toString").String()
}

// maxWalk is how many parent windows the search climbs, as the SCORM
// run-time documents suggest (LMSs nest content a few frames deep).
const maxWalk = 10

// lookup returns win[name] when it is an object, or a null value (also
// when win is another origin's window, which throws).
func lookup(win js.Value, name string) (v js.Value) {
	defer func() {
		if recover() != nil {
			v = js.Null()
		}
	}()
	v = win.Get(name)
	if v.Type() != js.TypeObject {
		return js.Null()
	}
	return v
}

// climb searches win and its parents for the API object called name.
func climb(win js.Value, name string) js.Value {
	for range maxWalk {
		if win.IsNull() || win.IsUndefined() {
			return js.Null()
		}
		if api := lookup(win, name); !api.IsNull() {
			return api
		}
		parent := lookup(win, "parent")
		if parent.IsNull() || parent.Equal(win) {
			return js.Null()
		}
		win = parent
	}
	return js.Null()
}

// FindAPI looks for the SCORM API object of format f (API for SCORM 1.2,
// API_1484_11 for SCORM 2004) in this window, its parents, and then the
// window that opened it and that window's parents.
func FindAPI(f course.Format) (course.API, bool) {
	name := "API"
	if f == course.SCORM2004 {
		name = "API_1484_11"
	}
	win := js.Global()
	api := climb(win, name)
	if api.IsNull() {
		if opener := lookup(win, "opener"); !opener.IsNull() {
			api = climb(opener, name)
		}
	}
	if api.IsNull() {
		return nil, false
	}
	return jsAPI{api}, true
}

// PageConfig reads the course configuration from the page's
// course-data element.
func PageConfig() (*course.Config, error) {
	el := js.Global().Get("document").Call("getElementById", "course-data")
	if el.IsNull() {
		return nil, course.ErrAssets
	}
	return course.DecodeConfig([]byte(el.Get("textContent").String()))
}

// OnLeave calls fn when the tab or frame is closed or navigated away
// (pagehide, and beforeunload for LMS frames that are torn down first).
// The listeners live as long as the page.
func OnLeave(fn func()) {
	f := js.FuncOf(func(js.Value, []js.Value) any {
		fn()
		return nil
	})
	js.Global().Call("addEventListener", "pagehide", f)
	js.Global().Call("addEventListener", "beforeunload", f)
}
