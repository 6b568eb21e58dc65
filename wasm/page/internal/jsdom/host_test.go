//go:build js && wasm

package jsdom

import (
	"syscall/js"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/device"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// fakeLocalStorage is a JS object with the Storage methods, backed by a Go
// map (Node has no localStorage).
func fakeLocalStorage(t *testing.T, full bool) js.Value {
	t.Helper()
	m := map[string]string{}
	var keys []string
	o := js.Global().Get("Object").New()
	fns := map[string]func(args []js.Value) any{
		"getItem": func(a []js.Value) any {
			if v, ok := m[a[0].String()]; ok {
				return v
			}
			return nil
		},
		"setItem": func(a []js.Value) any {
			k := a[0].String()
			if _, ok := m[k]; !ok {
				keys = append(keys, k)
			}
			m[k] = a[1].String()
			return nil
		},
		"removeItem": func(a []js.Value) any {
			k := a[0].String()
			delete(m, k)
			for i, x := range keys {
				if x == k {
					keys = append(keys[:i], keys[i+1:]...)
				}
			}
			return nil
		},
		"key": func(a []js.Value) any {
			i := a[0].Int()
			if i < len(keys) {
				return keys[i]
			}
			return nil
		},
	}
	for name, fn := range fns {
		fn := fn
		f := js.FuncOf(func(_ js.Value, args []js.Value) any { return fn(args) })
		t.Cleanup(f.Release)
		o.Set(name, f)
	}
	if full {
		// A real JS function, so the exception is thrown in JS as the
		// browser's localStorage does.
		o.Set("setItem", js.Global().Call("eval", `(function () { throw new DOMException("full", "QuotaExceededError") })`))
	}
	getLen := js.FuncOf(func(js.Value, []js.Value) any { return len(keys) })
	t.Cleanup(getLen.Release)
	js.Global().Get("Object").Call("defineProperty", o, "length", map[string]any{"get": getLen})
	return o
}

func TestStorageThroughJS(t *testing.T) {
	var s device.Storage = &storage{ls: fakeLocalStorage(t, false), db: js.Undefined()}
	_, ok := s.Get("a")
	assert.False(t, ok, "missing key is null, not \"null\"")
	require.NoError(t, s.Set("a", "1"))
	require.NoError(t, s.Set("b", "2"))
	v, ok := s.Get("a")
	assert.True(t, ok)
	assert.Equal(t, "1", v)
	assert.Equal(t, []string{"a", "b"}, s.Keys())
	s.Remove("a")
	assert.Equal(t, []string{"b"}, s.Keys())

	lib := ui.Library{S: s}
	d := ui.NewSolo("g1", testTime)
	d.EditCourse(func(c *grid.Course) { c.Position = "Nurse" })
	require.NoError(t, d.Commit(testTime))
	require.NoError(t, lib.Save(d))
	back, err := lib.Load("g1")
	require.NoError(t, err)
	assert.Equal(t, "Nurse", back.Course().Position)
}

func TestStorageFullIsAnError(t *testing.T) {
	s := &storage{ls: fakeLocalStorage(t, true), db: js.Undefined()}
	assert.Error(t, s.Set("a", "1"), "a refused write is reported, not a panic")
}

func TestListenersAddAndRelease(t *testing.T) {
	target := js.Global().Get("EventTarget").New()
	e := &element{v: target}
	var got []ui.Event
	off := e.On("keydown", func(ev ui.Event) { got = append(got, ev) })
	ev := js.Global().Get("Event").New("keydown", map[string]any{"cancelable": true})
	ev.Set("key", "Enter")
	ev.Set("ctrlKey", true)
	target.Call("dispatchEvent", ev)
	require.Len(t, got, 1)
	assert.Equal(t, "Enter", got[0].Key)
	assert.True(t, got[0].Ctrl)
	got[0].PreventDefault()
	assert.True(t, ev.Get("defaultPrevented").Bool())
	off()
	target.Call("dispatchEvent", js.Global().Get("Event").New("keydown"))
	assert.Len(t, got, 1, "removed listeners do not fire")
}

var testTime = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
