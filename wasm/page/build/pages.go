package build

import (
	"fmt"
	"os"
	"path/filepath"
	"text/template"
)

// page is one HTML page of the site, rendered from web/layout.html: all
// pages share the header, navigation, security policy and loader, and
// differ only in these fields.
type page struct {
	File    string // "coach.html"
	Title   string
	Wasm    string // the program the page loads
	Current string // the navigation entry it stands for ("" on the main page, which marks screens itself)
	Home    string // where the main page's screens are: "" on the main page, "index.html" elsewhere
	Team    string // the Team entry's link
	Loading string // what the boot line says is loading
}

var pages = []page{
	{File: "index.html", Title: "Purposeful workshop", Wasm: "page.wasm", Team: "#team", Loading: "the workshop"},
	{File: "coach.html", Title: "Purpose coach · Purposeful", Wasm: "coach.wasm", Current: "coach", Home: "index.html", Team: "index.html#team", Loading: "the purpose coach"},
	{File: "recovery.html", Title: "Recovery coach · Purposeful", Wasm: "recovery.wasm", Current: "recovery", Home: "index.html", Team: "index.html#team", Loading: "the recovery coach"},
	{File: "standards.html", Title: "Standards builder · Purposeful", Wasm: "standards.wasm", Current: "standards", Home: "index.html", Team: "index.html#team", Loading: "the standards builder"},
	{File: "checklists.html", Title: "Diagnostic and checklists · Purposeful", Wasm: "checklists.wasm", Current: "checklists", Home: "index.html", Team: "index.html#team", Loading: "the diagnostic and checklists"},
	{File: "team.html", Title: "Team workshop · Purposeful", Wasm: "team.wasm", Current: "team", Home: "index.html", Team: "team.html", Loading: "the team workshop"},
	{File: "observe.html", Title: "Observe, calibrate, report · Purposeful", Wasm: "observe.wasm", Current: "observe", Home: "index.html", Team: "index.html#team", Loading: "observations and reports"},
}

// writePages renders every page from web/layout.html into out. The layout
// is a text/template: every value is one of the constants above or [CSP],
// never user input, and the policy must reach the page unescaped.
func writePages(web, out string) error {
	t, err := template.ParseFiles(filepath.Join(web, "layout.html"))
	if err != nil {
		return fmt.Errorf("build: %w", err)
	}
	for _, p := range pages {
		f, err := os.Create(filepath.Join(out, p.File))
		if err != nil {
			return fmt.Errorf("build: %w", err)
		}
		err = t.Execute(f, struct {
			page
			CSP string
		}{p, CSP})
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("build: %s: %w", p.File, err)
		}
	}
	return nil
}
