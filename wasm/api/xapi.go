package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/store"
)

// XAPIVersion is the xAPI version the API speaks to an LRS (sent in the
// X-Experience-API-Version header; statements never carry a version field,
// the LRS sets it).
const XAPIVersion = "1.0.3"

// Verbs and activity types of the statements the API records.
const (
	VerbCompleted    = "http://adlnet.gov/expapi/verbs/completed"
	VerbScored       = "http://adlnet.gov/expapi/verbs/scored"
	VerbAcknowledged = "http://activitystrea.ms/schema/1.0/acknowledge"

	activityMeeting    = "http://adlnet.gov/expapi/activities/meeting"
	activityAssessment = "http://adlnet.gov/expapi/activities/assessment"
	activityPolicy     = "http://adlnet.gov/expapi/activities/objective"

	// IRIs of our own: activities and extensions live under this base.
	iriBase          = "https://purposeful.invalid/xapi/"
	extAdoptedIdeas  = iriBase + "extensions/adopted-ideas"
	extParticipants  = iriBase + "extensions/participants"
	extRecoveryMoves = iriBase + "extensions/recovery-moves"
	accountHomePage  = "https://purposeful.invalid/"
)

// Agent is an xAPI Agent, as an LMS sends it.
type Agent struct {
	ObjectType  string   `json:"objectType,omitempty"`
	Name        string   `json:"name,omitempty"`
	Mbox        string   `json:"mbox,omitempty"`
	MboxSHA1Sum string   `json:"mbox_sha1sum,omitempty"`
	OpenID      string   `json:"openid,omitempty"`
	Account     *Account `json:"account,omitempty"`
}

// Account is an Agent's account on a system.
type Account struct {
	HomePage string `json:"homePage"`
	Name     string `json:"name"`
}

// validate checks that the agent has exactly one identifier and that it
// looks right.
func (a *Agent) validate(path string) []FieldError {
	var errs []FieldError
	n := 0
	if a.ObjectType != "" && a.ObjectType != "Agent" {
		errs = append(errs, FieldError{Path: path + ".objectType", Message: `must be "Agent"`})
	}
	if a.Mbox != "" {
		n++
		if !strings.HasPrefix(a.Mbox, "mailto:") || !strings.Contains(a.Mbox, "@") || len(a.Mbox) > 320 {
			errs = append(errs, FieldError{Path: path + ".mbox", Message: "must be mailto:name@host"})
		}
	}
	if a.MboxSHA1Sum != "" {
		n++
		if len(a.MboxSHA1Sum) != 40 || strings.Trim(strings.ToLower(a.MboxSHA1Sum), "0123456789abcdef") != "" {
			errs = append(errs, FieldError{Path: path + ".mbox_sha1sum", Message: "must be 40 hex digits"})
		}
	}
	if a.OpenID != "" {
		n++
		if !isAbsURL(a.OpenID) {
			errs = append(errs, FieldError{Path: path + ".openid", Message: "must be an absolute URL"})
		}
	}
	if a.Account != nil {
		n++
		if !isAbsURL(a.Account.HomePage) {
			errs = append(errs, FieldError{Path: path + ".account.homePage", Message: "must be an absolute URL"})
		}
		if a.Account.Name == "" || len(a.Account.Name) > 200 {
			errs = append(errs, FieldError{Path: path + ".account.name", Message: "required, at most 200 bytes"})
		}
	}
	if len(a.Name) > 200 {
		errs = append(errs, FieldError{Path: path + ".name", Message: "at most 200 bytes"})
	}
	if n != 1 {
		errs = append(errs, FieldError{Path: path, Message: "needs exactly one of mbox, mbox_sha1sum, openid, account"})
	}
	return errs
}

func isAbsURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && len(s) <= 500
}

// Statement is the subset of an xAPI 1.0.3 statement the API writes.
// There is deliberately no Version field: the LRS sets it.
type Statement struct {
	ID        string   `json:"id"`
	Actor     Agent    `json:"actor"`
	Verb      Verb     `json:"verb"`
	Object    Activity `json:"object"`
	Result    *Result  `json:"result,omitempty"`
	Context   *Context `json:"context,omitempty"`
	Timestamp string   `json:"timestamp"`
}

// Verb is an xAPI verb.
type Verb struct {
	ID      string            `json:"id"`
	Display map[string]string `json:"display"`
}

// Activity is an xAPI activity.
type Activity struct {
	ObjectType string              `json:"objectType"`
	ID         string              `json:"id"`
	Definition *ActivityDefinition `json:"definition,omitempty"`
}

// ActivityDefinition names and types an activity.
type ActivityDefinition struct {
	Name map[string]string `json:"name,omitempty"`
	Type string            `json:"type,omitempty"`
}

// Result is an xAPI result.
type Result struct {
	Score      *Score         `json:"score,omitempty"`
	Success    *bool          `json:"success,omitempty"`
	Completion *bool          `json:"completion,omitempty"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

// Score is an xAPI score.
type Score struct {
	Scaled float64 `json:"scaled"`
	Raw    float64 `json:"raw"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
}

// Context is an xAPI context.
type Context struct {
	Platform   string         `json:"platform,omitempty"`
	Language   string         `json:"language,omitempty"`
	Extensions map[string]any `json:"extensions,omitempty"`
}

func yes() *bool { b := true; return &b }

// newStatement fills id, verb and timestamp.
func (h *handler) newStatement(actor Agent, verb, verbName string, obj Activity) (Statement, error) {
	id, err := h.newUUID()
	if err != nil {
		return Statement{}, err
	}
	if actor.ObjectType == "" {
		actor.ObjectType = "Agent"
	}
	return Statement{
		ID:        id,
		Actor:     actor,
		Verb:      Verb{ID: verb, Display: map[string]string{"en-US": verbName}},
		Object:    obj,
		Context:   &Context{Platform: "Purposeful", Language: "en"},
		Timestamp: h.cfg.Now().UTC().Format(time.RFC3339Nano),
	}, nil
}

// statementStmt turns a statement into the store row that keeps it (and
// queues it for the LRS).
func (h *handler) statementStmt(org string, st Statement) (store.Stmt, error) {
	b, err := json.Marshal(st)
	if err != nil {
		return store.Stmt{}, err
	}
	return store.StatementStmt(store.Statement{ID: st.ID, Org: org, Verb: st.Verb.ID, Body: b, CreatedAt: h.now()}), nil
}

// record stores statements and tries to deliver them at once; what
// cannot be delivered stays in the outbox for [Flush].
func (c *call) record(sts ...Statement) error {
	s, err := c.store()
	if err != nil {
		return err
	}
	var stmts []store.Stmt
	for _, st := range sts {
		x, err := c.h.statementStmt(c.who.org, st)
		if err != nil {
			return err
		}
		stmts = append(stmts, x)
	}
	if err := s.Batch(c.r.Context(), stmts...); err != nil {
		return err
	}
	c.h.flush(c.r.Context(), c.who.org, len(sts))
	return nil
}

type completeRequest struct {
	Actor *Agent `json:"actor,omitempty"`
}

type completeResponse struct {
	StatementID string `json:"statement_id"`
	Adopted     int    `json:"adopted"`
}

// completeWorkshop: POST /v1/workshops/{id}/complete. The facilitator (or
// the organisation) closes the workshop; an xAPI "completed" statement
// records it with its adopted ideas.
func completeWorkshop(c *call) error {
	w, err := c.workshop()
	if err != nil {
		return err
	}
	if !c.who.facilitator() {
		return forbidden("only the facilitator or the organisation can complete a workshop")
	}
	var req completeRequest
	if c.r.ContentLength != 0 || c.r.Header.Get("Content-Type") != "" {
		if err := c.decode(&req); err != nil {
			return err
		}
	}
	if req.Actor != nil {
		if errs := req.Actor.validate("actor"); len(errs) > 0 {
			return badRequest("the actor is not a valid xAPI agent", errs...)
		}
	}
	if w.CompletedAt != 0 {
		return conflict("the workshop is already completed")
	}
	var g *grid.Grid
	var facilitator string
	err = c.withSession(w, func(f *folded) error {
		facilitator = f.sess.Facilitator()
		g, err = f.sess.Export(facilitator)
		return err
	})
	if err != nil {
		return err
	}
	var adopted []string
	for _, it := range g.Adopted() {
		adopted = append(adopted, it.Text)
	}
	actor := Agent{Account: &Account{HomePage: accountHomePage, Name: w.Org + "/" + facilitator}}
	if req.Actor != nil {
		actor = *req.Actor
	}
	st, err := c.h.newStatement(actor, VerbCompleted, "completed", Activity{ObjectType: "Activity",
		ID:         iriBase + "workshops/" + w.ID,
		Definition: &ActivityDefinition{Name: map[string]string{"en-US": w.Title}, Type: activityMeeting}})
	if err != nil {
		return err
	}
	if adopted == nil {
		adopted = []string{}
	}
	st.Result = &Result{Completion: yes(), Extensions: map[string]any{extAdoptedIdeas: adopted}}
	x, err := c.h.statementStmt(w.Org, st)
	if err != nil {
		return err
	}
	s := c.h.cfg.Store
	// Participants' tokens read the summary for one more hour.
	changes, err := s.BatchChanges(c.r.Context(), store.CompleteStmt(w.Org, w.ID, c.h.now()), x,
		store.CapTokensStmt(w.ID, c.h.now()+time.Hour.Milliseconds()))
	if err != nil {
		return err
	}
	if changes[0] == 0 { // completed by a concurrent request: drop ours
		return conflict("the workshop is already completed")
	}
	c.h.flush(c.r.Context(), w.Org, 1)
	return c.writeJSON(http.StatusOK, completeResponse{StatementID: st.ID, Adopted: len(adopted)})
}

type statementsResponse struct {
	Statements []json.RawMessage `json:"statements"`
	Cursor     int64             `json:"cursor"`
}

// listStatements: GET /v1/xapi/statements?after=N&limit=M (org key).
func listStatements(c *call) error {
	s, err := c.store()
	if err != nil {
		return err
	}
	after, limit, err := pageQuery(c.r.URL.Query(), 100)
	if err != nil {
		return err
	}
	sts, err := s.Statements(c.r.Context(), c.who.org, after, int(limit))
	if err != nil {
		return err
	}
	resp := statementsResponse{Statements: []json.RawMessage{}, Cursor: after}
	for _, st := range sts {
		resp.Statements = append(resp.Statements, json.RawMessage(st.Body))
		resp.Cursor = st.Seq
	}
	return c.writeJSON(http.StatusOK, resp)
}

type flushResponse struct {
	Sent    int `json:"sent"`
	Failed  int `json:"failed"`
	Pending int `json:"pending"`
}

// flushStatements: POST /v1/xapi/flush (org key): retry the outbox now.
func flushStatements(c *call) error {
	if _, err := c.store(); err != nil {
		return err
	}
	if c.h.cfg.LRS.Endpoint == "" {
		return conflict("no LRS is configured")
	}
	sent, failed, err := c.h.deliver(c.r.Context(), c.who.org, 100)
	if err != nil {
		return err
	}
	pending, err := c.h.cfg.Store.Outbox(c.r.Context(), c.who.org, 1000)
	if err != nil {
		return err
	}
	return c.writeJSON(http.StatusOK, flushResponse{Sent: sent, Failed: failed, Pending: len(pending)})
}

// flush delivers up to n+10 outbox statements of org, ignoring errors
// (they stay in the outbox).
func (h *handler) flush(ctx context.Context, org string, n int) {
	if h.cfg.LRS.Endpoint == "" {
		return
	}
	h.deliver(ctx, org, n+10)
}

// Flush sends statements waiting in the outbox (every organisation's) to
// the configured LRS; the local server calls it on a timer. It returns how
// many were delivered and how many failed again.
func Flush(ctx context.Context, cfg Config) (sent, failed int, err error) {
	h := New(cfg).(*handler)
	if h.cfg.Store == nil || h.cfg.LRS.Endpoint == "" {
		return 0, 0, nil
	}
	return h.deliver(ctx, "", 100)
}

// errLRS is a failed delivery.
var errLRS = errors.New("api: LRS refused the statement")

func (h *handler) deliver(ctx context.Context, org string, limit int) (sent, failed int, err error) {
	s := h.cfg.Store
	sts, err := s.Outbox(ctx, org, limit)
	if err != nil {
		return 0, 0, err
	}
	for _, st := range sts {
		if err := h.send(ctx, st); err != nil {
			failed++
			s.MarkFailed(ctx, st.ID, err.Error())
			// The LRS is down or refusing: leave the rest for later.
			if !errors.Is(err, errLRS) {
				break
			}
			continue
		}
		sent++
		if err := s.MarkSent(ctx, st.ID, h.now()); err != nil {
			return sent, failed, err
		}
	}
	return sent, failed, nil
}

// send PUTs one statement with its own id, so a retry can never store it
// twice: 204/200 = stored now, 409 = the LRS already has it.
func (h *handler) send(ctx context.Context, st store.Statement) error {
	l := h.cfg.LRS
	endpoint := l.Endpoint
	if !strings.HasSuffix(endpoint, "/") {
		endpoint += "/"
	}
	u := endpoint + "statements?statementId=" + url.QueryEscape(st.ID)
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, u, bytes.NewReader(st.Body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Experience-API-Version", XAPIVersion)
	if l.Username != "" || l.Password != "" {
		req.SetBasicAuth(l.Username, l.Password)
	}
	if l.Transport == nil {
		return errors.New("LRS transport not configured")
	}
	resp, err := l.Transport.RoundTrip(req)
	if err != nil {
		return fmt.Errorf("LRS unreachable: %w", err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	switch resp.StatusCode {
	case http.StatusOK, http.StatusNoContent, http.StatusConflict:
		return nil
	}
	if resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests {
		return fmt.Errorf("LRS answered %d", resp.StatusCode)
	}
	return fmt.Errorf("%w: %s", errLRS, strconv.Itoa(resp.StatusCode))
}
