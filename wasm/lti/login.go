package lti

import (
	"net/url"
	"strings"
)

// Login is a third-party initiated login: what the platform sends to the
// tool's login URL (by GET or form POST) before every launch.
type Login struct {
	Issuer        string // iss
	LoginHint     string // login_hint, passed back to the platform unchanged
	TargetLinkURI string // target_link_uri
	MessageHint   string // lti_message_hint, passed back unchanged
	ClientID      string // client_id (optional: needed when one issuer has several registrations)
	DeploymentID  string // lti_deployment_id (optional)
}

// ParseLogin reads the login parameters and reports every missing or
// malformed one at once, as an [*Error] with reason "login".
func ParseLogin(q url.Values) (Login, error) {
	l := Login{
		Issuer:        q.Get("iss"),
		LoginHint:     q.Get("login_hint"),
		TargetLinkURI: q.Get("target_link_uri"),
		MessageHint:   q.Get("lti_message_hint"),
		ClientID:      q.Get("client_id"),
		DeploymentID:  q.Get("lti_deployment_id"),
	}
	var probs []string
	need := func(name, v string) {
		switch {
		case v == "":
			probs = append(probs, name+" is missing")
		case len(v) > 2000:
			probs = append(probs, name+" is longer than 2000 bytes")
		}
	}
	need("iss", l.Issuer)
	need("login_hint", l.LoginHint)
	need("target_link_uri", l.TargetLinkURI)
	if len(l.MessageHint) > 4000 || len(l.ClientID) > 200 || len(l.DeploymentID) > 255 {
		probs = append(probs, "lti_message_hint, client_id or lti_deployment_id is too long")
	}
	if l.TargetLinkURI != "" && checkURL(l.TargetLinkURI) != "" {
		probs = append(probs, "target_link_uri is not an absolute https URL")
	}
	if len(probs) > 0 {
		return l, refuse(ReasonLogin, strings.Join(probs, "; "))
	}
	return l, nil
}

// AuthRedirect is the URL of the platform's OIDC authorization endpoint
// the browser is sent to: an implicit-flow request for an id_token,
// posted back to redirectURI with state, carrying nonce.
func AuthRedirect(p Platform, l Login, redirectURI, state, nonce string) string {
	q := url.Values{}
	q.Set("scope", "openid")
	q.Set("response_type", "id_token")
	q.Set("response_mode", "form_post")
	q.Set("prompt", "none")
	q.Set("client_id", p.ClientID)
	q.Set("redirect_uri", redirectURI)
	q.Set("login_hint", l.LoginHint)
	if l.MessageHint != "" {
		q.Set("lti_message_hint", l.MessageHint)
	}
	q.Set("state", state)
	q.Set("nonce", nonce)
	sep := "?"
	if strings.Contains(p.AuthURL, "?") {
		sep = "&"
	}
	return p.AuthURL + sep + q.Encode()
}
