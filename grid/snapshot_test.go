package grid

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// randomLog is a random workshop log: the scripted workshop with some
// events dropped, extra edits, renames, tags, votes and scores mixed in,
// and some times moved so that events arrive late.
func randomLog(rng *rand.Rand) []Event {
	anon := []Anonymity{Anonymous, Alias, Named}[rng.IntN(3)]
	var out []Event
	for i, e := range workshop(anon) {
		if i > 0 && rng.IntN(8) == 0 {
			continue // dropped: later events may now be refused
		}
		if rng.IntN(6) == 0 {
			e.At = e.At.Add(-time.Duration(rng.IntN(600)) * time.Second) // late
		}
		out = append(out, e)
		for k := range rng.IntN(3) {
			id := fmt.Sprintf("%s-x%d", e.ID, k)
			sec := int(e.At.Sub(t0)/time.Second) + 1 + k
			actor := []string{"f", "p1", "p2"}[rng.IntN(3)]
			item := []string{"k1", "s1", "i1", "i2", "i3"}[rng.IntN(5)]
			var x Event
			switch rng.IntN(5) {
			case 0:
				x = ev(id, EditItem, actor, sec, withItem(item), withText(fmt.Sprintf("Edited %d", rng.IntN(100))))
				x.Tags = []Tag{Tag(1 + rng.IntN(7))}
			case 1:
				x = ev(id, Join, actor, sec, withName(fmt.Sprintf("Name %d", rng.IntN(100))))
			case 2:
				x = ev(id, Vote, actor, sec, withItem(item))
			case 3:
				x = ev(id, ScoreItem, actor, sec, withItem(item), withScore(Score{1, 2, 3, 0.5}, CostLow, rng.IntN(2) == 0))
			default:
				x = ev(id, Decide, "f", sec, withItem(item), withStatus(Status(1+rng.IntN(3))))
			}
			if rng.IntN(4) == 0 {
				x.At = x.At.In(time.FixedZone("", 3600*(1+rng.IntN(5)))) // sent with a local offset
			}
			out = append(out, x)
		}
	}
	return out
}

// sessionOutputs is everything a member can read of a session, as JSON:
// for each member the view, the export and the events from the start.
func sessionOutputs(t *testing.T, s *Session) string {
	t.Helper()
	out := fuzzSnapshot(t, s)
	now := t0.Add(time.Hour)
	for _, m := range s.st.memberOrder {
		v, err := s.View(m, now)
		require.NoError(t, err)
		evs, next := s.EventsFor(m, 0)
		j, err := json.Marshal(struct {
			V    *View
			E    []Event
			Next int
		}{v, evs, next})
		require.NoError(t, err)
		out += string(j)
	}
	return out + fmt.Sprint(s.Len(), s.Facilitator(), s.Step())
}

func TestSnapshotPlusTailEqualsReplay(t *testing.T) {
	for seed := range uint64(300) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 16))
			log := randomLog(rng)
			cut := rng.IntN(len(log) + 1)
			full := NewSession()
			errs := make([]error, len(log))
			for i, e := range log {
				errs[i] = full.Apply(e)
			}
			head := NewSession()
			for _, e := range log[:cut] {
				_ = head.Apply(e)
			}
			data, err := head.MarshalSnapshot()
			require.NoError(t, err)
			restored, err := UnmarshalSnapshot(data)
			require.NoError(t, err)
			require.Equal(t, sessionOutputs(t, head), sessionOutputs(t, restored), "the snapshot alone")
			for i, e := range log[cut:] {
				assert.Equal(t, errs[cut+i] == nil, restored.Apply(e) == nil, "event %s", e.ID)
			}
			assert.Equal(t, sessionOutputs(t, full), sessionOutputs(t, restored), "snapshot then tail")
			for _, e := range log {
				at, ok := restored.At(e.ID)
				assert.Equal(t, full.Has(e.ID), ok)
				if ok {
					assert.True(t, at.Equal(e.At))
				}
			}
			again, err := restored.MarshalSnapshot()
			require.NoError(t, err)
			back, err := UnmarshalSnapshot(again)
			require.NoError(t, err)
			assert.Equal(t, sessionOutputs(t, full), sessionOutputs(t, back), "a snapshot of a restored session")
		})
	}
}

func TestUnmarshalSnapshotRefuses(t *testing.T) {
	s, err := Replay(workshop(Alias))
	require.NoError(t, err)
	good, err := s.MarshalSnapshot()
	require.NoError(t, err)
	other := append([]byte(nil), good...)
	other[len(snapshotMagic)] = SnapshotVersion + 1
	// Without the create event the rest no longer folds.
	tail := NewSession()
	tail.events = s.events[1:]
	headless, err := tail.MarshalSnapshot()
	require.NoError(t, err)
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrBadSnapshot},
		{"not a snapshot", []byte(`{"version":"purposeful.session/v1"}`), ErrBadSnapshot},
		{"another version", other, ErrSnapshotVersion},
		{"cut short", good[:len(good)/2], ErrBadSnapshot},
		{"trailing bytes", append(append([]byte(nil), good...), 0), ErrBadSnapshot},
		{"events that do not fold", headless, ErrBadSnapshot},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := UnmarshalSnapshot(tc.data)
			assert.ErrorIs(t, err, tc.want)
			assert.Nil(t, got)
		})
	}
}

// FuzzSnapshot: any data either is refused or gives a session whose own
// snapshot reads back to the same session.
func FuzzSnapshot(f *testing.F) {
	for seed := range uint64(4) {
		s := NewSession()
		for _, e := range randomLog(rand.New(rand.NewPCG(seed, 16))) {
			_ = s.Apply(e)
		}
		data, err := s.MarshalSnapshot()
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte(snapshotMagic + "\x01\x01\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := UnmarshalSnapshot(data)
		if err != nil {
			assert.Nil(t, s)
			return
		}
		again, err := s.MarshalSnapshot()
		require.NoError(t, err)
		back, err := UnmarshalSnapshot(again)
		require.NoError(t, err)
		assert.Equal(t, sessionOutputs(t, s), sessionOutputs(t, back))
	})
}

// BenchmarkUnmarshalSnapshot reads back a session of n events (ideas,
// then edits of them), as a server does for a workshop it has not
// folded yet.
func BenchmarkUnmarshalSnapshot(b *testing.B) {
	for _, n := range []int{100, 2000, 20000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			s := NewSession()
			for _, e := range workshop(Named)[:8] {
				require.NoError(b, s.Apply(e))
			}
			for i := range n {
				e := ev(fmt.Sprint("x", i), AddItem, "p1", 100+i, withItem(fmt.Sprint("x", i%500)), withColumn(ColumnSkills), withText(fmt.Sprintf("Idea %d", i)))
				if i >= 500 {
					e.Type, e.Column, e.Text = EditItem, ColumnUnset, fmt.Sprintf("Idea %d, edit %d", i%500, i/500)
				}
				require.NoError(b, s.Apply(e))
			}
			data, err := s.MarshalSnapshot()
			require.NoError(b, err)
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := UnmarshalSnapshot(data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
