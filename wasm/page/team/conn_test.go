package team_test

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
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/page/device"
	"github.com/purposefulcx/purposeful/wasm/page/team"
	"github.com/purposefulcx/purposeful/wasm/page/team/teamjson"
	"github.com/purposefulcx/purposeful/wasm/store/sqlite"
)

// apiTransport calls the real API handler in-process; Offline makes every
// request fail as a dropped connection would, and LoseAnswers applies the
// request but reports it as lost (the retry case).
type apiTransport struct {
	h           http.Handler
	Offline     bool
	LoseAnswers bool
	Posts       int
}

func (a *apiTransport) Do(method, path, token string, body []byte, done func(team.Response)) {
	if a.Offline {
		done(team.Response{Err: errors.New("Failed to fetch")})
		return
	}
	r := httptest.NewRequest(method, path, bytes.NewReader(body))
	if token != "" {
		r.Header.Set("Authorization", "Bearer "+token)
	}
	if body != nil {
		r.Header.Set("Content-Type", "application/json")
	}
	if method == "POST" {
		a.Posts++
	}
	w := httptest.NewRecorder()
	a.h.ServeHTTP(w, r)
	if a.LoseAnswers {
		done(team.Response{Err: errors.New("connection reset")})
		return
	}
	done(team.Response{Status: w.Code, Body: w.Body.Bytes()})
}

func newAPI(t *testing.T) *apiTransport {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "team.sqlite"))
	require.NoError(t, err)
	t.Cleanup(func() { _ = st.DB().Close() })
	return &apiTransport{h: api.New(api.Config{Store: st, PublicOrg: "local"})}
}

var course = grid.Course{Position: "Front-desk agent", Purpose: "Guests feel at home from the first minute", Process: "Check-in"}

func clock() func() time.Time {
	t := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	return func() time.Time { t = t.Add(time.Millisecond); return t }
}

func mustErr(t *testing.T) func(error) {
	return func(err error) { t.Helper(); require.NoError(t, err) }
}

// room opens a workshop and moves it to the create step, with one
// participant joined.
func room(t *testing.T, anonymity string) (tr *apiTransport, fac, par *team.Conn, parStore device.MapStorage) {
	t.Helper()
	tr = newAPI(t)
	fac = team.NewConn(tr, teamjson.Codec{}, device.MapStorage{}, clock())
	fac.Create("Fatima", "Check-in ideas", settings(anonymity), course, mustErr(t))
	require.NotNil(t, fac.Seat)
	require.Len(t, fac.Seat.Code, 9, "a join code like K7QM-4XPD")
	parStore = device.MapStorage{}
	par = team.NewConn(tr, teamjson.Codec{}, parStore, clock())
	par.Join(strings.ToLower(strings.ReplaceAll(fac.Seat.Code, "-", "")), "Ana Quintero", mustErr(t))
	require.Equal(t, team.RoleParticipant, par.Seat.Role)
	for range 2 {
		require.NoError(t, fac.Send(grid.Event{Type: grid.NextStep}, nil))
	}
	require.Zero(t, fac.Pending())
	return tr, fac, par, parStore
}

func poll(t *testing.T, c *team.Conn) {
	t.Helper()
	var perr error
	c.Poll(func(_ bool, err error) { perr = err })
	require.NoError(t, perr)
	require.NotNil(t, c.View)
}

func TestPrivateIdeaRevealAndVote(t *testing.T) {
	_, fac, par, _ := room(t, "anonymous")
	idea := "Walk first-time guests to the lift"
	require.NoError(t, par.Send(grid.Event{Type: grid.AddItem, Item: par.NewID("i"), Column: grid.ColumnPurposeful, Text: idea}, nil))
	require.Empty(t, par.Err)
	poll(t, fac)
	assert.Equal(t, grid.StepCreate, fac.View.Step)
	assert.Equal(t, 1, fac.View.PrivateIdeas, "the facilitator sees a count, not the idea")
	for _, it := range fac.View.Items {
		assert.NotEqual(t, idea, it.Text)
	}
	poll(t, par)
	require.Len(t, par.View.Items, 1)
	assert.True(t, par.View.Items[0].Private && par.View.Items[0].Mine, "the author sees their own private idea")

	require.NoError(t, fac.Send(grid.Event{Type: grid.Reveal}, nil))
	poll(t, fac)
	require.Len(t, fac.View.Items, 1)
	assert.Equal(t, idea, fac.View.Items[0].Text)
	assert.Empty(t, fac.View.Items[0].Author, "anonymous: no author")
	b, _ := json.Marshal(fac.View)
	assert.NotContains(t, string(b), "Ana", "anonymous: the participant's name never reaches the facilitator")

	require.NoError(t, fac.Send(grid.Event{Type: grid.NextStep}, nil))
	require.NoError(t, fac.Send(grid.Event{Type: grid.OpenVoting}, nil))
	id := fac.View.Items[0].ID
	require.NoError(t, par.Send(grid.Event{Type: grid.Vote, Item: id}, nil))
	require.Empty(t, par.Err)
	poll(t, par)
	assert.Equal(t, 1, par.View.Items[0].MyVotes)
	assert.Nil(t, par.View.Items[0].Votes, "totals hidden while voting is open")
	require.NoError(t, fac.Send(grid.Event{Type: grid.CloseVoting}, nil))
	poll(t, fac)
	require.NotNil(t, fac.View.Items[0].Votes)
	assert.Equal(t, 1, *fac.View.Items[0].Votes)
}

func TestNamedSessionShowsNames(t *testing.T) {
	_, fac, par, _ := room(t, "named")
	require.NoError(t, par.Send(grid.Event{Type: grid.AddItem, Item: par.NewID("i"), Column: grid.ColumnPurposeful, Text: "Offer water"}, nil))
	require.NoError(t, fac.Send(grid.Event{Type: grid.Reveal}, nil))
	poll(t, fac)
	require.Len(t, fac.View.Items, 1)
	assert.Equal(t, "Ana Quintero", fac.View.Items[0].Author)
}

func TestOfflineQueueSurvivesReloadAndArrivesOnce(t *testing.T) {
	tr, fac, par, store := room(t, "anonymous")
	tr.Offline = true
	require.NoError(t, par.Send(grid.Event{Type: grid.AddItem, Item: par.NewID("i"), Column: grid.ColumnPurposeful, Text: "Remember returning guests"}, nil))
	assert.False(t, par.Online)
	assert.Equal(t, 1, par.Pending())

	// A reload: a new Conn on the same storage keeps the seat and queue.
	again := team.NewConn(tr, teamjson.Codec{}, store, clock())
	require.NotNil(t, again.Seat)
	require.Equal(t, 1, again.Pending())

	// The answer is lost the first time: the server applied it, the
	// device did not hear; the retry is a duplicate, not a second idea.
	tr.Offline, tr.LoseAnswers = false, true
	again.Flush(nil)
	assert.Equal(t, 1, again.Pending(), "unanswered: still queued")
	tr.LoseAnswers = false
	poll(t, again)
	assert.Zero(t, again.Pending())
	assert.True(t, again.Online)
	assert.Empty(t, again.Err)

	require.NoError(t, fac.Send(grid.Event{Type: grid.Reveal}, nil))
	poll(t, fac)
	n := 0
	for _, it := range fac.View.Items {
		if it.Text == "Remember returning guests" {
			n++
		}
	}
	assert.Equal(t, 1, n, "the idea arrives exactly once")
}

func TestRefusedEventIsDroppedWithReason(t *testing.T) {
	_, _, par, _ := room(t, "anonymous")
	require.NoError(t, par.Send(grid.Event{Type: grid.Reveal}, nil))
	assert.Zero(t, par.Pending(), "a refused event does not block the queue")
	assert.NotEmpty(t, par.Err)
}

func TestJoinWrongCode(t *testing.T) {
	tr := newAPI(t)
	c := team.NewConn(tr, teamjson.Codec{}, device.MapStorage{}, clock())
	var got error
	c.Join("ZZZZ-ZZZZ", "Ana", func(err error) { got = err })
	var re *team.RefusedError
	require.ErrorAs(t, got, &re)
	assert.ErrorIs(t, got, team.ErrRefused)
	assert.Nil(t, c.Seat)
	assert.ErrorIs(t, c.Send(grid.Event{Type: grid.Reveal}, nil), team.ErrNoSeat)
}

// A seat saved before the page sent grid.Event values still loads, with
// its queued changes.
func TestOldSeatKeepsItsQueue(t *testing.T) {
	s := device.MapStorage{team.SeatKey: `{"version":"purposeful.team-seat/v1","workshop":"w","member":"m","token":"t","role":"participant","name":"Ana","seq":2,` +
		`"pending":[{"id":"e1","type":"item.add","item":"i1","column":"purposeful","text":"Offer water"},{"id":"e2","type":"vote","item":"i1"}]}`}
	seat, ok := team.LoadSeat(s, teamjson.Codec{})
	require.True(t, ok)
	require.Len(t, seat.Pending, 2)
	assert.Equal(t, grid.AddItem, seat.Pending[0].Type)
	assert.Equal(t, grid.ColumnPurposeful, seat.Pending[0].Column)
	b, err := json.Marshal(seat.Pending[0])
	require.NoError(t, err)
	_, err = grid.DecodeEvent(b)
	assert.NoError(t, err, "what the page sends is a grid event")
}

func TestNormalizeCode(t *testing.T) {
	for in, want := range map[string]string{"k7qm4xpd": "K7QM-4XPD", " K7QM-4XPD ": "K7QM-4XPD", "k7 qm 4x pd": "K7QM-4XPD", "abc": "ABC"} {
		assert.Equal(t, want, team.NormalizeCode(in), in)
	}
}

func TestLoadSeatRejectsOtherVersions(t *testing.T) {
	s := device.MapStorage{team.SeatKey: `{"version":"purposeful.team-seat/v0","workshop":"w","token":"t"}`}
	_, ok := team.LoadSeat(s, teamjson.Codec{})
	assert.False(t, ok)
	s[team.SeatKey] = `not json`
	_, ok = team.LoadSeat(s, teamjson.Codec{})
	assert.False(t, ok)
}

func settings(anonymity string) grid.Settings {
	var st grid.Settings
	_ = st.Anonymity.UnmarshalText([]byte(anonymity))
	return st
}
