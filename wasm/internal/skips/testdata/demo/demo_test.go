// Package demo is run by the skips tests through the go command: its one
// test needs the file named by SKIPS_DEMO_TOOL.
package demo

import (
	"os"
	"testing"

	"github.com/purposefulcx/purposeful/wasm/internal/skips"
)

func TestMain(m *testing.M) { skips.Main(m) }

func TestNeedsTool(t *testing.T) {
	skips.Need(t, "the demo tool", os.Getenv("SKIPS_DEMO_TOOL"), "touch it")
}
