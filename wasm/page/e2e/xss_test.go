package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// payloads are classic injection attempts; each one, if it ever ran,
// would set window.__xss.
var payloads = []string{
	`<script>window.__xss=1</script>`,
	`<img src=x onerror="window.__xss=2">`,
	`<svg onload="window.__xss=3">`,
	`"><script>window.__xss=4</script>`,
	`'><img src=x onerror=window.__xss=5>`,
	`<iframe src="javascript:window.top.__xss=6"></iframe>`,
	`javascript:window.__xss=7`,
	`<a href="javascript:window.__xss=8">click</a>`,
	`<body onload="window.__xss=9">`,
	`<details open ontoggle="window.__xss=10">`,
	`<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=11>`,
	`<input autofocus onfocus="window.__xss=12">`,
	`{{constructor.constructor('window.__xss=13')()}}`,
	`<style>@import 'javascript:window.__xss=14';</style>`,
	`<object data="javascript:window.__xss=15"></object>`,
	`</textarea><script>window.__xss=16</script>`,
	`<div style="background:url(javascript:window.__xss=17)">`,
	"<scr\x00ipt>window.__xss=18</scr\x00ipt>",
	`<template><img src=x onerror=window.__xss=19></template>`,
	`&lt;img src=x onerror=window.__xss=20&gt; | # [x](javascript:alert(1)) =cmd|' /C calc'!A0`,
}

// TestXSSPayloadsStayInert types every payload into every field of the
// activity and the coach, renders every screen and the exports, and checks
// that nothing was parsed as markup or ran.
func TestXSSPayloadsStayInert(t *testing.T) {
	needBrowser(t)
	require.Len(t, payloads, 20)
	s := launch(t, "", 1280, 860)
	downloads := t.TempDir()
	s.allowDownloads(t, downloads)
	// Record CSP violations on every page from its first moment.
	s.run(t, chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(`window.__csp = []; document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.sample));`).Do(ctx)
		return err
	}))
	s.open(t, "#home")
	var ok bool
	s.newGrid(t)
	all, err := json.Marshal(payloads)
	require.NoError(t, err)
	// fill sets a field as typing would, and optionally clicks a button.
	fill := `(ps, field, button) => { for (const p of ps) {
		const e = document.querySelector('[data-test="' + field + '"]');
		e.value = p; e.dispatchEvent(new Event("input", {bubbles: true})); e.dispatchEvent(new Event("change", {bubbles: true}));
		if (button) document.querySelector('[data-test="' + button + '"]').click();
	} return true }`
	run := func(field, button string) {
		t.Helper()
		s.eval(t, "("+fill+")("+string(all)+", "+jsStr(field)+", "+jsStr(button)+")", &ok)
	}
	joined := strings.Join(payloads, " ")
	for _, f := range []string{"position", "process", "purpose", "objective"} {
		run(f, "")
		s.setText(t, f, joined[:min(len(joined), 1900)])
	}
	s.setText(t, "position", payloads[1])
	run("value-new", "value-add")
	run("kpi-new", "kpi-add")
	s.click(t, "next")
	run("knowledge-new", "knowledge-add")
	run("skill-new", "skill-add")
	s.click(t, "next")
	run("idea-text", "idea-add")
	s.click(t, "next")
	s.click(t, "adopt-0")
	s.click(t, "adopt-3")
	s.click(t, "next")
	for _, k := range []string{"json", "csv", "md", "svg"} {
		s.click(t, "export-"+k)
	}
	s.openPage(t, "coach.html", "coach")
	run("coach-text", "")
	run("ladder-0", "")
	s.open(t, "#home")
	s.shot(t, "xss-home")
	s.open(t, "#activity")
	for i := 0; i < 4; i++ {
		s.click(t, "next")
	}
	s.shot(t, "xss-summary")

	// Nothing ran, nothing was blocked (nothing tried), nothing was parsed.
	checkInert(t, s, "workshop page")
	table := s.text(t, byTest("grid-table"))
	assert.Contains(t, table, payloads[1], "payloads show as text")
	assert.Contains(t, table, payloads[10])

	// The other pages: the standards drafted from the payload ideas, and
	// the recovery coach, whose phrases carry the customer's name.
	s.openPage(t, "standards.html", "standards")
	run("statement-0", "")
	run("rationale-0", "")
	run("deviation-0", "")
	checkInert(t, s, "standards page")
	s.openPage(t, "recovery.html", "recovery")
	for _, f := range []string{"rec-name", "rec-issue", "rec-offer", "reply-text", "practice-text"} {
		run(f, "")
	}
	s.click(t, "grade-btn")
	checkInert(t, s, "recovery page")
	s.shot(t, "xss-recovery")
	s.openPage(t, "coach.html", "coach")
	checkInert(t, s, "coach page")

	// The exports carry the text but no live markup.
	base := "img-src-x-onerror-window-xss-2-script-window-xss-1-script-im"
	svg := waitFile(t, downloads, base+".svg")
	assertInertSVG(t, svg)
	md := string(waitFile(t, downloads, base+".md"))
	assert.NotContains(t, md, "<script>", "Markdown escapes angle brackets")
	assert.NotRegexp(t, `(^|[^\\])\]\(javascript:`, md, "Markdown escapes links (an escaped bracket starts no link)")
	csv := string(waitFile(t, downloads, base+".csv"))
	assert.NotContains(t, csv, "\n=cmd", "no formula cells")
}

// checkInert asserts that no payload ran, CSP blocked nothing (so nothing
// was even attempted), and no element came from user text.
func checkInert(t *testing.T, s *session, where string) {
	t.Helper()
	var xss any
	s.eval(t, `window.__xss === undefined ? null : window.__xss`, &xss)
	assert.Nil(t, xss, "%s: a payload ran", where)
	var csp []string
	s.eval(t, `window.__csp || []`, &csp)
	assert.Empty(t, csp, "%s: CSP had to block something, so markup was injected", where)
	var injected []string
	s.eval(t, `[...document.querySelectorAll("#app script, #app iframe, #app object, #app style, #app svg, #app math, #app template, #app a[href^='javascript'], #app [onerror], #app [onload], #app [onfocus], #app [ontoggle], #app img:not([data-test='grid-picture'])")].map(e => e.outerHTML.slice(0, 80))`, &injected)
	assert.Empty(t, injected, "%s: payload markup became elements", where)
}

func jsStr(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// assertInertSVG parses the SVG and allows only the elements and
// attributes the renderer (grid.SVG) writes.
func assertInertSVG(t *testing.T, data []byte) {
	t.Helper()
	allowed := map[string]bool{"svg": true, "title": true, "rect": true, "text": true, "tspan": true, "line": true, "path": true, "circle": true}
	dec := xml.NewDecoder(bytes.NewReader(data))
	n := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the SVG is well-formed XML")
		if se, ok := tok.(xml.StartElement); ok {
			n++
			assert.True(t, allowed[se.Name.Local], "unexpected element <%s>", se.Name.Local)
			for _, a := range se.Attr {
				assert.False(t, strings.HasPrefix(strings.ToLower(a.Name.Local), "on"), "event attribute %s", a.Name.Local)
				assert.NotContains(t, strings.ToLower(a.Value), "javascript:")
			}
		}
	}
	assert.Greater(t, n, 10)
}
