package apitest

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// snapshot is what the API shows of its stored data, to check that a
// rejected request stored nothing.
type snapshot struct {
	rows       int
	events     int
	cursor     int64
	workshops  [2]string
	statements [2]int
}

func (tg *Target) snapshot(t *testing.T, w workshop) snapshot {
	t.Helper()
	var s snapshot
	if tg.Rows != nil {
		s.rows = tg.Rows(t)
	}
	evs := tg.events(t, w, w.Facilitator, 0)
	s.events, s.cursor = len(evs.Events), evs.Cursor
	for i, key := range []string{tg.OrgKey, tg.OtherOrgKey} {
		r := tg.do(t, req{method: http.MethodGet, path: "/v1/workshops?limit=1000", auth: key})
		requireOK(t, r, http.StatusOK)
		s.workshops[i] = string(r.body)
		r = tg.do(t, req{method: http.MethodGet, path: "/v1/xapi/statements?limit=1000", auth: key})
		requireOK(t, r, http.StatusOK)
		s.statements[i] = strings.Count(string(r.body), `"verb"`)
	}
	return s
}

type hostileCase struct {
	name   string
	q      req
	status int
}

func nested(depth int) []byte {
	return []byte(`{"name":"x","settings":` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + `}`)
}

// testHostile sends malformed and hostile requests: each must get the
// right 4xx problem document and leave the stored data as it was.
func (tg *Target) testHostile(t *testing.T) {
	w := tg.create(t, tg.OrgKey, nil)
	other := tg.create(t, tg.OtherOrgKey, nil)
	ana := tg.join(t, w, "Ana", "10.1.0.1")
	eve := tg.join(t, other, "Eve", "10.1.0.2")
	tg.toStep(t, w, 1) // team
	tg.send(t, w, ana.Token, map[string]any{"id": "k1", "type": "item.add", "item": "k1", "column": "knowledge", "text": "Room types"})
	done := tg.create(t, tg.OrgKey, nil)
	r := tg.do(t, req{method: http.MethodPost, path: "/v1/workshops/" + done.ID + "/complete", auth: done.Facilitator})
	requireOK(t, r, http.StatusOK)

	wp := "/v1/workshops/" + w.ID
	ev := wp + "/events"
	create := "/v1/workshops"
	key := tg.OrgKey
	fac := w.Facilitator
	P := ana.Token
	big := bytes.Repeat([]byte("a"), 300<<10)
	huge := []byte(`{"name":"` + string(big) + `"}`)

	cases := []hostileCase{
		// Media type.
		{"no content type", req{method: "POST", path: create, auth: key, ctype: "-", body: []byte(`{"name":"A"}`)}, 415},
		{"text/plain", req{method: "POST", path: create, auth: key, ctype: "text/plain", body: []byte(`{"name":"A"}`)}, 415},
		{"form", req{method: "POST", path: create, auth: key, ctype: "application/x-www-form-urlencoded", body: []byte(`name=A`)}, 415},
		{"latin1 charset", req{method: "POST", path: create, auth: key, ctype: "application/json; charset=latin1", body: []byte(`{"name":"A"}`)}, 415},
		{"xml", req{method: "POST", path: ev, auth: P, ctype: "application/xml", body: []byte(`<e/>`)}, 415},
		{"bad media type syntax", req{method: "POST", path: create, auth: key, ctype: "application/", body: []byte(`{"name":"A"}`)}, 415},
		// Size.
		{"huge body", req{method: "POST", path: create, auth: key, body: huge}, 413},
		{"huge event", req{method: "POST", path: ev, auth: P, body: huge}, 413},
		{"huge join", req{method: "POST", path: "/v1/join", body: huge}, 413},
		// Syntax.
		{"empty body", req{method: "POST", path: create, auth: key, body: []byte{}}, 400},
		{"blank body", req{method: "POST", path: create, auth: key, body: []byte("  \n")}, 400},
		{"truncated", req{method: "POST", path: create, auth: key, body: []byte(`{"name":`)}, 400},
		{"not json", req{method: "POST", path: create, auth: key, body: []byte(`name=A`)}, 400},
		{"array body", req{method: "POST", path: create, auth: key, body: []byte(`[]`)}, 400},
		{"string body", req{method: "POST", path: create, auth: key, body: []byte(`"A"`)}, 400},
		{"trailing data", req{method: "POST", path: create, auth: key, body: []byte(`{"name":"A"}{"name":"B"}`)}, 400},
		{"trailing garbage", req{method: "POST", path: create, auth: key, body: []byte(`{"name":"A"} x`)}, 400},
		{"byte order mark", req{method: "POST", path: create, auth: key, body: []byte("\xef\xbb\xbf{\"name\":\"A\"}")}, 400},
		{"invalid utf-8", req{method: "POST", path: create, auth: key, body: []byte("{\"name\":\"A\xff\xfe\"}")}, 400},
		{"overlong utf-8", req{method: "POST", path: create, auth: key, body: []byte("{\"name\":\"\xc0\xaf\"}")}, 400},
		{"lone surrogate bytes", req{method: "POST", path: create, auth: key, body: []byte("{\"name\":\"\xed\xa0\x80\"}")}, 400},
		{"deep nesting", req{method: "POST", path: create, auth: key, body: nested(200)}, 400},
		{"deep nesting event", req{method: "POST", path: ev, auth: P, body: []byte(strings.Repeat(`{"a":`, 100) + "1" + strings.Repeat("}", 100))}, 400},
		{"duplicate key", req{method: "POST", path: create, auth: key, body: []byte(`{"name":"A","name":"B"}`)}, 400},
		{"duplicate nested key", req{method: "POST", path: create, auth: key, body: []byte(`{"name":"A","course":{"position":"x","position":"y"}}`)}, 400},
		// Fields and types.
		{"unknown field", req{method: "POST", path: create, auth: key, body: []byte(`{"name":"A","admin":true}`)}, 400},
		{"unknown nested field", req{method: "POST", path: create, auth: key, body: []byte(`{"name":"A","course":{"salary":1}}`)}, 400},
		{"name wrong type", req{method: "POST", path: create, auth: key, body: []byte(`{"name":5}`)}, 400},
		{"name null only", req{method: "POST", path: create, auth: key, body: []byte(`{"name":null}`)}, 400},
		{"name missing", req{method: "POST", path: create, auth: key, body: []byte(`{}`)}, 400},
		{"name blank", req{method: "POST", path: create, auth: key, body: []byte(`{"name":"   "}`)}, 400},
		{"name too long", req{method: "POST", path: create, auth: key, body: []byte(`{"name":"` + strings.Repeat("n", 81) + `"}`)}, 400},
		{"name control chars", req{method: "POST", path: create, auth: key, body: []byte(`{"name":"A\u0000B"}`)}, 400},
		{"title too long", req{method: "POST", path: create, auth: key, body: []byte(`{"name":"A","title":"` + strings.Repeat("t", 201) + `"}`)}, 400},
		{"bad anonymity", req{method: "POST", path: create, auth: key, body: []byte(`{"name":"A","settings":{"anonymity":"public"}}`)}, 400},
		{"settings wrong type", req{method: "POST", path: create, auth: key, body: []byte(`{"name":"A","settings":"named"}`)}, 400},
		{"huge number", req{method: "POST", path: create, auth: key, body: []byte(`{"name":"A","settings":{"dots":1e400}}`)}, 400},
		{"float for int", req{method: "POST", path: create, auth: key, body: []byte(`{"name":"A","settings":{"dots":1.5}}`)}, 400},
		// Authentication.
		{"create without key", req{method: "POST", path: create, body: []byte(`{"name":"A"}`)}, 401},
		{"create with bad key", req{method: "POST", path: create, auth: "pfk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", body: []byte(`{"name":"A"}`)}, 401},
		{"create with workshop token", req{method: "POST", path: create, auth: fac, body: []byte(`{"name":"A"}`)}, 401},
		{"basic auth", req{method: "GET", path: wp, header: map[string]string{"Authorization": "Basic YTpi"}}, 401},
		{"empty bearer", req{method: "GET", path: wp, header: map[string]string{"Authorization": "Bearer "}}, 401},
		{"state without token", req{method: "GET", path: wp}, 401},
		{"short token", req{method: "GET", path: wp, auth: "pft_abc"}, 401},
		{"forged token", req{method: "GET", path: wp, auth: "pft_" + strings.Repeat("A", 43)}, 401},
		{"token of another workshop", req{method: "GET", path: wp, auth: eve.Token}, 401},
		{"events with another workshop's token", req{method: "POST", path: ev, auth: other.Facilitator, body: []byte(`{"id":"x","type":"step.next"}`)}, 401},
		{"statements without key", req{method: "GET", path: "/v1/xapi/statements"}, 401},
		{"statements with a token", req{method: "GET", path: "/v1/xapi/statements", auth: fac}, 401},
		{"workshop list with a token", req{method: "GET", path: "/v1/workshops", auth: P}, 401},
		// Another organisation's ids.
		{"other org state", req{method: "GET", path: wp, auth: tg.OtherOrgKey}, 404},
		{"other org events", req{method: "GET", path: ev, auth: tg.OtherOrgKey}, 404},
		{"other org export", req{method: "GET", path: wp + "/export", auth: tg.OtherOrgKey}, 404},
		{"other org complete", req{method: "POST", path: wp + "/complete", auth: tg.OtherOrgKey}, 404},
		{"unknown workshop", req{method: "GET", path: "/v1/workshops/ffffffffffffffffffffffffffffffff", auth: key}, 404},
		{"encoded slash id", req{method: "GET", path: "/v1/workshops/a%2F..%2Fb", auth: key}, 404},
		// Roles.
		{"participant step.next", req{method: "POST", path: ev, auth: P, body: []byte(`{"id":"h1","type":"step.next"}`)}, 403},
		{"participant settings", req{method: "POST", path: ev, auth: P, body: []byte(`{"id":"h2","type":"settings","settings":{"anonymity":"named"}}`)}, 403},
		{"participant hides", req{method: "POST", path: ev, auth: P, body: []byte(`{"id":"h3","type":"item.hide","item":"k1"}`)}, 403},
		{"participant in a batch", req{method: "POST", path: ev, auth: P, body: []byte(`{"events":[{"id":"h4","type":"item.add","item":"k2","column":"knowledge","text":"Rates"},{"id":"h5","type":"step.next"}]}`)}, 403},
		{"impersonation", req{method: "POST", path: ev, auth: P, body: []byte(`{"id":"h6","type":"item.add","actor":"` + w.FacilitatorID + `","item":"k3","column":"knowledge","text":"Rates"}`)}, 403},
		{"org key sends events", req{method: "POST", path: ev, auth: key, body: []byte(`{"id":"h7","type":"step.next"}`)}, 403},
		{"participant completes", req{method: "POST", path: wp + "/complete", auth: P}, 403},
		// Events.
		{"replayed id, other content", req{method: "POST", path: ev, auth: P, body: []byte(`{"id":"k1","type":"item.add","item":"k1","column":"knowledge","text":"Something else"}`)}, 409},
		{"event without id", req{method: "POST", path: ev, auth: P, body: []byte(`{"type":"item.add","item":"k4","column":"knowledge","text":"Rates"}`)}, 400},
		{"event id too long", req{method: "POST", path: ev, auth: P, body: []byte(`{"id":"` + strings.Repeat("i", 201) + `","type":"item.add","item":"k4","column":"knowledge","text":"Rates"}`)}, 400},
		{"redacted copy", req{method: "POST", path: ev, auth: P, body: []byte(`{"id":"h8","type":"item.add","item":"k5","column":"knowledge","text":"Rates","redacted":true}`)}, 400},
		{"unknown event field", req{method: "POST", path: ev, auth: P, body: []byte(`{"id":"h9","type":"item.add","item":"k6","column":"knowledge","text":"Rates","role":"facilitator"}`)}, 400},
		{"bad time", req{method: "POST", path: ev, auth: P, body: []byte(`{"id":"h10","type":"item.add","item":"k7","column":"knowledge","text":"Rates","at":"yesterday"}`)}, 400},
		{"bad column", req{method: "POST", path: ev, auth: P, body: []byte(`{"id":"h11","type":"item.add","item":"k8","column":"salary","text":"Rates"}`)}, 400},
		{"unknown event type", req{method: "POST", path: ev, auth: P, body: []byte(`{"id":"h12","type":"drop.tables"}`)}, 400},
		{"empty batch", req{method: "POST", path: ev, auth: P, body: []byte(`{"events":[]}`)}, 400},
		{"batch too big", req{method: "POST", path: ev, auth: P, body: bigBatch(101)}, 400},
		{"batch with a bad event", req{method: "POST", path: ev, auth: P, body: []byte(`{"events":[{"id":"h13","type":"item.add","item":"k9","column":"knowledge","text":"Rates"},{"id":"h14","type":"item.add","item":"k10","column":"knowledge","text":5}]}`)}, 400},
		{"empty idea text", req{method: "POST", path: ev, auth: P, body: []byte(`{"id":"h15","type":"item.add","item":"k11","column":"knowledge","text":""}`)}, 400},
		{"vote in the wrong step", req{method: "POST", path: ev, auth: P, body: []byte(`{"id":"h16","type":"vote","item":"k1"}`)}, 422},
		{"edit unknown item", req{method: "POST", path: ev, auth: P, body: []byte(`{"id":"h17","type":"item.edit","item":"nope","text":"x"}`)}, 422},
		{"events to a completed workshop", req{method: "POST", path: "/v1/workshops/" + done.ID + "/events", auth: done.Facilitator, body: []byte(`{"id":"h18","type":"step.next"}`)}, 409},
		{"complete twice", req{method: "POST", path: "/v1/workshops/" + done.ID + "/complete", auth: done.Facilitator}, 409},
		{"complete with a bad actor", req{method: "POST", path: wp + "/complete", auth: fac, body: []byte(`{"actor":{"name":"x"}}`)}, 400},
		// Join.
		{"join code malformed", req{method: "POST", path: "/v1/join", body: []byte(`{"code":"'; DROP TABLE","name":"A"}`), header: tg.clientHeader("10.1.0.9")}, 400},
		{"join code with look-alike", req{method: "POST", path: "/v1/join", body: []byte(`{"code":"OOOO-IIII","name":"A"}`), header: tg.clientHeader("10.1.0.9")}, 400},
		{"join without name", req{method: "POST", path: "/v1/join", body: mustJSON(t, map[string]string{"code": w.Code}), header: tg.clientHeader("10.1.0.9")}, 400},
		{"join with extra field", req{method: "POST", path: "/v1/join", body: mustJSON(t, map[string]string{"code": w.Code, "name": "A", "role": "facilitator"}), header: tg.clientHeader("10.1.0.9")}, 400},
		{"join completed workshop", req{method: "POST", path: "/v1/join", body: mustJSON(t, map[string]string{"code": done.Code, "name": "A"}), header: tg.clientHeader("10.1.0.10")}, 404},
		// Query parameters.
		{"negative cursor", req{method: "GET", path: ev + "?after=-1", auth: P}, 400},
		{"cursor not a number", req{method: "GET", path: ev + "?after=abc", auth: P}, 400},
		{"limit zero", req{method: "GET", path: ev + "?limit=0", auth: P}, 400},
		{"limit too big", req{method: "GET", path: ev + "?limit=100000", auth: P}, 400},
		{"export format", req{method: "GET", path: wp + "/export?format=pdf", auth: P}, 400},
		{"statements limit", req{method: "GET", path: "/v1/xapi/statements?limit=-5", auth: key}, 400},
		// Methods, routes, origins.
		{"PUT workshops", req{method: "PUT", path: create, auth: key, body: []byte(`{}`)}, 405},
		{"DELETE workshop", req{method: "DELETE", path: wp, auth: key}, 405},
		{"GET join", req{method: "GET", path: "/v1/join"}, 405},
		{"POST health", req{method: "POST", path: "/v1/health", body: []byte(`{}`)}, 405},
		{"PATCH events", req{method: "PATCH", path: ev, auth: P, body: []byte(`{}`)}, 405},
		{"unknown route", req{method: "GET", path: "/v1/admin"}, 404},
		{"unknown sub-route", req{method: "GET", path: wp + "/tokens", auth: key}, 404},
		{"path traversal", req{method: "GET", path: "/v1/../v1/workshops/" + w.ID + "/..%2f..%2fetc", auth: key}, 404},
		{"foreign origin", req{method: "POST", path: create, auth: key, body: []byte(`{"name":"A"}`), header: map[string]string{"Origin": "https://evil.example"}}, 403},
		{"foreign preflight", req{method: "OPTIONS", path: create, header: map[string]string{"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}}, 403},
	}
	require.GreaterOrEqual(t, len(cases), 60)

	before := tg.snapshot(t, w)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := tg.do(t, tc.q)
			requireProblem(t, r, tc.status)
			if tc.status == http.StatusMethodNotAllowed {
				assert.NotEmpty(t, r.header.Get("Allow"))
			}
			// No secret is echoed back.
			for _, secret := range []string{fac, P, key} {
				assert.NotContains(t, string(r.body), secret)
			}
		})
	}
	after := tg.snapshot(t, w)
	assert.Equal(t, before, after, "the rejected requests stored nothing")
}

func bigBatch(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"events":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"id":"bb%d","type":"item.add","item":"bb%d","column":"knowledge","text":"Rates %d"}`, i, i, i)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}
