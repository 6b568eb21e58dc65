package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/store/sqlite"
)

// teamServer serves the built page and the API from one origin, as the
// local server does (wasm/server), with a temporary SQLite file.
func teamServer(t *testing.T) string {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "team.sqlite"))
	require.NoError(t, err)
	srv := httptest.NewServer(api.New(api.Config{Store: st, PublicOrg: "local", Pages: http.FileServer(http.Dir(siteDir))}))
	t.Cleanup(func() { srv.Close(); _ = st.DB().Close() })
	return srv.URL + "/"
}

// openAt loads url and waits for the team screen.
func (s *session) openAt(t *testing.T, url string) {
	t.Helper()
	s.load(t, url, "team")
}

// waitFor waits until the JavaScript condition is true (the team screen
// polls every second, so changes take a moment to arrive).
func (s *session) waitFor(t *testing.T, what, cond string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 20*time.Second)
	defer cancel()
	err := chromedp.Run(ctx, chromedp.Poll(cond, nil, chromedp.WithPollingInterval(100*time.Millisecond)))
	if err != nil {
		var body string
		_ = chromedp.Run(s.ctx, chromedp.Evaluate(`document.querySelector("#app") ? document.querySelector("#app").innerText : ""`, &body))
		t.Fatalf("waiting for %s: %v\npage:\n%s", what, err, body)
	}
}

func textHas(test, want string) string {
	return `(document.querySelector('[data-test="` + test + `"]') || {textContent: ""}).textContent.includes(` + jsStr(want) + `)`
}

// hostWorkshop opens a workshop from the facilitator's context and
// returns the join code.
func hostWorkshop(t *testing.T, fac *session, base, anonymity string) string {
	t.Helper()
	fac.openAt(t, base+"team.html#host")
	fac.typeText(t, "team-host-name", "Fatima Haddad")
	fac.typeText(t, "team-title", "Check-in ideas")
	fac.typeText(t, "team-position", "Front-desk agent")
	fac.typeText(t, "team-purpose", "Guests feel at home from the first minute")
	fac.typeText(t, "team-process", "Check-in")
	fac.run(t, chromedp.SetValue(byTest("team-anonymity"), anonymity, chromedp.ByQuery))
	fac.click(t, "team-open")
	fac.waitFor(t, "the join code", `!!document.querySelector('[data-test="join-code"]')`)
	code := strings.TrimSpace(fac.text(t, byTest("join-code")))
	require.Regexp(t, `^[A-Z0-9]{4}-[A-Z0-9]{4}$`, code)
	return code
}

// nextStep moves the facilitator's workshop on and waits for the step.
func nextStep(t *testing.T, fac *session, title string) {
	t.Helper()
	fac.click(t, "team-next")
	fac.waitFor(t, "step "+title, textHas("team-step", title))
}

// joinWorkshop joins with the code typed in (link false) or by opening
// the facilitator's join link, which fills the code in.
func joinWorkshop(t *testing.T, par *session, base, code, name string, link bool) {
	t.Helper()
	if link {
		par.openAt(t, base+"team.html#join/"+code)
		var got string
		par.eval(t, `document.querySelector('[data-test="team-code"]').value`, &got)
		require.Equal(t, code, got, "the link fills the code in")
	} else {
		par.openAt(t, base+"team.html#join")
		par.typeText(t, "team-code", strings.ToLower(strings.ReplaceAll(code, "-", "")))
	}
	par.typeText(t, "team-name", name)
	par.click(t, "team-join-btn")
	par.run(t, chromedp.WaitVisible(byTest("team-room"), chromedp.ByQuery))
}

func addIdea(t *testing.T, par *session, idea string) {
	t.Helper()
	par.setText(t, "team-idea", idea)
	par.click(t, "team-idea-add")
}

// countIdea counts the facilitator's cards with exactly this text.
func countIdea(t *testing.T, s *session, idea string) int {
	t.Helper()
	var n int
	s.eval(t, `[...document.querySelectorAll(".team-item-text")].filter(e => e.textContent === `+jsStr(idea)+`).length`, &n)
	return n
}

// TestTeamMode runs a team workshop with two browsers (separate profiles)
// against the page and the API on one origin: the facilitator opens it,
// a participant joins with the code from a phone-width screen, writes a
// private idea, the facilitator reveals it, the participant votes; the
// anonymous session never shows the participant's name; an idea added
// while the participant is offline arrives exactly once when the
// connection returns. axe checks every team screen on the way.
func TestTeamMode(t *testing.T) {
	needBrowser(t)
	src := axeSource(t)
	base := teamServer(t)
	fac := launch(t, "", 1280, 860)
	par := launch(t, "", 375, 812)
	axeClean := func(s *session, where string) {
		t.Helper()
		assert.Empty(t, s.axe(t, src), "%s: serious or critical axe violations", where)
	}

	par.openAt(t, base+"team.html")
	axeClean(par, "team start (phone)")
	par.shot(t, "team-start-phone")

	code := hostWorkshop(t, fac, base, "anonymous")
	link := fac.text(t, byTest("join-link"))
	assert.Equal(t, strings.TrimSuffix(base, "/")+"/team.html#join/"+code, link, "the join link carries the code")
	fac.waitFor(t, "the room", textHas("team-step", "Set the course"))
	axeClean(fac, "facilitator room")
	nextStep(t, fac, "Involve the team")
	nextStep(t, fac, "Get creative")

	const name = "Ana Quintero"
	joinWorkshop(t, par, base, code, name, false)
	par.waitFor(t, "the participant's room", textHas("team-step", "Get creative"))
	fac.waitFor(t, "the participant in the room", textHas("team-people", "1 participant joined"))

	idea := "Walk first-time guests to the lift and point out the breakfast room"
	addIdea(t, par, idea)
	par.waitFor(t, "the private idea", textHas("team-items", idea))
	assert.Contains(t, par.text(t, byTest("team-items")), "Private until the reveal")
	axeClean(par, "participant room (phone)")
	par.shot(t, "team-participant-phone")

	fac.waitFor(t, "the private count", textHas("team-private", "1 idea still private"))
	assert.Zero(t, countIdea(t, fac, idea), "a private idea is not shown to the facilitator before the reveal")
	fac.click(t, "team-reveal")
	fac.waitFor(t, "the revealed idea", textHas("team-items", idea))
	assert.Equal(t, 1, countIdea(t, fac, idea))

	// Offline: the idea waits on the device and arrives once.
	par.run(t, network.Enable(), network.EmulateNetworkConditions(true, 0, -1, -1))
	offline := "Remember returning guests and greet them by name"
	addIdea(t, par, offline)
	par.waitFor(t, "the offline status", `document.querySelector('[data-test="team-status"]').dataset.state === "offline"`)
	par.waitFor(t, "the waiting idea", textHas("team-pending", offline))
	var stored string
	par.eval(t, `localStorage.getItem("purposeful.team") || ""`, &stored)
	assert.Contains(t, stored, offline, "the queued event is saved on the device")
	axeClean(par, "participant offline (phone)")
	par.shot(t, "team-offline-phone")
	time.Sleep(1500 * time.Millisecond) // a failed poll or two while offline
	par.run(t, network.EmulateNetworkConditions(false, 0, -1, -1))
	par.waitFor(t, "back online", `document.querySelector('[data-test="team-status"]').dataset.state === "online" && !document.querySelector('[data-test="team-pending"]')`)
	fac.waitFor(t, "the new private idea", textHas("team-private", "1 idea still private"))
	fac.click(t, "team-reveal")
	fac.waitFor(t, "the offline idea", textHas("team-items", offline))
	assert.Equal(t, 1, countIdea(t, fac, offline), "the idea queued offline arrives exactly once")
	assert.Equal(t, 1, countIdea(t, fac, idea))

	// Dot voting.
	nextStep(t, fac, "Mine for gold")
	fac.click(t, "team-voting-open")
	fac.run(t, chromedp.WaitVisible(byTest("team-voting-close"), chromedp.ByQuery))
	par.waitFor(t, "the vote buttons", `!!document.querySelector('[data-test="team-vote-0"]')`)
	axeClean(par, "participant voting (phone)")
	par.click(t, "team-vote-0")
	par.waitFor(t, "the dot counted", textHas("team-dots", "Dots left: 4 of 5"))
	par.shot(t, "team-voting-phone")
	// The dot is on the server before voting closes: one still queued on
	// the phone when the facilitator closes voting is refused, and the
	// totals never show it (this raced, and failed once in a full run).
	par.waitFor(t, "the dot sent", `!document.querySelector('[data-test="team-pending"]')`)
	fac.click(t, "team-voting-close")
	fac.waitFor(t, "the totals", textHas("team-items", "1 dot"))
	axeClean(fac, "facilitator after voting")
	fac.shot(t, "team-facilitator")

	// Anonymous: the participant's name appears nowhere on the
	// facilitator's screen, nor in what the page keeps.
	var all string
	fac.eval(t, `document.body.innerText + " " + JSON.stringify(localStorage)`, &all)
	assert.NotContains(t, all, "Ana")
	assert.NotContains(t, all, "Quintero")

	// A reload keeps the participant's place in the workshop.
	par.run(t, chromedp.Reload(), chromedp.WaitVisible(byTest("team-room"), chromedp.ByQuery))
	par.waitFor(t, "the room after a reload", textHas("team-step", "Mine for gold"))
}

// TestTeamXSSPayloadsStayInert joins a named session with a payload as
// the display name, sends every payload as an idea, reveals them, and
// checks both screens: nothing ran, nothing was parsed as markup.
func TestTeamXSSPayloadsStayInert(t *testing.T) {
	needBrowser(t)
	base := teamServer(t)
	fac := launch(t, "", 1280, 860)
	par := launch(t, "", 375, 812)
	for _, s := range []*session{fac, par} {
		s.run(t, chromedp.ActionFunc(func(ctx context.Context) error {
			_, err := page.AddScriptToEvaluateOnNewDocument(`window.__csp = []; document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.sample));`).Do(ctx)
			return err
		}))
	}
	code := hostWorkshop(t, fac, base, "named")
	nextStep(t, fac, "Involve the team")
	nextStep(t, fac, "Get creative")
	joinWorkshop(t, par, base, code, payloads[1], true)
	par.waitFor(t, "the participant's room", textHas("team-step", "Get creative"))
	for _, p := range payloads {
		addIdea(t, par, p)
	}
	par.waitFor(t, "every idea sent", `!document.querySelector('[data-test="team-pending"]') && document.querySelectorAll(".team-item").length === 20`)
	fac.waitFor(t, "the private count", textHas("team-private", "20 ideas still private"))
	fac.click(t, "team-reveal")
	fac.waitFor(t, "the revealed payloads", `document.querySelectorAll(".team-item").length === 20`)
	fac.waitFor(t, "the author's name", textHas("team-items", "by "+payloads[1]))
	assert.Equal(t, 1, countIdea(t, fac, payloads[10]), "payloads show as text")
	checkInert(t, fac, "team facilitator")
	checkInert(t, par, "team participant")
	fac.shot(t, "team-xss")
}
