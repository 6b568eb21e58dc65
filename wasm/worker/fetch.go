//go:build js && wasm

package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"syscall/js"
	"time"
)

// fetchTransport sends a request with the Workers fetch API. The body is
// read into memory first and passed as bytes: a streamed Go body would
// need the Go side to keep running while fetch reads it, which deadlocks
// the single-threaded Go instance.
type fetchTransport struct{}

func (fetchTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	init := js.Global().Get("Object").New()
	init.Set("method", r.Method)
	headers := js.Global().Get("Headers").New()
	for k, vs := range r.Header {
		for _, v := range vs {
			headers.Call("append", k, v)
		}
	}
	init.Set("headers", headers)
	if r.Body != nil {
		b, err := io.ReadAll(r.Body)
		r.Body.Close()
		if err != nil {
			return nil, err
		}
		arr := js.Global().Get("Uint8Array").New(len(b))
		js.CopyBytesToJS(arr, b)
		init.Set("body", arr)
	}
	ctx := r.Context()
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
	}
	// Invoke, not Call: the runtime wants fetch called without a receiver.
	res, err := await(ctx, js.Global().Get("fetch").Invoke(r.URL.String(), init))
	if err != nil {
		return nil, err
	}
	buf, err := await(ctx, res.Call("arrayBuffer"))
	if err != nil {
		return nil, err
	}
	u8 := js.Global().Get("Uint8Array").New(buf)
	body := make([]byte, u8.Length())
	js.CopyBytesToGo(body, u8)
	out := &http.Response{
		StatusCode: res.Get("status").Int(),
		Status:     res.Get("statusText").String(),
		Header:     http.Header{},
		Body:       io.NopCloser(bytes.NewReader(body)),
		Request:    r,
	}
	// The headers too: an LTI roster pages with Link: <...>; rel="next".
	entries := js.Global().Get("Array").Call("from", res.Get("headers").Call("entries"))
	for i := 0; i < entries.Length(); i++ {
		kv := entries.Index(i)
		out.Header.Add(kv.Index(0).String(), kv.Index(1).String())
	}
	return out, nil
}
