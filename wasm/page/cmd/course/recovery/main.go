//go:build js && wasm

// Command recovery is the Recovery practice course of an LMS package
// (wasm/course): the recovery coach's practice with the course's
// scenarios, each grade reported to the LMS.
package main

import (
	"runtime/debug"

	"github.com/purposefulcx/purposeful/wasm/course/play"
	"github.com/purposefulcx/purposeful/wasm/page/internal/jsdom"
	"github.com/purposefulcx/purposeful/wasm/page/services/recoverysvc"
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
	app := ui.New(play.Host(h, a), play.Services(a, recoverysvc.Services()))
	app.Only = "recovery"
	app.EnableRecovery()
	app.Start()
	h.MarkReady()
	select {}
}
