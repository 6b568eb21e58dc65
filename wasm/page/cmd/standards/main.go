//go:build js && wasm

// Command standards is the standards builder page (standards.html): it
// drafts standards from the open grid's adopted ideas, lints them with
// inline highlights and fixes, and plans the training. It is its own
// program so the grid and standards packages stay out of the workshop
// page's wasm.
package main

import (
	"runtime/debug"

	"github.com/purposefulcx/purposeful/wasm/page/internal/jsdom"
	"github.com/purposefulcx/purposeful/wasm/page/services/standardssvc"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

func main() {
	debug.SetGCPercent(400)
	h := jsdom.New()
	app := ui.New(h, standardssvc.Services())
	app.Only = "standards"
	app.EnableStandards()
	app.Start()
	h.MarkReady()
	select {}
}
