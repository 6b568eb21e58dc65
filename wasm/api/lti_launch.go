package api

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/lti"
	"github.com/purposefulcx/purposeful/wasm/store"
)

// Lifetimes of LTI rows.
const (
	ltiLoginTTL   = 10 * time.Minute // from login initiation to launch
	ltiSessionTTL = 8 * time.Hour    // a launched page's session
	ltiNonceTTL   = 2 * time.Hour    // longer than any token we accept (iat within 1 h)
	ltiMaxForm    = 128 << 10        // a launch form post (the token is at most 64 KiB)
	sessionPrefix = "pls_"           // LTI launch session token
	browserCookie = "pf_lti_browser"
)

// What a resource link opens (the purposeful_kind custom parameter).
const (
	kindWorkshop = "workshop"
	kindPractice = "practice"
	kindCourse   = "course"
	// kindStandards is the standards course: the learner reads and
	// acknowledges each standard of one of the organisation's stored
	// books (purposeful_book).
	kindStandards = "standards"
	kindDeepLink  = "deeplink" // a deep linking session, not a link
)

// ltiSession is what a launch session knows, stored as JSON under the
// hash of its token.
type ltiSession struct {
	Version        int                      `json:"version"`
	PlatformID     string                   `json:"platform_id"`
	Org            string                   `json:"org"`
	Subject        string                   `json:"subject"`
	Name           string                   `json:"name"`
	Role           string                   `json:"role"`
	Kind           string                   `json:"kind"`
	Title          string                   `json:"title,omitempty"`
	WorkshopID     string                   `json:"workshop_id,omitempty"`
	ResourceLinkID string                   `json:"resource_link_id,omitempty"`
	ContextID      string                   `json:"context_id,omitempty"`
	DeploymentID   string                   `json:"deployment_id"`
	LineItem       string                   `json:"line_item,omitempty"`
	Memberships    string                   `json:"memberships,omitempty"`
	Scenarios      []string                 `json:"scenarios,omitempty"`
	Mastery        int                      `json:"mastery,omitempty"`
	Book           string                   `json:"book,omitempty"`
	DeepLinking    *lti.DeepLinkingSettings `json:"deep_linking,omitempty"`
}

// refused is a rejected login or launch: a page for people, a problem
// document for programs (Accept: application/problem+json).
func refused(status int, reason lti.Reason, detail string) *Problem {
	p := problem(status, TypeLTI, detail, FieldError{Path: string(reason), Message: detail})
	p.Title = "The LTI launch was refused"
	return p
}

func refusedErr(err error) error {
	var le *lti.Error
	if !errors.As(err, &le) {
		return err
	}
	status := http.StatusUnauthorized
	switch le.Reason {
	case lti.ReasonLogin, lti.ReasonSize, lti.ReasonFormat, lti.ReasonClaims:
		status = http.StatusBadRequest
	case lti.ReasonJWKS:
		status = http.StatusBadGateway
	case lti.ReasonDeployment, lti.ReasonPlatform:
		status = http.StatusForbidden
	}
	return refused(status, le.Reason, le.Detail)
}

// ltiPage answers a browser route: errors become an HTML page that names
// the failed check, unless the caller asked for a problem document.
func ltiPage(fn func(*call) error) func(*call) error {
	return func(c *call) error {
		err := fn(c)
		if err == nil || strings.Contains(c.r.Header.Get("Accept"), ProblemContentType) {
			return err
		}
		p := asProblem(err)
		if p.Status >= 500 && c.h.cfg.Logger != nil {
			c.h.cfg.Logger.ErrorContext(c.r.Context(), "handler error", "route", c.r.URL.Path, "error", err.Error())
		}
		reason := ""
		if len(p.Errors) > 0 && p.Type == TypeLTI {
			reason = p.Errors[0].Path
		}
		return c.writeHTML(p.Status, pageRefused(p.Title, reason, p.Detail), "")
	}
}

// form reads a form post of at most ltiMaxForm bytes.
func (c *call) form() error {
	if c.r.Method == http.MethodPost {
		mt := c.r.Header.Get("Content-Type")
		if !strings.HasPrefix(mt, "application/x-www-form-urlencoded") {
			return problem(http.StatusUnsupportedMediaType, TypeMediaType, "Content-Type must be application/x-www-form-urlencoded")
		}
		c.r.Body = http.MaxBytesReader(c.w, c.r.Body, ltiMaxForm)
	}
	if err := c.r.ParseForm(); err != nil {
		return refused(http.StatusBadRequest, lti.ReasonSize, "the form could not be read or is larger than 128 KiB")
	}
	return nil
}

// ltiForm starts a browser route of LTI: LTI on, a store, the form read.
func (c *call) ltiForm() (*store.Store, error) {
	if !c.h.cfg.LTI.enabled() {
		return nil, ltiOff()
	}
	s, err := c.store()
	if err != nil {
		return nil, err
	}
	return s, c.form()
}

// secure reports whether cookies can be Secure: https, or a loopback
// host, which browsers treat as secure.
func (c *call) secure() bool {
	b := c.ltiBase()
	return strings.HasPrefix(b, "https://") || strings.HasPrefix(b, "http://localhost") || strings.HasPrefix(b, "http://127.")
}

// ltiLogin: GET or POST /v1/lti/login, the third-party login initiation.
// It finds the registration, stores state and nonce bound to this
// browser (a random id in a partitioned cookie) and redirects to the
// platform's authorization endpoint.
func ltiLogin(c *call) error { return ltiPage(doLogin)(c) }

func doLogin(c *call) error {
	s, err := c.ltiForm()
	if err != nil {
		return err
	}
	l, err := lti.ParseLogin(c.r.Form)
	if err != nil {
		return refusedErr(err)
	}
	ctx := c.r.Context()
	ps, err := s.PlatformsByIssuer(ctx, l.Issuer)
	if err != nil {
		return err
	}
	var match []lti.Platform
	for _, p := range ps {
		if l.ClientID == "" || p.ClientID == l.ClientID {
			match = append(match, p)
		}
	}
	switch {
	case len(match) == 0:
		return refused(http.StatusForbidden, lti.ReasonPlatform, "no platform is registered with issuer "+quote(l.Issuer)+clientNote(l.ClientID))
	case len(match) > 1:
		return refused(http.StatusBadRequest, lti.ReasonLogin, "several registrations share this issuer: the login must name its client_id")
	}
	p := match[0]
	if l.DeploymentID != "" && !p.HasDeployment(l.DeploymentID) {
		return refused(http.StatusForbidden, lti.ReasonDeployment, "deployment "+quote(l.DeploymentID)+" is not registered for this platform")
	}
	browser := ""
	if ck, err := c.r.Cookie(browserCookie); err == nil && len(ck.Value) >= 40 && len(ck.Value) <= 60 {
		browser = ck.Value
	}
	if browser == "" {
		if browser, err = c.h.newSecret(""); err != nil {
			return err
		}
	}
	state, err := c.h.newSecret("")
	if err != nil {
		return err
	}
	nonce, err := c.h.newSecret("")
	if err != nil {
		return err
	}
	now := c.h.cfg.Now()
	if err := s.PutState(ctx, store.LTIState{State: state, PlatformID: p.ID, Nonce: nonce,
		BrowserHash: hashHex(browser), ExpiresAt: now.Add(ltiLoginTTL).UnixMilli()}, now.UnixMilli()); err != nil {
		return err
	}
	c.setBrowserCookie(browser)
	c.w.Header().Set("Cache-Control", "no-store")
	c.w.Header().Set("Referrer-Policy", "no-referrer")
	http.Redirect(c.w, c.r, lti.AuthRedirect(p, l, c.ltiBase()+ltiLaunchPath, state, nonce), http.StatusFound)
	return nil
}

// setBrowserCookie binds logins to this browser. The LMS shows the tool
// in an iframe, where the cookie is a third-party one: SameSite=None so
// the platform's cross-site form post carries it, and Partitioned (CHIPS)
// so browsers that block third-party cookies still keep it, for the LMS's
// site only. On plain http (other than loopback) no Secure cookie can be
// set; Lax then works for top-level launches only.
func (c *call) setBrowserCookie(v string) {
	attrs := "; Path=/v1/lti/; Max-Age=86400; HttpOnly"
	if c.secure() {
		attrs += "; Secure; SameSite=None; Partitioned"
	} else {
		attrs += "; SameSite=Lax"
	}
	c.w.Header().Add("Set-Cookie", browserCookie+"="+v+attrs)
}

func clientNote(id string) string {
	if id == "" {
		return ""
	}
	return " and client id " + quote(id)
}

func quote(s string) string {
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	b, _ := json.Marshal(s)
	return string(b)
}

// ltiLaunch: POST /v1/lti/launch, the platform's form post of id_token
// and state. Everything is checked before anything is written; a refused
// launch stores nothing (its state is used up, so it cannot be retried).
func ltiLaunch(c *call) error { return ltiPage(doLaunch)(c) }

func doLaunch(c *call) error {
	s, err := c.ltiForm()
	if err != nil {
		return err
	}
	f := c.r.PostForm
	if e := f.Get("error"); e != "" {
		return refused(http.StatusBadRequest, lti.ReasonLogin, "the platform answered the login with "+quote(e)+": "+quote(f.Get("error_description")))
	}
	raw, state := f.Get("id_token"), f.Get("state")
	if len(raw) > lti.MaxTokenBytes {
		return refused(http.StatusBadRequest, lti.ReasonSize, "the token is larger than 64 KiB")
	}
	if raw == "" {
		return refused(http.StatusBadRequest, lti.ReasonFormat, "the form has no id_token")
	}
	if state == "" || len(state) > 100 {
		return refused(http.StatusUnauthorized, lti.ReasonState, "the form has no valid state")
	}
	ctx := c.r.Context()
	now := c.h.cfg.Now()
	st, err := s.TakeState(ctx, state, now.UnixMilli())
	if errors.Is(err, store.ErrNotFound) {
		return refused(http.StatusUnauthorized, lti.ReasonState, "the state is unknown, expired or already used: start the launch again from the course")
	}
	if err != nil {
		return err
	}
	ck, err := c.r.Cookie(browserCookie)
	if err != nil || ck.Value == "" {
		return refused(http.StatusUnauthorized, lti.ReasonState,
			"this browser did not send back the cookie set when the launch started (cookies for this tool may be blocked); open the activity in a new window")
	}
	if hashHex(ck.Value) != st.BrowserHash {
		return refused(http.StatusUnauthorized, lti.ReasonState, "the launch comes from another browser than the one that started it")
	}
	p, err := s.Platform(ctx, st.PlatformID)
	if errors.Is(err, store.ErrNotFound) {
		return refused(http.StatusForbidden, lti.ReasonPlatform, "the platform was removed while the launch was under way")
	}
	if err != nil {
		return err
	}
	v := lti.Verifier{JWKS: c.h.cfg.LTI.JWKS, Now: c.h.cfg.Now}
	if v.JWKS == nil {
		v.JWKS = &lti.JWKSCache{Transport: c.h.cfg.LTI.Transport, Now: c.h.cfg.Now}
	}
	l, err := v.Verify(ctx, raw, p, st.Nonce)
	if err != nil {
		return refusedErr(err)
	}
	used, err := s.NonceUsed(ctx, p.ID, l.Nonce)
	if err != nil {
		return err
	}
	if used {
		return refused(http.StatusUnauthorized, lti.ReasonNonce, "this launch's nonce was used before")
	}
	nonceStmt := store.NonceStmt(p.ID, l.Nonce, now.Add(ltiNonceTTL).UnixMilli())
	sess := ltiSession{Version: 1, PlatformID: p.ID, Org: p.Org, Subject: l.Subject, DeploymentID: l.DeploymentID,
		ContextID: l.Context.ID, Role: store.RoleParticipant, Name: fullName(l)}
	if lti.IsFacilitator(l.Roles) {
		sess.Role = store.RoleFacilitator
	}
	if l.NRPS != nil {
		sess.Memberships = l.NRPS.ContextMembershipsURL
	}
	if l.MessageType == lti.DeepLinkingRequest {
		if sess.Role != store.RoleFacilitator {
			return refused(http.StatusForbidden, lti.ReasonClaims, "only instructors can add activities to the course")
		}
		sess.Kind, sess.DeepLinking, sess.Title = kindDeepLink, l.DeepLinking, "Add Purposeful to the course"
		tok, err := c.newSession(sess, nonceStmt)
		if err != nil {
			return err
		}
		return c.writeHTML(http.StatusOK, pageDeepLink(tok, recoveryChoices()), l.DeepLinking.ReturnURL)
	}
	return c.openLink(p, l, sess, nonceStmt)
}

// fullName is the launch's name, from name or given and family names.
func fullName(l *lti.Launch) string {
	n := strings.TrimSpace(l.Name)
	if n == "" {
		n = strings.TrimSpace(l.GivenName + " " + l.FamilyName)
	}
	if n == "" {
		n = "Learner"
	}
	if len(n) > 80 {
		n = n[:80]
	}
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, n)
}

// newSession stores a launch session (with extra statements in the same
// batch) and returns its token.
func (c *call) newSession(sess ltiSession, extra ...store.Stmt) (string, error) {
	tok, err := c.h.newSecret(sessionPrefix)
	if err != nil {
		return "", err
	}
	body, err := json.Marshal(sess)
	if err != nil {
		return "", err
	}
	stmts := append(extra, store.LTISessionStmt(hashHex(tok), sess.Org, sess.PlatformID, body,
		c.h.cfg.Now().Add(ltiSessionTTL).UnixMilli()))
	if err := c.h.cfg.Store.Batch(c.r.Context(), stmts...); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return "", refused(http.StatusUnauthorized, lti.ReasonNonce, "this launch's nonce was used before")
		}
		return "", err
	}
	return tok, nil
}

// ltiSessionOf authenticates a launch session token (Bearer, or the
// session form field of the deep linking form).
func (c *call) ltiSessionOf() (ltiSession, error) {
	var sess ltiSession
	tok, _ := bearer(c.r)
	if tok == "" && c.r.Method == http.MethodPost && strings.HasPrefix(c.r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		tok = c.r.PostForm.Get("session")
	}
	if !strings.HasPrefix(tok, sessionPrefix) || len(tok) < len(sessionPrefix)+40 {
		return sess, unauthorized("this route needs the session token of an LTI launch")
	}
	s, err := c.store()
	if err != nil {
		return sess, err
	}
	body, err := s.LTISession(c.r.Context(), hashHex(tok), c.h.now())
	if errors.Is(err, store.ErrNotFound) {
		return sess, unauthorized("the launch session is unknown or expired: launch the activity again")
	}
	if err != nil {
		return sess, err
	}
	if err := json.Unmarshal(body, &sess); err != nil {
		return sess, err
	}
	return sess, nil
}

// linkSettings reads what a link opens from the custom parameters that
// deep linking gave it.
type linkSettings struct {
	kind      string
	title     string
	position  string
	process   string
	anonymity grid.Anonymity
	scenarios []string
	mastery   int
	book      string // the standards course's book
}

func settingsOf(l *lti.Launch) linkSettings {
	cu := l.Custom
	ls := linkSettings{kind: cu["purposeful_kind"], position: cu["purposeful_position"], process: cu["purposeful_process"],
		title: l.ResourceLink.Title, mastery: 80, book: cu["purposeful_book"]}
	switch ls.kind {
	case kindPractice, kindCourse, kindStandards:
	default:
		ls.kind = kindWorkshop
	}
	if a := cu["purposeful_anonymity"]; a != "" {
		ls.anonymity.UnmarshalText([]byte(a))
	}
	for _, sc := range strings.Split(cu["purposeful_scenarios"], ",") {
		if sc = strings.TrimSpace(sc); sc != "" && len(ls.scenarios) < 50 {
			ls.scenarios = append(ls.scenarios, sc)
		}
	}
	if m := cu["purposeful_mastery"]; m != "" {
		n := 0
		for _, r := range m {
			if r < '0' || r > '9' || n > 100 {
				n = -1
				break
			}
			n = n*10 + int(r-'0')
		}
		if n >= 0 && n <= 100 {
			ls.mastery = n
		}
	}
	return ls
}

// openLink opens a resource link: the workshop it maps to (created on an
// instructor's first launch, joined on a learner's), or the practice or
// course; then the launched page with its session.
func (c *call) openLink(p lti.Platform, l *lti.Launch, sess ltiSession, nonceStmt store.Stmt) error {
	s := c.h.cfg.Store
	ctx := c.r.Context()
	ls := settingsOf(l)
	link, err := s.Link(ctx, p.ID, l.ResourceLink.ID)
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	fresh := errors.Is(err, store.ErrNotFound)
	if fresh && ls.kind == kindWorkshop && sess.Role != store.RoleFacilitator {
		return problem(http.StatusConflict, TypeConflict, "the instructor has not opened this workshop yet: try again once they have")
	}
	if l.AGS != nil {
		sess.LineItem = l.AGS.LineItem
	}
	sess.ResourceLinkID, sess.Scenarios, sess.Mastery = l.ResourceLink.ID, ls.scenarios, ls.mastery
	if ls.kind == kindStandards {
		sess.Book = ls.book
	}
	var extra []store.Stmt
	extra = append(extra, nonceStmt)
	workshopToken := ""
	if fresh {
		link = store.LTILink{PlatformID: p.ID, ResourceLinkID: l.ResourceLink.ID, Org: p.Org, Kind: ls.kind,
			ContextID: l.Context.ID, Title: ls.title, CreatedAt: c.h.now()}
		if ls.kind == kindWorkshop {
			created, err := c.createLTIWorkshop(p.Org, sess.Name, ls)
			if err != nil {
				return err
			}
			link.WorkshopID, workshopToken = created.ID, created.FacilitatorToken
			extra = append(extra, store.LTIMemberStmt(created.ID, p.ID, l.Subject, created.MemberID))
		}
		extra = append(extra, store.LinkStmt(link))
	}
	sess.Kind, sess.Title, sess.WorkshopID = link.Kind, link.Title, link.WorkshopID
	if link.Kind == kindWorkshop && workshopToken == "" {
		tok, stmts, err := c.joinLTIWorkshop(p, l, &sess)
		if err != nil {
			return err
		}
		workshopToken = tok
		extra = append(extra, stmts...)
	}
	tok, err := c.newSession(sess, extra...)
	if err != nil {
		return err
	}
	return c.writeHTML(http.StatusOK, pageLaunched(tok, workshopToken, sess), "")
}

// captureWriter keeps the answer of a route called from inside another.
type captureWriter struct {
	h      http.Header
	status int
	body   bytes.Buffer
}

func (w *captureWriter) Header() http.Header         { return w.h }
func (w *captureWriter) WriteHeader(code int)        { w.status = code }
func (w *captureWriter) Write(b []byte) (int, error) { return w.body.Write(b) }

// internal runs a route's handler for org with a JSON body, as if the
// organisation had called it, and decodes its answer into out.
func (c *call) internal(handle func(*call) error, org, path string, in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(c.r.Context(), http.MethodPost, path, bytes.NewReader(b))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.RemoteAddr = c.r.RemoteAddr
	cw := &captureWriter{h: http.Header{}}
	sub := &call{h: c.h, w: cw, r: req, who: principal{org: org, key: true}}
	if err := handle(sub); err != nil {
		return err
	}
	if cw.status >= 300 {
		return problem(cw.status, TypeInternal, "")
	}
	return json.Unmarshal(cw.body.Bytes(), out)
}

// createLTIWorkshop creates the workshop of a link with the instructor as
// its facilitator, through the same code as POST /v1/workshops.
func (c *call) createLTIWorkshop(org, name string, ls linkSettings) (createWorkshopResponse, error) {
	var out createWorkshopResponse
	req := createWorkshopRequest{Title: ls.title, Name: name, Settings: &grid.Settings{Anonymity: ls.anonymity}}
	if ls.position != "" || ls.process != "" {
		req.Course = &grid.Course{Position: ls.position, Process: ls.process}
	}
	if len(req.Title) > 200 {
		req.Title = req.Title[:200]
	}
	err := c.internal(createWorkshop, org, "/v1/workshops", req, &out)
	return out, err
}

// displayName is the name a participant gets in a workshop: none with
// anonymity, the first name with aliases, the full name when named.
func displayName(w store.Workshop, l *lti.Launch) string {
	var req createWorkshopRequest
	json.Unmarshal(w.Setup, &req)
	a := grid.Anonymous
	if req.Settings != nil {
		a = req.Settings.Anonymity
	}
	switch a {
	case grid.Named:
		return fullName(l)
	case grid.Alias:
		if g := strings.TrimSpace(l.GivenName); g != "" && len(g) <= 80 {
			return fullName(&lti.Launch{Name: g})
		}
		n, _, _ := strings.Cut(fullName(l), " ")
		return n
	}
	return "Participant"
}

// joinLTIWorkshop gives the launching user a token of the link's
// workshop: the same member on every launch, joining on the first one.
func (c *call) joinLTIWorkshop(p lti.Platform, l *lti.Launch, sess *ltiSession) (string, []store.Stmt, error) {
	s := c.h.cfg.Store
	ctx := c.r.Context()
	w, err := s.Workshop(ctx, p.Org, sess.WorkshopID)
	if errors.Is(err, store.ErrNotFound) {
		return "", nil, notFound("the workshop of this link no longer exists")
	}
	if err != nil {
		return "", nil, err
	}
	member, err := s.LTIMember(ctx, w.ID, p.ID, l.Subject)
	if err == nil {
		tok, err := c.h.newSecret(tokenPrefix)
		if err != nil {
			return "", nil, err
		}
		role := store.RoleParticipant
		if sess.Role == store.RoleFacilitator {
			// Another instructor of the course than the creator is a
			// participant in the grid, but facilitates through the LMS.
			if sessionCreator(ctx, s, w) == member {
				role = store.RoleFacilitator
			}
		}
		at := c.h.now()
		return tok, []store.Stmt{store.TokenStmt(store.Token{Hash: hashHex(tok), Org: w.Org, WorkshopID: w.ID, Role: role,
			ParticipantID: member, Name: sess.Name, CreatedAt: at, ExpiresAt: at + c.h.cfg.TokenTTL.Milliseconds()})}, nil
	}
	if !errors.Is(err, store.ErrNotFound) {
		return "", nil, err
	}
	if w.CompletedAt != 0 {
		return "", nil, conflict("this workshop is completed and takes no new participants")
	}
	var joined joinResponse
	if err := c.internal(joinWorkshop, w.Org, "/v1/join", joinRequest{Code: w.JoinCode, Name: displayName(w, l)}, &joined); err != nil {
		return "", nil, err
	}
	return joined.ParticipantToken, []store.Stmt{store.LTIMemberStmt(w.ID, p.ID, l.Subject, joined.MemberID)}, nil
}

// sessionCreator is the member id of the workshop's facilitator.
func sessionCreator(ctx context.Context, s *store.Store, w store.Workshop) string {
	evs, err := s.Events(ctx, w.Org, w.ID, 0, 1)
	if err != nil || len(evs) == 0 {
		return ""
	}
	var ev grid.Event
	json.Unmarshal(evs[0].Body, &ev)
	return ev.Actor
}
