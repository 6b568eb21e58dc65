package api

import (
	"html"
	"net/http"
	"net/url"
	"strings"
)

// The LTI pages are plain HTML built here (html/template would add its
// weight to the worker), every dynamic value escaped, with one script
// file of our own and no inline script.

// writeHTML answers with an LTI page. The LMS shows it in an iframe, so
// any site may frame it; formTarget, when set, is the one other origin
// its forms may post to (the platform's deep linking return URL).
func (c *call) writeHTML(status int, body, formTarget string) error {
	formSrc := "'self'"
	if u, err := url.Parse(formTarget); err == nil && u.Host != "" {
		formSrc += " " + u.Scheme + "://" + u.Host
	}
	hd := c.w.Header()
	hd.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action "+formSrc)
	// same-origin, not no-referrer: with no-referrer a form post carries
	// "Origin: null", and the deep linking form posts to this origin.
	hd.Set("Referrer-Policy", "same-origin")
	hd.Set("X-Content-Type-Options", "nosniff")
	return c.writeRaw(status, "text/html; charset=utf-8", []byte(body))
}

const pageStyle = `<style>body{font:16px/1.5 system-ui,sans-serif;margin:1.5rem;max-width:46rem;color:#1b1b1b}
label{display:block;margin:.6rem 0}input,select,textarea{font:inherit}textarea{width:100%;min-height:7rem}
code,pre{background:#f2f2f2;padding:.1rem .3rem;overflow-wrap:anywhere}pre{padding:.6rem;white-space:pre-wrap}
.reason{font-weight:bold}fieldset{margin:1rem 0}</style>`

func page(title, body string) string {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
		`<title>` + html.EscapeString(title) + `</title>` + pageStyle + `<script src="/v1/lti/app.js" defer></script></head><body>` +
		body + `</body></html>`
}

func esc(s string) string { return html.EscapeString(s) }

// pageRefused names the failed check of a refused launch.
func pageRefused(title, reason, detail string) string {
	b := `<main id="refused"><h1>` + esc(title) + `</h1>`
	if reason != "" {
		b += `<p>Check that failed: <span class="reason" id="reason">` + esc(reason) + `</span></p>`
	}
	b += `<p id="detail">` + esc(detail) + `</p><p>Nothing was created. Go back to the course and open the activity again; if this keeps happening, show this page to your LMS administrator.</p></main>`
	return page(title, b)
}

// pageLaunched is the launched activity. The session token lives in the
// page (a data attribute read by app.js), never in a cookie: the LMS
// iframe may have no cookies at all.
func pageLaunched(sessionTok, workshopTok string, s ltiSession) string {
	title := s.Title
	if title == "" {
		title = "Purposeful"
	}
	b := `<main id="app" data-session="` + esc(sessionTok) + `" data-workshop-token="` + esc(workshopTok) + `" data-kind="` + esc(s.Kind) + `" data-role="` + esc(s.Role) + `">` +
		`<h1 id="title">` + esc(title) + `</h1><p id="who">Signed in from your course as <strong>` + esc(s.Name) + `</strong> (` + esc(s.Role) + `).</p>`
	switch s.Kind {
	case kindWorkshop:
		b += `<section id="workshop"><p id="workshop-state">Loading the workshop…</p>`
		if s.Role == "facilitator" && s.Memberships != "" {
			b += `<button type="button" id="roster-button">Who has not joined yet?</button><ul id="roster"></ul>`
		}
		b += `</section>`
	case kindPractice:
		b += `<form id="practice"><label>Scenario <select name="scenario" id="scenario"></select></label>` +
			`<label>Your reply to the customer<textarea name="reply" id="reply" required></textarea></label>` +
			`<button type="submit">Get feedback</button></form><section id="feedback" aria-live="polite"></section>`
	case kindCourse:
		b += `<p>Work through the purpose course: from what the job is to why it matters to the customer.</p>` +
			`<button type="button" id="complete">Mark the course complete</button><p id="feedback" aria-live="polite"></p>`
	case kindStandards:
		b += `<p>Read each standard, why it matters and when departing from it is right, and tick the ones you will follow.</p>` +
			`<form id="standards"><ol id="standards-list"></ol><button type="submit">Send my acknowledgements</button></form><p id="feedback" aria-live="polite"></p>`
	}
	return page(title, b+`</main>`)
}

// pageDeepLink is the instructor's choice of what to add to the course.
func pageDeepLink(sessionTok string, scenarios [][2]string) string {
	b := `<main><h1>Add Purposeful to your course</h1><form id="deeplink" method="post" action="/v1/lti/deeplink">` +
		`<input type="hidden" name="session" value="` + esc(sessionTok) + `">` +
		`<fieldset><legend>What to add</legend>` +
		`<label><input type="radio" name="kind" value="workshop" checked> A 3 Ps team workshop</label>` +
		`<label><input type="radio" name="kind" value="practice"> Service recovery practice</label>` +
		`<label><input type="radio" name="kind" value="course"> The purpose course</label>` +
		`<label><input type="radio" name="kind" value="standards"> The standards course, of the stored book <input name="book" id="book" maxlength="64" placeholder="frontdesk"></label></fieldset>` +
		`<fieldset><legend>Workshop</legend><label>Position <input name="position" id="position" maxlength="100" placeholder="Front-desk agent"></label>` +
		`<label>Process <input name="process" id="process" maxlength="100" placeholder="Guest check-in"></label>` +
		`<label>Authors shown <select name="anonymity"><option value="anonymous">nobody (anonymous)</option><option value="alias">first names</option><option value="named">full names</option></select></label></fieldset>` +
		`<fieldset><legend>Practice scenarios</legend>`
	for _, sc := range scenarios {
		b += `<label><input type="checkbox" name="scenario" value="` + esc(sc[0]) + `"> ` + esc(sc[1]) + `</label>`
	}
	b += `<label>Mastery score (out of 100) <input type="number" name="mastery" min="1" max="100" value="80"></label></fieldset>` +
		`<label><input type="checkbox" name="graded" value="1" checked> Send scores to the gradebook (practice and courses)</label>` +
		`<label>Title in the course (optional) <input name="title" maxlength="200"></label>` +
		`<button type="submit" id="add">Add to the course</button></form></main>`
	return page("Add Purposeful", b)
}

// pageReturn posts the signed deep linking response to the platform.
func pageReturn(returnURL, jwt, title string) string {
	b := `<main><p>Adding <strong>` + esc(title) + `</strong> to your course…</p>` +
		`<form id="return" method="post" action="` + esc(returnURL) + `" data-autosubmit="1">` +
		`<input type="hidden" name="JWT" value="` + esc(jwt) + `"><button type="submit">Continue</button></form></main>`
	return page("Adding to the course", b)
}

// ltiSetupPage: GET /v1/lti/setup, what an LMS admin pastes into the LMS.
func ltiSetupPage(c *call) error {
	base := c.ltiBase()
	row := func(name, v string) string {
		return `<tr><th scope="row">` + esc(name) + `</th><td><code>` + esc(v) + `</code></td></tr>`
	}
	status := `<p id="keys-ok">This server has signing keys: LTI is on.</p>`
	if !c.h.cfg.LTI.enabled() {
		status = `<p id="keys-missing"><strong>LTI is off on this server:</strong> give it signing keys (the PURPOSEFUL_LTI_KEYS secret on the worker, -lti-keys on the local server).</p>`
	}
	b := `<main><h1>Add Purposeful to your LMS (LTI 1.3)</h1>` + status +
		`<h2>1. Give the LMS these values</h2><table id="tool-values">` +
		row("Login (OIDC initiation) URL", base+ltiLoginPath) +
		row("Redirect / launch URL", base+ltiLaunchPath) +
		row("Target link URI", base+ltiLaunchPath) +
		row("Deep linking (content selection) URL", base+ltiLaunchPath) +
		row("Public keyset (JWKS) URL", base+ltiJWKSPath) +
		row("Domain", strings.TrimPrefix(strings.TrimPrefix(base, "https://"), "http://")) +
		`</table><p>Services to enable: Assignment and Grade Services (line items and scores) and Names and Role Provisioning Services. Privacy: send the user's name.</p>` +
		`<p>Canvas reads all of this at once: in a new LTI developer key choose “Paste JSON” and paste <a href="/v1/lti/canvas.json">this configuration</a>.</p>` +
		`<h2>2. Register the LMS here</h2><p>The LMS then shows its own values: issuer (platform ID), client ID, deployment ID, authorization endpoint, access token URL and public keyset URL. Register them with your organisation's API key:</p>` +
		`<pre id="register">curl -X POST ` + esc(base) + `/v1/lti/platforms \
  -H "Authorization: Bearer pfk_…" -H "Content-Type: application/json" \
  -d '{"name": "Our Canvas", "issuer": "https://canvas.instructure.com",
       "client_id": "10000000000001", "deployment_ids": ["1:abc"],
       "auth_url": "https://sso.canvaslms.com/api/lti/authorize_redirect",
       "token_url": "https://sso.canvaslms.com/login/oauth2/token",
       "jwks_url": "https://sso.canvaslms.com/api/lti/security/jwks"}'</pre>` +
		`<p>GET the same URL lists your registrations; DELETE /v1/lti/platforms/{id} removes one.</p></main>`
	return c.writeHTML(http.StatusOK, page("Purposeful for LMS admins", b), "")
}

// ltiScript: GET /v1/lti/app.js, the behaviour of the launch pages.
func ltiScript(c *call) error {
	c.w.Header().Set("Cache-Control", "max-age=300")
	hd := c.w.Header()
	hd.Set("Content-Type", "text/javascript; charset=utf-8")
	c.w.WriteHeader(http.StatusOK)
	if c.r.Method != http.MethodHead {
		c.w.Write([]byte(ltiJS))
	}
	return nil
}

// ltiJS runs the launched page with the session token it holds. Text
// from the server is set with textContent only.
const ltiJS = `"use strict";
(function () {
  var ret = document.querySelector("form[data-autosubmit]");
  if (ret) { ret.submit(); return; }
  var app = document.getElementById("app");
  if (!app) return;
  var session = app.dataset.session, wtoken = app.dataset.workshopToken;
  function call(method, path, token, body) {
    var init = { method: method, headers: { "Authorization": "Bearer " + token } };
    if (body !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
    return fetch(path, init).then(function (r) {
      return r.json().then(function (j) { if (!r.ok) throw new Error(j.detail || j.title || ("HTTP " + r.status)); return j; });
    });
  }
  function text(el, s) { if (el) el.textContent = s; }
  function attempt() { return (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random()).replace(/[^a-zA-Z0-9-]/g, ""); }
  call("GET", "/v1/lti/session", session).then(function (s) {
    if (s.kind === "workshop") {
      call("GET", "/v1/workshops/" + encodeURIComponent(s.workshop_id), wtoken).then(function (w) {
        var st = document.getElementById("workshop-state");
        var msg = "Workshop \u201c" + w.title + "\u201d is " + (w.completed ? "completed" : "open") + ".";
        if (w.join_code) msg += " Join code: " + w.join_code + ".";
        text(st, msg);
        st.dataset.ready = "1";
      }).catch(function (e) { text(document.getElementById("workshop-state"), e.message); });
      var rb = document.getElementById("roster-button");
      if (rb) rb.addEventListener("click", function () {
        var ul = document.getElementById("roster");
        call("GET", "/v1/lti/roster", session).then(function (r) {
          ul.textContent = "";
          r.not_joined.forEach(function (m) { var li = document.createElement("li"); li.textContent = m.name || m.user_id; ul.appendChild(li); });
          ul.dataset.count = String(r.not_joined.length);
          var li = document.createElement("li"); li.className = "summary";
          li.textContent = r.joined + " of " + r.learners + " learners have joined."; ul.appendChild(li);
        }).catch(function (e) { text(ul, e.message); });
      });
    }
    if (s.kind === "practice") {
      var sel = document.getElementById("scenario");
      (s.scenarios || []).forEach(function (id) { var o = document.createElement("option"); o.value = id; o.textContent = id; sel.appendChild(o); });
      var pending = attempt();
      document.getElementById("practice").addEventListener("submit", function (ev) {
        ev.preventDefault();
        var fb = document.getElementById("feedback");
        call("POST", "/v1/lti/practice", session, { scenario: sel.value, reply: document.getElementById("reply").value, attempt: pending })
          .then(function (r) {
            pending = attempt();
            text(fb, "Score " + r.score + "/100" + (r.mastered ? " (mastery reached)" : "") + "; gradebook: " + r.grade + ".");
            fb.dataset.grade = r.grade;
          }).catch(function (e) { text(fb, e.message); });
      });
    }
    if (s.kind === "standards") {
      var list = document.getElementById("standards-list"), sent = attempt();
      (s.standards || []).forEach(function (st) {
        var li = document.createElement("li"), lab = document.createElement("label"), box = document.createElement("input");
        box.type = "checkbox"; box.name = "ack"; box.value = st.id;
        lab.appendChild(box); lab.appendChild(document.createTextNode(" " + st.code + ": " + st.statement));
        li.appendChild(lab);
        [["Why: ", st.rationale], ["When departing from it is right: ", st.deviation]].forEach(function (x) {
          if (x[1]) { var p = document.createElement("p"); p.textContent = x[0] + x[1]; li.appendChild(p); }
        });
        list.appendChild(li);
      });
      document.getElementById("standards").addEventListener("submit", function (ev) {
        ev.preventDefault();
        var ids = Array.prototype.map.call(list.querySelectorAll("input:checked"), function (b) { return b.value; });
        var fb = document.getElementById("feedback");
        call("POST", "/v1/lti/standards", session, { attempt: sent, acknowledged: ids }).then(function (r) {
          sent = attempt();
          text(fb, "Score " + r.score + "/100" + (r.mastered ? " (every standard acknowledged)" : "") + "; gradebook: " + r.grade + ".");
          fb.dataset.grade = r.grade;
        }).catch(function (e) { text(fb, e.message); });
      });
    }
    if (s.kind === "course") {
      var once = attempt();
      document.getElementById("complete").addEventListener("click", function () {
        call("POST", "/v1/lti/complete", session, { attempt: once }).then(function (r) {
          var fb = document.getElementById("feedback"); text(fb, "Completed; gradebook: " + r.grade + "."); fb.dataset.grade = r.grade;
        });
      });
    }
  }).catch(function (e) { text(document.getElementById("who"), e.message); });
})();
`
