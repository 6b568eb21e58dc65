package lti

import "errors"

// Reason names the check a launch failed. Each [Error] carries one, so a
// rejection page and a test can say exactly what was wrong.
type Reason string

// Reasons a launch or a login is refused.
const (
	ReasonSize        Reason = "size"          // the token is larger than MaxTokenBytes
	ReasonFormat      Reason = "format"        // not a compact JWS
	ReasonAlg         Reason = "alg"           // none, HMAC, or an algorithm not allowed
	ReasonKid         Reason = "kid"           // no kid, or no such key in the platform's JWKS
	ReasonJWKS        Reason = "jwks"          // the platform's JWKS could not be fetched or read
	ReasonSignature   Reason = "signature"     // the signature does not verify
	ReasonClaims      Reason = "claims"        // the payload or a claim is not what LTI requires
	ReasonIssuer      Reason = "iss"           // another issuer than the registered platform
	ReasonAudience    Reason = "aud"           // not addressed to our client id
	ReasonAZP         Reason = "azp"           // several audiences without azp, or azp not ours
	ReasonExpired     Reason = "exp"           // expired
	ReasonIssuedAt    Reason = "iat"           // issued in the future
	ReasonNotYet      Reason = "nbf"           // not valid yet
	ReasonNonce       Reason = "nonce"         // missing, not the one sent, or used before
	ReasonDeployment  Reason = "deployment_id" // missing or not registered
	ReasonMessageType Reason = "message_type"  // not a message this tool handles
	ReasonVersion     Reason = "version"       // not LTI 1.3.0
	ReasonState       Reason = "state"         // unknown, expired, used, or from another browser
	ReasonPlatform    Reason = "platform"      // no registration for this issuer and client id
	ReasonLogin       Reason = "login"         // a login initiation parameter is missing or wrong
)

// Error is a refused login or launch: the check that failed and one
// sentence that says why.
type Error struct {
	Reason Reason
	Detail string
	Err    error // the underlying error, if any
}

func (e *Error) Error() string { return "lti: " + string(e.Reason) + ": " + e.Detail }

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error { return e.Err }

func refuse(r Reason, detail string) *Error { return &Error{Reason: r, Detail: detail} }

// ReasonOf returns the reason of an [*Error] in err's chain, or "".
func ReasonOf(err error) Reason {
	var e *Error
	if errors.As(err, &e) {
		return e.Reason
	}
	return ""
}

// Errors of the service clients.
var (
	// ErrService: the platform refused a service request for good (a 4xx
	// other than 401 and 429); retrying the same request will not help.
	ErrService = errors.New("lti: the platform refused the request")
	// ErrUnavailable: the platform could not be reached or answered 5xx or
	// 429; the request may be retried later.
	ErrUnavailable = errors.New("lti: the platform is unavailable")
)
