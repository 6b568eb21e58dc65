package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"fmt"
	"slices"
)

// Snapshot is a workshop's session folded up to the event with seq
// Cursor, encoded by the API in format Version, so that a new process or
// worker isolate reads it and the events after Cursor instead of the
// whole log.
type Snapshot struct {
	Org        string
	WorkshopID string
	Cursor     int64
	Version    int
	Body       []byte
	CreatedAt  int64 // Unix milliseconds
}

// snapshotPart is the most body text one row holds: D1 caps a row at
// 2 MB, and a long workshop's snapshot can be larger.
const snapshotPart = 512 << 10

// SnapshotStmts returns the statements that store s, in parts, and drop
// the workshop's snapshots at older cursors. Run them in one batch: a
// reader sees all the parts of a cursor or none. The body is stored as
// base64 text, since D1 binds strings and a binary string would not
// survive the trip through JavaScript.
func SnapshotStmts(s Snapshot) []Stmt {
	text := base64.StdEncoding.EncodeToString(s.Body)
	parts := max(1, (len(text)+snapshotPart-1)/snapshotPart)
	stmts := []Stmt{{
		SQL:  `DELETE FROM snapshots WHERE org = ? AND workshop_id = ? AND cursor < ?`,
		Args: []any{s.Org, s.WorkshopID, s.Cursor},
	}}
	for p := range parts {
		chunk := text[min(len(text), p*snapshotPart):min(len(text), (p+1)*snapshotPart)]
		stmts = append(stmts, Stmt{
			SQL: `INSERT INTO snapshots (workshop_id, cursor, part, parts, org, version, body, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workshop_id, cursor, part) DO NOTHING`,
			Args: []any{s.WorkshopID, s.Cursor, p, parts, s.Org, s.Version, chunk, s.CreatedAt},
		})
	}
	return stmts
}

// PutSnapshot stores s (see [SnapshotStmts]).
func (st *Store) PutSnapshot(ctx context.Context, s Snapshot) error {
	return st.Batch(ctx, SnapshotStmts(s)...)
}

// Snapshot returns the workshop's snapshot at the highest cursor whose
// parts are all stored, in format version; [ErrNotFound] when there is
// none (then the reader folds the log).
func (st *Store) Snapshot(ctx context.Context, org, workshopID string, version int) (Snapshot, error) {
	rows, err := st.db.QueryContext(ctx, `SELECT cursor, part, parts, body, created_at FROM snapshots
		WHERE org = ? AND workshop_id = ? AND version = ? ORDER BY cursor DESC, part`, org, workshopID, version)
	if err != nil {
		return Snapshot{}, err
	}
	defer rows.Close()
	var out []byte // the body decoded so far
	var body sql.RawBytes
	cur := Snapshot{Org: org, WorkshopID: workshopID, Version: version, Cursor: -1}
	var next int64 // the part expected next at cur.Cursor; -1 when one is missing
	complete := false
	for !complete && rows.Next() {
		var cursor, part, parts, at int64
		if err := rows.Scan(&cursor, &part, &parts, &body, &at); err != nil {
			return Snapshot{}, err
		}
		if cursor != cur.Cursor {
			cur.Cursor, cur.CreatedAt, out, next = cursor, at, out[:0], 0
		}
		if part != next {
			next = -1 // a part is missing: try an older cursor
			continue
		}
		if next == 0 {
			out = slices.Grow(out, int(parts)*base64.StdEncoding.DecodedLen(snapshotPart))
		}
		// Every part but the last is a whole number of base64 quanta, so
		// each decodes on its own.
		n, err := base64.StdEncoding.Decode(out[len(out):cap(out)], body)
		if err != nil {
			return Snapshot{}, fmt.Errorf("store: snapshot of %s at %d: %w", workshopID, cur.Cursor, err)
		}
		out = out[:len(out)+n]
		next++
		complete = next == parts
	}
	if err := rows.Err(); err != nil {
		return Snapshot{}, err
	}
	if !complete {
		return Snapshot{}, ErrNotFound
	}
	cur.Body = out
	return cur, nil
}
