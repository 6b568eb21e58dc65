package lti

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"
)

// JWKSCache fetches platforms' public keys and keeps them in memory. A
// key set is reused until TTL passes; a token signed with a kid the
// cached set lacks makes it fetch the set again, at most once per
// RefetchAfter, so a platform's key rotation is picked up at once while
// a flood of forged kids cannot make it hammer the platform. The zero
// value needs only Transport. Safe for concurrent use.
type JWKSCache struct {
	// Transport sends the requests (required).
	Transport http.RoundTripper
	// TTL is how long a fetched set is used (default 1 hour).
	TTL time.Duration
	// RefetchAfter is the least time between two fetches of one URL
	// (default 10 s).
	RefetchAfter time.Duration
	// MaxSets bounds the number of cached key sets (default 64); the
	// oldest fetched is dropped first.
	MaxSets int
	// Now returns the time (default time.Now).
	Now func() time.Time

	mu   sync.Mutex
	sets map[string]*cachedSet
}

type cachedSet struct {
	keys    []JWK
	fetched time.Time
}

// maxJWKSBytes bounds a platform's key set document.
const maxJWKSBytes = 256 << 10

func (c *JWKSCache) now() time.Time {
	if c.Now != nil {
		return c.Now()
	}
	return time.Now()
}

// Key returns the key kid of the set at url.
func (c *JWKSCache) Key(ctx context.Context, url, kid string) (*JWK, error) {
	ttl, again := c.TTL, c.RefetchAfter
	if ttl <= 0 {
		ttl = time.Hour
	}
	if again <= 0 {
		again = 10 * time.Second
	}
	now := c.now()
	c.mu.Lock()
	cs := c.sets[url]
	c.mu.Unlock()
	if cs != nil && now.Sub(cs.fetched) < ttl {
		if k := find(cs.keys, kid); k != nil {
			return k, nil
		}
		if now.Sub(cs.fetched) < again {
			return nil, refuse(ReasonKid, fmt.Sprintf("the platform's key set has no key %q", kid))
		}
	}
	set, err := c.fetch(ctx, url)
	if err != nil {
		if cs != nil && now.Sub(cs.fetched) < ttl {
			return nil, refuse(ReasonKid, fmt.Sprintf("the platform's key set has no key %q", kid))
		}
		return nil, &Error{Reason: ReasonJWKS, Detail: "the platform's key set could not be fetched: " + err.Error(), Err: err}
	}
	c.put(url, &cachedSet{keys: set, fetched: now})
	if k := find(set, kid); k != nil {
		return k, nil
	}
	return nil, refuse(ReasonKid, fmt.Sprintf("the platform's key set has no key %q", kid))
}

func (c *JWKSCache) put(url string, cs *cachedSet) {
	max := c.MaxSets
	if max <= 0 {
		max = 64
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sets == nil {
		c.sets = map[string]*cachedSet{}
	}
	if _, ok := c.sets[url]; !ok && len(c.sets) >= max {
		oldest := ""
		for u, s := range c.sets {
			if oldest == "" || s.fetched.Before(c.sets[oldest].fetched) {
				oldest = u
			}
		}
		delete(c.sets, oldest)
	}
	c.sets[url] = cs
}

func find(set []JWK, kid string) *JWK {
	for i := range set {
		k := &set[i]
		if k.KID == kid && (k.Use == "" || k.Use == "sig") {
			return k
		}
	}
	return nil
}

func (c *JWKSCache) fetch(ctx context.Context, url string) ([]JWK, error) {
	var set []JWK
	if c.Transport == nil {
		return set, errors.New("no transport configured")
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return set, err
	}
	req.Header.Set("Accept", "application/json")
	res, err := c.Transport.RoundTrip(req)
	if err != nil {
		return set, err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return set, fmt.Errorf("%s answered %d", url, res.StatusCode)
	}
	b, err := io.ReadAll(io.LimitReader(res.Body, maxJWKSBytes+1))
	if err != nil {
		return set, err
	}
	if len(b) > maxJWKSBytes {
		return set, errors.New("the key set is larger than 256 KiB")
	}
	// A key this package cannot use (another key type, a private part, a
	// short modulus) must not make the whole set fail: read the keys one
	// by one and keep the usable ones.
	var raw struct {
		Keys []json.RawMessage `json:"keys"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return set, fmt.Errorf("the key set is not JSON: %v", err)
	}
	for _, r := range raw.Keys {
		if k, err := parseJWK(r); err == nil {
			set = append(set, k)
		}
	}
	if len(set) == 0 {
		return set, errors.New("the key set has no usable public key")
	}
	return set, nil
}
