//go:build !js

package observe_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/page/observe"
	"github.com/purposefulcx/purposeful/wasm/page/team"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
	"github.com/purposefulcx/purposeful/wasm/page/ui/uitest"
	"github.com/purposefulcx/purposeful/wasm/store/sqlite"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// apiTransport calls the real API in-process. Offline drops every
// request; LoseAnswers applies a request but reports the answer lost.
type apiTransport struct {
	h                    http.Handler
	Offline, LoseAnswers bool
	Posts                int
}

func (a *apiTransport) Do(method, path, token string, body []byte, done func(team.Response)) {
	if a.Offline {
		done(team.Response{Err: errors.New("Failed to fetch")})
		return
	}
	if method == http.MethodPost {
		a.Posts++
	}
	w := a.call(method, path, token, body)
	if a.LoseAnswers {
		done(team.Response{Err: errors.New("connection reset")})
		return
	}
	done(team.Response{Status: w.Code, Body: w.Body.Bytes()})
}

func (a *apiTransport) call(method, path, token string, body []byte) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, path, bytes.NewReader(body))
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	if body != nil {
		r.Header.Set("Content-Type", "application/json")
	}
	w := httptest.NewRecorder()
	a.h.ServeHTTP(w, r)
	return w
}

// setup starts the API with a book and returns a supervisor's token.
func setup(t *testing.T) (*apiTransport, string, string) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "o.sqlite"))
	require.NoError(t, err)
	t.Cleanup(func() { st.DB().Close() })
	key, k, err := api.NewAPIKey("acme", nil)
	require.NoError(t, err)
	tr := &apiTransport{h: api.New(api.Config{Store: st, APIKeys: []api.APIKey{k}})}
	put := func(path string, body any) []byte {
		b, _ := json.Marshal(body)
		w := tr.call(http.MethodPut, "/v1/accountability"+path, key, b)
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		return w.Body.Bytes()
	}
	var p struct{ Token string }
	require.NoError(t, json.Unmarshal(put("/people/sup-ana", map[string]string{"role": "supervisor", "team": "harbour"}), &p))
	put("/people/staff-01", map[string]string{"role": "staff", "team": "harbour"})
	stds := []standards.Standard{
		{ID: "s1", Code: "FD-01", Position: "Front desk", Process: "Check-in", Statement: "Greet each guest within 10 seconds.", Method: standards.Method{Kind: standards.Threshold, Value: 10, Unit: "seconds"}},
		{ID: "s2", Code: "FD-02", Position: "Front desk", Process: "Check-in", Statement: "Offer one local tip."},
	}
	card := standards.Scorecard{ID: "checkin", Name: "Check-in", Sections: []standards.Section{{Name: "Welcome",
		Criteria: []standards.Criterion{{Standard: "s1", Weight: 1}, {Standard: "s2", Weight: 1, NA: true}}}}}
	put("/books/fd", map[string]any{"team": "frontdesk", "standards": stds, "scorecards": []standards.Scorecard{card}})
	return tr, p.Token, key
}

func signIn(t *testing.T, h *uitest.Host, token string) {
	t.Helper()
	app := h.El("app")
	require.Equal(t, "signin", app.Find("class", "screen").Attrs["data-screen"])
	app.ByTest("acc-token").Type(token)
	app.ByTest("acc-signin").Click()
	require.Equal(t, "observe", app.Find("class", "screen").Attrs["data-screen"], app.TextContent())
}

func record(t *testing.T, h *uitest.Host, subject, story string) {
	t.Helper()
	app := h.El("app")
	app.ByTest("acc-subject").Type(subject)
	app.ByTest("acc-interaction").Type("check-in, room 412")
	app.ByTest("acc-item-0-1").Click()
	app.ByTest("acc-item-1-0").Click()
	dev := app.ByTest("acc-item-1-purposeful")
	dev.SetChecked(true)
	dev.Fire(ui.Event{Type: "change"})
	app.ByTest("acc-item-1-story").Type(story)
	app.ByTest("acc-save").Click()
}

func TestObserveOfflineArrivesOnce(t *testing.T) {
	for _, tc := range []struct {
		name string
		lose bool // the first answer is lost after the server stored it
	}{{"offline then online", false}, {"answer lost, sent again", true}} {
		t.Run(tc.name, func(t *testing.T) {
			tr, tok, key := setup(t)
			h := uitest.New()
			p := observe.New(h, tr)
			p.Start()
			signIn(t, h, tok)
			tr.Offline, tr.LoseAnswers = !tc.lose, tc.lose
			story := "Walked the guest to the pharmacy before it closed"
			record(t, h, "staff-01", story)
			app := h.El("app")
			assert.Equal(t, "offline", app.ByTest("acc-status").Attrs["data-state"])
			assert.Contains(t, app.ByTest("acc-pending").TextContent(), "staff-01")
			stored, _ := h.Store.Get(observe.StateKey)
			assert.Contains(t, stored, story, "the observation waits on the device")
			h.Advance(observe.RetryDelay) // still offline: it waits
			assert.NotNil(t, app.ByTest("acc-pending"))
			tr.Offline, tr.LoseAnswers = false, false
			h.Advance(observe.RetryDelay)
			assert.Nil(t, app.ByTest("acc-pending"), "nothing waits any more")
			assert.Equal(t, "online", app.ByTest("acc-status").Attrs["data-state"])
			w := tr.call(http.MethodGet, "/v1/accountability/observations?book=fd", key, nil)
			var list struct {
				Observations []struct{ Observation standards.Observation }
			}
			require.NoError(t, json.Unmarshal(w.Body.Bytes(), &list))
			require.Len(t, list.Observations, 1, "stored exactly once")
			o := list.Observations[0].Observation
			assert.Equal(t, "sup-ana", o.Observer)
			assert.Equal(t, story, o.Ratings[1].Evidence)
			assert.Equal(t, standards.Purposeful, o.Ratings[1].Deviation)

			// Reports: the charts, the story and the CSV export.
			h.SetHash("reports")
			assert.Contains(t, app.ByTest("acc-stories").TextContent(), story)
			assert.NotNil(t, app.ByTest("acc-chart-weeks"))
			assert.NotNil(t, app.ByTest("acc-chart-standards"))
			app.ByTest("acc-report-csv").Click()
			require.Len(t, h.Downloads, 1)
			assert.Equal(t, "fd-report.csv", h.Downloads[0].Name)
			assert.Contains(t, string(h.Downloads[0].Data), "story,staff-01")
		})
	}
}

func TestObserveNeedsEveryItem(t *testing.T) {
	tr, tok, _ := setup(t)
	h := uitest.New()
	observe.New(h, tr).Start()
	signIn(t, h, tok)
	app := h.El("app")
	app.ByTest("acc-subject").Type("staff-01")
	app.ByTest("acc-interaction").Type("check-in")
	app.ByTest("acc-item-0-1").Click()
	posts := tr.Posts
	app.ByTest("acc-save").Click()
	assert.Contains(t, app.ByTest("acc-message").TextContent(), "item 2 has no rating")
	assert.Equal(t, posts, tr.Posts, "nothing is sent")
	assert.True(t, strings.Contains(app.ByTest("acc-item-0-1").Attrs["aria-pressed"], "true"))
}
