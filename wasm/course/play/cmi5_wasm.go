//go:build js && wasm

package play

import (
	"syscall/js"
	"time"

	"github.com/purposefulcx/purposeful/wasm/course"
)

// findCMI5 returns the cmi5 LMS named by the launch URL's parameters, or
// nil when the page was not launched by one.
func findCMI5() course.LMS {
	search := js.Global().Get("location").Get("search").String()
	p, err := course.ParseLaunch(search)
	if err != nil {
		if p.Fetch != "" {
			js.Global().Get("console").Call("warn", "cmi5 launch: "+err.Error())
		}
		return nil
	}
	return course.NewCMI5(p, fetchTransport{}, time.Now)
}

// fetchTransport sends requests with the browser's fetch.
type fetchTransport struct{}

func (fetchTransport) init(r course.Request, keepalive bool) js.Value {
	init := js.Global().Get("Object").New()
	init.Set("method", r.Method)
	h := js.Global().Get("Object").New()
	for k, v := range r.Header {
		h.Set(k, v)
	}
	init.Set("headers", h)
	if r.Body != nil {
		init.Set("body", string(r.Body))
	}
	if keepalive {
		init.Set("keepalive", true)
	}
	return init
}

// Do waits for the answer; it must run on a goroutine that may block.
func (t fetchTransport) Do(r course.Request) (int, []byte, error) {
	type answer struct {
		status int
		body   []byte
		err    error
	}
	ch := make(chan answer, 1)
	var then, text, fail js.Func
	status := 0
	text = js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- answer{status: status, body: []byte(args[0].String())}
		return nil
	})
	then = js.FuncOf(func(_ js.Value, args []js.Value) any {
		status = args[0].Get("status").Int()
		args[0].Call("text").Call("then", text, fail)
		return nil
	})
	fail = js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- answer{err: js.Error{Value: args[0]}}
		return nil
	})
	defer func() { then.Release(); text.Release(); fail.Release() }()
	js.Global().Call("fetch", r.URL, t.init(r, false)).Call("then", then, fail)
	a := <-ch
	return a.status, a.body, a.err
}

// Keepalive starts the request so that it survives the page.
func (t fetchTransport) Keepalive(r course.Request) {
	p := js.Global().Call("fetch", r.URL, t.init(r, true))
	var noop js.Func
	noop = js.FuncOf(func(js.Value, []js.Value) any { return nil })
	p.Call("catch", noop)
}
