package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/store/sqlite"
)

// accServer serves the built site and the API on one origin with an
// organisation key, a standards book and people.
type accServer struct {
	base, key string
	tokens    map[string]string
}

func (a *accServer) do(t *testing.T, method, path, auth string, body any) (int, []byte) {
	t.Helper()
	var rd *bytes.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	} else {
		rd = bytes.NewReader(nil)
	}
	req, err := http.NewRequest(method, a.base+"v1/accountability"+path, rd)
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+auth)
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	var buf bytes.Buffer
	buf.ReadFrom(res.Body)
	return res.StatusCode, buf.Bytes()
}

func startAccServer(t *testing.T) *accServer {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "acc.sqlite"))
	require.NoError(t, err)
	key, k, err := api.NewAPIKey("acme", nil)
	require.NoError(t, err)
	srv := httptest.NewServer(api.New(api.Config{Store: st, APIKeys: []api.APIKey{k}, Pages: http.FileServer(http.Dir(siteDir))}))
	t.Cleanup(func() { srv.Close(); _ = st.DB().Close() })
	a := &accServer{base: srv.URL + "/", key: key, tokens: map[string]string{}}
	for _, p := range []struct{ id, role string }{{"sup-ana", "supervisor"}, {"obs-caro", "observer"}, {"obs-dev", "observer"}, {"staff-01", "staff"}} {
		code, body := a.do(t, http.MethodPut, "/people/"+p.id, key, map[string]string{"role": p.role, "team": "harbour"})
		require.Equal(t, http.StatusOK, code, "%s", body)
		var out struct{ Token string }
		require.NoError(t, json.Unmarshal(body, &out))
		a.tokens[p.id] = out.Token
	}
	stds := []standards.Standard{
		{ID: "s1", Code: "FD-CI-01", Position: "Front-desk agent", Process: "Guest check-in", Statement: "Greet each guest within 10 seconds of reaching the desk.", Method: standards.Method{Kind: standards.Threshold, Value: 10, Unit: "seconds"}},
		{ID: "s2", Code: "FD-CI-02", Position: "Front-desk agent", Process: "Guest check-in", Statement: "Offer one local tip that matches the guest's plans."},
	}
	card := standards.Scorecard{ID: "checkin", Name: "Check-in", Sections: []standards.Section{{Name: "Welcome",
		Criteria: []standards.Criterion{{Standard: "s1", Weight: 2}, {Standard: "s2", Weight: 1, NA: true}}}}}
	code, body := a.do(t, http.MethodPut, "/books/frontdesk", key, map[string]any{"team": "frontdesk", "standards": stds, "scorecards": []standards.Scorecard{card}})
	require.Equal(t, http.StatusOK, code, "%s", body)
	return a
}

// signIn opens observe.html and signs in with a role token.
func (s *session) signIn(t *testing.T, a *accServer, token string) {
	t.Helper()
	s.load(t, a.base+"observe.html", "signin")
	s.setText(t, "acc-token", token)
	s.click(t, "acc-signin")
	s.waitFor(t, "the observe screen", `!!document.querySelector('.screen[data-screen="observe"] [data-test="acc-save"]')`)
}

// TestObserveOfflineOnPhone: a supervisor records an observation on a
// 390 px phone while offline; it waits on the device and arrives exactly
// once after the connection returns, with its purposeful deviation story.
func TestObserveOfflineOnPhone(t *testing.T) {
	needBrowser(t)
	src := axeSource(t)
	a := startAccServer(t)
	ph := launch(t, "", 390, 844)
	ph.signIn(t, a, a.tokens["sup-ana"])
	assert.Empty(t, ph.axe(t, src), "observe screen: serious or critical axe violations")

	ph.run(t, network.Enable(), network.EmulateNetworkConditions(true, 0, -1, -1))
	story := "Walked the guest to the late-night pharmacy before check-in"
	ph.setText(t, "acc-subject", "staff-01")
	ph.setText(t, "acc-interaction", "check-in, room 412, 09:14")
	ph.click(t, "acc-item-0-1")
	ph.click(t, "acc-item-1-0")
	ph.click(t, "acc-item-1-purposeful")
	ph.setText(t, "acc-item-1-story", story)
	ph.click(t, "acc-save")
	ph.waitFor(t, "the offline status", `document.querySelector('[data-test="acc-status"]').dataset.state === "offline"`)
	ph.waitFor(t, "the waiting observation", textHas("acc-pending", "staff-01"))
	var stored string
	ph.eval(t, `localStorage.getItem("purposeful.accountability") || ""`, &stored)
	assert.Contains(t, stored, story, "the observation is kept on the phone")
	var width int
	ph.eval(t, `document.documentElement.scrollWidth`, &width)
	assert.LessOrEqual(t, width, 390, "nothing overflows the phone's width")
	ph.shot(t, "observe-offline-phone")
	time.Sleep(2500 * time.Millisecond) // a failed retry while offline
	ph.run(t, network.EmulateNetworkConditions(false, 0, -1, -1))
	ph.waitFor(t, "sent", `document.querySelector('[data-test="acc-status"]').dataset.state === "online" && !document.querySelector('[data-test="acc-pending"]')`)

	code, body := a.do(t, http.MethodGet, "/observations?book=frontdesk", a.key, nil)
	require.Equal(t, http.StatusOK, code)
	var list struct {
		Observations []struct{ Observation standards.Observation }
	}
	require.NoError(t, json.Unmarshal(body, &list))
	require.Len(t, list.Observations, 1, "the observation arrives exactly once")
	o := list.Observations[0].Observation
	assert.Equal(t, "sup-ana", o.Observer)
	assert.Equal(t, story, o.Ratings[1].Evidence)
	assert.Equal(t, standards.Purposeful, o.Ratings[1].Deviation)

	// Reports: the charts and the story.
	ph.load(t, a.base+"observe.html#reports", "reports")
	ph.waitFor(t, "the story", textHas("acc-stories", "pharmacy"))
	var charts int
	ph.eval(t, `document.querySelectorAll('img[data-test^="acc-chart-"]').length`, &charts)
	assert.Equal(t, 2, charts)
	ph.shot(t, "observe-reports-phone")
}

// TestCalibrateBlind: a rater sees nobody's scores before submitting,
// neither in the page nor by calling the API from the page; after the
// close the result shows.
func TestCalibrateBlind(t *testing.T) {
	needBrowser(t)
	a := startAccServer(t)
	code, body := a.do(t, http.MethodPost, "/sessions", a.tokens["sup-ana"], map[string]any{"id": "cal-1", "book": "frontdesk", "scorecard": "checkin",
		"title": "November calibration", "deadline": time.Now().Add(time.Hour),
		"units": []map[string]string{{"id": "u1", "interaction": "A guest arrives soaked from the rain while the agent is on the phone."}}})
	require.Equal(t, http.StatusCreated, code, "%s", body)
	secret := "dev-private-note"
	code, body = a.do(t, http.MethodPost, "/sessions/cal-1/answers", a.tokens["obs-dev"], map[string]any{"units": []map[string]any{{"unit": "u1",
		"ratings": []standards.Rating{{Standard: "s1", Value: 0, Evidence: secret}, {Standard: "s2", Value: 1}}}}})
	require.Equal(t, http.StatusCreated, code, "%s", body)

	ph := launch(t, "", 390, 844)
	ph.signIn(t, a, a.tokens["obs-caro"])
	ph.load(t, a.base+"observe.html#calibrate/cal-1", "calibrate")
	ph.waitFor(t, "the session", `!!document.querySelector('[data-test="acc-session-submit"]')`)
	var page string
	ph.eval(t, `document.body.innerText + JSON.stringify(localStorage)`, &page)
	assert.NotContains(t, page, secret, "the page shows nothing of another rater's answer")
	// The API itself, called from the page with the rater's token.
	var api string
	ph.evalAsync(t, fmt.Sprintf(`(async () => { const r = await fetch("/v1/accountability/sessions/cal-1", {headers: {Authorization: "Bearer " + %s}}); return await r.text() })()`, jsStr(a.tokens["obs-caro"])), &api)
	require.Contains(t, api, `"submitted":["obs-dev"]`)
	assert.NotContains(t, api, secret)
	assert.NotContains(t, api, `"answers"`)
	ph.click(t, "acc-u0-item-0-1")
	ph.click(t, "acc-u0-item-1-1")
	ph.click(t, "acc-session-submit")
	ph.waitFor(t, "the answer taken", `!!document.querySelector('[data-test="acc-session-done"]')`)
	ph.eval(t, `document.body.innerText`, &page)
	assert.NotContains(t, page, secret, "still blind after submitting, until the close")
	// A submitted answer cannot change, also by the API.
	ph.evalAsync(t, fmt.Sprintf(`(async () => { const r = await fetch("/v1/accountability/sessions/cal-1/answers", {method: "POST", headers: {Authorization: "Bearer " + %s, "Content-Type": "application/json"},
		body: JSON.stringify({units: [{unit: "u1", ratings: [{standard: "s1", value: 0}, {standard: "s2", value: 0}]}]})}); return String(r.status) })()`, jsStr(a.tokens["obs-caro"])), &api)
	assert.Equal(t, "409", api)

	code, body = a.do(t, http.MethodPost, "/sessions/cal-1/close", a.tokens["sup-ana"], nil)
	require.Equal(t, http.StatusOK, code, "%s", body)
	ph.run(t, chromedp.Reload(), chromedp.WaitVisible(`#app[data-ready="1"] .screen[data-screen="calibrate"]`, chromedp.ByQuery))
	ph.waitFor(t, "the result", textHas("acc-result", "FD-CI-01"))
	assert.True(t, strings.Contains(ph.text(t, byTest("acc-result")), "Agreement"))
	ph.shot(t, "calibrate-result-phone")
}

// evalAsync evaluates an expression that gives a promise and waits for it.
func (s *session) evalAsync(t *testing.T, js string, out any) {
	t.Helper()
	s.run(t, chromedp.Evaluate(js, out, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
}
