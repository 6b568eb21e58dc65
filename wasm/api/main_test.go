//go:build !js

package api_test

import (
	"testing"

	"github.com/purposefulcx/purposeful/wasm/internal/skips"
)

// TestMain reports the tests skipped for want of the Node packages (the
// xAPI LRS) in go test's default output.
func TestMain(m *testing.M) { skips.Main(m) }
