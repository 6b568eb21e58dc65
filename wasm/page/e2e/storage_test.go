package e2e

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/api"
)

// TestAutosaveSurvivesKilledTab types, waits half a second, crashes the
// tab's renderer, and finds the work in a new tab.
func TestAutosaveSurvivesKilledTab(t *testing.T) {
	needBrowser(t)
	s := launch(t, "", 1024, 768)
	s.open(t, "#home")
	s.newGrid(t)
	s.typeText(t, "position", "Baggage handler")
	s.typeText(t, "process", "Loading the hold")
	s.typeText(t, "value-new", "Safety first"+kb.Enter)
	// Saved within half a second of the last keystroke.
	s.run(t, chromedp.Sleep(500*time.Millisecond))
	assert.Equal(t, "Saved on this device", s.text(t, "#save-state"))
	s.killTab(t)

	// A new tab in the same browser (same profile) sees the work.
	tab, cancel := chromedp.NewContext(s.ctx)
	defer cancel()
	require.NoError(t, chromedp.Run(tab)) // attach the tab (no time-out on the first run)
	t2 := &session{ctx: tab, profile: s.profile}
	t2.open(t, "#home")
	assert.Contains(t, t2.text(t, byTest("saved-list")), "Baggage handler · Loading the hold")
	t2.open(t, "#activity")
	var v string
	t2.eval(t, `document.querySelector('[data-test="position"]').value`, &v)
	assert.Equal(t, "Baggage handler", v)
	t2.eval(t, `document.querySelector('[data-test="value-0"]').value`, &v)
	assert.Equal(t, "Safety first", v)
	// And a reload keeps it too.
	t2.run(t, chromedp.Reload(), chromedp.WaitVisible(`#app[data-ready="1"]`, chromedp.ByQuery))
	t2.eval(t, `document.querySelector('[data-test="process"]').value`, &v)
	assert.Equal(t, "Loading the hold", v)
}

// TestBrokenImport feeds the import broken and conflicting files: nothing
// changes without the facilitator's say.
func TestBrokenImport(t *testing.T) {
	needBrowser(t)
	s := launch(t, "", 1024, 768)
	s.open(t, "#home")
	s.newGrid(t)
	s.typeText(t, "position", "Cashier")
	s.run(t, chromedp.Sleep(400*time.Millisecond))
	var id string
	s.eval(t, `localStorage.getItem("purposeful.current")`, &id)
	require.NotEmpty(t, id)
	s.open(t, "#home")
	before := s.text(t, byTest("saved-list"))

	dir := t.TempDir()
	// A file the page exported before it ran on grid: it still opens.
	goodJSON := []byte(`{"version":"purposeful.workshop/v1","id":"` + id + `","position":"Nurse","purpose":"","process":"Admission","objective":"","values":[],"kpis":[],` +
		`"knowledge":[],"skills":[],"ideas":[],"criteria":[],"phase":"course","timer":{"length_seconds":1200,"used_ms":0,"running":false},` +
		`"seq":0,"created":"2026-01-02T03:04:05Z","updated":"2026-01-02T03:04:05Z"}`)
	cases := []struct {
		name, body, want string
	}{
		{"not-json.json", "this is not JSON at all", "malformed JSON"},
		{"truncated.json", string(goodJSON[:len(goodJSON)/2]), "malformed JSON"},
		{"wrong-version.json", strings.Replace(string(goodJSON), grid.WorkshopV1, "purposeful.workshop/v9", 1), "version"},
		{"unknown-field.json", strings.Replace(string(goodJSON), `"position"`, `"evil": 1, "position"`, 1), "evil: unknown field"},
		{"empty-item.json", strings.Replace(string(goodJSON), `"knowledge":[]`, `"knowledge": [{"id": "k1", "text": "  "}]`, 1), "knowledge[0].text: text has only white space"},
	}
	for i, tc := range cases {
		p := filepath.Join(dir, tc.name)
		require.NoError(t, os.WriteFile(p, []byte(tc.body), 0o644))
		s.upload(t, "import", p)
		s.run(t, chromedp.WaitVisible(`[data-test="import-status"][data-kind="error"]`, chromedp.ByQuery))
		msg := s.text(t, byTest("import-status"))
		assert.Contains(t, msg, tc.want, tc.name)
		assert.Contains(t, msg, "Nothing was changed", tc.name)
		assert.Equal(t, before, s.text(t, byTest("saved-list")), "%s: saved grids unchanged", tc.name)
		if i == 3 {
			s.shot(t, "import-broken")
		}
	}

	// A valid file with the id of a saved grid asks first; cancel changes nothing.
	p := filepath.Join(dir, "same-id.json")
	require.NoError(t, os.WriteFile(p, goodJSON, 0o644))
	s.upload(t, "import", p)
	s.run(t, chromedp.WaitVisible(byTest("dialog"), chromedp.ByQuery))
	s.shot(t, "import-conflict")
	s.click(t, "cancel")
	assert.Equal(t, before, s.text(t, byTest("saved-list")))
	assert.Equal(t, "Cashier", s.storedDoc(t, id).Course().Position, "the saved grid is untouched")

	// Keep both adds a copy.
	s.upload(t, "import", p)
	s.click(t, "import-keep-both")
	s.run(t, chromedp.WaitVisible(`[data-test="import-status"][data-kind="ok"]`, chromedp.ByQuery))
	list := s.text(t, byTest("saved-list"))
	assert.Contains(t, list, "Cashier")
	assert.Contains(t, list, "Nurse · Admission")
}

// TestImportFromOtherDoors imports into the page a grid exported by the
// API, and a "purposeful.workshop/v1" file written by the page before it
// ran on the grid package.
func TestImportFromOtherDoors(t *testing.T) {
	needBrowser(t)
	s := launch(t, "", 1024, 768)
	s.open(t, "#home")
	dir := t.TempDir()

	src, err := os.ReadFile("../../../grid/testdata/frontdesk.json")
	require.NoError(t, err)
	req := httptest.NewRequest(http.MethodPost, "/v1/grid/render?format=json", bytes.NewReader(src))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	api.New(api.Config{}).ServeHTTP(rec, req)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	want, err := grid.Decode(rec.Body.Bytes())
	require.NoError(t, err)
	p := filepath.Join(dir, "from-the-api.json")
	require.NoError(t, os.WriteFile(p, rec.Body.Bytes(), 0o644))
	s.upload(t, "import", p)
	s.run(t, chromedp.WaitVisible(`[data-test="import-status"][data-kind="ok"]`, chromedp.ByQuery))
	title := want.Position + " · " + want.Process
	assert.Contains(t, s.text(t, byTest("saved-list")), title)
	s.run(t, chromedp.Click(`[data-test="saved-list"] button[aria-label="Open `+title+`"]`, chromedp.ByQuery))
	s.run(t, chromedp.WaitVisible(byTest("grid-table"), chromedp.ByQuery))
	table := s.text(t, byTest("grid-table"))
	for _, it := range want.Adopted() {
		assert.Contains(t, table, it.Text, "adopted in the API, adopted in the page")
	}
	assert.Contains(t, table, want.Knowledge[0].Text)

	old, err := filepath.Abs(filepath.Join("..", "..", "..", "grid", "testdata", "workshop-v1", "full-export.json"))
	require.NoError(t, err)
	s.open(t, "#home")
	s.upload(t, "import", old)
	s.run(t, chromedp.WaitVisible(`[data-test="import-status"][data-kind="ok"]`, chromedp.ByQuery))
	s.click(t, "open-g-full") // its id in the old file
	s.run(t, chromedp.WaitVisible(byTest("grid-table"), chromedp.ByQuery))
	table = s.text(t, byTest("grid-table"))
	assert.Contains(t, table, "Walk first-time guests to the lift", "an old file opens with its adopted ideas")
	assert.Contains(t, table, "Run the reservation system")
}

// TestStorageOpensWhileLoading checks that the page opens its database once,
// from the loader while the program downloads, and that stored work comes
// back both that way and when the loader's read is missing (the program
// then opens the database itself).
func TestStorageOpensWhileLoading(t *testing.T) {
	needBrowser(t)
	s := launch(t, "", 1024, 768)
	// Count indexedDB.open calls in every document this tab loads; the
	// second script hides the loader's read from the program when asked.
	count := `(function(){var n=0,o=IDBFactory.prototype.open;
IDBFactory.prototype.open=function(){n++;document.documentElement.setAttribute('data-idb-opens',n);return o.apply(this,arguments)};
if(location.search.indexOf('noprefetch')>=0){Object.defineProperty(window,'purposefulStore',{get:function(){},set:function(){}})}})()`
	s.run(t, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(count).Do(ctx)
		return err
	}))
	s.open(t, "#home")
	s.newGrid(t)
	s.typeText(t, "position", "Night porter")
	s.run(t, chromedp.Sleep(500*time.Millisecond))
	require.Equal(t, "Saved on this device", s.text(t, "#save-state"))

	for _, c := range []struct{ query, opens string }{{"?reload", "1"}, {"?noprefetch", "2"}} {
		s.load(t, site+c.query+"#activity", "activity")
		var v, opens string
		s.eval(t, `document.querySelector('[data-test="position"]').value`, &v)
		assert.Equal(t, "Night porter", v, "stored work after a reload %q", c.query)
		s.eval(t, `document.documentElement.getAttribute('data-idb-opens')`, &opens)
		assert.Equal(t, c.opens, opens, "indexedDB.open calls with %q", c.query)
	}
}
