// Package lti makes Purposeful an LTI 1.3 tool (LTI Advantage): the
// platform registrations an organisation keeps, the OIDC third-party
// login that starts every launch, the full verification of the launch's
// id_token, Deep Linking 2.0 responses, and the clients of Assignment and
// Grade Services (scores) and Names and Role Provisioning Services (the
// course roster).
//
// It is plain Go: no syscall/js, no files, no package-level work. Every
// outbound request goes through an [http.RoundTripper] the caller passes
// (net/http's on the local server, fetch on the Cloudflare Worker), and
// everything that must outlive a request (login state, used nonces,
// access tokens, queued scores) is kept by the caller's store; the API
// package (wasm/api) wires it to SQL.
//
// JOSE is done here on the standard library (crypto/rsa), limited to
// what LTI needs: compact JWS signed with RSA (RS256 as every platform
// uses, RS384/512 and PS256/384/512 too), JWK sets of RSA keys, RFC 7638
// thumbprints, and PKCS #1 and #8 RSA private keys. "none", HMAC, EC
// and anything else are refused. A general JOSE library and crypto/x509
// cost the Cloudflare worker about 200 KiB of gzip. The tests check it
// against go-jose, an independent implementation, and against ltijs.
//
//	keys, _ := lti.ParseKeySet(pemFromSecret, time.Now())
//	v := lti.Verifier{JWKS: &lti.JWKSCache{Transport: rt}}
//	launch, err := v.Verify(ctx, idToken, platform, nonceFromState)
//	var le *lti.Error
//	if errors.As(err, &le) { fmt.Println(le.Reason, le.Detail) } // "aud", "the token is for ..."
//
// See [Platform], [KeySet], [ParseLogin], [Verifier], [DeepLinkResponse]
// and [Services].
package lti
