//go:build !js

package store_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/purposefulcx/purposeful/wasm/store"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSnapshots(t *testing.T) {
	// A body with every byte value and larger than one part (512 KiB of
	// base64 text), as a long workshop's is.
	big := bytes.Repeat([]byte{0, 1, 0xff, 'a', 0x80, '\n'}, 200_000)
	for _, tc := range []struct {
		name   string
		put    []store.Snapshot
		drop   int64 // a part of this cursor's snapshot is deleted afterwards
		org    string
		want   int64 // cursor of the snapshot read; 0: none
		wantOf []byte
	}{
		{name: "none", org: "acme"},
		{name: "one", put: []store.Snapshot{{Cursor: 5, Body: []byte("five")}}, org: "acme", want: 5, wantOf: []byte("five")},
		{name: "the newest wins", put: []store.Snapshot{{Cursor: 5, Body: []byte("five")}, {Cursor: 9, Body: []byte("nine")}},
			org: "acme", want: 9, wantOf: []byte("nine")},
		{name: "an older one written late does not replace it", put: []store.Snapshot{{Cursor: 9, Body: []byte("nine")}, {Cursor: 5, Body: []byte("five")}},
			org: "acme", want: 9, wantOf: []byte("nine")},
		{name: "in parts", put: []store.Snapshot{{Cursor: 7, Body: big}}, org: "acme", want: 7, wantOf: big},
		{name: "another version is ignored", put: []store.Snapshot{{Cursor: 5, Body: []byte("five"), Version: 2}}, org: "acme"},
		{name: "another organisation's is not found", put: []store.Snapshot{{Cursor: 5, Body: []byte("five")}}, org: "globex"},
		{name: "a snapshot missing a part is skipped", put: []store.Snapshot{{Cursor: 3, Body: []byte("three")}, {Cursor: 7, Body: big}},
			drop: 7, org: "acme"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			seed(t, s, "acme", "w1", "AAAA-BBBB")
			ctx := context.Background()
			for _, p := range tc.put {
				p.Org, p.WorkshopID = "acme", "w1"
				if p.Version == 0 {
					p.Version = 1
				}
				require.NoError(t, s.PutSnapshot(ctx, p))
			}
			if tc.drop != 0 {
				_, err := s.DB().Exec(`DELETE FROM snapshots WHERE cursor = ? AND part = 1`, tc.drop)
				require.NoError(t, err)
			}
			got, err := s.Snapshot(ctx, tc.org, "w1", 1)
			if tc.want == 0 {
				assert.ErrorIs(t, err, store.ErrNotFound)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got.Cursor)
			assert.Equal(t, tc.wantOf, got.Body)
		})
	}
}
