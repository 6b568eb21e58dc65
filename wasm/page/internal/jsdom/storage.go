//go:build js && wasm

package jsdom

import (
	"errors"
	"syscall/js"
)

// storage keeps the page's documents in two places. localStorage answers
// at once, so the page reads and writes it as a map; but the browser
// writes it to disk lazily, and a browser killed within a second or so of
// a change lost the change although the page had said "Saved on this
// device". So every write also goes to IndexedDB, in a transaction with
// strict durability, and [storage.Commit] reports when those transactions
// have completed: only then is the work on disk. When the page starts,
// what IndexedDB holds wins over localStorage (it is what was reported
// saved), and what only localStorage holds (from before this storage, or
// put there by hand) is copied to IndexedDB.
//
// Without IndexedDB (disabled, or failing to open), it is localStorage
// alone and Commit answers at once.
type storage struct {
	ls js.Value
	db js.Value // an IDBDatabase, or undefined

	started, committed int // IndexedDB writes
	failed             error
	waiters            []commitWaiter
}

type commitWaiter struct {
	seq  int
	done func(error)
}

const (
	dbName    = "purposeful"
	dbVersion = 1
	dbStore   = "kv"
)

// errAborted reports an IndexedDB write that did not complete.
var errAborted = errors.New("the browser's database did not keep the change")

// openStorage opens IndexedDB and brings localStorage and it into step.
// It blocks the calling goroutine (the program's main) until that is done;
// the browser's event loop runs meanwhile. The page's loader has usually
// opened and read the database already, while the program downloaded
// (window.purposefulStore, see web/loader.js); then this only takes the
// result, if the database is the one named here.
func openStorage(g js.Value) *storage {
	s := &storage{ls: g.Get("localStorage"), db: js.Undefined()}
	idb := g.Get("indexedDB")
	if idb.IsUndefined() || idb.IsNull() {
		return s
	}
	db, keys, values := prefetched(g.Get("purposefulStore"))
	if db.IsUndefined() {
		db, keys, values = readAll(idb)
	}
	if db.IsUndefined() || keys.IsUndefined() || values.IsUndefined() {
		return s
	}
	s.db = db
	inDB := map[string]bool{}
	for i := range keys.Length() {
		k, v := keys.Index(i), values.Index(i)
		if k.Type() != js.TypeString || v.Type() != js.TypeString {
			continue
		}
		inDB[k.String()] = true
		if cur, ok := s.Get(k.String()); !ok || cur != v.String() {
			_, _ = call(s.ls, "setItem", k, v)
		}
	}
	for _, k := range s.Keys() {
		if !inDB[k] {
			v, _ := s.Get(k)
			s.write(func(st js.Value) { st.Call("put", v, k) })
		}
	}
	return s
}

// prefetched waits for the loader's read of the database (a promise of
// {db, keys, values}, or null when it could not open it) and returns it
// when it is the database this file names, with its store. Anything else,
// undefined values: the caller then opens the database itself.
func prefetched(p js.Value) (db, keys, values js.Value) {
	db, keys, values = js.Undefined(), js.Undefined(), js.Undefined()
	if p.Type() != js.TypeObject || p.Get("then").Type() != js.TypeFunction {
		return
	}
	done := make(chan js.Value, 1)
	ok := js.FuncOf(func(_ js.Value, args []js.Value) any { done <- args[0]; return nil })
	fail := js.FuncOf(func(js.Value, []js.Value) any { done <- js.Null(); return nil })
	p.Call("then", ok, fail)
	r := <-done
	ok.Release()
	fail.Release()
	if r.Type() != js.TypeObject {
		return
	}
	d := r.Get("db")
	if d.Type() != js.TypeObject || d.Get("name").String() != dbName || d.Get("version").Int() != dbVersion ||
		!d.Get("objectStoreNames").Call("contains", dbStore).Bool() {
		if d.Type() == js.TypeObject {
			_, _ = call(d, "close") // so that it cannot block our own open
		}
		return
	}
	return d, r.Get("keys"), r.Get("values")
}

// readAll opens the database and reads every key and value, as the loader
// does when the page asks it to. On failure db is undefined; when only the
// read fails, keys is.
func readAll(idb js.Value) (db, keys, values js.Value) {
	db, keys, values = js.Undefined(), js.Undefined(), js.Undefined()
	ready := make(chan js.Value, 1)
	var funcs []js.Func
	defer func() { release(funcs) }()
	on := func(target js.Value, ev string, fn func(js.Value)) {
		f := js.FuncOf(func(_ js.Value, args []js.Value) any {
			fn(args[0])
			return nil
		})
		funcs = append(funcs, f)
		target.Set(ev, f)
	}
	req, err := call(idb, "open", dbName, dbVersion)
	if err != nil {
		return
	}
	on(req, "onupgradeneeded", func(js.Value) {
		req.Get("result").Call("createObjectStore", dbStore)
	})
	on(req, "onsuccess", func(js.Value) { ready <- req.Get("result") })
	on(req, "onerror", func(js.Value) { ready <- js.Undefined() })
	on(req, "onblocked", func(js.Value) { ready <- js.Undefined() })
	if db = <-ready; db.IsUndefined() {
		return
	}
	type entry struct{ keys, values js.Value }
	loaded := make(chan entry, 1)
	tx := db.Call("transaction", dbStore, "readonly")
	st := tx.Call("objectStore", dbStore)
	k, v := st.Call("getAllKeys"), st.Call("getAll")
	on(tx, "oncomplete", func(js.Value) { loaded <- entry{k.Get("result"), v.Get("result")} })
	on(tx, "onabort", func(js.Value) { loaded <- entry{js.Undefined(), js.Undefined()} })
	e := <-loaded
	return db, e.keys, e.values
}

func release(funcs []js.Func) {
	for _, f := range funcs {
		f.Release()
	}
}

// call calls a method, turning a thrown exception into an error.
func call(v js.Value, method string, args ...any) (out js.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			je, ok := r.(js.Error)
			if !ok {
				panic(r)
			}
			err = je
		}
	}()
	return v.Call(method, args...), nil
}

func (s *storage) Get(k string) (string, bool) {
	v := s.ls.Call("getItem", k)
	if v.IsNull() {
		return "", false
	}
	return v.String(), true
}

// Set writes k to localStorage (an error when it refuses, full or
// disabled) and starts the durable write to IndexedDB.
func (s *storage) Set(k, v string) error {
	if _, err := call(s.ls, "setItem", k, v); err != nil {
		return err
	}
	s.write(func(st js.Value) { st.Call("put", v, k) })
	return nil
}

func (s *storage) Remove(k string) {
	s.ls.Call("removeItem", k)
	s.write(func(st js.Value) { st.Call("delete", k) })
}

func (s *storage) Keys() []string {
	n := s.ls.Get("length").Int()
	out := make([]string, 0, n)
	for i := 0; i < n; i++ {
		if k := s.ls.Call("key", i); !k.IsNull() {
			out = append(out, k.String())
		}
	}
	return out
}

// write runs op on the object store in a transaction of its own, with
// strict durability: "complete" then means the change is on disk.
// Transactions on one store complete in the order they started.
func (s *storage) write(op func(store js.Value)) {
	if s.db.IsUndefined() {
		return
	}
	tx, err := call(s.db, "transaction", dbStore, "readwrite", map[string]any{"durability": "strict"})
	if err == nil {
		_, err = call(tx, "objectStore", dbStore)
	}
	if err != nil {
		s.failed = err
		s.settle()
		return
	}
	s.started++
	seq := s.started
	var complete, abort js.Func
	finish := func(err error) {
		complete.Release()
		abort.Release()
		if err != nil {
			s.failed = err
		} else if seq > s.committed {
			s.committed = seq
		}
		s.settle()
	}
	complete = js.FuncOf(func(js.Value, []js.Value) any { finish(nil); return nil })
	abort = js.FuncOf(func(js.Value, []js.Value) any {
		msg := errAborted
		if e := tx.Get("error"); e.Truthy() {
			msg = errors.Join(errAborted, js.Error{Value: e})
		}
		finish(msg)
		return nil
	})
	tx.Set("oncomplete", complete)
	tx.Set("onabort", abort)
	op(tx.Call("objectStore", dbStore))
}

// Commit calls done once every write so far is on disk, or with the error
// of a write that failed.
func (s *storage) Commit(done func(error)) {
	s.waiters = append(s.waiters, commitWaiter{seq: s.started, done: done})
	s.settle()
}

// Pending reports whether writes are still on their way to disk.
func (s *storage) Pending() bool { return s.committed < s.started && s.failed == nil }

// settle answers the waiters whose writes have all completed, and every
// waiter after a failure.
func (s *storage) settle() {
	keep := s.waiters[:0]
	var ready []commitWaiter
	for _, w := range s.waiters {
		if s.failed != nil || w.seq <= s.committed {
			ready = append(ready, w)
		} else {
			keep = append(keep, w)
		}
	}
	s.waiters = keep
	err := s.failed
	s.failed = nil
	for _, w := range ready {
		w.done(err)
	}
}
