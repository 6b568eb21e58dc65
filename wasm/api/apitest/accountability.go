package apitest

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/standards"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Accountability is the state the accountability scenario leaves behind,
// for the checks that follow it (the page tests, the speed tests).
type Accountability struct {
	Book   string
	Tokens map[string]string // person id -> role token
	// Mirror is the same data kept with the standards library alone.
	Mirror *standards.Book
}

// accStandards is the front-desk check-in book of the scenario.
func accStandards() []standards.Standard {
	st := func(id, code, statement string, m standards.Method, crit standards.Critical) standards.Standard {
		return standards.Standard{ID: id, Code: code, Position: "Front-desk agent", Process: "Guest check-in", Statement: statement,
			Rationale: "So that every guest feels welcome and comes back.", Deviation: "When a guest needs urgent help, help first.",
			Method: m, Critical: crit, Priority: "courtesy", Status: standards.Published}
	}
	return []standards.Standard{
		st("s1-greet", "FD-CI-01", "Greet each guest within 10 seconds of reaching the desk.", standards.Method{Kind: standards.Threshold, Value: 10, Unit: "seconds"}, standards.FailsSection),
		st("s2-name", "FD-CI-02", "Use the guest's name at least twice during check-in.", standards.Method{}, standards.NotCritical),
		st("s3-tip", "FD-CI-03", "Offer one local tip that matches the guest's plans.", standards.Method{}, standards.NotCritical),
		st("s4-warmth", "FD-CI-04", "Speak warmly and look the guest in the eye at the handover.", standards.Method{}, standards.NotCritical),
	}
}

func accScorecard() standards.Scorecard {
	return standards.Scorecard{ID: "checkin", Name: "Check-in", Sections: []standards.Section{
		{Name: "Welcome", Criteria: []standards.Criterion{{Standard: "s1-greet", Weight: 2}, {Standard: "s2-name", Weight: 1}}},
		{Name: "Purpose", Criteria: []standards.Criterion{{Standard: "s3-tip", Weight: 1, NA: true}, {Standard: "s4-warmth", Weight: 1, Scale: standards.FourPoint}}},
	}}
}

func (tg *Target) accDo(t *testing.T, method, path, auth string, body any) resp {
	t.Helper()
	q := req{method: method, path: "/v1/accountability" + path, auth: auth}
	if body != nil {
		q.body = mustJSON(t, body)
	}
	return tg.do(t, q)
}

// accPerson adds a person and returns their role token.
func (tg *Target) accPerson(t *testing.T, key, id, role, team string) string {
	t.Helper()
	r := tg.accDo(t, http.MethodPut, "/people/"+id, key, map[string]string{"role": role, "team": team})
	requireOK(t, r, http.StatusOK)
	var out struct{ Token string }
	r.json(t, &out)
	require.True(t, strings.HasPrefix(out.Token, "pfr_"))
	return out.Token
}

// roundFloats rounds every number of a decoded JSON value to 9 places, so
// reports summed in different orders compare equal.
func roundFloats(v any) any {
	switch x := v.(type) {
	case float64:
		return math.Round(x*1e9) / 1e9
	case []any:
		for i := range x {
			x[i] = roundFloats(x[i])
		}
	case map[string]any:
		for k := range x {
			x[k] = roundFloats(x[k])
		}
	}
	return v
}

func asJSONValue(t *testing.T, b []byte) any {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(b, &v))
	return roundFloats(v)
}

// RunAccountability runs the accountability loop against tg: a month of
// observations by five observers over three teams, disputes upheld and
// overturned, two calibration sessions, the report compared with what the
// standards library computes from the same data, and the hostile checks.
func RunAccountability(t *testing.T, tg Target) *Accountability {
	key := tg.OrgKey
	book := fmt.Sprintf("frontdesk-%d", time.Now().UnixNano()%1_000_000)
	acc := &Accountability{Book: book, Tokens: map[string]string{}}

	// People: five observers (two supervisors, three peers), an arbiter,
	// nine staff in three teams.
	teams := []string{"harbour", "garden", "tower"}
	observers := []string{"sup-ana", "sup-ben", "obs-caro", "obs-dev", "obs-eli"}
	for i, id := range observers {
		role := "observer"
		if strings.HasPrefix(id, "sup-") {
			role = "supervisor"
		}
		acc.Tokens[id] = tg.accPerson(t, key, id, role, teams[i%3])
	}
	acc.Tokens["sup-arb"] = tg.accPerson(t, key, "sup-arb", "supervisor", "harbour")
	var staff []string
	team := map[string]string{}
	for i := range 9 {
		id := fmt.Sprintf("staff-%02d", i+1)
		staff = append(staff, id)
		team[id] = teams[i%3]
		acc.Tokens[id] = tg.accPerson(t, key, id, "staff", teams[i%3])
	}
	requireOK(t, tg.accDo(t, http.MethodPut, "/settings", key, map[string]any{"xapi": true, "lockMinutes": 60}), http.StatusOK)

	// The book, saved by a supervisor; a staff member cannot.
	bookReq := map[string]any{"team": "frontdesk", "purpose": "To create a loyal guest who comes back and tells others.",
		"priorities": []string{"safety", "courtesy"}, "standards": accStandards(), "scorecards": []standards.Scorecard{accScorecard()}}
	requireProblem(t, tg.accDo(t, http.MethodPut, "/books/"+book, acc.Tokens["staff-01"], bookReq), http.StatusForbidden)
	r := tg.accDo(t, http.MethodPut, "/books/"+book, acc.Tokens["sup-ana"], bookReq)
	requireOK(t, r, http.StatusOK)
	var saved struct {
		Standards []struct {
			ID      string
			Version int
			New     bool
		}
		Scorecards []struct {
			ID      string
			Version int
			New     bool
		}
		Lint []standards.LintFinding
	}
	r.json(t, &saved)
	require.Len(t, saved.Standards, 4)
	assert.Equal(t, 1, saved.Scorecards[0].Version)
	// Saving it again unchanged keeps every version; a changed statement
	// gets version 2, and so does the scorecard that holds it.
	r = tg.accDo(t, http.MethodPut, "/books/"+book, acc.Tokens["sup-ana"], bookReq)
	requireOK(t, r, http.StatusOK)
	r.json(t, &saved)
	assert.False(t, saved.Standards[0].New)
	assert.Equal(t, 1, saved.Scorecards[0].Version)
	stds := accStandards()
	stds[1].Statement = "Use the guest's name at least twice during check-in, once at the greeting."
	bookReq["standards"] = stds
	r = tg.accDo(t, http.MethodPut, "/books/"+book, acc.Tokens["sup-ana"], bookReq)
	requireOK(t, r, http.StatusOK)
	r.json(t, &saved)
	assert.Equal(t, 2, saved.Standards[1].Version)
	assert.Equal(t, 1, saved.Standards[0].Version)
	assert.Equal(t, 2, saved.Scorecards[0].Version)
	// A broken standard is refused with the field named.
	bad := accStandards()
	bad[0].Statement = ""
	p := requireProblem(t, tg.accDo(t, http.MethodPut, "/books/"+book, acc.Tokens["sup-ana"], map[string]any{"team": "frontdesk", "standards": bad}), http.StatusBadRequest)
	assert.Contains(t, fmt.Sprint(p.Errors), "standards[0].statement")

	// The mirror: the same book kept by the library alone.
	mirror := &standards.Book{Version: standards.Version, Purpose: "To create a loyal guest who comes back and tells others.",
		Priorities: []string{"safety", "courtesy"}, Standards: stds, Scorecards: []standards.Scorecard{accScorecard()}}
	mirror.Standards[0].Version, mirror.Standards[1].Version, mirror.Standards[2].Version, mirror.Standards[3].Version = 1, 2, 1, 1
	acc.Mirror = mirror

	// A month of observations.
	rng := rand.New(rand.NewPCG(15, 2026))
	base := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	var ids []string
	for i := range 60 {
		observer := observers[i%5]
		subject := staff[(i*7)%9]
		o := standards.Observation{ID: fmt.Sprintf("%s-o%03d", book, i), Scorecard: "checkin", Subject: subject,
			Interaction: fmt.Sprintf("check-in %d", i), At: base.Add(time.Duration(i)*12*time.Hour + time.Duration(i)*time.Minute)}
		if strings.HasPrefix(observer, "obs-") {
			o.Mode = standards.Peer
		}
		o.Ratings = []standards.Rating{
			{Standard: "s1-greet", Value: boolInt(rng.IntN(10) < 8)},
			{Standard: "s2-name", Value: boolInt(rng.IntN(10) < 6)},
			{Standard: "s3-tip", Value: boolInt(rng.IntN(10) < 5)},
			{Standard: "s4-warmth", Value: 1 + rng.IntN(4)},
		}
		switch rng.IntN(8) {
		case 0:
			o.Ratings[2] = standards.Rating{Standard: "s3-tip", NA: true}
		case 1:
			o.Ratings[2] = standards.Rating{Standard: "s3-tip", Value: 0, Deviation: standards.Purposeful,
				Evidence: fmt.Sprintf("walked guest %d to the pharmacy instead of giving a tip", i)}
		case 2:
			o.Ratings[1].Deviation = standards.NeedsCorrection
		}
		r := tg.accDo(t, http.MethodPost, "/observations", acc.Tokens[observer], map[string]any{"book": book, "id": o.ID, "scorecard": o.Scorecard,
			"subject": o.Subject, "mode": o.Mode, "interaction": o.Interaction, "at": o.At, "ratings": o.Ratings})
		requireOK(t, r, http.StatusCreated)
		var rec struct {
			ScorecardVersion int
			Observation      standards.Observation
			Review           standards.Review
			Duplicate        bool
			StatementID      string
		}
		r.json(t, &rec)
		assert.Equal(t, 2, rec.ScorecardVersion, "scored against the current version")
		assert.False(t, rec.Duplicate)
		assert.NotEmpty(t, rec.StatementID, "the organisation turned xAPI on")
		o.Observer, o.Team = observer, team[subject]
		require.NoError(t, mirror.Record(o))
		ids = append(ids, o.ID)
	}
	// The same observation again (a phone retrying) is stored once; other
	// content under the same id is refused.
	first := mirror.Observations[0]
	again := map[string]any{"book": book, "id": first.ID, "scorecard": "checkin", "subject": first.Subject, "interaction": first.Interaction,
		"at": first.At, "ratings": first.Ratings}
	r = tg.accDo(t, http.MethodPost, "/observations", acc.Tokens[first.Observer], again)
	requireOK(t, r, http.StatusOK)
	assert.Contains(t, string(r.body), `"duplicate":true`)
	again["interaction"] = "something else"
	requireProblem(t, tg.accDo(t, http.MethodPost, "/observations", acc.Tokens[first.Observer], again), http.StatusConflict)
	// Validation like Book.Record, field named; a peer cannot record as
	// someone else; staff cannot record.
	p = requireProblem(t, tg.accDo(t, http.MethodPost, "/observations", acc.Tokens["obs-caro"], map[string]any{"book": book, "id": "bad-1",
		"scorecard": "checkin", "subject": "staff-01", "interaction": "x", "ratings": []standards.Rating{{Standard: "s4-warmth", Value: 9}}}), http.StatusBadRequest)
	assert.Contains(t, fmt.Sprint(p.Errors), "ratings[0].value")
	requireProblem(t, tg.accDo(t, http.MethodPost, "/observations", acc.Tokens["obs-caro"], map[string]any{"book": book, "id": "bad-2", "observer": "sup-ana",
		"scorecard": "checkin", "subject": "staff-01", "interaction": "x", "ratings": first.Ratings}), http.StatusForbidden)
	requireProblem(t, tg.accDo(t, http.MethodPost, "/observations", acc.Tokens["staff-01"], map[string]any{"book": book, "id": "bad-3",
		"scorecard": "checkin", "subject": "staff-02", "interaction": "x", "ratings": first.Ratings}), http.StatusForbidden)

	// An amendment by the observer keeps the history.
	amendID := ids[5]
	amended := slices.Clone(mirror.Observation(amendID).Ratings)
	amended[3].Value = 4
	r = tg.accDo(t, http.MethodPut, "/observations/"+amendID+"/ratings", acc.Tokens[mirror.Observation(amendID).Observer], map[string]any{"ratings": amended})
	requireOK(t, r, http.StatusOK)
	require.NoError(t, mirror.Amend(amendID, amended))
	requireProblem(t, tg.accDo(t, http.MethodPut, "/observations/"+amendID+"/ratings", acc.Tokens["obs-eli"], map[string]any{"ratings": amended}), http.StatusNotFound)

	// Disputes: staff dispute two ratings; the arbiter upholds one and
	// overturns the other; nobody else may decide.
	disputes := []struct {
		id, standard, outcome string
		value                 int
	}{{ids[3], "s2-name", "upheld", 0}, {ids[8], "s1-greet", "overturned", 1}, {ids[13], "s4-warmth", "overturned", 3}}
	for _, d := range disputes {
		o := mirror.Observation(d.id)
		tok := acc.Tokens[o.Subject]
		requireProblem(t, tg.accDo(t, http.MethodPost, "/observations/"+d.id+"/dispute", acc.Tokens[otherStaff(staff, o.Subject)],
			map[string]string{"standard": d.standard, "reason": "not me"}), http.StatusNotFound)
		requireOK(t, tg.accDo(t, http.MethodPost, "/observations/"+d.id+"/dispute", tok,
			map[string]string{"standard": d.standard, "reason": "The guest asked me not to use their name in front of others."}), http.StatusOK)
		requireProblem(t, tg.accDo(t, http.MethodPost, "/observations/"+d.id+"/dispute", tok,
			map[string]string{"standard": d.standard, "reason": "again"}), http.StatusConflict)
		requireProblem(t, tg.accDo(t, http.MethodPost, "/observations/"+d.id+"/resolve", tok, map[string]string{"outcome": "overturned"}), http.StatusForbidden)
		requireProblem(t, tg.accDo(t, http.MethodPost, "/observations/"+d.id+"/resolve", acc.Tokens[o.Observer], map[string]string{"outcome": "overturned"}), http.StatusForbidden)
		body := map[string]any{"outcome": d.outcome, "note": "checked with the guest"}
		if d.outcome == "overturned" {
			body["value"] = d.value
		}
		r := tg.accDo(t, http.MethodPost, "/observations/"+d.id+"/resolve", acc.Tokens["sup-arb"], body)
		requireOK(t, r, http.StatusOK)
		require.NoError(t, mirror.Dispute(d.id, o.Subject, "x", time.Now()))
		if d.outcome == "upheld" {
			require.NoError(t, mirror.Resolve(d.id, standards.Rejected, "", nil, time.Now()))
		} else {
			rev := slices.Clone(o.Ratings)
			for i := range rev {
				if rev[i].Standard == d.standard {
					rev[i] = standards.Rating{Standard: d.standard, Value: d.value}
				}
			}
			require.NoError(t, mirror.Resolve(d.id, standards.Accepted, "", rev, time.Now()))
		}
		var view struct {
			Observation standards.Observation
			Locked      bool
		}
		r.json(t, &view)
		assert.True(t, view.Locked)
		assert.Equal(t, mirror.Observation(d.id).Ratings, view.Observation.Ratings)
		// Every step is kept.
		r = tg.accDo(t, http.MethodGet, "/observations/"+d.id+"/history", tok, nil)
		requireOK(t, r, http.StatusOK)
		var h struct{ History []struct{ Kind, By string } }
		r.json(t, &h)
		var kinds []string
		for _, e := range h.History {
			kinds = append(kinds, e.Kind)
		}
		assert.Equal(t, []string{"recorded", "disputed", "resolved"}, kinds)
		assert.Equal(t, "sup-arb", h.History[2].By)
		requireProblem(t, tg.accDo(t, http.MethodPut, "/observations/"+d.id+"/ratings", acc.Tokens[o.Observer], map[string]any{"ratings": o.Ratings}), http.StatusConflict)
	}

	// The report equals the library's report of the same data.
	want, err := mirror.Report(standards.ReportSettings{})
	require.NoError(t, err)
	r = tg.accDo(t, http.MethodGet, "/books/"+book+"/report", acc.Tokens["sup-ben"], nil)
	requireOK(t, r, http.StatusOK)
	assert.Equal(t, asJSONValue(t, mustJSON(t, want)), asJSONValue(t, r.body), "the stored report is the library's report")
	var rep standards.Report
	r.json(t, &rep)
	assert.Equal(t, 60, rep.Overall.Reviews)
	assert.Len(t, rep.Teams, 3)
	assert.Equal(t, 3, rep.Overall.Disputed)
	assert.NotEmpty(t, rep.Stories)
	// CSV export.
	r = tg.accDo(t, http.MethodGet, "/books/"+book+"/report?format=csv", key, nil)
	requireOK(t, r, http.StatusOK)
	assert.True(t, strings.HasPrefix(r.header.Get("Content-Type"), "text/csv"))
	assert.Contains(t, string(r.body), "standard,FD-CI-02,")

	// Staff see their own report and observations, never others'.
	me := "staff-01"
	r = tg.accDo(t, http.MethodGet, "/books/"+book+"/report", acc.Tokens[me], nil)
	requireOK(t, r, http.StatusOK)
	r.json(t, &rep)
	require.Len(t, rep.People, 1)
	assert.Equal(t, me, rep.People[0].Key)
	requireProblem(t, tg.accDo(t, http.MethodGet, "/books/"+book+"/report?subject=staff-02", acc.Tokens[me], nil), http.StatusNotFound)
	r = tg.accDo(t, http.MethodGet, "/observations?book="+book+"&subject=staff-02", acc.Tokens[me], nil)
	requireOK(t, r, http.StatusOK)
	assert.Equal(t, `{"observations":[]}`, string(r.body))
	for _, o := range mirror.Observations {
		if o.Subject != me {
			requireProblem(t, tg.accDo(t, http.MethodGet, "/observations/"+o.ID, acc.Tokens[me], nil), http.StatusNotFound)
			break
		}
	}
	// Another organisation's key reaches none of it.
	other := tg.OtherOrgKey
	for _, path := range []string{"/observations/" + ids[0], "/observations/" + ids[0] + "/history", "/books/" + book, "/books/" + book + "/report"} {
		requireProblem(t, tg.accDo(t, http.MethodGet, path, other, nil), http.StatusNotFound)
	}
	requireProblem(t, tg.accDo(t, http.MethodPost, "/observations/"+ids[1]+"/dispute", other, map[string]string{"standard": "s1-greet", "reason": "x"}), http.StatusNotFound)

	// xAPI: one statement per observation, the observed person as actor.
	r = tg.do(t, req{method: http.MethodGet, path: "/v1/xapi/statements?limit=1000", auth: key})
	requireOK(t, r, http.StatusOK)
	var sts struct{ Statements []map[string]any }
	r.json(t, &sts)
	n := 0
	for _, st := range sts.Statements {
		obj, _ := st["object"].(map[string]any)
		if id, _ := obj["id"].(string); strings.Contains(id, "/observations/"+book+"-") {
			n++
			actor := st["actor"].(map[string]any)["account"].(map[string]any)
			assert.True(t, strings.HasPrefix(actor["name"].(string), "acme/staff-"), "%v", actor)
		}
	}
	assert.Equal(t, 60, n, "one statement per observation, none for the retry")

	tg.accCalibration(t, acc, ids)
	return acc
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func otherStaff(staff []string, not string) string {
	for _, s := range staff {
		if s != not {
			return s
		}
	}
	return ""
}

// accCalibration runs two sessions: the first with low agreement, the
// second after the rewrite with more, and checks the blind rules and the
// result against the library's Calibrate on the same answers.
func (tg *Target) accCalibration(t *testing.T, acc *Accountability, ids []string) {
	raters := []string{"sup-ben", "obs-caro", "obs-dev", "obs-eli"}
	var trend []float64
	for round, spread := range []int{3, 0} {
		id := fmt.Sprintf("%s-cal%d", acc.Book, round+1)
		units := []map[string]string{{"id": "u1", "observation": ids[0]}, {"id": "u2", "observation": ids[1]},
			{"id": "u3", "interaction": "A guest arrives soaked from the rain while the agent is on the phone."}, {"id": "u4", "observation": ids[2]}}
		expert := accAnswer(0, 0)
		r := tg.accDo(t, http.MethodPost, "/sessions", acc.Tokens["sup-ana"], map[string]any{"id": id, "book": acc.Book, "scorecard": "checkin",
			"title": fmt.Sprintf("November calibration %d", round+1), "deadline": time.Now().Add(time.Hour), "units": units, "expert": expert})
		requireOK(t, r, http.StatusCreated)
		requireProblem(t, tg.accDo(t, http.MethodPost, "/sessions", acc.Tokens["obs-caro"], map[string]any{"id": id + "x", "book": acc.Book,
			"scorecard": "checkin", "title": "x", "deadline": time.Now().Add(time.Hour), "units": units}), http.StatusForbidden)

		local := *acc.Mirror
		local.Observations = nil
		withExpert := local
		for i, rater := range raters {
			ans := accAnswer(i, spread)
			// Before submitting, a rater sees nobody's ratings.
			r = tg.accDo(t, http.MethodGet, "/sessions/"+id, acc.Tokens[rater], nil)
			requireOK(t, r, http.StatusOK)
			var view struct {
				Submitted []string
				Yours     *json.RawMessage
				Answers   []json.RawMessage
				Expert    []json.RawMessage
				Result    *json.RawMessage
			}
			r.json(t, &view)
			assert.Len(t, view.Submitted, i)
			assert.Nil(t, view.Yours)
			assert.Empty(t, view.Answers, "nobody's answers before the close")
			assert.Empty(t, view.Expert, "the expert's answer stays hidden until the close")
			assert.NotContains(t, string(r.body), "rater-note", "no other rater's evidence leaks")
			r = tg.accDo(t, http.MethodPost, "/sessions/"+id+"/answers", acc.Tokens[rater], map[string]any{"units": ans})
			requireOK(t, r, http.StatusCreated)
			r.json(t, &view)
			assert.NotNil(t, view.Yours)
			assert.Empty(t, view.Answers, "submitting shows your own answer only")
			// A submitted answer cannot change.
			requireProblem(t, tg.accDo(t, http.MethodPost, "/sessions/"+id+"/answers", acc.Tokens[rater], map[string]any{"units": accAnswer(i+1, 3)}), http.StatusConflict)
			for _, a := range ans {
				o := standards.Observation{ID: rater + "/" + a.Unit, Scorecard: "checkin", Observer: rater, Subject: "calibration", Interaction: a.Unit, Ratings: a.Ratings}
				local.Observations = append(local.Observations, o)
				withExpert.Observations = append(withExpert.Observations, o)
			}
		}
		for _, a := range expert {
			withExpert.Observations = append(withExpert.Observations, standards.Observation{ID: "~expert/" + a.Unit, Scorecard: "checkin",
				Observer: "~expert", Subject: "calibration", Interaction: a.Unit, Ratings: a.Ratings})
		}
		requireProblem(t, tg.accDo(t, http.MethodPost, "/sessions/"+id+"/close", acc.Tokens["obs-caro"], nil), http.StatusForbidden)
		requireProblem(t, tg.accDo(t, http.MethodGet, "/sessions/"+id, tg.OtherOrgKey, nil), http.StatusNotFound)
		requireProblem(t, tg.accDo(t, http.MethodGet, "/sessions/"+id, acc.Tokens["staff-01"], nil), http.StatusForbidden)
		r = tg.accDo(t, http.MethodPost, "/sessions/"+id+"/close", acc.Tokens["sup-ana"], nil)
		requireOK(t, r, http.StatusOK)
		var closed struct {
			Closed  bool
			Answers []json.RawMessage
			Expert  []json.RawMessage
			Result  struct {
				Calibration json.RawMessage
				Distances   json.RawMessage
				Rewrite     []standards.Rewrite
			}
		}
		r.json(t, &closed)
		assert.True(t, closed.Closed)
		assert.Len(t, closed.Answers, 4, "after the close everyone sees every answer")
		assert.Len(t, closed.Expert, 4)
		cal, err := local.Calibrate(standards.CalibrationSettings{Scorecard: "checkin"})
		require.NoError(t, err)
		assert.Equal(t, asJSONValue(t, mustJSON(t, cal)), asJSONValue(t, closed.Result.Calibration), "the session's agreement is the library's")
		dist, err := withExpert.DistanceFromExpert("~expert")
		require.NoError(t, err)
		assert.Equal(t, asJSONValue(t, mustJSON(t, dist)), asJSONValue(t, closed.Result.Distances))
		if spread > 0 {
			assert.NotEmpty(t, closed.Result.Rewrite, "disagreement puts standards on the rewrite queue")
		}
		requireProblem(t, tg.accDo(t, http.MethodPost, "/sessions/"+id+"/answers", acc.Tokens["sup-ben"], map[string]any{"units": accAnswer(0, 0)}), http.StatusConflict)
		r = tg.accDo(t, http.MethodGet, "/books/"+acc.Book+"/calibration", acc.Tokens["sup-ana"], nil)
		requireOK(t, r, http.StatusOK)
		var tr struct {
			Sessions []struct {
				Session       string
				MeanAgreement float64
			}
		}
		r.json(t, &tr)
		require.Len(t, tr.Sessions, round+1)
		assert.Equal(t, id, tr.Sessions[round].Session)
		trend = append(trend, tr.Sessions[round].MeanAgreement)
	}
	assert.Greater(t, trend[1], trend[0], "the second session agrees more")
}

// accAnswer is rater i's answer on the four units; spread 0 gives the
// expert's ratings, a larger spread makes raters disagree.
func accAnswer(i, spread int) []accUnitAnswerDoc {
	var out []accUnitAnswerDoc
	for u := range 4 {
		v := func(k int) int { return (u + k + i*spread) % 2 }
		out = append(out, accUnitAnswerDoc{Unit: fmt.Sprintf("u%d", u+1), Ratings: []standards.Rating{
			{Standard: "s1-greet", Value: v(0)}, {Standard: "s2-name", Value: v(1)}, {Standard: "s3-tip", Value: v(i * spread), Evidence: "rater-note"},
			{Standard: "s4-warmth", Value: 1 + (u+i*spread)%4}}})
	}
	return out
}

type accUnitAnswerDoc struct {
	Unit    string             `json:"unit"`
	Ratings []standards.Rating `json:"ratings"`
}
