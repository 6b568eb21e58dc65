package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"time"

	"github.com/purposefulcx/purposeful/wasm/lti"
)

// LTI rows. Times are Unix milliseconds; short-lived rows are deleted once
// past expires_at (see [Store.PurgeLTI]).

// LTIState is a login in progress.
type LTIState struct {
	State       string
	PlatformID  string
	Nonce       string
	BrowserHash string // hash of the browser binding cookie
	ExpiresAt   int64
}

// LTILink says what a resource link opens.
type LTILink struct {
	PlatformID     string
	ResourceLinkID string
	Org            string
	Kind           string
	WorkshopID     string
	ContextID      string
	Title          string
	CreatedAt      int64
}

// LTIScore is a score waiting for, or delivered to, a line item. ID is
// the attempt's id: an attempt is stored, and so posted, once.
type LTIScore struct {
	ID         string
	Org        string
	PlatformID string
	LineItem   string
	Body       []byte
	CreatedAt  int64
	SentAt     int64
	Attempts   int
	LastError  string
}

const platformCols = `id, org, name, issuer, client_id, deployment_ids, auth_url, token_url, jwks_url, created_at`

func scanPlatform(row interface{ Scan(...any) error }) (lti.Platform, error) {
	var p lti.Platform
	var deps string
	err := row.Scan(&p.ID, &p.Org, &p.Name, &p.Issuer, &p.ClientID, &deps, &p.AuthURL, &p.TokenURL, &p.JWKSURL, &p.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	if err != nil {
		return p, err
	}
	if err := json.Unmarshal([]byte(deps), &p.DeploymentIDs); err != nil {
		return p, err
	}
	return p, nil
}

func (s *Store) scanPlatforms(ctx context.Context, q string, args ...any) ([]lti.Platform, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []lti.Platform
	for rows.Next() {
		p, err := scanPlatform(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// AddPlatform stores a registration. Another registration with the same
// issuer and client id, in any organisation, gives ErrConflict.
func (s *Store) AddPlatform(ctx context.Context, p lti.Platform) error {
	deps, err := json.Marshal(p.DeploymentIDs)
	if err != nil {
		return err
	}
	return s.Batch(ctx, Stmt{
		SQL:  `INSERT INTO lti_platforms (` + platformCols + `) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		Args: []any{p.ID, p.Org, p.Name, p.Issuer, p.ClientID, string(deps), p.AuthURL, p.TokenURL, p.JWKSURL, p.CreatedAt},
	})
}

// Platforms returns the registrations of org, oldest first.
func (s *Store) Platforms(ctx context.Context, org string) ([]lti.Platform, error) {
	return s.scanPlatforms(ctx, `SELECT `+platformCols+` FROM lti_platforms WHERE org = ? ORDER BY created_at, id`, org)
}

// PlatformsByIssuer returns every registration of an issuer (a login names
// the issuer, and the client id only sometimes).
func (s *Store) PlatformsByIssuer(ctx context.Context, issuer string) ([]lti.Platform, error) {
	return s.scanPlatforms(ctx, `SELECT `+platformCols+` FROM lti_platforms WHERE issuer = ? ORDER BY created_at, id LIMIT 50`, issuer)
}

// Platform returns the registration id.
func (s *Store) Platform(ctx context.Context, id string) (lti.Platform, error) {
	return scanPlatform(s.db.QueryRowContext(ctx, `SELECT `+platformCols+` FROM lti_platforms WHERE id = ?`, id))
}

// DeletePlatform removes a registration of org (ErrNotFound when org has
// none with that id). Links, sessions and scores of its launches stay
// but can no longer be used: every use looks the platform up.
func (s *Store) DeletePlatform(ctx context.Context, org, id string) error {
	ch, err := s.BatchChanges(ctx,
		Stmt{SQL: `DELETE FROM lti_platforms WHERE org = ? AND id = ?`, Args: []any{org, id}},
		Stmt{SQL: `DELETE FROM lti_access_tokens WHERE platform_id = ? AND NOT EXISTS (SELECT 1 FROM lti_platforms WHERE id = ?)`, Args: []any{id, id}},
	)
	if err != nil {
		return err
	}
	if ch[0] == 0 {
		return ErrNotFound
	}
	return nil
}

// PutState stores a login in progress, and drops expired states and
// nonces on the way (so the tables stay small without a timer).
func (s *Store) PutState(ctx context.Context, st LTIState, now int64) error {
	return s.Batch(ctx,
		Stmt{SQL: `DELETE FROM lti_states WHERE expires_at < ?`, Args: []any{now}},
		Stmt{SQL: `DELETE FROM lti_nonces WHERE expires_at < ?`, Args: []any{now}},
		Stmt{SQL: `INSERT INTO lti_states (state, platform_id, nonce, browser_hash, expires_at) VALUES (?, ?, ?, ?, ?)`,
			Args: []any{st.State, st.PlatformID, st.Nonce, st.BrowserHash, st.ExpiresAt}},
	)
}

// TakeState returns a login's state and deletes it, so it is used once:
// of two requests racing with the same state, one gets ErrNotFound. An
// expired state is not found either.
func (s *Store) TakeState(ctx context.Context, state string, now int64) (LTIState, error) {
	var st LTIState
	err := s.db.QueryRowContext(ctx,
		`SELECT state, platform_id, nonce, browser_hash, expires_at FROM lti_states WHERE state = ?`, state).
		Scan(&st.State, &st.PlatformID, &st.Nonce, &st.BrowserHash, &st.ExpiresAt)
	if errors.Is(err, sql.ErrNoRows) {
		return st, ErrNotFound
	}
	if err != nil {
		return st, err
	}
	ch, err := s.BatchChanges(ctx, Stmt{SQL: `DELETE FROM lti_states WHERE state = ?`, Args: []any{state}})
	if err != nil {
		return st, err
	}
	if ch[0] == 0 || st.ExpiresAt < now {
		return LTIState{}, ErrNotFound
	}
	return st, nil
}

// NonceUsed reports whether a launch with this nonce was accepted before.
func (s *Store) NonceUsed(ctx context.Context, platformID, nonce string) (bool, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM lti_nonces WHERE platform_id = ? AND nonce = ?`, platformID, nonce).Scan(&n)
	return n > 0, err
}

// NonceStmt records an accepted launch's nonce. It fails the batch with
// ErrConflict if the nonce was used, so a replay racing the first launch
// creates nothing.
func NonceStmt(platformID, nonce string, expiresAt int64) Stmt {
	return Stmt{SQL: `INSERT INTO lti_nonces (platform_id, nonce, expires_at) VALUES (?, ?, ?)`,
		Args: []any{platformID, nonce, expiresAt}}
}

// Link returns what a resource link opens.
func (s *Store) Link(ctx context.Context, platformID, resourceLinkID string) (LTILink, error) {
	var l LTILink
	err := s.db.QueryRowContext(ctx, `SELECT platform_id, resource_link_id, org, kind, workshop_id, context_id, title, created_at
		FROM lti_links WHERE platform_id = ? AND resource_link_id = ?`, platformID, resourceLinkID).
		Scan(&l.PlatformID, &l.ResourceLinkID, &l.Org, &l.Kind, &l.WorkshopID, &l.ContextID, &l.Title, &l.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return l, ErrNotFound
	}
	return l, err
}

// LinkStmt stores a resource link (fails with ErrConflict when another
// launch stored it first).
func LinkStmt(l LTILink) Stmt {
	return Stmt{SQL: `INSERT INTO lti_links (platform_id, resource_link_id, org, kind, workshop_id, context_id, title, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		Args: []any{l.PlatformID, l.ResourceLinkID, l.Org, l.Kind, l.WorkshopID, l.ContextID, l.Title, l.CreatedAt}}
}

// LTIMember returns the workshop member id of a platform user ("" with
// ErrNotFound when they have not joined).
func (s *Store) LTIMember(ctx context.Context, workshopID, platformID, subject string) (string, error) {
	var m string
	err := s.db.QueryRowContext(ctx, `SELECT member_id FROM lti_members WHERE workshop_id = ? AND platform_id = ? AND subject = ?`,
		workshopID, platformID, subject).Scan(&m)
	if errors.Is(err, sql.ErrNoRows) {
		return "", ErrNotFound
	}
	return m, err
}

// LTISubjects returns the platform user ids that have joined a workshop.
func (s *Store) LTISubjects(ctx context.Context, workshopID, platformID string) (map[string]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT subject FROM lti_members WHERE workshop_id = ? AND platform_id = ?`, workshopID, platformID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var sub string
		if err := rows.Scan(&sub); err != nil {
			return nil, err
		}
		out[sub] = true
	}
	return out, rows.Err()
}

// LTIMemberStmt records the member of a platform user.
func LTIMemberStmt(workshopID, platformID, subject, memberID string) Stmt {
	return Stmt{SQL: `INSERT INTO lti_members (workshop_id, platform_id, subject, member_id) VALUES (?, ?, ?, ?)`,
		Args: []any{workshopID, platformID, subject, memberID}}
}

// LTISessionStmt stores a launch session under the hash of its token.
func LTISessionStmt(hash, org, platformID string, body []byte, expiresAt int64) Stmt {
	return Stmt{SQL: `INSERT INTO lti_sessions (hash, org, platform_id, body, expires_at) VALUES (?, ?, ?, ?, ?)`,
		Args: []any{hash, org, platformID, string(body), expiresAt}}
}

// LTISession returns the body of an unexpired launch session.
func (s *Store) LTISession(ctx context.Context, hash string, now int64) ([]byte, error) {
	var body string
	err := s.db.QueryRowContext(ctx, `SELECT body FROM lti_sessions WHERE hash = ? AND expires_at >= ?`, hash, now).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return []byte(body), err
}

// PurgeLTI deletes every expired LTI state, nonce, session and token.
func (s *Store) PurgeLTI(ctx context.Context, now int64) error {
	return s.Batch(ctx,
		Stmt{SQL: `DELETE FROM lti_states WHERE expires_at < ?`, Args: []any{now}},
		Stmt{SQL: `DELETE FROM lti_nonces WHERE expires_at < ?`, Args: []any{now}},
		Stmt{SQL: `DELETE FROM lti_sessions WHERE expires_at < ?`, Args: []any{now}},
		Stmt{SQL: `DELETE FROM lti_access_tokens WHERE expires_at < ?`, Args: []any{now}},
	)
}

// AccessTokens keeps service access tokens in the store; it implements
// lti.TokenStore.
type AccessTokens struct{ S *Store }

// Token implements lti.TokenStore.
func (a AccessTokens) Token(ctx context.Context, platformID, scope string, now time.Time) (string, error) {
	var t string
	err := a.S.db.QueryRowContext(ctx, `SELECT token FROM lti_access_tokens WHERE platform_id = ? AND scope = ? AND expires_at > ?`,
		platformID, scope, now.UnixMilli()).Scan(&t)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return t, err
}

// PutToken implements lti.TokenStore.
func (a AccessTokens) PutToken(ctx context.Context, platformID, scope, token string, expires time.Time) error {
	return a.S.Batch(ctx, Stmt{SQL: `INSERT INTO lti_access_tokens (platform_id, scope, token, expires_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (platform_id, scope) DO UPDATE SET token = excluded.token, expires_at = excluded.expires_at`,
		Args: []any{platformID, scope, token, expires.UnixMilli()}})
}

// DropToken implements lti.TokenStore.
func (a AccessTokens) DropToken(ctx context.Context, platformID, scope string) error {
	return a.S.Batch(ctx, Stmt{SQL: `DELETE FROM lti_access_tokens WHERE platform_id = ? AND scope = ?`, Args: []any{platformID, scope}})
}

// ScoreStmt queues a score; an attempt already queued is left as it is.
func ScoreStmt(sc LTIScore) Stmt {
	return Stmt{SQL: `INSERT INTO lti_scores (id, org, platform_id, line_item, body, created_at) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO NOTHING`,
		Args: []any{sc.ID, sc.Org, sc.PlatformID, sc.LineItem, string(sc.Body), sc.CreatedAt}}
}

const scoreCols = `id, org, platform_id, line_item, body, created_at, sent_at, attempts, last_error`

// A queued score has sent_at 0; while a delivery holds it, sent_at is
// minus the end of its lease; once delivered, the time it was.

// ScoreOutbox returns up to limit scores to deliver at now (queued, or
// held by a delivery whose lease ran out), oldest first; org "" means
// every organisation.
func (s *Store) ScoreOutbox(ctx context.Context, org string, now int64, limit int) ([]LTIScore, error) {
	q := `SELECT ` + scoreCols + ` FROM lti_scores WHERE (sent_at = 0 OR (sent_at < 0 AND -sent_at < ?))`
	args := []any{now}
	if org != "" {
		q += ` AND org = ?`
		args = append(args, org)
	}
	q += ` ORDER BY created_at, id LIMIT ?`
	args = append(args, limit)
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []LTIScore
	for rows.Next() {
		var sc LTIScore
		var body string
		if err := rows.Scan(&sc.ID, &sc.Org, &sc.PlatformID, &sc.LineItem, &body, &sc.CreatedAt, &sc.SentAt, &sc.Attempts, &sc.LastError); err != nil {
			return nil, err
		}
		sc.Body = []byte(body)
		out = append(out, sc)
	}
	return out, rows.Err()
}

// Score returns one stored score.
func (s *Store) Score(ctx context.Context, id string) (LTIScore, error) {
	var sc LTIScore
	var body string
	err := s.db.QueryRowContext(ctx, `SELECT `+scoreCols+` FROM lti_scores WHERE id = ?`, id).
		Scan(&sc.ID, &sc.Org, &sc.PlatformID, &sc.LineItem, &body, &sc.CreatedAt, &sc.SentAt, &sc.Attempts, &sc.LastError)
	if errors.Is(err, sql.ErrNoRows) {
		return sc, ErrNotFound
	}
	sc.Body = []byte(body)
	return sc, err
}

// ClaimScore makes a delivery the only one holding a score until lease,
// so two deliveries running at once (a request and the timer) never both
// post it. It reports false when the score is delivered or held.
func (s *Store) ClaimScore(ctx context.Context, id string, now, lease int64) (bool, error) {
	ch, err := s.BatchChanges(ctx, Stmt{SQL: `UPDATE lti_scores SET sent_at = ? WHERE id = ? AND (sent_at = 0 OR (sent_at < 0 AND -sent_at < ?))`,
		Args: []any{-lease, id, now}})
	if err != nil {
		return false, err
	}
	return ch[0] == 1, nil
}

// MarkScoreSent records that the platform has the score.
func (s *Store) MarkScoreSent(ctx context.Context, id string, at int64) error {
	return s.Batch(ctx, Stmt{SQL: `UPDATE lti_scores SET sent_at = ?, attempts = attempts + 1, last_error = '' WHERE id = ? AND sent_at <= 0`,
		Args: []any{at, id}})
}

// MarkScoreFailed records a failed delivery and queues the score again.
func (s *Store) MarkScoreFailed(ctx context.Context, id, msg string) error {
	if len(msg) > 200 {
		msg = msg[:200]
	}
	return s.Batch(ctx, Stmt{SQL: `UPDATE lti_scores SET sent_at = 0, attempts = attempts + 1, last_error = ? WHERE id = ? AND sent_at <= 0`,
		Args: []any{msg, id}})
}
