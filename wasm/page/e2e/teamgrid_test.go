package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
)

// TestTeamWorkshopEndsInAGrid runs a workshop from a host and two phones
// to its end: ideas, the reveal, dots, a merge asked first and undone,
// criteria, adoption; everyone sees the adopted grid; the facilitator
// exports it (grid.Decode reads it), completes the workshop and copies
// the grid to the device to continue alone.
func TestTeamWorkshopEndsInAGrid(t *testing.T) {
	needBrowser(t)
	base := teamServer(t)
	fac := launch(t, "", 1280, 860)
	downloads := t.TempDir()
	fac.allowDownloads(t, downloads)
	phones := []*session{launch(t, "", 390, 844), launch(t, "", 375, 812)}

	code := hostWorkshop(t, fac, base, "alias")
	fac.waitFor(t, "the room", textHas("team-step", "Set the course"))
	nextStep(t, fac, "Involve the team")
	nextStep(t, fac, "Get creative")
	ideas := []string{"Walk first-time guests to the lift", "Greet returning guests by name", "Use the guest's name at check-in"}
	for i, p := range phones {
		joinWorkshop(t, p, base, code, []string{"Ana", "Ben"}[i], false)
		p.waitFor(t, "the room", textHas("team-step", "Get creative"))
	}
	addIdea(t, phones[0], ideas[0])
	addIdea(t, phones[0], ideas[1])
	addIdea(t, phones[1], ideas[2])
	fac.waitFor(t, "the private ideas", textHas("team-private", "3 ideas still private"))
	fac.click(t, "team-reveal")
	fac.waitFor(t, "the ideas", textHas("team-items", ideas[2]))

	nextStep(t, fac, "Mine for gold")
	fac.click(t, "team-voting-open")
	fac.run(t, chromedp.WaitVisible(byTest("team-voting-close"), chromedp.ByQuery))
	for _, p := range phones {
		p.waitFor(t, "the vote buttons", `!!document.querySelector('[data-test="team-vote-1"]')`)
		p.click(t, "team-vote-1")
		p.waitFor(t, "the dot counted", textHas("team-dots", "Dots left: 4 of 5"))
	}
	fac.click(t, "team-voting-close")
	fac.waitFor(t, "the totals", textHas("team-items", "2 dots"))

	// Merge the duplicate greeting (idea 2) into idea 1, asked first, then undo it.
	fac.run(t, chromedp.WaitVisible(byTest("team-merge-2"), chromedp.ByQuery))
	var target string
	fac.eval(t, `[...document.querySelectorAll('[data-test="team-merge-select-2"] option')].find(o => o.textContent === `+jsStr(ideas[1])+`).value`, &target)
	fac.run(t, chromedp.SetValue(byTest("team-merge-select-2"), target, chromedp.ByQuery))
	fac.click(t, "team-merge-2")
	fac.click(t, "confirm-merge")
	fac.waitFor(t, "the merged idea gone", `document.querySelectorAll('.team-item-text').length === 2`)
	fac.waitFor(t, "the undo", `!!document.querySelector('[data-test^="team-unmerge-"]')`)
	fac.run(t, chromedp.Click(`[data-test^="team-unmerge-"]`, chromedp.ByQuery))
	fac.waitFor(t, "the idea back", `document.querySelectorAll('.team-item-text').length === 3`)
	fac.run(t, chromedp.Click(`[data-test="team-merge-2"]`, chromedp.ByQuery))
	fac.click(t, "confirm-merge")
	fac.waitFor(t, "merged again", `document.querySelectorAll('.team-item-text').length === 2`)

	// Criteria and adoption. The room redraws as events arrive, so these
	// controls are pressed by script, found afresh each time.
	press := func(test string) {
		t.Helper()
		var ok bool
		fac.eval(t, `(() => { const e = document.querySelector('[data-test="`+test+`"]'); if (e) e.click(); return !!e })()`, &ok)
		require.True(t, ok, "no %s", test)
	}
	fac.waitFor(t, "the criteria", `!!document.querySelector('[data-test="team-met-1-0"]')`)
	press("team-met-1-0")
	fac.waitFor(t, "the criterion kept", textHas("team-item-1", "Criteria met (1 of 4)"))
	press("team-adopt-1")
	fac.waitFor(t, "adopted", `document.querySelector('[data-test="team-adopt-1"]').getAttribute("aria-pressed") === "true"`)
	nextStep(t, fac, "Summary")

	// Everyone sees the grid the workshop ends in.
	for _, p := range append(phones, fac) {
		p.waitFor(t, "the grid", textHas("team-grid", ideas[1]))
		assert.NotContains(t, p.text(t, byTest("team-grid")), ideas[0], "not adopted, not in the grid")
	}
	phones[0].shot(t, "team-grid-phone")

	// Export, complete, continue alone.
	fac.click(t, "team-export-json")
	fac.click(t, "team-export-csv")
	g, err := grid.Decode(waitFile(t, downloads, "check-in-ideas.json"))
	require.NoError(t, err, "the team's export opens with grid.Decode")
	require.Len(t, g.Adopted(), 1)
	assert.Equal(t, ideas[1], g.Adopted()[0].Text)
	assert.Equal(t, 2, g.Adopted()[0].Votes)
	require.NotNil(t, g.Adopted()[0].Score)
	assert.True(t, g.Adopted()[0].Score.Met(0))
	assert.Contains(t, string(waitFile(t, downloads, "check-in-ideas.csv")), ideas[1])
	fac.click(t, "team-complete")
	fac.waitFor(t, "completed", textHas("team-done", "Completed"))
	// Draft standards, as in solo mode: the grid is saved on the device
	// once (pressing "Continue alone" after it makes no second copy) as
	// the current grid, and the standards builder the link opens drafts
	// one standard per adopted idea.
	fac.click(t, "team-standards")
	fac.run(t, chromedp.WaitVisible(byTest("team-standards-open"), chromedp.ByQuery))
	fac.click(t, "team-solo")
	var keys []string
	fac.eval(t, `Object.keys(localStorage).filter(k => k.startsWith("purposeful.workshop."))`, &keys)
	require.Len(t, keys, 1, "the team's grid is saved on this device once")
	var current, saved string
	fac.eval(t, `localStorage.getItem("purposeful.current") || ""`, &current)
	assert.Equal(t, "purposeful.workshop."+current, keys[0], "and opens as the current grid")
	fac.eval(t, `localStorage.getItem("`+keys[0]+`")`, &saved)
	assert.Contains(t, saved, ideas[1], "with the adopted idea, to continue alone on this device")
	fac.click(t, "team-standards-open")
	fac.run(t, chromedp.WaitVisible(`#app[data-ready="1"] .screen[data-screen="standards"] [data-test="standard-0"]`, chromedp.ByQuery))
	var cards int
	var statement string
	fac.eval(t, `document.querySelectorAll('[data-test^="standard-"]').length`, &cards)
	assert.Equal(t, 1, cards, "one draft standard for the one adopted idea")
	fac.eval(t, `document.querySelector('[data-test="statement-0"]').value`, &statement)
	assert.Contains(t, statement, ideas[1], "drafted from the adopted idea")

	// The team server serves the page on its own origin, where the grid
	// was saved: the activity there continues it.
	var ok bool
	fac.eval(t, `location.assign("index.html#activity"); true`, &ok)
	fac.run(t, chromedp.WaitVisible(`#app[data-ready="1"] .screen[data-screen="activity"] [data-test="grid-table"]`, chromedp.ByQuery))
	assert.Contains(t, fac.text(t, byTest("grid-table")), ideas[1], "the team's grid continues alone on this device")
}

// TestSoloGridOpensForATeam starts a grid alone on the device, then opens
// a team workshop from it: the course and the ideas are there without
// retyping.
func TestSoloGridOpensForATeam(t *testing.T) {
	needBrowser(t)
	base := teamServer(t)
	fac := launch(t, "", 1280, 860)
	fac.load(t, base+"#home", "home")
	fac.newGrid(t)
	fac.typeText(t, "position", "Nurse")
	fac.typeText(t, "process", "Patient discharge")
	fac.typeText(t, "purpose", "Patients go home confident and safe")
	fac.click(t, "step-creative")
	idea := "Write the ward's phone number on the discharge letter"
	fac.typeText(t, "idea-text", idea)
	fac.click(t, "idea-add")
	fac.waitFor(t, "saved", `document.getElementById("save-state").dataset.state === "saved"`)

	fac.openAt(t, base+"team.html#host")
	fac.waitFor(t, "the host form", textHas("team-host", "starts from the grid open on this device"))
	var pos string
	fac.eval(t, `document.querySelector('[data-test="team-position"]').value`, &pos)
	assert.Equal(t, "Nurse", pos)
	fac.typeText(t, "team-host-name", "Sam Lee")
	fac.click(t, "team-open")
	fac.waitFor(t, "the solo idea in the team", textHas("team-items", idea))
}
