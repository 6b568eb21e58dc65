package apitest

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

//go:embed testdata/grid.json
var gridDoc []byte

//go:embed testdata/book.json
var bookDoc []byte

type analysisCase struct {
	name   string
	q      req
	status int
	want   []string // substrings of the answer
}

func post(path string, body string) req {
	return req{method: http.MethodPost, path: path, body: []byte(body)}
}

func withGrid(prefix, suffix string) string { return prefix + string(gridDoc) + suffix }

// testAnalysis checks every stateless analysis route, with a good input
// and with bad ones.
func (tg *Target) testAnalysis(t *testing.T) {
	r := tg.do(t, req{method: http.MethodGet, path: "/v1/recovery/scenarios"})
	requireOK(t, r, http.StatusOK)
	var sc struct {
		Scenarios []struct {
			ID string `json:"id"`
		} `json:"scenarios"`
	}
	r.json(t, &sc)
	require.NotEmpty(t, sc.Scenarios)
	scenario := sc.Scenarios[0].ID
	var std map[string]any
	var book struct {
		Standards []map[string]any `json:"standards"`
	}
	require.NoError(t, json.Unmarshal(bookDoc, &book))
	std = book.Standards[0]
	stdJSON := string(mustJSON(t, std))
	badGrid := strings.Replace(string(gridDoc), `"purposeful.grid/v1"`, `"purposeful.grid/v9"`, 1)

	cases := []analysisCase{
		{"analyze", post("/v1/purpose/analyze", `{"text":"To create loyal guests who come back and tell their friends."}`), 200, []string{`"score"`, `"beneficiaries"`}},
		{"analyze empty", post("/v1/purpose/analyze", `{"text":""}`), 400, nil},
		{"analyze too long", post("/v1/purpose/analyze", `{"text":"`+strings.Repeat("word ", 2100)+`"}`), 400, nil},
		{"classify", post("/v1/purpose/classify", `{"item":"Walks the guest to the lift"}`), 200, []string{`"kind"`}},
		{"classify blank", post("/v1/purpose/classify", `{"item":"   "}`), 400, nil},
		{"ladder", post("/v1/purpose/ladder", `{"function":"Move bags to the aircraft","answers":["So the bags arrive with the plane"]}`), 200, []string{`"rungs"`}},
		{"ladder bad depth", post("/v1/purpose/ladder", `{"function":"Move bags","maxDepth":99}`), 400, nil},
		{"align", post("/v1/purpose/align", `{"organisation":"To create loyal guests","job":"To make every guest feel welcome on arrival"}`), 200, []string{`"aligned"`}},
		{"align missing job", post("/v1/purpose/align", `{"organisation":"To create loyal guests"}`), 400, nil},
		{"diagnostic", post("/v1/purpose/diagnostic", `{"version":"purposeful.diagnostic/v1","answers":{"staff-1":2,"significance-1":4}}`), 200, []string{`"levels"`}},
		{"diagnostic out of range", post("/v1/purpose/diagnostic", `{"version":"purposeful.diagnostic/v1","answers":{"staff-1":9}}`), 400, nil},
		{"diagnostic no version", post("/v1/purpose/diagnostic", `{"answers":{"staff-1":2}}`), 400, nil},
		{"questions", req{method: http.MethodGet, path: "/v1/purpose/questions"}, 200, []string{`"questions"`}},
		{"grid validate", post("/v1/grid/validate", string(gridDoc)), 200, []string{`"valid":true`}},
		{"grid validate invalid", post("/v1/grid/validate", strings.Replace(string(gridDoc), `"position": "Front-desk agent"`, `"position": ""`, 1)), 200, []string{`"valid":false`, `"path":"position"`}},
		{"grid validate version", post("/v1/grid/validate", badGrid), 400, nil},
		{"grid validate unknown field", post("/v1/grid/validate", `{"version":"purposeful.grid/v1","extra":1}`), 400, nil},
		{"grid render markdown", req{method: http.MethodPost, path: "/v1/grid/render?format=markdown", body: gridDoc}, 200, []string{"| "}},
		{"grid render csv", req{method: http.MethodPost, path: "/v1/grid/render?format=csv", body: gridDoc}, 200, []string{"column,"}},
		{"grid render svg", req{method: http.MethodPost, path: "/v1/grid/render?format=svg", body: gridDoc}, 200, []string{"<svg"}},
		{"grid render json", req{method: http.MethodPost, path: "/v1/grid/render?format=json", body: gridDoc}, 200, []string{"purposeful.grid/v1"}},
		{"grid render bad format", req{method: http.MethodPost, path: "/v1/grid/render?format=pdf", body: gridDoc}, 400, nil},
		{"standards lint", post("/v1/standards/lint", `{"standard":`+stdJSON+`}`), 200, []string{`"findings"`}},
		{"standards lint missing", post("/v1/standards/lint", `{}`), 400, nil},
		{"standards lint bad enum", post("/v1/standards/lint", `{"standard":{"id":"x","statement":"Greet guests.","class":"dance"}}`), 400, nil},
		{"standards draft", post("/v1/standards/draft", withGrid(`{"grid":`, `}`)), 200, []string{`"drafts"`}},
		{"standards draft bad grid", post("/v1/standards/draft", `{"grid":{"version":"purposeful.grid/v1","bogus":true}}`), 400, nil},
		{"standards score", post("/v1/standards/score", string(bookDoc)), 200, []string{`"reviews"`, `"report"`}},
		{"standards score bad version", post("/v1/standards/score", `{"version":"nope"}`), 400, nil},
		{"standards calibrate", post("/v1/standards/calibrate", string(bookDoc)), 0, nil}, // 200, or 422 when the book has too few raters
		{"standards calibrate unknown field", post("/v1/standards/calibrate", `{"version":"purposeful.standards/v1","rater":1}`), 400, nil},
		{"recovery plan", post("/v1/recovery/plan", `{"situation":{"state":"angry","cause":"our-error","channel":"phone"}}`), 200, []string{`"steps"`}},
		{"recovery plan bad state", post("/v1/recovery/plan", `{"situation":{"state":"furious"}}`), 400, nil},
		{"recovery plan other language", post("/v1/recovery/plan", `{"situation":{"state":"angry","language":"pt-br"}}`), 200, []string{`"steps"`}},
		{"recovery plan bad language", post("/v1/recovery/plan", `{"situation":{"state":"angry","language":"en gb"}}`), 400, []string{`situation.language`, `not a language tag`}},
		{"recovery review", post("/v1/recovery/review", `{"draft":"I am so sorry we lost your booking. I will fix it now and call you back by 5 pm.","situation":{"state":"upset"}}`), 200, []string{`"score"`}},
		{"recovery review empty", post("/v1/recovery/review", `{"draft":""}`), 400, nil},
		{"recovery grade", post("/v1/recovery/grade", `{"scenario":"`+scenario+`","reply":"I am sorry. Let me put this right for you now."}`), 200, []string{`"score"`}},
		{"recovery grade unknown scenario", post("/v1/recovery/grade", `{"scenario":"no-such","reply":"Sorry."}`), 404, nil},
		{"recovery grade actor without key", post("/v1/recovery/grade", `{"scenario":"`+scenario+`","reply":"Sorry.","actor":{"mbox":"mailto:a@example.com"}}`), 401, nil},
		{"phrases", req{method: http.MethodGet, path: "/v1/recovery/phrases?move=apologise&channel=email"}, 200, []string{`"phrases"`}},
		{"phrases bad move", req{method: http.MethodGet, path: "/v1/recovery/phrases?move=shrug"}, 400, nil},
		{"phrases bad channel", req{method: http.MethodGet, path: "/v1/recovery/phrases?channel=pigeon"}, 400, nil},
		{"acknowledge without key", post("/v1/standards/acknowledge", `{"standard":`+stdJSON+`,"actor":{"mbox":"mailto:a@example.com"}}`), 401, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := tg.do(t, tc.q)
			switch {
			case tc.status == 0:
				if r.status != http.StatusOK {
					requireProblem(t, r, http.StatusUnprocessableEntity)
				}
			case tc.status >= 400:
				p := requireProblem(t, r, tc.status)
				if tc.status == 400 {
					assert.NotEmpty(t, p.Detail)
				}
			default:
				requireOK(t, r, tc.status)
				for _, w := range tc.want {
					assert.Contains(t, string(r.body), w)
				}
			}
		})
	}

	// With an organisation key, grading and acknowledging record statements.
	actor := `{"name":"Ana","account":{"homePage":"https://lms.example.com","name":"ana-42"}}`
	r = tg.do(t, req{method: http.MethodPost, path: "/v1/recovery/grade", auth: tg.OrgKey,
		body: []byte(`{"scenario":"` + scenario + `","reply":"I am so sorry about this. Let me fix it for you right now.","actor":` + actor + `}`)})
	requireOK(t, r, http.StatusOK)
	var g struct {
		Score       int    `json:"score"`
		StatementID string `json:"statement_id"`
	}
	r.json(t, &g)
	require.NotEmpty(t, g.StatementID)
	st := tg.statement(t, tg.OrgKey, g.StatementID)
	require.NotNil(t, st)
	assert.Equal(t, "http://adlnet.gov/expapi/verbs/scored", st["verb"].(map[string]any)["id"])

	r = tg.do(t, req{method: http.MethodPost, path: "/v1/standards/acknowledge", auth: tg.OrgKey,
		body: []byte(`{"standard":` + stdJSON + `,"actor":` + actor + `}`)})
	requireOK(t, r, http.StatusOK)
	var a struct {
		StatementID string `json:"statement_id"`
	}
	r.json(t, &a)
	assert.NotNil(t, tg.statement(t, tg.OrgKey, a.StatementID))
	_ = bytes.NewReader
}
