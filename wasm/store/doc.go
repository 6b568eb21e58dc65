// Package store keeps the workshops, tokens, events and xAPI statements of
// the Purposeful API in SQL, on database/sql. The same code runs on two
// drivers: SQLite (modernc.org/sqlite, see package sqlite beside this one)
// for the local server and tests, and Cloudflare D1 in the worker.
//
// D1 has batches but no interactive transactions, so every write is a list
// of [Stmt] handed to a [Batcher] in one go: the statements of a batch are
// applied all or none, and no write depends on reading inside the batch.
// Reads that decide a write (does this event id exist?) happen before the
// batch, and the schema's UNIQUE constraints keep concurrent writers safe.
//
// A workshop's session is a fold of its events; [Store.Snapshot] keeps
// the API's latest fold with its cursor, so that a new process or worker
// isolate reads it and the events after it rather than the whole log.
//
// The schema lives in migrations/*.sql, embedded here for [Store.Migrate]
// and read by `wrangler d1 migrations apply` for the worker, so both
// databases always have the same tables.
//
//	db, _ := sql.Open("sqlite", "file:purposeful.sqlite")
//	s := store.New(db, nil) // nil: batches run in a database/sql transaction
//	if err := s.Migrate(ctx); err != nil { ... }
//	w, err := s.Workshop(ctx, "acme", id)
package store
