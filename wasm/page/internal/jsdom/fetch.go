//go:build js && wasm

package jsdom

import (
	"syscall/js"

	"github.com/purposefulcx/purposeful/wasm/page/team"
)

// Fetch is team.Transport over the browser's fetch, same origin only.
type Fetch struct{}

// Do sends one request and calls done once with the status and body, or
// with Err when the request got no answer (offline, blocked).
func (Fetch) Do(method, path, token string, body []byte, done func(team.Response)) {
	headers := map[string]any{"Accept": "application/json"}
	if token != "" {
		headers["Authorization"] = "Bearer " + token
	}
	opts := map[string]any{"method": method, "headers": headers, "cache": "no-store", "credentials": "same-origin", "mode": "same-origin"}
	if body != nil {
		headers["Content-Type"] = "application/json"
		opts["body"] = string(body)
	}
	var onResp, onText, onErr js.Func
	release := func() { onResp.Release(); onText.Release(); onErr.Release() }
	status := 0
	onErr = js.FuncOf(func(_ js.Value, args []js.Value) any {
		release()
		done(team.Response{Err: js.Error{Value: args[0]}})
		return nil
	})
	onText = js.FuncOf(func(_ js.Value, args []js.Value) any {
		release()
		done(team.Response{Status: status, Body: []byte(args[0].String())})
		return nil
	})
	onResp = js.FuncOf(func(_ js.Value, args []js.Value) any {
		status = args[0].Get("status").Int()
		args[0].Call("text").Call("then", onText).Call("catch", onErr)
		return nil
	})
	js.Global().Call("fetch", path, opts).Call("then", onResp).Call("catch", onErr)
}

// Origin is where participants join from their phones: the address the
// server announced in the page's meta element purposeful-join-origin
// (wasm/server puts its address on the local network there), or else the
// page's own origin ("http://127.0.0.1:8080").
func (h *Host) Origin() string {
	if m := h.doc.Call("querySelector", `meta[name="purposeful-join-origin"]`); !m.IsNull() {
		if c := m.Call("getAttribute", "content"); c.Type() == js.TypeString && c.String() != "" {
			return c.String()
		}
	}
	return h.win.Get("location").Get("origin").String()
}
