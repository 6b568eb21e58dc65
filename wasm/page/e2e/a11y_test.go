package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/wasm/internal/skips"
)

// axeSource reads axe-core installed by .ci/setup-browser.sh.
func axeSource(t *testing.T) string {
	t.Helper()
	path := filepath.Join("node_modules", "axe-core", "axe.min.js")
	skips.Need(t, "axe-core", path, ".ci/setup-browser.sh")
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// axe runs axe-core on the page and returns the serious and critical
// violations, one line each.
func (s *session) axe(t *testing.T, src string) []string {
	t.Helper()
	var loaded bool
	s.eval(t, `typeof axe !== "undefined"`, &loaded)
	if !loaded {
		var ok bool
		s.eval(t, src+";true", &ok)
	}
	var out []string
	s.run(t, chromedp.Evaluate(`axe.run(document, {resultTypes: ["violations"]}).then(r => r.violations
		.filter(v => v.impact === "serious" || v.impact === "critical")
		.map(v => v.impact + " " + v.id + ": " + v.help + " at " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | ")))`,
		&out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	return out
}

// TestAccessibility runs axe-core on every screen and every step of the
// activity, at desktop and phone widths, with data in place.
func TestAccessibility(t *testing.T) {
	needBrowser(t)
	src := axeSource(t)
	for _, size := range []struct {
		name string
		w, h int
	}{{"desktop", 1280, 860}, {"phone", 375, 812}} {
		t.Run(size.name, func(t *testing.T) {
			s := launch(t, "", size.w, size.h)
			s.open(t, "#home")
			check := func(where string) {
				t.Helper()
				v := s.axe(t, src)
				assert.Empty(t, v, "%s at %s: serious or critical axe violations", where, size.name)
			}
			check("home (empty)")
			s.newGrid(t)
			s.typeText(t, "position", "Nurse")
			s.typeText(t, "process", "Admission")
			s.typeText(t, "value-new", "Compassion"+kb.Enter)
			check("set the course")
			s.shot(t, size.name+"-course")
			s.click(t, "next")
			s.typeText(t, "knowledge-new", "Ward layout"+kb.Enter)
			s.typeText(t, "skill-new", "Take a patient history"+kb.Enter)
			check("involve the team")
			s.click(t, "next")
			s.typeText(t, "idea-text", "Explain what happens next before leaving the bedside")
			s.click(t, "idea-add")
			s.typeText(t, "idea-text", "Offer a warm blanket without being asked")
			s.click(t, "idea-add")
			check("get creative")
			s.shot(t, size.name+"-creative")
			s.click(t, "next")
			s.click(t, "adopt-0")
			check("mine for gold")
			s.shot(t, size.name+"-gold")
			s.click(t, "next")
			check("summary")
			s.shot(t, size.name+"-summary")
			for _, screen := range []string{"coach", "standards", "recovery", "checklists", "team", "home"} {
				s.open(t, "#"+screen)
				check(screen)
				s.shot(t, size.name+"-"+screen)
			}
			s.openPage(t, "coach.html", "coach")
			s.typeText(t, "coach-text", "To check guests in quickly")
			check("purpose coach")
			s.shot(t, size.name+"-purpose-coach")
			s.openPage(t, "recovery.html", "recovery")
			s.typeText(t, "reply-text", "Calm down, that is our policy.")
			check("recovery coach")
			s.shot(t, size.name+"-recovery-coach")
			s.openPage(t, "standards.html", "standards")
			check("standards builder")
			s.shot(t, size.name+"-standards-builder")
			s.openPage(t, "team.html", "team")
			check("team workshop start")
			s.shot(t, size.name+"-team-start")
			s.openPage(t, "checklists.html", "checklists")
			s.click(t, "q-staff-1-2")
			check("diagnostic and checklists")
			s.shot(t, size.name+"-checklists")
			s.open(t, "#home")
			// The delete dialog.
			var del string
			s.eval(t, `document.querySelector('[data-test^="delete-"]').dataset.test`, &del)
			s.click(t, del)
			s.run(t, chromedp.WaitVisible(byTest("dialog"), chromedp.ByQuery))
			var focused string
			s.eval(t, `document.activeElement.textContent`, &focused)
			assert.Equal(t, "Delete", focused, "focus moves into the dialog")
			check("delete dialog")
			s.run(t, chromedp.KeyEvent(kb.Escape))
			s.eval(t, `document.activeElement.dataset.test || ""`, &focused)
			assert.Equal(t, del, focused, "Escape closes the dialog and focus returns")
		})
	}
}

// TestNoHorizontalScrollOnPhone checks the 375 px layout of every screen.
func TestNoHorizontalScrollOnPhone(t *testing.T) {
	needBrowser(t)
	s := launch(t, "", 375, 812)
	s.open(t, "#home")
	s.newGrid(t)
	s.typeText(t, "position", "Front-desk agent with a rather long job title")
	for _, hash := range []string{"#home", "#activity", "#coach", "#standards", "#recovery", "#checklists", "#team", "coach.html", "recovery.html", "standards.html", "checklists.html", "team.html"} {
		if strings.HasSuffix(hash, ".html") {
			s.openPage(t, hash, strings.TrimSuffix(hash, ".html"))
		} else {
			s.open(t, hash)
		}
		for step := 0; step < 5 && (hash == "#activity" || step == 0); step++ {
			if step > 0 {
				s.click(t, "next")
			}
			var wide []string
			s.eval(t, `[...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest(".table-wrap, .stepper-wrap, nav")).slice(0, 5).map(e => e.tagName + "." + e.className)`, &wide)
			var sw, cw int
			_ = wide
			s.eval(t, `document.documentElement.scrollWidth`, &sw)
			s.eval(t, `document.documentElement.clientWidth`, &cw)
			assert.LessOrEqual(t, sw, cw, "%s step %d scrolls sideways: %s", hash, step, strings.Join(wide, ", "))
		}
	}
}
