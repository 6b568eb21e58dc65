package grid

// A session snapshot: the accepted events of a session in a compact
// binary form, so that a server can keep a long session in its database
// and bring it back without decoding, validating and folding its whole
// JSON log again. It is additive to the rest of the package: Session
// itself is unchanged.

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
	"time"

	"github.com/purposefulcx/purposeful/internal/order"
)

// SnapshotVersion is the version of the snapshot format written by
// [Session.MarshalSnapshot]. A snapshot of another version is refused by
// [UnmarshalSnapshot] with [ErrSnapshotVersion]: the caller rebuilds the
// session from its log instead.
const SnapshotVersion = 1

// Errors of [UnmarshalSnapshot].
var (
	// ErrSnapshotVersion: the data is not a snapshot of this version.
	ErrSnapshotVersion = errors.New("grid: snapshot of another version")
	// ErrBadSnapshot: the data is damaged, or its events do not fold
	// into a session.
	ErrBadSnapshot = errors.New("grid: bad snapshot")
)

// snapshotMagic starts every snapshot, followed by the version byte.
const snapshotMagic = "PSNAP"

// event encodings in a snapshot
const (
	snapPlain byte = iota + 1 // the fields below, in binary
	snapJSON                  // EncodeEvent, for the rare events with settings, a course, evidence or a grid
)

// optional fields of a plain event, one bit each
const (
	snapStep = 1 << iota
	snapItems
	snapTags
	snapScore
	snapRoutine
	snapStatus
)

// MarshalSnapshot encodes the session: its accepted events in arrival
// order (the index space of [Session.EventsFor]). [UnmarshalSnapshot]
// gives back a session equal to this one.
func (s *Session) MarshalSnapshot() ([]byte, error) {
	b := make([]byte, 0, 64+len(s.events)*48)
	b = append(b, snapshotMagic...)
	b = append(b, SnapshotVersion)
	b = binary.AppendUvarint(b, uint64(len(s.events)))
	for i := range s.events {
		var err error
		if b, err = appendSnapEvent(b, &s.events[i]); err != nil {
			return nil, err
		}
	}
	return b, nil
}

func appendSnapEvent(b []byte, e *Event) ([]byte, error) {
	if e.Settings != nil || e.Course != nil || len(e.Evidence) > 0 || e.Grid != nil || e.Redacted {
		js, err := EncodeEvent(e)
		if err != nil {
			return nil, err
		}
		b = append(b, snapJSON)
		return snapStr(b, string(js)), nil
	}
	b = append(b, snapPlain)
	for _, s := range [...]string{e.ID, string(e.Type), e.Actor, e.Name, e.Participant, e.Item, e.Text, e.Notes} {
		b = snapStr(b, s)
	}
	_, off := e.At.Zone()
	b = binary.AppendVarint(b, e.At.Unix())
	b = binary.AppendUvarint(b, uint64(e.At.Nanosecond()))
	b = binary.AppendVarint(b, int64(off))
	b = append(b, byte(e.Column), byte(e.Kind), byte(e.Cost))
	b = binary.AppendVarint(b, int64(e.Seconds))
	opt := b2byte(e.Step != nil)*snapStep | b2byte(e.Items != nil)*snapItems | b2byte(e.Tags != nil)*snapTags |
		b2byte(e.Score != nil)*snapScore | b2byte(e.Routine != nil)*snapRoutine | b2byte(e.Status != nil)*snapStatus
	b = append(b, opt)
	if e.Step != nil {
		b = append(b, byte(*e.Step))
	}
	if e.Items != nil {
		b = binary.AppendUvarint(b, uint64(len(e.Items)))
		for _, it := range e.Items {
			b = snapStr(b, it)
		}
	}
	if e.Tags != nil {
		b = binary.AppendUvarint(b, uint64(len(e.Tags)))
		for _, t := range e.Tags {
			b = append(b, byte(t))
		}
	}
	if e.Score != nil {
		for _, f := range [...]float64{e.Score.Experience, e.Score.KPIs, e.Score.Values, e.Score.Purpose} {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(f))
		}
	}
	if e.Routine != nil {
		b = append(b, b2byte(*e.Routine))
	}
	if e.Status != nil {
		b = append(b, byte(*e.Status))
	}
	return b, nil
}

func snapStr(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func b2byte(v bool) byte {
	if v {
		return 1
	}
	return 0
}

// snapReader reads a snapshot. Its strings are slices of one string
// holding the whole snapshot, so reading them allocates nothing.
type snapReader struct {
	s   string
	off int
	bad bool
}

func (r *snapReader) byte() byte {
	if r.off >= len(r.s) {
		r.bad = true
		return 0
	}
	c := r.s[r.off]
	r.off++
	return c
}

func (r *snapReader) uvarint() uint64 {
	var v uint64
	for shift := 0; shift < 64; shift += 7 {
		c := r.byte()
		v |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return v
		}
	}
	r.bad = true
	return 0
}

func (r *snapReader) varint() int64 {
	u := r.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// count reads a length that must fit in the rest of the data (each
// element takes at least one byte).
func (r *snapReader) count() int {
	n := r.uvarint()
	if n > uint64(len(r.s)-r.off) {
		r.bad = true
		return 0
	}
	return int(n)
}

func (r *snapReader) str() string {
	n := r.count()
	if r.bad {
		return ""
	}
	s := r.s[r.off : r.off+n]
	r.off += n
	return s
}

func (r *snapReader) float() float64 {
	if r.off+8 > len(r.s) {
		r.bad = true
		return 0
	}
	v := binary.LittleEndian.Uint64([]byte(r.s[r.off : r.off+8]))
	r.off += 8
	return math.Float64frombits(v)
}

func (r *snapReader) event(e *Event) {
	switch r.byte() {
	case snapJSON:
		d, err := DecodeEvent([]byte(r.str()))
		if err != nil {
			r.bad = true
		}
		*e = d
		return
	case snapPlain:
	default:
		r.bad = true
		return
	}
	var ty string
	for _, p := range [...]*string{&e.ID, &ty, &e.Actor, &e.Name, &e.Participant, &e.Item, &e.Text, &e.Notes} {
		*p = r.str()
	}
	e.Type = EventType(ty)
	sec, nsec, off := r.varint(), r.uvarint(), r.varint()
	if nsec >= 1e9 || off <= -24*3600 || off >= 24*3600 {
		r.bad = true
		return
	}
	// As RFC 3339 text decodes: "Z" in UTC, any other offset in a zone
	// of that offset (written the same way again).
	loc := time.UTC
	if off != 0 {
		loc = time.FixedZone("", int(off))
	}
	e.At = time.Unix(sec, int64(nsec)).In(loc)
	e.Column, e.Kind, e.Cost = Column(r.byte()), Kind(r.byte()), Cost(r.byte())
	e.Seconds = int(r.varint())
	opt := r.byte()
	if opt&snapStep != 0 {
		v := Step(r.byte())
		e.Step = &v
	}
	if opt&snapItems != 0 {
		e.Items = make([]string, r.count())
		for i := range e.Items {
			e.Items[i] = r.str()
		}
	}
	if opt&snapTags != 0 {
		e.Tags = make([]Tag, r.count())
		for i := range e.Tags {
			e.Tags[i] = Tag(r.byte())
		}
	}
	if opt&snapScore != 0 {
		e.Score = &Score{Experience: r.float(), KPIs: r.float(), Values: r.float(), Purpose: r.float()}
	}
	if opt&snapRoutine != 0 {
		v := r.byte() != 0
		e.Routine = &v
	}
	if opt&snapStatus != 0 {
		v := Status(r.byte())
		e.Status = &v
	}
}

// UnmarshalSnapshot rebuilds a session from [Session.MarshalSnapshot]'s
// output. The events are folded again in (At, ID) order, as [Replay]
// does, but without decoding JSON, sorting a log already in order or
// growing the log one event at a time. Every event is still checked and
// must apply, so a damaged snapshot is refused with [ErrBadSnapshot]
// rather than giving a different session.
func UnmarshalSnapshot(data []byte) (*Session, error) {
	if len(data) < len(snapshotMagic)+1 || string(data[:len(snapshotMagic)]) != snapshotMagic {
		return nil, ErrBadSnapshot
	}
	if data[len(snapshotMagic)] != SnapshotVersion {
		return nil, ErrSnapshotVersion
	}
	r := snapReader{s: string(data), off: len(snapshotMagic) + 1}
	events := make([]Event, r.count())
	ids := make(map[string]int, len(events))
	for i := range events {
		r.event(&events[i])
		if r.bad {
			return nil, ErrBadSnapshot
		}
		if _, dup := ids[events[i].ID]; dup {
			return nil, ErrBadSnapshot
		}
		ids[events[i].ID] = i
	}
	if r.off != len(r.s) {
		return nil, ErrBadSnapshot
	}
	s := &Session{events: events, ids: ids, last: -1, st: newState()}
	if len(events) == 0 {
		return s, nil
	}
	// The fold order: arrival order, unless late events came in.
	less := func(a, b int) int { return eventLess(&events[a], &events[b]) }
	idx := make([]int, len(events))
	for i := range idx {
		idx[i] = i
	}
	if !slices.IsSortedFunc(idx, less) {
		order.Func(idx, less)
	}
	for _, i := range idx {
		if err := checkEnvelope(&events[i]); err != nil {
			return nil, errors.Join(ErrBadSnapshot, err)
		}
		if err := s.st.apply(&events[i]); err != nil {
			return nil, errors.Join(ErrBadSnapshot, err)
		}
	}
	s.last = idx[len(idx)-1]
	return s, nil
}

// At returns the time of the accepted event with this id.
func (s *Session) At(id string) (time.Time, bool) {
	i, ok := s.ids[id]
	if !ok {
		return time.Time{}, false
	}
	return s.events[i].At, true
}
