//go:build js && wasm

// Command minimal is the comparison page of the e2e start-up test: a bare
// dom/v2 program that sets one text and marks itself ready, timed the same
// way as the workshop page.
package main

import (
	"strconv"
	"syscall/js"

	"honnef.co/go/js/dom/v2"
)

func main() {
	doc := dom.GetWindow().Document()
	app := doc.GetElementByID("app")
	app.SetTextContent("Hello from Go")
	app.SetAttribute("data-ready", "1")
	ms := js.Global().Get("performance").Call("now").Float()
	app.SetAttribute("data-ready-ms", strconv.FormatFloat(ms, 'f', 1, 64))
	select {}
}
