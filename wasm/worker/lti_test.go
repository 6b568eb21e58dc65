//go:build !js

package main

import (
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/wasm/lti"
	"github.com/purposefulcx/purposeful/wasm/lti/ltitest"
	"github.com/stretchr/testify/require"
)

// TestWorkerLTI runs the LTI flow and the forged launches against the
// real worker in workerd with a local D1: the platform's keys, tokens,
// scores and roster are fetched through the Workers fetch API. (The
// expired-login forgery needs a movable clock and runs natively only.)
func TestWorkerLTI(t *testing.T) {
	pem, err := lti.GenerateKey("worker-key-1", time.Time{})
	require.NoError(t, err)
	w := startWorker(t, map[string]string{"PURPOSEFUL_LTI_KEYS": string(pem)})
	tool := ltitest.Tool{BaseURL: w.url, OrgKey: w.keyA}
	t.Run("flow", func(t *testing.T) { ltitest.RunFlow(t, ltitest.Start(t), tool) })
	t.Run("forgeries", func(t *testing.T) {
		p := ltitest.Start(t)
		ltitest.Connect(t, p, tool)
		ltitest.RunForgeries(t, p, tool)
	})
}
