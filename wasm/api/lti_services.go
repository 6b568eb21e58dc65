package api

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/recovery"
	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/lti"
	"github.com/purposefulcx/purposeful/wasm/store"
)

// sessionInfo is what GET /v1/lti/session answers.
type sessionInfo struct {
	Kind       string   `json:"kind"`
	Role       string   `json:"role"`
	Name       string   `json:"name"`
	Title      string   `json:"title,omitempty"`
	WorkshopID string   `json:"workshop_id,omitempty"`
	Graded     bool     `json:"graded"`
	Roster     bool     `json:"roster"`
	Scenarios  []string `json:"scenarios,omitempty"`
	Mastery    int      `json:"mastery,omitempty"`
	// Standards are the standards course's standards, in book order.
	Standards []ltiStandard `json:"standards,omitempty"`
}

// ltiStandard is one standard as the standards course shows it.
type ltiStandard struct {
	ID        string `json:"id"`
	Code      string `json:"code"`
	Statement string `json:"statement"`
	Rationale string `json:"rationale,omitempty"`
	Deviation string `json:"deviation,omitempty"`
}

// ltiSessionInfo: GET /v1/lti/session.
func ltiSessionInfo(c *call) error {
	sess, err := c.ltiSessionOf()
	if err != nil {
		return err
	}
	info := sessionInfo{Kind: sess.Kind, Role: sess.Role, Name: sess.Name, Title: sess.Title,
		WorkshopID: sess.WorkshopID, Graded: sess.LineItem != "", Roster: sess.Memberships != "",
		Scenarios: sess.Scenarios, Mastery: sess.Mastery}
	if sess.Kind == kindStandards {
		b, err := c.ltiBook(sess)
		if err != nil {
			return err
		}
		for _, st := range b.Standards {
			info.Standards = append(info.Standards, ltiStandard{ID: st.ID, Code: st.Code, Statement: st.Statement, Rationale: st.Rationale, Deviation: st.Deviation})
		}
	}
	return c.writeJSON(http.StatusOK, info)
}

// ltiBook is the stored book of a standards course launch.
func (c *call) ltiBook(sess ltiSession) (*standards.Book, error) {
	sb, err := c.h.cfg.Store.Book(c.r.Context(), sess.Org, sess.Book)
	if errors.Is(err, store.ErrNotFound) {
		return nil, problem(http.StatusNotFound, TypeNotFound, "the standards book of this course ("+quote(sess.Book)+") is not stored any more: ask your instructor",
			FieldError{Path: "book", Message: "no such book"})
	}
	if err != nil {
		return nil, err
	}
	return sb.Book, nil
}

// recoveryChoices lists the practice scenarios for the deep linking form.
func recoveryChoices() [][2]string {
	var out [][2]string
	for _, sc := range recovery.Scenarios() {
		out = append(out, [2]string{sc.ID, sc.Title})
	}
	return out
}

// ltiDeepLink: POST /v1/lti/deeplink, the instructor's choice from the
// deep linking form. It answers with a page that posts the signed
// LtiDeepLinkingResponse back to the platform.
func ltiDeepLink(c *call) error { return ltiPage(doDeepLink)(c) }

func doDeepLink(c *call) error {
	s, err := c.ltiForm()
	if err != nil {
		return err
	}
	sess, err := c.ltiSessionOf()
	if err != nil {
		return err
	}
	if sess.Kind != kindDeepLink || sess.DeepLinking == nil {
		return forbidden("this session is not a deep linking request")
	}
	f := c.r.PostForm
	item, errs := contentItem(f, c.ltiBase()+ltiLaunchPath)
	if book := item.Custom["purposeful_book"]; len(errs) == 0 && book != "" {
		if _, err := s.Book(c.r.Context(), sess.Org, book); errors.Is(err, store.ErrNotFound) {
			errs = append(errs, FieldError{Path: "book", Message: "no standards book " + quote(book) + " in your organisation"})
		} else if err != nil {
			return err
		}
	}
	if len(errs) > 0 {
		return badRequest("the choice is not valid", errs...)
	}
	p, err := s.Platform(c.r.Context(), sess.PlatformID)
	if errors.Is(err, store.ErrNotFound) {
		return refused(http.StatusForbidden, lti.ReasonPlatform, "the platform was removed")
	}
	if err != nil {
		return err
	}
	jwt, err := lti.DeepLinkResponse(c.h.cfg.LTI.Keys.Current(), p, sess.DeploymentID, *sess.DeepLinking,
		[]lti.ContentItem{item}, c.h.cfg.Now())
	if err != nil {
		return err
	}
	return c.writeHTML(http.StatusOK, pageReturn(sess.DeepLinking.ReturnURL, jwt, item.Title), sess.DeepLinking.ReturnURL)
}

// contentItem builds the link an instructor chose: a workshop for a
// position and process, recovery practice with scenarios and a mastery
// score, or the purpose course; graded ones carry a line item.
func contentItem(f map[string][]string, launchURL string) (lti.ContentItem, []FieldError) {
	get := func(k string) string {
		if v := f[k]; len(v) > 0 {
			return strings.TrimSpace(v[0])
		}
		return ""
	}
	var errs []FieldError
	text := func(k string, max int, required bool) string {
		v := get(k)
		switch {
		case v == "" && required:
			errs = append(errs, FieldError{Path: k, Message: "required"})
		case len(v) > max:
			errs = append(errs, FieldError{Path: k, Message: "longer than " + strconv.Itoa(max) + " bytes"})
		case hasControlChars(v):
			errs = append(errs, FieldError{Path: k, Message: "has control characters"})
		}
		return v
	}
	kind := get("kind")
	it := lti.ContentItem{Type: "ltiResourceLink", URL: launchURL, Custom: map[string]string{"purposeful_kind": kind}}
	graded := get("graded") != ""
	switch kind {
	case kindWorkshop:
		pos, proc := text("position", 100, true), text("process", 100, true)
		anon := get("anonymity")
		switch anon {
		case "", "anonymous", "alias", "named":
		default:
			errs = append(errs, FieldError{Path: "anonymity", Message: "must be anonymous, alias or named"})
		}
		it.Title = "3 Ps workshop: " + pos + " · " + proc
		it.Text = "Find purposeful actions and behaviours for " + proc + " with your team."
		it.Custom["purposeful_position"], it.Custom["purposeful_process"] = pos, proc
		if anon != "" {
			it.Custom["purposeful_anonymity"] = anon
		}
		graded = false
	case kindPractice:
		known := map[string]bool{}
		for _, sc := range recovery.Scenarios() {
			known[sc.ID] = true
		}
		var ids []string
		for _, id := range f["scenario"] {
			if !known[id] {
				errs = append(errs, FieldError{Path: "scenario", Message: "unknown scenario " + quote(id)})
			}
			ids = append(ids, id)
		}
		if len(ids) == 0 {
			errs = append(errs, FieldError{Path: "scenario", Message: "choose at least one scenario"})
		}
		m, err := strconv.Atoi(get("mastery"))
		if err != nil || m < 1 || m > 100 {
			errs = append(errs, FieldError{Path: "mastery", Message: "a whole number from 1 to 100"})
		}
		it.Title = "Service recovery practice"
		it.Text = "Reply to upset customers and get feedback on every move."
		it.Custom["purposeful_scenarios"] = strings.Join(ids, ",")
		it.Custom["purposeful_mastery"] = strconv.Itoa(m)
	case kindCourse:
		it.Title = "The purpose course"
		it.Text = "From job function to job purpose."
	case kindStandards:
		book := text("book", 64, true)
		if book != "" {
			if fe := checkID("book", book); fe != nil {
				errs = append(errs, *fe)
			}
		}
		it.Title = "Our standards"
		it.Text = "Read each of the team's standards, why it matters and when to depart from it, and acknowledge it."
		it.Custom["purposeful_book"] = book
	default:
		errs = append(errs, FieldError{Path: "kind", Message: "must be workshop, practice, course or standards"})
	}
	if t := text("title", 200, false); t != "" {
		it.Title = t
	}
	if graded {
		it.LineItem = &lti.LineItem{ScoreMaximum: 100, Label: it.Title, Tag: "purposeful-" + kind}
	}
	return it, errs
}

func hasControlChars(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return true
		}
	}
	return false
}

type ltiPracticeRequest struct {
	Scenario string `json:"scenario"`
	Reply    string `json:"reply"`
	Attempt  string `json:"attempt"`
}

type ltiGraded struct {
	Feedback *recovery.Feedback `json:"feedback,omitempty"`
	Score    float64            `json:"score"`
	Mastered bool               `json:"mastered"`
	// Grade says what happened to the score: "none" (not graded), "sent"
	// (the platform has it) or "queued" (it will be retried).
	Grade string `json:"grade"`
}

func (r *ltiPracticeRequest) attempt() string  { return r.Attempt }
func (r *ltiCompleteRequest) attempt() string  { return r.Attempt }
func (r *ltiStandardsRequest) attempt() string { return r.Attempt }

type ltiStandardsRequest struct {
	Attempt      string   `json:"attempt"`
	Acknowledged []string `json:"acknowledged"`
}

// ltiStandards: POST /v1/lti/standards (session token): the standards
// course's acknowledgements. The score is the share of the book's
// standards acknowledged, out of 100; all of them is mastery.
func ltiStandards(c *call) error {
	var req ltiStandardsRequest
	sess, err := c.ltiAttempt(kindStandards, "this launch is not the standards course", &req)
	if err != nil {
		return err
	}
	b, err := c.ltiBook(sess)
	if err != nil {
		return err
	}
	acked := map[string]bool{}
	for i, id := range req.Acknowledged {
		if b.Standard(id) == nil {
			return badRequest("the request body is not valid", FieldError{Path: "acknowledged[" + strconv.Itoa(i) + "]", Message: "not a standard of this course: " + quote(id)})
		}
		acked[id] = true
	}
	total := len(b.Standards)
	if total == 0 {
		return problem(http.StatusConflict, TypeConflict, "the standards book of this course has no standards yet")
	}
	score := math.Round(float64(len(acked)) * 100 / float64(total))
	out := ltiGraded{Score: score, Mastered: len(acked) == total}
	comment := "Standards course: " + strconv.Itoa(len(acked)) + " of " + strconv.Itoa(total) + " standards acknowledged"
	out.Grade, err = c.grade(sess, req.Attempt, score, 100, comment)
	if err != nil {
		return err
	}
	return c.writeJSON(http.StatusOK, out)
}

// ltiAttempt starts a graded route: the launch session (of kind, else
// 403 with notKind) and the request body with its attempt id, which must
// be non-empty, at most 64 characters, without spaces or quotes.
func (c *call) ltiAttempt(kind, notKind string, req interface{ attempt() string }) (ltiSession, error) {
	sess, err := c.ltiSessionOf()
	if err != nil {
		return sess, err
	}
	if sess.Kind != kind {
		return sess, forbidden(notKind)
	}
	if err := c.decode(req); err != nil {
		return sess, err
	}
	if a := req.attempt(); a == "" || len(a) > 64 || hasControlChars(a) || strings.ContainsAny(a, " \"") {
		return sess, badRequest("the request body is not valid",
			FieldError{Path: "attempt", Message: "required: an id of the attempt, at most 64 characters without spaces"})
	}
	return sess, nil
}

// ltiPractice: POST /v1/lti/practice (session token).
func ltiPractice(c *call) error {
	var req ltiPracticeRequest
	sess, err := c.ltiAttempt(kindPractice, "this launch is not a recovery practice", &req)
	if err != nil {
		return err
	}
	if len(sess.Scenarios) > 0 && !contains(sess.Scenarios, req.Scenario) {
		return badRequest("the request body is not valid", FieldError{Path: "scenario", Message: "not one of this practice's scenarios"})
	}
	sc, err := recovery.ScenarioByID(req.Scenario)
	if err != nil {
		return problem(http.StatusNotFound, TypeNotFound, "no such scenario", FieldError{Path: "scenario", Message: "unknown"})
	}
	fb, err := recovery.Grade(sc, req.Reply)
	if err != nil {
		return inputProblem("reply", err)
	}
	mastered := fb.Score >= sess.Mastery
	comment := "Practice: " + sc.Title
	if mastered {
		comment += " (mastery reached)"
	}
	out := ltiGraded{Feedback: fb, Score: float64(fb.Score), Mastered: mastered}
	out.Grade, err = c.grade(sess, req.Attempt, float64(fb.Score), 100, comment)
	if err != nil {
		return err
	}
	return c.writeJSON(http.StatusOK, out)
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

type ltiCompleteRequest struct {
	Attempt string `json:"attempt"`
}

// ltiComplete: POST /v1/lti/complete (session token): the purpose course
// is done; a graded link gets full marks.
func ltiComplete(c *call) error {
	var req ltiCompleteRequest
	sess, err := c.ltiAttempt(kindCourse, "this launch is not the purpose course", &req)
	if err != nil {
		return err
	}
	out := ltiGraded{Score: 100, Mastered: true}
	out.Grade, err = c.grade(sess, req.Attempt, 100, 100, "Purpose course completed")
	if err != nil {
		return err
	}
	return c.writeJSON(http.StatusOK, out)
}

// grade queues the score of one attempt for the line item of the
// session (learners only) and tries to post it at once. The attempt's id
// is the row's key: the same attempt sent again is neither stored nor
// posted twice.
func (c *call) grade(sess ltiSession, attempt string, given, max float64, comment string) (string, error) {
	if sess.LineItem == "" || sess.Role != store.RoleParticipant {
		return "none", nil
	}
	id := "sc" + hashHex(sess.PlatformID + "\x00" + sess.LineItem + "\x00" + sess.Subject + "\x00" + attempt)[:40]
	body, err := json.Marshal(lti.Score{UserID: sess.Subject, ScoreGiven: &given, ScoreMaximum: max, Comment: comment,
		ActivityProgress: "Completed", GradingProgress: "FullyGraded", Timestamp: c.h.cfg.Now().UTC().Format(time.RFC3339Nano)})
	if err != nil {
		return "", err
	}
	s := c.h.cfg.Store
	ctx := c.r.Context()
	if err := s.Batch(ctx, store.ScoreStmt(store.LTIScore{ID: id, Org: sess.Org, PlatformID: sess.PlatformID,
		LineItem: sess.LineItem, Body: body, CreatedAt: c.h.now()})); err != nil {
		return "", err
	}
	if _, _, err := c.h.deliverScores(ctx, sess.Org, 10); err != nil {
		return "", err
	}
	sc, err := s.Score(ctx, id)
	if err != nil {
		return "", err
	}
	if sc.SentAt > 0 {
		return "sent", nil
	}
	return "queued", nil
}

// deliverScores posts queued scores of org ("" for all) to their line
// items. Each is claimed first, so a concurrent delivery skips it; a
// platform that is down stops the run (the rest wait for the next one).
func (h *handler) deliverScores(ctx context.Context, org string, limit int) (sent, failed int, err error) {
	s := h.cfg.Store
	if s == nil || !h.cfg.LTI.enabled() {
		return 0, 0, nil
	}
	now := h.now()
	scores, err := s.ScoreOutbox(ctx, org, now, limit)
	if err != nil {
		return 0, 0, err
	}
	platforms := map[string]*lti.Platform{}
	down := map[string]bool{}
	for _, sc := range scores {
		if down[sc.PlatformID] {
			continue
		}
		ok, err := s.ClaimScore(ctx, sc.ID, now, now+int64(time.Minute/time.Millisecond))
		if err != nil {
			return sent, failed, err
		}
		if !ok {
			continue
		}
		p := platforms[sc.PlatformID]
		if p == nil {
			pl, err := s.Platform(ctx, sc.PlatformID)
			if err != nil {
				s.MarkScoreFailed(ctx, sc.ID, "the platform is not registered any more")
				failed++
				continue
			}
			p = &pl
			platforms[sc.PlatformID] = p
		}
		svc := &lti.Services{Platform: *p, Key: h.cfg.LTI.Keys.Current(), Transport: h.cfg.LTI.Transport,
			Tokens: store.AccessTokens{S: s}, Now: h.cfg.Now}
		if err := svc.PostScore(ctx, sc.LineItem, sc.Body); err != nil {
			failed++
			if err := s.MarkScoreFailed(ctx, sc.ID, err.Error()); err != nil {
				return sent, failed, err
			}
			if errors.Is(err, lti.ErrUnavailable) || !errors.Is(err, lti.ErrService) {
				down[sc.PlatformID] = true
			}
			continue
		}
		sent++
		if err := s.MarkScoreSent(ctx, sc.ID, h.now()); err != nil {
			return sent, failed, err
		}
	}
	return sent, failed, nil
}

// FlushScores posts the LTI scores waiting in the outbox (every
// organisation's); the local server calls it on a timer and the worker
// from its cron trigger, next to [Flush].
func FlushScores(ctx context.Context, cfg Config) (sent, failed int, err error) {
	h := New(cfg).(*handler)
	if h.cfg.Store == nil {
		return 0, 0, nil
	}
	if err := h.cfg.Store.PurgeLTI(ctx, h.now()); err != nil {
		return 0, 0, err
	}
	return h.deliverScores(ctx, "", 100)
}

// ltiFlushScores: POST /v1/lti/scores/flush (org key).
func ltiFlushScores(c *call) error {
	s, err := c.store()
	if err != nil {
		return err
	}
	sent, failed, err := c.h.deliverScores(c.r.Context(), c.who.org, 100)
	if err != nil {
		return err
	}
	pending, err := s.ScoreOutbox(c.r.Context(), c.who.org, c.h.now(), 1000)
	if err != nil {
		return err
	}
	return c.writeJSON(http.StatusOK, flushResponse{Sent: sent, Failed: failed, Pending: len(pending)})
}

type rosterMember struct {
	UserID string `json:"user_id"`
	Name   string `json:"name,omitempty"`
}

type rosterResponse struct {
	Learners  int            `json:"learners"`
	Joined    int            `json:"joined"`
	NotJoined []rosterMember `json:"not_joined"`
}

// ltiRoster: GET /v1/lti/roster (a facilitator's session of a workshop):
// the course's active learners (NRPS) who have not joined yet.
func ltiRoster(c *call) error {
	sess, err := c.ltiSessionOf()
	if err != nil {
		return err
	}
	if sess.Role != store.RoleFacilitator {
		return forbidden("only facilitators see the course roster")
	}
	if sess.Kind != kindWorkshop || sess.Memberships == "" {
		return conflict("this launch has no workshop or the platform offers no roster")
	}
	if !c.h.cfg.LTI.enabled() {
		return ltiOff()
	}
	s := c.h.cfg.Store
	ctx := c.r.Context()
	p, err := s.Platform(ctx, sess.PlatformID)
	if err != nil {
		return refused(http.StatusForbidden, lti.ReasonPlatform, "the platform is not registered any more")
	}
	svc := &lti.Services{Platform: p, Key: c.h.cfg.LTI.Keys.Current(), Transport: c.h.cfg.LTI.Transport,
		Tokens: store.AccessTokens{S: s}, Now: c.h.cfg.Now}
	members, err := svc.Members(ctx, sess.Memberships)
	if err != nil {
		return problem(http.StatusBadGateway, TypeUnavailable, "the platform's roster could not be read: "+err.Error())
	}
	joined, err := s.LTISubjects(ctx, sess.WorkshopID, sess.PlatformID)
	if err != nil {
		return err
	}
	out := rosterResponse{NotJoined: []rosterMember{}}
	for _, m := range members {
		if lti.IsFacilitator(m.Roles) || (m.Status != "" && m.Status != "Active") {
			continue
		}
		out.Learners++
		if joined[m.UserID] {
			out.Joined++
			continue
		}
		out.NotJoined = append(out.NotJoined, rosterMember{UserID: m.UserID, Name: m.Name})
	}
	return c.writeJSON(http.StatusOK, out)
}
