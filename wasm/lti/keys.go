package lti

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
	"time"

	jose "github.com/go-jose/go-jose/v4"
)

// SigningKey is one of the tool's private keys. The tool signs deep
// linking responses and service assertions with the current key; older
// keys stay published in the JWKS until they expire, so a platform that
// cached the old key set keeps verifying what was signed before the
// rotation.
type SigningKey struct {
	KID     string
	Alg     jose.SignatureAlgorithm // RS256 for RSA, ES256 or ES384 for EC
	Key     crypto.Signer
	Expires time.Time // zero: never (the current key)
}

// KeySet is the tool's keys: Keys[0] signs, every unexpired key is
// published. Build it with [ParseKeySet].
type KeySet struct {
	Keys []SigningKey
}

// Errors of [ParseKeySet].
var (
	ErrNoKey  = errors.New("lti: no private key in the key material")
	ErrBadKey = errors.New("lti: unusable private key")
)

// ParseKeySet reads the tool's keys from PEM: one or more private keys
// (PKCS #8, PKCS #1 RSA or SEC 1 EC). The first block is the signing key.
// A block may carry the headers "Kid" (default: the key's RFC 7638
// thumbprint) and "Expires" (RFC 3339; a retired key is published until
// then). Keys already expired at now are dropped; RSA keys need at least
// 2048 bits, EC keys P-256 or P-384.
//
//	-----BEGIN PRIVATE KEY-----
//	Kid: 2027-01
//	Expires: 2027-03-01T00:00:00Z
//
//	MIIEv...
func ParseKeySet(data []byte, now time.Time) (KeySet, error) {
	var ks KeySet
	n := 0
	for {
		var b *pem.Block
		b, data = pem.Decode(data)
		if b == nil {
			break
		}
		if !strings.Contains(b.Type, "PRIVATE KEY") {
			continue
		}
		n++
		k, err := parsePrivate(b)
		if err != nil {
			return KeySet{}, fmt.Errorf("%w: block %d: %v", ErrBadKey, n, err)
		}
		if v := b.Headers["Expires"]; v != "" {
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				return KeySet{}, fmt.Errorf("%w: block %d: Expires is not an RFC 3339 time", ErrBadKey, n)
			}
			k.Expires = t
		}
		if k.KID = b.Headers["Kid"]; k.KID == "" {
			k.KID, err = thumbprint(k.Key.Public())
			if err != nil {
				return KeySet{}, fmt.Errorf("%w: block %d: %v", ErrBadKey, n, err)
			}
		}
		if !k.Expires.IsZero() && !k.Expires.After(now) {
			if len(ks.Keys) == 0 && n == 1 {
				return KeySet{}, fmt.Errorf("%w: the first (signing) key expired on %s", ErrBadKey, rfc3339(k.Expires))
			}
			continue
		}
		for _, o := range ks.Keys {
			if o.KID == k.KID {
				return KeySet{}, fmt.Errorf("%w: block %d: kid %q is used twice", ErrBadKey, n, k.KID)
			}
		}
		ks.Keys = append(ks.Keys, k)
	}
	if len(ks.Keys) == 0 {
		return KeySet{}, ErrNoKey
	}
	return ks, nil
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func parsePrivate(b *pem.Block) (SigningKey, error) {
	var raw any
	var err error
	switch b.Type {
	case "RSA PRIVATE KEY":
		raw, err = x509.ParsePKCS1PrivateKey(b.Bytes)
	case "EC PRIVATE KEY":
		raw, err = x509.ParseECPrivateKey(b.Bytes)
	default:
		raw, err = x509.ParsePKCS8PrivateKey(b.Bytes)
	}
	if err != nil {
		return SigningKey{}, err
	}
	switch k := raw.(type) {
	case *rsa.PrivateKey:
		if k.N.BitLen() < 2048 {
			return SigningKey{}, errors.New("RSA keys need at least 2048 bits")
		}
		return SigningKey{Alg: jose.RS256, Key: k}, nil
	case *ecdsa.PrivateKey:
		switch k.Curve {
		case elliptic.P256():
			return SigningKey{Alg: jose.ES256, Key: k}, nil
		case elliptic.P384():
			return SigningKey{Alg: jose.ES384, Key: k}, nil
		}
		return SigningKey{}, errors.New("EC keys must be on P-256 or P-384")
	}
	return SigningKey{}, fmt.Errorf("a %T cannot sign LTI messages (use RSA or EC)", raw)
}

func thumbprint(pub crypto.PublicKey) (string, error) {
	j := jose.JSONWebKey{Key: pub}
	t, err := j.Thumbprint(crypto.SHA256)
	if err != nil {
		return "", err
	}
	return base64.RawURLEncoding.EncodeToString(t), nil
}

// EncodeKey writes a private key as a PEM block with its Kid and, when
// set, Expires header: the format [ParseKeySet] reads.
func EncodeKey(k SigningKey) ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(k.Key)
	if err != nil {
		return nil, err
	}
	h := map[string]string{}
	if k.KID != "" {
		h["Kid"] = k.KID
	}
	if !k.Expires.IsZero() {
		h["Expires"] = rfc3339(k.Expires)
	}
	return pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Headers: h, Bytes: der}), nil
}

// Current is the signing key.
func (ks KeySet) Current() SigningKey {
	if len(ks.Keys) == 0 {
		return SigningKey{}
	}
	return ks.Keys[0]
}

// JWKS returns the public keys not expired at now as a JSON Web Key Set,
// each with its kid, alg and use "sig".
func (ks KeySet) JWKS(now time.Time) ([]byte, error) {
	set := jose.JSONWebKeySet{Keys: []jose.JSONWebKey{}}
	for _, k := range ks.Keys {
		if !k.Expires.IsZero() && !k.Expires.After(now) {
			continue
		}
		set.Keys = append(set.Keys, jose.JSONWebKey{Key: k.Key.Public(), KeyID: k.KID, Algorithm: string(k.Alg), Use: "sig"})
	}
	return json.Marshal(set)
}

// Sign signs claims (any JSON-marshalable value) with k as a compact JWS
// of type JWT, with k's kid in the header.
func (k SigningKey) Sign(claims any) (string, error) {
	if k.Key == nil {
		return "", ErrNoKey
	}
	payload, err := json.Marshal(claims)
	if err != nil {
		return "", err
	}
	s, err := jose.NewSigner(jose.SigningKey{Algorithm: k.Alg, Key: jose.JSONWebKey{Key: k.Key, KeyID: k.KID}},
		(&jose.SignerOptions{}).WithType("JWT"))
	if err != nil {
		return "", err
	}
	obj, err := s.Sign(payload)
	if err != nil {
		return "", err
	}
	return obj.CompactSerialize()
}

// GenerateKey makes a new RSA 2048 signing key and returns it as PEM with
// its Kid (and Expires, when set) headers, ready for [ParseKeySet]. To
// rotate, put the new key first and the old one after it with an Expires
// header a few days ahead.
func GenerateKey(kid string, expires time.Time) ([]byte, error) {
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	return EncodeKey(SigningKey{KID: kid, Alg: jose.RS256, Key: k, Expires: expires})
}
