package api

import (
	"errors"
	"net/http"
	"strings"

	"github.com/purposefulcx/purposeful/wasm/store"
)

// authMode says what credentials a route needs.
type authMode uint8

const (
	authNone     authMode = iota // anyone
	authOptional                 // anyone; an org key, if sent, must be valid
	authOrg                      // an organisation API key
	authCreate                   // an org key, or none when Config.PublicOrg is set
	authWorkshop                 // a token of the workshop in the path, or its org's key
	authRole                     // an org key, or a role token of one of its people
	authLTI                      // the session token of an LTI launch (the handler looks it up)
)

// principal is who is calling.
type principal struct {
	org   string      // organisation, for keys and workshop tokens
	key   bool        // authenticated with an org API key
	token store.Token // workshop token (Role empty when none)
	// roleHash is the hash of a role token (authRole). The handler looks
	// the person up (accWho), so that recording an observation can fold
	// that lookup into its one read.
	roleHash string
}

func (p principal) facilitator() bool { return p.key || p.token.Role == store.RoleFacilitator }

// errNoStore answers routes that need the database when none is set.
func errNoStore() *Problem {
	return problem(http.StatusServiceUnavailable, TypeUnavailable, "this server has no database configured")
}

// authenticate checks the Bearer credential against the route's needs.
func (c *call) authenticate(mode authMode) error {
	cred, sent := bearer(c.r)
	if sent && cred == "" {
		return unauthorized("the Authorization header must be \"Bearer <key or token>\"")
	}
	switch mode {
	case authNone:
		return nil
	case authOptional, authOrg, authCreate:
		if !sent {
			switch {
			case mode == authOptional:
				return nil
			case mode == authCreate && c.h.cfg.PublicOrg != "":
				c.who.org = c.h.cfg.PublicOrg
				return nil
			}
			return unauthorized("this route needs an organisation API key")
		}
		org, ok := c.h.checkAPIKey(cred)
		if !ok {
			return unauthorized("the API key is not valid")
		}
		c.who = principal{org: org, key: true}
		return nil
	case authWorkshop:
		if !sent {
			return unauthorized("this route needs a workshop token or an organisation API key")
		}
		if org, ok := c.h.checkAPIKey(cred); ok {
			c.who = principal{org: org, key: true}
			return nil
		}
		if len(cred) < len(tokenPrefix)+40 || cred[:len(tokenPrefix)] != tokenPrefix {
			return unauthorized("the token is not valid")
		}
		s := c.h.cfg.Store
		if s == nil {
			return errNoStore()
		}
		t, err := s.TokenByHash(c.r.Context(), c.params[0], hashHex(cred))
		if errors.Is(err, store.ErrNotFound) {
			return unauthorized("the token is not valid for this workshop")
		}
		if err != nil {
			return err
		}
		if err := c.checkToken(t); err != nil {
			return err
		}
		c.who = principal{org: t.Org, token: t}
		return nil
	case authRole:
		if !sent {
			return unauthorized("this route needs an organisation API key or a role token")
		}
		if org, ok := c.h.checkAPIKey(cred); ok {
			c.who = principal{org: org, key: true}
			return nil
		}
		if !strings.HasPrefix(cred, roleTokenPrefix) || len(cred) < len(roleTokenPrefix)+40 {
			return unauthorized("the key or token is not valid")
		}
		if c.h.cfg.Store == nil {
			return errNoStore()
		}
		c.who = principal{roleHash: hashHex(cred)}
		return nil
	case authLTI:
		if !strings.HasPrefix(cred, sessionPrefix) || len(cred) < len(sessionPrefix)+40 {
			return unauthorized("this route needs the session token of an LTI launch")
		}
		return nil
	}
	return unauthorized("")
}

// checkToken refuses a revoked or expired token, and renews one that has
// used half its life while its workshop is open.
func (c *call) checkToken(t store.Token) error {
	now := c.h.now()
	switch {
	case t.Revoked:
		return unauthorized("the facilitator removed this member from the workshop")
	case t.ExpiresAt <= now:
		return unauthorized("the token has expired; join the workshop again")
	}
	ttl := c.h.cfg.TokenTTL.Milliseconds()
	if t.ExpiresAt-now < ttl/2 {
		return c.h.cfg.Store.RenewToken(c.r.Context(), t.Hash, now+ttl)
	}
	return nil
}
