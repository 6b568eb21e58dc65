package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
)

// Workshop is one stored workshop. Setup is the JSON the workshop was
// created with (its grid and settings), stored as given.
type Workshop struct {
	ID          string
	Org         string
	Title       string
	JoinCode    string
	Anonymous   bool
	Setup       []byte
	CreatedAt   int64 // Unix milliseconds
	CompletedAt int64 // Unix milliseconds, 0 while open
	// Closed is set when the facilitator closed joining: the code admits
	// no one new.
	Closed bool
}

// Roles of a [Token].
const (
	RoleFacilitator = "facilitator"
	RoleParticipant = "participant"
)

// Token is a facilitator or participant credential. Only the SHA-256 hash
// of the secret is stored.
type Token struct {
	Hash          string
	Org           string
	WorkshopID    string
	Role          string
	ParticipantID string
	Name          string
	CreatedAt     int64
	ExpiresAt     int64 // Unix milliseconds
	Revoked       bool  // the facilitator removed the member
}

// Event is one stored workshop event. Seq orders the events of all
// workshops and is the polling cursor; EventID is the client's id.
type Event struct {
	Seq        int64
	Org        string
	WorkshopID string
	EventID    string
	Body       []byte
	Digest     string
	CreatedAt  int64
}

// CreateWorkshopStmts returns the statements that store a new workshop, its
// facilitator's token and its first events.
func CreateWorkshopStmts(w Workshop, facilitator Token, events []Event) []Stmt {
	stmts := []Stmt{{
		SQL:  `INSERT INTO workshops (id, org, title, join_code, anonymous, setup, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		Args: []any{w.ID, w.Org, w.Title, w.JoinCode, b2i(w.Anonymous), string(w.Setup), w.CreatedAt},
	}, TokenStmt(facilitator)}
	for _, e := range events {
		stmts = append(stmts, EventStmt(e))
	}
	return stmts
}

// TokenStmt stores a token.
func TokenStmt(t Token) Stmt {
	return Stmt{
		SQL:  `INSERT INTO tokens (hash, org, workshop_id, role, participant_id, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		Args: []any{t.Hash, t.Org, t.WorkshopID, t.Role, t.ParticipantID, t.Name, t.CreatedAt, t.ExpiresAt},
	}
}

// SeatStmt stores a participant's token only if the workshop has fewer
// than seats participant tokens (removed members' included: their seat
// stays taken in the session). The count and the insert are one
// statement, so joins at the limit cannot race past it.
func SeatStmt(t Token, seats int) Stmt {
	return Stmt{
		SQL: `INSERT INTO tokens (hash, org, workshop_id, role, participant_id, name, created_at, expires_at)
			SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE (SELECT count(*) FROM tokens WHERE workshop_id = ? AND role = ?) < ?`,
		Args: []any{t.Hash, t.Org, t.WorkshopID, t.Role, t.ParticipantID, t.Name, t.CreatedAt, t.ExpiresAt,
			t.WorkshopID, RoleParticipant, seats},
	}
}

// EventIfTokenStmt stores an event only if the token with that hash is
// stored: with [SeatStmt] in one batch, a join's event exists exactly when
// its token does.
func EventIfTokenStmt(e Event, hash string) Stmt {
	return Stmt{
		SQL: `INSERT INTO events (org, workshop_id, event_id, body, digest, created_at)
			SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM tokens WHERE hash = ?)
			ON CONFLICT (workshop_id, event_id) DO NOTHING`,
		Args: []any{e.Org, e.WorkshopID, e.EventID, string(e.Body), e.Digest, e.CreatedAt, hash},
	}
}

// RevokeStmt removes a participant: their tokens stop working.
func RevokeStmt(org, workshopID, participant string) Stmt {
	return Stmt{
		SQL:  `UPDATE tokens SET revoked = 1 WHERE org = ? AND workshop_id = ? AND participant_id = ? AND role = ? AND revoked = 0`,
		Args: []any{org, workshopID, participant, RoleParticipant},
	}
}

// JoiningStmt opens or closes joining.
func JoiningStmt(org, id string, open bool) Stmt {
	return Stmt{SQL: `UPDATE workshops SET joining = ? WHERE org = ? AND id = ?`, Args: []any{b2i(open), org, id}}
}

// CapTokensStmt makes the participant tokens of a workshop expire by at
// (when it is completed).
func CapTokensStmt(workshopID string, at int64) Stmt {
	return Stmt{
		SQL:  `UPDATE tokens SET expires_at = min(expires_at, ?) WHERE workshop_id = ? AND role = ?`,
		Args: []any{at, workshopID, RoleParticipant},
	}
}

// RenewToken moves the expiry of a token of an open workshop to until.
func (s *Store) RenewToken(ctx context.Context, hash string, until int64) error {
	_, err := s.db.ExecContext(ctx, `UPDATE tokens SET expires_at = ? WHERE hash = ? AND revoked = 0 AND expires_at < ?
		AND EXISTS (SELECT 1 FROM workshops WHERE id = tokens.workshop_id AND completed_at = 0)`, until, hash, until)
	return err
}

// EventStmt stores an event unless its id is already stored for the
// workshop (then it does nothing: retries are harmless).
func EventStmt(e Event) Stmt {
	return Stmt{
		SQL: `INSERT INTO events (org, workshop_id, event_id, body, digest, created_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (workshop_id, event_id) DO NOTHING`,
		Args: []any{e.Org, e.WorkshopID, e.EventID, string(e.Body), e.Digest, e.CreatedAt},
	}
}

// AppendStmt stores an event only if the workshop has no event after
// cursor other than those of batch (the ids stored in the same batch, in
// order) stored before it: an optimistic guard, so an append validated
// against the state at cursor is never stored on top of a state it was
// not checked against. The caller checks the changes of the first
// statement and retries when it is 0. The guard counts the events after
// cursor and looks for the batch's first one, so its bound parameters do
// not grow with the batch (D1 allows 100).
func AppendStmt(e Event, cursor int64, batch []string) Stmt {
	pos, first := 0, e.EventID
	for i, id := range batch {
		if id == e.EventID {
			pos = i
		}
	}
	if len(batch) > 0 {
		first = batch[0]
	}
	return Stmt{
		SQL: `INSERT INTO events (org, workshop_id, event_id, body, digest, created_at)
			SELECT ?, ?, ?, ?, ?, ? WHERE (SELECT count(*) FROM events WHERE org = ? AND workshop_id = ? AND seq > ?) = ?
				AND (? = 0 OR EXISTS (SELECT 1 FROM events WHERE workshop_id = ? AND event_id = ? AND seq > ?))
			ON CONFLICT (workshop_id, event_id) DO NOTHING`,
		Args: []any{e.Org, e.WorkshopID, e.EventID, string(e.Body), e.Digest, e.CreatedAt,
			e.Org, e.WorkshopID, cursor, pos, pos, e.WorkshopID, first, cursor},
	}
}

// CompleteStmt marks a workshop completed at the given time (once).
func CompleteStmt(org, id string, at int64) Stmt {
	return Stmt{
		SQL:  `UPDATE workshops SET completed_at = ? WHERE org = ? AND id = ? AND completed_at = 0`,
		Args: []any{at, org, id},
	}
}

const workshopCols = `id, org, title, join_code, anonymous, setup, created_at, completed_at, joining`

// scanWorkshop reads the workshopCols of one row (a *sql.Row or the
// current row of *sql.Rows).
func scanWorkshop(row interface{ Scan(...any) error }) (Workshop, error) {
	var w Workshop
	var anon, joining int64
	var setup string
	err := row.Scan(&w.ID, &w.Org, &w.Title, &w.JoinCode, &anon, &setup, &w.CreatedAt, &w.CompletedAt, &joining)
	if errors.Is(err, sql.ErrNoRows) {
		return Workshop{}, ErrNotFound
	}
	w.Anonymous = anon != 0
	w.Closed = joining == 0
	w.Setup = []byte(setup)
	return w, err
}

// Workshop returns the workshop id of org.
func (s *Store) Workshop(ctx context.Context, org, id string) (Workshop, error) {
	return scanWorkshop(s.db.QueryRowContext(ctx,
		`SELECT `+workshopCols+` FROM workshops WHERE org = ? AND id = ?`, org, id))
}

// WorkshopByCode returns the open workshop with that join code, in any
// organisation (the code is what a participant has).
func (s *Store) WorkshopByCode(ctx context.Context, code string) (Workshop, error) {
	return scanWorkshop(s.db.QueryRowContext(ctx,
		`SELECT `+workshopCols+` FROM workshops WHERE join_code = ? AND completed_at = 0`, code))
}

// TokenByHash returns the token with that hash for the workshop.
func (s *Store) TokenByHash(ctx context.Context, workshopID, hash string) (Token, error) {
	var t Token
	var revoked int64
	err := s.db.QueryRowContext(ctx,
		`SELECT hash, org, workshop_id, role, participant_id, name, created_at, expires_at, revoked FROM tokens WHERE hash = ? AND workshop_id = ?`,
		hash, workshopID).Scan(&t.Hash, &t.Org, &t.WorkshopID, &t.Role, &t.ParticipantID, &t.Name, &t.CreatedAt, &t.ExpiresAt, &revoked)
	if errors.Is(err, sql.ErrNoRows) {
		return Token{}, ErrNotFound
	}
	t.Revoked = revoked != 0
	return t, err
}

// Events returns up to limit events of a workshop with Seq > after, in
// order. limit <= 0 means all.
func (s *Store) Events(ctx context.Context, org, workshopID string, after int64, limit int) ([]Event, error) {
	q := `SELECT seq, event_id, body, digest, created_at FROM events WHERE org = ? AND workshop_id = ? AND seq > ? ORDER BY seq`
	args := []any{org, workshopID, after}
	if limit > 0 {
		q += ` LIMIT ?`
		args = append(args, limit)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		e := Event{Org: org, WorkshopID: workshopID}
		var body string
		if err := rows.Scan(&e.Seq, &e.EventID, &body, &e.Digest, &e.CreatedAt); err != nil {
			return nil, err
		}
		e.Body = []byte(body)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Digests returns, for the given event ids, the digest of each one already
// stored in the workshop.
func (s *Store) Digests(ctx context.Context, org, workshopID string, ids []string) (map[string]string, error) {
	out := make(map[string]string)
	for len(ids) > 0 {
		n := min(len(ids), 50) // D1 allows 100 bound parameters
		chunk := ids[:n]
		ids = ids[n:]
		args := []any{org, workshopID}
		for _, id := range chunk {
			args = append(args, id)
		}
		q := `SELECT event_id, digest FROM events WHERE org = ? AND workshop_id = ? AND event_id IN (?` +
			strings.Repeat(", ?", len(chunk)-1) + `)`
		rows, err := s.db.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id, d string
			if err := rows.Scan(&id, &d); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = d
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Cursor returns the highest event seq of a workshop (0 when none).
func (s *Store) Cursor(ctx context.Context, org, workshopID string) (int64, error) {
	var c sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT max(seq) FROM events WHERE org = ? AND workshop_id = ?`, org, workshopID).Scan(&c)
	return c.Int64, err
}

// CountEvents returns the number of events stored for a workshop.
func (s *Store) CountEvents(ctx context.Context, org, workshopID string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM events WHERE org = ? AND workshop_id = ?`, org, workshopID).Scan(&n)
	return n, err
}

// Hit records a hit of key in scope at now, if scope has had fewer than
// limit hits since since (a sliding window), and reports whether it was
// recorded. A repeat of a key already in the window refreshes it and does
// not count twice. The count and the insert are one statement, so a burst
// of concurrent hits cannot pass the limit; hits older than the window are
// dropped in the same batch.
func (s *Store) Hit(ctx context.Context, scope, key string, now, since int64, limit int) (bool, error) {
	ch, err := s.BatchChanges(ctx,
		Stmt{SQL: `INSERT INTO throttle (scope, key, at) SELECT ?, ?, ?
			WHERE (SELECT count(*) FROM throttle WHERE scope = ? AND at > ? AND key <> ?) < ?
			ON CONFLICT (scope, key) DO UPDATE SET at = excluded.at`,
			Args: []any{scope, key, now, scope, since, key, limit}},
		Stmt{SQL: `DELETE FROM throttle WHERE scope = ? AND at <= ?`, Args: []any{scope, since}},
	)
	if err != nil {
		return false, err
	}
	return ch[0] > 0, nil
}

// Hits counts the hits of scope since since, and returns the time of the
// oldest (0 when none), to tell a caller when to try again.
func (s *Store) Hits(ctx context.Context, scope string, since int64) (n int, oldest int64, err error) {
	var o sql.NullInt64
	err = s.db.QueryRowContext(ctx, `SELECT count(*), min(at) FROM throttle WHERE scope = ? AND at > ?`, scope, since).Scan(&n, &o)
	return n, o.Int64, err
}

// Workshops returns up to limit workshops of org, newest first.
func (s *Store) Workshops(ctx context.Context, org string, limit int) ([]Workshop, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT `+workshopCols+` FROM workshops WHERE org = ? ORDER BY created_at DESC, id LIMIT ?`, org, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Workshop
	for rows.Next() {
		w, err := scanWorkshop(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, w)
	}
	return out, rows.Err()
}
