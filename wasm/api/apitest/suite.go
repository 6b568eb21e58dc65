package apitest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Run runs the whole suite against tg.
func Run(t *testing.T, tg Target) {
	t.Run("health", tg.testHealth)
	t.Run("openapi", tg.testOpenAPI)
	t.Run("workshop", tg.testWorkshop)
	t.Run("anonymity", tg.testAnonymity)
	t.Run("complete", tg.testComplete)
	t.Run("hostile", tg.testHostile)
	t.Run("analysis", tg.testAnalysis)
	t.Run("hardening", tg.testHardening)
	t.Run("join-brute-force", tg.testJoinBruteForce)
}

func (tg *Target) testHealth(t *testing.T) {
	r := tg.do(t, req{method: http.MethodGet, path: "/v1/health"})
	requireOK(t, r, http.StatusOK)
	var h struct{ Status, Version, Database string }
	r.json(t, &h)
	assert.Equal(t, "ok", h.Status)
	assert.Equal(t, "ok", h.Database)
	assert.Equal(t, "application/json", r.header.Get("Content-Type"))
}

// testOpenAPI checks that every documented operation exists: each answers
// something other than "no such route" or 405.
func (tg *Target) testOpenAPI(t *testing.T) {
	r := tg.do(t, req{method: http.MethodGet, path: "/v1/openapi.json"})
	requireOK(t, r, http.StatusOK)
	var doc struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	r.json(t, &doc)
	assert.Equal(t, "3.1.0", doc.OpenAPI)
	require.NotEmpty(t, doc.Paths)
	n := 0
	for path, ops := range doc.Paths {
		for method := range ops {
			n++
			p := strings.ReplaceAll(path, "{id}", "00000000000000000000000000000000")
			got := tg.do(t, req{method: strings.ToUpper(method), path: p})
			assert.NotEqual(t, http.StatusMethodNotAllowed, got.status, "%s %s", method, path)
			if got.status == http.StatusNotFound {
				var pd problemDoc
				json.Unmarshal(got.body, &pd)
				assert.NotEqual(t, "no such route", pd.Detail, "%s %s is documented but not routed", method, path)
			}
		}
	}
	assert.GreaterOrEqual(t, n, 12)
	requireProblem(t, tg.do(t, req{method: http.MethodGet, path: "/v1/undocumented"}), http.StatusNotFound)
}

func (tg *Target) testWorkshop(t *testing.T) {
	w := tg.create(t, tg.OrgKey, map[string]any{"anonymity": "named"})
	st := tg.state(t, w, w.Facilitator)
	assert.Equal(t, "facilitator", st.Role)
	assert.Equal(t, "course", st.View.Step)
	assert.Equal(t, w.Code, st.JoinCode, "the facilitator sees the join code")

	ana := tg.join(t, w, "Ana", "10.0.0.1")
	assert.NotEqual(t, w.Facilitator, ana.Token)
	pst := tg.state(t, w, ana.Token)
	assert.Equal(t, "participant", pst.Role)
	assert.Empty(t, pst.JoinCode, "participants do not get the join code")

	// Join codes are typed loosely: lower case and no dash work too.
	loose := strings.ToLower(strings.ReplaceAll(w.Code, "-", ""))
	r := tg.do(t, req{method: http.MethodPost, path: "/v1/join", body: mustJSON(t, map[string]string{"code": loose, "name": "Ben"})})
	requireOK(t, r, http.StatusCreated)

	tg.toStep(t, w, 1) // team
	a := tg.send(t, w, ana.Token, map[string]any{"id": "k1", "type": "item.add", "item": "k1", "column": "knowledge", "text": "Room types and rates"})
	assert.Equal(t, 1, a.Applied)
	// The same event again is a harmless duplicate.
	a2 := tg.send(t, w, ana.Token, map[string]any{"id": "k1", "type": "item.add", "item": "k1", "column": "knowledge", "text": "Room types and rates"})
	assert.Equal(t, 0, a2.Applied)
	assert.Equal(t, 1, a2.Duplicates)
	assert.Equal(t, a.Cursor, a2.Cursor)

	// A batch.
	b := tg.send(t, w, w.Facilitator,
		map[string]any{"id": "s1", "type": "item.add", "item": "s1", "column": "skills", "text": "Take a card payment"},
		map[string]any{"id": "s2", "type": "item.add", "item": "s2", "column": "skills", "text": "Run the reservation system"})
	assert.Equal(t, 2, b.Applied)

	// Events after a cursor.
	all := tg.events(t, w, ana.Token, 0)
	require.GreaterOrEqual(t, len(all.Events), 6)
	assert.Equal(t, b.Cursor, all.Cursor)
	tail := tg.events(t, w, ana.Token, a.Cursor)
	require.Len(t, tail.Events, 2)
	assert.Equal(t, "s1", tail.Events[0].Event["id"])
	none := tg.events(t, w, ana.Token, all.Cursor)
	assert.Empty(t, none.Events)
	assert.Equal(t, all.Cursor, none.Cursor)
	for i := 1; i < len(all.Events); i++ {
		assert.Less(t, all.Events[i-1].Seq, all.Events[i].Seq)
	}

	// State.
	st = tg.state(t, w, ana.Token)
	assert.Equal(t, "team", st.View.Step)
	assert.Len(t, st.View.Items, 3)
	assert.Equal(t, b.Cursor, st.Cursor)

	// A participant cannot act as the facilitator or as someone else.
	r = tg.do(t, req{method: http.MethodPost, path: "/v1/workshops/" + w.ID + "/events", auth: ana.Token,
		body: []byte(`{"id":"x1","type":"step.next"}`)})
	requireProblem(t, r, http.StatusForbidden)

	// The organisation reads with its key; another organisation cannot.
	st = tg.state(t, w, tg.OrgKey)
	assert.Equal(t, "organisation", st.Role)
	requireProblem(t, tg.do(t, req{method: http.MethodGet, path: "/v1/workshops/" + w.ID, auth: tg.OtherOrgKey}), http.StatusNotFound)

	// Exports.
	for _, f := range []struct{ format, ctype, want string }{
		{"json", "application/json", `"purposeful.grid/v1"`},
		{"csv", "text/csv", "Room types and rates"},
		{"md", "text/markdown", "| Room types and rates"},
		{"svg", "image/svg+xml", "<svg"},
	} {
		r := tg.do(t, req{method: http.MethodGet, path: "/v1/workshops/" + w.ID + "/export?format=" + f.format, auth: ana.Token})
		requireOK(t, r, http.StatusOK)
		assert.True(t, strings.HasPrefix(r.header.Get("Content-Type"), f.ctype), f.format)
		assert.Contains(t, string(r.body), f.want, f.format)
		assert.Contains(t, r.header.Get("Content-Disposition"), "."+f.format)
	}

	// The organisation lists its workshops; the other one does not see it.
	r = tg.do(t, req{method: http.MethodGet, path: "/v1/workshops", auth: tg.OrgKey})
	requireOK(t, r, http.StatusOK)
	assert.Contains(t, string(r.body), w.ID)
	r = tg.do(t, req{method: http.MethodGet, path: "/v1/workshops", auth: tg.OtherOrgKey})
	requireOK(t, r, http.StatusOK)
	assert.NotContains(t, string(r.body), w.ID)
}

// testAnonymity checks that names and private ideas never leak, in any
// read: state, events, export.
func (tg *Target) testAnonymity(t *testing.T) {
	w := tg.create(t, tg.OrgKey, nil) // anonymous by default
	ana := tg.join(t, w, "Ana Secretname", "10.0.0.2")
	ben := tg.join(t, w, "Ben Hiddenname", "10.0.0.3")
	tg.toStep(t, w, 2) // team, create
	tg.send(t, w, ana.Token, map[string]any{"id": "p1", "type": "item.add", "item": "p1", "column": "purposeful", "text": "Walk the guest to the lift"})

	for _, tok := range []string{ben.Token, w.Facilitator, tg.OrgKey} {
		st := tg.state(t, w, tok)
		for _, m := range st.View.Members {
			assert.NotContains(t, m.Name, "Secretname")
		}
		for _, it := range st.View.Items {
			assert.Empty(t, it.Author)
		}
		evs := tg.do(t, req{method: http.MethodGet, path: "/v1/workshops/" + w.ID + "/events", auth: tok})
		requireOK(t, evs, http.StatusOK)
		assert.NotContains(t, string(evs.body), "Secretname")
		assert.NotContains(t, string(evs.body), ana.ID, "other members' ids are not shown")
		for _, f := range []string{"json", "csv", "md", "svg"} {
			ex := tg.do(t, req{method: http.MethodGet, path: "/v1/workshops/" + w.ID + "/export?format=" + f, auth: tok})
			requireOK(t, ex, http.StatusOK)
			assert.NotContains(t, string(ex.body), "Secretname", f)
			assert.NotContains(t, string(ex.body), "Hiddenname", f)
		}
	}
	// Ben does not see Ana's private idea before it is revealed.
	evs := tg.do(t, req{method: http.MethodGet, path: "/v1/workshops/" + w.ID + "/events", auth: ben.Token})
	assert.NotContains(t, string(evs.body), "Walk the guest")
	ex := tg.do(t, req{method: http.MethodGet, path: "/v1/workshops/" + w.ID + "/export?format=csv", auth: ben.Token})
	assert.NotContains(t, string(ex.body), "Walk the guest")
	// Ana sees her own.
	evs = tg.do(t, req{method: http.MethodGet, path: "/v1/workshops/" + w.ID + "/events", auth: ana.Token})
	assert.Contains(t, string(evs.body), "Walk the guest")
	// After the reveal Ben sees the idea, still without its author.
	tg.send(t, w, w.Facilitator, map[string]any{"id": "rv", "type": "ideas.reveal"})
	ex = tg.do(t, req{method: http.MethodGet, path: "/v1/workshops/" + w.ID + "/export?format=csv", auth: ben.Token})
	assert.Contains(t, string(ex.body), "Walk the guest")
	assert.NotContains(t, string(ex.body), "Secretname")
}

// testComplete completes a workshop with an adopted idea and reads the
// xAPI statement back.
func (tg *Target) testComplete(t *testing.T) {
	w := tg.create(t, tg.OrgKey, nil)
	ana := tg.join(t, w, "Ana", "10.0.0.4")
	tg.toStep(t, w, 2)
	tg.send(t, w, ana.Token, map[string]any{"id": "p1", "type": "item.add", "item": "p1", "column": "purposeful", "text": "Offer a glass of water on arrival"})
	tg.send(t, w, w.Facilitator, map[string]any{"id": "rv", "type": "ideas.reveal"})
	tg.send(t, w, w.Facilitator, map[string]any{"id": "next-2", "type": "step.next"}) // mine
	tg.send(t, w, w.Facilitator, map[string]any{"id": "d1", "type": "decide", "item": "p1", "status": "adopted"})

	// A participant cannot complete it.
	requireProblem(t, tg.do(t, req{method: http.MethodPost, path: "/v1/workshops/" + w.ID + "/complete", auth: ana.Token}), http.StatusForbidden)

	r := tg.do(t, req{method: http.MethodPost, path: "/v1/workshops/" + w.ID + "/complete", auth: w.Facilitator,
		body: []byte(`{"actor":{"name":"Fatima","mbox":"mailto:fatima@example.com"}}`)})
	requireOK(t, r, http.StatusOK)
	var done struct {
		StatementID string `json:"statement_id"`
		Adopted     int    `json:"adopted"`
	}
	r.json(t, &done)
	assert.Equal(t, 1, done.Adopted)
	assert.Len(t, done.StatementID, 36)

	assert.True(t, tg.state(t, w, w.Facilitator).Completed)
	// Completed: no more events, no second completion, the code is closed.
	requireProblem(t, tg.do(t, req{method: http.MethodPost, path: "/v1/workshops/" + w.ID + "/events", auth: ana.Token,
		body: []byte(`{"id":"late","type":"item.add","item":"p9","column":"purposeful","text":"Too late"}`)}), http.StatusConflict)
	requireProblem(t, tg.do(t, req{method: http.MethodPost, path: "/v1/workshops/" + w.ID + "/complete", auth: w.Facilitator}), http.StatusConflict)
	requireProblem(t, tg.do(t, req{method: http.MethodPost, path: "/v1/join", body: mustJSON(t, map[string]string{"code": w.Code, "name": "Late"}),
		header: tg.clientHeader("10.0.0.5")}), http.StatusNotFound)

	st := tg.statement(t, tg.OrgKey, done.StatementID)
	require.NotNil(t, st, "the statement is readable by the organisation")
	assert.NotContains(t, st, "version", "the statement's version is left to the LRS")
	assert.Equal(t, "http://adlnet.gov/expapi/verbs/completed", st["verb"].(map[string]any)["id"])
	assert.Contains(t, string(mustJSON(t, st)), "Offer a glass of water on arrival")
	assert.Nil(t, tg.statement(t, tg.OtherOrgKey, done.StatementID), "another organisation does not see it")
}

func (tg *Target) clientHeader(client string) map[string]string {
	if tg.ClientIPHeader == "" {
		return nil
	}
	return map[string]string{tg.ClientIPHeader: client}
}

// statement finds a statement by id in the organisation's list.
func (tg *Target) statement(t *testing.T, key, id string) map[string]any {
	t.Helper()
	after := int64(0)
	for {
		r := tg.do(t, req{method: http.MethodGet, path: fmt.Sprintf("/v1/xapi/statements?after=%d&limit=1000", after), auth: key})
		requireOK(t, r, http.StatusOK)
		var out struct {
			Statements []map[string]any `json:"statements"`
			Cursor     int64            `json:"cursor"`
		}
		r.json(t, &out)
		for _, s := range out.Statements {
			if s["id"] == id {
				return s
			}
		}
		if len(out.Statements) == 0 {
			return nil
		}
		after = out.Cursor
	}
}

// testJoinBruteForce: wrong codes from one client are limited; a client
// with a different address is not affected. It runs last: it slows its
// client down for 15 minutes.
func (tg *Target) testJoinBruteForce(t *testing.T) {
	if tg.ClientIPHeader == "" {
		t.Skip("needs a client address header")
	}
	w := tg.create(t, tg.OrgKey, nil)
	attacker := "10.9.9.9"
	limited := false
	for i := range 12 {
		r := tg.do(t, req{method: http.MethodPost, path: "/v1/join", header: tg.clientHeader(attacker),
			body: mustJSON(t, map[string]string{"code": fmt.Sprintf("ZZZZ-ZZ%c%c", "ABCDEFGHJK"[i%10], "MNPQRSTVWX"[i/10]), "name": "Mallory"})})
		if r.status == http.StatusTooManyRequests {
			requireProblem(t, r, http.StatusTooManyRequests)
			assert.NotEmpty(t, r.header.Get("Retry-After"))
			limited = true
			break
		}
		requireProblem(t, r, http.StatusNotFound)
	}
	require.True(t, limited, "guessing join codes is limited")
	// The right code still gets in (one checked try per 30 s), so a room
	// behind the same address is not locked out; guessing stays limited.
	tg.join(t, w, "Mallory", attacker)
	r := tg.do(t, req{method: http.MethodPost, path: "/v1/join", header: tg.clientHeader(attacker),
		body: mustJSON(t, map[string]string{"code": "ZZZZ-ZZZZ", "name": "Mallory"})})
	requireProblem(t, r, http.StatusTooManyRequests)
	// ...but not to someone else.
	tg.join(t, w, "Ana", "10.9.9.10")
}
