package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
)

// TestDiagnosticAndChecklists answers the diagnostic with a weak strategy
// level, ticks checklist items, and finds both after a reload.
func TestDiagnosticAndChecklists(t *testing.T) {
	needBrowser(t)
	s := launch(t, "", 1280, 900)
	s.openPage(t, "checklists.html", "checklists")
	var n int
	s.eval(t, `(() => { let n = 0; for (const f of document.querySelectorAll('.likert')) {
		const weak = f.querySelector('input').name.startsWith('q-strategy');
		f.querySelector('input[value="' + (weak ? 2 : 5) + '"]').click(); n++ } return n })()`, &n)
	assert.Equal(t, 24, n, "24 statements")
	result := s.text(t, byTest("diagnostic-result"))
	assert.Contains(t, result, "Start with Strategy")
	s.click(t, "check-devotion-9")
	s.click(t, "check-vision-0")
	assert.Contains(t, s.text(t, byTest("checklist-devotion")), "1 of 12 done")
	s.shot(t, "checklists")
	s.run(t, chromedp.Reload(), chromedp.WaitVisible(`#app[data-ready="1"] .screen[data-screen="checklists"]`, chromedp.ByQuery))
	assert.Contains(t, s.text(t, byTest("diagnostic-result")), "Start with Strategy", "answers survive a reload")
	var on bool
	s.eval(t, `document.querySelector('[data-test="check-devotion-9"]').checked`, &on)
	assert.True(t, on, "ticks survive a reload")
}
