//go:build !js

package main

import (
	"testing"

	"github.com/purposefulcx/purposeful/wasm/api/apitest"
)

// TestWorkerAccountability runs the accountability loop (a month of
// observations, disputes, two calibration sessions, the report checked
// against the standards library, the hostile checks) against the real
// worker in workerd with a local D1 database.
func TestWorkerAccountability(t *testing.T) {
	w := startWorker(t, nil)
	defer func() {
		if t.Failed() {
			t.Logf("wrangler output:\n%s", tail(w.log.String(), 4000))
		}
	}()
	apitest.RunAccountability(t, w.target())
}
