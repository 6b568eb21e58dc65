package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// Errors returned by [Store] methods.
var (
	// ErrNotFound: no row with that id in that organisation.
	ErrNotFound = errors.New("store: not found")
	// ErrConflict: a unique value (join code, id) is already taken.
	ErrConflict = errors.New("store: conflict")
)

// Stmt is one SQL statement with its arguments, a unit of a batch.
type Stmt struct {
	SQL  string
	Args []any
}

// Batcher applies statements atomically: all or none, and returns the
// number of rows each statement changed. D1's batch() and a database/sql
// transaction both qualify.
type Batcher interface {
	Batch(ctx context.Context, stmts []Stmt) ([]int64, error)
}

// TxBatcher runs a batch inside one database/sql transaction.
type TxBatcher struct{ DB *sql.DB }

// Batch implements [Batcher].
func (b TxBatcher) Batch(ctx context.Context, stmts []Stmt) ([]int64, error) {
	tx, err := b.DB.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	changes := make([]int64, len(stmts))
	for i, s := range stmts {
		res, err := tx.ExecContext(ctx, s.SQL, s.Args...)
		if err != nil {
			tx.Rollback()
			return nil, mapErr(err)
		}
		changes[i], _ = res.RowsAffected()
	}
	return changes, mapErr(tx.Commit())
}

// Store is the API's database. Build it with [New].
type Store struct {
	db    *sql.DB
	batch Batcher
}

// New returns a store on db. Writes go through b; when b is nil they run in
// a database/sql transaction ([TxBatcher]).
func New(db *sql.DB, b Batcher) *Store {
	if b == nil {
		b = TxBatcher{DB: db}
	}
	return &Store{db: db, batch: b}
}

// DB returns the underlying database.
func (s *Store) DB() *sql.DB { return s.db }

// Batch applies stmts atomically.
func (s *Store) Batch(ctx context.Context, stmts ...Stmt) error {
	_, err := s.BatchChanges(ctx, stmts...)
	return err
}

// BatchChanges applies stmts atomically and returns how many rows each
// one changed.
func (s *Store) BatchChanges(ctx context.Context, stmts ...Stmt) ([]int64, error) {
	if len(stmts) == 0 {
		return nil, nil
	}
	ch, err := s.batch.Batch(ctx, stmts)
	return ch, mapErr(err)
}

// mapErr turns a unique-constraint failure of either driver into
// ErrConflict (keeping the original text).
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	if strings.Contains(err.Error(), "UNIQUE constraint failed") {
		return fmt.Errorf("%w: %v", ErrConflict, err)
	}
	return err
}

func b2i(b bool) int64 {
	if b {
		return 1
	}
	return 0
}
