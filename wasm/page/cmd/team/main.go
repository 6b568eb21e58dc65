//go:build js && wasm

// Command team is the team workshop page (team.html): the facilitator
// opens a workshop on the Purposeful API and participants join from their
// phones with a code or a link. It is its own program so team mode stays
// out of the workshop page's wasm.
package main

import (
	"runtime/debug"

	"github.com/purposefulcx/purposeful/wasm/internal/joinqr"

	"github.com/purposefulcx/purposeful/wasm/page/internal/jsdom"
	"github.com/purposefulcx/purposeful/wasm/page/team"
	"github.com/purposefulcx/purposeful/wasm/page/team/teamjson"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

func main() {
	debug.SetGCPercent(400)
	h := jsdom.New()
	app := ui.New(h, ui.Services{JoinQR: joinqr.SVG})
	app.Only = "team"
	app.EnableTeam(team.NewConn(jsdom.Fetch{}, teamjson.Codec{}, h.Storage(), h.Now), h.Origin())
	app.Start()
	h.MarkReady()
	select {}
}
