package api

import (
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// Token prefixes tell the kinds of Bearer credentials apart.
const (
	apiKeyPrefix = "pfk_" // organisation API key: pfk_<id>_<secret>
	tokenPrefix  = "pft_" // workshop token (facilitator or participant)
)

// APIKey is an organisation's API key as configured: its id (the public
// part of the key) and the SHA-256 of the whole key, hex encoded. The key
// itself is never stored.
type APIKey struct {
	Org  string
	ID   string
	Hash string
}

// ErrBadKeyList is returned by [ParseAPIKeys] for a malformed list.
var ErrBadKeyList = errors.New("api: malformed API key list")

// NewAPIKey makes a new key for org from random (crypto/rand when nil). It
// returns the key, to hand to the organisation once, and the [APIKey] to
// configure.
func NewAPIKey(org string, random io.Reader) (string, APIKey, error) {
	if random == nil {
		random = rand.Reader
	}
	var id [6]byte
	var secret [32]byte
	if _, err := io.ReadFull(random, id[:]); err != nil {
		return "", APIKey{}, err
	}
	if _, err := io.ReadFull(random, secret[:]); err != nil {
		return "", APIKey{}, err
	}
	kid := hex.EncodeToString(id[:])
	key := apiKeyPrefix + kid + "_" + base64.RawURLEncoding.EncodeToString(secret[:])
	return key, APIKey{Org: org, ID: kid, Hash: hashHex(key)}, nil
}

// String formats the key as one entry of the list [ParseAPIKeys] reads.
func (k APIKey) String() string { return k.Org + ":" + k.ID + ":" + k.Hash }

// ParseAPIKeys reads a comma-separated list of "org:id:sha256hex" entries
// (the PURPOSEFUL_API_KEYS setting).
func ParseAPIKeys(s string) ([]APIKey, error) {
	var out []APIKey
	for i, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		parts := strings.Split(f, ":")
		if len(parts) != 3 || parts[0] == "" || parts[1] == "" || len(parts[2]) != 64 {
			return nil, fmt.Errorf("%w: entry %d", ErrBadKeyList, i)
		}
		if _, err := hex.DecodeString(parts[2]); err != nil {
			return nil, fmt.Errorf("%w: entry %d: hash is not hex", ErrBadKeyList, i)
		}
		out = append(out, APIKey{Org: parts[0], ID: parts[1], Hash: strings.ToLower(parts[2])})
	}
	return out, nil
}

func hashHex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// bearer returns the Bearer credential of r, or "".
func bearer(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	if h == "" {
		return "", false
	}
	scheme, cred, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", true
	}
	return strings.TrimSpace(cred), true
}

// checkAPIKey finds the organisation of key. The hash comparison runs in
// constant time and is made even for unknown ids, so timing does not tell
// a caller which ids exist.
func (h *handler) checkAPIKey(key string) (string, bool) {
	rest, ok := strings.CutPrefix(key, apiKeyPrefix)
	if !ok {
		return "", false
	}
	id, _, _ := strings.Cut(rest, "_")
	sum := sha256.Sum256([]byte(key))
	org, found := "", false
	for _, k := range h.cfg.APIKeys {
		want, err := hex.DecodeString(k.Hash)
		if err != nil || len(want) != len(sum) {
			continue
		}
		eq := subtle.ConstantTimeCompare(sum[:], want) == 1
		if eq && k.ID == id && !found {
			org, found = k.Org, true
		}
	}
	return org, found
}

// newSecret returns a token with prefix and 256 random bits.
func (h *handler) newSecret(prefix string) (string, error) {
	var b [32]byte
	if _, err := io.ReadFull(h.random(), b[:]); err != nil {
		return "", err
	}
	return prefix + base64.RawURLEncoding.EncodeToString(b[:]), nil
}

// newID returns a random id of 128 bits, hex encoded.
func (h *handler) newID() (string, error) {
	var b [16]byte
	if _, err := io.ReadFull(h.random(), b[:]); err != nil {
		return "", err
	}
	return hex.EncodeToString(b[:]), nil
}

// newUUID returns a random (version 4) UUID.
func (h *handler) newUUID() (string, error) {
	var b [16]byte
	if _, err := io.ReadFull(h.random(), b[:]); err != nil {
		return "", err
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	x := hex.EncodeToString(b[:])
	return x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:], nil
}

// Join codes: 8 characters from an alphabet without look-alikes (no 0/O,
// 1/I/L, U), shown as XXXX-XXXX: about 39 bits (30^8), typed easily on a phone.
const codeAlphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789"

func (h *handler) newJoinCode() (string, error) {
	var b [8]byte
	out := make([]byte, 0, 9)
	for len(out) < 9 {
		if _, err := io.ReadFull(h.random(), b[:]); err != nil {
			return "", err
		}
		for _, c := range b {
			if c >= 240 { // 240 = 8*30: keep the choice uniform
				continue
			}
			if len(out) == 4 {
				out = append(out, '-')
			}
			out = append(out, codeAlphabet[int(c)%len(codeAlphabet)])
			if len(out) == 9 {
				break
			}
		}
	}
	return string(out), nil
}

// normalizeCode folds what a person typed to the stored form: upper case,
// separators dropped, look-alikes mapped (O->0 is not in the alphabet, so
// O stays invalid). It returns "" when the code cannot be valid.
func normalizeCode(s string) string {
	var out []byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '-' || c == ' ':
			continue
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		}
		if strings.IndexByte(codeAlphabet, c) < 0 {
			return ""
		}
		out = append(out, c)
		if len(out) > 8 {
			return ""
		}
	}
	if len(out) != 8 {
		return ""
	}
	return string(out[:4]) + "-" + string(out[4:])
}
