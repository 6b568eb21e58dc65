//go:build js && wasm

package main

import (
	"context"
	"errors"
	"syscall/js"

	"github.com/purposefulcx/purposeful/wasm/store"
)

// d1Batcher runs a batch with D1's batch(): the statements run in order in
// one implicit transaction, all or none. The store binds only strings and
// integers, which syscall/js hands to bind() as they are.
type d1Batcher struct{ db js.Value }

func (b d1Batcher) Batch(ctx context.Context, stmts []store.Stmt) ([]int64, error) {
	arr := js.Global().Get("Array").New(len(stmts))
	for i, s := range stmts {
		arr.SetIndex(i, b.db.Call("prepare", s.SQL).Call("bind", s.Args...))
	}
	res, err := await(ctx, b.db.Call("batch", arr))
	if err != nil {
		return nil, err
	}
	changes := make([]int64, len(stmts))
	for i := range changes {
		if m := res.Index(i).Get("meta"); m.Type() == js.TypeObject {
			if c := m.Get("changes"); c.Type() == js.TypeNumber {
				changes[i] = int64(c.Int())
			}
		}
	}
	return changes, nil
}

// await waits for a JS promise.
func await(ctx context.Context, p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	ch := make(chan result, 1)
	then := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- result{v: args[0]}
		return nil
	})
	defer then.Release()
	catch := js.FuncOf(func(_ js.Value, args []js.Value) any {
		msg := "promise rejected"
		if len(args) > 0 {
			msg = args[0].Call("toString").String()
		}
		ch <- result{err: errors.New(msg)}
		return nil
	})
	defer catch.Release()
	p.Call("then", then, catch)
	select {
	case r := <-ch:
		return r.v, r.err
	case <-ctx.Done():
		return js.Value{}, ctx.Err()
	}
}
