package lti

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Service scopes.
const (
	ScopeScore      = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
	ScopeLineItem   = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"
	ScopeMembership = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"
)

// TokenStore keeps access tokens between requests (the API keeps them in
// SQL, so every worker instance shares them).
type TokenStore interface {
	// Token returns the unexpired token for platform and scope, or "".
	Token(ctx context.Context, platformID, scope string, now time.Time) (string, error)
	// PutToken keeps a token until expires.
	PutToken(ctx context.Context, platformID, scope, token string, expires time.Time) error
	// DropToken forgets a token the platform no longer accepts.
	DropToken(ctx context.Context, platformID, scope string) error
}

// Services calls a platform's LTI Advantage services as this tool: it
// gets an access token with the client-credentials grant and a signed
// JWT assertion, keeps it in Tokens until it expires, and uses it for
// scores (AGS) and the course roster (NRPS).
type Services struct {
	Platform  Platform
	Key       SigningKey        // the tool's current signing key
	Transport http.RoundTripper // required
	Tokens    TokenStore        // required
	// Now returns the time (default time.Now).
	Now func() time.Time
}

func (s *Services) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

type assertion struct {
	Iss string `json:"iss"`
	Sub string `json:"sub"`
	Aud string `json:"aud"`
	Iat int64  `json:"iat"`
	Exp int64  `json:"exp"`
	Jti string `json:"jti"`
}

// AccessToken returns a token for the scopes (space-separated in the
// request, sorted so the cache key is stable), from the store while it is
// valid, else from the platform's token endpoint.
func (s *Services) AccessToken(ctx context.Context, scopes ...string) (string, error) {
	sort.Strings(scopes)
	scope := strings.Join(scopes, " ")
	now := s.now()
	if t, err := s.Tokens.Token(ctx, s.Platform.ID, scope, now); err != nil || t != "" {
		return t, err
	}
	var jti [16]byte
	if _, err := rand.Read(jti[:]); err != nil {
		return "", err
	}
	a, err := s.Key.Sign(assertion{Iss: s.Platform.ClientID, Sub: s.Platform.ClientID, Aud: s.Platform.TokenURL,
		Iat: now.Unix(), Exp: now.Add(5 * time.Minute).Unix(), Jti: base64.RawURLEncoding.EncodeToString(jti[:])})
	if err != nil {
		return "", err
	}
	form := url.Values{}
	form.Set("grant_type", "client_credentials")
	form.Set("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
	form.Set("client_assertion", a)
	form.Set("scope", scope)
	res, body, err := s.do(ctx, http.MethodPost, s.Platform.TokenURL, "application/x-www-form-urlencoded",
		"application/json", "", []byte(form.Encode()))
	if err != nil {
		return "", err
	}
	if res.StatusCode != http.StatusOK {
		return "", statusError("the token endpoint", res.StatusCode)
	}
	var tr struct {
		AccessToken string `json:"access_token"`
		TokenType   string `json:"token_type"`
		ExpiresIn   int64  `json:"expires_in"`
	}
	if err := json.Unmarshal(body, &tr); err != nil || tr.AccessToken == "" || !strings.EqualFold(tr.TokenType, "bearer") {
		return "", fmt.Errorf("%w: the token endpoint's answer has no bearer access_token", ErrService)
	}
	life := time.Duration(tr.ExpiresIn) * time.Second
	if life <= 0 || life > 24*time.Hour {
		life = time.Hour
	}
	// Stop using it a minute early, so it does not expire on the way.
	if err := s.Tokens.PutToken(ctx, s.Platform.ID, scope, tr.AccessToken, now.Add(life-time.Minute)); err != nil {
		return "", err
	}
	return tr.AccessToken, nil
}

// Score is an AGS score for one user on one line item.
type Score struct {
	UserID           string   `json:"userId"`
	ScoreGiven       *float64 `json:"scoreGiven,omitempty"`
	ScoreMaximum     float64  `json:"scoreMaximum,omitempty"`
	Comment          string   `json:"comment,omitempty"`
	ActivityProgress string   `json:"activityProgress"` // Initialized, Started, InProgress, Submitted, Completed
	GradingProgress  string   `json:"gradingProgress"`  // FullyGraded, Pending, PendingManual, Failed, NotReady
	Timestamp        string   `json:"timestamp"`        // RFC 3339 with fractional seconds
}

// ScoresURL is the score endpoint of a line item: its path plus /scores,
// keeping any query.
func ScoresURL(lineItem string) (string, error) {
	u, err := url.Parse(lineItem)
	if err != nil || u.Host == "" {
		return "", fmt.Errorf("%w: the line item URL is not absolute", ErrService)
	}
	u.Path = strings.TrimSuffix(u.Path, "/") + "/scores"
	u.RawPath = ""
	return u.String(), nil
}

// PostScore posts a score to a line item. A 401 drops the cached token
// and tries once more with a fresh one. The error wraps [ErrUnavailable]
// when a retry later may succeed, [ErrService] when it will not.
func (s *Services) PostScore(ctx context.Context, lineItem string, body []byte) error {
	u, err := ScoresURL(lineItem)
	if err != nil {
		return err
	}
	for try := 0; ; try++ {
		tok, err := s.AccessToken(ctx, ScopeScore)
		if err != nil {
			return err
		}
		res, _, err := s.do(ctx, http.MethodPost, u, "application/vnd.ims.lis.v1.score+json", "", tok, body)
		if err != nil {
			return err
		}
		if res.StatusCode == http.StatusUnauthorized && try == 0 {
			if err := s.Tokens.DropToken(ctx, s.Platform.ID, ScopeScore); err != nil {
				return err
			}
			continue
		}
		if res.StatusCode >= 200 && res.StatusCode < 300 {
			return nil
		}
		return statusError("the score endpoint", res.StatusCode)
	}
}

// Member is one person in the course, from NRPS.
type Member struct {
	UserID     string   `json:"user_id"`
	Name       string   `json:"name,omitempty"`
	GivenName  string   `json:"given_name,omitempty"`
	FamilyName string   `json:"family_name,omitempty"`
	Email      string   `json:"email,omitempty"`
	Roles      []string `json:"roles"`
	Status     string   `json:"status,omitempty"` // Active (default), Inactive, Deleted
}

// Members reads the course roster from the context memberships URL,
// following rel="next" links (at most 50 pages).
func (s *Services) Members(ctx context.Context, membershipsURL string) ([]Member, error) {
	var out []Member
	next := membershipsURL
	for page := 0; next != "" && page < 50; page++ {
		if msg := checkURL(next); msg != "" {
			return nil, fmt.Errorf("%w: the memberships URL %s", ErrService, msg)
		}
		tok, err := s.AccessToken(ctx, ScopeMembership)
		if err != nil {
			return nil, err
		}
		res, body, err := s.do(ctx, http.MethodGet, next, "", "application/vnd.ims.lti-nrps.v2.membershipcontainer+json", tok, nil)
		if err != nil {
			return nil, err
		}
		if res.StatusCode != http.StatusOK {
			return nil, statusError("the memberships endpoint", res.StatusCode)
		}
		var c struct {
			Members []Member `json:"members"`
		}
		if err := json.Unmarshal(body, &c); err != nil {
			return nil, fmt.Errorf("%w: the roster is not valid JSON", ErrService)
		}
		out = append(out, c.Members...)
		next = nextLink(res.Header.Values("Link"))
	}
	return out, nil
}

// nextLink finds the rel="next" target of Link headers.
func nextLink(links []string) string {
	for _, h := range links {
		for _, part := range strings.Split(h, ",") {
			target, params, ok := strings.Cut(strings.TrimSpace(part), ";")
			if !ok || !strings.HasPrefix(target, "<") || !strings.HasSuffix(target, ">") {
				continue
			}
			for _, p := range strings.Split(params, ";") {
				k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
				if strings.EqualFold(k, "rel") && strings.Trim(v, `"`) == "next" {
					return target[1 : len(target)-1]
				}
			}
		}
	}
	return ""
}

const maxServiceBody = 4 << 20

// do sends one request and reads the answer (at most 4 MiB).
func (s *Services) do(ctx context.Context, method, u, contentType, accept, token string, body []byte) (*http.Response, []byte, error) {
	if s.Transport == nil {
		return nil, nil, fmt.Errorf("%w: no transport configured", ErrUnavailable)
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrService, err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := s.Transport.RoundTrip(req)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, maxServiceBody))
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	return res, b, nil
}

func statusError(what string, code int) error {
	if code >= 500 || code == http.StatusTooManyRequests || code == http.StatusUnauthorized {
		return fmt.Errorf("%w: %s answered %s", ErrUnavailable, what, strconv.Itoa(code))
	}
	return fmt.Errorf("%w: %s answered %s", ErrService, what, strconv.Itoa(code))
}
