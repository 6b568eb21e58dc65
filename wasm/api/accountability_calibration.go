package api

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/store"
)

// expertRater names the expert's answer among the raters of a session.
const expertRater = "~expert"

// accUnit is one interaction of a calibration session: an observation of
// the book, or a written interaction.
type accUnit struct {
	ID          string `json:"id"`
	Observation string `json:"observation,omitempty"`
	Interaction string `json:"interaction"`
}

// accUnitAnswer is one rater's ratings of one unit.
type accUnitAnswer struct {
	Unit    string             `json:"unit"`
	Ratings []standards.Rating `json:"ratings"`
}

type accSessionRequest struct {
	ID        string          `json:"id"`
	Book      string          `json:"book"`
	Scorecard string          `json:"scorecard"`
	Title     string          `json:"title"`
	Deadline  time.Time       `json:"deadline"`
	Units     []accUnit       `json:"units"`
	Expert    []accUnitAnswer `json:"expert,omitempty"`
}

// accSessionDoc is what a session keeps besides its columns.
type accSessionDoc struct {
	Title            string          `json:"title"`
	Scorecard        string          `json:"scorecard"`
	ScorecardVersion int             `json:"scorecardVersion"`
	Units            []accUnit       `json:"units"`
	Expert           []accUnitAnswer `json:"expert,omitempty"`
}

// accSessionResult is a closed session's result.
type accSessionResult struct {
	Calibration *standards.Calibration `json:"calibration,omitempty"`
	// Problem says why there are no statistics (fewer than two raters).
	Problem   string               `json:"problem,omitempty"`
	Distances []standards.Distance `json:"distances"`
	Rewrite   []standards.Rewrite  `json:"rewrite"`
}

type accAnswerView struct {
	Rater       string          `json:"rater"`
	Units       []accUnitAnswer `json:"units"`
	SubmittedAt time.Time       `json:"submittedAt"`
}

type accSession struct {
	ID               string            `json:"id"`
	Book             string            `json:"book"`
	Owner            string            `json:"owner"`
	Title            string            `json:"title"`
	Scorecard        string            `json:"scorecard"`
	ScorecardVersion int               `json:"scorecardVersion"`
	Card             *standards.Book   `json:"card"`
	Deadline         time.Time         `json:"deadline"`
	Closed           bool              `json:"closed"`
	Units            []accUnit         `json:"units"`
	Submitted        []string          `json:"submitted"`
	Yours            *accAnswerView    `json:"yours,omitempty"`
	Answers          []accAnswerView   `json:"answers,omitempty"` // after the close only
	Expert           []accUnitAnswer   `json:"expert,omitempty"`  // after the close only
	Result           *accSessionResult `json:"result,omitempty"`
}

// checkAnswer validates one rater's answer: every unit once, ratings valid
// on the scorecard snapshot. It returns the observations the answer
// stands for (one per unit, observer rater, interaction the unit id).
func checkAnswer(card *standards.Book, doc *accSessionDoc, rater, path string, ans []accUnitAnswer) ([]standards.Observation, error) {
	b := *card
	b.Observations = nil
	var errs []FieldError
	seen := map[string]bool{}
	var out []standards.Observation
	for i, a := range ans {
		p := fmt.Sprintf("%s[%d]", path, i)
		if !slices.ContainsFunc(doc.Units, func(u accUnit) bool { return u.ID == a.Unit }) {
			errs = append(errs, FieldError{Path: p + ".unit", Message: "is not a unit of the session"})
			continue
		}
		if seen[a.Unit] {
			errs = append(errs, FieldError{Path: p + ".unit", Message: "is answered twice"})
			continue
		}
		seen[a.Unit] = true
		o := standards.Observation{ID: rater + "/" + a.Unit, Scorecard: doc.Scorecard, Observer: rater, Subject: "calibration",
			Interaction: a.Unit, Ratings: a.Ratings}
		if err := b.Record(o); err != nil {
			errs = append(errs, fieldErrors(p, err)...)
			continue
		}
		out = append(out, o)
	}
	for _, u := range doc.Units {
		if !seen[u.ID] && len(errs) == 0 {
			errs = append(errs, FieldError{Path: path, Message: fmt.Sprintf("unit %q is not answered", u.ID)})
		}
	}
	if len(errs) > 0 {
		return nil, badRequest("the answer is not valid", errs...)
	}
	return out, nil
}

func accCreateSession(c *call) error {
	w, s, err := c.accWho()
	if err != nil {
		return err
	}
	if !w.supervisor() {
		return forbidden("only the organisation or a supervisor can open a calibration session")
	}
	var req accSessionRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	var errs []FieldError
	if req.ID == "" {
		if req.ID, err = c.h.newID(); err != nil {
			return err
		}
	}
	for _, f := range []struct{ path, v string }{{"id", req.ID}, {"book", req.Book}, {"scorecard", req.Scorecard}} {
		if fe := checkID(f.path, f.v); fe != nil {
			errs = append(errs, *fe)
		}
	}
	// A session's title is required and follows the name rule.
	errs = append(errs, nameErrors("title", req.Title)...)
	now := c.h.cfg.Now()
	if !req.Deadline.After(now) {
		errs = append(errs, FieldError{Path: "deadline", Message: "must be in the future"})
	}
	if len(req.Units) == 0 || len(req.Units) > 50 {
		errs = append(errs, FieldError{Path: "units", Message: "must hold 1 to 50 interactions"})
	}
	if len(errs) > 0 {
		return badRequest("the request body is not valid", errs...)
	}
	ctx := c.r.Context()
	_, cards, err := s.LatestVersions(ctx, w.org, req.Book)
	if err != nil {
		return err
	}
	cv, ok := cards[req.Scorecard]
	if !ok {
		return notFound("no such book or scorecard")
	}
	card, err := s.Card(ctx, w.org, req.Book, req.Scorecard, cv.Version)
	if err != nil {
		return err
	}
	doc := accSessionDoc{Title: req.Title, Scorecard: req.Scorecard, ScorecardVersion: cv.Version, Units: req.Units}
	ids := map[string]bool{}
	for i := range doc.Units {
		u := &doc.Units[i]
		p := fmt.Sprintf("units[%d]", i)
		if fe := checkID(p+".id", u.ID); fe != nil {
			errs = append(errs, *fe)
		} else if ids[u.ID] {
			errs = append(errs, FieldError{Path: p + ".id", Message: "is used twice"})
		}
		ids[u.ID] = true
		if u.Observation != "" {
			so, err := s.Observation(ctx, w.org, u.Observation)
			if errors.Is(err, store.ErrNotFound) || err == nil && so.Book != req.Book {
				errs = append(errs, FieldError{Path: p + ".observation", Message: "is not an observation of the book"})
				continue
			}
			if err != nil {
				return err
			}
			if u.Interaction == "" {
				u.Interaction = so.Observation.Interaction
			}
		}
		if u.Interaction == "" || len(u.Interaction) > standards.MaxTextLen {
			errs = append(errs, FieldError{Path: p + ".interaction", Message: "must describe the interaction (at most 2000 bytes)"})
		}
	}
	if len(errs) > 0 {
		return badRequest("the request body is not valid", errs...)
	}
	if len(req.Expert) > 0 {
		if _, err := checkAnswer(card, &doc, expertRater, "expert", req.Expert); err != nil {
			return err
		}
		doc.Expert = req.Expert
	}
	body, err := json.Marshal(doc)
	if err != nil {
		return err
	}
	se := store.Session{Org: w.org, ID: req.ID, Book: req.Book, Owner: w.id(), Deadline: req.Deadline.UnixMilli(), Doc: body, CreatedAt: c.h.now()}
	if err := s.Batch(ctx, store.SessionStmt(se)); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return conflict("a session with this id exists")
		}
		return err
	}
	c.w.Header().Set("Location", "/v1/accountability/sessions/"+se.ID)
	return c.writeSession(w, s, se, http.StatusCreated)
}

// sessionCard reads a session's document and its scorecard snapshot.
func (c *call) sessionCard(s *store.Store, se store.Session) (accSessionDoc, *standards.Book, error) {
	var doc accSessionDoc
	if err := json.Unmarshal(se.Doc, &doc); err != nil {
		return doc, nil, err
	}
	card, err := s.Card(c.r.Context(), se.Org, se.Book, doc.Scorecard, doc.ScorecardVersion)
	return doc, card, err
}

// session loads a session of the caller's organisation, closing it first
// when its deadline has passed.
func (c *call) calSession() (accWho, *store.Store, store.Session, error) {
	w, s, err := c.accWho()
	if err != nil {
		return w, nil, store.Session{}, err
	}
	se, err := s.Session(c.r.Context(), w.org, c.params[0])
	if errors.Is(err, store.ErrNotFound) {
		return w, nil, se, notFound("no such session")
	}
	if err != nil {
		return w, nil, se, err
	}
	if se.ClosedAt == 0 && c.h.now() >= se.Deadline {
		if se, err = c.closeSession(s, se); err != nil {
			return w, nil, se, err
		}
	}
	return w, s, se, nil
}

func decodeAnswer(a store.Answer) (accAnswerView, error) {
	v := accAnswerView{Rater: a.Rater, SubmittedAt: time.UnixMilli(a.SubmittedAt).UTC()}
	return v, json.Unmarshal(a.Body, &v.Units)
}

// writeSession answers with the session as w may see it: before the
// close, who submitted and the caller's own answer only.
func (c *call) writeSession(w accWho, s *store.Store, se store.Session, status int) error {
	doc, card, err := c.sessionCard(s, se)
	if err != nil {
		return err
	}
	ctx := c.r.Context()
	out := accSession{ID: se.ID, Book: se.Book, Owner: se.Owner, Title: doc.Title, Scorecard: doc.Scorecard, ScorecardVersion: doc.ScorecardVersion,
		Card: card, Deadline: time.UnixMilli(se.Deadline).UTC(), Closed: se.ClosedAt > 0, Units: doc.Units, Submitted: []string{}}
	answers, err := s.Answers(ctx, w.org, se.ID, "")
	if err != nil {
		return err
	}
	for _, a := range answers {
		out.Submitted = append(out.Submitted, a.Rater)
		v, err := decodeAnswer(a)
		if err != nil {
			return err
		}
		if a.Rater == w.id() {
			out.Yours = &v
		}
		if out.Closed {
			out.Answers = append(out.Answers, v)
		}
	}
	if out.Closed {
		out.Expert = doc.Expert
		out.Result = new(accSessionResult)
		if err := json.Unmarshal(se.Result, out.Result); err != nil {
			return err
		}
	}
	return c.writeJSON(status, out)
}

func accGetSession(c *call) error {
	w, s, se, err := c.calSession()
	if err != nil {
		return err
	}
	if !w.admin && w.person.Role == store.RoleStaff {
		return forbidden("staff do not take part in calibration sessions")
	}
	return c.writeSession(w, s, se, http.StatusOK)
}

func accAnswer(c *call) error {
	w, s, se, err := c.calSession()
	if err != nil {
		return err
	}
	if w.admin || w.person.Role == store.RoleStaff {
		return forbidden("only supervisors and observers rate in calibration sessions")
	}
	var req struct {
		Units []accUnitAnswer `json:"units"`
	}
	if err := c.decode(&req); err != nil {
		return err
	}
	if se.ClosedAt > 0 {
		return conflict("the session is closed")
	}
	doc, card, err := c.sessionCard(s, se)
	if err != nil {
		return err
	}
	ctx := c.r.Context()
	if _, err := checkAnswer(card, &doc, w.id(), "units", req.Units); err != nil {
		return err
	}
	body, err := json.Marshal(req.Units)
	if err != nil {
		return err
	}
	changes, err := s.BatchChanges(ctx, store.AnswerStmt(w.org, se.ID, store.Answer{Rater: w.id(), Body: body, SubmittedAt: c.h.now()}))
	if errors.Is(err, store.ErrConflict) {
		return conflict("you have submitted your answer; it cannot be changed")
	}
	if err != nil {
		return err
	}
	if changes[0] == 0 {
		return conflict("the session is closed")
	}
	return c.writeSession(w, s, se, http.StatusCreated)
}

func accCloseSession(c *call) error {
	w, s, se, err := c.calSession()
	if err != nil {
		return err
	}
	if !w.admin && se.Owner != w.id() {
		return forbidden("only the session's owner or the organisation can close it")
	}
	if c.r.ContentLength != 0 { // the body is optional: nothing or {}
		if err := c.decode(&struct{}{}); err != nil {
			return err
		}
	}
	if se.ClosedAt > 0 {
		return conflict("the session is closed")
	}
	if se, err = c.closeSession(s, se); err != nil {
		return err
	}
	return c.writeSession(w, s, se, http.StatusOK)
}

// closeSession computes the result with the standards statistics and
// stores it (once: a concurrent close keeps the first result).
func (c *call) closeSession(s *store.Store, se store.Session) (store.Session, error) {
	ctx := c.r.Context()
	doc, card, err := c.sessionCard(s, se)
	if err != nil {
		return se, err
	}
	answers, err := s.Answers(ctx, se.Org, se.ID, "")
	if err != nil {
		return se, err
	}
	raters := *card
	raters.Observations = nil
	for _, a := range answers {
		v, err := decodeAnswer(a)
		if err != nil {
			return se, err
		}
		obs, err := checkAnswer(card, &doc, a.Rater, "units", v.Units)
		if err != nil {
			return se, err
		}
		raters.Observations = append(raters.Observations, obs...)
	}
	res := accSessionResult{Distances: []standards.Distance{}, Rewrite: []standards.Rewrite{}}
	cal, err := raters.Calibrate(standards.CalibrationSettings{Scorecard: doc.Scorecard})
	switch {
	case errors.Is(err, standards.ErrTooFewRaters), errors.Is(err, standards.ErrNoData):
		res.Problem = "fewer than two raters answered, so there is no agreement to measure"
	case err != nil:
		return se, err
	default:
		res.Calibration = cal
		if cal.Rewrite != nil {
			res.Rewrite = cal.Rewrite
		}
	}
	if len(doc.Expert) > 0 && len(answers) > 0 {
		withExpert := raters
		expert, err := checkAnswer(card, &doc, expertRater, "expert", doc.Expert)
		if err != nil {
			return se, err
		}
		withExpert.Observations = append(slices.Clone(raters.Observations), expert...)
		if res.Distances, err = withExpert.DistanceFromExpert(expertRater); err != nil {
			return se, err
		}
	}
	body, err := json.Marshal(res)
	if err != nil {
		return se, err
	}
	at := c.h.now()
	if err := s.Batch(ctx, store.CloseSessionStmt(se.Org, se.ID, at, body)); err != nil {
		return se, err
	}
	return s.Session(ctx, se.Org, se.ID)
}

// accTrendPoint is one closed session in the calibration trend.
type accTrendPoint struct {
	Session  string    `json:"session"`
	Title    string    `json:"title"`
	ClosedAt time.Time `json:"closedAt"`
	Raters   int       `json:"raters"`
	// MeanAgreement is the mean percent agreement over the standards;
	// MeanDistance the raters' mean distance from the expert (0 when
	// there was no expert answer).
	MeanAgreement float64               `json:"meanAgreement"`
	MeanDistance  float64               `json:"meanDistance"`
	Standards     []standards.Agreement `json:"standards"`
	Rewrite       []standards.Rewrite   `json:"rewrite"`
}

func accCalibrationTrend(c *call) error {
	w, s, err := c.accWho()
	if err != nil {
		return err
	}
	if !w.supervisor() {
		return forbidden("only the organisation or a supervisor can read the calibration trend")
	}
	ctx := c.r.Context()
	if _, err := s.Book(ctx, w.org, c.params[0]); errors.Is(err, store.ErrNotFound) {
		return notFound("no such book")
	} else if err != nil {
		return err
	}
	ses, err := s.ClosedSessions(ctx, w.org, c.params[0])
	if err != nil {
		return err
	}
	out := []accTrendPoint{}
	for _, se := range ses {
		var doc accSessionDoc
		var res accSessionResult
		if err := json.Unmarshal(se.Doc, &doc); err != nil {
			return err
		}
		if err := json.Unmarshal(se.Result, &res); err != nil {
			return err
		}
		p := accTrendPoint{Session: se.ID, Title: doc.Title, ClosedAt: time.UnixMilli(se.ClosedAt).UTC(), Standards: []standards.Agreement{}, Rewrite: res.Rewrite}
		if cal := res.Calibration; cal != nil {
			p.Raters, p.Standards = len(cal.Raters), cal.Standards
			for _, a := range cal.Standards {
				p.MeanAgreement += a.PercentAgreement / float64(len(cal.Standards))
			}
		}
		for _, d := range res.Distances {
			p.MeanDistance += d.Mean / float64(len(res.Distances))
		}
		if p.Rewrite == nil {
			p.Rewrite = []standards.Rewrite{}
		}
		out = append(out, p)
	}
	return c.writeJSON(http.StatusOK, map[string]any{"sessions": out})
}
