package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/purposefulcx/purposeful/standards"
)

// Roles of a [Person] in the accountability loop. The organisation itself
// (its API key) is the admin.
const (
	RoleSupervisor = "supervisor" // records, disputes for staff, arbitrates, runs calibration, reads everything
	RoleObserver   = "observer"   // a peer observer: records and rates in calibration sessions
	RoleStaff      = "staff"      // is observed: reads and disputes their own observations
)

// Person is someone of an organisation in the accountability loop, known
// by the pseudonymous id the organisation chose. Only the SHA-256 of
// their role token is stored.
type Person struct {
	Org       string `json:"-"`
	ID        string `json:"id"`
	Role      string `json:"role"`
	Team      string `json:"team"`
	Name      string `json:"name,omitempty"`
	TokenHash string `json:"-"`
	CreatedAt int64  `json:"-"`
}

// PersonStmt stores a person, replacing their role, team, name and token.
func PersonStmt(p Person) Stmt {
	return Stmt{
		SQL: `INSERT INTO acc_people (org, id, role, team, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (org, id) DO UPDATE SET role = excluded.role, team = excluded.team, name = excluded.name, token_hash = excluded.token_hash`,
		Args: []any{p.Org, p.ID, p.Role, p.Team, p.Name, p.TokenHash, p.CreatedAt},
	}
}

// scanner is a *sql.Row or the current row of *sql.Rows.
type scanner interface{ Scan(...any) error }

// queryAll runs q and scans every row with scan.
func queryAll[T any](ctx context.Context, s *Store, scan func(scanner) (T, error), q string, args ...any) ([]T, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

const personCols = `org, id, role, team, name, token_hash, created_at`

func scanPerson(row scanner) (Person, error) {
	var p Person
	err := row.Scan(&p.Org, &p.ID, &p.Role, &p.Team, &p.Name, &p.TokenHash, &p.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return Person{}, ErrNotFound
	}
	return p, err
}

// PersonByToken returns the person whose role token has that hash.
func (s *Store) PersonByToken(ctx context.Context, hash string) (Person, error) {
	return scanPerson(s.db.QueryRowContext(ctx, `SELECT `+personCols+` FROM acc_people WHERE token_hash = ?`, hash))
}

// People returns the people of org by id.
func (s *Store) People(ctx context.Context, org string) ([]Person, error) {
	return queryAll(ctx, s, scanPerson, `SELECT `+personCols+` FROM acc_people WHERE org = ? ORDER BY id`, org)
}

// AccountabilitySettings are an organisation's settings of the loop.
type AccountabilitySettings struct {
	// XAPI: record an xAPI statement for every observation, with the
	// observed person as the actor. Default off.
	XAPI bool `json:"xapi"`
	// LockMinutes: an observation can be amended for this long after it
	// is recorded. Default 10080 (a week).
	LockMinutes int64 `json:"lockMinutes"`
}

// DefaultLockMinutes is the default of AccountabilitySettings.LockMinutes.
const DefaultLockMinutes = 7 * 24 * 60

// SettingsStmt stores org's settings.
func SettingsStmt(org string, set AccountabilitySettings) Stmt {
	return Stmt{
		SQL: `INSERT INTO acc_settings (org, xapi, lock_minutes) VALUES (?, ?, ?)
			ON CONFLICT (org) DO UPDATE SET xapi = excluded.xapi, lock_minutes = excluded.lock_minutes`,
		Args: []any{org, b2i(set.XAPI), set.LockMinutes},
	}
}

// Settings returns org's settings (the defaults when none are stored).
func (s *Store) Settings(ctx context.Context, org string) (AccountabilitySettings, error) {
	set := AccountabilitySettings{LockMinutes: DefaultLockMinutes}
	var x int64
	err := s.db.QueryRowContext(ctx, `SELECT xapi, lock_minutes FROM acc_settings WHERE org = ?`, org).Scan(&x, &set.LockMinutes)
	if errors.Is(err, sql.ErrNoRows) {
		return set, nil
	}
	set.XAPI = x != 0
	return set, err
}

// StoredBook is one organisation's standards book for a team: its current
// standards and scorecards (Book.Observations stays empty; observations
// are rows of their own).
type StoredBook struct {
	Org       string
	ID        string
	Team      string
	Book      *standards.Book
	UpdatedAt int64
}

// Versioned is one saved version of a standard or a scorecard.
type Versioned struct {
	ID      string
	Version int
	Body    []byte
}

// SaveBookStmts stores the book's current document and the new versions
// of its standards and scorecards (a scorecard's body is its snapshot, a
// standards.Book with the card and the standards on it).
func SaveBookStmts(b StoredBook, stds, cards []Versioned) ([]Stmt, error) {
	doc, err := json.Marshal(b.Book)
	if err != nil {
		return nil, err
	}
	stmts := []Stmt{{
		SQL: `INSERT INTO acc_books (org, id, team, doc, updated_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (org, id) DO UPDATE SET team = excluded.team, doc = excluded.doc, updated_at = excluded.updated_at`,
		Args: []any{b.Org, b.ID, b.Team, string(doc), b.UpdatedAt},
	}}
	for _, v := range stds {
		stmts = append(stmts, Stmt{SQL: `INSERT INTO acc_standards (org, book, id, version, body, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			Args: []any{b.Org, b.ID, v.ID, int64(v.Version), string(v.Body), b.UpdatedAt}})
	}
	for _, v := range cards {
		stmts = append(stmts, Stmt{SQL: `INSERT INTO acc_cards (org, book, id, version, body, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
			Args: []any{b.Org, b.ID, v.ID, int64(v.Version), string(v.Body), b.UpdatedAt}})
	}
	return stmts, nil
}

func scanBook(row scanner) (StoredBook, error) {
	var b StoredBook
	var doc string
	err := row.Scan(&b.Org, &b.ID, &b.Team, &doc, &b.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return StoredBook{}, ErrNotFound
	}
	if err != nil {
		return StoredBook{}, err
	}
	b.Book = new(standards.Book)
	if err := json.Unmarshal([]byte(doc), b.Book); err != nil {
		return StoredBook{}, fmt.Errorf("store: book %s: %w", b.ID, err)
	}
	return b, nil
}

// Book returns the book id of org.
func (s *Store) Book(ctx context.Context, org, id string) (StoredBook, error) {
	return scanBook(s.db.QueryRowContext(ctx, `SELECT org, id, team, doc, updated_at FROM acc_books WHERE org = ? AND id = ?`, org, id))
}

// Books returns org's books by id.
func (s *Store) Books(ctx context.Context, org string) ([]StoredBook, error) {
	return queryAll(ctx, s, scanBook, `SELECT org, id, team, doc, updated_at FROM acc_books WHERE org = ? ORDER BY id`, org)
}

// LatestVersions returns the latest saved version of every standard and
// every scorecard of a book.
func (s *Store) LatestVersions(ctx context.Context, org, book string) (stds, cards map[string]Versioned, err error) {
	read := func(table string) (map[string]Versioned, error) {
		rows, err := s.db.QueryContext(ctx, `SELECT id, version, body FROM `+table+` t WHERE org = ? AND book = ?
			AND version = (SELECT max(version) FROM `+table+` WHERE org = t.org AND book = t.book AND id = t.id)`, org, book)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		out := map[string]Versioned{}
		for rows.Next() {
			var v Versioned
			var body string
			var ver int64
			if err := rows.Scan(&v.ID, &ver, &body); err != nil {
				return nil, err
			}
			v.Version, v.Body = int(ver), []byte(body)
			out[v.ID] = v
		}
		return out, rows.Err()
	}
	if stds, err = read("acc_standards"); err != nil {
		return nil, nil, err
	}
	cards, err = read("acc_cards")
	return stds, cards, err
}

// Card returns a version of a scorecard's snapshot: a standards.Book with
// the scorecard and its standards as they were at that version.
func (s *Store) Card(ctx context.Context, org, book, id string, version int) (*standards.Book, error) {
	var body string
	err := s.db.QueryRowContext(ctx, `SELECT body FROM acc_cards WHERE org = ? AND book = ? AND id = ? AND version = ?`,
		org, book, id, version).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return decodeCard(body)
}

func decodeCard(body string) (*standards.Book, error) {
	b := new(standards.Book)
	if err := json.Unmarshal([]byte(body), b); err != nil {
		return nil, fmt.Errorf("store: scorecard snapshot: %w", err)
	}
	return b, nil
}
