package ltitest

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"strings"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/purposefulcx/purposeful/wasm/lti"
)

// Flow says what else, besides the token, a forged launch tampers with.
type Flow uint8

const (
	FlowToken        Flow = iota // only the id_token is forged
	FlowOtherBrowser             // the form post comes from another browser than the login
	FlowNoCookie                 // the browser sends no binding cookie
	FlowUnknownState             // the state was never issued
	FlowExpiredState             // the launch arrives after the login expired
	FlowReplay                   // an accepted launch is posted a second time
	FlowOldNonce                 // a new login, answered with the nonce of an earlier one
)

// Forgery is one forged or broken launch and the reason it must be
// refused with.
type Forgery struct {
	Name   string
	Reason lti.Reason
	Flow   Flow
	// Token builds the id_token from the platform and the nonce the tool
	// sent with this login. For FlowOldNonce nonce is the earlier one.
	Token func(p *Platform, nonce string) string
}

// with returns valid resource-link claims changed by edit.
func with(p *Platform, nonce string, edit func(c map[string]any)) map[string]any {
	c := p.Claims("learner-1", "link-forged", nonce)
	edit(c)
	return c
}

func signed(edit func(c map[string]any)) func(p *Platform, nonce string) string {
	return func(p *Platform, nonce string) string { return p.Sign(with(p, nonce, edit)) }
}

func b64(v any) string {
	var b []byte
	switch x := v.(type) {
	case string:
		b = []byte(x)
	case []byte:
		b = x
	default:
		b, _ = json.Marshal(v)
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// raw builds header.payload.signature from parts, signing nothing.
func raw(header, payload any, sig string) string { return b64(header) + "." + b64(payload) + "." + sig }

func hmacWith(secret []byte, alg jose.SignatureAlgorithm, kid string, claims any) string {
	return SignWith(alg, secret, map[jose.HeaderKey]any{"kid": kid}, claims)
}

func publicPEM(p *Platform) []byte {
	der, _ := x509.MarshalPKIXPublicKey(&p.Key.PublicKey)
	return pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})
}

// Forgeries returns the corpus of forged and broken launches. Each one
// would be accepted if the check named by its Reason were missing.
func Forgeries() []Forgery {
	mins := func(n int) int64 { return int64(n) * 60 }
	now := func(p *Platform) int64 { return p.now().Unix() }
	fs := []Forgery{
		{"signature byte flipped", lti.ReasonSignature, FlowToken, func(p *Platform, n string) string {
			t := p.Sign(with(p, n, func(map[string]any) {}))
			i := strings.LastIndexByte(t, '.') + 5
			c := byte('A')
			if t[i] == 'A' {
				c = 'B'
			}
			return t[:i] + string(c) + t[i+1:]
		}},
		{"signed by another key with the platform's kid", lti.ReasonSignature, FlowToken, func(p *Platform, n string) string {
			k, _ := rsa.GenerateKey(rand.Reader, 2048)
			return SignWith(jose.RS256, k, map[jose.HeaderKey]any{"kid": p.KID}, with(p, n, func(map[string]any) {}))
		}},
		{"payload changed after signing", lti.ReasonSignature, FlowToken, func(p *Platform, n string) string {
			t := p.Sign(with(p, n, func(map[string]any) {}))
			parts := strings.Split(t, ".")
			c := with(p, n, func(c map[string]any) { c[lti.ClaimRoles] = []string{RoleInstructor} })
			return parts[0] + "." + b64(c) + "." + parts[2]
		}},
		{"signature stripped", lti.ReasonSignature, FlowToken, func(p *Platform, n string) string {
			t := p.Sign(with(p, n, func(map[string]any) {}))
			return t[:strings.LastIndexByte(t, '.')+1]
		}},
		{"alg none, no signature", lti.ReasonAlg, FlowToken, func(p *Platform, n string) string {
			return raw(map[string]any{"alg": "none", "typ": "JWT", "kid": p.KID}, with(p, n, func(map[string]any) {}), "")
		}},
		{"alg None with the real signature", lti.ReasonAlg, FlowToken, func(p *Platform, n string) string {
			t := p.Sign(with(p, n, func(map[string]any) {}))
			parts := strings.Split(t, ".")
			return b64(map[string]any{"alg": "None", "kid": p.KID}) + "." + parts[1] + "." + parts[2]
		}},
		{"alg missing", lti.ReasonAlg, FlowToken, func(p *Platform, n string) string {
			return raw(map[string]any{"typ": "JWT", "kid": p.KID}, with(p, n, func(map[string]any) {}), "c2ln")
		}},
		{"HS256 keyed with the platform's public key PEM", lti.ReasonAlg, FlowToken, func(p *Platform, n string) string {
			return hmacWith(publicPEM(p), jose.HS256, p.KID, with(p, n, func(map[string]any) {}))
		}},
		{"HS256 keyed with the public modulus", lti.ReasonAlg, FlowToken, func(p *Platform, n string) string {
			return hmacWith(p.Key.PublicKey.N.Bytes(), jose.HS256, p.KID, with(p, n, func(map[string]any) {}))
		}},
		{"HS512 keyed with the JWKS document", lti.ReasonAlg, FlowToken, func(p *Platform, n string) string {
			set, _ := json.Marshal(jose.JSONWebKeySet{Keys: []jose.JSONWebKey{p.JWK()}})
			return hmacWith(set, jose.HS512, p.KID, with(p, n, func(map[string]any) {}))
		}},
		{"ES256 header on an RSA signature", lti.ReasonAlg, FlowToken, func(p *Platform, n string) string {
			t := p.Sign(with(p, n, func(map[string]any) {}))
			parts := strings.Split(t, ".")
			return b64(map[string]any{"alg": "ES256", "kid": p.KID}) + "." + parts[1] + "." + parts[2]
		}},
		{"ES256 by an unknown EC key with the platform's kid", lti.ReasonAlg, FlowToken, func(p *Platform, n string) string {
			k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
			return SignWith(jose.ES256, k, map[jose.HeaderKey]any{"kid": p.KID}, with(p, n, func(map[string]any) {}))
		}},
		{"unknown kid", lti.ReasonKid, FlowToken, func(p *Platform, n string) string {
			return SignWith(jose.RS256, p.Key, map[jose.HeaderKey]any{"kid": "not-published"}, with(p, n, func(map[string]any) {}))
		}},
		{"no kid", lti.ReasonKid, FlowToken, func(p *Platform, n string) string {
			return SignWith(jose.RS256, p.Key, nil, with(p, n, func(map[string]any) {}))
		}},
		{"expired an hour ago", lti.ReasonExpired, FlowToken, signed(func(c map[string]any) {
			c["iat"] = c["iat"].(int64) - mins(65)
			c["exp"] = c["iat"].(int64) + mins(5)
		})},
		{"expired just beyond the skew", lti.ReasonExpired, FlowToken, func(p *Platform, n string) string {
			return p.Sign(with(p, n, func(c map[string]any) { c["iat"] = now(p) - mins(2); c["exp"] = now(p) - 45 }))
		}},
		{"no exp", lti.ReasonExpired, FlowToken, signed(func(c map[string]any) { delete(c, "exp") })},
		{"issued in the future", lti.ReasonIssuedAt, FlowToken, signed(func(c map[string]any) {
			c["iat"] = c["iat"].(int64) + mins(10)
			c["exp"] = c["iat"].(int64) + mins(5)
		})},
		{"issued two hours ago, still unexpired", lti.ReasonIssuedAt, FlowToken, signed(func(c map[string]any) {
			c["iat"] = c["iat"].(int64) - mins(120)
		})},
		{"no iat", lti.ReasonIssuedAt, FlowToken, signed(func(c map[string]any) { delete(c, "iat") })},
		{"not valid before ten minutes from now", lti.ReasonNotYet, FlowToken, signed(func(c map[string]any) {
			c["nbf"] = c["iat"].(int64) + mins(10)
		})},
		{"another issuer", lti.ReasonIssuer, FlowToken, signed(func(c map[string]any) { c["iss"] = "https://evil.example" })},
		{"no issuer", lti.ReasonIssuer, FlowToken, signed(func(c map[string]any) { delete(c, "iss") })},
		{"issuer with a trailing slash", lti.ReasonIssuer, FlowToken, func(p *Platform, n string) string {
			return p.Sign(with(p, n, func(c map[string]any) { c["iss"] = p.URL + "/" }))
		}},
		{"for another client id", lti.ReasonAudience, FlowToken, signed(func(c map[string]any) { c["aud"] = "someone-else" })},
		{"several audiences, none ours", lti.ReasonAudience, FlowToken, signed(func(c map[string]any) {
			c["aud"] = []string{"a", "b"}
		})},
		{"no aud", lti.ReasonAudience, FlowToken, signed(func(c map[string]any) { delete(c, "aud") })},
		{"several audiences without azp", lti.ReasonAZP, FlowToken, func(p *Platform, n string) string {
			return p.Sign(with(p, n, func(c map[string]any) { c["aud"] = []string{p.ClientID, "other-tool"} }))
		}},
		{"azp names another tool", lti.ReasonAZP, FlowToken, func(p *Platform, n string) string {
			return p.Sign(with(p, n, func(c map[string]any) { c["aud"] = []string{p.ClientID, "other-tool"}; c["azp"] = "other-tool" }))
		}},
		{"no nonce", lti.ReasonNonce, FlowToken, signed(func(c map[string]any) { delete(c, "nonce") })},
		{"a nonce the tool never sent", lti.ReasonNonce, FlowToken, signed(func(c map[string]any) { c["nonce"] = "made-up" })},
		{"nonce of an earlier login", lti.ReasonNonce, FlowOldNonce, func(p *Platform, n string) string {
			return p.Sign(with(p, n, func(map[string]any) {}))
		}},
		{"unregistered deployment", lti.ReasonDeployment, FlowToken, signed(func(c map[string]any) {
			c[lti.ClaimDeploymentID] = "deploy-unknown"
		})},
		{"no deployment_id", lti.ReasonDeployment, FlowToken, signed(func(c map[string]any) { delete(c, lti.ClaimDeploymentID) })},
		{"submission review message", lti.ReasonMessageType, FlowToken, signed(func(c map[string]any) {
			c[lti.ClaimMessageType] = "LtiSubmissionReviewRequest"
		})},
		{"no message_type", lti.ReasonMessageType, FlowToken, signed(func(c map[string]any) { delete(c, lti.ClaimMessageType) })},
		{"LTI 1.1 version", lti.ReasonVersion, FlowToken, signed(func(c map[string]any) { c[lti.ClaimVersion] = "1.1" })},
		{"no version", lti.ReasonVersion, FlowToken, signed(func(c map[string]any) { delete(c, lti.ClaimVersion) })},
		{"no sub", lti.ReasonClaims, FlowToken, signed(func(c map[string]any) { delete(c, "sub") })},
		{"no roles claim", lti.ReasonClaims, FlowToken, signed(func(c map[string]any) { delete(c, lti.ClaimRoles) })},
		{"no resource link", lti.ReasonClaims, FlowToken, signed(func(c map[string]any) { delete(c, lti.ClaimResourceLink) })},
		{"resource link without id", lti.ReasonClaims, FlowToken, signed(func(c map[string]any) {
			c[lti.ClaimResourceLink] = map[string]any{"title": "x"}
		})},
		{"deep linking without return URL", lti.ReasonClaims, FlowToken, func(p *Platform, n string) string {
			c := p.Claims("teacher-1", "dl", n)
			c[lti.ClaimDeepLinking] = map[string]any{"accept_types": []string{"ltiResourceLink"}}
			return p.Sign(c)
		}},
		{"roles is a string", lti.ReasonClaims, FlowToken, signed(func(c map[string]any) { c[lti.ClaimRoles] = RoleInstructor })},
		{"exp is a string", lti.ReasonClaims, FlowToken, signed(func(c map[string]any) { c["exp"] = "tomorrow" })},
		{"custom parameter is an object", lti.ReasonClaims, FlowToken, signed(func(c map[string]any) {
			c[lti.ClaimCustom] = map[string]any{"purposeful_kind": map[string]any{"x": 1}}
		})},
		{"payload is not JSON", lti.ReasonClaims, FlowToken, func(p *Platform, n string) string {
			return SignWith(jose.RS256, p.Key, map[jose.HeaderKey]any{"kid": p.KID}, json.RawMessage(`"just a string"`))
		}},
		{"payload is garbage bytes", lti.ReasonClaims, FlowToken, func(p *Platform, n string) string {
			s, _ := jose.NewSigner(jose.SigningKey{Algorithm: jose.RS256, Key: jose.JSONWebKey{Key: p.Key, KeyID: p.KID}}, nil)
			obj, _ := s.Sign([]byte("{\"iss\": \x00garbage"))
			out, _ := obj.CompactSerialize()
			return out
		}},
		{"oversized token", lti.ReasonSize, FlowToken, signed(func(c map[string]any) {
			c["https://example.com/padding"] = strings.Repeat("x", 70<<10)
		})},
		{"two segments only", lti.ReasonFormat, FlowToken, func(p *Platform, n string) string {
			t := p.Sign(with(p, n, func(map[string]any) {}))
			return t[:strings.LastIndexByte(t, '.')]
		}},
		{"header is not base64", lti.ReasonFormat, FlowToken, func(p *Platform, n string) string {
			t := p.Sign(with(p, n, func(map[string]any) {}))
			return "!!!" + t[3:]
		}},
		{"header is not JSON", lti.ReasonFormat, FlowToken, func(p *Platform, n string) string {
			t := p.Sign(with(p, n, func(map[string]any) {}))
			return b64("not json") + t[strings.IndexByte(t, '.'):]
		}},
		{"state from another browser", lti.ReasonState, FlowOtherBrowser, signed(func(map[string]any) {})},
		{"no binding cookie", lti.ReasonState, FlowNoCookie, signed(func(map[string]any) {})},
		{"state never issued", lti.ReasonState, FlowUnknownState, signed(func(map[string]any) {})},
		{"login expired before the launch", lti.ReasonState, FlowExpiredState, signed(func(map[string]any) {})},
		{"accepted launch posted again", lti.ReasonState, FlowReplay, signed(func(map[string]any) {})},
	}
	return fs
}
