//go:build js && wasm

package jsdom

import (
	"errors"
	"strings"
	"syscall/js"

	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// BuildCourse is ui.Services.BuildCourse over the API of the server that
// serves the page (POST /v1/courses/package; the local server builds
// packages, a static host cannot).
func BuildCourse(req ui.CourseRequest, done func(name string, zip []byte, err error)) {
	// The browser's JSON.stringify writes the body, so the page links no
	// JSON encoder for it.
	body := js.Global().Get("JSON").Call("stringify", js.ValueOf(req.Document())).String()
	headers := map[string]any{"Accept": "application/zip, application/problem+json", "Content-Type": "application/json"}
	opts := map[string]any{"method": "POST", "headers": headers, "body": body, "cache": "no-store", "credentials": "same-origin", "mode": "same-origin"}
	var onResp, onBytes, onProblem, onErr js.Func
	release := func() { onResp.Release(); onBytes.Release(); onProblem.Release(); onErr.Release() }
	name := "course.zip"
	onErr = js.FuncOf(func(_ js.Value, args []js.Value) any {
		release()
		done("", nil, errors.New("this page's server did not answer with a package: course packages need the local server (go run ./wasm/server)"))
		return nil
	})
	onBytes = js.FuncOf(func(_ js.Value, args []js.Value) any {
		release()
		u8 := js.Global().Get("Uint8Array").New(args[0])
		b := make([]byte, u8.Length())
		js.CopyBytesToGo(b, u8)
		done(name, b, nil)
		return nil
	})
	onProblem = js.FuncOf(func(_ js.Value, args []js.Value) any {
		release()
		detail := "this page's server did not build the package"
		if d := args[0].Get("detail"); d.Type() == js.TypeString && d.String() != "" {
			detail = d.String()
		}
		done("", nil, errors.New(detail))
		return nil
	})
	onResp = js.FuncOf(func(_ js.Value, args []js.Value) any {
		r := args[0]
		if !r.Get("ok").Bool() {
			r.Call("json").Call("then", onProblem).Call("catch", onErr)
			return nil
		}
		if cd := r.Get("headers").Call("get", "Content-Disposition"); cd.Type() == js.TypeString {
			if _, rest, ok := strings.Cut(cd.String(), `filename="`); ok {
				if n, _, ok := strings.Cut(rest, `"`); ok && n != "" && !strings.ContainsAny(n, `/\`) {
					name = n
				}
			}
		}
		r.Call("arrayBuffer").Call("then", onBytes).Call("catch", onErr)
		return nil
	})
	js.Global().Call("fetch", "/v1/courses/package", opts).Call("then", onResp).Call("catch", onErr)
}
