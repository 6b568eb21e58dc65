//go:build js && wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"syscall/js"

	"github.com/purposefulcx/purposeful/wasm/worker/bridge"
)

// register puts the entry points the glue calls on its binding object.
// Each JS function is made once for the instance's life. syumai/workers'
// own handleRequest and cron runner are not used: the first is made for
// one request per instance (see package bridge), the second panics when a
// run fails, which would end a pooled instance.
//
//	serve(method, url, headerLines, body | null, done(status, headerLines, body))
//	schedule(done(error message | null))
func register(binding js.Value, h http.Handler, task func(context.Context) error) {
	u8 := js.Global().Get("Uint8Array")
	binding.Set("serve", js.FuncOf(func(_ js.Value, args []js.Value) any {
		req := bridge.Request{Method: args[0].String(), URL: args[1].String(), Header: args[2].String()}
		if b := args[3]; b.Truthy() {
			req.Body = make([]byte, b.Length())
			js.CopyBytesToGo(req.Body, b)
		}
		done := args[4]
		go func() {
			res := bridge.Serve(context.Background(), h, req)
			body := u8.New(len(res.Body))
			js.CopyBytesToJS(body, res.Body)
			done.Invoke(res.Status, res.Header, body)
		}()
		return nil
	}))
	binding.Set("schedule", js.FuncOf(func(_ js.Value, args []js.Value) any {
		done := args[0]
		go func() {
			if err := runTask(task); err != nil {
				done.Invoke(err.Error())
				return
			}
			done.Invoke(nil)
		}()
		return nil
	}))
}

// runTask runs the scheduled task; a panic in it fails the run, not the
// instance.
func runTask(task func(context.Context) error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = errors.New(fmt.Sprint("worker: scheduled task panicked: ", v))
		}
	}()
	return task(context.Background())
}
