//go:build js && wasm

package main

import (
	"net/http"
	"runtime"
)

// withFaults adds the routes the worker tests use to break an instance on
// purpose. It is used only when the variable PURPOSEFUL_TEST_FAULTS is
// "1", which only the tests set (wrangler.toml never does):
//
//	GET /__test/panic  the handler panics (answered 500, instance kept)
//	GET /__test/crash  answers, then a background goroutine panics,
//	                   which ends the whole instance
//	GET /__test/hang   never answers (the glue cuts it)
//	GET /__test/gc     runs the garbage collector (before the bench
//	                   reads the instance's memory)
func withFaults(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/__test/panic":
			panic("purposeful test: handler panic")
		case "/__test/crash":
			go func() { panic("purposeful test: background goroutine panic") }()
			w.WriteHeader(http.StatusAccepted)
		case "/__test/hang":
			<-make(chan struct{})
		case "/__test/gc":
			runtime.GC()
			runtime.GC() // the second also frees what the first's finalizers released
			w.WriteHeader(http.StatusNoContent)
		default:
			h.ServeHTTP(w, r)
		}
	})
}
