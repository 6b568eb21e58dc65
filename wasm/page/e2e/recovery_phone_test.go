package e2e

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRecoveryCoachOnAPhone: on a phone the reply box is near the top
// (the plan folds away below it), no suggested words show a slot in
// braces, and the practice score adds up from what the learner sees.
func TestRecoveryCoachOnAPhone(t *testing.T) {
	needBrowser(t)
	s := launch(t, "", 390, 844)
	s.open(t, "#recovery")
	s.click(t, "to-recovery")
	s.run(t, chromedp.WaitVisible(`#app[data-ready="1"] .screen[data-screen="recovery"]`, chromedp.ByQuery))

	var top float64
	s.eval(t, `document.querySelector('[data-test="reply-text"]').getBoundingClientRect().top + window.scrollY`, &top)
	assert.Less(t, top, 1600.0, "the reply box is within two screens of the top on a phone")
	var open bool
	s.eval(t, `document.querySelector('[data-test="plan-box"]').open`, &open)
	assert.False(t, open, "the plan is folded until asked for")

	// A policy limit with nothing filled in: no braces anywhere, and the
	// coach asks for the details in the form's words.
	s.run(t, chromedp.SetValue(byTest("rec-cause"), "policy-limit", chromedp.ByQuery))
	s.eval(t, `document.querySelector('[data-test="rec-cause"]').dispatchEvent(new Event("change", {bubbles: true}))`, new(bool))
	s.run(t, chromedp.SetValue(byTest("rec-channel"), "email", chromedp.ByQuery))
	s.eval(t, `document.querySelector('[data-test="rec-channel"]').dispatchEvent(new Event("change", {bubbles: true}))`, new(bool))
	s.typeText(t, "reply-text", "Our policy is that refunds need a receipt.")
	var page string
	s.eval(t, `document.querySelector('.screen[data-screen="recovery"]').innerText`, &page)
	assert.NotContains(t, page, "{", "no slot in braces is shown")
	assert.NotContains(t, page, "}", "no slot in braces is shown")
	assert.Contains(t, page, "Fill in", "the missing details are asked for")
	s.shot(t, "recovery-phone")

	s.typeText(t, "practice-text", "I am sorry. Let me fix this for you right now.")
	s.click(t, "grade-btn")
	s.run(t, chromedp.WaitVisible(byTest("grade-parts"), chromedp.ByQuery))
	score, err := strconv.Atoi(s.text(t, `[data-test="grade"] .score-num`))
	require.NoError(t, err)
	parts := s.text(t, byTest("grade-parts"))
	sum := 0
	for _, m := range regexp.MustCompile(`worth (\d+) of`).FindAllStringSubmatch(parts, -1) {
		n, err := strconv.Atoi(m[1])
		require.NoError(t, err)
		sum += n
	}
	assert.Equal(t, score, sum, "the score is the sum of the parts shown: %s", parts)
}
