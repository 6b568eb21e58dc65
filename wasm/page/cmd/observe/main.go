//go:build js && wasm

// Command observe is the accountability page (observe.html): record
// observations on a phone, offline if need be, score calibration sessions
// blind, and read the reports. It is its own program so the standards
// loop stays out of the other pages' wasm.
package main

import (
	"runtime/debug"

	"github.com/purposefulcx/purposeful/wasm/page/internal/jsdom"
	"github.com/purposefulcx/purposeful/wasm/page/observe"
)

func main() {
	debug.SetGCPercent(400)
	h := jsdom.New()
	observe.New(h, jsdom.Fetch{}).Start()
	h.MarkReady()
	select {}
}
