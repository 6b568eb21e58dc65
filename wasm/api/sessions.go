package api

import (
	"encoding/json"
	"sort"
	"sync"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/store"
)

// maxCachedSessions bounds the folded sessions one handler keeps.
const maxCachedSessions = 32

// folded is a workshop's session folded from its stored events up to
// cursor, kept between requests so that a read applies only the events
// stored since (a poll of a 20,000-event workshop costs what a small
// one's does). A fold that starts afresh (a new process or worker
// isolate, an evicted or reset entry) starts from the workshop's stored
// snapshot when there is one (see snapshot.go). Its mutex also
// serialises the appends to the workshop made through this handler.
type folded struct {
	mu      sync.Mutex
	key     string
	used    int64 // for eviction: a counter, larger is more recent
	sess    *grid.Session
	cursor  int64   // seq of the last stored event read
	seqs    []int64 // seq of each accepted event, in the session's order
	count   int     // stored events (accepted or not)
	bytes   int64   // stored bytes
	proxies int     // members the facilitator joined for someone in the room
	saved   int     // count when the stored snapshot was taken (or read)
}

// reset forgets the fold: the next refresh starts again from the
// snapshot or the log.
func (f *folded) reset() {
	f.sess, f.cursor, f.seqs, f.count, f.bytes, f.proxies, f.saved = nil, 0, nil, 0, 0, 0, 0
}

// refresh applies the events of w stored after the cursor. Events that no
// longer apply (two writers that both passed validation) are skipped, as
// every reader skips them. An event already applied by an append of this
// handler (it is stored in the order it was applied) gets its seq here.
// When enough events were folded since the stored snapshot, it stores a
// new one.
func (f *folded) refresh(c *call, w store.Workshop) error {
	if f.sess == nil {
		if !c.h.sessions.noSnapshots {
			f.restore(c, w)
		}
		if f.sess == nil {
			f.sess = grid.NewSession()
		}
	}
	evs, err := c.h.cfg.Store.Events(c.r.Context(), w.Org, w.ID, f.cursor, 0)
	if err != nil {
		f.reset()
		return err
	}
	for _, e := range evs {
		f.cursor = e.Seq
		f.count++
		f.bytes += int64(len(e.Body))
		var ge grid.Event
		if json.Unmarshal(e.Body, &ge) != nil {
			continue
		}
		n := f.sess.Len()
		if f.sess.Apply(ge) != nil || (f.sess.Len() == n && len(f.seqs) >= n) {
			continue
		}
		f.seqs = append(f.seqs, e.Seq)
		if ge.Type == grid.Join && ge.Participant != "" {
			f.proxies++
		}
	}
	if !c.h.sessions.noSnapshots && f.count-f.saved >= snapshotEvery {
		f.save(c, w)
	}
	return nil
}

// index is the session index of the first accepted event stored after
// seq after.
func (f *folded) index(after int64) int {
	return sort.Search(len(f.seqs), func(i int) bool { return f.seqs[i] > after })
}

// sessionCache holds the folded sessions of the workshops in use, at most
// maxCachedSessions, dropping the least recently used.
type sessionCache struct {
	mu   sync.Mutex
	tick int64
	m    map[string]*folded
	// noSnapshots folds every session from its whole log, as before
	// snapshots were kept (the benchmarks' "before").
	noSnapshots bool
}

func (sc *sessionCache) get(key string) *folded {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.m == nil {
		sc.m = map[string]*folded{}
	}
	sc.tick++
	if f, ok := sc.m[key]; ok {
		f.used = sc.tick
		return f
	}
	if len(sc.m) >= maxCachedSessions {
		var old *folded
		for _, f := range sc.m {
			if old == nil || f.used < old.used {
				old = f
			}
		}
		delete(sc.m, old.key) // a request still holding it finishes with it
	}
	f := &folded{key: key, used: sc.tick}
	sc.m[key] = f
	return f
}

// withSession runs fn with the session of w brought up to date, holding
// its lock.
func (c *call) withSession(w store.Workshop, fn func(*folded) error) error {
	f := c.h.sessions.get(w.Org + "/" + w.ID)
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.refresh(c, w); err != nil {
		return err
	}
	return fn(f)
}
