//go:build js && wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"syscall/js"
	"unsafe"

	"github.com/purposefulcx/purposeful/wasm/worker/bridge"
)

// register puts the entry points the glue calls on its binding object.
// Each JS function is made once for the instance's life. syumai/workers'
// own handleRequest and cron runner are not used: the first is made for
// one request per instance (see package bridge), the second panics when a
// run fails, which would end a pooled instance.
//
// A request reaches Go one of two ways, and both are answered the same:
//
//	inbox, inboxSize           where the glue writes a request that fits:
//	                           head ("METHOD URL\n" then header lines)
//	                           then body; it then calls the wasm export
//	                           purposefulServe(headLen, bodyLen) and
//	                           resumes Go
//	serve(head, body | null)   a request too large for the inbox
//	schedule(done(error message | null))
//
// Answers go out through the wasm import purposeful.answer(status, head
// pointer and length, body pointer and length), which the glue copies
// before it returns. The inbox and the import cross between JS and Go
// without syscall/js: a js.Value per argument costs a finalizer and
// several calls each way, which in the baseline code V8 runs for an
// instance's first hundreds of requests was about a fifth of a short
// request's time in the isolate.
//
// Requests run on one goroutine kept for the instance's life (the glue
// sends one request at a time): a new goroutine per request paid for its
// creation and, on every request, for growing its stack again through the
// handler's deep calls. The call from JS only hands the request over; Go
// runs it before returning to JS unless it waits for JS (a D1 query), so
// the answer usually arrives before the glue's call returns.
func register(binding js.Value, h http.Handler, task func(context.Context) error) {
	in := &instanceInbox{buf: make([]byte, inboxSize), ready: make(chan job, 1)}
	theInbox = in
	run := func(req bridge.Request) {
		res := bridge.Serve(context.Background(), h, req)
		answer(int32(res.Status), unsafe.StringData(res.Header), int32(len(res.Header)),
			unsafe.SliceData(res.Body), int32(len(res.Body)))
		runtime.KeepAlive(res)
	}
	go func() {
		for j := range in.ready {
			if j.req != nil {
				run(*j.req)
			} else {
				run(in.request(j.headLen, j.bodyLen))
			}
		}
	}()
	binding.Set("inbox", uintptr(unsafe.Pointer(unsafe.SliceData(in.buf))))
	binding.Set("inboxSize", inboxSize)
	binding.Set("serve", js.FuncOf(func(_ js.Value, args []js.Value) any {
		req := parseHead(args[0].String())
		if b := args[1]; !b.IsNull() {
			req.Body = make([]byte, b.Length())
			js.CopyBytesToGo(req.Body, b)
		}
		select {
		case in.ready <- job{req: &req}:
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

// inboxSize bounds the requests that take the inbox; larger ones (a big
// body) come through serve.
const inboxSize = 64 << 10

// instanceInbox is the instance's one inbox. It belongs to the instance,
// not to a request: a request's bytes are copied out before it runs.
type instanceInbox struct {
	buf   []byte
	ready chan job // one channel for both ways in: a select would cost more
}

// job is a request to run: in the inbox (its head and body lengths), or
// req, passed through serve.
type job struct {
	headLen, bodyLen int32
	req              *bridge.Request
}

// theInbox is set once by register; purposefulServe, called from JS, has
// no other way to reach it.
var theInbox *instanceInbox

// request copies the request in the inbox out of it.
func (in *instanceInbox) request(headLen, bodyLen int32) bridge.Request {
	req := parseHead(string(in.buf[:headLen]))
	if bodyLen > 0 {
		req.Body = append([]byte(nil), in.buf[headLen:headLen+bodyLen]...)
	}
	return req
}

// parseHead reads a request's head, "METHOD URL\n" then header lines, as
// the glue writes it both ways in.
func parseHead(head string) bridge.Request {
	line, header, _ := strings.Cut(head, "\n")
	method, url, _ := strings.Cut(line, " ")
	return bridge.Request{Method: method, URL: url, Header: header}
}

// purposefulServe tells Go that a request waits in the inbox. It only
// hands it over (the glue then resumes Go, which runs it): an export
// called from JS must not block or allocate, which could park it. It
// reports 0 when the request cannot be taken (the lengths are out of
// range, or one is already waiting); the glue then uses serve.
//
//go:wasmexport purposefulServe
func purposefulServe(headLen, bodyLen int32) int32 {
	in := theInbox
	if in == nil || headLen < 0 || bodyLen < 0 || int64(headLen)+int64(bodyLen) > int64(len(in.buf)) {
		return 0
	}
	select {
	case in.ready <- job{headLen: headLen, bodyLen: bodyLen}:
		return 1
	default:
		return 0
	}
}

// answer hands a response to the glue, which copies it before returning.
//
//go:wasmimport purposeful answer
func answer(status int32, head *byte, headLen int32, body *byte, bodyLen int32)

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
