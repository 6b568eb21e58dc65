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
	apitest.RunAccountability(t, w.target())
}
