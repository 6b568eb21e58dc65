//go:build js && wasm

// Command coach is the purpose coach page (coach.html): live analysis of
// a purpose statement with its words highlighted, and the revelation
// ladder. It is its own program so the analysis tables stay out of the
// workshop page's wasm.
package main

import (
	"runtime/debug"

	"github.com/purposefulcx/purposeful/wasm/page/internal/jsdom"
	"github.com/purposefulcx/purposeful/wasm/page/services"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

func main() {
	// The page's heap is small, so the default GC target collects every
	// few keystrokes; a larger one keeps pauses out of typing.
	debug.SetGCPercent(400)
	h := jsdom.New()
	app := ui.New(h, services.Coach())
	app.Only = "coach"
	app.EnableCoach()
	app.Start()
	h.ExposePerf(app)
	h.MarkReady()
	select {}
}
