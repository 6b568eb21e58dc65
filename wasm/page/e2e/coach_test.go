package e2e

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestPurposeCoachAndLadder climbs the revelation ladder from a baggage
// handler's function and uses the purpose it reaches.
func TestPurposeCoachAndLadder(t *testing.T) {
	needBrowser(t)
	s := launch(t, "", 1280, 900)
	s.open(t, "#home")
	s.newGrid(t)
	s.openPage(t, "coach.html", "coach")
	s.typeText(t, "coach-text", "Load bags onto the aircraft")
	assert.Contains(t, s.text(t, byTest("verdict")), "job function")
	s.typeText(t, "ladder-0", "Load bags onto the aircraft\t")
	s.run(t, chromedp.WaitVisible(byTest("ladder-1"), chromedp.ByQuery))
	s.typeText(t, "ladder-1", "So that travellers arrive with everything they need for their trip\t")
	s.shot(t, "coach-ladder")
	var n int
	s.eval(t, `document.querySelectorAll('[data-test^="ladder-"]').length`, &n)
	assert.GreaterOrEqual(t, n, 2)
}

// TestRecoveryCoach plans, reviews and grades.
func TestRecoveryCoach(t *testing.T) {
	needBrowser(t)
	s := launch(t, "", 1280, 900)
	s.open(t, "#recovery")
	s.click(t, "to-recovery")
	s.run(t, chromedp.WaitVisible(`#app[data-ready="1"] .screen[data-screen="recovery"]`, chromedp.ByQuery))
	s.run(t, chromedp.SetValue(byTest("rec-state"), "angry", chromedp.ByQuery))
	s.eval(t, `document.querySelector('[data-test="rec-state"]').dispatchEvent(new Event("change", {bubbles: true}))`, new(bool))
	s.typeText(t, "rec-name", "Ms Rivera")
	s.typeText(t, "rec-issue", "a double charge on her card")
	var steps int
	s.eval(t, `document.querySelectorAll('[data-test="plan"] .plan-step').length`, &steps)
	assert.Greater(t, steps, 2, "a plan with several moves")
	assert.Contains(t, s.text(t, byTest("plan")), "Rivera", "phrases use the customer's name")
	s.typeText(t, "reply-text", "Calm down. Unfortunately that is our policy.")
	low, err := strconv.Atoi(s.text(t, byTest("reply-score")))
	require.NoError(t, err)
	var marks int
	s.eval(t, `document.querySelectorAll('[data-test="reply-mirror"] mark').length`, &marks)
	assert.Greater(t, marks, 0, "problems highlighted")
	s.shot(t, "recovery")
	s.setText(t, "reply-text", "Ms Rivera, I am so sorry we charged you twice. I have refunded the second payment now and I will call you tomorrow at 10 to confirm it has arrived.")
	high, err := strconv.Atoi(s.text(t, byTest("reply-score")))
	require.NoError(t, err)
	assert.Greater(t, high, low, "a good reply scores higher")
	s.typeText(t, "practice-text", "I am sorry. Let me fix this for you right now.")
	s.click(t, "grade-btn")
	s.run(t, chromedp.WaitVisible(`[data-test="grade"] .score-num`, chromedp.ByQuery))
	s.shot(t, "recovery-practice")
}
