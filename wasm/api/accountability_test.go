//go:build !js

package api_test

import (
	"testing"

	"github.com/purposefulcx/purposeful/wasm/api/apitest"
)

// TestAccountability runs the accountability loop natively on SQLite.
func TestAccountability(t *testing.T) {
	tg, _ := newTarget(t, nil)
	apitest.RunAccountability(t, tg)
}
