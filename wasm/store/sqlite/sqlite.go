// Package sqlite opens a [store.Store] on a SQLite file with the pure-Go
// driver modernc.org/sqlite, for the local server and native tests. The
// worker never imports it.
package sqlite

import (
	"context"
	"database/sql"
	"net/url"

	"github.com/purposefulcx/purposeful/wasm/store"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Open opens (creating if needed) the SQLite database at path and applies
// the migrations. The database uses one connection: SQLite has one writer
// at a time anyway, and a single connection makes batches simple and
// ":memory:" databases work.
func Open(ctx context.Context, path string) (*store.Store, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "foreign_keys(1)")
	if path != ":memory:" {
		q.Add("_pragma", "journal_mode(WAL)")
	}
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	s := store.New(db, nil)
	if err := s.Migrate(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}
