//go:build js && wasm

// Command checklists is the diagnostic and checklists page
// (checklists.html). It is its own program so the diagnostic stays out of
// the workshop page's wasm.
package main

import (
	"runtime/debug"

	"github.com/purposefulcx/purposeful/wasm/page/internal/jsdom"
	"github.com/purposefulcx/purposeful/wasm/page/services/checklistsvc"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

func main() {
	debug.SetGCPercent(400)
	h := jsdom.New()
	app := ui.New(h, checklistsvc.Services())
	app.Only = "checklists"
	app.EnableChecklists()
	app.Start()
	h.MarkReady()
	select {}
}
