package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/purposefulcx/purposeful/wasm/lti"
	"github.com/purposefulcx/purposeful/wasm/store"
)

// LTIConfig makes the API an LTI 1.3 tool. The zero value turns LTI off:
// its routes answer 503, except the platform registration routes.
type LTIConfig struct {
	// Keys are the tool's signing keys (see [lti.ParseKeySet]): the
	// worker reads them from the PURPOSEFUL_LTI_KEYS secret, the local
	// server from the file named by -lti-keys.
	Keys lti.KeySet
	// Transport sends requests to platforms (key sets, tokens, scores,
	// rosters): http.DefaultTransport on the local server, fetch on the
	// worker, as for the LRS.
	Transport http.RoundTripper
	// JWKS caches the platforms' keys. Nil: each request fetches them
	// (set one to keep them for the life of the process or isolate).
	JWKS *lti.JWKSCache
	// BaseURL is the tool's public origin ("https://purposeful.example").
	// Empty: taken from each request.
	BaseURL string
}

func (c LTIConfig) enabled() bool { return len(c.Keys.Keys) > 0 && c.Transport != nil }

// TypeLTI is the problem type of a refused LTI login or launch; its
// errors name the failed check as path ("aud", "nonce", "state", ...).
const TypeLTI = "urn:purposeful:problem:lti-refused"

// Paths of the LTI routes the platform and the admin need.
const (
	ltiLoginPath  = "/v1/lti/login"
	ltiLaunchPath = "/v1/lti/launch"
	ltiJWKSPath   = "/v1/lti/jwks"
)

// ltiCrossSite reports whether r is one of the form posts a platform
// makes from its own origin (the login initiation and the launch). They
// carry the LMS's Origin, which is not a CORS caller: they are checked by
// state, cookie and signature instead.
func ltiCrossSite(r *http.Request) bool {
	p := r.URL.Path
	return r.Method == http.MethodPost && (p == ltiLoginPath || p == ltiLaunchPath)
}

// ltiRoutes are the LTI 1.3 routes.
func ltiRoutes() []route {
	return []route{
		{method: http.MethodGet, pattern: ltiJWKSPath, auth: authNone, handle: ltiJWKS,
			doc: opDoc{id: "ltiJWKS", tag: "lti", summary: "The tool's public keys (JWKS) for LTI platforms", resp: "JWKS", errors: []int{503}}},
		{method: http.MethodGet, pattern: ltiLoginPath, auth: authNone, handle: ltiLogin,
			doc: opDoc{id: "ltiLoginGet", tag: "lti", summary: "LTI 1.3 third-party login initiation: redirects to the platform", status: http.StatusFound, errors: []int{400, 503}}},
		{method: http.MethodPost, pattern: ltiLoginPath, auth: authNone, handle: ltiLogin,
			doc: opDoc{id: "ltiLoginPost", body: "form:LTILoginForm", tag: "lti", summary: "LTI 1.3 third-party login initiation (form post)", status: http.StatusFound, errors: []int{400, 503}}},
		{method: http.MethodPost, pattern: ltiLaunchPath, auth: authNone, handle: ltiLaunch,
			doc: opDoc{id: "ltiLaunch", body: "form:LTILaunchForm", tag: "lti", summary: "LTI 1.3 launch (id_token form post): opens the workshop, practice or course", errors: []int{400, 401, 403, 409, 503}}},
		{method: http.MethodGet, pattern: "/v1/lti/session", auth: authLTI, handle: ltiSessionInfo,
			doc: opDoc{id: "ltiSession", tag: "lti", summary: "What the launch session (Bearer pls_ token) opened", resp: "LTISession", errors: []int{401}}},
		{method: http.MethodPost, pattern: "/v1/lti/deeplink", auth: authNone, handle: ltiDeepLink,
			doc: opDoc{id: "ltiDeepLink", body: "form:LTIDeepLinkForm", tag: "lti", summary: "Answer a deep linking request with the chosen item (form post): a signed LtiDeepLinkingResponse", errors: []int{400, 401}}},
		{method: http.MethodPost, pattern: "/v1/lti/practice", auth: authLTI, handle: ltiPractice,
			doc: opDoc{id: "ltiPractice", tag: "lti", summary: "Grade a recovery practice reply of a launch; the score goes to the line item once per attempt", body: "LTIPracticeRequest", resp: "LTIGraded", errors: []int{401, 404}}},
		{method: http.MethodPost, pattern: "/v1/lti/complete", auth: authLTI, handle: ltiComplete,
			doc: opDoc{id: "ltiComplete", tag: "lti", summary: "Record the purpose course of a launch as completed; the score goes to the line item once per attempt", body: "LTICompleteRequest", resp: "LTIGraded", errors: []int{401, 409}}},
		{method: http.MethodPost, pattern: "/v1/lti/standards", auth: authLTI, handle: ltiStandards,
			doc: opDoc{id: "ltiStandards", tag: "lti", summary: "Acknowledge the standards of a standards course launch; the share acknowledged goes to the line item once per attempt", body: "LTIStandardsRequest", resp: "LTIGraded", errors: []int{401, 403, 404, 409}}},
		{method: http.MethodGet, pattern: "/v1/lti/roster", auth: authLTI, handle: ltiRoster,
			doc: opDoc{id: "ltiRoster", tag: "lti", summary: "The course members (NRPS) who have not joined the launched workshop yet (facilitators)", resp: "LTIRoster", errors: []int{401, 403, 409, 502}}},
		{method: http.MethodPost, pattern: "/v1/lti/scores/flush", auth: authOrg, handle: ltiFlushScores,
			doc: opDoc{id: "ltiFlushScores", tag: "lti", summary: "Retry posting the organisation's queued LTI scores now", resp: "Flushed", errors: []int{401}}},
		{method: http.MethodGet, pattern: "/v1/lti/setup", auth: authNone, handle: ltiSetupPage,
			doc: opDoc{id: "ltiSetup", tag: "lti", summary: "A page for LMS admins: what to paste into Canvas, Moodle and other platforms"}},
		{method: http.MethodGet, pattern: "/v1/lti/canvas.json", auth: authNone, handle: ltiCanvasConfig,
			doc: opDoc{id: "ltiCanvasConfig", tag: "lti", summary: "Canvas developer key configuration (paste JSON)", resp: "CanvasConfig"}},
		{method: http.MethodGet, pattern: "/v1/lti/app.js", auth: authNone, handle: ltiScript,
			doc: opDoc{id: "ltiScript", tag: "lti", summary: "The script of the launch pages"}},
		{method: http.MethodPost, pattern: "/v1/lti/platforms", auth: authOrg, handle: addPlatform,
			doc: opDoc{id: "addPlatform", tag: "lti", summary: "Register an LTI 1.3 platform (LMS) for the organisation", body: "LTIPlatformRequest", resp: "LTIPlatform", status: http.StatusCreated, errors: []int{401, 409}}},
		{method: http.MethodGet, pattern: "/v1/lti/platforms", auth: authOrg, handle: listPlatforms,
			doc: opDoc{id: "listPlatforms", tag: "lti", summary: "The organisation's registered LTI platforms", resp: "LTIPlatforms", errors: []int{401}}},
		{method: http.MethodDelete, pattern: "/v1/lti/platforms/{id}", auth: authOrg, handle: removePlatform,
			doc: opDoc{id: "removePlatform", tag: "lti", summary: "Remove a registered LTI platform: its launches stop working", status: http.StatusNoContent, errors: []int{401, 404}}},
	}
}

// ltiOff answers the LTI routes when no keys are configured.
func ltiOff() *Problem {
	return problem(http.StatusServiceUnavailable, TypeUnavailable, "LTI is not configured on this server (no tool keys)")
}

// ltiBase is the tool's public origin.
func (c *call) ltiBase() string {
	if b := c.h.cfg.LTI.BaseURL; b != "" {
		return strings.TrimSuffix(b, "/")
	}
	r := c.r
	scheme := r.URL.Scheme
	host := r.Host
	if host == "" {
		host = r.URL.Host
	}
	if scheme == "" {
		switch {
		case r.TLS != nil:
			scheme = "https"
		case r.Header.Get("X-Forwarded-Proto") == "https":
			scheme = "https"
		default:
			scheme = "http"
			if u, err := url.Parse("http://" + host); err == nil && !lti.IsLoopback(u.Hostname()) {
				scheme = "https"
			}
		}
	}
	return scheme + "://" + host
}

// ltiJWKS: GET /v1/lti/jwks.
func ltiJWKS(c *call) error {
	if len(c.h.cfg.LTI.Keys.Keys) == 0 {
		return ltiOff()
	}
	b, err := c.h.cfg.LTI.Keys.JWKS(c.h.cfg.Now())
	if err != nil {
		return err
	}
	c.w.Header().Set("Access-Control-Allow-Origin", "*")
	if err := c.writeRaw(http.StatusOK, "application/json", b); err != nil {
		return err
	}
	return nil
}

type platformsResponse struct {
	Platforms []lti.Platform `json:"platforms"`
}

// addPlatform: POST /v1/lti/platforms (org key).
func addPlatform(c *call) error {
	s, err := c.store()
	if err != nil {
		return err
	}
	var p lti.Platform
	if err := c.decode(&p); err != nil {
		return err
	}
	if p.ID != "" || p.CreatedAt != 0 {
		return badRequest("the request body is not valid", FieldError{Path: "id", Message: "set by the server"})
	}
	if err := p.Validate(); err != nil {
		return validation("", err)
	}
	id, err := c.h.newID()
	if err != nil {
		return err
	}
	p.ID, p.Org, p.CreatedAt = "plt"+id[:16], c.who.org, c.h.now()
	if err := s.AddPlatform(c.r.Context(), p); err != nil {
		if errors.Is(err, store.ErrConflict) {
			return conflict("this issuer and client id are already registered")
		}
		return err
	}
	c.w.Header().Set("Location", "/v1/lti/platforms/"+p.ID)
	return c.writeJSON(http.StatusCreated, p)
}

// listPlatforms: GET /v1/lti/platforms (org key).
func listPlatforms(c *call) error {
	s, err := c.store()
	if err != nil {
		return err
	}
	ps, err := s.Platforms(c.r.Context(), c.who.org)
	if err != nil {
		return err
	}
	if ps == nil {
		ps = []lti.Platform{}
	}
	return c.writeJSON(http.StatusOK, platformsResponse{Platforms: ps})
}

// removePlatform: DELETE /v1/lti/platforms/{id} (org key).
func removePlatform(c *call) error {
	s, err := c.store()
	if err != nil {
		return err
	}
	err = s.DeletePlatform(c.r.Context(), c.who.org, c.params[0])
	if errors.Is(err, store.ErrNotFound) {
		return notFound("no such platform")
	}
	if err != nil {
		return err
	}
	c.w.WriteHeader(http.StatusNoContent)
	return nil
}

// canvasConfig is Canvas's developer key JSON.
func (c *call) canvasConfig() map[string]any {
	base := c.ltiBase()
	dl := func(placement string) map[string]any {
		return map[string]any{"placement": placement, "message_type": lti.DeepLinkingRequest,
			"target_link_uri": base + ltiLaunchPath, "text": "Purposeful"}
	}
	return map[string]any{
		"title":               "Purposeful",
		"description":         "Purpose-driven customer service: the 3 Ps team workshop, recovery practice and the purpose course.",
		"oidc_initiation_url": base + ltiLoginPath,
		"target_link_uri":     base + ltiLaunchPath,
		"public_jwk_url":      base + ltiJWKSPath,
		"scopes":              []string{lti.ScopeLineItem, lti.ScopeScore, lti.ScopeMembership},
		"extensions": []map[string]any{{
			"platform":      "canvas.instructure.com",
			"privacy_level": "public",
			"domain":        strings.TrimPrefix(strings.TrimPrefix(base, "https://"), "http://"),
			"settings": map[string]any{"placements": []map[string]any{
				dl("link_selection"), dl("assignment_selection"),
			}},
		}},
	}
}

// ltiCanvasConfig: GET /v1/lti/canvas.json.
func ltiCanvasConfig(c *call) error {
	b, err := json.MarshalIndent(c.canvasConfig(), "", "  ")
	if err != nil {
		return err
	}
	return c.writeRaw(http.StatusOK, "application/json", b)
}
