package lti

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
)

// Platform is one LMS registration of an organisation: what the platform
// told the admin when they added the tool. A launch is accepted only from
// a registered issuer, for the registered client id and one of the
// registered deployments.
type Platform struct {
	ID            string   `json:"id"`             // ours, set when stored
	Org           string   `json:"-"`              // the organisation that owns it
	Name          string   `json:"name,omitempty"` // for the admin ("Canvas at Acme")
	Issuer        string   `json:"issuer"`         // iss of its tokens, https://canvas.instructure.com
	ClientID      string   `json:"client_id"`      // the client id it gave the tool
	DeploymentIDs []string `json:"deployment_ids"` // deployments allowed to launch
	AuthURL       string   `json:"auth_url"`       // OIDC authorization endpoint
	TokenURL      string   `json:"token_url"`      // OAuth 2 token endpoint (AGS, NRPS)
	JWKSURL       string   `json:"jwks_url"`       // the platform's public keys
	CreatedAt     int64    `json:"created_at,omitempty"`
}

// Validate reports every problem of a registration, each naming its field.
// URLs must be absolute https URLs; http is accepted only for loopback
// hosts (a platform on the admin's own machine, and the tests).
func (p *Platform) Validate() error {
	var errs []error
	bad := func(field, msg string) { errs = append(errs, errors.New(field+": "+msg)) }
	text := func(field, v string, max int) {
		switch {
		case strings.TrimSpace(v) == "":
			bad(field, "required")
		case len(v) > max:
			bad(field, "longer than "+strconv.Itoa(max)+" bytes")
		case hasControl(v):
			bad(field, "has control characters")
		}
	}
	text("issuer", p.Issuer, 500)
	text("client_id", p.ClientID, 200)
	if len(p.Name) > 200 || hasControl(p.Name) {
		bad("name", "at most 200 bytes without control characters")
	}
	if len(p.DeploymentIDs) == 0 {
		bad("deployment_ids", "at least one is required")
	}
	if len(p.DeploymentIDs) > 50 {
		bad("deployment_ids", "at most 50")
	}
	seen := map[string]bool{}
	for i, d := range p.DeploymentIDs {
		f := "deployment_ids[" + strconv.Itoa(i) + "]"
		text(f, d, 255)
		if seen[d] {
			bad(f, "listed twice")
		}
		seen[d] = true
	}
	for _, u := range []struct{ field, v string }{
		{"auth_url", p.AuthURL}, {"token_url", p.TokenURL}, {"jwks_url", p.JWKSURL},
	} {
		if msg := checkURL(u.v); msg != "" {
			bad(u.field, msg)
		}
	}
	if p.Issuer != "" {
		if msg := checkURL(p.Issuer); msg != "" {
			bad("issuer", msg)
		}
	}
	return errors.Join(errs...)
}

// HasDeployment reports whether id is one of the registered deployments.
func (p *Platform) HasDeployment(id string) bool {
	for _, d := range p.DeploymentIDs {
		if d == id {
			return true
		}
	}
	return false
}

// checkURL returns "" for an absolute https URL (http on loopback hosts),
// else what is wrong with it.
func checkURL(s string) string {
	if s == "" {
		return "required"
	}
	if len(s) > 1000 {
		return "longer than 1000 bytes"
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return "not an absolute URL"
	}
	if u.Fragment != "" || u.User != nil {
		return "must not have a fragment or user info"
	}
	switch u.Scheme {
	case "https":
		return ""
	case "http":
		if IsLoopback(u.Hostname()) {
			return ""
		}
		return "must use https"
	}
	return "must be an https URL"
}

// IsLoopback reports whether host names this machine (localhost,
// 127.0.0.0/8, ::1).
func IsLoopback(host string) bool {
	return host == "localhost" || host == "::1" || strings.HasPrefix(host, "127.")
}

func hasControl(s string) bool {
	for _, r := range s {
		if r < 0x20 || r == 0x7f {
			return true
		}
	}
	return false
}
