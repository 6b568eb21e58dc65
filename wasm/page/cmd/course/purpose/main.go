//go:build js && wasm

// Command purpose is the Purpose statement course of an LMS package
// (wasm/course): the purpose coach and the revelation ladder, the
// statement's best score reported to the LMS.
package main

import (
	"runtime/debug"

	"github.com/purposefulcx/purposeful/wasm/course/play"
	"github.com/purposefulcx/purposeful/wasm/page/internal/jsdom"
	"github.com/purposefulcx/purposeful/wasm/page/services"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

func main() {
	debug.SetGCPercent(400)
	h := jsdom.New()
	a, err := play.Open(h)
	if err != nil {
		play.Fail(h, err)
		return
	}
	app := ui.New(play.Host(h, a), play.Services(a, services.Coach()))
	app.Only = "coach"
	app.EnableCoach()
	app.Start()
	h.MarkReady()
	select {}
}
