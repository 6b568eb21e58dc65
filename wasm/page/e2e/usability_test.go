package e2e

import (
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/device"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// phone is the viewport of a small phone (CSS pixels).
const phoneW, phoneH = 390, 844

// seed stores d as the open grid of the profile and reloads hash.
func (s *session) seed(t *testing.T, d *ui.Solo, hash string) {
	t.Helper()
	mem := device.MapStorage{"purposeful.current": d.ID}
	require.NoError(t, ui.Library{S: mem}.Save(d))
	s.open(t, "#home")
	s.store(t, mem)
	// A reload starts the page again on the stored grid.
	s.reloadHome(t)
	if hash != "#home" {
		s.open(t, hash)
	}
}

// storedDoc reads the grid id as the page saved it.
func (s *session) storedDoc(t *testing.T, id string) *ui.Solo {
	t.Helper()
	var all map[string]string
	s.eval(t, `Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))`, &all)
	d, err := ui.Library{S: device.MapStorage(all)}.Load(id)
	require.NoError(t, err, "grid %s saved", id)
	return d
}

// box is an element's position in the viewport (CSS pixels).
type box struct{ Left, Right, Top, Bottom, Width float64 }

func (s *session) box(t *testing.T, sel string) box {
	t.Helper()
	var b box
	s.eval(t, `(() => { const r = document.querySelector(`+jsStr(sel)+`).getBoundingClientRect();
		return {Left: r.left, Right: r.right, Top: r.top, Bottom: r.bottom, Width: r.width} })()`, &b)
	return b
}

// reception is a grid with a purpose, a few items and adopted ideas, at
// its first step.
func reception(id string) *ui.Solo {
	review := []grid.Evidence{{Source: grid.OtherSource, Note: "Review site"}}
	g := &grid.Grid{Position: "Front-desk agent", Process: "Guest check-in", Objective: ui.DefaultObjective,
		Purpose:   "To create loyal guests who come back and tell their friends",
		Knowledge: []grid.Item{{ID: "i1", Text: "Room types and rates"}, {ID: "i2", Text: "Local restaurants and their opening hours"}},
		Skills:    []grid.Item{{ID: "i3", Text: "Run the reservation system"}},
		Purposeful: []grid.Item{
			{ID: "e4", Text: "Greet returning guests by name within 30 seconds of arrival", Evidence: review, Status: grid.Adopted},
			{ID: "e5", Text: "Walk guests with heavy luggage to the lift", Evidence: review, Status: grid.Adopted},
		}}
	at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	d, err := ui.OpenGrid(id, g, at)
	if err == nil {
		err = d.SetStep(at, grid.StepCourse)
	}
	if err != nil {
		panic(err)
	}
	return d
}

// TestStandardsFixesReplaceOnlyTheirSpan: a one-click fix changes the
// words it is about and nothing else, a verb hint is advice rather than a
// replacement of the whole statement, and every edit can be undone.
func TestStandardsFixesReplaceOnlyTheirSpan(t *testing.T) {
	needBrowser(t)
	s := launch(t, "", 1280, 900)
	s.seed(t, reception("gfix"), "#home")
	s.openPage(t, "standards.html", "standards")
	statement := func() string {
		var v string
		s.eval(t, `document.querySelector('[data-test="statement-0"]').value`, &v)
		return v
	}
	drafted := statement()

	// "Be friendly": the state-of-mind finding suggests verbs to start
	// with; none of them may replace the statement.
	s.setText(t, "statement-0", "Be friendly")
	var labels []string
	s.eval(t, `[...document.querySelectorAll('[data-test="lint-0"] button')].map(b => b.textContent)`, &labels)
	for _, l := range labels {
		s.run(t, chromedp.Click(`[data-test="lint-0"] button`, chromedp.ByQuery))
		got := statement()
		assert.Contains(t, got, " ", "fix %q left a statement of one word: %q", l, got)
		s.setText(t, "statement-0", "Be friendly")
	}
	assert.Contains(t, s.text(t, byTest("lint-0")), "say", "the verbs are still offered, as advice")
	s.shot(t, "standards-be-friendly")

	// A vague word is replaced in place; the rest of the sentence stays.
	s.setText(t, "statement-0", "Greet guests promptly and be friendly.")
	s.run(t, chromedp.Click(`[data-test="lint-0"] button[data-fix="within 30 seconds"]`, chromedp.ByQuery, chromedp.NodeVisible))
	assert.Equal(t, "Greet guests within 30 seconds and be friendly.", statement())
	s.shot(t, "standards-fix-applied")

	// Undo takes back the fix, then each edit, back to the draft.
	s.click(t, "standards-undo")
	assert.Equal(t, "Greet guests promptly and be friendly.", statement())
	for range 20 {
		var disabled bool
		s.eval(t, `document.querySelector('[data-test="standards-undo"]').disabled`, &disabled)
		if disabled {
			break
		}
		s.click(t, "standards-undo")
	}
	assert.Equal(t, drafted, statement(), "undo goes back to the draft")
	s.run(t, chromedp.Sleep(400*time.Millisecond))
	assert.Equal(t, drafted, s.storedDoc(t, "gfix").Standards[0].Statement, "and the undone text is what is saved")
}

// TestPhoneExportMenu opens the activity's Export menu on a 390 px phone:
// every entry is on screen.
func TestPhoneExportMenu(t *testing.T) {
	needBrowser(t)
	s := launch(t, "", phoneW, phoneH)
	s.seed(t, reception("gexp"), "#activity")
	s.run(t, chromedp.Click(`.export-menu > summary`, chromedp.ByQuery, chromedp.NodeVisible))
	s.run(t, chromedp.WaitVisible(byTest("menu-export-json"), chromedp.ByQuery))
	s.shot(t, "phone-export-menu")
	for _, k := range []string{"json", "csv", "md", "svg"} {
		b := s.box(t, byTest("menu-export-"+k))
		assert.GreaterOrEqual(t, b.Left, 0.0, "%s entry starts on screen", k)
		assert.LessOrEqual(t, b.Right, float64(phoneW), "%s entry ends on screen", k)
	}
}

// TestPhoneSummaryTable shows the summary on a 390 px phone: the adopted
// ideas (the purposeful column) are on screen without scrolling sideways.
func TestPhoneSummaryTable(t *testing.T) {
	needBrowser(t)
	s := launch(t, "", phoneW, phoneH)
	d := reception("gsum")
	require.NoError(t, d.SetStep(time.Now(), grid.StepSummary))
	s.seed(t, d, "#activity")
	s.run(t, chromedp.WaitVisible(byTest("grid-table"), chromedp.ByQuery))
	s.shot(t, "phone-summary")
	for _, sel := range []string{
		`[data-test="grid-table"] th:nth-child(3)`,
		`[data-test="grid-table"] tbody tr:first-child td:nth-child(3)`,
	} {
		b := s.box(t, sel)
		assert.Greater(t, b.Width, 0.0, "%s shown", sel)
		assert.GreaterOrEqual(t, b.Left, 0.0, sel)
		assert.LessOrEqual(t, b.Right, float64(phoneW), "%s is on screen", sel)
	}
	assert.Contains(t, s.text(t, `[data-test="grid-table"] tbody tr:first-child td:nth-child(3)`), "Greet returning guests")
	var scrollW int
	s.eval(t, `document.querySelector('[data-test="grid-table"]').parentElement.scrollWidth`, &scrollW)
	assert.LessOrEqual(t, scrollW, phoneW, "nothing to scroll sideways to")
}

// TestCoachAsksBeforeReplacingPurpose types in the purpose coach with a
// grid open: the grid's purpose stays until the facilitator chooses to
// replace it, and the replacement can be undone.
func TestCoachAsksBeforeReplacingPurpose(t *testing.T) {
	needBrowser(t)
	s := launch(t, "", 1280, 900)
	d := reception("gcoach")
	before := d.Course().Purpose
	s.seed(t, d, "#home")
	s.openPage(t, "coach.html", "coach")
	s.setText(t, "coach-text", "")
	s.typeText(t, "coach-text", "Check guests in")
	s.run(t, chromedp.Sleep(500*time.Millisecond))
	assert.Equal(t, before, s.storedDoc(t, "gcoach").Course().Purpose, "typing in the coach leaves the grid's purpose alone")

	s.click(t, "coach-use")
	s.run(t, chromedp.WaitVisible(byTest("dialog"), chromedp.ByQuery))
	assert.Contains(t, s.text(t, byTest("dialog")), before, "the dialog shows what would be replaced")
	s.shot(t, "coach-replace-dialog")
	s.click(t, "cancel")
	s.run(t, chromedp.Sleep(400*time.Millisecond))
	assert.Equal(t, before, s.storedDoc(t, "gcoach").Course().Purpose, "cancel keeps it")

	s.click(t, "coach-use")
	s.click(t, "confirm-replace")
	s.run(t, chromedp.Sleep(500*time.Millisecond))
	assert.Equal(t, "Check guests in", s.storedDoc(t, "gcoach").Course().Purpose)
	s.click(t, "coach-undo")
	s.run(t, chromedp.Sleep(500*time.Millisecond))
	assert.Equal(t, before, s.storedDoc(t, "gcoach").Course().Purpose, "undo restores the old purpose")
	var text string
	s.eval(t, `document.querySelector('[data-test="coach-text"]').value`, &text)
	assert.Equal(t, "Check guests in", text, "the draft stays in the coach")

	// The draft is kept for the next visit.
	s.openPage(t, "coach.html", "coach")
	s.eval(t, `document.querySelector('[data-test="coach-text"]').value`, &text)
	assert.Equal(t, "Check guests in", text)
}

// TestSavedSurvivesKilledBrowser types, waits for "Saved on this device",
// kills the whole Chromium (SIGKILL, no chance to flush) at once, starts
// it again on the same profile and finds the work.
func TestSavedSurvivesKilledBrowser(t *testing.T) {
	needBrowser(t)
	profile, err := os.MkdirTemp("", "purposeful-profile-")
	require.NoError(t, err)
	t.Cleanup(func() { _ = os.RemoveAll(profile) })
	for round, word := range []string{"Baggage handler", "Ramp agent"} {
		s := launch(t, profile, 1024, 768)
		s.open(t, "#home")
		if round == 0 {
			s.newGrid(t)
		} else {
			s.open(t, "#activity")
			s.setText(t, "position", "")
		}
		s.typeText(t, "position", word)
		s.run(t, chromedp.Poll(`document.getElementById("save-state").dataset.state === "saved" &&
			document.getElementById("save-state").textContent === "Saved on this device"`, nil, chromedp.WithPollingInterval(5*time.Millisecond)))
		s.killBrowser(t)

		s = launch(t, profile, 1024, 768)
		s.open(t, "#home")
		assert.Contains(t, s.text(t, byTest("saved-list")), word, "round %d: the work typed before the kill is there", round)
		s.cancel()
	}
}

// killBrowser kills the Chromium process with SIGKILL, as the system
// does to a browser it needs the memory of.
func (s *session) killBrowser(t *testing.T) {
	t.Helper()
	c := chromedp.FromContext(s.ctx)
	require.NotNil(t, c.Browser)
	p := c.Browser.Process()
	require.NotNil(t, p)
	require.NoError(t, p.Kill())
	_, _ = p.Wait()
	s.cancel()
}
