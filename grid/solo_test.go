package grid

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A solo session is the page's solo mode: the facilitator alone, for the
// group in the room.
func TestSoloSession(t *testing.T) {
	solo := Settings{Solo: true}
	course := func(pos string) evOpt {
		return func(e *Event) { e.Course = &Course{Position: pos, Purpose: "To welcome guests", Process: "Check-in"} }
	}
	tests := []struct {
		name     string
		settings Settings
		events   []Event
		err      error // of the last event
	}{
		{"steps move on before the course is set", solo, []Event{ev("n1", NextStep, "f", 1), ev("n2", NextStep, "f", 2)}, nil},
		{"a team session needs the course first", Settings{}, []Event{ev("n1", NextStep, "f", 1)}, ErrRequired},
		{"the course is set at any step", solo, []Event{ev("n1", NextStep, "f", 1), ev("c1", SetCourse, "f", 2, course("Nurse"))}, nil},
		{"a team session sets its course in the first step", Settings{}, []Event{ev("c0", SetCourse, "f", 1, course("Nurse")), ev("n1", NextStep, "f", 2), ev("c1", SetCourse, "f", 3, course("Nurse"))}, ErrWrongStep},
		{"nobody joins", solo, []Event{ev("j1", Join, "p1", 1, withName("Ana"))}, ErrForbidden},
		{"a session with people in it does not turn solo", Settings{}, []Event{ev("j1", Join, "p1", 1, withName("Ana")), ev("s1", SetSettings, "f", 2, withSettings(solo))}, ErrForbidden},
		{"room dots need step mine", solo, []Event{ev("v1", Vote, "f", 1, withItem("i1"))}, ErrWrongStep},
		{"the facilitator of a team session votes only while voting is open", Settings{}, append(toMine(), ev("v1", Vote, "f", 20, withItem("i1"))), ErrVotingNotOpen},
		{"no room dot to take back", solo, append(toMine(), ev("v1", Unvote, "f", 20, withItem("i1"))), ErrNoVote},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := NewSession()
			require.NoError(t, s.Apply(ev("c", Create, "f", 0, withSettings(tc.settings))))
			for i, e := range tc.events {
				err := s.Apply(e)
				if i < len(tc.events)-1 || tc.err == nil {
					require.NoError(t, err, e.ID)
					continue
				}
				assert.ErrorIs(t, err, tc.err)
			}
		})
	}
}

// toMine fills a session with one idea and moves it to step mine.
func toMine() []Event {
	return []Event{
		ev("m0", SetCourse, "f", 2, func(e *Event) {
			e.Course = &Course{Position: "Nurse", Purpose: "To help patients heal", Process: "Admission"}
		}),
		ev("m1", NextStep, "f", 3), ev("m2", NextStep, "f", 4),
		ev("m3", AddItem, "f", 5, withItem("i1"), withColumn(ColumnPurposeful), withText("Greet every patient by name")),
		ev("m4", AddItem, "f", 6, withItem("i2"), withColumn(ColumnPurposeful), withText("Explain what happens next")),
		ev("m5", NextStep, "f", 7),
	}
}

func TestSoloRoomDots(t *testing.T) {
	s := NewSession()
	require.NoError(t, s.Apply(ev("c", Create, "f", 0, withSettings(Settings{Solo: true}))))
	for _, e := range toMine() {
		require.NoError(t, s.Apply(e))
	}
	for i := range 7 { // more than the 5 dots and 2 per item a member has
		require.NoError(t, s.Apply(ev("v"+string(rune('a'+i)), Vote, "f", 20+i, withItem("i1"))))
	}
	require.NoError(t, s.Apply(ev("u", Unvote, "f", 30, withItem("i1"))))
	require.NoError(t, s.Apply(ev("w", Vote, "f", 31, withItem("i2"))))
	assert.Equal(t, 6, *itemView(t, s, "f", "i1").Votes, "the room's dots show at once, voting was never opened")

	require.NoError(t, s.Apply(ev("m", MergeItems, "f", 32, withItem("i1"), withItems("i2"))))
	assert.Equal(t, 7, *itemView(t, s, "f", "i1").Votes, "the room's dots follow a merge")
	require.NoError(t, s.Apply(ev("um", Unmerge, "f", 33, withItem("i1"))))
	assert.Equal(t, 1, *itemView(t, s, "f", "i2").Votes, "and go back with the undo")

	g, err := s.Export("f")
	require.NoError(t, err)
	assert.Equal(t, 6, g.Purposeful[0].Votes)
	r, err := Replay(s.Log())
	require.NoError(t, err)
	assert.Equal(t, snapshot(t, s), snapshot(t, r), "a solo log replays")

	b, err := EncodeLog(s.Log())
	require.NoError(t, err)
	assert.Contains(t, string(b), `"solo": true`)
	back, err := DecodeLog(b)
	require.NoError(t, err)
	assert.True(t, back[0].Settings.Solo)
}

// The research time-box of a solo session runs on when the step moves on
// (the facilitator may go back to it); a team's stops with the research.
func TestSoloTimerRunsOn(t *testing.T) {
	for _, tc := range []struct {
		name    string
		solo    bool
		running bool
	}{{"solo", true, true}, {"team", false, false}} {
		t.Run(tc.name, func(t *testing.T) {
			s := NewSession()
			require.NoError(t, s.Apply(ev("c", Create, "f", 0, withSettings(Settings{Solo: tc.solo}))))
			for _, e := range toMine()[:3] {
				require.NoError(t, s.Apply(e))
			}
			require.NoError(t, s.Apply(ev("t", StartTimer, "f", 10, withSeconds(600))))
			require.NoError(t, s.Apply(ev("n", NextStep, "f", 70)))
			v, err := s.View("f", t0.Add(130*time.Second))
			require.NoError(t, err)
			assert.Equal(t, tc.running, v.Timer.Running)
			if tc.running {
				assert.Equal(t, 480, v.Timer.RemainingSeconds, "two minutes used")
			} else {
				assert.Equal(t, 540, v.Timer.RemainingSeconds, "one minute used, until the step moved on")
			}
		})
	}
}
