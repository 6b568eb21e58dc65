package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"
	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/lti"
	"github.com/purposefulcx/purposeful/wasm/lti/ltitest"
	"github.com/purposefulcx/purposeful/wasm/store/sqlite"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const chromiumPath = "/usr/bin/chromium"

func needBrowser(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but %s is missing: run .ci/setup-browser.sh", chromiumPath)
		}
		t.Skipf("%s not installed (run .ci/setup-browser.sh); skipping the LTI browser test", chromiumPath)
	}
}

// browser starts Chromium with a fresh profile and third-party cookies
// phased out, as they are (or soon will be) for real users.
func browser(t *testing.T) context.Context {
	t.Helper()
	profile, err := os.MkdirTemp("", "purposeful-lti-")
	require.NoError(t, err)
	// Chromium's helpers may still write for a moment after exit.
	t.Cleanup(func() { _ = os.RemoveAll(profile) })
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.UserDataDir(profile),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("test-third-party-cookie-phaseout", true),
		// Keep the cross-site iframe in the page's process so the test
		// can read it; cookies and the same-origin policy stay as they are.
		chromedp.Flag("disable-site-isolation-trials", true),
	}
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(func() { cancel(); acancel() })
	require.NoError(t, chromedp.Run(ctx))
	return ctx
}

func run(t *testing.T, ctx context.Context, actions ...chromedp.Action) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	require.NoError(t, chromedp.Run(c, actions...))
}

// inFrame waits for sel inside the tool's iframe and returns the frame's
// document node, for queries with chromedp.FromNode.
func inFrame(t *testing.T, ctx context.Context, sel string) *cdp.Node {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		var frames []*cdp.Node
		c, cancel := context.WithTimeout(ctx, 5*time.Second)
		err := chromedp.Run(c, chromedp.Nodes("#tool", &frames, chromedp.ByQuery))
		cancel()
		if err == nil && len(frames) == 1 && frames[0].ContentDocument != nil {
			doc := frames[0].ContentDocument
			var found []*cdp.Node
			c, cancel := context.WithTimeout(ctx, 2*time.Second)
			err = chromedp.Run(c, chromedp.Nodes(sel, &found, chromedp.ByQuery, chromedp.FromNode(doc), chromedp.AtLeast(0)))
			cancel()
			if err == nil && len(found) > 0 {
				return doc
			}
		}
		if time.Now().After(deadline) {
			var html string
			if len(frames) == 1 && frames[0].ContentDocument != nil {
				c, cancel := context.WithTimeout(ctx, 2*time.Second)
				chromedp.Run(c, chromedp.OuterHTML("html", &html, chromedp.ByQuery, chromedp.FromNode(frames[0].ContentDocument)))
				cancel()
			}
			t.Fatalf("%s did not appear in the tool's iframe; it shows: %.3000s", sel, html)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func frameText(t *testing.T, ctx context.Context, doc *cdp.Node, sel string) string {
	t.Helper()
	var s string
	run(t, ctx, chromedp.TextContent(sel, &s, chromedp.ByQuery, chromedp.FromNode(doc)))
	return s
}

// TestLaunchInIframe: an instructor adds a workshop and graded practice
// by deep linking, opens the workshop, learners join and practise, all in
// the LMS's iframe on another site, and scores reach the gradebook.
func TestLaunchInIframe(t *testing.T) {
	needBrowser(t)
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "lti.sqlite"))
	require.NoError(t, err)
	defer st.DB().Close()
	pem, err := lti.GenerateKey("e2e-key", time.Time{})
	require.NoError(t, err)
	ks, err := lti.ParseKeySet(pem, time.Now())
	require.NoError(t, err)
	key, k, err := api.NewAPIKey("acme", nil)
	require.NoError(t, err)
	srv := httptest.NewServer(api.New(api.Config{Store: st, APIKeys: []api.APIKey{k},
		LTI: api.LTIConfig{Keys: ks, Transport: http.DefaultTransport, JWKS: &lti.JWKSCache{Transport: http.DefaultTransport}}}))
	defer srv.Close()
	// The tool on localhost, the platform on 127.0.0.1: two sites, so the
	// iframe is a third-party context.
	tool := ltitest.Tool{BaseURL: strings.Replace(srv.URL, "127.0.0.1", "localhost", 1), OrgKey: key}
	p := ltitest.Start(t)
	ltitest.Connect(t, p, tool)
	course := func(user, hint string) string {
		return p.URL + "/course?login=" + tool.BaseURL + "/v1/lti/login&user=" + user + "&hint=" + hint
	}

	teacher := browser(t)
	run(t, teacher, chromedp.Navigate(course("teacher-1", "dl")))
	doc := inFrame(t, teacher, "#deeplink")
	run(t, teacher,
		chromedp.SendKeys("#position", "Front-desk agent", chromedp.ByQuery, chromedp.FromNode(doc)),
		chromedp.SendKeys("#process", "Guest check-in", chromedp.ByQuery, chromedp.FromNode(doc)),
		chromedp.Click("#add", chromedp.ByQuery, chromedp.FromNode(doc)))
	doc = inFrame(t, teacher, "#added")
	assert.Contains(t, frameText(t, teacher, doc, "#added"), "Added 1 item")
	require.Len(t, p.DeepLinks(), 1, "the signed deep linking response reached the platform")
	assert.Equal(t, "Guest check-in", p.DeepLinks()[0][0].Custom["purposeful_process"])

	run(t, teacher, chromedp.Navigate(course("teacher-1", "link-1-0")))
	doc = inFrame(t, teacher, `#workshop-state[data-ready="1"]`)
	assert.Contains(t, frameText(t, teacher, doc, "#workshop-state"), "Join code:", "the facilitator's page loaded the workshop with the token it holds")

	learner := browser(t)
	run(t, learner, chromedp.Navigate(course("learner-1", "link-1-0")))
	doc = inFrame(t, learner, `#workshop-state[data-ready="1"]`)
	assert.NotContains(t, frameText(t, learner, doc, "#workshop-state"), "Join code", "participants do not see the join code")

	run(t, teacher, chromedp.Navigate(course("teacher-1", "link-1-0")))
	doc = inFrame(t, teacher, "#roster-button")
	run(t, teacher, chromedp.Click("#roster-button", chromedp.ByQuery, chromedp.FromNode(doc)))
	doc = inFrame(t, teacher, "#roster[data-count]")
	roster := frameText(t, teacher, doc, "#roster")
	assert.Contains(t, roster, "Kim Keen")
	assert.Contains(t, roster, "Ola Late")
	assert.NotContains(t, roster, "Lee Learner", "who joined is not listed")

	p.SetLink("graded-practice", map[string]string{"purposeful_kind": "practice", "purposeful_scenarios": "hotel-minibar-charge"}, true)
	run(t, learner, chromedp.Navigate(course("learner-2", "graded-practice")))
	doc = inFrame(t, learner, "#practice")
	run(t, learner,
		chromedp.SendKeys("#reply", "I'm so sorry you were charged for a minibar you never opened. I have removed the charge now; the refund shows within 3 days.", chromedp.ByQuery, chromedp.FromNode(doc)),
		chromedp.Click(`#practice button[type="submit"]`, chromedp.ByQuery, chromedp.FromNode(doc)))
	doc = inFrame(t, learner, "#feedback[data-grade]")
	assert.Contains(t, frameText(t, learner, doc, "#feedback"), "gradebook: sent")
	require.Len(t, p.Scores(), 1)
	assert.Equal(t, "learner-2", p.Scores()[0].Body["userId"])
}
