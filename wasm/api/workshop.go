package api

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/store"
)

// Limits of stored workshops.
const (
	maxEventsPerRequest  = 100
	maxEventsPerWorkshop = 20000
	appendAttempts       = 30
)

type createWorkshopRequest struct {
	Title    string         `json:"title,omitempty"`
	Name     string         `json:"name"`
	Settings *grid.Settings `json:"settings,omitempty"`
	Course   *grid.Course   `json:"course,omitempty"`
}

type createWorkshopResponse struct {
	ID               string `json:"id"`
	JoinCode         string `json:"join_code"`
	FacilitatorToken string `json:"facilitator_token"`
	MemberID         string `json:"member_id"`
	Cursor           int64  `json:"cursor"`
}

type joinRequest struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

type joinResponse struct {
	WorkshopID       string `json:"workshop_id"`
	MemberID         string `json:"member_id"`
	ParticipantToken string `json:"participant_token"`
}

type appendRequest struct {
	Events []json.RawMessage `json:"events"`
}

type appendResponse struct {
	Applied    int   `json:"applied"`
	Duplicates int   `json:"duplicates"`
	Cursor     int64 `json:"cursor"`
}

type eventsResponse struct {
	Events []seqEvent `json:"events"`
	Cursor int64      `json:"cursor"`
}

type seqEvent struct {
	Seq   int64      `json:"seq"`
	Event grid.Event `json:"event"`
}

type stateResponse struct {
	ID        string     `json:"id"`
	Title     string     `json:"title"`
	JoinCode  string     `json:"join_code,omitempty"` // facilitators and org keys only
	Completed bool       `json:"completed"`
	You       string     `json:"you,omitempty"`
	Role      string     `json:"role"`
	Cursor    int64      `json:"cursor"`
	View      *grid.View `json:"view"`
}

func (c *call) store() (*store.Store, error) {
	if c.h.cfg.Store == nil {
		return nil, errNoStore()
	}
	return c.h.cfg.Store, nil
}

func (h *handler) newMemberID() (string, error) {
	id, err := h.newID()
	if err != nil {
		return "", err
	}
	return "m" + id[:15], nil
}

// createWorkshop: POST /v1/workshops.
func createWorkshop(c *call) error {
	s, err := c.store()
	if err != nil {
		return err
	}
	var req createWorkshopRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	if err := errors.Join(grid.CheckName("name", req.Name), grid.CheckTitle("title", req.Title)); err != nil {
		return badRequest("the request body is not valid", fieldErrors("", err)...)
	}
	h := c.h
	id, err := h.newID()
	if err != nil {
		return err
	}
	if err := c.checkCreate(id); err != nil {
		return err
	}
	member, err := h.newMemberID()
	if err != nil {
		return err
	}
	tok, err := h.newSecret(tokenPrefix)
	if err != nil {
		return err
	}
	now := h.cfg.Now().UTC()
	ev := grid.Event{ID: "create-" + id[:12], Type: grid.Create, Actor: member, At: now,
		Name: req.Name, Settings: req.Settings, Course: req.Course}
	sess := grid.NewSession()
	if err := sess.Apply(ev); err != nil {
		return eventProblem("", err)
	}
	body, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	title := strings.TrimSpace(req.Title)
	if title == "" && req.Course != nil {
		title = strings.TrimSpace(req.Course.Position + " · " + req.Course.Process)
		title = strings.Trim(title, " ·")
	}
	if title == "" {
		title = "Workshop"
	}
	setup, _ := json.Marshal(req)
	anon := req.Settings == nil || req.Settings.Anonymity == grid.Anonymous
	at := now.UnixMilli()
	var code string
	for range 5 { // a clash of codes is rare; try again if it happens
		if code, err = h.newJoinCode(); err != nil {
			return err
		}
		w := store.Workshop{ID: id, Org: c.who.org, Title: title, JoinCode: code, Anonymous: anon, Setup: setup, CreatedAt: at}
		t := store.Token{Hash: hashHex(tok), Org: c.who.org, WorkshopID: id, Role: store.RoleFacilitator,
			ParticipantID: member, Name: req.Name, CreatedAt: at, ExpiresAt: at + h.cfg.TokenTTL.Milliseconds()}
		e := store.Event{Org: c.who.org, WorkshopID: id, EventID: ev.ID, Body: body, Digest: digest(body), CreatedAt: at}
		err = s.Batch(c.r.Context(), store.CreateWorkshopStmts(w, t, []store.Event{e})...)
		if !errors.Is(err, store.ErrConflict) {
			break
		}
	}
	if err != nil {
		return err
	}
	cur, err := s.Cursor(c.r.Context(), c.who.org, id)
	if err != nil {
		return err
	}
	c.w.Header().Set("Location", "/v1/workshops/"+id)
	return c.writeJSON(http.StatusCreated, createWorkshopResponse{ID: id, JoinCode: code, FacilitatorToken: tok, MemberID: member, Cursor: cur})
}

func digest(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:16])
}

// joinWorkshop: POST /v1/join.
func joinWorkshop(c *call) error {
	s, err := c.store()
	if err != nil {
		return err
	}
	ctx := c.r.Context()
	var req joinRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	var errs []FieldError
	code := normalizeCode(req.Code)
	if code == "" {
		errs = append(errs, FieldError{Path: "code", Message: "not a join code (8 letters and digits, like K7QM-4XPD)"})
	}
	if err := grid.CheckName("name", req.Name); err != nil {
		errs = append(errs, fieldErrors("", err)...)
	}
	if len(errs) > 0 {
		return badRequest("the request body is not valid", errs...)
	}
	client := c.clientKey()
	w, err := c.checkCode(client, code)
	if err != nil {
		return err
	}
	if w.Closed {
		return conflict("joining is closed for this workshop; ask the facilitator to open it")
	}
	member, err := c.h.newMemberID()
	if err != nil {
		return err
	}
	if err := c.throttle("join-ok:"+w.ID+":"+client, member, joinWindow, c.h.cfg.JoinsPerAddress,
		"too many members joined from this client; try again later"); err != nil {
		return err
	}
	tok, err := c.h.newSecret(tokenPrefix)
	if err != nil {
		return err
	}
	now := c.h.cfg.Now().UTC()
	evID, err := c.h.newID() // not the member id: event ids are shown to everyone
	if err != nil {
		return err
	}
	ev := grid.Event{ID: "join-" + evID[:16], Type: grid.Join, Actor: member, At: now, Name: req.Name}
	body, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	full := conflict("the workshop is full (" + strconv.Itoa(grid.MaxMembers) + " members)")
	var seats int
	// The seats left are counted in the store, with the insert (the name
	// was checked by the same rule the session applies).
	err = c.withSession(w, func(f *folded) error {
		seats = grid.MaxMembers - 1 - f.proxies
		return nil
	})
	if err != nil {
		return err
	}
	at := now.UnixMilli()
	t := store.Token{Hash: hashHex(tok), Org: w.Org, WorkshopID: w.ID, Role: store.RoleParticipant,
		ParticipantID: member, Name: req.Name, CreatedAt: at, ExpiresAt: at + c.h.cfg.TokenTTL.Milliseconds()}
	e := store.Event{Org: w.Org, WorkshopID: w.ID, EventID: ev.ID, Body: body, Digest: digest(body), CreatedAt: at}
	ch, err := s.BatchChanges(ctx, store.SeatStmt(t, seats), store.EventIfTokenStmt(e, t.Hash))
	if err != nil {
		return err
	}
	if ch[0] == 0 {
		return full
	}
	return c.writeJSON(http.StatusCreated, joinResponse{WorkshopID: w.ID, MemberID: member, ParticipantToken: tok})
}

// workshop loads the workshop in the path for the caller's organisation;
// another organisation's workshop is not found.
func (c *call) workshop() (store.Workshop, error) {
	s, err := c.store()
	if err != nil {
		return store.Workshop{}, err
	}
	w, err := s.Workshop(c.r.Context(), c.who.org, c.params[0])
	if errors.Is(err, store.ErrNotFound) {
		return w, notFound("no such workshop")
	}
	return w, err
}

// viewer is the member id reads are made for: the token's member, or the
// facilitator for an organisation key.
func (c *call) viewer(sess *grid.Session) string {
	if c.who.token.ParticipantID != "" {
		return c.who.token.ParticipantID
	}
	return sess.Facilitator()
}

// appendEvents: POST /v1/workshops/{id}/events. The body is one event or
// {"events": [...]}.
func appendEvents(c *call) error {
	w, err := c.workshop()
	if err != nil {
		return err
	}
	if c.who.key {
		return forbidden("events are sent with a facilitator or participant token")
	}
	body, err := readBody(c.r, c.h.cfg.MaxBody)
	if err != nil {
		return err
	}
	var raws []json.RawMessage
	prefix := func(i int) string { return "" }
	if isBatch(body) {
		var req appendRequest
		if err := decodeStrict(body, &req); err != nil {
			return err
		}
		if len(req.Events) == 0 {
			return badRequest("no events", FieldError{Path: "events", Message: "required"})
		}
		if len(req.Events) > maxEventsPerRequest {
			return badRequest("too many events in one request",
				FieldError{Path: "events", Message: "more than " + strconv.Itoa(maxEventsPerRequest)})
		}
		raws = req.Events
		prefix = func(i int) string { return "events[" + strconv.Itoa(i) + "]" }
	} else {
		raws = []json.RawMessage{body}
	}
	if w.CompletedAt != 0 {
		return conflict("the workshop is completed")
	}
	me := c.who.token.ParticipantID
	evs := make([]grid.Event, len(raws))
	var errs []FieldError
	for i, raw := range raws {
		var e grid.Event
		if err := decodeStrict(raw, &e); err != nil {
			p := asProblem(err)
			for _, fe := range p.Errors {
				errs = append(errs, FieldError{Path: joinPath(prefix(i), fe.Path), Message: fe.Message})
			}
			if len(p.Errors) == 0 {
				errs = append(errs, FieldError{Path: prefix(i), Message: p.Detail})
			}
			continue
		}
		if e.Redacted {
			errs = append(errs, FieldError{Path: joinPath(prefix(i), "redacted"), Message: "a redacted copy cannot be sent"})
		}
		if e.ID == "" || len(e.ID) > 200 {
			errs = append(errs, FieldError{Path: joinPath(prefix(i), "id"), Message: "required, at most 200 bytes"})
		}
		switch e.Actor {
		case "", me:
			e.Actor = me
		default:
			return forbidden("an event's actor must be the token's member")
		}
		evs[i] = e
	}
	if len(errs) > 0 {
		return problem(http.StatusBadRequest, TypeValidation, "some events are not valid", errs...)
	}
	// The session's lock serialises this handler's appends to the
	// workshop; the store's guard keeps appends through other handlers
	// (worker instances) consistent.
	return c.withSession(w, func(f *folded) error { return c.appendTo(f, w, evs, prefix) })
}

// appendTo validates evs against the folded session and stores the new
// ones, retrying when another writer stored events first.
func (c *call) appendTo(f *folded, w store.Workshop, evs []grid.Event, prefix func(int) string) error {
	s := c.h.cfg.Store
	ctx := c.r.Context()
	for attempt := 0; ; attempt++ {
		if f.count+len(evs) > maxEventsPerWorkshop {
			return conflict("the workshop has reached its limit of events")
		}
		resp := appendResponse{Cursor: f.cursor}
		var fresh []store.Event
		var newIDs []string
		size := f.bytes
		for i, e := range evs {
			known := f.sess.Has(e.ID)
			if e.At.IsZero() {
				// The server stamps events sent without a time; a retry of
				// such an event gets the time it was first stored with.
				e.At = c.h.cfg.Now().UTC()
				if known {
					e.At, _ = f.sess.At(e.ID)
				}
			}
			if err := f.sess.Apply(e); err != nil {
				if len(fresh) > 0 {
					f.reset() // the session holds events that are not stored
				}
				return eventProblem(prefix(i), err)
			}
			if known {
				resp.Duplicates++
				continue
			}
			b, err := json.Marshal(e)
			if err != nil {
				f.reset()
				return err
			}
			size += int64(len(b))
			newIDs = append(newIDs, e.ID)
			fresh = append(fresh, store.Event{Org: w.Org, WorkshopID: w.ID, EventID: e.ID,
				Body: b, Digest: digest(b), CreatedAt: c.h.now()})
		}
		if len(fresh) == 0 {
			return c.writeJSON(http.StatusOK, resp)
		}
		if size > c.h.cfg.MaxWorkshopBytes {
			f.reset()
			return conflict("the workshop has reached its limit of " + strconv.FormatInt(c.h.cfg.MaxWorkshopBytes, 10) + " stored bytes")
		}
		// Each insert is guarded: it happens only if no other event was
		// stored since the cursor (this batch's own events aside).
		stmts := make([]store.Stmt, len(fresh))
		for i, e := range fresh {
			stmts[i] = store.AppendStmt(e, f.cursor, newIDs)
		}
		changes, err := s.BatchChanges(ctx, stmts...)
		if err != nil {
			f.reset()
			return err
		}
		if changes[0] > 0 {
			resp.Applied = len(stmts)
			if err := f.refresh(c, w); err != nil {
				return err
			}
			resp.Cursor = f.cursor
			return c.writeJSON(http.StatusOK, resp)
		}
		// Someone else wrote first: fold again from the store and retry.
		f.reset()
		if attempt+1 >= appendAttempts {
			c.w.Header().Set("Retry-After", "1")
			c.w.Header().Set("Cache-Control", "no-store")
			return problem(http.StatusServiceUnavailable, TypeUnavailable, "the workshop is busy; send the same events again")
		}
		if err := f.refresh(c, w); err != nil {
			return err
		}
	}
}

// isBatch reports whether the body is {"events": [...]} rather than one
// event (an event has no "events" key).
func isBatch(body []byte) bool {
	var probe map[string]json.RawMessage
	if json.Unmarshal(body, &probe) != nil {
		return false
	}
	_, ok := probe["events"]
	return ok
}

// eventProblem maps a grid.Session error to a problem.
func eventProblem(prefix string, err error) error {
	var ee *grid.EventError
	inner := err
	if errors.As(err, &ee) {
		inner = ee.Err
	}
	fes := fieldErrors(prefix, inner)
	switch {
	case errors.Is(err, grid.ErrForbidden):
		return problem(http.StatusForbidden, TypeForbidden, "your role may not do this", fes...)
	case errors.Is(err, grid.ErrIDReused):
		return problem(http.StatusConflict, TypeConflict, "this event id was already used for a different event", fes...)
	case errors.Is(err, grid.ErrConflict):
		return problem(http.StatusConflict, TypeConflict, "this event conflicts with later events", fes...)
	case errors.Is(err, grid.ErrNotMember):
		return problem(http.StatusForbidden, TypeForbidden, "not a member of this workshop", fes...)
	case errors.Is(err, grid.ErrBadEvent), errors.Is(err, grid.ErrUnknownEvent), errors.Is(err, grid.ErrRequired),
		errors.Is(err, grid.ErrUnknownValue), errors.Is(err, grid.ErrOutOfRange), errors.Is(err, grid.ErrBadLink),
		errors.Is(err, grid.ErrEmpty), errors.Is(err, grid.ErrBlank), errors.Is(err, grid.ErrTooLong),
		errors.Is(err, grid.ErrInvalidUTF8), errors.Is(err, grid.ErrWrongColumn), errors.Is(err, grid.ErrRedacted),
		errors.Is(err, grid.ErrControl), errors.Is(err, grid.ErrTooMany):
		return problem(http.StatusBadRequest, TypeValidation, "the event is not valid", fes...)
	}
	return problem(http.StatusUnprocessableEntity, TypeValidation, "the event does not apply to the workshop now", fes...)
}

// listEvents: GET /v1/workshops/{id}/events?after=N&limit=M.
func listEvents(c *call) error {
	w, err := c.workshop()
	if err != nil {
		return err
	}
	after, limit, err := pageQuery(c.r.URL.Query(), 500)
	if err != nil {
		return err
	}
	return c.withSession(w, func(f *folded) error {
		i := f.index(after)
		views, _ := f.sess.EventsFor(c.viewer(f.sess), i)
		resp := eventsResponse{Events: []seqEvent{}, Cursor: after}
		for k, e := range views {
			if len(resp.Events) == int(limit) {
				break
			}
			seq := f.seqs[i+k]
			resp.Events = append(resp.Events, seqEvent{Seq: seq, Event: e})
			resp.Cursor = max(resp.Cursor, seq)
		}
		if len(resp.Events) < int(limit) {
			resp.Cursor = max(resp.Cursor, f.cursor)
		}
		return c.writeJSON(http.StatusOK, resp)
	})
}

// pageQuery reads the paging parameters of a list: after (a cursor, 0 by
// default) and limit (1 to 1000, defaultLimit when absent).
func pageQuery(q url.Values, defaultLimit int64) (after, limit int64, err error) {
	if after, err = queryInt(q.Get("after"), "after", 0, 1<<53); err != nil {
		return 0, 0, err
	}
	if limit, err = queryInt(q.Get("limit"), "limit", 1, 1000); err != nil {
		return 0, 0, err
	}
	if limit == 0 {
		limit = defaultLimit
	}
	return after, limit, nil
}

func queryInt(s, name string, lo, hi int64) (int64, error) {
	if s == "" {
		return 0, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < lo || n > hi {
		return 0, badRequest("a query parameter is not valid",
			FieldError{Path: name, Message: "must be a whole number from " + strconv.FormatInt(lo, 10) + " to " + strconv.FormatInt(hi, 10)})
	}
	return n, nil
}

// workshopState: GET /v1/workshops/{id}.
func workshopState(c *call) error {
	w, err := c.workshop()
	if err != nil {
		return err
	}
	return c.withSession(w, func(f *folded) error {
		viewer := c.viewer(f.sess)
		v, err := f.sess.View(viewer, c.h.cfg.Now())
		if err != nil {
			return notMember(err)
		}
		resp := stateResponse{ID: w.ID, Title: w.Title, Completed: w.CompletedAt != 0, Cursor: f.cursor, View: v, Role: "organisation"}
		if c.who.token.Role != "" {
			resp.You = viewer
			resp.Role = c.who.token.Role
		}
		if c.who.facilitator() {
			resp.JoinCode = w.JoinCode
		}
		return c.writeJSON(http.StatusOK, resp)
	})
}

// notMember answers a read for a token whose member is not in the session
// (a join that lost a race with the facilitator's own joins).
func notMember(err error) error {
	if errors.Is(err, grid.ErrNotMember) {
		return forbidden("this token's member is not in the workshop")
	}
	return err
}

// exportWorkshop: GET /v1/workshops/{id}/export?format=json|csv|md|svg.
func exportWorkshop(c *call) error {
	w, err := c.workshop()
	if err != nil {
		return err
	}
	format := c.r.URL.Query().Get("format")
	if format == "" {
		format = "json"
	}
	switch format {
	case "json", "csv", "md", "svg":
	default:
		return badRequest("unknown export format", FieldError{Path: "format", Message: "must be json, csv, md or svg"})
	}
	var g *grid.Grid
	err = c.withSession(w, func(f *folded) error {
		g, err = f.sess.Export(c.viewer(f.sess))
		return notMember(err)
	})
	if err != nil {
		return err
	}
	name := "workshop-" + w.ID[:8]
	c.w.Header().Set("Content-Disposition", `attachment; filename="`+name+"."+format+`"`)
	return c.writeGrid(g, format) // "md": markdown
}

type workshopSummary struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	JoinCode  string `json:"join_code"`
	Completed bool   `json:"completed"`
	CreatedAt string `json:"created_at"`
}

// listWorkshops: GET /v1/workshops?limit=N (org key).
func listWorkshops(c *call) error {
	s, err := c.store()
	if err != nil {
		return err
	}
	limit, err := queryInt(c.r.URL.Query().Get("limit"), "limit", 1, 1000)
	if err != nil {
		return err
	}
	if limit == 0 {
		limit = 100
	}
	ws, err := s.Workshops(c.r.Context(), c.who.org, int(limit))
	if err != nil {
		return err
	}
	out := struct {
		Workshops []workshopSummary `json:"workshops"`
	}{Workshops: []workshopSummary{}}
	for _, w := range ws {
		out.Workshops = append(out.Workshops, workshopSummary{ID: w.ID, Title: w.Title, JoinCode: w.JoinCode,
			Completed: w.CompletedAt != 0, CreatedAt: time.UnixMilli(w.CreatedAt).UTC().Format(time.RFC3339)})
	}
	return c.writeJSON(http.StatusOK, out)
}

type joiningBody struct {
	Open *bool `json:"open"`
}

// facilitatorOf loads the workshop in the path for its facilitator or
// organisation.
func (c *call) facilitatorOf() (store.Workshop, error) {
	w, err := c.workshop()
	if err != nil {
		return w, err
	}
	if !c.who.facilitator() {
		return w, forbidden("only the facilitator or the organisation can do this")
	}
	return w, nil
}

// removeMember: DELETE /v1/workshops/{id}/members/{member}.
func removeMember(c *call) error {
	w, err := c.facilitatorOf()
	if err != nil {
		return err
	}
	ch, err := c.h.cfg.Store.BatchChanges(c.r.Context(), store.RevokeStmt(w.Org, w.ID, c.params[1]))
	if err != nil {
		return err
	}
	if ch[0] == 0 {
		return notFound("no such participant in this workshop")
	}
	c.w.Header().Set("Cache-Control", "no-store")
	c.w.WriteHeader(http.StatusNoContent)
	return nil
}

// setJoining: POST /v1/workshops/{id}/joining {"open": bool}.
func setJoining(c *call) error {
	w, err := c.facilitatorOf()
	if err != nil {
		return err
	}
	var req joiningBody
	if err := c.decode(&req); err != nil {
		return err
	}
	if req.Open == nil {
		return badRequest("the request body is not valid", FieldError{Path: "open", Message: "required"})
	}
	if w.CompletedAt != 0 {
		return conflict("the workshop is completed")
	}
	if err := c.h.cfg.Store.Batch(c.r.Context(), store.JoiningStmt(w.Org, w.ID, *req.Open)); err != nil {
		return err
	}
	return c.writeJSON(http.StatusOK, req)
}
