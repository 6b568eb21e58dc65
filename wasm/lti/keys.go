package lti

import (
	"crypto/rand"
	"crypto/rsa"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
	"time"
)

// SigningKey is one of the tool's private keys. The tool signs deep
// linking responses and service assertions with the current key; older
// keys stay published in the JWKS until they expire, so a platform that
// cached the old key set keeps verifying what was signed before the
// rotation.
type SigningKey struct {
	KID     string
	Alg     string // RS256 (the default when empty), RS384, RS512, PS256, PS384 or PS512
	Key     *rsa.PrivateKey
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

// ParseKeySet reads the tool's keys from PEM: one or more RSA private
// keys of 2048 to 8192 bits (PKCS #8 "PRIVATE KEY" or PKCS #1 "RSA
// PRIVATE KEY"; LTI platforms expect RS256). The first block is the
// signing key. A block may carry the headers "Kid" (default: the key's
// RFC 7638 thumbprint) and "Expires" (RFC 3339; a retired key is
// published until then). Keys already expired at now are dropped.
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
			k.KID = thumbprint(&k.Key.PublicKey)
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
	var k *rsa.PrivateKey
	var err error
	switch b.Type {
	case "RSA PRIVATE KEY":
		k, err = parsePKCS1(b.Bytes)
	case "PRIVATE KEY":
		k, err = parsePKCS8(b.Bytes)
	default:
		err = fmt.Errorf("a %q block cannot sign LTI messages (use an RSA key in a PRIVATE KEY or RSA PRIVATE KEY block)", b.Type)
	}
	if err != nil {
		return SigningKey{}, err
	}
	if err := checkRSA(&k.PublicKey); err != nil {
		return SigningKey{}, err
	}
	return SigningKey{Alg: "RS256", Key: k}, nil
}

// EncodeKey writes a private key as a PKCS #8 PEM block with its Kid
// and, when set, Expires header: the format [ParseKeySet] reads.
func EncodeKey(k SigningKey) ([]byte, error) {
	if k.Key == nil {
		return nil, ErrNoKey
	}
	h := map[string]string{}
	if k.KID != "" {
		h["Kid"] = k.KID
	}
	if !k.Expires.IsZero() {
		h["Expires"] = rfc3339(k.Expires)
	}
	der, err := marshalPKCS8(k.Key)
	if err != nil {
		return nil, err
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
	set := struct {
		Keys []jwkJSON `json:"keys"`
	}{Keys: []jwkJSON{}}
	for _, k := range ks.Keys {
		if !k.Expires.IsZero() && !k.Expires.After(now) {
			continue
		}
		j := publicJWK(&k.Key.PublicKey)
		j.Kid, j.Alg, j.Use = k.KID, k.alg(), "sig"
		set.Keys = append(set.Keys, j)
	}
	return json.Marshal(set)
}

// alg is the key's algorithm: Alg, or by default RS256.
func (k SigningKey) alg() string {
	if k.Alg != "" {
		return k.Alg
	}
	return "RS256"
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
	return signCompact(k.Key, k.alg(), k.KID, payload)
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
	return EncodeKey(SigningKey{KID: kid, Alg: "RS256", Key: k, Expires: expires})
}
