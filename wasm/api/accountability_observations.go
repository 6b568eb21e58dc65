package api

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/store"
)

// accObservationRequest is an observation to record: the standards
// Observation and the book it belongs to. ScorecardVersion pins the
// version the observer scored against (a phone that recorded offline
// sends the version it had); 0 means the current one.
type accObservationRequest struct {
	Book             string `json:"book"`
	ScorecardVersion int    `json:"scorecardVersion,omitempty"`
	standards.Observation
}

// accObservation is a stored observation as the API shows it.
type accObservation struct {
	Book             string                `json:"book"`
	ScorecardVersion int                   `json:"scorecardVersion"`
	Observation      standards.Observation `json:"observation"`
	Review           standards.Review      `json:"review"`
	Locked           bool                  `json:"locked"`
	LocksAt          time.Time             `json:"locksAt"`
	Rev              int                   `json:"rev"`
}

type accRecorded struct {
	accObservation
	Duplicate   bool   `json:"duplicate"`
	StatementID string `json:"statementId,omitempty"`
}

// scoreOne scores an observation against its scorecard snapshot and
// returns the snapshot book holding it (for the standards methods), its
// review and its tallies.
func scoreOne(card *standards.Book, o standards.Observation) (*standards.Book, standards.Review, []standards.Tally, error) {
	b := *card
	b.Observations = []standards.Observation{o}
	rs, err := b.Reviews()
	if err != nil {
		return nil, standards.Review{}, nil, err
	}
	return &b, rs[0], standards.TallyReview(&b.Observations[0], &rs[0], b.Scorecard(o.Scorecard), 0), nil
}

// observationDigest identifies an observation's content for idempotency.
func observationDigest(book string, version int, o *standards.Observation) string {
	b, _ := json.Marshal(struct {
		Book    string                 `json:"book"`
		Version int                    `json:"version"`
		O       *standards.Observation `json:"o"`
	}{book, version, o})
	return digest(b)
}

// statementUUID derives a UUID from a name, so that the statement of one
// observation has one id however often it is recorded.
func statementUUID(name string) string {
	h := sha256.Sum256([]byte(name))
	b := h[:16]
	b[6] = b[6]&0x0f | 0x50
	b[8] = b[8]&0x3f | 0x80
	x := hex.EncodeToString(b)
	return x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:]
}

// accRecord: POST /v1/accountability/observations. One read
// (store.RecordContext) and one batch.
func accRecord(c *call) error {
	s, err := c.store()
	if err != nil {
		return err
	}
	keyOrg, hash := "", c.who.roleHash
	if c.who.key {
		keyOrg = c.who.org
	}
	var req accObservationRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	o := req.Observation
	var errs []FieldError
	for _, f := range []struct{ path, v string }{{"book", req.Book}, {"id", o.ID}, {"subject", o.Subject}} {
		if fe := checkID(f.path, f.v); fe != nil {
			errs = append(errs, *fe)
		}
	}
	if req.ScorecardVersion < 0 {
		errs = append(errs, FieldError{Path: "scorecardVersion", Message: "must not be negative"})
	}
	if len(errs) > 0 {
		return badRequest("the request body is not valid", errs...)
	}
	ctx := c.r.Context()
	rc, err := s.RecordContext(ctx, keyOrg, hash, req.Book, o.Scorecard, req.ScorecardVersion, o.Subject, o.ID)
	if err != nil {
		return err
	}
	if rc.Org == "" {
		return unauthorized("the key or token is not valid")
	}
	who := accWho{org: rc.Org, admin: keyOrg != "", person: rc.Who}
	if !who.admin && who.person.Role == store.RoleStaff {
		return forbidden("staff cannot record observations")
	}
	if !rc.Book {
		return notFound("no such book")
	}
	if rc.Card == nil {
		return badRequest("the request body is not valid", FieldError{Path: "scorecard", Message: "no such scorecard (or version) in the book"})
	}
	if rc.Subject.ID == "" {
		return badRequest("the request body is not valid", FieldError{Path: "subject", Message: "is not a person of the organisation"})
	}
	if !who.admin {
		if o.Observer == "" {
			o.Observer = who.person.ID
		} else if o.Observer != who.person.ID {
			return forbidden("you can record only your own observations")
		}
	}
	if o.Team == "" {
		o.Team = rc.Subject.Team
	} else if o.Team != rc.Subject.Team {
		return badRequest("the request body is not valid", FieldError{Path: "team", Message: "is not the observed person's team"})
	}
	now := c.h.cfg.Now().UTC()
	if o.At.IsZero() {
		o.At = now
	}
	o.At = o.At.UTC()
	book := *rc.Card
	if err := book.Record(o); err != nil {
		return validation("", err)
	}
	d := observationDigest(req.Book, rc.CardVersion, &o)
	if rc.Existing.Digest != "" {
		if rc.Existing.Digest != d || rc.Existing.Book != req.Book {
			return conflict("another observation is stored with this id")
		}
		return c.writeRecorded(rc.Card, rc.Existing, true, "")
	}
	_, review, tallies, err := scoreOne(rc.Card, o)
	if err != nil {
		return validation("", err)
	}
	wid, err := c.h.newID()
	if err != nil {
		return err
	}
	at := now.UnixMilli()
	so := store.StoredObservation{Org: rc.Org, Book: req.Book, CardVersion: rc.CardVersion, Observation: o, Digest: d,
		WriteID: wid, Rev: 1, CreatedAt: at, LocksAt: at + rc.Settings.LockMinutes*60_000}
	var extra []store.Stmt
	stID := ""
	if rc.Settings.XAPI {
		st := c.h.observationStatement(rc.Org, rc.Card, &o, &review)
		x, err := c.h.statementStmt(rc.Org, st)
		if err != nil {
			return err
		}
		extra, stID = append(extra, x), st.ID
	}
	stmts, err := store.RecordStmts(so, tallies, book.Stories(), who.id(), extra...)
	if err != nil {
		return err
	}
	changes, err := s.BatchChanges(ctx, stmts...)
	if err != nil {
		return err
	}
	// A concurrent request stored the same id first: ours changed nothing.
	return c.writeRecorded(rc.Card, so, changes[0] == 0, stID)
}

func (c *call) writeRecorded(card *standards.Book, so store.StoredObservation, dup bool, stID string) error {
	view, err := c.observationView(card, so)
	if err != nil {
		return err
	}
	status := http.StatusCreated
	if dup {
		status, stID = http.StatusOK, ""
	} else {
		c.w.Header().Set("Location", "/v1/accountability/observations/"+so.Observation.ID)
	}
	return c.writeJSON(status, accRecorded{accObservation: view, Duplicate: dup, StatementID: stID})
}

// observationStatement is the xAPI statement of a recorded observation:
// the observed person (by pseudonymous id) was scored on the scorecard.
func (h *handler) observationStatement(org string, card *standards.Book, o *standards.Observation, r *standards.Review) Statement {
	name := o.Scorecard
	if sc := card.Scorecard(o.Scorecard); sc != nil && sc.Name != "" {
		name = sc.Name
	}
	st := Statement{
		ID:     statementUUID(org + "/observations/" + o.ID),
		Actor:  Agent{ObjectType: "Agent", Account: &Account{HomePage: accountHomePage, Name: org + "/" + o.Subject}},
		Verb:   Verb{ID: VerbScored, Display: map[string]string{"en-US": "scored"}},
		Object: Activity{ObjectType: "Activity", ID: iriBase + "observations/" + o.ID, Definition: &ActivityDefinition{Name: map[string]string{"en-US": name}, Type: activityAssessment}},
		Context: &Context{Platform: "Purposeful", Language: "en", Extensions: map[string]any{
			iriBase + "extensions/observer": org + "/" + o.Observer, iriBase + "extensions/interaction": o.Interaction}},
		Timestamp: o.At.UTC().Format(time.RFC3339Nano),
	}
	if r.Scored {
		pass := r.Score >= standards.DefaultBaseline
		st.Result = &Result{Score: &Score{Scaled: min(r.Score, 1), Raw: r.Score, Min: 0, Max: max(1, r.Score)}, Success: &pass, Completion: yes()}
	}
	return st
}

// observationView scores a stored observation for the answer.
func (c *call) observationView(card *standards.Book, so store.StoredObservation) (accObservation, error) {
	_, review, _, err := scoreOne(card, so.Observation)
	if err != nil {
		return accObservation{}, err
	}
	return accObservation{Book: so.Book, ScorecardVersion: so.CardVersion, Observation: so.Observation, Review: review,
		Locked: so.Observation.Locked() || c.h.now() >= so.LocksAt, LocksAt: time.UnixMilli(so.LocksAt).UTC(), Rev: so.Rev}, nil
}

// canRead reports whether w may read an observation: the organisation and
// supervisors all, observers their own records, staff their own reviews.
func (w accWho) canRead(o *standards.Observation) bool {
	return w.supervisor() || o.Observer == w.person.ID || o.Subject == w.person.ID
}

// observation loads an observation the caller may read, with its card;
// another organisation's id and one the caller may not read are both 404.
func (c *call) observation() (accWho, *store.Store, store.StoredObservation, *standards.Book, error) {
	w, s, err := c.accWho()
	if err != nil {
		return w, nil, store.StoredObservation{}, nil, err
	}
	so, err := s.Observation(c.r.Context(), w.org, c.params[0])
	if errors.Is(err, store.ErrNotFound) || err == nil && !w.canRead(&so.Observation) {
		return w, nil, store.StoredObservation{}, nil, notFound("no such observation")
	}
	if err != nil {
		return w, nil, store.StoredObservation{}, nil, err
	}
	card, err := s.Card(c.r.Context(), w.org, so.Book, so.Observation.Scorecard, so.CardVersion)
	if err != nil {
		return w, nil, store.StoredObservation{}, nil, err
	}
	return w, s, so, card, nil
}

func accGetObservation(c *call) error {
	_, _, so, card, err := c.observation()
	if err != nil {
		return err
	}
	view, err := c.observationView(card, so)
	if err != nil {
		return err
	}
	return c.writeJSON(http.StatusOK, view)
}

func accHistory(c *call) error {
	w, s, so, _, err := c.observation()
	if err != nil {
		return err
	}
	h, err := s.History(c.r.Context(), w.org, so.Observation.ID)
	if err != nil {
		return err
	}
	if h == nil {
		h = []store.HistoryEntry{}
	}
	return c.writeJSON(http.StatusOK, map[string]any{"history": h})
}

func accListObservations(c *call) error {
	w, s, err := c.accWho()
	if err != nil {
		return err
	}
	q := c.r.URL.Query()
	f := store.ObservationFilter{Book: q.Get("book"), Subject: q.Get("subject"), Observer: q.Get("observer")}
	if v := q.Get("limit"); v != "" {
		n, ok := atoiPositive(v)
		if !ok || n > 1000 {
			return badRequest("the query is not valid", FieldError{Path: "limit", Message: "must be between 1 and 1000"})
		}
		f.Limit = n
	}
	if !w.supervisor() {
		// Staff read what was recorded about them; observers what they
		// recorded (and what was recorded about them).
		if f.Observer != "" && f.Observer != w.person.ID || f.Subject != "" && f.Subject != w.person.ID {
			return c.writeJSON(http.StatusOK, map[string]any{"observations": []accObservation{}})
		}
		if w.person.Role == store.RoleStaff || f.Subject == w.person.ID {
			f.Subject = w.person.ID
		} else {
			f.Observer = w.person.ID
		}
	}
	list, err := s.Observations(c.r.Context(), w.org, f)
	if err != nil {
		return err
	}
	cards := map[string]*standards.Book{}
	out := []accObservation{}
	for _, so := range list {
		k := so.Book + "\x00" + so.Observation.Scorecard + "\x00" + strings.Repeat("v", so.CardVersion)
		card := cards[k]
		if card == nil {
			if card, err = s.Card(c.r.Context(), w.org, so.Book, so.Observation.Scorecard, so.CardVersion); err != nil {
				return err
			}
			cards[k] = card
		}
		view, err := c.observationView(card, so)
		if err != nil {
			return err
		}
		out = append(out, view)
	}
	return c.writeJSON(http.StatusOK, map[string]any{"observations": out})
}

// change applies fn to the observation's snapshot book and stores the
// result with the tally changes, guarded by the write it read.
func (c *call) change(w accWho, s *store.Store, so store.StoredObservation, card *standards.Book, kind string,
	fn func(b *standards.Book, id string) error) error {
	b, _, before, err := scoreOne(card, so.Observation)
	if err != nil {
		return err
	}
	if err := fn(b, so.Observation.ID); err != nil {
		switch {
		case errors.Is(err, standards.ErrLocked), errors.Is(err, standards.ErrDisputed), errors.Is(err, standards.ErrNotDisputed):
			return conflict(err.Error())
		}
		return validation("", err)
	}
	next := so
	next.Observation = b.Observations[0]
	_, _, after, err := scoreOne(card, next.Observation)
	if err != nil {
		return err
	}
	delta := make([]standards.Tally, 0, len(before)+len(after))
	for _, t := range before {
		delta = append(delta, t.Neg())
	}
	delta = append(delta, after...)
	if next.WriteID, err = c.h.newID(); err != nil {
		return err
	}
	next.Rev++
	stmts, err := store.UpdateStmts(so.WriteID, next, delta, b.Stories(), kind, w.id(), c.h.now())
	if err != nil {
		return err
	}
	changes, err := s.BatchChanges(c.r.Context(), stmts...)
	if err != nil {
		return err
	}
	if changes[0] == 0 {
		return conflict("the observation changed meanwhile; load it and try again")
	}
	view, err := c.observationView(card, next)
	if err != nil {
		return err
	}
	return c.writeJSON(http.StatusOK, view)
}

type accAmendRequest struct {
	Ratings []standards.Rating `json:"ratings"`
}

func accAmend(c *call) error {
	w, s, so, card, err := c.observation()
	if err != nil {
		return err
	}
	if !w.supervisor() && so.Observation.Observer != w.person.ID {
		return forbidden("only the observer or a supervisor can amend an observation")
	}
	var req accAmendRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	if c.h.now() >= so.LocksAt {
		return conflict("the observation is locked: its time for amendments is over")
	}
	return c.change(w, s, so, card, "amended", func(b *standards.Book, id string) error { return b.Amend(id, req.Ratings) })
}

type accDisputeRequest struct {
	Standard string `json:"standard"`
	Reason   string `json:"reason"`
}

func accDispute(c *call) error {
	w, s, so, card, err := c.observation()
	if err != nil {
		return err
	}
	if !w.supervisor() && so.Observation.Subject != w.person.ID {
		return forbidden("only the person observed or a supervisor can dispute an observation")
	}
	var req accDisputeRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	if !slices.ContainsFunc(so.Observation.Ratings, func(r standards.Rating) bool { return r.Standard == req.Standard }) {
		return badRequest("the request body is not valid", FieldError{Path: "standard", Message: "is not rated in this observation"})
	}
	if len(req.Reason) > standards.MaxTextLen {
		return badRequest("the request body is not valid", FieldError{Path: "reason", Message: "too long"})
	}
	at := c.h.cfg.Now().UTC()
	return c.change(w, s, so, card, "disputed", func(b *standards.Book, id string) error {
		if err := b.Dispute(id, w.id(), req.Reason, at); err != nil {
			return err
		}
		b.Observation(id).Dispute.Standard = req.Standard
		return nil
	})
}

type accResolveRequest struct {
	// Outcome is "upheld" (the rating stands) or "overturned" (the
	// disputed rating is changed).
	Outcome string `json:"outcome"`
	Note    string `json:"note,omitempty"`
	// Value is the disputed rating's new value when overturned; default
	// the other end of the scale (met becomes not met and back).
	Value *int `json:"value,omitempty"`
}

func accResolve(c *call) error {
	w, s, so, card, err := c.observation()
	if err != nil {
		return err
	}
	o := &so.Observation
	if !w.supervisor() || !w.admin && (o.Observer == w.person.ID || o.Subject == w.person.ID) {
		return forbidden("only the organisation or a supervisor who neither observed nor was observed can decide a dispute")
	}
	var req accResolveRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	if req.Outcome != "upheld" && req.Outcome != "overturned" {
		return badRequest("the request body is not valid", FieldError{Path: "outcome", Message: "must be upheld or overturned"})
	}
	if len(req.Note) > standards.MaxTextLen {
		return badRequest("the request body is not valid", FieldError{Path: "note", Message: "too long"})
	}
	at := c.h.cfg.Now().UTC()
	return c.change(w, s, so, card, "resolved", func(b *standards.Book, id string) error {
		ob := b.Observation(id)
		if ob.Dispute == nil {
			return standards.ErrNotDisputed
		}
		if req.Outcome == "upheld" {
			return b.Resolve(id, standards.Rejected, req.Note, nil, at)
		}
		revised := slices.Clone(ob.Ratings)
		for i := range revised {
			r := &revised[i]
			if r.Standard != ob.Dispute.Standard && ob.Dispute.Standard != "" {
				continue
			}
			cr, _ := b.Scorecards[0].Criterion(r.Standard)
			switch {
			case req.Value != nil:
				r.Value = *req.Value
			case r.Met(cr.Scale):
				r.Value = cr.Scale.Min()
			default:
				r.Value = cr.Scale.Max()
			}
			r.NA, r.Deviation = false, standards.NoDeviation
		}
		return b.Resolve(id, standards.Accepted, req.Note, revised, at)
	})
}
