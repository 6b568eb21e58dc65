package ui_test

import (
	"fmt"

	"github.com/purposefulcx/purposeful/wasm/page/ui"
	"github.com/purposefulcx/purposeful/wasm/page/ui/uitest"
	"github.com/purposefulcx/purposeful/wasm/page/workshop"
)

// A facilitator starts a grid and types; the page saves it within half a
// second, as a versioned document.
func Example() {
	h := uitest.New()
	app := ui.New(h, ui.Services{})
	app.Start()
	h.El("app").ByTest("new-grid").Click()
	h.El("app").ByTest("position").Type("Front-desk agent")
	h.El("app").ByTest("process").Type("Guest check-in")
	h.Advance(ui.SaveDelay)

	saved, _ := workshop.Library{S: h.Store}.Load(app.Doc().ID)
	fmt.Println(saved.Version, "|", saved.Title(), "|", h.El("save-state").TextContent())
	fmt.Println(h.El("announcer").TextContent())
	// Output:
	// purposeful.workshop/v1 | Front-desk agent · Guest check-in | Saved on this device
	// Activity
}
