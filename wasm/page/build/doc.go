// Package build compiles the Purposeful workshop page, a Go WebAssembly
// program, into a folder any static host can serve.
//
// [Build] runs `GOOS=js GOARCH=wasm go build` for the site's programs:
// the workshop page (page.wasm, loaded by index.html) and, each on its own
// page and loaded only when someone opens it, the purpose coach, the
// recovery coach, the standards builder, the diagnostic and checklists,
// and the team workshop (team.wasm, team.html, which talks to the API on
// the same origin). It copies the Go loader wasm_exec.js from the same
// toolchain and the static files (style.css, loader.js) next to them,
// and renders the HTML pages from one layout (web/layout.html), so every
// page shares the same header, navigation, security policy ([CSP]) and
// loader ([Files] lists the output). The local server (wasm/server) calls it at start-up and
// serves the folder at /.
//
//	if err := build.Build(ctx, "dist"); err != nil {
//		log.Fatal(err)
//	}
//	http.Handle("/", http.FileServerFS(os.DirFS("dist")))
//
// The page carries its own Content-Security-Policy in a meta element (no
// inline script, 'wasm-unsafe-eval' for Go), so it stays locked down on
// any host; servers may send the same policy as a header ([CSP]).
package build
