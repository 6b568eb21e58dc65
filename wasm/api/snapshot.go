package api

import (
	"encoding/binary"
	"errors"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/store"
)

// snapshotEvery is how many stored events a fold may run ahead of the
// workshop's stored snapshot before it stores a new one: a fold that
// starts afresh reads at most this many events as JSON.
const snapshotEvery = 200

// snapshotFormat is the version of the API's part of a snapshot (the
// fold's bookkeeping around grid's session snapshot). The stored version
// joins it with [grid.SnapshotVersion], so that a change to either makes
// older snapshots be ignored and rebuilt from the log.
const snapshotFormat = 1

const snapshotVersion = snapshotFormat<<8 | grid.SnapshotVersion

// errBadSnapshot: a stored snapshot that does not fit the log.
var errBadSnapshot = errors.New("api: stored snapshot does not match the log")

// encodeSnapshot encodes the fold: its counters, the seq of each accepted
// event (as increments) and grid's snapshot of the session.
func (f *folded) encodeSnapshot() ([]byte, error) {
	sess, err := f.sess.MarshalSnapshot()
	if err != nil {
		return nil, err
	}
	b := make([]byte, 0, len(sess)+16+3*len(f.seqs))
	for _, v := range []int64{int64(f.count), f.bytes, int64(f.proxies), int64(len(f.seqs))} {
		b = binary.AppendUvarint(b, uint64(v))
	}
	prev := int64(0)
	for _, s := range f.seqs {
		b = binary.AppendUvarint(b, uint64(s-prev))
		prev = s
	}
	return append(b, sess...), nil
}

// decodeSnapshot reads a fold at cursor from encodeSnapshot's output, and
// checks it against itself: one increasing seq per accepted event, none
// after the cursor.
func decodeSnapshot(data []byte, cursor int64) (*folded, error) {
	var vals [4]uint64
	for i := range vals {
		v, n := binary.Uvarint(data)
		if n <= 0 || v > 1<<53 {
			return nil, errBadSnapshot
		}
		vals[i], data = v, data[n:]
	}
	f := &folded{count: int(vals[0]), bytes: int64(vals[1]), proxies: int(vals[2]), cursor: cursor}
	if vals[3] > uint64(len(data)) || vals[3] > vals[0] {
		return nil, errBadSnapshot
	}
	f.seqs = make([]int64, vals[3])
	prev := int64(0)
	for i := range f.seqs {
		d, n := binary.Uvarint(data)
		if n <= 0 || d == 0 || d > uint64(cursor-prev) {
			return nil, errBadSnapshot
		}
		prev += int64(d)
		f.seqs[i], data = prev, data[n:]
	}
	sess, err := grid.UnmarshalSnapshot(data)
	if err != nil {
		return nil, err
	}
	if sess.Len() != len(f.seqs) {
		return nil, errBadSnapshot
	}
	f.sess, f.saved = sess, f.count
	return f, nil
}

// restore starts an empty fold from the workshop's stored snapshot, if
// there is one this code can read. Any problem leaves the fold empty: it
// is then rebuilt from the log (and a new snapshot stored), never trusted.
func (f *folded) restore(c *call, w store.Workshop) {
	snap, err := c.h.cfg.Store.Snapshot(c.r.Context(), w.Org, w.ID, snapshotVersion)
	if err != nil {
		return
	}
	got, err := decodeSnapshot(snap.Body, snap.Cursor)
	if err != nil {
		return
	}
	f.sess, f.cursor, f.seqs, f.count, f.bytes, f.proxies, f.saved =
		got.sess, got.cursor, got.seqs, got.count, got.bytes, got.proxies, got.saved
}

// save stores a snapshot of the fold at its cursor. A failure costs only
// speed (the next fresh fold reads more of the log), so it is not the
// request's error.
func (f *folded) save(c *call, w store.Workshop) {
	if f.sess.Len() != len(f.seqs) { // an append's events not stored yet
		return
	}
	body, err := f.encodeSnapshot()
	if err != nil {
		return
	}
	err = c.h.cfg.Store.PutSnapshot(c.r.Context(), store.Snapshot{Org: w.Org, WorkshopID: w.ID, Cursor: f.cursor,
		Version: snapshotVersion, Body: body, CreatedAt: c.h.now()})
	if err == nil {
		f.saved = f.count
	}
}
