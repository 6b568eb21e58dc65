package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/store"
)

// roleTokenPrefix starts the role token of a person of the accountability
// loop (a supervisor, a peer observer, a staff member).
const roleTokenPrefix = "pfr_"

// accountabilityRoutes are the stored standards loop: settings, people,
// books, observations, disputes, calibration sessions and reports. They
// take an organisation API key (the admin) or a person's role token
// (authRole); each handler then checks what the person's role allows (see
// accWho).
func accountabilityRoutes() []route {
	r := func(method, pattern string, h func(*call) error, d opDoc) route {
		d.tag = "accountability"
		d.errors = append(d.errors, 401)
		return route{method: method, pattern: pattern, auth: authRole, handle: h, doc: d}
	}
	const base = "/v1/accountability"
	get, put, post := http.MethodGet, http.MethodPut, http.MethodPost
	return []route{
		r(get, base+"/me", accMe, opDoc{id: "accMe", summary: "Who the credential belongs to: the organisation or a person and their role", resp: "AccPerson"}),
		r(get, base+"/settings", accGetSettings, opDoc{id: "accGetSettings", summary: "The organisation's accountability settings", resp: "AccSettings", errors: []int{403}}),
		r(put, base+"/settings", accPutSettings, opDoc{id: "accPutSettings", summary: "Set xAPI statements for observations and the lock time (organisation key)", body: "AccSettings", resp: "AccSettings", errors: []int{403}}),
		r(get, base+"/people", accListPeople, opDoc{id: "accListPeople", summary: "The organisation's people (organisation key or supervisor)", resp: "AccPeople", errors: []int{403}}),
		r(put, base+"/people/{id}", accPutPerson, opDoc{id: "accPutPerson", summary: "Add or change a person by their pseudonymous id; returns a new role token (organisation key)", body: "AccPersonRequest", resp: "AccPersonToken", errors: []int{403}}),
		r(get, base+"/books", accListBooks, opDoc{id: "accListBooks", summary: "The organisation's standards books", resp: "AccBooks"}),
		r(put, base+"/books/{id}", accPutBook, opDoc{id: "accPutBook", summary: "Save a team's standards book (by hand or drafted from a grid); changed standards and scorecards get a new version; returns the lint", body: "AccBookRequest", resp: "AccBookSaved", errors: []int{403}}),
		r(get, base+"/books/{id}", accGetBook, opDoc{id: "accGetBook", summary: "A standards book with the current version of every standard and scorecard", resp: "AccBook", errors: []int{404}}),
		r(get, base+"/books/{id}/cards/{card}", accGetCard, opDoc{id: "accGetCard", summary: "A scorecard version's snapshot (the scorecard and its standards as they were)", query: []string{"version"}, resp: "Book", errors: []int{404}}),
		r(get, base+"/books/{id}/report", accReport, opDoc{id: "accReport", summary: "Compliance and quality by standard, person, team and week, with the stories (json or csv); staff see their own", query: []string{"format", "team", "subject", "stories"}, resp: "AccReport", errors: []int{404}}),
		r(get, base+"/books/{id}/calibration", accCalibrationTrend, opDoc{id: "accCalibrationTrend", summary: "The book's closed calibration sessions in order: agreement per standard and the rewrite queue", resp: "AccCalibrationTrend", errors: []int{403, 404}}),
		r(post, base+"/observations", accRecord, opDoc{id: "accRecord", summary: "Record an observation; idempotent by id (the same observation again answers 200)", body: "AccObservationRequest", resp: "AccRecorded", status: http.StatusCreated, errors: []int{403, 404, 409}}),
		r(get, base+"/observations", accListObservations, opDoc{id: "accListObservations", summary: "Observations the caller may read, newest first", query: []string{"book", "subject", "observer", "limit"}, resp: "AccObservations"}),
		r(get, base+"/observations/{id}", accGetObservation, opDoc{id: "accGetObservation", summary: "One observation with its review score", resp: "AccObservation", errors: []int{404}}),
		r(get, base+"/observations/{id}/history", accHistory, opDoc{id: "accHistory", summary: "Every step of an observation: recorded, amended, disputed, resolved", resp: "AccHistory", errors: []int{404}}),
		r(put, base+"/observations/{id}/ratings", accAmend, opDoc{id: "accAmend", summary: "Amend the ratings before the observation locks (its observer or a supervisor)", body: "AccAmend", resp: "AccObservation", errors: []int{403, 404, 409}}),
		r(post, base+"/observations/{id}/dispute", accDispute, opDoc{id: "accDispute", summary: "Dispute one rating with a reason (the staff member observed, or a supervisor)", body: "AccDisputeRequest", resp: "AccObservation", errors: []int{403, 404, 409}}),
		r(post, base+"/observations/{id}/resolve", accResolve, opDoc{id: "accResolve", summary: "Uphold or overturn a dispute (organisation key or a supervisor who is neither observer nor observed)", body: "AccResolveRequest", resp: "AccObservation", errors: []int{403, 404, 409}}),
		r(post, base+"/sessions", accCreateSession, opDoc{id: "accCreateSession", summary: "Open a calibration session on observations or written interactions, with a deadline and an optional expert answer", body: "AccSessionRequest", resp: "AccSession", status: http.StatusCreated, errors: []int{403, 404, 409}}),
		r(get, base+"/sessions/{id}", accGetSession, opDoc{id: "accGetSession", summary: "A calibration session: before the close only your own answer; after it every answer and the result", resp: "AccSession", errors: []int{403, 404}}),
		r(post, base+"/sessions/{id}/answers", accAnswer, opDoc{id: "accAnswer", summary: "Submit your blind answer; it cannot be changed", body: "AccAnswerRequest", resp: "AccSession", status: http.StatusCreated, errors: []int{403, 404, 409}}),
		r(post, base+"/sessions/{id}/close", accCloseSession, opDoc{id: "accCloseSession", summary: "Close the session now (its owner or the organisation): agreement per standard, distance from the expert, rewrite queue", body: "AccClose", resp: "AccSession", errors: []int{403, 404, 409}}),
	}
}

// accWho is the caller of an accountability route: the organisation
// (admin) or one of its people.
type accWho struct {
	org    string
	admin  bool
	person store.Person
}

// id names the caller in observations and history: the person's id, or
// "org" for the organisation key.
func (w accWho) id() string {
	if w.admin {
		return "org"
	}
	return w.person.ID
}

func (w accWho) supervisor() bool { return w.admin || w.person.Role == store.RoleSupervisor }

// accWho is the caller, authenticated by authRole: the organisation key
// as it is, a role token looked up to its person.
func (c *call) accWho() (accWho, *store.Store, error) {
	s, err := c.store()
	if err != nil {
		return accWho{}, nil, err
	}
	if c.who.key {
		return accWho{org: c.who.org, admin: true}, s, nil
	}
	p, err := s.PersonByToken(c.r.Context(), c.who.roleHash)
	if errors.Is(err, store.ErrNotFound) {
		return accWho{}, nil, unauthorized("the key or token is not valid")
	}
	if err != nil {
		return accWho{}, nil, err
	}
	return accWho{org: p.Org, person: p}, s, nil
}

type accMeResponse struct {
	Org  string `json:"org"`
	ID   string `json:"id"`
	Role string `json:"role"` // "admin" for the organisation key
	Team string `json:"team,omitempty"`
	Name string `json:"name,omitempty"`
}

func accMe(c *call) error {
	w, _, err := c.accWho()
	if err != nil {
		return err
	}
	if w.admin {
		return c.writeJSON(http.StatusOK, accMeResponse{Org: w.org, ID: "org", Role: "admin"})
	}
	p := w.person
	return c.writeJSON(http.StatusOK, accMeResponse{Org: w.org, ID: p.ID, Role: p.Role, Team: p.Team, Name: p.Name})
}

func accGetSettings(c *call) error {
	w, s, err := c.accWho()
	if err != nil {
		return err
	}
	if !w.supervisor() {
		return forbidden("only the organisation or a supervisor can read the settings")
	}
	set, err := s.Settings(c.r.Context(), w.org)
	if err != nil {
		return err
	}
	return c.writeJSON(http.StatusOK, set)
}

func accPutSettings(c *call) error {
	w, s, err := c.accWho()
	if err != nil {
		return err
	}
	if !w.admin {
		return forbidden("only the organisation key can change the settings")
	}
	var set store.AccountabilitySettings
	if err := c.decode(&set); err != nil {
		return err
	}
	if set.LockMinutes < 0 || set.LockMinutes > 366*24*60 {
		return badRequest("the request body is not valid", FieldError{Path: "lockMinutes", Message: "must be between 0 and 527040 (a year)"})
	}
	if set.LockMinutes == 0 {
		set.LockMinutes = store.DefaultLockMinutes
	}
	if err := s.Batch(c.r.Context(), store.SettingsStmt(w.org, set)); err != nil {
		return err
	}
	return c.writeJSON(http.StatusOK, set)
}

func accListPeople(c *call) error {
	w, s, err := c.accWho()
	if err != nil {
		return err
	}
	if !w.supervisor() {
		return forbidden("only the organisation or a supervisor can list people")
	}
	ps, err := s.People(c.r.Context(), w.org)
	if err != nil {
		return err
	}
	if ps == nil {
		ps = []store.Person{}
	}
	return c.writeJSON(http.StatusOK, map[string]any{"people": ps})
}

type accPersonRequest struct {
	Role string `json:"role"`
	Team string `json:"team"`
	Name string `json:"name,omitempty"`
}

type accPersonToken struct {
	store.Person
	Token string `json:"token"`
}

// checkID checks a client-chosen id: 1 to 80 bytes of letters, digits and
// . _ - : @ (pseudonymous ids, observation ids from a phone).
// nameErrors checks a person's name or a session's title with grid's one
// name rule, the rule every name in the API follows.
func nameErrors(path, v string) []FieldError {
	if err := grid.CheckName(path, v); err != nil {
		return fieldErrors("", err)
	}
	return nil
}

func checkID(path, id string) *FieldError {
	if id == "" || len(id) > 80 {
		return &FieldError{Path: path, Message: "must be 1 to 80 characters"}
	}
	for _, r := range id {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("._-:@", r)
		if !ok {
			return &FieldError{Path: path, Message: "may hold only letters, digits and . _ - : @"}
		}
	}
	return nil
}

func accPutPerson(c *call) error {
	w, s, err := c.accWho()
	if err != nil {
		return err
	}
	if !w.admin {
		return forbidden("only the organisation key can add people")
	}
	var req accPersonRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	var errs []FieldError
	if fe := checkID("id", c.params[0]); fe != nil {
		errs = append(errs, *fe)
	}
	if !slices.Contains([]string{store.RoleSupervisor, store.RoleObserver, store.RoleStaff}, req.Role) {
		errs = append(errs, FieldError{Path: "role", Message: "must be supervisor, observer or staff"})
	}
	if fe := checkID("team", req.Team); fe != nil {
		errs = append(errs, *fe)
	}
	if req.Name != "" {
		errs = append(errs, nameErrors("name", req.Name)...)
	}
	if len(errs) > 0 {
		return badRequest("the request body is not valid", errs...)
	}
	tok, err := c.h.newSecret(roleTokenPrefix)
	if err != nil {
		return err
	}
	p := store.Person{Org: w.org, ID: c.params[0], Role: req.Role, Team: req.Team, Name: req.Name, TokenHash: hashHex(tok), CreatedAt: c.h.now()}
	if err := s.Batch(c.r.Context(), store.PersonStmt(p)); err != nil {
		return err
	}
	return c.writeJSON(http.StatusOK, accPersonToken{Person: p, Token: tok})
}

type accBookRequest struct {
	Team       string                `json:"team"`
	Purpose    string                `json:"purpose,omitempty"`
	Priorities []string              `json:"priorities,omitempty"`
	Standards  []standards.Standard  `json:"standards"`
	Scorecards []standards.Scorecard `json:"scorecards,omitempty"`
	// Grid, when set, adds a draft standard for every adopted purposeful
	// idea of the grid whose id is not in Standards yet.
	Grid json.RawMessage `json:"grid,omitempty"`
}

type accVersion struct {
	ID      string `json:"id"`
	Code    string `json:"code,omitempty"`
	Version int    `json:"version"`
	New     bool   `json:"new"`
}

type accBookResponse struct {
	ID        string                  `json:"id"`
	Team      string                  `json:"team"`
	Book      *standards.Book         `json:"book"`
	Versions  []accVersion            `json:"standards"`
	Cards     []accVersion            `json:"scorecards"`
	Lint      []standards.LintFinding `json:"lint"`
	Drafted   int                     `json:"drafted"`
	UpdatedAt int64                   `json:"updatedAt"`
}

// cardSnapshot is the stored body of a scorecard version: the scorecard
// with the standards on it, at their current versions.
func cardSnapshot(b *standards.Book, card *standards.Scorecard) ([]byte, error) {
	snap := &standards.Book{Version: standards.Version, Organisation: b.Organisation, Purpose: b.Purpose, Priorities: b.Priorities,
		Standards: []standards.Standard{}, Scorecards: []standards.Scorecard{*card}}
	for _, st := range b.Standards {
		if _, ok := card.Criterion(st.ID); ok {
			snap.Standards = append(snap.Standards, st)
		}
	}
	return json.Marshal(snap)
}

func accPutBook(c *call) error {
	w, s, err := c.accWho()
	if err != nil {
		return err
	}
	if !w.supervisor() {
		return forbidden("only the organisation or a supervisor can save a book")
	}
	var req accBookRequest
	if err := c.decode(&req); err != nil {
		return err
	}
	var errs []FieldError
	if fe := checkID("id", c.params[0]); fe != nil {
		errs = append(errs, *fe)
	}
	if fe := checkID("team", req.Team); fe != nil {
		errs = append(errs, *fe)
	}
	if len(errs) > 0 {
		return badRequest("the request body is not valid", errs...)
	}
	b := &standards.Book{Version: standards.Version, Organisation: w.org, Purpose: req.Purpose, Priorities: req.Priorities,
		Standards: req.Standards, Scorecards: req.Scorecards}
	if b.Standards == nil {
		b.Standards = []standards.Standard{}
	}
	drafted := 0
	if len(req.Grid) > 0 {
		g, err := gridFrom(req.Grid, "grid")
		if err != nil {
			return err
		}
		drafts, err := standards.DraftFromGrid(g, standards.DraftSettings{Priorities: req.Priorities})
		if err != nil {
			return inputProblem("grid", err)
		}
		for _, d := range drafts {
			if b.Standard(d.Standard.ID) == nil {
				b.Standards = append(b.Standards, d.Standard)
				drafted++
			}
		}
		if b.Purpose == "" {
			b.Purpose = g.Purpose
		}
	}
	if err := b.Validate(); err != nil {
		return validation("", err)
	}
	ctx := c.r.Context()
	prevStd, prevCard, err := s.LatestVersions(ctx, w.org, c.params[0])
	if err != nil {
		return err
	}
	out := accBookResponse{ID: c.params[0], Team: req.Team, Book: b, Versions: []accVersion{}, Cards: []accVersion{}, UpdatedAt: c.h.now()}
	var newStd, newCard []store.Versioned
	for i := range b.Standards {
		st := &b.Standards[i]
		v := accVersion{ID: st.ID, Code: st.Code, Version: 1, New: true}
		if prev, ok := prevStd[st.ID]; ok {
			st.Version = prev.Version
			body, _ := json.Marshal(st)
			v.Version, v.New = prev.Version, !bytes.Equal(body, prev.Body)
			if v.New {
				v.Version++
			}
		}
		st.Version = v.Version
		if v.New {
			body, _ := json.Marshal(st)
			newStd = append(newStd, store.Versioned{ID: st.ID, Version: v.Version, Body: body})
		}
		out.Versions = append(out.Versions, v)
	}
	for i := range b.Scorecards {
		card := &b.Scorecards[i]
		body, err := cardSnapshot(b, card)
		if err != nil {
			return err
		}
		v := accVersion{ID: card.ID, Version: 1, New: true}
		if prev, ok := prevCard[card.ID]; ok {
			v.Version, v.New = prev.Version, !bytes.Equal(body, prev.Body)
			if v.New {
				v.Version++
			}
		}
		if v.New {
			newCard = append(newCard, store.Versioned{ID: card.ID, Version: v.Version, Body: body})
		}
		out.Cards = append(out.Cards, v)
	}
	stmts, err := store.SaveBookStmts(store.StoredBook{Org: w.org, ID: c.params[0], Team: req.Team, Book: b, UpdatedAt: out.UpdatedAt}, newStd, newCard)
	if err != nil {
		return err
	}
	if err := s.Batch(ctx, stmts...); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return conflict("the book was saved by someone else at the same time; load it and save again")
		}
		return err
	}
	out.Lint = b.Lint(standards.LintSettings{})
	if out.Lint == nil {
		out.Lint = []standards.LintFinding{}
	}
	out.Drafted = drafted
	return c.writeJSON(http.StatusOK, out)
}

type accBookSummary struct {
	ID         string         `json:"id"`
	Team       string         `json:"team"`
	Standards  int            `json:"standards"`
	Scorecards []accCardBrief `json:"scorecards"`
	UpdatedAt  int64          `json:"updatedAt"`
}

type accCardBrief struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

func accListBooks(c *call) error {
	w, s, err := c.accWho()
	if err != nil {
		return err
	}
	bs, err := s.Books(c.r.Context(), w.org)
	if err != nil {
		return err
	}
	out := []accBookSummary{}
	for _, b := range bs {
		sum := accBookSummary{ID: b.ID, Team: b.Team, Standards: len(b.Book.Standards), Scorecards: []accCardBrief{}, UpdatedAt: b.UpdatedAt}
		for _, sc := range b.Book.Scorecards {
			sum.Scorecards = append(sum.Scorecards, accCardBrief{ID: sc.ID, Name: sc.Name})
		}
		out = append(out, sum)
	}
	return c.writeJSON(http.StatusOK, map[string]any{"books": out})
}

func accGetBook(c *call) error {
	w, s, err := c.accWho()
	if err != nil {
		return err
	}
	b, err := s.Book(c.r.Context(), w.org, c.params[0])
	if errors.Is(err, store.ErrNotFound) {
		return notFound("no such book")
	}
	if err != nil {
		return err
	}
	_, cards, err := s.LatestVersions(c.r.Context(), w.org, b.ID)
	if err != nil {
		return err
	}
	out := accBookResponse{ID: b.ID, Team: b.Team, Book: b.Book, Versions: []accVersion{}, Cards: []accVersion{}, Lint: b.Book.Lint(standards.LintSettings{}), UpdatedAt: b.UpdatedAt}
	for _, st := range b.Book.Standards {
		out.Versions = append(out.Versions, accVersion{ID: st.ID, Code: st.Code, Version: st.Version})
	}
	for _, sc := range b.Book.Scorecards {
		out.Cards = append(out.Cards, accVersion{ID: sc.ID, Version: cards[sc.ID].Version})
	}
	if out.Lint == nil {
		out.Lint = []standards.LintFinding{}
	}
	return c.writeJSON(http.StatusOK, out)
}

func accGetCard(c *call) error {
	w, s, err := c.accWho()
	if err != nil {
		return err
	}
	version := 0
	if v := c.r.URL.Query().Get("version"); v != "" {
		n, ok := atoiPositive(v)
		if !ok {
			return badRequest("the query is not valid", FieldError{Path: "version", Message: "must be a positive integer"})
		}
		version = n
	}
	if version == 0 {
		_, cards, err := s.LatestVersions(c.r.Context(), w.org, c.params[0])
		if err != nil {
			return err
		}
		version = cards[c.params[1]].Version
	}
	b, err := s.Card(c.r.Context(), w.org, c.params[0], c.params[1], version)
	if errors.Is(err, store.ErrNotFound) {
		return notFound("no such scorecard version")
	}
	if err != nil {
		return err
	}
	c.w.Header().Set("X-Scorecard-Version", strconv.Itoa(version))
	return c.writeJSON(http.StatusOK, b)
}

// atoiPositive parses a positive decimal integer.
func atoiPositive(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil && n > 0
}
