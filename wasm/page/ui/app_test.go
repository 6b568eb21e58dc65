package ui_test

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
	"github.com/purposefulcx/purposeful/wasm/page/ui/uitest"
)

// fakeServices gives predictable analyses.
func fakeServices() ui.Services {
	return ui.Services{
		Classify: func(text string) (ui.Hint, bool) {
			if strings.HasPrefix(strings.ToLower(text), "run ") || strings.HasPrefix(strings.ToLower(text), "take ") {
				return ui.Hint{Kind: "skill"}, true
			}
			return ui.Hint{Kind: "knowledge"}, true
		},
		AnalyzePurpose: func(text string) (ui.PurposeReport, error) {
			r := ui.PurposeReport{Verdict: "function", Score: 40}
			if i := strings.Index(text, "guests"); i >= 0 {
				r.Verdict, r.Score = "purpose", 80
				r.Beneficiaries = []string{"guests"}
				r.Marks = append(r.Marks, ui.Mark{Start: i, End: i + 6, Class: "purpose", Label: "who benefits"})
			}
			return r, nil
		},
		Climb: func(function string, answers []string) (ui.LadderReport, error) {
			r := ui.LadderReport{Max: 5, State: "climbing", Next: "Why does that matter to the guest?"}
			r.Rungs = append(r.Rungs, ui.Rung{Text: function, Step: "start", Note: "a task"})
			for _, a := range answers {
				r.Rungs = append(r.Rungs, ui.Rung{Question: "Why does that matter to the guest?", Text: a, Step: "closer"})
				if strings.Contains(a, "guests") {
					r.State, r.Next, r.Purpose = "reached", "", a
				}
			}
			return r, nil
		},
	}
}

func start(t *testing.T, h *uitest.Host) *ui.App {
	t.Helper()
	a := ui.New(h, fakeServices())
	a.Start()
	require.Equal(t, "1", h.El("app").Attr("data-ready"))
	return a
}

func app(h *uitest.Host) *uitest.El { return h.El("app") }

func find(t *testing.T, h *uitest.Host, test string) *uitest.El {
	t.Helper()
	e := app(h).ByTest(test)
	require.NotNil(t, e, "no element data-test=%q", test)
	return e
}

func newGrid(t *testing.T, h *uitest.Host) {
	t.Helper()
	find(t, h, "new-grid").Click()
	require.Equal(t, "activity", h.HashValue)
}

func TestHomeThenNewGridAutosaves(t *testing.T) {
	h := uitest.New()
	a := start(t, h)
	assert.Contains(t, app(h).TextContent(), "No grids yet")
	newGrid(t, h)
	find(t, h, "position").Type("Front-desk agent")
	find(t, h, "process").Type("Guest check-in")
	assert.Equal(t, "Front-desk agent · Guest check-in", find(t, h, "grid-title").TextContent())
	assert.Equal(t, "saving", h.El("save-state").Attr("data-state"))

	// Saved within the half second, not before the delay.
	id := a.Doc().ID
	h.Advance(ui.SaveDelay - time.Millisecond)
	d, err := ui.Library{S: h.Store}.Load(id)
	require.NoError(t, err)
	assert.Empty(t, d.Course().Position, "not yet written")
	h.Advance(time.Millisecond)
	require.LessOrEqual(t, ui.SaveDelay, 500*time.Millisecond)
	d, err = ui.Library{S: h.Store}.Load(id)
	require.NoError(t, err)
	assert.Equal(t, "Front-desk agent", d.Course().Position)
	assert.Equal(t, "saved", h.El("save-state").Attr("data-state"))

	// Hiding the page writes at once.
	find(t, h, "position").Type("Concierge")
	h.Hide()
	d, _ = ui.Library{S: h.Store}.Load(id)
	assert.Equal(t, "Concierge", d.Course().Position)

	// A fresh start (a reload) reopens the grid.
	h2 := uitest.New()
	h2.Store = h.Store
	h2.HashValue = "activity"
	start(t, h2)
	assert.Equal(t, "Concierge", find(t, h2, "position").Value())
}

func TestPhasesAnnounceAndMoveFocus(t *testing.T) {
	h := uitest.New()
	start(t, h)
	newGrid(t, h)
	find(t, h, "next").Click()
	title := find(t, h, "phase-title")
	assert.Equal(t, "Involve the team", title.TextContent())
	assert.True(t, title.Focused, "focus on the step heading")
	assert.Equal(t, "Step 2 of 5: Involve the team", h.El("announcer").TextContent())
	assert.Equal(t, "step", find(t, h, "step-team").Attr("aria-current"))
	assert.Equal(t, "page", h.El("nav-activity").Attr("aria-current"), "the nav marks the current screen")
	assert.Empty(t, h.El("nav-home").Attr("aria-current"))
	find(t, h, "step-summary").Click()
	assert.Equal(t, "Summary", find(t, h, "phase-title").TextContent())
	_, disabled := find(t, h, "next").Attrs["disabled"]
	assert.True(t, disabled, "no step after the summary")
}

func TestTeamColumnsWithHints(t *testing.T) {
	h := uitest.New()
	a := start(t, h)
	newGrid(t, h)
	find(t, h, "step-team").Click()
	in := find(t, h, "knowledge-new")
	in.Type("Run the reservation system")
	col := app(h).Find("class", "list-editor column-knowledge")
	assert.Contains(t, col.TextContent(), "This reads like a job skill. It may belong in the other column.")
	in.Key("Enter")
	assert.Equal(t, "Run the reservation system", a.Doc().Grid().Knowledge[0].Text)
	assert.True(t, find(t, h, "knowledge-new").Focused, "focus stays on the add field")
	find(t, h, "skill-new").Type("Take payment")
	find(t, h, "skill-add").Click()
	assert.Equal(t, "Take payment", a.Doc().Grid().Skills[0].Text)
	assert.Contains(t, app(h).Find("class", "list-editor column-skill").TextContent(), "This reads like a job skill.")
	find(t, h, "skill-new").Key("Enter")
	assert.Len(t, a.Doc().Grid().Skills, 1, "empty entries are not added")
}

func TestTimerRunsPausesExtends(t *testing.T) {
	h := uitest.New()
	a := start(t, h)
	newGrid(t, h)
	find(t, h, "step-creative").Click()
	find(t, h, "timer-length").Type("15")
	find(t, h, "timer-start").Click()
	assert.Equal(t, "Pause", find(t, h, "timer-start").TextContent())
	h.Advance(61 * time.Second)
	assert.Equal(t, "13:59", find(t, h, "timer-clock").TextContent())
	find(t, h, "timer-start").Click()
	h.Advance(time.Hour)
	assert.Equal(t, "13:59", find(t, h, "timer-clock").TextContent(), "paused")
	find(t, h, "timer-extend").Click()
	assert.Equal(t, "18:59", find(t, h, "timer-clock").TextContent())
	assert.Contains(t, h.El("announcer").TextContent(), "Five minutes added")
	find(t, h, "timer-start").Click()
	h.Advance(15 * time.Minute)
	assert.Equal(t, "3:59", find(t, h, "timer-clock").TextContent())
	assert.Contains(t, h.El("announcer").TextContent(), "minutes left")
	// Leaving the step stops the ticking.
	find(t, h, "step-gold").Click()
	before := h.Listeners
	h.Advance(10 * time.Second)
	assert.Equal(t, before, h.Listeners)
	assert.True(t, a.Doc().View(h.Now()).Timer.Running, "the time-box keeps running in the document")
}

func TestGoldVotingMergeAdoptAndExport(t *testing.T) {
	h := uitest.New()
	a := start(t, h)
	newGrid(t, h)
	find(t, h, "position").Type("Nurse")
	find(t, h, "step-creative").Click()
	for _, s := range []string{"Explain what happens next", "Offer a warm blanket", "Explain the next steps"} {
		find(t, h, "idea-text").Type(s)
		find(t, h, "idea-add").Click()
	}
	assert.Contains(t, h.El("announcer").TextContent(), "3 cards so far")
	find(t, h, "idea-text").Type("  ")
	find(t, h, "idea-add").Click()
	assert.Len(t, a.Doc().Grid().Purposeful, 3, "blank cards are refused")
	find(t, h, "next").Click()
	find(t, h, "vote-0").Click()
	find(t, h, "vote-0").Click()
	assert.True(t, find(t, h, "vote-0").Focused, "focus stays on the vote button after re-render")
	find(t, h, "vote-2").Click()
	assert.Equal(t, "Explain the next steps", goldList(h)[1], "one dot: second in the list")
	sel := find(t, h, "merge-select-1")
	sel.SetValue(a.Doc().Grid().Purposeful[0].ID)
	find(t, h, "merge-1").Click()
	find(t, h, "confirm-merge").Click()
	assert.Equal(t, "3", find(t, h, "votes-0").TextContent())
	assert.Len(t, a.Doc().Grid().Purposeful, 2)
	find(t, h, "adopt-0").Click()
	assert.Equal(t, "true", find(t, h, "adopt-0").Attr("aria-pressed"))
	find(t, h, "met-0-1").Fire(ui.Event{Type: "change"})
	assert.True(t, a.Doc().Grid().Purposeful[0].Score.Met(1))
	assert.Equal(t, 1, a.Doc().Grid().Purposeful[0].Score.MetCount())
	find(t, h, "next").Click()
	assert.Contains(t, find(t, h, "grid-table").TextContent(), "Explain what happens next")
	for _, k := range []string{"json", "csv", "md", "svg"} {
		find(t, h, "export-"+k).Click()
	}
	require.Len(t, h.Downloads, 4)
	assert.Equal(t, "nurse.json", h.Downloads[0].Name)
	d, err := grid.DecodeDraft(h.Downloads[0].Data)
	require.NoError(t, err)
	assert.Len(t, d.Adopted(), 1)
	assert.Equal(t, "text/csv", h.Downloads[1].Mime)
	assert.True(t, strings.HasPrefix(string(h.Downloads[3].Data), "<svg"))
	find(t, h, "print").Click()
	assert.Equal(t, 1, h.Printed)
}

func importFile(t *testing.T, h *uitest.Host, name string, data []byte) {
	t.Helper()
	h.NextFile = uitest.Download{Name: name, Data: data}
	find(t, h, "import").Click()
}

func TestImportNeverReplacesWithoutAsking(t *testing.T) {
	h := uitest.New()
	a := start(t, h)
	newGrid(t, h)
	find(t, h, "position").Type("Cashier")
	id := a.Doc().ID
	h.SetHash("home")
	h.Advance(time.Second)
	keys := len(h.Store)

	importFile(t, h, "bad.json", []byte(`{"version":"purposeful.workshop/v1","id":"x","knowledge":[{"id":"k","text":""}],"bogus":1}`))
	status := find(t, h, "import-status")
	assert.Equal(t, "error", status.Attr("data-kind"))
	assert.Equal(t, "alert", status.Attr("role"))
	assert.Contains(t, status.TextContent(), "bogus: unknown field")
	assert.Contains(t, status.TextContent(), "Nothing was changed")
	assert.Len(t, h.Store, keys)

	b, err := grid.Encode(&grid.Grid{ID: id, Position: "Nurse"})
	require.NoError(t, err)
	importFile(t, h, "same.json", b)
	dlg := find(t, h, "dialog")
	assert.Equal(t, "alertdialog", dlg.Attr("role"))
	assert.True(t, find(t, h, "import-keep-both").Focused)
	dlg.Key("Escape")
	assert.Nil(t, app(h).ByTest("dialog"))
	got, _ := ui.Library{S: h.Store}.Load(id)
	assert.Equal(t, "Cashier", got.Course().Position, "cancel keeps the saved grid")

	importFile(t, h, "same.json", b)
	find(t, h, "import-keep-both").Click()
	assert.Len(t, ui.Library{S: h.Store}.List(), 2)
	got, _ = ui.Library{S: h.Store}.Load(id)
	assert.Equal(t, "Cashier", got.Course().Position)

	importFile(t, h, "same.json", b)
	find(t, h, "import-replace").Click()
	got, _ = ui.Library{S: h.Store}.Load(id)
	assert.Equal(t, "Nurse", got.Course().Position, "replace only when chosen")
	assert.Equal(t, "Nurse", a.Doc().Course().Position, "the open grid follows")
}

func TestDeleteAsksFirst(t *testing.T) {
	h := uitest.New()
	a := start(t, h)
	newGrid(t, h)
	id := a.Doc().ID
	h.SetHash("home")
	find(t, h, "delete-"+id).Click()
	find(t, h, "cancel").Click()
	assert.True(t, ui.Library{S: h.Store}.Has(id))
	assert.True(t, find(t, h, "delete-"+id).Focused, "focus returns to the button")
	find(t, h, "delete-"+id).Click()
	find(t, h, "confirm-delete").Click()
	assert.False(t, ui.Library{S: h.Store}.Has(id))
	assert.Nil(t, a.Doc())
}

// TestUserTextIsNeverMarkup types markup everywhere and checks the page
// holds it as text: no element is ever created from user input.
func TestUserTextIsNeverMarkup(t *testing.T) {
	h := uitest.New()
	start(t, h)
	newGrid(t, h)
	p := `<img src=x onerror=alert(1)><script>alert(2)</script>`
	for _, f := range []string{"position", "process", "purpose", "objective"} {
		find(t, h, f).Type(p)
	}
	find(t, h, "value-new").Type(p)
	find(t, h, "value-add").Click()
	find(t, h, "step-team").Click()
	find(t, h, "knowledge-new").Type(p)
	find(t, h, "knowledge-add").Click()
	find(t, h, "step-creative").Click()
	find(t, h, "idea-text").Type(p)
	find(t, h, "idea-add").Click()
	find(t, h, "step-gold").Click()
	find(t, h, "adopt-0").Click()
	find(t, h, "step-summary").Click()
	for _, hash := range []string{"home", "coach", "activity"} {
		h.SetHash(hash)
		for _, tag := range []string{"img", "script"} {
			for _, e := range app(h).FindAll("src", "x") {
				t.Errorf("%s: element from user text: %s", hash, e.Tag)
			}
			_ = tag
		}
	}
	var scripts int
	var walk func(e *uitest.El)
	walk = func(e *uitest.El) {
		if e.Tag == "script" {
			scripts++
		}
		for _, k := range e.Kids {
			walk(k)
		}
	}
	walk(app(h))
	assert.Zero(t, scripts)
	assert.Contains(t, find(t, h, "grid-table").TextContent(), p, "shown literally")
}

func TestListenersAreReleased(t *testing.T) {
	h := uitest.New()
	start(t, h)
	newGrid(t, h)
	h.SetHash("home")
	base := h.Listeners
	for i := 0; i < 5; i++ {
		for _, s := range []string{"activity", "coach", "standards", "home"} {
			h.SetHash(s)
		}
	}
	assert.Equal(t, base, h.Listeners, "no listener leaks across screens")
}

// TestCoachWarmsUpWhenIdle checks the coach runs the analysis on its
// sample sentences once the page is idle (so the browser has compiled it
// before the first keystroke), and that this touches nothing on screen.
func TestCoachWarmsUpWhenIdle(t *testing.T) {
	h := uitest.New()
	svc := fakeServices()
	var seen []string
	analyze := svc.AnalyzePurpose
	svc.AnalyzePurpose = func(text string) (ui.PurposeReport, error) {
		seen = append(seen, text)
		return analyze(text)
	}
	a := ui.New(h, svc)
	a.Only = "coach"
	a.EnableCoach()
	a.Start()
	before := app(h).TextContent()
	require.Len(t, seen, 1, "only the statement itself is analysed before the page is ready")
	h.Advance(time.Millisecond)
	require.Greater(t, len(seen), 20, "the warm-up typed its sentences once the page was idle")
	assert.Less(t, len(seen[1]), len(seen[2]), "a few characters at a time")
	n := len(seen)
	h.Advance(time.Second)
	assert.Equal(t, n, len(seen), "and then stopped")
	assert.Equal(t, before, app(h).TextContent(), "the warm-up changes nothing on screen")
	_, keys := a.Perf()
	assert.Equal(t, 1, keys, "warm-up runs are not counted as keystrokes")
}

// TestCoachMirrorFollowsEveryKeystroke types a statement one key at a
// time, then edits its middle: after every key the highlighted copy reads
// exactly as the text with its marks, and typing at the end keeps the
// earlier highlights as they are (only the changed span is rewritten).
func TestCoachMirrorFollowsEveryKeystroke(t *testing.T) {
	h := uitest.New()
	a := ui.New(h, fakeServices())
	a.Only = "coach"
	a.EnableCoach()
	a.Start()
	in := find(t, h, "coach-text")
	mirror := find(t, h, "mirror")
	want := func(text string) string {
		if i := strings.Index(text, "guests"); i >= 0 {
			return text[:i+6] + " (who benefits)" + text[i+6:]
		}
		return text
	}
	text := "We welcome guests warmly every day"
	var mark *uitest.El
	for i := range text {
		in.Type(text[:i+1])
		require.Equal(t, want(text[:i+1]), mirror.TextContent(), "after %q", text[:i+1])
		marks := mirror.FindAll("class", "mark-purpose")
		if i+1 < strings.Index(text, "guests")+6 {
			require.Empty(t, marks)
			continue
		}
		require.Len(t, marks, 1)
		if mark == nil {
			mark = marks[0]
		}
		assert.Same(t, mark, marks[0], "the highlight is kept while typing after it")
	}
	for _, edit := range []string{"We greet guests warmly every day", "We greet everyone warmly", "", "Guests and guests"} {
		in.Type(edit)
		assert.Equal(t, want(edit), mirror.TextContent(), "after %q", edit)
		named := strings.Contains(edit, "guests")
		assert.Equal(t, !named, strings.Contains(app(h).TextContent(), "Nobody named yet"), "the who-benefits list after %q", edit)
	}
}

func TestCoachLiveAnalysisAndLadder(t *testing.T) {
	h := uitest.New()
	a := start(t, h)
	newGrid(t, h)
	h.Hide()
	// The coach page: same storage, its own program pinned to the coach.
	h2 := uitest.New()
	h2.Store = h.Store
	a = ui.New(h2, fakeServices())
	a.Only = "coach"
	a.EnableCoach()
	a.Start()
	h = h2
	in := find(t, h, "coach-text")
	in.Type("To welcome guests warmly")
	assert.Equal(t, "80", find(t, h, "score").TextContent())
	mirror := find(t, h, "mirror")
	marks := mirror.FindAll("class", "mark-purpose")
	require.Len(t, marks, 1)
	assert.Equal(t, "guests", marks[0].TextContent())
	assert.Equal(t, "To welcome guests (who benefits) warmly", mirror.TextContent())
	assert.Empty(t, a.Doc().Course().Purpose, "typing in the coach leaves the grid's purpose alone")
	find(t, h, "coach-use").Click()
	assert.Equal(t, "To welcome guests warmly", a.Doc().Course().Purpose, "used as the grid's purpose (it had none: no question)")
	p95, n := a.Perf()
	assert.Equal(t, 2, n, "one timing per analysis (first render and the edit)")
	assert.GreaterOrEqual(t, p95, time.Duration(0))

	l0 := find(t, h, "ladder-0")
	l0.Type("Check guests in")
	l1 := find(t, h, "ladder-1")
	assert.True(t, l1.Focused)
	l1.Type("So guests can rest")
	find(t, h, "ladder-use").Click()
	assert.Equal(t, "So guests can rest", find(t, h, "coach-text").Value())
	assert.Equal(t, []string{"Check guests in", "So guests can rest"}, a.Doc().Ladder)
}

func TestUnknownHashShowsHome(t *testing.T) {
	h := uitest.New()
	h.HashValue = "nowhere"
	start(t, h)
	assert.Equal(t, "home", app(h).Find("class", "screen").Attr("data-screen"))
}

func TestStorageFailureIsShown(t *testing.T) {
	h := uitest.New()
	start(t, h)
	newGrid(t, h)
	h.FailWrites = true
	find(t, h, "position").Type("Nurse")
	h.Advance(time.Second)
	assert.Equal(t, "error", h.El("save-state").Attr("data-state"))
	assert.Contains(t, h.El("alerts").TextContent(), "could not be saved")
	h.FailWrites = false
	find(t, h, "position").Type("Nurse 2")
	h.Advance(time.Second)
	assert.Equal(t, "saved", h.El("save-state").Attr("data-state"), "recovers once storage works")
}

func TestWorkshopPageLinksToTheOtherPages(t *testing.T) {
	h := uitest.New()
	start(t, h)
	for screen, link := range map[string]string{"coach": "coach.html", "standards": "standards.html", "recovery": "recovery.html", "checklists": "checklists.html"} {
		h.SetHash(screen)
		a := find(t, h, "to-"+screen)
		assert.Equal(t, link, a.Attr("href"), screen)
		assert.Equal(t, "a", a.Tag, "a real link, so it works with the keyboard and opens in a new tab")
	}
}

func TestOnlyPinsTheScreen(t *testing.T) {
	h := uitest.New()
	a := ui.New(h, fakeServices())
	a.Only = "checklists"
	a.Start()
	assert.Equal(t, "checklists", app(h).Find("class", "screen").Attr("data-screen"))
	h.SetHash("home")
	assert.Equal(t, "checklists", app(h).Find("class", "screen").Attr("data-screen"), "the checklists page shows only the checklists")
}

// goldList is the text of each idea in "mine for gold", top to bottom.
func goldList(h *uitest.Host) []string {
	var out []string
	for _, li := range app(h).ByTest("gold-list").FindAll("class", "gold") {
		out = append(out, li.Find("class", "gold-text").TextContent())
	}
	return out
}

func TestGoldSortsByVotesAndUndoes(t *testing.T) {
	h := uitest.New()
	a := start(t, h)
	newGrid(t, h)
	find(t, h, "step-creative").Click()
	for _, s := range []string{"Offer a warm blanket", "Explain what happens next", "Sit down to talk"} {
		find(t, h, "idea-text").Type(s)
		find(t, h, "idea-add").Click()
	}
	find(t, h, "next").Click()
	find(t, h, "vote-2").Click() // Sit down to talk
	assert.Equal(t, []string{"Sit down to talk", "Offer a warm blanket", "Explain what happens next"}, goldList(h), "most dots first")
	assert.True(t, find(t, h, "vote-0").Focused, "focus follows the idea to its new place")
	find(t, h, "vote-2").Click() // Explain what happens next
	assert.Equal(t, []string{"Explain what happens next", "Sit down to talk", "Offer a warm blanket"}, goldList(h), "ties keep the order they were written in")
	find(t, h, "vote-0").Click()
	assert.Equal(t, "2", find(t, h, "votes-0").TextContent())

	// Undo a vote.
	assert.Equal(t, "Undo: a dot on “Explain what happens next”", find(t, h, "undo").TextContent())
	find(t, h, "undo").Click()
	assert.Equal(t, "1", find(t, h, "votes-0").TextContent())

	// Merge asks first; keeping both changes nothing.
	find(t, h, "merge-select-1").SetValue(a.Doc().Grid().Purposeful[1].ID) // Sit down to talk into Explain what happens next
	find(t, h, "merge-1").Click()
	require.NotNil(t, app(h).ByTest("dialog"), "merge asks for confirmation")
	find(t, h, "cancel").Click()
	assert.Len(t, goldList(h), 3)
	find(t, h, "merge-1").Click()
	find(t, h, "confirm-merge").Click()
	assert.Equal(t, []string{"Explain what happens next", "Offer a warm blanket"}, goldList(h))
	assert.Equal(t, "2", find(t, h, "votes-0").TextContent())
	find(t, h, "adopt-0").Click()
	assert.Len(t, a.Doc().Grid().Adopted(), 1)

	// Undo the adoption, then the merge: the merged idea comes back with its dot.
	find(t, h, "undo").Click()
	assert.Empty(t, a.Doc().Grid().Adopted())
	find(t, h, "undo").Click()
	assert.Equal(t, []string{"Explain what happens next", "Sit down to talk", "Offer a warm blanket"}, goldList(h))
	assert.Equal(t, "1", find(t, h, "votes-1").TextContent())
	assert.Contains(t, h.El("announcer").TextContent(), "Undone")

	// Undo a removed card.
	find(t, h, "prev").Click()
	app(h).ByTest("cards").FindAll("aria-label", "Remove card: Offer a warm blanket")[0].Click()
	assert.Len(t, a.Doc().Grid().Purposeful, 2)
	find(t, h, "undo").Click()
	assert.Len(t, a.Doc().Grid().Purposeful, 3)
	assert.Contains(t, app(h).ByTest("cards").TextContent(), "Offer a warm blanket")
}

func TestBehaviourResetsForEachCard(t *testing.T) {
	h := uitest.New()
	a := start(t, h)
	newGrid(t, h)
	find(t, h, "step-creative").Click()
	find(t, h, "idea-text").Type("Ask about the guest's trip")
	find(t, h, "idea-tag").SetValue("Genuine interest")
	find(t, h, "idea-add").Click()
	assert.Equal(t, "—", find(t, h, "idea-tag").Value(), "the next card starts without a behaviour")
	find(t, h, "idea-text").Type("Offer a map of the old town")
	find(t, h, "idea-add").Click()
	ideas := a.Doc().Grid().Purposeful
	require.Len(t, ideas, 2)
	assert.Equal(t, []grid.Tag{grid.GenuineInterest}, ideas[0].Tags)
	assert.Empty(t, ideas[1].Tags)
}

func TestWarningsShowOnEachItem(t *testing.T) {
	h := uitest.New()
	start(t, h)
	newGrid(t, h)
	find(t, h, "step-creative").Click()
	for _, s := range []string{"Be nice", "Walk first-time guests to the lift"} {
		find(t, h, "idea-text").Type(s)
		find(t, h, "idea-add").Click()
	}
	cards := find(t, h, "cards").FindAll("class", "evidence")
	require.Len(t, cards, 2)
	w := cards[0].Find("data-rule", grid.RuleNotObservable)
	require.NotNil(t, w, "“Be nice” is flagged as it is added")
	assert.Contains(t, w.TextContent(), "nobody can see", "with the reason")
	assert.Contains(t, w.TextContent(), "say what someone would see or hear", "and a fix")
	assert.Nil(t, cards[1].Find("data-rule", grid.RuleNotObservable), "an observable action is not")
	find(t, h, "next").Click()
	assert.NotNil(t, find(t, h, "gold-list").Find("data-rule", grid.RuleNotObservable), "and while mining for gold")
}

// TestHomeCoverageIsThePortfolios: the home screen's coverage table reads
// the saved grids as grid.Portfolio.Coverage does: one row for a position
// however it was typed, the adopted ideas of both grids in its cell, and
// "done" only for a grid with knowledge, skills and adopted ideas.
func TestHomeCoverageIsThePortfolios(t *testing.T) {
	h := uitest.New()
	start(t, h)
	done := grid.SampleFrontDesk()
	done.ID = "g-done"
	started := &grid.Grid{ID: "g-started", Position: "  front-desk   AGENT", Process: "guest check-in"}
	for _, g := range []*grid.Grid{done, started} {
		b, err := grid.Encode(g)
		require.NoError(t, err)
		importFile(t, h, g.ID+".json", b)
	}
	h.SetHash("activity")
	h.SetHash("home")

	want := (&grid.Portfolio{Grids: []grid.Grid{*done, *started}}).Coverage()
	require.Len(t, want.Positions, 1)
	require.Len(t, want.Processes, 1)
	n := want.Adopted[0][0]
	require.Positive(t, n)
	tbl := find(t, h, "coverage")
	rows := tbl.FindAll("scope", "row")
	require.Len(t, rows, 1, "one position, however it was typed")
	assert.Equal(t, "Front-desk agent", rows[0].TextContent())
	cells := tbl.FindAll("class", "cell-done")
	require.Len(t, cells, 1)
	assert.Equal(t, strconv.Itoa(n)+" ✓", cells[0].TextContent())
	assert.Equal(t, strconv.Itoa(n)+" adopted ideas, done", cells[0].Attr("aria-label"))

	// With only the grid just started, the pair is in progress.
	find(t, h, "delete-g-done").Click()
	find(t, h, "confirm-delete").Click()
	tbl = find(t, h, "coverage")
	assert.Empty(t, tbl.FindAll("class", "cell-done"))
	cells = tbl.FindAll("class", "cell-some")
	require.Len(t, cells, 1)
	assert.Equal(t, "0 adopted ideas, in progress", cells[0].Attr("aria-label"))
}
