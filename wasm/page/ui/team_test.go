package ui_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/team"
	"github.com/purposefulcx/purposeful/wasm/page/team/teamjson"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
	"github.com/purposefulcx/purposeful/wasm/page/ui/uitest"
)

// fakeAPI answers the team routes from memory: enough of the API's
// contract (ids idempotent, ideas private until revealed) to drive the
// screens natively. The real API is exercised in wasm/page/team and e2e.
type fakeAPI struct {
	offline bool
	events  []grid.Event
	seen    map[string]bool
	posts   int
}

func (f *fakeAPI) Do(method, path, token string, body []byte, done func(team.Response)) {
	if f.offline {
		done(team.Response{Err: errors.New("Failed to fetch")})
		return
	}
	ok := func(v any) { b, _ := json.Marshal(v); done(team.Response{Status: 200, Body: b}) }
	switch {
	case method == "POST" && path == "/v1/workshops":
		ok(map[string]any{"id": "w1", "join_code": "K7QM-4XPD", "facilitator_token": "pft_f", "member_id": "m1"})
	case method == "POST" && path == "/v1/join":
		var r struct{ Code string }
		_ = json.Unmarshal(body, &r)
		if r.Code != "K7QM-4XPD" {
			done(team.Response{Status: 404, Body: []byte(`{"title":"Not found","detail":"no workshop has this code"}`)})
			return
		}
		ok(map[string]any{"workshop_id": "w1", "member_id": "m2", "participant_token": "pft_p"})
	case method == "POST" && strings.HasSuffix(path, "/events"):
		f.posts++
		var e grid.Event
		if json.Unmarshal(body, &e) != nil {
			done(team.Response{Status: 400})
			return
		}
		if f.seen == nil {
			f.seen = map[string]bool{}
		}
		if !f.seen[e.ID] {
			f.seen[e.ID] = true
			f.events = append(f.events, e)
		}
		ok(map[string]any{"applied": 1, "cursor": len(f.events)})
	case method == "GET" && strings.Contains(path, "/events"):
		ok(map[string]any{"events": []any{}, "cursor": len(f.events)})
	case method == "GET":
		ok(map[string]any{"title": "Check-in ideas", "join_code": "K7QM-4XPD", "cursor": len(f.events), "view": f.view(token)})
	default:
		done(team.Response{Status: 405})
	}
}

func (f *fakeAPI) view(token string) grid.View {
	v := grid.View{Step: grid.StepCreate, Members: []grid.Member{{Role: grid.Facilitator}, {Role: grid.Participant}}}
	revealed := false
	for _, e := range f.events {
		if e.Type == grid.Reveal {
			revealed = true
		}
	}
	for _, e := range f.events {
		if e.Type != grid.AddItem {
			continue
		}
		if !revealed && token == "pft_f" {
			v.PrivateIdeas++
			continue
		}
		v.Items = append(v.Items, grid.ItemView{ID: e.Item, Column: e.Column, Text: e.Text, Private: !revealed, Mine: token == "pft_p"})
	}
	return v
}

func startTeam(t *testing.T, h *uitest.Host, api *fakeAPI) *team.Conn {
	t.Helper()
	c := team.NewConn(api, teamjson.Codec{}, h.Storage(), h.Now)
	a := ui.New(h, ui.Services{})
	a.Only = "team"
	a.EnableTeam(c, "https://workshop.example")
	a.Start()
	return c
}

func TestWorkshopPageLinksToTeamPage(t *testing.T) {
	h := uitest.New()
	h.HashValue = "team"
	start(t, h)
	l := find(t, h, "to-team-host")
	assert.Equal(t, "team.html#host", l.Attr("href"))
	assert.Equal(t, "team.html#join", find(t, h, "to-team-join").Attr("href"))
}

func TestTeamHostNeedsTheCourse(t *testing.T) {
	h := uitest.New()
	api := &fakeAPI{}
	startTeam(t, h, api)
	find(t, h, "team-open").Click()
	msg := find(t, h, "team-host-error").TextContent()
	assert.Contains(t, msg, "your name")
	assert.Contains(t, msg, "the purpose")
	assert.Nil(t, app(h).ByTest("join-code"), "nothing opened")

	find(t, h, "team-host-name").Type("Fatima")
	find(t, h, "team-position").Type("Front-desk agent")
	find(t, h, "team-purpose").Type("Guests feel at home")
	find(t, h, "team-process").Type("Check-in")
	find(t, h, "team-open").Click()
	assert.Equal(t, "K7QM-4XPD", find(t, h, "join-code").TextContent())
	assert.Equal(t, "https://workshop.example/team.html#join/K7QM-4XPD", find(t, h, "join-link").TextContent())
	assert.Equal(t, "team.html#join/K7QM-4XPD", find(t, h, "join-link").Attr("href"))
	assert.Equal(t, "Check-in ideas", find(t, h, "team-title").TextContent())
}

func TestTeamJoinLinkFillsTheCode(t *testing.T) {
	h := uitest.New()
	h.HashValue = "join/k7qm4xpd"
	startTeam(t, h, &fakeAPI{})
	assert.Equal(t, "K7QM-4XPD", find(t, h, "team-code").Value())
	assert.Nil(t, app(h).ByTest("team-host"), "the join link shows only the join form")
	find(t, h, "team-join-btn").Click()
	assert.Contains(t, find(t, h, "team-join-error").TextContent(), "your name")
}

func TestTeamWrongCodeSaysSo(t *testing.T) {
	h := uitest.New()
	h.HashValue = "join"
	startTeam(t, h, &fakeAPI{})
	find(t, h, "team-code").Type("ZZZZ-ZZZZ")
	find(t, h, "team-name").Type("Ana")
	find(t, h, "team-join-btn").Click()
	assert.Contains(t, find(t, h, "team-join-error").TextContent(), "no workshop has this code")
	assert.Contains(t, h.El("alerts").TextContent(), "no workshop has this code")
}

func TestTeamOfflineIdeaIsQueuedThenSentOnce(t *testing.T) {
	h := uitest.New()
	h.HashValue = "join"
	api := &fakeAPI{}
	c := startTeam(t, h, api)
	find(t, h, "team-code").Type("k7qm 4xpd")
	find(t, h, "team-name").Type("Ana")
	find(t, h, "team-join-btn").Click()
	require.NotNil(t, c.Seat)
	assert.Equal(t, "online", find(t, h, "team-status").Attr("data-state"))
	assert.Contains(t, find(t, h, "team-step").TextContent(), "Get creative")

	api.offline = true
	h.Advance(ui.PollEvery)
	assert.Equal(t, "offline", find(t, h, "team-status").Attr("data-state"))
	find(t, h, "team-idea").Type("Offer water on arrival")
	find(t, h, "team-idea-add").Click()
	assert.Contains(t, find(t, h, "team-status").TextContent(), "1 change is kept on this device")
	assert.Contains(t, find(t, h, "team-pending").TextContent(), "Offer water on arrival")
	assert.Contains(t, h.Store[team.SeatKey], "Offer water on arrival", "the queue is saved on the device")
	assert.Empty(t, find(t, h, "team-idea").Value(), "the field is ready for the next idea")
	for range 3 {
		h.Advance(ui.PollEvery)
	}
	assert.Zero(t, api.posts)

	api.offline = false
	h.Advance(ui.PollEvery)
	assert.Equal(t, "online", find(t, h, "team-status").Attr("data-state"))
	assert.Nil(t, app(h).ByTest("team-pending"))
	require.Len(t, api.events, 1)
	assert.Equal(t, "Offer water on arrival", api.events[0].Text)
	assert.Equal(t, 1, api.posts, "sent once")
	assert.Contains(t, find(t, h, "team-items").TextContent(), "Private until the reveal")
}

func TestTeamFacilitatorRevealsAndTextStaysText(t *testing.T) {
	h := uitest.New()
	api := &fakeAPI{}
	startTeam(t, h, api)
	find(t, h, "team-host-name").Type("Fatima")
	find(t, h, "team-position").Type("P")
	find(t, h, "team-purpose").Type("Q")
	find(t, h, "team-process").Type("R")
	find(t, h, "team-open").Click()
	payload := `<img src=x onerror="window.__xss=1">`
	for i := range 3 {
		api.events = append(api.events, grid.Event{ID: "e" + strconv.Itoa(i), Type: grid.AddItem, Item: "i" + strconv.Itoa(i), Column: grid.ColumnPurposeful, Text: payload})
	}
	h.Advance(ui.PollEvery)
	h.Advance(ui.PollEvery)
	assert.Contains(t, find(t, h, "team-private").TextContent(), "3 ideas still private")
	find(t, h, "team-reveal").Click()
	items := find(t, h, "team-items")
	assert.Len(t, items.FindAll("class", "team-item"), 3)
	assert.Contains(t, items.TextContent(), payload, "user text is set as text")
	n := 0
	for _, it := range items.FindAll("class", "team-item") {
		for _, k := range it.Kids {
			if k.Tag != "p" && k.Tag != "div" {
				n++
			}
		}
	}
	assert.Zero(t, n, "only the page's own elements, none made from the text")
}

func TestTeamReloadKeepsTheSeat(t *testing.T) {
	h := uitest.New()
	api := &fakeAPI{offline: false}
	c := team.NewConn(api, teamjson.Codec{}, h.Storage(), h.Now)
	c.Join("K7QM-4XPD", "Ana", func(err error) { require.NoError(t, err) })
	startTeam(t, h, api)
	assert.NotNil(t, app(h).ByTest("team-room"), "a stored seat opens the room")
}
