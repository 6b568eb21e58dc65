package grid

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

// names of the people in the scripted workshop; the anonymity tests scan
// every output for them.
var workshopNames = []string{"Morgan Lee", "Ana Ruiz", "Ben Okafor", "Chloe Day"}

type evOpt func(*Event)

func ev(id string, typ EventType, actor string, sec int, opts ...evOpt) Event {
	e := Event{ID: id, Type: typ, Actor: actor, At: t0.Add(time.Duration(sec) * time.Second)}
	for _, o := range opts {
		o(&e)
	}
	return e
}

func withName(n string) evOpt        { return func(e *Event) { e.Name = n } }
func withItem(id string) evOpt       { return func(e *Event) { e.Item = id } }
func withItems(ids ...string) evOpt  { return func(e *Event) { e.Items = ids } }
func withText(t string) evOpt        { return func(e *Event) { e.Text = t } }
func withColumn(c Column) evOpt      { return func(e *Event) { e.Column = c } }
func withFor(p string) evOpt         { return func(e *Event) { e.Participant = p } }
func withSeconds(n int) evOpt        { return func(e *Event) { e.Seconds = n } }
func withStatus(s Status) evOpt      { return func(e *Event) { e.Status = &s } }
func withStep(s Step) evOpt          { return func(e *Event) { e.Step = &s } }
func withSettings(s Settings) evOpt  { return func(e *Event) { e.Settings = &s } }
func withEvidence(e2 Evidence) evOpt { return func(e *Event) { e.Evidence = append(e.Evidence, e2) } }
func withScore(s Score, c Cost, routine bool) evOpt {
	return func(e *Event) { e.Score, e.Cost, e.Routine = &s, c, &routine }
}

// workshop is a whole session: create, joins, the course, knowledge and
// skills, the research time-box, ideas (one entered for someone in the
// room, one a duplicate), reveal, merge, voting, scoring and decisions.
func workshop(a Anonymity) []Event {
	own := Evidence{Source: OwnExperience, Note: "seen at a hotel in Lisbon"}
	review := Evidence{Source: ReviewSite, Site: "Tripadvisor", Quote: "They texted me when the room was ready.", Rating: 5}
	return []Event{
		ev("e01", Create, "f", 0, withName("Morgan Lee"), withSettings(Settings{Anonymity: a, Dots: 3, PerItem: 2})),
		ev("e02", Join, "p1", 10, withName("Ana Ruiz")),
		ev("e03", Join, "p2", 12, withName("Ben Okafor")),
		ev("e04", Join, "f", 14, withFor("p3"), withName("Chloe Day")),
		ev("e05", SetCourse, "f", 20, func(e *Event) {
			e.Course = &Course{Position: "Front-desk agent", Purpose: "To create loyal guests who come back and tell their friends.", Process: "Guest check-in",
				Values: []string{"Warm welcome"}, KPIs: []string{"Arrival satisfaction"}}
		}),
		ev("e06", NextStep, "f", 30),
		ev("e07", AddItem, "p1", 40, withItem("k1"), withColumn(ColumnKnowledge), withText("Room types and rates")),
		ev("e08", AddItem, "p2", 41, withItem("s1"), withColumn(ColumnSkills), withText("Run the reservation system")),
		ev("e09", NextStep, "f", 50),
		ev("e10", StartTimer, "f", 60, withSeconds(900)),
		ev("e11", AddItem, "p1", 70, withItem("i1"), withColumn(ColumnPurposeful), withText("Text the guest the moment their room is ready"), withEvidence(review)),
		ev("e12", PauseTimer, "f", 300),
		ev("e13", ResumeTimer, "f", 360),
		ev("e14", AddItem, "p2", 400, withItem("i2"), withColumn(ColumnPurposeful), withText("Walk the guest to the lift"), withEvidence(own)),
		ev("e15", AddItem, "f", 410, withItem("i3"), withColumn(ColumnPurposeful), withText("Use the guest's name twice"), withFor("p3"), withEvidence(own)),
		ev("e16", AddItem, "p2", 420, withItem("i4"), withColumn(ColumnPurposeful), withText("Send the guest a text when the room is ready"), withEvidence(own)),
		ev("e17", ExtendTimer, "f", 500, withSeconds(300)),
		ev("e18", NextStep, "f", 1400),
		ev("e19", Reveal, "f", 1410),
		ev("e20", MergeItems, "f", 1420, withItem("i1"), withItems("i4")),
		ev("e21", OpenVoting, "f", 1430),
		ev("e22", Vote, "p1", 1440, withItem("i1")),
		ev("e23", Vote, "p1", 1441, withItem("i1")),
		ev("e24", Vote, "p1", 1442, withItem("i2")),
		ev("e25", Vote, "p2", 1443, withItem("i1")),
		ev("e26", Vote, "p2", 1444, withItem("i3")),
		ev("e27", Unvote, "p2", 1445, withItem("i3")),
		ev("e28", Vote, "p2", 1446, withItem("i2")),
		ev("e29", CloseVoting, "f", 1500),
		ev("e30", ScoreItem, "p1", 1510, withItem("i1"), withScore(Score{3, 3, 2, 3}, CostNone, true)),
		ev("e31", ScoreItem, "p2", 1511, withItem("i1"), withScore(Score{2, 3, 3, 2}, CostLow, true)),
		ev("e32", Decide, "f", 1520, withItem("i1"), withStatus(Adopted)),
		ev("e33", Decide, "f", 1521, withItem("i2"), withStatus(Adopted)),
		ev("e34", Decide, "f", 1522, withItem("i3"), withStatus(Parked)),
		ev("e35", NextStep, "f", 1600),
	}
}

func applyAll(t testing.TB, events []Event) *Session {
	t.Helper()
	s := NewSession()
	for _, e := range events {
		require.NoError(t, s.Apply(e), "event %s", e.ID)
	}
	return s
}

// snapshot is everything a user could read from the session, as JSON.
func snapshot(t testing.TB, s *Session) string {
	t.Helper()
	var b strings.Builder
	now := t0.Add(2 * time.Hour)
	for _, m := range s.st.memberOrder {
		v, err := s.View(m, now)
		require.NoError(t, err)
		g, err := s.Export(m)
		require.NoError(t, err)
		evs, _ := s.EventsFor(m, 0)
		slices.SortFunc(evs, func(a, b Event) int { return eventLess(&a, &b) })
		for _, x := range []any{v, g, evs} {
			j, err := json.Marshal(x)
			require.NoError(t, err)
			b.Write(j)
			b.WriteByte('\n')
		}
	}
	j, err := json.Marshal(s.Log())
	require.NoError(t, err)
	b.Write(j)
	return b.String()
}

func TestSessionWorkshop(t *testing.T) {
	s := applyAll(t, workshop(Named))
	assert.Equal(t, StepSummary, s.Step())
	assert.Equal(t, 35, s.Len())
	sum, err := s.Summary("p1")
	require.NoError(t, err)
	require.Len(t, sum.Adopted, 2)
	assert.Equal(t, "i1", sum.Adopted[0].ID, "the best-scored idea comes first")
	assert.Equal(t, 3, sum.Adopted[0].Votes, "votes of the merged duplicate move to the kept idea")
	assert.Equal(t, &Score{Experience: 2.5, KPIs: 3, Values: 2.5, Purpose: 2.5}, sum.Adopted[0].Score)
	assert.Len(t, sum.Adopted[0].Evidence, 2, "evidence of the merged duplicate is kept")
	assert.Equal(t, 2, sum.Adopted[1].Votes)
	require.Len(t, sum.Parked, 1)
	assert.Equal(t, "Chloe Day", sum.Parked[0].Author, "an idea entered by the facilitator belongs to the person in the room")
	assert.Equal(t, 5, sum.Votes)

	g, err := s.Export("f")
	require.NoError(t, err)
	require.NoError(t, g.Validate())
	assert.Len(t, g.Purposeful, 3, "the merged duplicate is not exported")
}

func TestApplyIdempotent(t *testing.T) {
	events := workshop(Alias)
	once := applyAll(t, events)
	twice := NewSession()
	for _, e := range events {
		require.NoError(t, twice.Apply(e))
		require.NoError(t, twice.Apply(e), "the same event again is a no-op")
	}
	assert.Equal(t, snapshot(t, once), snapshot(t, twice))
	assert.True(t, twice.Has("e10"))
	assert.Equal(t, once.Len(), twice.Len())

	changed := events[21]
	changed.Item = "i2"
	err := twice.Apply(changed)
	assert.ErrorIs(t, err, ErrIDReused)
}

// upTo returns the workshop events whose ids are at most last.
func upTo(events []Event, last string) []Event {
	var out []Event
	for _, e := range events {
		if e.ID <= last {
			out = append(out, e)
		}
	}
	return out
}

func TestApplyRejects(t *testing.T) {
	events := workshop(Anonymous)
	tests := []struct {
		name  string
		after string // apply the workshop up to this event first
		event Event
		want  error
		path  string
	}{
		{"before create", "", ev("x", Join, "p1", 1, withName("Ana")), ErrNotCreated, ""},
		{"second create", "e01", ev("x", Create, "p9", 1), ErrAlreadyCreated, ""},
		{"not a member", "e06", ev("x", AddItem, "stranger", 45, withItem("k9"), withColumn(ColumnKnowledge), withText("Rates")), ErrNotMember, "actor"},
		{"participant reveals", "e18", ev("x", Reveal, "p1", 1405), ErrForbidden, ""},
		{"participant moves the step", "e06", ev("x", NextStep, "p2", 45), ErrForbidden, ""},
		{"participant enters for others", "e09", ev("x", AddItem, "p1", 80, withItem("i9"), withColumn(ColumnPurposeful), withText("Smile"), withFor("p2")), ErrForbidden, "participant"},
		{"vote before mine for gold", "e17", ev("x", Vote, "p1", 600, withItem("i1")), ErrWrongStep, ""},
		{"vote before voting opens", "e20", ev("x", Vote, "p1", 1425, withItem("i1")), ErrVotingNotOpen, ""},
		{"idea in the team step", "e06", ev("x", AddItem, "p1", 45, withItem("i9"), withColumn(ColumnPurposeful), withText("Smile")), ErrWrongStep, ""},
		{"knowledge in the create step by a participant", "e09", ev("x", AddItem, "p1", 55, withItem("k9"), withColumn(ColumnKnowledge), withText("Rates")), ErrWrongStep, ""},
		{"leave the course without a purpose", "e04", ev("x", NextStep, "f", 15), ErrRequired, "course.position"},
		{"over the per-item limit", "e23", ev("x", Vote, "p1", 1441, withItem("i1"), func(e *Event) { e.At = e.At.Add(time.Millisecond) }), ErrVoteLimit, ""},
		{"over the per-person limit", "e24", ev("x", Vote, "p1", 1442, withItem("i3"), func(e *Event) { e.At = e.At.Add(time.Millisecond) }), ErrVoteLimit, ""},
		{"unvote with no dot", "e22", ev("x", Unvote, "p2", 1441, withItem("i1")), ErrNoVote, ""},
		{"unknown item", "e21", ev("x", Vote, "p1", 1440, withItem("nope")), ErrUnknownItem, "item"},
		{"vote on a merged idea", "e21", ev("x", Vote, "p1", 1440, withItem("i4")), ErrHidden, "item"},
		{"vote on knowledge", "e21", ev("x", Vote, "p1", 1440, withItem("k1")), ErrWrongColumn, "item"},
		{"duplicate item id", "e11", ev("x", AddItem, "p2", 75, withItem("i1"), withColumn(ColumnPurposeful), withText("Smile")), ErrDuplicateID, "item"},
		{"unknown type", "e01", ev("x", "dance", "f", 1), ErrUnknownEvent, "type"},
		{"payload the type does not use", "e01", ev("x", Join, "p1", 1, withName("Ana"), withItem("i1")), ErrBadEvent, "item"},
		{"no time", "e01", Event{ID: "x", Type: Join, Actor: "p1", Name: "Ana"}, ErrRequired, "at"},
		{"empty text", "e06", ev("x", AddItem, "p1", 45, withItem("k9"), withColumn(ColumnKnowledge), withText("   ")), ErrBlank, "text"},
		{"invalid UTF-8", "e06", ev("x", AddItem, "p1", 45, withItem("k9"), withColumn(ColumnKnowledge), withText("caf\xe9")), ErrInvalidUTF8, "text"},
		{"kind in the wrong column", "e06", ev("x", AddItem, "p1", 45, withItem("k9"), withColumn(ColumnKnowledge), withText("Rates"), func(e *Event) { e.Kind = Action }), ErrWrongColumn, "kind"},
		{"score out of range", "e29", ev("x", ScoreItem, "p1", 1505, withItem("i1"), withScore(Score{Experience: 4}, CostNone, true)), ErrOutOfRange, "score.experience"},
		{"pause a timer that is not running", "e12", ev("x", PauseTimer, "f", 310), ErrTimer, ""},
		{"timer outside create", "e06", ev("x", StartTimer, "f", 45), ErrWrongStep, ""},
		{"reopen a later step", "e09", ev("x", Reopen, "f", 55, withStep(StepMine)), ErrWrongStep, "step"},
		{"loosen anonymity after joins", "e04", ev("x", SetSettings, "f", 15, withSettings(Settings{Anonymity: Named})), ErrForbidden, "settings.anonymity"},
		{"hide while voting", "e21", ev("x", HideItem, "f", 1435, withItem("i2")), ErrVotingOpen, ""},
		{"edit someone else's idea", "e14", ev("x", EditItem, "p1", 405, withItem("i2"), withText("Run to the lift")), ErrForbidden, ""},
		{"redacted copy", "e01", ev("x", Join, "p1", 1, withName("Ana"), func(e *Event) { e.Redacted = true }), ErrRedacted, ""},
		{"reveal an unknown idea", "e18", ev("x", Reveal, "f", 1401, withItems("i1", "nope")), ErrUnknownItem, "items[1]"},
		{"merge into itself", "e19", ev("x", MergeItems, "f", 1415, withItem("i1"), withItems("i1")), ErrDuplicateID, "items[0]"},
		{"merge across columns", "e19", ev("x", MergeItems, "f", 1415, withItem("i1"), withItems("k1")), ErrWrongColumn, "items[0]"},
		{"merge with no sources", "e19", ev("x", MergeItems, "f", 1415, withItem("i1")), ErrRequired, "items"},
		{"merge an already merged idea", "e20", ev("x", MergeItems, "f", 1425, withItem("i2"), withItems("i4")), ErrHidden, "items[0]"},
		{"decide before mine for gold", "e17", ev("x", Decide, "f", 600, withItem("i1"), withStatus(Adopted)), ErrWrongStep, ""},
		{"decide without a status", "e29", ev("x", Decide, "f", 1505, withItem("i1")), ErrRequired, "status"},
		{"adopt knowledge", "e29", ev("x", Decide, "f", 1505, withItem("k1"), withStatus(Adopted)), ErrWrongColumn, "item"},
		{"settings out of range", "e01", ev("x", SetSettings, "f", 1, withSettings(Settings{Dots: -1, ResearchSeconds: 9 * 3600})), ErrOutOfRange, "settings.dots"},
		{"settings while voting", "e21", ev("x", SetSettings, "f", 1435, withSettings(Settings{Dots: 9})), ErrVotingOpen, ""},
		{"extend a timer never started", "e09", ev("x", ExtendTimer, "f", 55, withSeconds(60)), ErrTimer, ""},
		{"late event that breaks a later one", "e24", ev("x", Vote, "p1", 1439, withItem("i3")), ErrConflict, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := applyAll(t, upTo(events, tc.after))
			before := snapshot(t, s)
			n := s.Len()
			err := s.Apply(tc.event)
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			var ee *EventError
			require.ErrorAs(t, err, &ee)
			assert.Equal(t, "x", ee.ID)
			if tc.path != "" {
				var fe *FieldError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, tc.path, fe.Path)
			}
			assert.Equal(t, before, snapshot(t, s), "a rejected event must leave the state untouched")
			assert.Equal(t, n, s.Len())
			assert.False(t, s.Has("x"))
		})
	}
}

func TestReplayDeterministic(t *testing.T) {
	events := workshop(Alias)
	want := snapshot(t, applyAll(t, events))
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 20 {
		delivered := slices.Clone(events)
		for range 10 { // duplicates
			delivered = append(delivered, events[rng.IntN(len(events))])
		}
		rng.Shuffle(len(delivered), func(i, j int) { delivered[i], delivered[j] = delivered[j], delivered[i] })
		s, err := Replay(delivered)
		require.NoError(t, err, "round %d", round)
		assert.Equal(t, want, snapshot(t, s), "round %d", round)

	}

	// Live delivery: p1 was offline during the vote, so their three votes
	// arrive after p2's, and some events are delivered twice.
	live := NewSession()
	var order []Event
	for _, e := range events {
		switch e.ID {
		case "e22", "e23", "e24":
			continue
		case "e29":
			order = append(order, events[21], events[22], events[23], events[25])
		}
		order = append(order, e)
		if e.ID == "e11" || e.ID == "e25" {
			order = append(order, e)
		}
	}
	for _, e := range order {
		require.NoError(t, live.Apply(e), "event %s", e.ID)
	}
	assert.Equal(t, want, snapshot(t, live), "live delivery with late and repeated events")
}

func TestReplayReportsRejected(t *testing.T) {
	events := workshop(Named)
	bad := ev("bad", Vote, "p1", 45, withItem("i1"))
	s, err := Replay(append(slices.Clone(events), bad))
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrWrongStep)
	assert.Equal(t, len(events), s.Len())
	assert.Equal(t, snapshot(t, applyAll(t, events)), snapshot(t, s))
}

func TestLateEventFoldedIn(t *testing.T) {
	events := workshop(Named)
	s := applyAll(t, upTo(events, "e12"))
	// e11 arrives again and a late idea from p2, written at second 200, arrives after the pause.
	late := ev("late", AddItem, "p2", 200, withItem("i9"), withColumn(ColumnPurposeful), withText("Offer a glass of water"), withEvidence(Evidence{Source: OwnExperience}))
	require.NoError(t, s.Apply(late))
	v, err := s.View("p2", t0.Add(time.Hour))
	require.NoError(t, err)
	ids := []string{}
	for _, it := range v.Items {
		ids = append(ids, it.ID)
	}
	assert.Equal(t, []string{"k1", "s1", "i9"}, ids, "p2 sees their late idea; p1's idea stays private")
	assert.Equal(t, 1, v.PrivateIdeas)
	log := s.Log()
	assert.Equal(t, "late", log[len(log)-2].ID, "the log is kept in time order")
}

func TestPrivateUntilRevealed(t *testing.T) {
	events := workshop(Named)
	s := applyAll(t, upTo(events, "e18"))
	v, err := s.View("p2", t0)
	require.NoError(t, err)
	for _, it := range v.Items {
		assert.NotEqual(t, "i1", it.ID, "p1's idea is private")
	}
	assert.Equal(t, 2, v.PrivateIdeas, "p1's idea and Chloe's, entered by the facilitator")
	evs, cursor := s.EventsFor("p2", 0)
	assert.Equal(t, s.Len(), cursor)
	for _, e := range evs {
		if e.Item == "i1" && e.Type == AddItem {
			assert.True(t, e.Redacted)
			assert.Empty(t, e.Text)
			assert.Empty(t, e.Evidence)
		}
	}
	// The facilitator sees the idea they typed for Chloe but not p1's.
	fv, err := s.View("f", t0)
	require.NoError(t, err)
	var seen []string
	for _, it := range fv.Items {
		seen = append(seen, it.ID)
	}
	assert.Contains(t, seen, "i3")
	assert.NotContains(t, seen, "i1")

	require.NoError(t, s.Apply(events[18])) // reveal
	v, err = s.View("p2", t0)
	require.NoError(t, err)
	assert.Equal(t, 0, v.PrivateIdeas)
	evs, _ = s.EventsFor("p2", 0)
	for _, e := range evs {
		if e.Item == "i1" && e.Type == AddItem {
			assert.Equal(t, "Text the guest the moment their room is ready", e.Text)
		}
	}
	more, next := s.EventsFor("p2", cursor)
	assert.Len(t, more, 1, "the cursor returns only newer events")
	assert.Equal(t, cursor+1, next)
}

func TestVoteTotalsHiddenUntilClosed(t *testing.T) {
	events := workshop(Named)
	s := applyAll(t, upTo(events, "e28"))
	for _, m := range []string{"f", "p1", "p2"} {
		v, err := s.View(m, t0)
		require.NoError(t, err)
		assert.True(t, v.Voting.Open)
		for _, it := range v.Items {
			assert.Nil(t, it.Votes, "%s sees no totals of %s while voting is open", m, it.ID)
		}
		g, err := s.Export(m)
		require.NoError(t, err)
		for _, it := range g.Purposeful {
			assert.Zero(t, it.Votes)
		}
		evs, _ := s.EventsFor(m, 0)
		for _, e := range evs {
			if e.Type == Vote && e.Actor != m {
				assert.Empty(t, e.Item, "others' votes are redacted")
			}
		}
	}
	v, _ := s.View("p1", t0)
	assert.Equal(t, 3, v.Voting.Used)
	assert.Equal(t, 5, v.Voting.Cast)

	require.NoError(t, s.Apply(events[28])) // close
	v, _ = s.View("p2", t0)
	totals := map[string]int{}
	for _, it := range v.Items {
		if it.Votes != nil {
			totals[it.ID] = *it.Votes
		}
	}
	assert.Equal(t, 3, totals["i1"])
	assert.Equal(t, 2, totals["i2"])
	assert.Equal(t, 0, totals["i3"])
}

func TestTimer(t *testing.T) {
	events := workshop(Named)
	s := applyAll(t, upTo(events, "e10"))
	v, _ := s.View("p1", t0.Add(160*time.Second))
	assert.True(t, v.Timer.Running)
	assert.Equal(t, 800, v.Timer.RemainingSeconds)
	require.NotNil(t, v.Timer.EndsAt)
	assert.Equal(t, t0.Add(960*time.Second), *v.Timer.EndsAt)

	s = applyAll(t, upTo(events, "e12")) // paused at 300 s, 240 s used
	v, _ = s.View("p1", t0.Add(10*time.Hour))
	assert.False(t, v.Timer.Running)
	assert.Equal(t, 660, v.Timer.RemainingSeconds, "a paused timer does not run down")

	s = applyAll(t, upTo(events, "e17")) // resumed at 360, extended by 300
	v, _ = s.View("p1", t0.Add(460*time.Second))
	assert.Equal(t, 1200, v.Timer.Seconds)
	assert.Equal(t, 1200-240-100, v.Timer.RemainingSeconds)

	v, _ = s.View("p1", t0.Add(5*time.Hour))
	assert.Zero(t, v.Timer.RemainingSeconds, "never negative")

	// The default length comes from the settings, 20 minutes when unset.
	d := applyAll(t, append(upTo(events, "e09")[:0:0], upTo(events, "e09")...))
	require.NoError(t, d.Apply(ev("t", StartTimer, "f", 60)))
	v, _ = d.View("f", t0.Add(60*time.Second))
	assert.Equal(t, 1200, v.Timer.Seconds)
}

func TestStepBackAndReopen(t *testing.T) {
	events := workshop(Named)
	s := applyAll(t, upTo(events, "e18"))
	require.Equal(t, StepMine, s.Step())
	require.NoError(t, s.Apply(ev("r1", Reopen, "f", 1401, withStep(StepTeam))))
	assert.Equal(t, StepTeam, s.Step())
	require.NoError(t, s.Apply(ev("r2", AddItem, "p1", 1402, withItem("k2"), withColumn(ColumnKnowledge), withText("The loyalty programme tiers"))))
	err := s.Apply(ev("r3", Vote, "p1", 1403, withItem("i1")))
	assert.ErrorIs(t, err, ErrWrongStep)
	require.NoError(t, s.Apply(ev("r4", NextStep, "f", 1404)))
	require.NoError(t, s.Apply(ev("r5", NextStep, "f", 1405)))
	assert.Equal(t, StepMine, s.Step())
	g, err := s.Export("p1")
	require.NoError(t, err)
	assert.Len(t, g.Knowledge, 2)
}

func TestHideAndUnhide(t *testing.T) {
	events := workshop(Named)
	s := applyAll(t, upTo(events, "e20"))
	require.NoError(t, s.Apply(ev("h1", HideItem, "f", 1421, withItem("i2"))))
	pv, _ := s.View("p1", t0)
	fv, _ := s.View("f", t0)
	has := func(v *View, id string) (bool, bool) {
		for _, it := range v.Items {
			if it.ID == id {
				return true, it.Hidden
			}
		}
		return false, false
	}
	seen, _ := has(pv, "i2")
	assert.False(t, seen, "participants do not see hidden items")
	seen, hidden := has(fv, "i2")
	assert.True(t, seen && hidden, "the facilitator sees it, marked hidden")
	require.NoError(t, s.Apply(ev("h2", UnhideItem, "f", 1422, withItem("i2"))))
	pv, _ = s.View("p1", t0)
	seen, _ = has(pv, "i2")
	assert.True(t, seen)
}

func TestRenameAndEdit(t *testing.T) {
	events := workshop(Named)
	s := applyAll(t, upTo(events, "e14"))
	require.NoError(t, s.Apply(ev("n1", Join, "p1", 401, withName("Ana R."))))
	require.NoError(t, s.Apply(ev("n2", EditItem, "p2", 402, withItem("i2"), withText("Walk the guest to the lift and point the way"))))
	v, _ := s.View("p2", t0)
	for _, m := range v.Members {
		if m.Name == "Ana Ruiz" {
			t.Fatalf("rename not applied")
		}
	}
	var text string
	for _, it := range v.Items {
		if it.ID == "i2" {
			text = it.Text
		}
	}
	assert.Equal(t, "Walk the guest to the lift and point the way", text)
}

func TestZeroSessionWorks(t *testing.T) {
	var s Session
	require.NoError(t, s.Apply(ev("a", Create, "f", 0, withName("Sam"))))
	assert.Equal(t, "f", s.Facilitator())
	r, ok := s.Role("f")
	assert.True(t, ok)
	assert.Equal(t, Facilitator, r)
	_, err := s.View("nobody", t0)
	assert.ErrorIs(t, err, ErrNotMember)
	evs, next := s.EventsFor("nobody", 0)
	assert.Empty(t, evs)
	assert.Equal(t, 1, next)
}

func TestEventJSON(t *testing.T) {
	events := workshop(Alias)
	data, err := EncodeLog(events)
	require.NoError(t, err)
	back, err := DecodeLog(data)
	require.NoError(t, err)
	assert.Equal(t, snapshot(t, applyAll(t, events)), snapshot(t, applyAll(t, back)))

	e, err := DecodeEvent([]byte(`{"id":"v1","type":"vote","actor":"p1","at":"2026-03-02T09:24:00Z","item":"i1"}`))
	require.NoError(t, err)
	assert.Equal(t, Vote, e.Type)
	_, err = DecodeEvent([]byte(`{"id":"v1","type":"vote","actor":"p1","at":"2026-03-02T09:24:00Z","itme":"i1"}`))
	assert.ErrorIs(t, err, ErrUnknownField)
	assert.ErrorContains(t, err, "itme")
	_, err = DecodeEvent([]byte(`{"id":"v1","type":"vote","actor":"p1","at":"yesterday"}`))
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "at", fe.Path)
	_, err = DecodeLog([]byte(`{"version":"purposeful.session/v0","events":[]}`))
	assert.ErrorIs(t, err, ErrVersion)
	assert.True(t, errors.Is(err, ErrVersion))
}

func TestLeavingCreateStopsTheTimer(t *testing.T) {
	events := workshop(Named)
	s := applyAll(t, upTo(events, "e18")) // next step at 1400 s, timer ran 240 s + (1400-360) s of 1200 s
	v, err := s.View("p1", t0.Add(3*time.Hour))
	require.NoError(t, err)
	assert.False(t, v.Timer.Running)
	assert.Zero(t, v.Timer.RemainingSeconds)

	s = applyAll(t, upTo(events, "e17"))
	require.NoError(t, s.Apply(ev("n", NextStep, "f", 900)))
	v, _ = s.View("p1", t0.Add(3*time.Hour))
	assert.Equal(t, 1200-240-540, v.Timer.RemainingSeconds, "the time left is kept for a reopened step")
}

func TestSessionLimits(t *testing.T) {
	s := applyAll(t, upTo(workshop(Named), "e01"))
	for i := 1; i < MaxMembers; i++ {
		require.NoError(t, s.Apply(ev(fmt.Sprintf("j%d", i), Join, fmt.Sprintf("m%d", i), i, withName("Someone"))))
	}
	err := s.Apply(ev("full", Join, "late", MaxMembers+1, withName("Late")))
	assert.ErrorIs(t, err, ErrOutOfRange)
}

func TestSettingsAndSelectiveReveal(t *testing.T) {
	events := workshop(Named)
	s := applyAll(t, upTo(events, "e18"))
	require.NoError(t, s.Apply(ev("a", SetSettings, "f", 1401, withSettings(Settings{Anonymity: Alias, Dots: 1}))), "tightening is allowed")
	assert.Equal(t, Alias, s.Settings().Anonymity)
	require.NoError(t, s.Apply(ev("b", Reveal, "f", 1402, withItems("i2"))))
	v, err := s.View("p1", t0)
	require.NoError(t, err)
	var ids []string
	for _, it := range v.Items {
		ids = append(ids, it.ID+":"+it.Author)
	}
	assert.Equal(t, []string{"k1:Participant 1", "s1:Participant 2", "i1:Participant 1", "i2:Participant 2"}, ids, "only i2 was revealed; i1 is p1's own")
	assert.Equal(t, 2, v.PrivateIdeas)
	assert.Equal(t, 1, v.Voting.Dots)
	require.NoError(t, s.Apply(ev("c", EditItem, "f", 1403, withItem("i2"), withText("Walk the guest to the lift"), func(e *Event) { e.Notes = "reworded by the facilitator"; e.Tags = []Tag{GenuineInterest} })))
	g, _ := s.Export("f")
	it, _, ok := g.Find("i2")
	require.True(t, ok)
	assert.Equal(t, "reworded by the facilitator", it.Notes)
	_, _, ok = g.Find("i1")
	assert.False(t, ok, "the facilitator does not see p1's unrevealed idea")
}
