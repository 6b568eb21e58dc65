//go:build js && wasm

// Command hello is the smallest syumai/workers worker: the baseline the
// API worker's bundle size and per-request time are compared with
// (see .ci/test-worker.sh).
package main

import (
	"net/http"

	"github.com/syumai/workers"
)

func main() {
	workers.Serve(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"status":"ok"}`))
	}))
}
