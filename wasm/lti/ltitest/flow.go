package ltitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/wasm/lti"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tool is a running Purposeful API seen from a platform.
type Tool struct {
	BaseURL string
	OrgKey  string // an organisation API key
	// Rows counts the stored rows that a launch could create (workshops,
	// tokens, events, LTI links, members, sessions, nonces, scores). Nil:
	// only the organisation's workshops are counted, through the API.
	Rows func(t *testing.T) int
	// Advance moves the tool's clock. Nil: the expired-login forgery is
	// skipped.
	Advance func(d time.Duration)
}

func (tl Tool) api(t testing.TB, method, path string, body any) Page {
	t.Helper()
	return call(t, method, tl.BaseURL+path, tl.OrgKey, body)
}

// call sends a JSON request with a bearer token (session or workshop).
func call(t testing.TB, method, u, token string, body any) Page {
	t.Helper()
	var b []byte
	if body != nil {
		b, _ = json.Marshal(body)
	}
	req, err := http.NewRequest(method, u, bytes.NewReader(b))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+token)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	var buf bytes.Buffer
	buf.ReadFrom(res.Body)
	return Page{Status: res.StatusCode, Header: res.Header, Body: buf.String()}
}

func (tl Tool) rows(t *testing.T) int {
	if tl.Rows != nil {
		return tl.Rows(t)
	}
	var ws struct {
		Workshops []json.RawMessage `json:"workshops"`
	}
	tl.api(t, http.MethodGet, "/v1/workshops?limit=1000", nil).JSON(t, &ws)
	return len(ws.Workshops)
}

// Connect points the platform at the tool and registers the platform
// with the tool's organisation.
func Connect(t *testing.T, p *Platform, tl Tool) lti.Platform {
	t.Helper()
	p.ToolJWKS = tl.BaseURL + "/v1/lti/jwks"
	p.ToolLaunch = tl.BaseURL + "/v1/lti/launch"
	res := tl.api(t, http.MethodPost, "/v1/lti/platforms", p.Registration())
	require.Equal(t, http.StatusCreated, res.Status, res.Body)
	var reg lti.Platform
	res.JSON(t, &reg)
	require.NotEmpty(t, reg.ID)
	return reg
}

// Login starts a launch in browser b: the tool's login redirects to the
// platform, which answers. It returns the platform's answer and the
// nonce the tool sent.
func Login(t testing.TB, p *Platform, tl Tool, b *Browser, sub, hint string) (AuthResponse, string) {
	t.Helper()
	res := b.Do(t, http.MethodGet, p.LoginURL(tl.BaseURL+"/v1/lti/login", sub, hint), nil, nil)
	require.Equal(t, http.StatusFound, res.Status, res.Body)
	u, err := url.Parse(res.Location)
	require.NoError(t, err)
	require.Equal(t, p.URL+"/auth", u.Scheme+"://"+u.Host+u.Path, "the tool sends the browser to the platform's auth URL")
	a, err := p.Authorize(u.Query())
	require.NoError(t, err)
	return a, u.Query().Get("nonce")
}

// Post is the platform's form post of the launch, from the platform's
// origin.
func Post(t testing.TB, p *Platform, b *Browser, a AuthResponse, accept string) Page {
	t.Helper()
	h := map[string]string{"Origin": p.URL}
	if accept != "" {
		h["Accept"] = accept
	}
	return b.Do(t, http.MethodPost, a.RedirectURI, url.Values{"id_token": {a.IDToken}, "state": {a.State}}, h)
}

// Launch logs sub in and posts the launch; it fails the test unless the
// tool opens the page.
func Launch(t testing.TB, p *Platform, tl Tool, sub, hint string) Page {
	t.Helper()
	b := NewBrowser()
	a, _ := Login(t, p, tl, b, sub, hint)
	res := Post(t, p, b, a, "")
	require.Equal(t, http.StatusOK, res.Status, res.Body)
	return res
}

// DeepLink has the teacher add an item through deep linking and returns
// the resource link id the platform gave it.
func DeepLink(t *testing.T, p *Platform, tl Tool, choice url.Values) string {
	t.Helper()
	b := NewBrowser()
	a, _ := Login(t, p, tl, b, "teacher-1", "dl")
	res := Post(t, p, b, a, "")
	require.Equal(t, http.StatusOK, res.Status, res.Body)
	require.Contains(t, res.Body, `action="/v1/lti/deeplink"`)
	choice.Set("session", res.Input("session"))
	res = b.Do(t, http.MethodPost, tl.BaseURL+"/v1/lti/deeplink", choice, nil)
	require.Equal(t, http.StatusOK, res.Status, res.Body)
	ret, jwt := res.Attr("action"), res.Input("JWT")
	require.Equal(t, p.URL+"/deeplink-return", ret)
	back := b.Do(t, http.MethodPost, ret, url.Values{"JWT": {jwt}}, nil)
	require.Equal(t, http.StatusOK, back.Status, "the platform accepts the tool's signed response: %s", back.Body)
	return fmt.Sprintf("link-%d-0", len(p.DeepLinks()))
}

// RunFlow drives the whole LTI flow through the tool: registration,
// deep linking (a workshop, and graded practice), the instructor's first
// launch creating the workshop, learners joining (the same member on a
// second launch), the roster of who has not joined, and scores reaching
// the platform once per attempt while its score endpoint fails for a
// while.
func RunFlow(t *testing.T, p *Platform, tl Tool) {
	reg := Connect(t, p, tl)
	t.Run("registration", func(t *testing.T) {
		res := tl.api(t, http.MethodPost, "/v1/lti/platforms", p.Registration())
		assert.Equal(t, http.StatusConflict, res.Status, "the same issuer and client id twice")
		bad := p.Registration()
		bad.ClientID, bad.JWKSURL = "", "ftp://x"
		res = tl.api(t, http.MethodPost, "/v1/lti/platforms", bad)
		require.Equal(t, http.StatusBadRequest, res.Status)
		assert.Contains(t, res.Body, `"path":"client_id"`)
		assert.Contains(t, res.Body, `"path":"jwks_url"`)
		res = tl.api(t, http.MethodGet, "/v1/lti/platforms", nil)
		require.Equal(t, http.StatusOK, res.Status)
		assert.Contains(t, res.Body, reg.ID)
		res = NewBrowser().Do(t, http.MethodGet, tl.BaseURL+"/v1/lti/jwks", nil, nil)
		require.Equal(t, http.StatusOK, res.Status, res.Body)
		assert.Contains(t, res.Body, `"kid"`)
		assert.NotContains(t, res.Body, `"d"`, "no private key part is published")
	})

	var workshopLink, practiceLink string
	t.Run("deep linking", func(t *testing.T) {
		workshopLink = DeepLink(t, p, tl, url.Values{"kind": {"workshop"}, "position": {"Front-desk agent"},
			"process": {"Guest check-in"}, "anonymity": {"alias"}})
		items := p.DeepLinks()[0]
		require.Len(t, items, 1)
		assert.Equal(t, "workshop", items[0].Custom["purposeful_kind"])
		assert.Equal(t, "Front-desk agent", items[0].Custom["purposeful_position"])
		assert.Nil(t, items[0].LineItem, "a workshop is not graded")
		practiceLink = DeepLink(t, p, tl, url.Values{"kind": {"practice"}, "scenario": {"hotel-minibar-charge", "airline-lost-bag"},
			"mastery": {"70"}, "graded": {"1"}})
		items = p.DeepLinks()[1]
		require.NotNil(t, items[0].LineItem, "graded practice asks for a line item")
		assert.Equal(t, 100.0, items[0].LineItem.ScoreMaximum)
		assert.Equal(t, "70", items[0].Custom["purposeful_mastery"])
	})
	require.NotEmpty(t, workshopLink)

	t.Run("learner before instructor", func(t *testing.T) {
		before := tl.rows(t)
		b := NewBrowser()
		a, _ := Login(t, p, tl, b, "learner-1", workshopLink)
		res := Post(t, p, b, a, "")
		assert.Equal(t, http.StatusConflict, res.Status)
		assert.Contains(t, res.Body, "has not opened this workshop yet")
		assert.Equal(t, before, tl.rows(t), "nothing is created")
	})

	var facilitatorSession, workshopID string
	t.Run("instructor creates the workshop", func(t *testing.T) {
		res := Launch(t, p, tl, "teacher-1", workshopLink)
		facilitatorSession = res.Attr("data-session")
		wt := res.Attr("data-workshop-token")
		require.True(t, strings.HasPrefix(facilitatorSession, "pls_"))
		require.True(t, strings.HasPrefix(wt, "pft_"))
		assert.Empty(t, res.Header.Values("Set-Cookie"), "the launched page holds its session; it sets no cookie")
		var s struct {
			WorkshopID string `json:"workshop_id"`
		}
		info := call(t, http.MethodGet, tl.BaseURL+"/v1/lti/session", facilitatorSession, nil)
		require.Equal(t, http.StatusOK, info.Status, info.Body)
		assert.Contains(t, info.Body, `"role":"facilitator"`)
		assert.Contains(t, info.Body, `"kind":"workshop"`)
		info.JSON(t, &s)
		workshopID = s.WorkshopID
		st := call(t, http.MethodGet, tl.BaseURL+"/v1/workshops/"+workshopID, wt, nil)
		require.Equal(t, http.StatusOK, st.Status, st.Body)
		assert.Contains(t, st.Body, `"role":"facilitator"`)
		assert.Contains(t, st.Body, `"join_code"`)
		again := Launch(t, p, tl, "teacher-1", workshopLink)
		info = call(t, http.MethodGet, tl.BaseURL+"/v1/lti/session", again.Attr("data-session"), nil)
		assert.Contains(t, info.Body, workshopID, "the link opens the same workshop every time")
	})

	t.Run("learners join", func(t *testing.T) {
		one := Launch(t, p, tl, "learner-1", workshopLink)
		st := call(t, http.MethodGet, tl.BaseURL+"/v1/workshops/"+workshopID, one.Attr("data-workshop-token"), nil)
		require.Equal(t, http.StatusOK, st.Status, st.Body)
		assert.Contains(t, st.Body, `"role":"participant"`)
		var v struct {
			You  string `json:"you"`
			View struct {
				You struct {
					Name string `json:"name"`
				} `json:"you"`
			} `json:"view"`
		}
		st.JSON(t, &v)
		assert.True(t, strings.HasPrefix(v.View.You.Name, "Participant "), "with aliases the workshop shows an alias: %q", v.View.You.Name)
		assert.NotContains(t, st.Body, "Lee Learner", "the LMS's full name is not stored in an alias workshop")
		again := Launch(t, p, tl, "learner-1", workshopLink)
		st2 := call(t, http.MethodGet, tl.BaseURL+"/v1/workshops/"+workshopID, again.Attr("data-workshop-token"), nil)
		var v2 struct {
			You string `json:"you"`
		}
		st2.JSON(t, &v2)
		assert.Equal(t, v.You, v2.You, "a second launch is the same member")
		Launch(t, p, tl, "learner-2", workshopLink)
	})

	t.Run("roster", func(t *testing.T) {
		res := call(t, http.MethodGet, tl.BaseURL+"/v1/lti/roster", facilitatorSession, nil)
		require.Equal(t, http.StatusOK, res.Status, res.Body)
		var r struct {
			Learners, Joined int
			NotJoined        []struct{ UserID, Name string } `json:"not_joined"`
		}
		res.JSON(t, &r)
		assert.Equal(t, 3, r.Learners)
		assert.Equal(t, 2, r.Joined)
		require.Len(t, r.NotJoined, 1)
		assert.Equal(t, "Ola Late", r.NotJoined[0].Name)
	})

	t.Run("scores once per attempt", func(t *testing.T) {
		res := Launch(t, p, tl, "learner-1", practiceLink)
		sess := res.Attr("data-session")
		grants := p.TokenGrants()
		p.FailScores(3)
		reply := "I'm so sorry, you were charged for a minibar you never opened: that is our mistake. I have removed the charge now and the refund will show on your card within 3 days. Thank you for telling us."
		post := func(attempt string) string {
			r := call(t, http.MethodPost, tl.BaseURL+"/v1/lti/practice", sess, map[string]string{"scenario": "hotel-minibar-charge", "reply": reply, "attempt": attempt})
			require.Equal(t, http.StatusOK, r.Status, r.Body)
			var g struct{ Grade string }
			r.JSON(t, &g)
			return g.Grade
		}
		bad := call(t, http.MethodPost, tl.BaseURL+"/v1/lti/practice", sess, map[string]string{"scenario": "hotel-minibar-charge", "reply": reply, "attempt": ""})
		assert.Equal(t, http.StatusBadRequest, bad.Status)
		assert.Contains(t, bad.Body, `"path":"attempt"`)
		bad = call(t, http.MethodPost, tl.BaseURL+"/v1/lti/practice", sess, map[string]string{"scenario": "retail-no-receipt", "reply": reply, "attempt": "x"})
		assert.Contains(t, bad.Body, "not one of this practice's scenarios")
		bad = call(t, http.MethodPost, tl.BaseURL+"/v1/lti/complete", sess, map[string]string{"attempt": "x"})
		assert.Equal(t, http.StatusForbidden, bad.Status, "a practice launch is not the course")
		assert.Equal(t, "queued", post("attempt-a"), "the platform is failing: the score waits")
		assert.Equal(t, "queued", post("attempt-a"), "the same attempt again is not queued twice")
		for i := 0; i < 10 && len(p.Scores()) == 0; i++ {
			r := tl.api(t, http.MethodPost, "/v1/lti/scores/flush", nil)
			require.Equal(t, http.StatusOK, r.Status, r.Body)
		}
		require.Len(t, p.Scores(), 1, "the queued score arrives once the platform recovers")
		assert.Equal(t, "sent", post("attempt-b"))
		assert.Equal(t, "sent", post("attempt-b"), "an attempt already delivered is not posted again")
		for range 3 {
			tl.api(t, http.MethodPost, "/v1/lti/scores/flush", nil)
		}
		scores := p.Scores()
		require.Len(t, scores, 2, "one score per attempt")
		for _, s := range scores {
			assert.Equal(t, "learner-1", s.Body["userId"])
			assert.Equal(t, 100.0, s.Body["scoreMaximum"])
			assert.Equal(t, "Completed", s.Body["activityProgress"])
			assert.Equal(t, "FullyGraded", s.Body["gradingProgress"])
			assert.NotEmpty(t, s.Body["timestamp"])
			assert.Greater(t, s.Body["scoreGiven"], 0.0)
		}
		assert.Equal(t, grants+1, p.TokenGrants(), "the score token is fetched once and cached until it expires")
		assert.GreaterOrEqual(t, p.ScoreTries(), 5, "the failing posts were tried")
	})

	t.Run("course completion", func(t *testing.T) {
		link := DeepLink(t, p, tl, url.Values{"kind": {"course"}, "graded": {"1"}})
		res := Launch(t, p, tl, "learner-2", link)
		assert.Contains(t, res.Body, `id="complete"`)
		before := len(p.Scores())
		for range 2 {
			r := call(t, http.MethodPost, tl.BaseURL+"/v1/lti/complete", res.Attr("data-session"), map[string]string{"attempt": "course-1"})
			require.Equal(t, http.StatusOK, r.Status, r.Body)
			assert.Contains(t, r.Body, `"grade":"sent"`)
		}
		scores := p.Scores()
		require.Len(t, scores, before+1, "completing twice with one attempt posts once")
		last := scores[len(scores)-1].Body
		assert.Equal(t, "learner-2", last["userId"])
		assert.Equal(t, 100.0, last["scoreGiven"])
	})

	t.Run("standards course", func(t *testing.T) {
		book := map[string]any{"team": "frontdesk", "standards": []map[string]any{
			{"id": "s1", "code": "FD-01", "position": "Front desk", "process": "Check-in", "statement": "Greet each guest within 10 seconds.",
				"rationale": "A guest who is seen at once relaxes.", "method": map[string]any{"kind": "threshold", "value": 10, "unit": "seconds"}},
			{"id": "s2", "code": "FD-02", "position": "Front desk", "process": "Check-in", "statement": "Use the guest's name twice."},
		}}
		res := tl.api(t, http.MethodPut, "/v1/accountability/books/fd", book)
		require.Equal(t, http.StatusOK, res.Status, res.Body)

		b := NewBrowser()
		a, _ := Login(t, p, tl, b, "teacher-1", "dl")
		form := Post(t, p, b, a, "")
		require.Contains(t, form.Body, `name="book"`, "the deep linking form offers the standards course")
		bad := b.Do(t, http.MethodPost, tl.BaseURL+"/v1/lti/deeplink", url.Values{"session": {form.Input("session")}, "kind": {"standards"}, "book": {"nope"}, "graded": {"1"}},
			map[string]string{"Accept": ProblemJSON})
		assert.Equal(t, http.StatusBadRequest, bad.Status, bad.Body)
		assert.Contains(t, bad.Body, `"path":"book"`, "an unknown book is refused by name")

		link := DeepLink(t, p, tl, url.Values{"kind": {"standards"}, "book": {"fd"}, "graded": {"1"}})
		launched := Launch(t, p, tl, "learner-2", link)
		assert.Contains(t, launched.Body, `id="standards"`)
		sess := launched.Attr("data-session")
		info := call(t, http.MethodGet, tl.BaseURL+"/v1/lti/session", sess, nil)
		require.Equal(t, http.StatusOK, info.Status, info.Body)
		assert.Contains(t, info.Body, "Greet each guest within 10 seconds.", "the learner reads the book's standards")
		assert.Contains(t, info.Body, `"graded":true`)

		ack := func(attempt string, ids ...string) (int, map[string]any) {
			r := call(t, http.MethodPost, tl.BaseURL+"/v1/lti/standards", sess, map[string]any{"attempt": attempt, "acknowledged": ids})
			var out map[string]any
			json.Unmarshal([]byte(r.Body), &out)
			return r.Status, out
		}
		code, out := ack("std-x", "s1", "s9")
		assert.Equal(t, http.StatusBadRequest, code)
		assert.Contains(t, fmt.Sprint(out), "acknowledged[1]")
		before := len(p.Scores())
		for range 2 {
			code, out = ack("std-1", "s1")
			require.Equal(t, http.StatusOK, code, "%v", out)
			assert.Equal(t, "sent", out["grade"])
			assert.Equal(t, 50.0, out["score"], "one of two standards acknowledged")
		}
		scores := p.Scores()
		require.Len(t, scores, before+1, "one attempt sent twice is posted once")
		last := scores[len(scores)-1].Body
		assert.Equal(t, "learner-2", last["userId"])
		assert.Equal(t, 50.0, last["scoreGiven"])
		assert.Equal(t, 100.0, last["scoreMaximum"])
		assert.Equal(t, "Completed", last["activityProgress"])
		assert.Equal(t, "FullyGraded", last["gradingProgress"])

		code, out = ack("std-2", "s1", "s2")
		require.Equal(t, http.StatusOK, code, "%v", out)
		assert.Equal(t, true, out["mastered"])
		scores = p.Scores()
		require.Len(t, scores, before+2)
		assert.Equal(t, 100.0, scores[len(scores)-1].Body["scoreGiven"])

		bad = call(t, http.MethodPost, tl.BaseURL+"/v1/lti/complete", sess, map[string]string{"attempt": "x"})
		assert.Equal(t, http.StatusForbidden, bad.Status, "a standards launch is not the purpose course")
	})

	t.Run("removed platform", func(t *testing.T) {
		b := NewBrowser()
		a, _ := Login(t, p, tl, b, "learner-1", workshopLink)
		res := tl.api(t, http.MethodDelete, "/v1/lti/platforms/"+reg.ID, nil)
		require.Equal(t, http.StatusNoContent, res.Status, res.Body)
		res = Post(t, p, b, a, ProblemJSON)
		assert.Equal(t, http.StatusForbidden, res.Status)
		assert.Contains(t, res.Body, `"path":"platform"`)
		res = b.Do(t, http.MethodGet, p.LoginURL(tl.BaseURL+"/v1/lti/login", "learner-1", workshopLink), nil, map[string]string{"Accept": ProblemJSON})
		assert.Equal(t, http.StatusForbidden, res.Status)
		assert.Contains(t, res.Body, `"path":"platform"`)
		Connect(t, p, tl)
	})
}

// ProblemJSON asks the tool for problem documents instead of pages.
const ProblemJSON = "application/problem+json"

// Verdict is how the tool answered one forged launch.
type Verdict struct {
	Status int
	Reason string
}

// RunForgeries posts every forged launch of the corpus through the tool
// and checks that each is refused with its reason and creates nothing.
// It returns the tokens it forged (for comparing verdicts with another
// verifier).
func RunForgeries(t *testing.T, p *Platform, tl Tool) map[string]string {
	// The teacher opens the link first, so a launch that passed every
	// check would create a member, a token and a session.
	Launch(t, p, tl, "teacher-1", "link-forged")
	tokens := map[string]string{}
	for _, f := range Forgeries() {
		t.Run(f.Name, func(t *testing.T) {
			if f.Flow == FlowExpiredState && tl.Advance == nil {
				t.Skip("the tool's clock cannot be moved here")
			}
			b := NewBrowser()
			a, nonce := Login(t, p, tl, b, "learner-1", "link-forged")
			switch f.Flow {
			case FlowOldNonce:
				_, old := Login(t, p, tl, NewBrowser(), "learner-1", "link-forged")
				nonce = old
			case FlowOtherBrowser:
				other := NewBrowser()
				Login(t, p, tl, other, "learner-1", "link-forged")
				b = other
			case FlowNoCookie:
				b = NewBrowser()
			case FlowUnknownState:
				a.State = "a-state-this-tool-never-issued"
			case FlowExpiredState:
				tl.Advance(11 * time.Minute)
				defer tl.Advance(-11 * time.Minute)
			}
			a.IDToken = f.Token(p, nonce)
			tokens[f.Name] = a.IDToken
			if f.Flow == FlowReplay {
				first := Post(t, p, b, a, "")
				require.Equal(t, http.StatusOK, first.Status, "the first post is a valid launch: %s", first.Body)
			}
			before := tl.rows(t)
			res := Post(t, p, b, a, ProblemJSON)
			assert.GreaterOrEqual(t, res.Status, 400)
			assert.Less(t, res.Status, 500, res.Body)
			var prob struct {
				Type   string
				Detail string
				Errors []struct{ Path, Message string }
			}
			res.JSON(t, &prob)
			assert.Equal(t, "urn:purposeful:problem:lti-refused", prob.Type)
			require.NotEmpty(t, prob.Errors, res.Body)
			assert.Equal(t, string(f.Reason), prob.Errors[0].Path, prob.Detail)
			assert.NotEmpty(t, prob.Detail)
			assert.Equal(t, before, tl.rows(t), "a refused launch stores nothing")
			page := Post(t, p, b, a, "")
			assert.Contains(t, page.Header.Get("Content-Type"), "text/html", "people get a page")
		})
	}
	return tokens
}
