package ui_test

import (
	"fmt"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
	"github.com/purposefulcx/purposeful/wasm/page/ui/uitest"
)

// A facilitator starts a grid and types; the page saves it within half a
// second, as the log of a grid session (version "purposeful.session/v1").
func Example() {
	h := uitest.New()
	app := ui.New(h, ui.Services{})
	app.Start()
	h.El("app").ByTest("new-grid").Click()
	h.El("app").ByTest("position").Type("Front-desk agent")
	h.El("app").ByTest("process").Type("Guest check-in")
	h.Advance(ui.SaveDelay)

	events, _ := grid.DecodeLog([]byte(h.Store["purposeful.workshop."+app.Doc().ID]))
	saved, _ := ui.Library{S: h.Store}.Load(app.Doc().ID)
	fmt.Println(len(events) > 1, "|", saved.Title(), "|", h.El("save-state").TextContent())
	fmt.Println(h.El("announcer").TextContent())
	// Output:
	// true | Front-desk agent · Guest check-in | Saved on this device
	// Activity
}
