//go:build js && wasm

package main

import (
	"context"
	"database/sql/driver"
	"errors"
	"io"
	"math"
	"syscall/js"
)

// d1Connector is a database/sql driver for a D1 binding. It replaces
// syumai/workers' d1 package, whose promise helper keeps one callback per
// query alive for good: harmless when an instance served one request,
// a steady leak (about six JS values per poll) in an instance kept for
// the isolate's life. Every query here waits with await, which releases
// both of its callbacks.
type d1Connector struct{ db js.Value }

func (c d1Connector) Connect(context.Context) (driver.Conn, error) { return d1Conn(c), nil }
func (c d1Connector) Driver() driver.Driver                        { return d1Driver{} }

type d1Driver struct{}

func (d1Driver) Open(string) (driver.Conn, error) {
	return nil, errors.New("worker: open D1 through its connector")
}

type d1Conn struct{ db js.Value }

func (c d1Conn) Prepare(query string) (driver.Stmt, error) {
	return d1Stmt{c.db.Call("prepare", query)}, nil
}
func (c d1Conn) Close() error { return nil }
func (c d1Conn) Begin() (driver.Tx, error) {
	return nil, errors.New("worker: D1 has no interactive transactions (the store batches instead)")
}

type d1Stmt struct{ stmt js.Value }

func (s d1Stmt) Close() error  { return nil }
func (s d1Stmt) NumInput() int { return -1 }
func (s d1Stmt) Exec([]driver.Value) (driver.Result, error) {
	return nil, errors.New("worker: use ExecContext")
}
func (s d1Stmt) Query([]driver.Value) (driver.Rows, error) {
	return nil, errors.New("worker: use QueryContext")
}

func (s d1Stmt) bind(args []driver.NamedValue) js.Value {
	vals := make([]any, len(args))
	for i, a := range args {
		if b, ok := a.Value.([]byte); ok {
			u := js.Global().Get("Uint8Array").New(len(b))
			js.CopyBytesToJS(u, b)
			vals[i] = u
			continue
		}
		vals[i] = a.Value
	}
	return s.stmt.Call("bind", vals...)
}

func (s d1Stmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	res, err := await(ctx, s.bind(args).Call("run"))
	if err != nil {
		return nil, err
	}
	return d1Result{res.Get("meta")}, nil
}

func (s d1Stmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	opts := js.Global().Get("Object").New()
	opts.Set("columnNames", true)
	arr, err := await(ctx, s.bind(args).Call("raw", opts))
	if err != nil {
		return nil, err
	}
	r := &d1Rows{rows: arr, n: arr.Length()}
	if r.n > 0 { // the first row holds the column names
		names := arr.Index(0)
		r.cols = make([]string, names.Length())
		for i := range r.cols {
			r.cols[i] = names.Index(i).String()
		}
		r.next = 1
	}
	return r, nil
}

type d1Result struct{ meta js.Value }

func (r d1Result) LastInsertId() (int64, error) { return r.number("last_row_id") }
func (r d1Result) RowsAffected() (int64, error) { return r.number("changes") }

func (r d1Result) number(key string) (int64, error) {
	if r.meta.Type() != js.TypeObject {
		return 0, errors.New("worker: D1 gave no " + key)
	}
	v := r.meta.Get(key)
	if v.Type() != js.TypeNumber {
		return 0, errors.New("worker: D1 gave no " + key)
	}
	return int64(v.Int()), nil
}

type d1Rows struct {
	rows    js.Value
	cols    []string
	next, n int
}

func (r *d1Rows) Columns() []string { return r.cols }
func (r *d1Rows) Close() error      { return nil }

func (r *d1Rows) Next(dest []driver.Value) error {
	if r.next >= r.n {
		return io.EOF
	}
	row := r.rows.Index(r.next)
	r.next++
	for i := range min(len(dest), row.Length()) {
		v := row.Index(i)
		switch v.Type() {
		case js.TypeNull, js.TypeUndefined:
			dest[i] = nil
		case js.TypeNumber:
			f := v.Float()
			if f == math.Trunc(f) && !math.IsInf(f, 0) {
				dest[i] = int64(f)
			} else {
				dest[i] = f
			}
		case js.TypeString:
			dest[i] = v.String()
		case js.TypeObject: // a BLOB, as an ArrayBuffer
			u := js.Global().Get("Uint8Array").New(v)
			b := make([]byte, u.Length())
			js.CopyBytesToGo(b, u)
			dest[i] = b
		default:
			return errors.New("worker: D1 gave a value of type " + v.Type().String())
		}
	}
	return nil
}
