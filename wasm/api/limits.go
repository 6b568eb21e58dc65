package api

import (
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/wasm/store"
)

// Windows of the rate limits.
const (
	failWindow   = 15 * time.Minute // wrong join codes
	slowWindow   = 30 * time.Second // one checked try of a blocked client
	joinWindow   = 10 * time.Minute // successful joins per client and workshop
	createWindow = 10 * time.Minute // creations per client and organisation
)

// clientKey identifies the caller for rate limiting, hashed so no address
// is stored. An IPv6 address counts as its /64, which one subscriber
// usually holds whole.
func (c *call) clientKey() string {
	ip := ""
	if hd := c.h.cfg.ClientIPHeader; hd != "" {
		ip = strings.TrimSpace(c.r.Header.Get(hd))
	}
	if ip == "" {
		ip = c.r.RemoteAddr
		if host, _, err := net.SplitHostPort(ip); err == nil {
			ip = host
		}
	}
	if a := net.ParseIP(ip); a != nil {
		if a.To4() == nil {
			ip = a.Mask(net.CIDRMask(64, 128)).String() + "/64"
		} else {
			ip = a.String()
		}
	}
	return hashHex("client:" + ip)[:32]
}

// throttle records a hit of key in scope; over limit hits in the sliding
// window, it answers 429 with the seconds until a hit leaves the window.
func (c *call) throttle(scope, key string, window time.Duration, limit int, msg string) error {
	now := c.h.now()
	ok, err := c.h.cfg.Store.Hit(c.r.Context(), scope, key, now, now-window.Milliseconds(), limit)
	if err != nil || ok {
		return err
	}
	return c.tooMany(scope, window, msg)
}

// tooMany is the 429 answer of scope, with Retry-After.
func (c *call) tooMany(scope string, window time.Duration, msg string) error {
	now := c.h.now()
	retry := int64(1)
	if _, oldest, err := c.h.cfg.Store.Hits(c.r.Context(), scope, now-window.Milliseconds()); err == nil && oldest > 0 {
		retry = max(1, (oldest+window.Milliseconds()-now+999)/1000)
	}
	c.w.Header().Set("Retry-After", strconv.FormatInt(retry, 10))
	return problem(http.StatusTooManyRequests, TypeTooManyRequests, msg)
}

// checkCode finds the open workshop with the join code. Different wrong
// codes from one client are limited (the same one again counts once, as a
// room repeats a typo); a client over the limit still has one try checked
// every 30 s, so the right code gets in while guessing stays slow.
func (c *call) checkCode(client, code string) (store.Workshop, error) {
	s := c.h.cfg.Store
	ctx := c.r.Context()
	now := c.h.now()
	fails := "join-fail:" + client
	const msg = "too many wrong join codes from this client; try again later"
	n, _, err := s.Hits(ctx, fails, now-failWindow.Milliseconds())
	if err != nil {
		return store.Workshop{}, err
	}
	if n >= c.h.cfg.JoinFailureLimit {
		if err := c.throttle("join-slow:"+client, "try", slowWindow, 1, msg); err != nil {
			return store.Workshop{}, err
		}
	}
	w, err := s.WorkshopByCode(ctx, code)
	if errors.Is(err, store.ErrNotFound) {
		if err := c.throttle(fails, hashHex(code)[:16], failWindow, c.h.cfg.JoinFailureLimit, msg); err != nil {
			return w, err
		}
		return w, notFound("no open workshop has this join code")
	}
	return w, err
}

// checkCreate limits creations per organisation, and per client for
// creations without a key.
func (c *call) checkCreate(id string) error {
	if !c.who.key {
		if err := c.throttle("create:"+c.clientKey(), id, createWindow, c.h.cfg.CreatesPerAddress,
			"too many workshops created from this client; try again later"); err != nil {
			return err
		}
	}
	return c.throttle("create-org:"+c.who.org, id, createWindow, c.h.cfg.CreatesPerOrg,
		"too many workshops created by this organisation; try again later")
}
