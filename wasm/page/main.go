//go:build js && wasm

// Command page is the Purposeful workshop page: home, import and export,
// the portfolio and the 3 Ps activity, running in the browser as Go
// WebAssembly. The logic lives in wasm/page/ui (plain Go);
// wasm/page/internal/jsdom binds it to the DOM. The purpose coach, the
// recovery coach, the standards builder, the checklists and the team
// workshop are separate programs under wasm/page/cmd, each on its own page and loaded only when
// opened, so this one stays small. Build them all with wasm/page/build.
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
	svc := services.Default()
	svc.BuildCourse = jsdom.BuildCourse // "Download for your LMS" (wasm/course)
	app := ui.New(h, svc)
	app.Start()
	h.MarkReady()
	select {}
}
