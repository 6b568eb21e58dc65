//go:build js && wasm

// Command standards is the Our standards course of an LMS package
// (wasm/course): each standard, its deviation question and its
// acknowledgement, reported to the LMS.
package main

import (
	"github.com/purposefulcx/purposeful/wasm/course/play"
	"github.com/purposefulcx/purposeful/wasm/page/internal/jsdom"
)

func main() {
	h := jsdom.New()
	a, err := play.Open(h)
	if err != nil {
		play.Fail(h, err)
		return
	}
	play.StandardsScreen(h, a)
	h.MarkReady()
	select {}
}
