//go:build js && wasm

// Command recovery is the recovery coach page (recovery.html): plan a
// recovery, review a draft reply, practise on scenarios. It is its own
// program because the recovery catalogue and its language tables would
// otherwise make the workshop page's wasm too large to load quickly.
package main

import (
	"runtime/debug"

	"github.com/purposefulcx/purposeful/wasm/page/internal/jsdom"
	"github.com/purposefulcx/purposeful/wasm/page/services/recoverysvc"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

func main() {
	debug.SetGCPercent(400)
	h := jsdom.New()
	app := ui.New(h, recoverysvc.Services())
	app.Only = "recovery"
	app.EnableRecovery()
	app.Start()
	h.MarkReady()
	select {}
}
