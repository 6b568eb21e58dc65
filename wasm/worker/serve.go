//go:build js && wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"syscall/js"

	"github.com/purposefulcx/purposeful/wasm/worker/bridge"
)

// register puts the entry points the glue calls on its binding object.
// Each JS function is made once for the instance's life. syumai/workers'
// own handleRequest and cron runner are not used: the first is made for
// one request per instance (see package bridge), the second panics when a
// run fails, which would end a pooled instance.
//
//	serve(head, body | null)   head: "METHOD URL\n" then header lines;
//	                           answers through binding.done(status,
//	                           headerLines, body), set by the glue once
//	schedule(done(error message | null))
//
// Requests run on one goroutine kept for the instance's life (the glue
// sends one request at a time): a new goroutine per request paid for its
// creation and, on every request, for growing its stack again through the
// handler's deep calls. The call from JS only hands the request over; Go
// runs it before returning to JS unless it waits for JS (a D1 query), so
// the answer usually arrives before serve returns.
func register(binding js.Value, h http.Handler, task func(context.Context) error) {
	u8 := js.Global().Get("Uint8Array")
	done := binding.Get("done")
	run := func(req bridge.Request) {
		res := bridge.Serve(context.Background(), h, req)
		body := u8.New(len(res.Body))
		js.CopyBytesToJS(body, res.Body)
		done.Invoke(res.Status, res.Header, body)
	}
	reqs := make(chan bridge.Request)
	go func() {
		for req := range reqs {
			run(req)
		}
	}()
	binding.Set("serve", js.FuncOf(func(_ js.Value, args []js.Value) any {
		line, header, _ := strings.Cut(args[0].String(), "\n")
		method, url, _ := strings.Cut(line, " ")
		req := bridge.Request{Method: method, URL: url, Header: header}
		if b := args[1]; !b.IsNull() {
			req.Body = make([]byte, b.Length())
			js.CopyBytesToGo(req.Body, b)
		}
		select {
		case reqs <- req:
		default: // the kept goroutine is still busy (the glue never does this)
			go run(req)
		}
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
