package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/purposefulcx/purposeful/standards"
)

// StoredObservation is one stored observation: the standards.Observation
// as it stands now (after any amendment or dispute), the scorecard
// version it was scored against, and the guard of its last write.
type StoredObservation struct {
	Org         string
	Book        string
	CardVersion int
	Observation standards.Observation
	Digest      string // of the observation as first recorded
	WriteID     string // changes with every write
	Rev         int
	CreatedAt   int64 // Unix milliseconds
	LocksAt     int64 // amendments are refused from then on
}

// HistoryEntry is one step of an observation's life.
type HistoryEntry struct {
	Kind string          `json:"kind"` // recorded, amended, disputed, resolved
	By   string          `json:"by"`
	At   time.Time       `json:"at"`
	Body json.RawMessage `json:"observation"` // the observation after the step
}

// RecordContext is everything recording an observation needs to read,
// fetched in one query ([Store.RecordContext]) so that a recording costs
// one read and one batch.
type RecordContext struct {
	// Who is the caller when they came with a role token (ID empty for an
	// organisation key or an unknown token).
	Who Person
	// Org is the caller's organisation ("" for an unknown token).
	Org string
	// Card is the scorecard snapshot (nil when there is no such card or
	// version) and CardVersion its version.
	Card        *standards.Book
	CardVersion int
	// BookTeam is the book's team; Book false when there is no such book.
	Book     bool
	BookTeam string
	// Subject is the observed person (ID empty when unknown).
	Subject  Person
	Settings AccountabilitySettings
	// Existing is the stored observation with the same id (Digest empty
	// when there is none).
	Existing StoredObservation
}

// RecordContext reads, in one statement, who the caller is (keyOrg for an
// organisation key, else the person with tokenHash), the book, the
// scorecard snapshot (version 0: the latest), the observed person, the
// organisation's settings, and any observation already stored with id.
func (s *Store) RecordContext(ctx context.Context, keyOrg, tokenHash, book, card string, version int, subject, id string) (RecordContext, error) {
	var rc RecordContext
	var body, exBody sql.NullString
	var xapi, exRev, exVersion, exCreated, exLocks sql.NullInt64
	var lock sql.NullInt64
	var cardVersion sql.NullInt64
	var bookTeam, subjTeam, subjRole, subjID, exDigest, exWrite sql.NullString
	var hasBook int64
	err := s.db.QueryRowContext(ctx, `
		WITH who AS (
			SELECT org, id, role, team, name FROM acc_people WHERE ? = '' AND token_hash = ?
			UNION ALL SELECT ?, '', '', '', '' WHERE ? <> ''
		), c AS (
			SELECT version, body FROM acc_cards, who WHERE acc_cards.org = who.org AND book = ? AND acc_cards.id = ?
				AND (? = 0 OR version = ?) ORDER BY version DESC LIMIT 1
		), ex AS (
			SELECT o.* FROM acc_observations o, who WHERE o.org = who.org AND o.id = ?
		)
		SELECT who.org, who.id, who.role, who.team, who.name,
			(SELECT version FROM c), (SELECT body FROM c),
			(SELECT count(*) FROM acc_books b WHERE b.org = who.org AND b.id = ?),
			(SELECT team FROM acc_books b WHERE b.org = who.org AND b.id = ?),
			(SELECT id FROM acc_people p WHERE p.org = who.org AND p.id = ?),
			(SELECT role FROM acc_people p WHERE p.org = who.org AND p.id = ?),
			(SELECT team FROM acc_people p WHERE p.org = who.org AND p.id = ?),
			(SELECT xapi FROM acc_settings st WHERE st.org = who.org),
			(SELECT lock_minutes FROM acc_settings st WHERE st.org = who.org),
			(SELECT body FROM ex), (SELECT digest FROM ex), (SELECT write_id FROM ex), (SELECT rev FROM ex),
			(SELECT card_version FROM ex), (SELECT created_at FROM ex), (SELECT locks_at FROM ex)
		FROM who`,
		keyOrg, tokenHash, keyOrg, keyOrg, book, card, version, version, id, book, book, subject, subject, subject).Scan(
		&rc.Org, &rc.Who.ID, &rc.Who.Role, &rc.Who.Team, &rc.Who.Name,
		&cardVersion, &body, &hasBook, &bookTeam, &subjID, &subjRole, &subjTeam, &xapi, &lock,
		&exBody, &exDigest, &exWrite, &exRev, &exVersion, &exCreated, &exLocks)
	if errors.Is(err, sql.ErrNoRows) {
		return RecordContext{}, nil // an unknown token
	}
	if err != nil {
		return RecordContext{}, err
	}
	rc.Who.Org = rc.Org
	rc.Book, rc.BookTeam = hasBook > 0, bookTeam.String
	if body.Valid {
		if rc.Card, err = decodeCard(body.String); err != nil {
			return RecordContext{}, err
		}
		rc.CardVersion = int(cardVersion.Int64)
	}
	if subjID.Valid {
		rc.Subject = Person{Org: rc.Org, ID: subjID.String, Role: subjRole.String, Team: subjTeam.String}
	}
	rc.Settings = AccountabilitySettings{XAPI: xapi.Int64 != 0, LockMinutes: DefaultLockMinutes}
	if lock.Valid {
		rc.Settings.LockMinutes = lock.Int64
	}
	if exDigest.Valid {
		rc.Existing = StoredObservation{Org: rc.Org, Book: book, CardVersion: int(exVersion.Int64), Digest: exDigest.String,
			WriteID: exWrite.String, Rev: int(exRev.Int64), CreatedAt: exCreated.Int64, LocksAt: exLocks.Int64}
		if err := json.Unmarshal([]byte(exBody.String), &rc.Existing.Observation); err != nil {
			return RecordContext{}, fmt.Errorf("store: observation %s: %w", id, err)
		}
	}
	return rc, nil
}

// guard is the condition every row written with an observation carries:
// the observation's last write is this one.
const guard = ` WHERE EXISTS (SELECT 1 FROM acc_observations WHERE org = ? AND id = ? AND write_id = ?)`

func guardArgs(o *StoredObservation) []any { return []any{o.Org, o.Observation.ID, o.WriteID} }

// RecordStmts stores a new observation with its tallies, stories and
// first history entry. The observation is stored once: a second batch
// with the same id changes nothing (its other statements are guarded by
// the write id), so the caller checks that the first statement changed a
// row. extra statements (an xAPI statement) run in the same batch.
func RecordStmts(o StoredObservation, tallies []standards.Tally, stories []standards.Story, by string, extra ...Stmt) ([]Stmt, error) {
	body, err := json.Marshal(o.Observation)
	if err != nil {
		return nil, err
	}
	ob := &o.Observation
	stmts := []Stmt{{
		SQL: `INSERT INTO acc_observations (org, id, book, card, card_version, observer, subject, team, at, body, digest, write_id, rev, created_at, locks_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (org, id) DO NOTHING`,
		Args: []any{o.Org, ob.ID, o.Book, ob.Scorecard, int64(o.CardVersion), ob.Observer, ob.Subject, ob.Team, ob.At.UnixMilli(),
			string(body), o.Digest, o.WriteID, o.CreatedAt, o.LocksAt},
	}}
	stmts = append(stmts, tallyStmts(&o, tallies)...)
	stmts = append(stmts, storyStmts(&o, stories)...)
	stmts = append(stmts, historyStmt(&o, "recorded", by, o.CreatedAt, body))
	return append(stmts, extra...), nil
}

// UpdateStmts replaces a stored observation's body (an amendment, a
// dispute or its resolution) if its last write is still prev.WriteID,
// adds the tally changes, replaces its stories and keeps the step in the
// history. The caller checks that the first statement changed a row
// (otherwise someone else wrote in between).
func UpdateStmts(prev string, o StoredObservation, delta []standards.Tally, stories []standards.Story, kind, by string, at int64) ([]Stmt, error) {
	body, err := json.Marshal(o.Observation)
	if err != nil {
		return nil, err
	}
	stmts := []Stmt{{
		SQL:  `UPDATE acc_observations SET body = ?, write_id = ?, rev = rev + 1 WHERE org = ? AND id = ? AND write_id = ?`,
		Args: []any{string(body), o.WriteID, o.Org, o.Observation.ID, prev},
	}}
	stmts = append(stmts, tallyStmts(&o, delta)...)
	stmts = append(stmts, Stmt{SQL: `DELETE FROM acc_stories WHERE org = ? AND observation = ? AND EXISTS (
		SELECT 1 FROM acc_observations WHERE org = ? AND id = ? AND write_id = ?)`,
		Args: append([]any{o.Org, o.Observation.ID}, guardArgs(&o)...)})
	stmts = append(stmts, storyStmts(&o, stories)...)
	return append(stmts, historyStmt(&o, kind, by, at, body)), nil
}

// MergeTallies adds up tallies with the same keys, dropping those that
// add up to nothing, in first-seen order.
func MergeTallies(ts []standards.Tally) []standards.Tally {
	type key struct{ subject, team, week, standard string }
	idx := map[key]int{}
	var out []standards.Tally
	for _, t := range ts {
		k := key{t.Subject, t.Team, t.Week, t.Standard}
		if i, ok := idx[k]; ok {
			out[i].Add(t)
			continue
		}
		idx[k] = len(out)
		out = append(out, t)
	}
	kept := out[:0]
	for _, t := range out {
		z := t
		z.Subject, z.Team, z.Week, z.Standard = "", "", "", ""
		if z != (standards.Tally{}) {
			kept = append(kept, t)
		}
	}
	return kept
}

// tallyStmts adds the tallies (rollup 0) and their rollup (rollup 1).
func tallyStmts(o *StoredObservation, ts []standards.Tally) []Stmt {
	ts = MergeTallies(ts)
	var out []Stmt
	for _, set := range []struct {
		rollup int64
		rows   []standards.Tally
	}{{0, ts}, {1, MergeTallies(standards.Rollup(ts))}} {
		for _, t := range set.rows {
			args := []any{o.Org, o.Book, set.rollup, t.Subject, t.Team, t.Week, t.Standard, int64(t.Reviews), t.ScoreSum, int64(t.Passed), int64(t.Disputed),
				int64(t.Met), int64(t.NotMet), int64(t.NA), int64(t.Purposeful), int64(t.NeedsCorrection), t.RatingSum}
			out = append(out, Stmt{
				SQL: `INSERT INTO acc_tallies (org, book, rollup, subject, team, week, standard, reviews, score_sum, passed, disputed,
				met, not_met, na, purposeful, needs_correction, rating_sum)
				SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?` + guard + `
				ON CONFLICT (org, book, rollup, subject, team, week, standard) DO UPDATE SET
				reviews = reviews + excluded.reviews, score_sum = score_sum + excluded.score_sum,
				passed = passed + excluded.passed, disputed = disputed + excluded.disputed,
				met = met + excluded.met, not_met = not_met + excluded.not_met, na = na + excluded.na,
				purposeful = purposeful + excluded.purposeful, needs_correction = needs_correction + excluded.needs_correction,
				rating_sum = rating_sum + excluded.rating_sum`,
				Args: append(args, guardArgs(o)...),
			})
		}
	}
	return out
}

func storyStmts(o *StoredObservation, stories []standards.Story) []Stmt {
	var out []Stmt
	for _, st := range stories {
		b, _ := json.Marshal(st)
		out = append(out, Stmt{
			SQL: `INSERT INTO acc_stories (org, book, observation, standard, subject, team, observer, at, body)
				SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?` + guard + ` ON CONFLICT (org, observation, standard) DO NOTHING`,
			Args: append([]any{o.Org, o.Book, o.Observation.ID, st.Standard, st.Subject, o.Observation.Team, st.Observer,
				st.At.UnixMilli(), string(b)}, guardArgs(o)...),
		})
	}
	return out
}

func historyStmt(o *StoredObservation, kind, by string, at int64, body []byte) Stmt {
	return Stmt{
		SQL:  `INSERT INTO acc_history (org, observation, kind, by, at, body) SELECT ?, ?, ?, ?, ?, ?` + guard,
		Args: append([]any{o.Org, o.Observation.ID, kind, by, at, string(body)}, guardArgs(o)...),
	}
}

const obsCols = `org, book, card_version, body, digest, write_id, rev, created_at, locks_at`

func scanObservation(row scanner) (StoredObservation, error) {
	var o StoredObservation
	var body string
	var ver, rev int64
	err := row.Scan(&o.Org, &o.Book, &ver, &body, &o.Digest, &o.WriteID, &rev, &o.CreatedAt, &o.LocksAt)
	if errors.Is(err, sql.ErrNoRows) {
		return StoredObservation{}, ErrNotFound
	}
	if err != nil {
		return StoredObservation{}, err
	}
	o.CardVersion, o.Rev = int(ver), int(rev)
	if err := json.Unmarshal([]byte(body), &o.Observation); err != nil {
		return StoredObservation{}, fmt.Errorf("store: observation: %w", err)
	}
	return o, nil
}

// Observation returns the observation id of org.
func (s *Store) Observation(ctx context.Context, org, id string) (StoredObservation, error) {
	return scanObservation(s.db.QueryRowContext(ctx, `SELECT `+obsCols+` FROM acc_observations WHERE org = ? AND id = ?`, org, id))
}

// ObservationFilter selects observations. Empty fields select all.
type ObservationFilter struct {
	Book, Subject, Observer string
	// Limit caps the answer (default and maximum 1000); the newest come
	// first.
	Limit int
}

// Observations returns org's observations matching f, newest first.
func (s *Store) Observations(ctx context.Context, org string, f ObservationFilter) ([]StoredObservation, error) {
	q := `SELECT ` + obsCols + ` FROM acc_observations WHERE org = ?`
	args := []any{org}
	for _, c := range []struct{ col, v string }{{"book", f.Book}, {"subject", f.Subject}, {"observer", f.Observer}} {
		if c.v != "" {
			q += ` AND ` + c.col + ` = ?`
			args = append(args, c.v)
		}
	}
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 1000
	}
	return queryAll(ctx, s, scanObservation, q+` ORDER BY at DESC, id LIMIT ?`, append(args, f.Limit)...)
}

// History returns the steps of an observation, oldest first.
func (s *Store) History(ctx context.Context, org, id string) ([]HistoryEntry, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT kind, by, at, body FROM acc_history WHERE org = ? AND observation = ? ORDER BY seq`, org, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []HistoryEntry
	for rows.Next() {
		var e HistoryEntry
		var at int64
		var body string
		if err := rows.Scan(&e.Kind, &e.By, &at, &body); err != nil {
			return nil, err
		}
		e.At, e.Body = time.UnixMilli(at).UTC(), json.RawMessage(body)
		out = append(out, e)
	}
	return out, rows.Err()
}

// TallyFilter narrows the tallies of a book to one person or one team.
type TallyFilter struct{ Subject, Team string }

// Tallies returns the pre-aggregated tallies of a book narrowed by f, or
// their standards.Rollup when f is empty (fewer rows, the same report).
func (s *Store) Tallies(ctx context.Context, org, book string, f TallyFilter) ([]standards.Tally, error) {
	rollup := b2i(f == (TallyFilter{}))
	q := `SELECT subject, team, week, standard, reviews, score_sum, passed, disputed, met, not_met, na, purposeful, needs_correction, rating_sum
		FROM acc_tallies WHERE org = ? AND book = ? AND rollup = ?`
	args := []any{org, book, rollup}
	if f.Subject != "" {
		q += ` AND subject = ?`
		args = append(args, f.Subject)
	}
	if f.Team != "" {
		q += ` AND team = ?`
		args = append(args, f.Team)
	}
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []standards.Tally
	for rows.Next() {
		var t standards.Tally
		if err := rows.Scan(&t.Subject, &t.Team, &t.Week, &t.Standard, &t.Reviews, &t.ScoreSum, &t.Passed, &t.Disputed,
			&t.Met, &t.NotMet, &t.NA, &t.Purposeful, &t.NeedsCorrection, &t.RatingSum); err != nil {
			return nil, err
		}
		if t.Reviews == 0 && t.Disputed == 0 && t.Met == 0 && t.NotMet == 0 && t.NA == 0 {
			continue // everything taken away again
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// Stories returns up to limit purposeful deviations of a book, newest
// first, narrowed like [Store.Tallies].
func (s *Store) Stories(ctx context.Context, org, book string, f TallyFilter, limit int) ([]standards.Story, error) {
	q := `SELECT body FROM acc_stories WHERE org = ? AND book = ?`
	args := []any{org, book}
	if f.Subject != "" {
		q += ` AND subject = ?`
		args = append(args, f.Subject)
	}
	if f.Team != "" {
		q += ` AND team = ?`
		args = append(args, f.Team)
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY at DESC, observation, standard LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []standards.Story{}
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, err
		}
		var st standards.Story
		if err := json.Unmarshal([]byte(body), &st); err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// Session is a calibration session. Doc is the session as the API keeps
// it (units, scorecard snapshot, expert answer); Result is set at the
// close.
type Session struct {
	Org       string
	ID        string
	Book      string
	Owner     string
	Deadline  int64
	Doc       []byte
	CreatedAt int64
	ClosedAt  int64
	Result    []byte
}

// SessionStmt stores a new session.
func SessionStmt(se Session) Stmt {
	return Stmt{
		SQL:  `INSERT INTO acc_sessions (org, id, book, owner, deadline, doc, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		Args: []any{se.Org, se.ID, se.Book, se.Owner, se.Deadline, string(se.Doc), se.CreatedAt},
	}
}

// CloseSessionStmt closes an open session with its result (once).
func CloseSessionStmt(org, id string, at int64, result []byte) Stmt {
	return Stmt{
		SQL:  `UPDATE acc_sessions SET closed_at = ?, result = ? WHERE org = ? AND id = ? AND closed_at = 0`,
		Args: []any{at, string(result), org, id},
	}
}

const sessionCols = `org, id, book, owner, deadline, doc, created_at, closed_at, result`

func scanSession(row scanner) (Session, error) {
	var se Session
	var doc, res string
	err := row.Scan(&se.Org, &se.ID, &se.Book, &se.Owner, &se.Deadline, &doc, &se.CreatedAt, &se.ClosedAt, &res)
	if errors.Is(err, sql.ErrNoRows) {
		return Session{}, ErrNotFound
	}
	se.Doc, se.Result = []byte(doc), []byte(res)
	return se, err
}

// Session returns the session id of org.
func (s *Store) Session(ctx context.Context, org, id string) (Session, error) {
	return scanSession(s.db.QueryRowContext(ctx, `SELECT `+sessionCols+` FROM acc_sessions WHERE org = ? AND id = ?`, org, id))
}

// ClosedSessions returns the closed sessions of a book, oldest close
// first (the calibration trend).
func (s *Store) ClosedSessions(ctx context.Context, org, book string) ([]Session, error) {
	return queryAll(ctx, s, scanSession, `SELECT `+sessionCols+` FROM acc_sessions WHERE org = ? AND book = ? AND closed_at > 0
		ORDER BY closed_at, id`, org, book)
}

// Answer is one rater's answer in a calibration session.
type Answer struct {
	Rater       string
	Body        []byte
	SubmittedAt int64
}

// AnswerStmt stores a rater's answer if the session is still open at
// `at`. An answer is never replaced: a second one is ErrConflict; a
// closed session changes no row.
func AnswerStmt(org, session string, a Answer) Stmt {
	return Stmt{
		SQL: `INSERT INTO acc_answers (org, session, rater, body, submitted_at)
			SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM acc_sessions WHERE org = ? AND id = ? AND closed_at = 0 AND deadline > ?)`,
		Args: []any{org, session, a.Rater, string(a.Body), a.SubmittedAt, org, session, a.SubmittedAt},
	}
}

// Answers returns the answers of a session by rater. rater "" gives
// all; otherwise only that rater's (at most one).
func (s *Store) Answers(ctx context.Context, org, session, rater string) ([]Answer, error) {
	q := `SELECT rater, body, submitted_at FROM acc_answers WHERE org = ? AND session = ?`
	args := []any{org, session}
	if rater != "" {
		q += ` AND rater = ?`
		args = append(args, rater)
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY rater`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Answer
	for rows.Next() {
		var a Answer
		var body string
		if err := rows.Scan(&a.Rater, &body, &a.SubmittedAt); err != nil {
			return nil, err
		}
		a.Body = []byte(body)
		out = append(out, a)
	}
	return out, rows.Err()
}
