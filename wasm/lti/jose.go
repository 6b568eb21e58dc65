package lti

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"strings"
)

// This file is the part of JOSE (RFC 7515 JWS, RFC 7517 JWK, RFC 7518
// algorithms, RFC 7638 thumbprints) that LTI 1.3 needs, on the standard
// library: compact JWS and RSA keys only. LTI platforms sign with RS256;
// the other RSA algorithms cost nothing more and are accepted too. A general JOSE
// library, with ECDSA and crypto/x509, cost the worker about 200 KiB of
// its 2.5 MB gzip budget for features LTI does not use (JWE, HMAC, EC
// and Ed25519 keys, the JSON serialization, x5c chains).

// JWK is a public key read from a platform's key set.
type JWK struct {
	KID string
	Alg string // the algorithm the key is restricted to, or "" for any that fits
	Use string // "sig", or "" when the set does not say
	Key *rsa.PublicKey
}

// jwsAlg is an algorithm a JWS may be signed with.
type jwsAlg struct {
	hash crypto.Hash
	pss  bool // RSASSA-PSS, else RSASSA-PKCS1-v1_5
}

// algorithm returns the JWS algorithm name, or false for any this
// package refuses: "none", HMAC (a forger could key it with the
// platform's public key), ECDSA, EdDSA and anything unknown.
func algorithm(name string) (jwsAlg, bool) {
	switch name {
	case "RS256":
		return jwsAlg{crypto.SHA256, false}, true
	case "RS384":
		return jwsAlg{crypto.SHA384, false}, true
	case "RS512":
		return jwsAlg{crypto.SHA512, false}, true
	case "PS256":
		return jwsAlg{crypto.SHA256, true}, true
	case "PS384":
		return jwsAlg{crypto.SHA384, true}, true
	case "PS512":
		return jwsAlg{crypto.SHA512, true}, true
	}
	return jwsAlg{}, false
}

func (a jwsAlg) digest(data string) []byte {
	switch a.hash {
	case crypto.SHA384:
		d := sha512.Sum384([]byte(data))
		return d[:]
	case crypto.SHA512:
		d := sha512.Sum512([]byte(data))
		return d[:]
	}
	d := sha256.Sum256([]byte(data))
	return d[:]
}

// verify checks sig over signingInput with key under a.
func (a jwsAlg) verify(key *rsa.PublicKey, signingInput string, sig []byte) error {
	d := a.digest(signingInput)
	if a.pss { // RFC 7518 3.5: the salt is as long as the hash
		return rsa.VerifyPSS(key, a.hash, d, sig, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
	}
	return rsa.VerifyPKCS1v15(key, a.hash, d, sig)
}

// sign signs signingInput with key under a.
func (a jwsAlg) sign(key *rsa.PrivateKey, signingInput string) ([]byte, error) {
	d := a.digest(signingInput)
	if a.pss {
		return rsa.SignPSS(rand.Reader, key, a.hash, d, &rsa.PSSOptions{SaltLength: rsa.PSSSaltLengthEqualsHash})
	}
	return rsa.SignPKCS1v15(rand.Reader, key, a.hash, d)
}

// b64 is the encoding of every JOSE segment and key member: unpadded
// base64url, decoded strictly (one encoding per value).
var b64 = base64.RawURLEncoding.Strict()

// compactJWS is a compact JWS split into its parts, not yet verified.
type compactJWS struct {
	header       Header
	signingInput string // header.payload, as received
	payload      []byte
	signature    []byte
}

// parseCompact splits and decodes header.payload.signature. Each
// segment must be unpadded base64url in its one canonical form.
func parseCompact(raw string) (compactJWS, error) {
	var j compactJWS
	h, rest, ok1 := strings.Cut(raw, ".")
	p, s, ok2 := strings.Cut(rest, ".")
	if !ok1 || !ok2 || strings.Contains(s, ".") {
		return j, errors.New("the token is not a compact JWS (header.payload.signature)")
	}
	hb, err := b64.DecodeString(h)
	if err != nil {
		return j, errors.New("the token's header is not base64url")
	}
	if j.header, err = parseHeader(hb); err != nil {
		return j, err
	}
	if j.payload, err = b64.DecodeString(p); err != nil {
		return j, errors.New("the token's payload is not base64url")
	}
	if j.signature, err = b64.DecodeString(s); err != nil {
		return j, errors.New("the token's signature is not base64url")
	}
	j.signingInput = raw[:len(h)+1+len(p)]
	return j, nil
}

// parseHeader reads a JWS protected header. Member names are matched
// exactly (encoding/json alone would let "ALG" stand for "alg"), a name
// given twice is refused (two readers could pick different ones), and so
// is "crit": this package implements no header extension.
func parseHeader(b []byte) (Header, error) {
	var h Header
	bad := errors.New("the token's header is not a JSON object")
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return h, bad
	}
	seen := map[string]bool{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return h, bad
		}
		name, _ := t.(string)
		if seen[name] {
			return h, fmt.Errorf("the token's header gives %q twice", name)
		}
		seen[name] = true
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return h, bad
		}
		var dst *string
		switch name {
		case "alg":
			dst = &h.Alg
		case "kid":
			dst = &h.Kid
		case "typ":
			dst = &h.Typ
		case "crit":
			return h, errors.New("the token's header has critical extensions (crit), which are not supported")
		default:
			continue
		}
		if err := json.Unmarshal(v, dst); err != nil {
			return h, fmt.Errorf("the token's header member %q is not a string", name)
		}
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('}') {
		return h, bad
	}
	if _, err := dec.Token(); err == nil {
		return h, errors.New("the token's header has data after its JSON object")
	}
	return h, nil
}

// signCompact makes a compact JWS of payload with typ JWT and kid.
func signCompact(key *rsa.PrivateKey, alg, kid string, payload []byte) (string, error) {
	a, ok := algorithm(alg)
	if !ok {
		return "", fmt.Errorf("lti: cannot sign with algorithm %q", alg)
	}
	header, err := json.Marshal(struct {
		Alg string `json:"alg"`
		Kid string `json:"kid,omitempty"`
		Typ string `json:"typ"`
	}{alg, kid, "JWT"})
	if err != nil {
		return "", err
	}
	input := b64.EncodeToString(header) + "." + b64.EncodeToString(payload)
	sig, err := a.sign(key, input)
	if err != nil {
		return "", fmt.Errorf("lti: signing with %s: %w", alg, err)
	}
	return input + "." + b64.EncodeToString(sig), nil
}

// jwkJSON is a JWK's members as published and read: for RSA n and e.
// The members of private keys (d, p, q, dp, dq, qi, oth) and of
// symmetric ones (k) are only read to refuse such keys.
type jwkJSON struct {
	Kty string `json:"kty"`
	Kid string `json:"kid,omitempty"`
	Use string `json:"use,omitempty"`
	Alg string `json:"alg,omitempty"`
	N   string `json:"n,omitempty"`
	E   string `json:"e,omitempty"`
	D   string `json:"d,omitempty"`
	K   string `json:"k,omitempty"`
}

// RSA modulus sizes accepted, from a platform and for the tool's own
// keys. 2048 bits is the least current guidance allows; 8192 bounds the
// cost of a check.
const (
	minRSABits = 2048
	maxRSABits = 8192
)

// checkRSA refuses a public key outside the sizes above or with an
// exponent crypto/rsa would not use.
func checkRSA(k *rsa.PublicKey) error {
	if bits := k.N.BitLen(); bits < minRSABits || bits > maxRSABits {
		return fmt.Errorf("an RSA key of %d bits is not accepted (%d-%d bits are)", bits, minRSABits, maxRSABits)
	}
	if k.E < 3 || k.E&1 == 0 || k.E > 1<<31-1 {
		return errors.New("the RSA key's public exponent is not usable")
	}
	return nil
}

// parseJWK reads one public key of a key set. Private keys, symmetric
// keys, key types other than RSA and moduli outside 2048-8192 bits are
// an error.
func parseJWK(raw []byte) (JWK, error) {
	var j jwkJSON
	if err := json.Unmarshal(raw, &j); err != nil {
		return JWK{}, err
	}
	if j.D != "" || j.K != "" {
		return JWK{}, errors.New("not a public key")
	}
	if j.Kty != "RSA" {
		return JWK{}, fmt.Errorf("the key type %q is not supported (RSA is)", j.Kty)
	}
	n, err1 := b64.DecodeString(j.N)
	e, err2 := b64.DecodeString(j.E)
	if err1 != nil || err2 != nil || len(e) == 0 || len(e) > 4 {
		return JWK{}, errors.New("the RSA key's n or e is not base64url")
	}
	pub := &rsa.PublicKey{N: new(big.Int).SetBytes(n)}
	for _, c := range e {
		pub.E = pub.E<<8 | int(c)
	}
	if err := checkRSA(pub); err != nil {
		return JWK{}, err
	}
	return JWK{KID: j.Kid, Alg: j.Alg, Use: j.Use, Key: pub}, nil
}

// publicJWK is the JWK of k's public members.
func publicJWK(k *rsa.PublicKey) jwkJSON {
	e := big.NewInt(int64(k.E)).Bytes()
	return jwkJSON{Kty: "RSA", N: b64.EncodeToString(k.N.Bytes()), E: b64.EncodeToString(e)}
}

// thumbprint is the RFC 7638 SHA-256 thumbprint of k, base64url: the
// hash of the key's required members, in name order, without spaces.
func thumbprint(k *rsa.PublicKey) string {
	j := publicJWK(k)
	d := sha256.Sum256([]byte(`{"e":"` + j.E + `","kty":"RSA","n":"` + j.N + `"}`))
	return b64.EncodeToString(d[:])
}
