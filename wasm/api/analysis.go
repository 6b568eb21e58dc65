package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/purpose"
	"github.com/purposefulcx/purposeful/recovery"
	"github.com/purposefulcx/purposeful/standards"
)

// analysisRoutes are the stateless analysis routes of the domain packages.
// They need no credentials, except where they record an xAPI statement.
func analysisRoutes() []route {
	post := func(pattern string, h func(*call) error, id, tag, summary, body, resp string) route {
		return route{method: http.MethodPost, pattern: pattern, auth: authNone, handle: h,
			doc: opDoc{id: id, tag: tag, summary: summary, body: body, resp: resp, errors: []int{}}}
	}
	rs := []route{
		post("/v1/purpose/analyze", purposeAnalyze, "purposeAnalyze", "purpose", "Analyse a purpose statement: beneficiaries, outcomes, score, findings", "Text", "PurposeAnalysis"),
		post("/v1/purpose/classify", purposeClassify, "purposeClassify", "purpose", "Classify a grid item: knowledge, skill, action, behaviour or function", "Item", "PurposeClassification"),
		post("/v1/purpose/ladder", purposeLadder, "purposeLadder", "purpose", "One step of the revelation ladder, from a job function to its purpose", "LadderRequest", "PurposeClimb"),
		post("/v1/purpose/align", purposeAlign, "purposeAlign", "purpose", "Check that organisation, job and individual purposes line up", "Alignment", "PurposeAlignment"),
		post("/v1/purpose/diagnostic", purposeDiagnostic, "purposeDiagnostic", "purpose", "Score the six-level service diagnostic and find the root level", "PurposeDiagnosticRequest", "PurposeDiagnostic"),
		{method: http.MethodGet, pattern: "/v1/purpose/questions", auth: authNone, handle: purposeQuestions,
			doc: opDoc{id: "purposeQuestions", tag: "purpose", summary: "The questions of the six-level diagnostic", resp: "PurposeQuestions"}},
		post("/v1/grid/validate", gridValidate, "gridValidate", "grid", "Validate a grid document and list its warnings", "Grid", "GridCheck"),
		{method: http.MethodPost, pattern: "/v1/grid/render", auth: authNone, handle: gridRender,
			doc: opDoc{id: "gridRender", tag: "grid", summary: "Render a grid as markdown, csv, svg or json", body: "Grid", resp: "file", query: []string{"format"}}},
		post("/v1/standards/lint", standardsLint, "standardsLint", "standards", "Lint one standard: understood, unambiguous, enforceable, self-managed, purposeful", "LintRequest", "StandardsLint"),
		post("/v1/standards/draft", standardsDraft, "standardsDraft", "standards", "Draft standards from a grid's adopted ideas", "DraftRequest", "StandardsDrafts"),
		post("/v1/standards/score", standardsScore, "standardsScore", "standards", "Score a book's observations against its scorecards and report", "Book", "StandardsScore"),
		post("/v1/standards/calibrate", standardsCalibrate, "standardsCalibrate", "standards", "Rater agreement per standard (kappa, alpha) and rewrites for low agreement", "Book", "StandardsCalibration"),
		{method: http.MethodPost, pattern: "/v1/standards/acknowledge", auth: authOrg, handle: standardsAcknowledge,
			doc: opDoc{id: "standardsAcknowledge", tag: "standards", summary: "Record that a learner acknowledged a standard (xAPI statement)", body: "Acknowledge", resp: "Recorded", errors: []int{401}}},
		post("/v1/recovery/plan", recoveryPlan, "recoveryPlan", "recovery", "Plan a service recovery: moves in order with phrases", "PlanRequest", "RecoveryPlan"),
		post("/v1/recovery/review", recoveryReview, "recoveryReview", "recovery", "Review a draft reply to an upset customer", "ReviewRequest", "RecoveryReview"),
		{method: http.MethodPost, pattern: "/v1/recovery/grade", auth: authOptional, handle: recoveryGrade,
			doc: opDoc{id: "recoveryGrade", tag: "recovery", summary: "Grade a practice reply on a scenario; with an org key and an actor, record an xAPI statement", body: "GradeRequest", resp: "RecoveryGrade", errors: []int{401, 404}}},
		{method: http.MethodGet, pattern: "/v1/recovery/phrases", auth: authNone, handle: recoveryPhrases,
			doc: opDoc{id: "recoveryPhrases", tag: "recovery", summary: "Recovery phrases, filtered by move and channel", resp: "RecoveryPhrases", query: []string{"move", "channel"}}},
		{method: http.MethodGet, pattern: "/v1/recovery/scenarios", auth: authNone, handle: recoveryScenarios,
			doc: opDoc{id: "recoveryScenarios", tag: "recovery", summary: "Practice scenarios", resp: "RecoveryScenarios"}},
	}
	return rs
}

// inputProblem maps an error of a domain package to a 400 with field paths
// under prefix.
func inputProblem(prefix string, err error) error {
	var p *Problem
	if errors.As(err, &p) {
		return p
	}
	return validation(prefix, err)
}

type textRequest struct {
	Text string `json:"text"`
}

func purposeAnalyze(c *call) error {
	var req textRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	a, err := purpose.Analyze(req.Text)
	if err != nil {
		return inputProblem("text", err)
	}
	return c.writeJSON(http.StatusOK, a)
}

type itemRequest struct {
	Item string `json:"item"`
}

func purposeClassify(c *call) error {
	var req itemRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	cl, err := purpose.Classify(req.Item)
	if err != nil {
		return inputProblem("item", err)
	}
	return c.writeJSON(http.StatusOK, cl)
}

type ladderRequest struct {
	Function string   `json:"function"`
	Answers  []string `json:"answers,omitempty"`
	Customer string   `json:"customer,omitempty"`
	MaxDepth int      `json:"maxDepth,omitempty"`
}

func purposeLadder(c *call) error {
	var req ladderRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	if req.MaxDepth < 0 || req.MaxDepth > 20 {
		return badRequest("the request body is not valid", FieldError{Path: "maxDepth", Message: "must be from 0 to 20"})
	}
	cl, err := purpose.Ladder{Customer: req.Customer, MaxDepth: req.MaxDepth}.Climb(req.Function, req.Answers...)
	if err != nil {
		return inputProblem("", err)
	}
	return c.writeJSON(http.StatusOK, cl)
}

func purposeAlign(c *call) error {
	var req purpose.Alignment
	if err := c.decode(&req); err != nil {
		return err
	}
	rep, err := purpose.Align(req)
	if err != nil {
		return inputProblem("", err)
	}
	return c.writeJSON(http.StatusOK, rep)
}

func purposeDiagnostic(c *call) error {
	body, err := c.rawBody()
	if err != nil {
		return err
	}
	d, err := purpose.DecodeDiagnostic(body)
	if err != nil {
		return inputProblem("", err)
	}
	rep, err := d.Evaluate()
	if err != nil {
		return inputProblem("", err)
	}
	return c.writeJSON(http.StatusOK, rep)
}

func purposeQuestions(c *call) error {
	return c.writeJSON(http.StatusOK, map[string]any{"levels": purpose.Levels(), "questions": purpose.Questions()})
}

// gridFrom decodes and validates a grid document; its errors get field
// paths under path.
func gridFrom(raw []byte, path string) (*grid.Grid, error) {
	g, err := grid.Decode(raw)
	if err != nil {
		return nil, inputProblem(path, err)
	}
	return g, nil
}

type gridCheck struct {
	Valid    bool           `json:"valid"`
	Errors   []FieldError   `json:"errors"`
	Warnings []grid.Warning `json:"warnings"`
}

func gridValidate(c *call) error {
	body, err := c.rawBody()
	if err != nil {
		return err
	}
	g, err := grid.Decode(body)
	out := gridCheck{Valid: err == nil, Errors: []FieldError{}, Warnings: []grid.Warning{}}
	switch {
	case errors.Is(err, grid.ErrSyntax), errors.Is(err, grid.ErrUnknownField), errors.Is(err, grid.ErrVersion):
		return inputProblem("", err)
	case err != nil:
		out.Errors = fieldErrors("", err)
	default:
		if w := g.Warnings(); w != nil {
			out.Warnings = w
		}
	}
	return c.writeJSON(http.StatusOK, out)
}

func gridRender(c *call) error {
	format := c.r.URL.Query().Get("format")
	switch format {
	case "", "markdown", "md", "csv", "svg", "json":
	default:
		return badRequest("unknown format", FieldError{Path: "format", Message: "must be markdown, csv, svg or json"})
	}
	body, err := c.rawBody()
	if err != nil {
		return err
	}
	g, err := gridFrom(body, "")
	if err != nil {
		return err
	}
	return c.writeGrid(g, format)
}

// writeGrid answers with g as csv, svg or json, and as markdown for any
// other format.
func (c *call) writeGrid(g *grid.Grid, format string) error {
	switch format {
	case "csv":
		b, err := grid.CSV(g)
		if err != nil {
			return err
		}
		return c.writeRaw(http.StatusOK, "text/csv; charset=utf-8", b)
	case "svg":
		return c.writeRaw(http.StatusOK, "image/svg+xml", []byte(grid.SVG(g, grid.SVGOptions{})))
	case "json":
		b, err := grid.Encode(g)
		if err != nil {
			return err
		}
		return c.writeRaw(http.StatusOK, "application/json", b)
	}
	return c.writeRaw(http.StatusOK, "text/markdown; charset=utf-8", []byte(grid.Markdown(g)))
}

type lintRequest struct {
	Standard json.RawMessage        `json:"standard"`
	Settings standards.LintSettings `json:"settings"`
}

func standardsLint(c *call) error {
	var req lintRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	if len(req.Standard) == 0 {
		return badRequest("the request body is not valid", FieldError{Path: "standard", Message: "required"})
	}
	s, err := standards.DecodeStandard(bytes.NewReader(req.Standard))
	if err != nil {
		return inputProblem("standard", err)
	}
	out := standards.Lint(&s, req.Settings)
	if out == nil {
		out = []standards.LintFinding{}
	}
	return c.writeJSON(http.StatusOK, map[string]any{"findings": out})
}

type draftRequest struct {
	Grid     json.RawMessage         `json:"grid"`
	Settings standards.DraftSettings `json:"settings"`
}

func standardsDraft(c *call) error {
	var req draftRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	if len(req.Grid) == 0 {
		return badRequest("the request body is not valid", FieldError{Path: "grid", Message: "required"})
	}
	g, err := gridFrom(req.Grid, "grid")
	if err != nil {
		return err
	}
	drafts, err := standards.DraftFromGrid(g, req.Settings)
	if err != nil {
		return inputProblem("", err)
	}
	return c.writeJSON(http.StatusOK, map[string]any{"drafts": drafts})
}

// book reads a standards book (strict, validated) from the body.
func (c *call) book() (*standards.Book, error) {
	body, err := c.rawBody()
	if err != nil {
		return nil, err
	}
	b, err := standards.Decode(bytes.NewReader(body))
	if err != nil {
		return nil, inputProblem("", err)
	}
	return b, nil
}

func standardsScore(c *call) error {
	b, err := c.book()
	if err != nil {
		return err
	}
	reviews, err := b.Reviews()
	if err != nil {
		return inputProblem("", err)
	}
	rep, err := b.Report(standards.ReportSettings{})
	if err != nil {
		return inputProblem("", err)
	}
	return c.writeJSON(http.StatusOK, map[string]any{"reviews": reviews, "report": rep})
}

func standardsCalibrate(c *call) error {
	b, err := c.book()
	if err != nil {
		return err
	}
	cal, err := b.Calibrate(standards.CalibrationSettings{})
	if err != nil {
		return problem(http.StatusUnprocessableEntity, TypeValidation, "agreement cannot be computed from these observations", fieldErrors("", err)...)
	}
	return c.writeJSON(http.StatusOK, cal)
}

type acknowledgeRequest struct {
	Standard json.RawMessage `json:"standard"`
	Actor    *Agent          `json:"actor"`
}

type recorded struct {
	StatementID string `json:"statement_id"`
}

// standardsAcknowledge: an LMS records that a learner read and accepted a
// standard.
func standardsAcknowledge(c *call) error {
	var req acknowledgeRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	var errs []FieldError
	if req.Actor == nil {
		errs = append(errs, FieldError{Path: "actor", Message: "required"})
	} else {
		errs = append(errs, req.Actor.validate("actor")...)
	}
	if len(req.Standard) == 0 {
		errs = append(errs, FieldError{Path: "standard", Message: "required"})
	}
	if len(errs) > 0 {
		return badRequest("the request body is not valid", errs...)
	}
	s, err := standards.DecodeStandard(bytes.NewReader(req.Standard))
	if err != nil {
		return inputProblem("standard", err)
	}
	id := s.ID
	if id == "" {
		id = s.Code
	}
	name := s.Code
	if name == "" {
		name = s.Statement
	}
	st, err := c.h.newStatement(*req.Actor, VerbAcknowledged, "acknowledged", Activity{ObjectType: "Activity",
		ID:         iriBase + "standards/" + iriSegment(c.who.org) + "/" + iriSegment(id),
		Definition: &ActivityDefinition{Name: map[string]string{"en-US": name}, Type: activityPolicy}})
	if err != nil {
		return err
	}
	if err := c.record(st); err != nil {
		return err
	}
	return c.writeJSON(http.StatusOK, recorded{StatementID: st.ID})
}

// iriSegment makes s safe as one IRI path segment.
func iriSegment(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	return b.String()
}

type planRequest struct {
	Situation recovery.Situation `json:"situation"`
}

func recoveryPlan(c *call) error {
	var req planRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	if err := req.Situation.Validate(); err != nil {
		return inputProblem("situation", err)
	}
	g, err := recovery.Plan(req.Situation)
	if err != nil {
		return inputProblem("situation", err)
	}
	return c.writeJSON(http.StatusOK, g)
}

type reviewRequest struct {
	Draft     string             `json:"draft"`
	Situation recovery.Situation `json:"situation"`
}

// recoveryReview reads the request and writes the report without
// reflection when it can (review_json.go); anything else takes the
// general path, with the same result.
func recoveryReview(c *call) error {
	body, err := readBody(c.r, c.h.cfg.MaxBody)
	if err != nil {
		return err
	}
	req, ok := decodeReview(body)
	if !ok {
		if err := decodeStrict(body, &req); err != nil {
			return err
		}
	}
	if err := req.Situation.Validate(); err != nil {
		return inputProblem("situation", err)
	}
	rep, err := recovery.Review(req.Draft, req.Situation)
	if err != nil {
		return inputProblem("draft", err)
	}
	out, err := appendReport(make([]byte, 0, 2048), rep)
	if err != nil {
		return c.writeJSON(http.StatusOK, rep)
	}
	return c.writeRaw(http.StatusOK, "application/json", out)
}

type gradeRequest struct {
	Scenario string `json:"scenario"`
	Reply    string `json:"reply"`
	Actor    *Agent `json:"actor,omitempty"`
}

type gradeResponse struct {
	*recovery.Feedback
	StatementID string `json:"statement_id,omitempty"`
}

// recoveryGrade grades a practice reply; with an org key and an actor the
// result is recorded as an xAPI "scored" statement.
func recoveryGrade(c *call) error {
	var req gradeRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	if req.Actor != nil {
		if !c.who.key {
			return unauthorized("recording a statement for an actor needs an organisation API key")
		}
		if errs := req.Actor.validate("actor"); len(errs) > 0 {
			return badRequest("the actor is not a valid xAPI agent", errs...)
		}
	}
	sc, err := recovery.ScenarioByID(req.Scenario)
	if err != nil {
		return problem(http.StatusNotFound, TypeNotFound, "no such scenario", FieldError{Path: "scenario", Message: "unknown"})
	}
	fb, err := recovery.Grade(sc, req.Reply)
	if err != nil {
		return inputProblem("reply", err)
	}
	out := gradeResponse{Feedback: fb}
	if req.Actor != nil {
		st, err := c.h.newStatement(*req.Actor, VerbScored, "scored", Activity{ObjectType: "Activity",
			ID:         iriBase + "recovery/scenarios/" + iriSegment(sc.ID),
			Definition: &ActivityDefinition{Name: map[string]string{"en-US": sc.Title}, Type: activityAssessment}})
		if err != nil {
			return err
		}
		scaled := float64(fb.Score) / 100
		st.Result = &Result{Score: &Score{Scaled: scaled, Raw: float64(fb.Score), Min: 0, Max: 100}, Completion: yes()}
		if err := c.record(st); err != nil {
			return err
		}
		out.StatementID = st.ID
	}
	return c.writeJSON(http.StatusOK, out)
}

func recoveryPhrases(c *call) error {
	q := c.r.URL.Query()
	var f recovery.Filter
	for _, v := range q["move"] {
		for _, name := range strings.Split(v, ",") {
			m, err := recovery.ParseMove(name)
			if err != nil {
				return badRequest("unknown move", FieldError{Path: "move", Message: "unknown move " + name})
			}
			f.Moves = append(f.Moves, m)
		}
	}
	for _, v := range q["channel"] {
		for _, name := range strings.Split(v, ",") {
			var ch recovery.Channel
			if err := ch.UnmarshalText([]byte(name)); err != nil {
				return badRequest("unknown channel", FieldError{Path: "channel", Message: "unknown channel " + name})
			}
			f.Channels = append(f.Channels, ch)
		}
	}
	ps := recovery.Phrases(f)
	if ps == nil {
		ps = []recovery.Phrase{}
	}
	return c.writeJSON(http.StatusOK, map[string]any{"phrases": ps})
}

func recoveryScenarios(c *call) error {
	return c.writeJSON(http.StatusOK, map[string]any{"scenarios": recovery.Scenarios()})
}
