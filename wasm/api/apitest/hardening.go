package apitest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// DefaultJoinsPerAddress is the number of successful joins one address may
// make into one workshop in 10 minutes, unless the target says otherwise.
const DefaultJoinsPerAddress = 100

// testHardening closes the findings of an outside probe at the HTTP layer
// (issue 16): each case failed on the code the probe ran against.
func (tg *Target) testHardening(t *testing.T) {
	t.Run("bounded-events", tg.testBoundedEvents)
	t.Run("names-and-controls", tg.testNamesAndControls)
	t.Run("case-folded-keys", tg.testCaseFoldedKeys)
	t.Run("bodies", tg.testBodies)
	t.Run("join-race", tg.testJoinRace)
	t.Run("join-hogging", tg.testJoinHogging)
	t.Run("join-throttle", tg.testJoinThrottle)
}

// try sends q without failing the test, for use from goroutines.
func (tg *Target) try(q req) (resp, error) {
	hr, err := http.NewRequest(q.method, tg.BaseURL+q.path, bytes.NewReader(q.body))
	if err != nil {
		return resp{}, err
	}
	if q.body != nil {
		hr.Header.Set("Content-Type", "application/json")
	}
	if q.auth != "" {
		hr.Header.Set("Authorization", "Bearer "+q.auth)
	}
	for k, v := range q.header {
		hr.Header.Set(k, v)
	}
	res, err := tg.client().Do(hr)
	if err != nil {
		return resp{}, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return resp{status: res.StatusCode, header: res.Header, body: b}, err
}

// rejected sends each request and checks that it gets status and that the
// workshop's log did not change.
func (tg *Target) rejected(t *testing.T, w workshop, status int, cases map[string]req) {
	t.Helper()
	before := tg.events(t, w, w.Facilitator, 0)
	for name, q := range cases {
		t.Run(name, func(t *testing.T) { requireProblem(t, tg.do(t, q), status) })
	}
	after := tg.events(t, w, w.Facilitator, 0)
	assert.Equal(t, len(before.Events), len(after.Events), "the rejected requests stored no event")
}

// testBoundedEvents (finding 1): an event's lists and texts are capped, so
// one member cannot make the log huge.
func (tg *Target) testBoundedEvents(t *testing.T) {
	w := tg.create(t, tg.OrgKey, nil)
	ana := tg.join(t, w, "Ana", "10.16.1.1")
	tg.toStep(t, w, 1)
	ev := "/v1/workshops/" + w.ID + "/events"
	tags := make([]string, 10000)
	for i := range tags {
		tags[i] = "genuine-interest"
	}
	evidence := make([]map[string]any, 11)
	for i := range evidence {
		evidence[i] = map[string]any{"source": "own-experience", "note": "seen in Lisbon"}
	}
	item := func(extra map[string]any) []byte {
		e := map[string]any{"id": "big", "type": "item.add", "item": "big", "column": "knowledge", "text": "Room rates"}
		for k, v := range extra {
			e[k] = v
		}
		return mustJSON(t, e)
	}
	tg.rejected(t, w, http.StatusBadRequest, map[string]req{
		"10,000 tags":           {method: "POST", path: ev, auth: ana.Token, body: item(map[string]any{"tags": tags})},
		"a tag twice":           {method: "POST", path: ev, auth: ana.Token, body: item(map[string]any{"tags": []string{"genuine-interest", "genuine-interest"}})},
		"11 pieces of evidence": {method: "POST", path: ev, auth: ana.Token, body: item(map[string]any{"evidence": evidence})},
		"a 20 KB text":          {method: "POST", path: ev, auth: ana.Token, body: item(map[string]any{"text": strings.Repeat("word ", 4000)})},
	})
	// Within the caps it is stored.
	a := tg.send(t, w, ana.Token, map[string]any{"id": "ok", "type": "item.add", "item": "ok", "column": "knowledge", "text": "Room rates",
		"tags": []string{"genuine-interest", "service-heroics"}})
	assert.Equal(t, 1, a.Applied)
}

// testNamesAndControls (findings 6 and 7): one name rule however a name
// arrives, and no control characters or bidi overrides in names, titles
// or texts.
func (tg *Target) testNamesAndControls(t *testing.T) {
	w := tg.create(t, tg.OrgKey, map[string]any{"anonymity": "named"})
	ana := tg.join(t, w, "Ana", "10.16.2.1")
	tg.toStep(t, w, 1)
	ev := "/v1/workshops/" + w.ID + "/events"
	osc8 := "\x1b]8;;https://evil.example\x07click\x1b]8;;\x07"
	long := strings.Repeat("n", 9000) + "\x00\x07" + osc8
	tg.rejected(t, w, http.StatusBadRequest, map[string]req{
		"rename to 9 KB with NUL, BEL and OSC-8": {method: "POST", path: ev, auth: ana.Token, body: mustJSON(t, map[string]any{"id": "r1", "type": "join", "name": long})},
		"rename with an OSC-8 link":              {method: "POST", path: ev, auth: ana.Token, body: mustJSON(t, map[string]any{"id": "r2", "type": "join", "name": "Ana" + osc8})},
		"rename with a bidi override":            {method: "POST", path: ev, auth: ana.Token, body: mustJSON(t, map[string]any{"id": "r3", "type": "join", "name": "Ana\u202egnp.exe"})},
		"facilitator joins a 90-byte name":       {method: "POST", path: ev, auth: w.Facilitator, body: mustJSON(t, map[string]any{"id": "r4", "type": "join", "participant": "room1", "name": strings.Repeat("x", 90)})},
		"text with ESC":                          {method: "POST", path: ev, auth: ana.Token, body: mustJSON(t, map[string]any{"id": "t1", "type": "item.add", "item": "t1", "column": "knowledge", "text": "Rates \x1b[2J"})},
		"text with a C1 control":                 {method: "POST", path: ev, auth: ana.Token, body: mustJSON(t, map[string]any{"id": "t2", "type": "item.add", "item": "t2", "column": "knowledge", "text": "Rates \u009b31m"})},
		"join route name with OSC-8":             {method: "POST", path: "/v1/join", body: mustJSON(t, map[string]string{"code": w.Code, "name": "Eve" + osc8}), header: tg.clientHeader("10.16.2.2")},
		"join route name with a bidi override":   {method: "POST", path: "/v1/join", body: mustJSON(t, map[string]string{"code": w.Code, "name": "Eve\u2066"}), header: tg.clientHeader("10.16.2.2")},
	})
	requireProblem(t, tg.do(t, req{method: "POST", path: "/v1/workshops", auth: tg.OrgKey,
		body: mustJSON(t, map[string]any{"name": "Fatima", "title": "Check-in\x1b[31m"})}), http.StatusBadRequest)
	requireProblem(t, tg.do(t, req{method: "POST", path: "/v1/workshops", auth: tg.OrgKey,
		body: mustJSON(t, map[string]any{"name": "Fatima\u202e"})}), http.StatusBadRequest)
	// Tab and newline are fine in a text; the CSV carries no escape.
	tg.send(t, w, ana.Token, map[string]any{"id": "t3", "type": "item.add", "item": "t3", "column": "knowledge", "text": "Rates:\n\tsingle\n\tdouble"})
	r := tg.do(t, req{method: http.MethodGet, path: "/v1/workshops/" + w.ID + "/export?format=csv", auth: w.Facilitator})
	requireOK(t, r, http.StatusOK)
	assert.NotContains(t, string(r.body), "\x1b")
	assert.Contains(t, string(r.body), "single")
}

// testCaseFoldedKeys (finding 8): keys that differ from a field name only
// by case are refused everywhere the API decodes.
func (tg *Target) testCaseFoldedKeys(t *testing.T) {
	w := tg.create(t, tg.OrgKey, nil)
	ana := tg.join(t, w, "Ana", "10.16.3.1")
	tg.toStep(t, w, 1)
	ev := "/v1/workshops/" + w.ID + "/events"
	tg.rejected(t, w, http.StatusBadRequest, map[string]req{
		"event id twice by case": {method: "POST", path: ev, auth: ana.Token, body: []byte(`{"id":"a","ID":"b","type":"item.add","item":"k1","column":"knowledge","text":"Rates"}`)},
		"event Text":             {method: "POST", path: ev, auth: ana.Token, body: []byte(`{"id":"c","type":"item.add","item":"k2","column":"knowledge","Text":"Rates"}`)},
		"batch Events":           {method: "POST", path: ev, auth: ana.Token, body: []byte(`{"Events":[{"id":"d","type":"item.add","item":"k3","column":"knowledge","text":"Rates"}]}`)},
		"create NAME":            {method: "POST", path: "/v1/workshops", auth: tg.OrgKey, body: []byte(`{"name":"A","NAME":"B"}`)},
		"create Name":            {method: "POST", path: "/v1/workshops", auth: tg.OrgKey, body: []byte(`{"Name":"A"}`)},
		"create course Position": {method: "POST", path: "/v1/workshops", auth: tg.OrgKey, body: []byte(`{"name":"A","course":{"Position":"x"}}`)},
		"join Code":              {method: "POST", path: "/v1/join", body: []byte(`{"Code":"` + w.Code + `","name":"Eve"}`), header: tg.clientHeader("10.16.3.2")},
	})
}

// testBodies (finding 12): a body must be an object where the route reads
// one; null does not complete a workshop.
func (tg *Target) testBodies(t *testing.T) {
	w := tg.create(t, tg.OrgKey, nil)
	done := "/v1/workshops/" + w.ID + "/complete"
	for _, body := range []string{"null", "[]", `"x"`, "1", "true"} {
		t.Run(body, func(t *testing.T) {
			requireProblem(t, tg.do(t, req{method: "POST", path: done, auth: w.Facilitator, body: []byte(body)}), http.StatusBadRequest)
			requireProblem(t, tg.do(t, req{method: "POST", path: "/v1/workshops", auth: tg.OrgKey, body: []byte(body)}), http.StatusBadRequest)
			requireProblem(t, tg.do(t, req{method: "POST", path: "/v1/join", body: []byte(body), header: tg.clientHeader("10.16.4.1")}), http.StatusBadRequest)
		})
	}
	assert.False(t, tg.state(t, w, w.Facilitator).Completed, "a null body completed the workshop")
}

// fill has the facilitator join n people in the room (members without a
// device), 100 to a request.
func (tg *Target) fill(t *testing.T, w workshop, n int) {
	t.Helper()
	for i := 0; i < n; i += 100 {
		var evs []map[string]any
		for j := i; j < min(n, i+100); j++ {
			evs = append(evs, map[string]any{"id": fmt.Sprint("room-", j), "type": "join", "participant": fmt.Sprint("room", j), "name": fmt.Sprint("Member ", j)})
		}
		tg.send(t, w, w.Facilitator, evs...)
	}
}

// testJoinRace (finding 2): joins at the member limit are atomic: every
// token handed out is a member's, and a full workshop answers 409.
func (tg *Target) testJoinRace(t *testing.T) {
	w := tg.create(t, tg.OrgKey, nil)
	const members, racers, seats = 490, 40, 499 // 500 with the facilitator
	tg.fill(t, w, members)
	var mu sync.Mutex
	var tokens []string
	statuses := map[int]int{}
	var wg sync.WaitGroup
	for i := range racers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := tg.try(req{method: "POST", path: "/v1/join", body: []byte(fmt.Sprintf(`{"code":%q,"name":"Racer %d"}`, w.Code, i)),
				header: tg.clientHeader(fmt.Sprintf("10.18.0.%d", i))})
			if err != nil {
				return
			}
			mu.Lock()
			defer mu.Unlock()
			statuses[r.status]++
			if r.status == http.StatusCreated {
				var out struct {
					Token string `json:"participant_token"`
				}
				if json.Unmarshal(r.body, &out) == nil && out.Token != "" {
					tokens = append(tokens, out.Token)
				}
			}
		}()
	}
	wg.Wait()
	t.Logf("40 joins at once with 490 members: %v", statuses)
	assert.Equal(t, seats-members, statuses[http.StatusCreated], "exactly the free seats are taken")
	assert.Equal(t, racers-(seats-members), statuses[http.StatusConflict], "the others get 409")
	for _, tok := range tokens {
		r := tg.do(t, req{method: http.MethodGet, path: "/v1/workshops/" + w.ID, auth: tok})
		requireOK(t, r, http.StatusOK)
	}
	p := requireProblem(t, tg.do(t, req{method: "POST", path: "/v1/join", body: mustJSON(t, map[string]string{"code": w.Code, "name": "Late"}),
		header: tg.clientHeader("10.18.1.1")}), http.StatusConflict)
	assert.Contains(t, p.Detail, "full")
}

// testJoinHogging (finding 3): one address cannot take every seat, and the
// facilitator can remove a member and close joining.
func (tg *Target) testJoinHogging(t *testing.T) {
	w := tg.create(t, tg.OrgKey, nil)
	limit := DefaultJoinsPerAddress
	got := 0
	var last resp
	for range limit + 1 {
		last = tg.do(t, req{method: "POST", path: "/v1/join", body: mustJSON(t, map[string]string{"code": w.Code, "name": "Bot"}),
			header: tg.clientHeader("10.19.0.1")})
		if last.status != http.StatusCreated {
			break
		}
		got++
	}
	assert.Equal(t, limit, got, "one address gets at most %d seats", limit)
	requireProblem(t, last, http.StatusTooManyRequests)
	assert.NotEmpty(t, last.header.Get("Retry-After"))
	// Someone else still gets in.
	ana := tg.join(t, w, "Ana", "10.19.0.2")

	// The facilitator removes Ana: her token stops working.
	mp := "/v1/workshops/" + w.ID + "/members/" + ana.ID
	requireProblem(t, tg.do(t, req{method: http.MethodDelete, path: mp, auth: ana.Token}), http.StatusForbidden)
	requireOK(t, tg.do(t, req{method: http.MethodDelete, path: mp, auth: w.Facilitator}), http.StatusNoContent)
	requireProblem(t, tg.do(t, req{method: http.MethodGet, path: "/v1/workshops/" + w.ID, auth: ana.Token}), http.StatusUnauthorized)
	requireProblem(t, tg.do(t, req{method: http.MethodDelete, path: mp, auth: w.Facilitator}), http.StatusNotFound)

	// The facilitator closes joining; the code then admits no one.
	jp := "/v1/workshops/" + w.ID + "/joining"
	requireProblem(t, tg.do(t, req{method: http.MethodPost, path: jp, auth: ana.Token, body: []byte(`{"open":false}`)}), http.StatusUnauthorized)
	requireOK(t, tg.do(t, req{method: http.MethodPost, path: jp, auth: w.Facilitator, body: []byte(`{"open":false}`)}), http.StatusOK)
	p := requireProblem(t, tg.do(t, req{method: "POST", path: "/v1/join", body: mustJSON(t, map[string]string{"code": w.Code, "name": "Ben"}),
		header: tg.clientHeader("10.19.0.3")}), http.StatusConflict)
	assert.Contains(t, p.Detail, "closed")
	requireOK(t, tg.do(t, req{method: http.MethodPost, path: jp, auth: w.Facilitator, body: []byte(`{"open":true}`)}), http.StatusOK)
	tg.join(t, w, "Ben", "10.19.0.3")
}

// testJoinThrottle (finding 4): failed joins are counted atomically, per
// address (an IPv6 /64 as one), a repeated typo counts once, and the right
// code still gets in from a blocked address.
func (tg *Target) testJoinThrottle(t *testing.T) {
	if tg.ClientIPHeader == "" {
		t.Skip("needs a client address header")
	}
	w := tg.create(t, tg.OrgKey, nil)
	wrong := func(i int) []byte {
		return mustJSON(t, map[string]string{"code": fmt.Sprintf("ZZZZ-%c%c%c%c", "ABCDEFGHJK"[i%10], "MNPQRSTVWX"[i/10%10], "23456789YZ"[i/100%10], 'Z'), "name": "Mallory"})
	}
	// A burst of 30 wrong codes gets exactly 10 answers.
	var mu sync.Mutex
	statuses := map[int]int{}
	var other []string
	var wg sync.WaitGroup
	for i := range 30 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := tg.try(req{method: "POST", path: "/v1/join", body: wrong(i), header: tg.clientHeader("10.20.0.1")})
			if err == nil {
				mu.Lock()
				statuses[r.status]++
				if r.status != http.StatusNotFound && r.status != http.StatusTooManyRequests {
					other = append(other, fmt.Sprintf("%d %s", r.status, r.body))
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	t.Logf("a burst of 30 wrong codes: %v", statuses)
	for _, o := range other {
		t.Logf("unexpected answer: %s", o)
	}
	assert.Equal(t, 10, statuses[http.StatusNotFound])
	assert.Equal(t, 20, statuses[http.StatusTooManyRequests])
	// The right code still gets in from the blocked address (a room behind
	// one NAT with a few typos is not locked out).
	tg.join(t, w, "Ana", "10.20.0.1")

	// A typo repeated by a whole room counts once.
	for range 15 {
		requireProblem(t, tg.do(t, req{method: "POST", path: "/v1/join", body: wrong(500), header: tg.clientHeader("10.20.0.2")}), http.StatusNotFound)
	}
	tg.join(t, w, "Ben", "10.20.0.2")

	// An IPv6 /64 is one address.
	for i := range 10 {
		requireProblem(t, tg.do(t, req{method: "POST", path: "/v1/join", body: wrong(600 + i),
			header: tg.clientHeader(fmt.Sprintf("2001:db8:16:4::%x", i+1))}), http.StatusNotFound)
	}
	requireProblem(t, tg.do(t, req{method: "POST", path: "/v1/join", body: wrong(700), header: tg.clientHeader("2001:db8:16:4::ffff")}), http.StatusTooManyRequests)
	requireProblem(t, tg.do(t, req{method: "POST", path: "/v1/join", body: wrong(701), header: tg.clientHeader("2001:db8:16:5::1")}), http.StatusNotFound)
}
