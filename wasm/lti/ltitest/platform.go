// Package ltitest is a mock LTI 1.3 platform for tests: its own keys and
// JWKS, an OIDC authorization endpoint that answers a tool's login with a
// signed id_token (as a form post page, for browsers, or as values, for
// Go tests), a token endpoint that checks the tool's signed assertion
// against the tool's JWKS, line items whose score endpoint can be made to
// fail for a while, a deep linking return endpoint and a paged roster.
// It also builds the corpus of forged launches ([Forgeries]).
package ltitest

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/purposefulcx/purposeful/wasm/lti"
)

// Roles used by the mock's users.
const (
	RoleInstructor = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
	RoleLearner    = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
)

// User is a person of the mock course.
type User struct {
	Sub, Name, Given, Family string
	Roles                    []string
}

// Score is a score the platform received.
type Score struct {
	LineItem string
	Body     map[string]any
}

// Platform is a running mock platform.
type Platform struct {
	URL          string // base URL; also the issuer
	ClientID     string
	DeploymentID string
	KID          string
	Key          *rsa.PrivateKey
	// ToolJWKS is the tool's JWKS URL, fetched to check its assertions
	// and deep linking responses. ToolLaunch is its redirect URI.
	ToolJWKS, ToolLaunch string
	// Now is the platform's clock (default time.Now).
	Now func() time.Time

	srv *httptest.Server

	mu          sync.Mutex
	users       map[string]User
	links       map[string]map[string]string // resource link id -> custom
	lineItems   map[string]string            // resource link id -> line item URL
	scores      []Score
	failScores  int
	scoreTries  int
	tokens      map[string]time.Time
	tokenGrants int
	deepLinks   [][]lti.ContentItem
	members     []lti.Member
}

// Start runs a mock platform until the test ends.
func Start(t testing.TB) *Platform {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	p := &Platform{ClientID: "tool-client-1", DeploymentID: "deploy-1", KID: "platform-key-1", Key: key,
		users: map[string]User{}, links: map[string]map[string]string{}, lineItems: map[string]string{},
		tokens: map[string]time.Time{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /jwks", p.jwks)
	mux.HandleFunc("GET /auth", p.auth)
	mux.HandleFunc("POST /auth", p.auth)
	mux.HandleFunc("POST /token", p.token)
	mux.HandleFunc("POST /lineitems/{id}/scores", p.score)
	mux.HandleFunc("GET /memberships", p.memberships)
	mux.HandleFunc("POST /deeplink-return", p.deepLinkReturn)
	mux.HandleFunc("GET /course", p.course)
	p.srv = httptest.NewServer(mux)
	t.Cleanup(p.srv.Close)
	p.URL = p.srv.URL
	p.AddUser(User{Sub: "teacher-1", Name: "Tess Teacher", Given: "Tess", Family: "Teacher", Roles: []string{RoleInstructor}})
	p.AddUser(User{Sub: "learner-1", Name: "Lee Learner", Given: "Lee", Family: "Learner", Roles: []string{RoleLearner}})
	p.AddUser(User{Sub: "learner-2", Name: "Kim Keen", Given: "Kim", Family: "Keen", Roles: []string{RoleLearner}})
	p.AddUser(User{Sub: "learner-3", Name: "Ola Late", Given: "Ola", Family: "Late", Roles: []string{RoleLearner}})
	return p
}

func (p *Platform) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

// AddUser adds a person to the course (and its roster).
func (p *Platform) AddUser(u User) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.users[u.Sub] = u
	p.members = append(p.members, lti.Member{UserID: u.Sub, Name: u.Name, GivenName: u.Given, FamilyName: u.Family, Roles: u.Roles, Status: "Active"})
}

// SetLink sets the custom parameters of a resource link (what deep
// linking would have stored) and gives it a line item when graded.
func (p *Platform) SetLink(id string, custom map[string]string, graded bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.links[id] = custom
	if graded {
		p.lineItems[id] = p.URL + "/lineitems/" + url.PathEscape(id)
	}
}

// Registration is what an admin registers for this platform.
func (p *Platform) Registration() lti.Platform {
	return lti.Platform{Name: "Mock LMS", Issuer: p.URL, ClientID: p.ClientID, DeploymentIDs: []string{p.DeploymentID},
		AuthURL: p.URL + "/auth", TokenURL: p.URL + "/token", JWKSURL: p.URL + "/jwks"}
}

// FailScores makes the next n score posts answer 503.
func (p *Platform) FailScores(n int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.failScores = n
}

// Scores returns the scores received, in order.
func (p *Platform) Scores() []Score {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]Score(nil), p.scores...)
}

// ScoreTries is how many score posts arrived, failed ones included.
func (p *Platform) ScoreTries() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.scoreTries
}

// TokenGrants is how many access tokens the token endpoint issued.
func (p *Platform) TokenGrants() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.tokenGrants
}

// DeepLinks returns the content items of every deep linking response.
func (p *Platform) DeepLinks() [][]lti.ContentItem {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([][]lti.ContentItem(nil), p.deepLinks...)
}

// JWK is the platform's public key as published.
func (p *Platform) JWK() jose.JSONWebKey {
	return jose.JSONWebKey{Key: &p.Key.PublicKey, KeyID: p.KID, Algorithm: "RS256", Use: "sig"}
}

func (p *Platform) jwks(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, jose.JSONWebKeySet{Keys: []jose.JSONWebKey{p.JWK()}})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

// Claims returns a valid launch payload for user, with nonce; hint is
// the lti_message_hint: "dl" for deep linking, else a resource link id.
func (p *Platform) Claims(sub, hint, nonce string) map[string]any {
	p.mu.Lock()
	u, ok := p.users[sub]
	custom := p.links[hint]
	lineItem := p.lineItems[hint]
	p.mu.Unlock()
	if !ok {
		u = User{Sub: sub, Roles: []string{RoleLearner}}
	}
	now := p.now()
	c := map[string]any{
		"iss": p.URL, "aud": p.ClientID, "sub": u.Sub, "iat": now.Unix(), "exp": now.Add(5 * time.Minute).Unix(),
		"nonce": nonce, "name": u.Name, "given_name": u.Given, "family_name": u.Family,
		lti.ClaimVersion: lti.Version, lti.ClaimDeploymentID: p.DeploymentID, lti.ClaimRoles: u.Roles,
		lti.ClaimTargetLinkURI: p.ToolLaunch,
		lti.ClaimContext:       map[string]any{"id": "course-1", "label": "CX101", "title": "Service that delights"},
		lti.ClaimNRPS:          map[string]any{"context_memberships_url": p.URL + "/memberships", "service_versions": []string{"2.0"}},
	}
	if hint == "dl" {
		c[lti.ClaimMessageType] = lti.DeepLinkingRequest
		c[lti.ClaimDeepLinking] = map[string]any{"deep_link_return_url": p.URL + "/deeplink-return",
			"accept_types": []string{"ltiResourceLink"}, "accept_presentation_document_targets": []string{"iframe", "window"},
			"accept_multiple": false, "data": "opaque-platform-data"}
		return c
	}
	c[lti.ClaimMessageType] = lti.ResourceLinkRequest
	c[lti.ClaimResourceLink] = map[string]any{"id": hint, "title": "Front desk check-in"}
	if custom != nil {
		c[lti.ClaimCustom] = custom
	}
	ags := map[string]any{"scope": []string{lti.ScopeScore, lti.ScopeLineItem}, "lineitems": p.URL + "/lineitems"}
	if lineItem != "" {
		ags["lineitem"] = lineItem
	}
	c[lti.ClaimAGS] = ags
	return c
}

// Sign signs claims with the platform's key and kid (RS256).
func (p *Platform) Sign(claims any) string {
	return SignWith(jose.RS256, p.Key, map[jose.HeaderKey]any{"kid": p.KID}, claims)
}

// SignWith signs claims with any key and header (for forgeries).
func SignWith(alg jose.SignatureAlgorithm, key any, header map[jose.HeaderKey]any, claims any) string {
	opts := &jose.SignerOptions{ExtraHeaders: header}
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: alg, Key: key}, opts.WithType("JWT"))
	if err != nil {
		panic(err)
	}
	b, err := json.Marshal(claims)
	if err != nil {
		panic(err)
	}
	obj, err := s.Sign(b)
	if err != nil {
		panic(err)
	}
	out, err := obj.CompactSerialize()
	if err != nil {
		panic(err)
	}
	return out
}

// AuthResponse is what the authorization endpoint posts back to the tool.
type AuthResponse struct {
	RedirectURI, IDToken, State string
}

// Authorize checks an authorization request (the URL the tool sent the
// browser to) as the platform does and returns the signed answer.
func (p *Platform) Authorize(q url.Values) (AuthResponse, error) {
	for k, want := range map[string]string{"scope": "openid", "response_type": "id_token", "response_mode": "form_post",
		"prompt": "none", "client_id": p.ClientID} {
		if q.Get(k) != want {
			return AuthResponse{}, fmt.Errorf("%s is %q, want %q", k, q.Get(k), want)
		}
	}
	if p.ToolLaunch != "" && q.Get("redirect_uri") != p.ToolLaunch {
		return AuthResponse{}, fmt.Errorf("redirect_uri %q is not registered", q.Get("redirect_uri"))
	}
	for _, k := range []string{"state", "nonce", "login_hint"} {
		if q.Get(k) == "" {
			return AuthResponse{}, fmt.Errorf("%s is missing", k)
		}
	}
	tok := p.Sign(p.Claims(q.Get("login_hint"), q.Get("lti_message_hint"), q.Get("nonce")))
	return AuthResponse{RedirectURI: q.Get("redirect_uri"), IDToken: tok, State: q.Get("state")}, nil
}

// auth is the OIDC authorization endpoint: a page that form-posts the
// id_token to the tool, as platforms do.
func (p *Platform) auth(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	a, err := p.Authorize(r.Form)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<!doctype html><title>Mock LMS</title><form id="f" method="post" action="%s">
<input type="hidden" name="id_token" value="%s"><input type="hidden" name="state" value="%s"></form>
<script>document.getElementById("f").submit()</script>`,
		html.EscapeString(a.RedirectURI), html.EscapeString(a.IDToken), html.EscapeString(a.State))
}

// LoginURL is the tool login URL a platform opens for user and hint.
func (p *Platform) LoginURL(toolLogin, sub, hint string) string {
	q := url.Values{"iss": {p.URL}, "login_hint": {sub}, "target_link_uri": {p.ToolLaunch},
		"lti_message_hint": {hint}, "client_id": {p.ClientID}, "lti_deployment_id": {p.DeploymentID}}
	return toolLogin + "?" + q.Encode()
}

// course is a course page that shows the tool in an iframe, started by a
// third-party login: /course?login=<tool login URL>&user=<sub>&hint=<hint>.
func (p *Platform) course(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	src := p.LoginURL(q.Get("login"), q.Get("user"), q.Get("hint"))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<!doctype html><title>Course</title><h1>CX101</h1>
<iframe id="tool" title="Purposeful" width="900" height="700" src="%s" allow="clipboard-write"></iframe>`, html.EscapeString(src))
}

// toolKeys fetches the tool's JWKS.
func (p *Platform) toolKeys() (jose.JSONWebKeySet, error) {
	var set jose.JSONWebKeySet
	res, err := http.Get(p.ToolJWKS)
	if err != nil {
		return set, err
	}
	defer res.Body.Close()
	err = json.NewDecoder(res.Body).Decode(&set)
	return set, err
}

// verifyTool checks a JWT signed by the tool and decodes its claims.
func (p *Platform) verifyTool(raw string, out any) error {
	jws, err := jose.ParseSignedCompact(raw, []jose.SignatureAlgorithm{jose.RS256, jose.ES256, jose.ES384})
	if err != nil {
		return err
	}
	set, err := p.toolKeys()
	if err != nil {
		return err
	}
	keys := set.Key(jws.Signatures[0].Header.KeyID)
	if len(keys) == 0 {
		return fmt.Errorf("the tool's JWKS has no key %q", jws.Signatures[0].Header.KeyID)
	}
	payload, err := jws.Verify(keys[0])
	if err != nil {
		return err
	}
	return json.Unmarshal(payload, out)
}

func (p *Platform) token(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	if r.Form.Get("grant_type") != "client_credentials" ||
		r.Form.Get("client_assertion_type") != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" {
		http.Error(w, `{"error":"unsupported_grant_type"}`, http.StatusBadRequest)
		return
	}
	var a struct {
		Iss, Sub, Aud, Jti string
		Exp                int64
	}
	if err := p.verifyTool(r.Form.Get("client_assertion"), &a); err != nil {
		http.Error(w, `{"error":"invalid_client"}`, http.StatusUnauthorized)
		return
	}
	if a.Iss != p.ClientID || a.Sub != p.ClientID || a.Aud != p.URL+"/token" || a.Jti == "" || a.Exp < p.now().Unix() {
		http.Error(w, `{"error":"invalid_client"}`, http.StatusUnauthorized)
		return
	}
	p.mu.Lock()
	p.tokenGrants++
	tok := "at-" + strconv.Itoa(p.tokenGrants)
	p.tokens[tok] = p.now().Add(time.Hour)
	p.mu.Unlock()
	writeJSON(w, map[string]any{"access_token": tok, "token_type": "Bearer", "expires_in": 3600, "scope": r.Form.Get("scope")})
}

func (p *Platform) authorized(r *http.Request) bool {
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	p.mu.Lock()
	defer p.mu.Unlock()
	exp, ok := p.tokens[tok]
	return ok && p.now().Before(exp)
}

func (p *Platform) score(w http.ResponseWriter, r *http.Request) {
	if !p.authorized(r) {
		http.Error(w, "no token", http.StatusUnauthorized)
		return
	}
	if r.Header.Get("Content-Type") != "application/vnd.ims.lis.v1.score+json" {
		http.Error(w, "wrong content type", http.StatusUnsupportedMediaType)
		return
	}
	b, _ := io.ReadAll(r.Body)
	var body map[string]any
	if err := json.Unmarshal(b, &body); err != nil {
		http.Error(w, "not JSON", http.StatusBadRequest)
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.scoreTries++
	if p.failScores > 0 {
		p.failScores--
		http.Error(w, "gradebook busy", http.StatusServiceUnavailable)
		return
	}
	p.scores = append(p.scores, Score{LineItem: p.URL + "/lineitems/" + r.PathValue("id"), Body: body})
	w.WriteHeader(http.StatusNoContent)
}

// memberships serves the roster two members a page.
func (p *Platform) memberships(w http.ResponseWriter, r *http.Request) {
	if !p.authorized(r) {
		http.Error(w, "no token", http.StatusUnauthorized)
		return
	}
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	p.mu.Lock()
	all := append([]lti.Member(nil), p.members...)
	p.mu.Unlock()
	from, to := page*2, min(page*2+2, len(all))
	if from > len(all) {
		from = len(all)
	}
	if to < len(all) {
		w.Header().Set("Link", fmt.Sprintf(`<%s/memberships?page=%d>; rel="next"`, p.URL, page+1))
	}
	w.Header().Set("Content-Type", "application/vnd.ims.lti-nrps.v2.membershipcontainer+json")
	json.NewEncoder(w).Encode(map[string]any{"id": p.URL + "/memberships", "members": all[from:to]})
}

// deepLinkReturn receives the tool's LtiDeepLinkingResponse, checks it and
// adds the items to the course (a graded item gets a line item).
func (p *Platform) deepLinkReturn(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	var c struct {
		Iss          string            `json:"iss"`
		Aud          string            `json:"aud"`
		MessageType  string            `json:"https://purl.imsglobal.org/spec/lti/claim/message_type"`
		Version      string            `json:"https://purl.imsglobal.org/spec/lti/claim/version"`
		DeploymentID string            `json:"https://purl.imsglobal.org/spec/lti/claim/deployment_id"`
		Data         string            `json:"https://purl.imsglobal.org/spec/lti-dl/claim/data"`
		Items        []lti.ContentItem `json:"https://purl.imsglobal.org/spec/lti-dl/claim/content_items"`
	}
	if err := p.verifyTool(r.Form.Get("JWT"), &c); err != nil {
		http.Error(w, "bad deep linking response: "+err.Error(), http.StatusBadRequest)
		return
	}
	if c.Iss != p.ClientID || c.Aud != p.URL || c.MessageType != lti.DeepLinkingResponse || c.Version != lti.Version ||
		c.DeploymentID != p.DeploymentID || c.Data != "opaque-platform-data" {
		http.Error(w, "deep linking response with wrong claims", http.StatusBadRequest)
		return
	}
	p.mu.Lock()
	p.deepLinks = append(p.deepLinks, c.Items)
	n := len(p.deepLinks)
	p.mu.Unlock()
	for i, it := range c.Items {
		p.SetLink(fmt.Sprintf("link-%d-%d", n, i), it.Custom, it.LineItem != nil)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, `<!doctype html><title>Added</title><p id="added">Added %d item(s) to the course.</p>`, len(c.Items))
}
