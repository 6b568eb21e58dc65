package lti

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// LTI claim names.
const (
	claimBase          = "https://purl.imsglobal.org/spec/lti/claim/"
	ClaimMessageType   = claimBase + "message_type"
	ClaimVersion       = claimBase + "version"
	ClaimDeploymentID  = claimBase + "deployment_id"
	ClaimTargetLinkURI = claimBase + "target_link_uri"
	ClaimResourceLink  = claimBase + "resource_link"
	ClaimRoles         = claimBase + "roles"
	ClaimContext       = claimBase + "context"
	ClaimCustom        = claimBase + "custom"
	ClaimDeepLinking   = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
	ClaimContentItems  = "https://purl.imsglobal.org/spec/lti-dl/claim/content_items"
	ClaimDLData        = "https://purl.imsglobal.org/spec/lti-dl/claim/data"
	ClaimDLMessage     = "https://purl.imsglobal.org/spec/lti-dl/claim/msg"
	ClaimAGS           = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
	ClaimNRPS          = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
)

// Message types.
const (
	ResourceLinkRequest  = "LtiResourceLinkRequest"
	DeepLinkingRequest   = "LtiDeepLinkingRequest"
	DeepLinkingResponse  = "LtiDeepLinkingResponse"
	Version              = "1.3.0"
	MaxTokenBytes        = 64 << 10 // the largest id_token accepted
	defaultSkew          = 30 * time.Second
	defaultMaxAge        = time.Hour
	maxClaimText         = 1000
	maxSubjectBytes      = 255
	maxRoles             = 100
	maxCustomParameters  = 100
	maxAcceptTypes       = 20
	maxAudiences         = 10
	maxAudienceBytes     = 500
	maxCustomValueBytes  = 4000
	maxDeepLinkDataBytes = 4000
)

// Launch is a verified LTI 1.3 launch: who, from where, in which role,
// and which services the platform offers for it.
type Launch struct {
	Issuer        string
	ClientID      string
	Subject       string // the platform's stable user id
	Name          string
	GivenName     string
	FamilyName    string
	Email         string
	DeploymentID  string
	MessageType   string
	TargetLinkURI string
	Nonce         string
	ExpiresAt     time.Time
	Roles         []string
	ResourceLink  ResourceLink
	Context       Context
	Custom        map[string]string
	AGS           *AGSEndpoint         // nil when the platform offers no grades
	NRPS          *NRPSEndpoint        // nil when the platform offers no roster
	DeepLinking   *DeepLinkingSettings // set for LtiDeepLinkingRequest
}

// ResourceLink is the link the learner clicked.
type ResourceLink struct {
	ID          string `json:"id"`
	Title       string `json:"title,omitempty"`
	Description string `json:"description,omitempty"`
}

// Context is the course.
type Context struct {
	ID    string   `json:"id"`
	Label string   `json:"label,omitempty"`
	Title string   `json:"title,omitempty"`
	Type  []string `json:"type,omitempty"`
}

// AGSEndpoint is the Assignment and Grade Services claim.
type AGSEndpoint struct {
	Scope     []string `json:"scope"`
	LineItems string   `json:"lineitems,omitempty"`
	LineItem  string   `json:"lineitem,omitempty"`
}

// NRPSEndpoint is the Names and Role Provisioning Services claim.
type NRPSEndpoint struct {
	ContextMembershipsURL string   `json:"context_memberships_url"`
	ServiceVersions       []string `json:"service_versions"`
}

// DeepLinkingSettings is the deep linking request claim.
type DeepLinkingSettings struct {
	ReturnURL       string   `json:"deep_link_return_url"`
	AcceptTypes     []string `json:"accept_types"`
	AcceptTargets   []string `json:"accept_presentation_document_targets"`
	AcceptMultiple  *bool    `json:"accept_multiple,omitempty"`
	AutoCreate      bool     `json:"auto_create,omitempty"`
	Title           string   `json:"title,omitempty"`
	Data            string   `json:"data,omitempty"`
	AcceptLineItem  bool     `json:"accept_lineitem,omitempty"`
	AcceptMediaType string   `json:"accept_media_types,omitempty"`
}

// audience is "aud": one string or an array.
type audience []string

func (a *audience) UnmarshalJSON(b []byte) error {
	var one string
	if err := json.Unmarshal(b, &one); err == nil {
		*a = audience{one}
		return nil
	}
	var many []string
	if err := json.Unmarshal(b, &many); err != nil {
		return fmt.Errorf("aud must be a string or an array of strings")
	}
	*a = many
	return nil
}

// numericDate is a JWT NumericDate (seconds, possibly fractional).
type numericDate struct {
	set bool
	t   time.Time
}

func (n *numericDate) UnmarshalJSON(b []byte) error {
	var f float64
	if err := json.Unmarshal(b, &f); err != nil {
		return fmt.Errorf("a time must be a number of seconds")
	}
	if f < 0 || f > 1e11 {
		return fmt.Errorf("a time is out of range")
	}
	sec := int64(f)
	n.set, n.t = true, time.Unix(sec, int64((f-float64(sec))*1e9))
	return nil
}

// idClaims is the payload of a launch.
type idClaims struct {
	Iss           string               `json:"iss"`
	Sub           string               `json:"sub"`
	Aud           audience             `json:"aud"`
	Azp           *string              `json:"azp"`
	Exp           numericDate          `json:"exp"`
	Iat           numericDate          `json:"iat"`
	Nbf           numericDate          `json:"nbf"`
	Nonce         *string              `json:"nonce"`
	Name          string               `json:"name"`
	GivenName     string               `json:"given_name"`
	FamilyName    string               `json:"family_name"`
	Email         string               `json:"email"`
	MessageType   *string              `json:"https://purl.imsglobal.org/spec/lti/claim/message_type"`
	Version       *string              `json:"https://purl.imsglobal.org/spec/lti/claim/version"`
	DeploymentID  *string              `json:"https://purl.imsglobal.org/spec/lti/claim/deployment_id"`
	TargetLinkURI string               `json:"https://purl.imsglobal.org/spec/lti/claim/target_link_uri"`
	ResourceLink  *ResourceLink        `json:"https://purl.imsglobal.org/spec/lti/claim/resource_link"`
	Roles         *[]string            `json:"https://purl.imsglobal.org/spec/lti/claim/roles"`
	Context       *Context             `json:"https://purl.imsglobal.org/spec/lti/claim/context"`
	Custom        map[string]string    `json:"https://purl.imsglobal.org/spec/lti/claim/custom"`
	AGS           *AGSEndpoint         `json:"https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"`
	NRPS          *NRPSEndpoint        `json:"https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"`
	DeepLinking   *DeepLinkingSettings `json:"https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"`
}

// Verifier checks launches. The zero value needs JWKS.
type Verifier struct {
	// JWKS fetches and caches the platforms' keys (required).
	JWKS *JWKSCache
	// Now returns the time (default time.Now).
	Now func() time.Time
	// Skew is the clock difference tolerated on exp, iat and nbf
	// (default 30 s).
	Skew time.Duration
	// MaxAge is how old iat may be (default 1 hour): an old token is
	// refused even when its exp is far away.
	MaxAge time.Duration
}

// Header is the protected header of a compact JWS, read without
// verifying it (to tell why a token is refused).
type Header struct {
	Alg string `json:"alg"`
	Kid string `json:"kid"`
	Typ string `json:"typ"`
}

// PeekHeader decodes the header of a compact JWS. It verifies nothing.
func PeekHeader(raw string) (Header, error) {
	seg, _, ok := strings.Cut(raw, ".")
	if !ok {
		return Header{}, refuse(ReasonFormat, "the token is not a compact JWS (header.payload.signature)")
	}
	b, err := b64.DecodeString(seg)
	if err != nil {
		return Header{}, refuse(ReasonFormat, "the token's header is not base64url")
	}
	h, err := parseHeader(b)
	if err != nil {
		return h, &Error{Reason: ReasonFormat, Detail: err.Error(), Err: err}
	}
	return h, nil
}

// Verify checks an id_token from a launch in full against the registered
// platform and the nonce this tool sent with the login: size, format,
// alg, kid and signature against the platform's JWKS, then iss, aud
// (and azp), exp, iat, nbf, nonce, version, message_type, deployment_id
// and the claims its message type requires. The returned error is an
// [*Error] naming the failed check.
func (v *Verifier) Verify(ctx context.Context, raw string, p Platform, nonce string) (*Launch, error) {
	if len(raw) > MaxTokenBytes {
		return nil, refuse(ReasonSize, fmt.Sprintf("the token is %d bytes; at most %d are accepted", len(raw), MaxTokenBytes))
	}
	if strings.Count(raw, ".") != 2 {
		return nil, refuse(ReasonFormat, "the token is not a compact JWS (header.payload.signature)")
	}
	jws, err := parseCompact(raw)
	if err != nil {
		return nil, &Error{Reason: ReasonFormat, Detail: err.Error(), Err: err}
	}
	h := jws.header
	switch {
	case strings.EqualFold(h.Alg, "none") || h.Alg == "":
		return nil, refuse(ReasonAlg, "an unsigned token (alg \"none\") is never accepted")
	case strings.HasPrefix(strings.ToUpper(h.Alg), "HS"):
		return nil, refuse(ReasonAlg, "HMAC ("+trim(h.Alg)+") is never accepted: platforms sign with a private key")
	}
	alg, ok := algorithm(h.Alg)
	if !ok {
		return nil, refuse(ReasonAlg, fmt.Sprintf("the algorithm %q is not accepted (RS256, RS384, RS512, PS256, PS384 and PS512 are)", trim(h.Alg)))
	}
	if h.Kid == "" {
		return nil, refuse(ReasonKid, "the token's header names no key (kid)")
	}
	if len(h.Kid) > maxSubjectBytes {
		return nil, refuse(ReasonKid, "the token's key id (kid) is longer than 255 bytes")
	}
	if v.JWKS == nil {
		return nil, refuse(ReasonJWKS, "no key cache is configured")
	}
	key, err := v.JWKS.Key(ctx, p.JWKSURL, h.Kid)
	if err != nil {
		return nil, err
	}
	if key.Alg != "" && key.Alg != h.Alg {
		return nil, refuse(ReasonAlg, fmt.Sprintf("key %q is for %s, the token says %s", h.Kid, key.Alg, h.Alg))
	}
	if err := alg.verify(key.Key, jws.signingInput, jws.signature); err != nil {
		return nil, &Error{Reason: ReasonSignature, Detail: "the signature does not verify with the platform's key " + strconvQuote(h.Kid), Err: err}
	}
	return v.check(jws.payload, p, nonce)
}

func strconvQuote(s string) string { return fmt.Sprintf("%q", s) }

// check validates the verified payload.
func (v *Verifier) check(payload []byte, p Platform, nonce string) (*Launch, error) {
	var c idClaims
	dec := json.NewDecoder(bytes.NewReader(payload))
	if err := dec.Decode(&c); err != nil {
		return nil, &Error{Reason: ReasonClaims, Detail: "the claims are not valid: " + claimError(err), Err: err}
	}
	if dec.More() {
		return nil, refuse(ReasonClaims, "the payload has data after its JSON object")
	}
	now := time.Now()
	if v.Now != nil {
		now = v.Now()
	}
	skew, maxAge := v.Skew, v.MaxAge
	if skew <= 0 {
		skew = defaultSkew
	}
	if maxAge <= 0 {
		maxAge = defaultMaxAge
	}
	if c.Iss != p.Issuer {
		return nil, refuse(ReasonIssuer, fmt.Sprintf("the token is from %q, the registered platform is %q", trim(c.Iss), p.Issuer))
	}
	if len(c.Aud) == 0 || len(c.Aud) > maxAudiences {
		return nil, refuse(ReasonAudience, "the token has no audience (aud) or too many")
	}
	mine := false
	for _, a := range c.Aud {
		if len(a) > maxAudienceBytes {
			return nil, refuse(ReasonAudience, "an audience is too long")
		}
		mine = mine || a == p.ClientID
	}
	if !mine {
		return nil, refuse(ReasonAudience, fmt.Sprintf("the token is for %q, not for this tool's client id %q", trim(strings.Join(c.Aud, ", ")), p.ClientID))
	}
	if len(c.Aud) > 1 && c.Azp == nil {
		return nil, refuse(ReasonAZP, "the token has several audiences and no azp naming this tool")
	}
	if c.Azp != nil && *c.Azp != p.ClientID {
		return nil, refuse(ReasonAZP, fmt.Sprintf("the token's azp is %q, not this tool's client id", trim(*c.Azp)))
	}
	if !c.Exp.set {
		return nil, refuse(ReasonExpired, "the token has no expiry (exp)")
	}
	if !now.Before(c.Exp.t.Add(skew)) {
		return nil, refuse(ReasonExpired, "the token expired at "+rfc3339(c.Exp.t))
	}
	if !c.Iat.set {
		return nil, refuse(ReasonIssuedAt, "the token has no issue time (iat)")
	}
	if c.Iat.t.After(now.Add(skew)) {
		return nil, refuse(ReasonIssuedAt, "the token claims to be issued in the future, at "+rfc3339(c.Iat.t))
	}
	if c.Iat.t.Before(now.Add(-maxAge)) {
		return nil, refuse(ReasonIssuedAt, "the token was issued more than "+maxAge.String()+" ago")
	}
	if c.Nbf.set && c.Nbf.t.After(now.Add(skew)) {
		return nil, refuse(ReasonNotYet, "the token is not valid before "+rfc3339(c.Nbf.t))
	}
	if c.Nonce == nil || *c.Nonce == "" {
		return nil, refuse(ReasonNonce, "the token has no nonce")
	}
	if nonce == "" || *c.Nonce != nonce {
		return nil, refuse(ReasonNonce, "the token's nonce is not the one this tool sent with the login")
	}
	if c.Version == nil {
		return nil, refuse(ReasonVersion, "the token has no LTI version claim")
	}
	if *c.Version != Version {
		return nil, refuse(ReasonVersion, fmt.Sprintf("LTI version %q is not supported (1.3.0 is)", trim(*c.Version)))
	}
	if c.MessageType == nil {
		return nil, refuse(ReasonMessageType, "the token has no message_type claim")
	}
	mt := *c.MessageType
	if mt != ResourceLinkRequest && mt != DeepLinkingRequest {
		return nil, refuse(ReasonMessageType, fmt.Sprintf("message type %q is not handled (LtiResourceLinkRequest and LtiDeepLinkingRequest are)", trim(mt)))
	}
	if c.DeploymentID == nil || *c.DeploymentID == "" {
		return nil, refuse(ReasonDeployment, "the token has no deployment_id")
	}
	if !p.HasDeployment(*c.DeploymentID) {
		return nil, refuse(ReasonDeployment, fmt.Sprintf("deployment %q is not registered for this platform", trim(*c.DeploymentID)))
	}
	l := &Launch{Issuer: c.Iss, ClientID: p.ClientID, Subject: c.Sub, Name: c.Name, GivenName: c.GivenName,
		FamilyName: c.FamilyName, Email: c.Email, DeploymentID: *c.DeploymentID, MessageType: mt,
		TargetLinkURI: c.TargetLinkURI, Nonce: *c.Nonce, ExpiresAt: c.Exp.t, Custom: c.Custom,
		AGS: c.AGS, NRPS: c.NRPS, DeepLinking: c.DeepLinking}
	if err := required(&c, l); err != nil {
		return nil, err
	}
	return l, nil
}

// required checks the claims the message type needs and their sizes.
func required(c *idClaims, l *Launch) error {
	missing := func(claim string) error {
		return refuse(ReasonClaims, "the required claim "+claim+" is missing or empty")
	}
	if c.Sub == "" {
		return missing("sub")
	}
	if len(c.Sub) > maxSubjectBytes {
		return refuse(ReasonClaims, "sub is longer than 255 bytes")
	}
	if c.Roles == nil {
		return missing(ClaimRoles)
	}
	if len(*c.Roles) > maxRoles {
		return refuse(ReasonClaims, "more than 100 roles")
	}
	l.Roles = *c.Roles
	if c.TargetLinkURI == "" {
		return missing(ClaimTargetLinkURI)
	}
	for _, t := range []struct{ name, v string }{{"name", c.Name}, {"given_name", c.GivenName},
		{"family_name", c.FamilyName}, {"email", c.Email}, {ClaimTargetLinkURI, c.TargetLinkURI}} {
		if len(t.v) > maxClaimText {
			return refuse(ReasonClaims, t.name+" is longer than 1000 bytes")
		}
	}
	if len(c.Custom) > maxCustomParameters {
		return refuse(ReasonClaims, "more than 100 custom parameters")
	}
	for k, v := range c.Custom {
		if len(k)+len(v) > maxCustomValueBytes {
			return refuse(ReasonClaims, "custom parameter "+strconvQuote(trim(k))+" is too long")
		}
	}
	if c.Context != nil {
		l.Context = *c.Context
	}
	switch l.MessageType {
	case ResourceLinkRequest:
		if c.ResourceLink == nil || c.ResourceLink.ID == "" {
			return missing(ClaimResourceLink + ".id")
		}
		if len(c.ResourceLink.ID) > maxSubjectBytes || len(c.ResourceLink.Title) > maxClaimText {
			return refuse(ReasonClaims, "the resource link id or title is too long")
		}
		l.ResourceLink = *c.ResourceLink
	case DeepLinkingRequest:
		d := c.DeepLinking
		if d == nil || d.ReturnURL == "" {
			return missing(ClaimDeepLinking + ".deep_link_return_url")
		}
		if msg := checkURL(d.ReturnURL); msg != "" {
			return refuse(ReasonClaims, "deep_link_return_url "+msg)
		}
		if len(d.AcceptTypes) > maxAcceptTypes || len(d.Data) > maxDeepLinkDataBytes {
			return refuse(ReasonClaims, "the deep linking settings are too large")
		}
		ok := false
		for _, t := range d.AcceptTypes {
			ok = ok || t == "ltiResourceLink"
		}
		if !ok {
			return refuse(ReasonClaims, "the platform does not accept ltiResourceLink items from deep linking")
		}
	}
	if l.AGS != nil && l.AGS.LineItem != "" {
		if msg := checkURL(l.AGS.LineItem); msg != "" {
			return refuse(ReasonClaims, "the AGS line item URL "+msg)
		}
	}
	if l.NRPS != nil {
		if msg := checkURL(l.NRPS.ContextMembershipsURL); msg != "" {
			return refuse(ReasonClaims, "the NRPS context_memberships_url "+msg)
		}
	}
	return nil
}

// claimError names the claim a JSON decoding error is about.
func claimError(err error) string {
	if te, ok := err.(*json.UnmarshalTypeError); ok && te.Field != "" {
		return te.Field + " has the wrong type (" + te.Value + ")"
	}
	msg := err.Error()
	if len(msg) > 200 {
		msg = msg[:200]
	}
	return msg
}

// trim shortens text taken from a token before it goes into a message.
func trim(s string) string {
	if len(s) > 120 {
		return s[:120] + "…"
	}
	return s
}

// IsFacilitator reports whether the roles make the user a facilitator:
// an instructor or teaching assistant of the course, or an administrator
// (of the course, the institution or the system). Everyone else, learners
// included, is a participant. An institution role "Instructor" alone does
// not count: a teacher may take someone else's course as a learner.
func IsFacilitator(roles []string) bool {
	const lis = "http://purl.imsglobal.org/vocab/lis/v2/"
	for _, r := range roles {
		switch r {
		case "Instructor", "TeachingAssistant", "Administrator",
			lis + "membership#Instructor", lis + "membership/Instructor#TeachingAssistant",
			lis + "membership#Administrator", lis + "institution/person#Administrator",
			lis + "system/person#Administrator":
			return true
		}
	}
	return false
}
