package workshop

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var t0 = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)

// sample is a filled-in workshop used across tests.
func sample() *Doc {
	d := New("g1", t0)
	d.Position, d.Process = "Front-desk agent", "Guest check-in"
	d.Purpose = "To create loyal guests who come back"
	d.Values = []string{"Genuine care"}
	d.KPIs = []string{"Check-in under 3 minutes"}
	d.AddItem(false, "Room types and rates")
	d.AddItem(true, "Run the reservation system")
	a := d.AddIdea("Greet returning guests by name", "Review site")
	b := d.AddIdea("Walk guests to the lift", "Own experience as a customer")
	c := d.AddIdea("Use the guest's name", "A colleague")
	d.Idea(a).Votes = 3
	d.Idea(b).Votes = 1
	d.Idea(c).Votes = 2
	d.Idea(a).Adopted = true
	d.ToggleMet(a, 0)
	d.Ladder = []string{"Check guests in", "So they can rest"}
	d.Standards = []Standard{{Code: "FDA-GCI-01", Item: a, Statement: "Greet returning guests by name", Rationale: "They feel remembered"}}
	d.Timer.Start(t0)
	return d
}

func TestNewIsValidAndTemplated(t *testing.T) {
	d := New("g1", t0)
	require.NoError(t, d.Validate())
	assert.Equal(t, Version, d.Version)
	assert.Equal(t, PhaseCourse, d.Phase)
	assert.Equal(t, DefaultCriteria, d.Criteria)
	assert.Equal(t, 20*time.Minute, d.Timer.Length())
	assert.Equal(t, "Untitled grid", d.Title())
}

func TestTitle(t *testing.T) {
	for _, tc := range []struct{ pos, proc, want string }{
		{"Nurse", "Admission", "Nurse · Admission"},
		{"Nurse", "  ", "Nurse"},
		{"", "Admission", "Admission"},
		{" ", "", "Untitled grid"},
	} {
		d := New("x", t0)
		d.Position, d.Process = tc.pos, tc.proc
		assert.Equal(t, tc.want, d.Title())
	}
}

func TestMergeAddsVotesAndHidesSource(t *testing.T) {
	d := sample()
	require.True(t, d.Merge("e5", "e3"))
	assert.Equal(t, 5, d.Idea("e3").Votes)
	assert.Equal(t, "e3", d.Idea("e5").MergedInto)
	assert.Len(t, d.Active(), 2)
	assert.False(t, d.Merge("e5", "e3"), "already merged")
	assert.False(t, d.Merge("e3", "e3"), "into itself")
	assert.False(t, d.Merge("e3", "nope"), "missing target")
	require.True(t, d.RemoveIdea("e3"))
	assert.Empty(t, d.Idea("e5").MergedInto, "removing the target un-merges")
}

func TestAdoptedOrderedByVotes(t *testing.T) {
	d := sample()
	d.Idea("e4").Adopted = true
	d.Idea("e5").Adopted = true
	var got []string
	for _, e := range d.Adopted() {
		got = append(got, e.ID)
	}
	assert.Equal(t, []string{"e3", "e5", "e4"}, got)
}

func TestRemoveItemAndToggleMet(t *testing.T) {
	d := sample()
	assert.True(t, d.RemoveItem("i1"))
	assert.False(t, d.RemoveItem("i1"))
	assert.Empty(t, d.Knowledge)
	d.ToggleMet("e3", 0)
	assert.Empty(t, d.Idea("e3").Met, "toggle off")
	d.ToggleMet("e3", 99)
	assert.Empty(t, d.Idea("e3").Met, "out of range ignored")
}

func TestValidateReportsEveryProblemWithPaths(t *testing.T) {
	d := sample()
	d.ID = ""
	d.Values = append(d.Values, " ")
	d.Knowledge = append(d.Knowledge, Item{ID: "i2", Text: "dup id"})
	d.Ideas[0].Votes = -1
	d.Ideas[1].Met = []int{7}
	d.Ideas[2].MergedInto = "zz"
	d.Position = strings.Repeat("x", MaxText+1)
	d.Process = "bad \xff"
	err := d.Validate()
	require.Error(t, err)
	for _, want := range []string{
		"id: empty", "values[1]: empty", "skills[0].id: duplicate id", "ideas[0].votes: negative",
		"ideas[1].met[0]: criterion 7 out of range", "ideas[2].merged_into: refers to a missing idea",
		"position: too long", "process: invalid UTF-8",
	} {
		assert.Contains(t, err.Error(), want)
	}
	assert.True(t, errors.Is(err, ErrDupID))
	require.NoError(t, sample().Validate(), "the sample itself is valid")
}

func TestJSONMatchesEncodingJSON(t *testing.T) {
	for _, d := range []*Doc{New("g", t0), sample(), {Version: Version, ID: "nil-lists"}} {
		want, err := json.Marshal(struct{ *docAlias }{(*docAlias)(d)})
		require.NoError(t, err)
		got, err := d.MarshalJSON()
		require.NoError(t, err)
		assert.JSONEq(t, string(want), string(got))
		assert.Equal(t, string(want), string(got), "byte for byte")
		pretty, err := d.Encode()
		require.NoError(t, err)
		wantPretty, err := json.MarshalIndent(struct{ *docAlias }{(*docAlias)(d)}, "", "  ")
		require.NoError(t, err)
		assert.Equal(t, string(wantPretty), string(pretty))
	}
}

// docAlias has Doc's fields without its MarshalJSON, so encoding/json can
// produce the reference output.
type docAlias Doc

func TestEncodeEscapesLikeEncodingJSON(t *testing.T) {
	d := New("g", t0)
	d.Position = "<script>&\"\\\n\t\u2028\x01 é 😀 \xff"
	got, err := d.MarshalJSON()
	require.NoError(t, err)
	want, err := json.Marshal(struct{ *docAlias }{(*docAlias)(d)})
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
}

func TestDecodeRoundTrip(t *testing.T) {
	d := sample()
	b, err := d.Encode()
	require.NoError(t, err)
	back, err := Decode(b)
	require.NoError(t, err)
	assert.Equal(t, d.Position, back.Position)
	assert.Equal(t, d.Ideas, back.Ideas)
	assert.Equal(t, d.Ladder, back.Ladder)
	assert.True(t, d.Timer.Started.Equal(back.Timer.Started))
	again, err := back.Encode()
	require.NoError(t, err)
	assert.Equal(t, string(b), string(again))
}

func TestDecodeRejects(t *testing.T) {
	good, err := sample().Encode()
	require.NoError(t, err)
	g := string(good)
	for _, tc := range []struct{ name, in, want string }{
		{"not JSON", "hello", "invalid JSON"},
		{"empty", "", "invalid JSON"},
		{"array", "[]", "want an object"},
		{"truncated", g[:len(g)/2], "invalid JSON"},
		{"trailing", g + "{}", "trailing data"},
		{"missing version", `{"id":"x"}`, "version: workshop: unsupported version: missing"},
		{"other version", strings.Replace(g, Version, "purposeful.workshop/v2", 1), "version: workshop: unsupported version"},
		{"unknown field", strings.Replace(g, `"position"`, `"extra": 1, "position"`, 1), "extra: unknown field"},
		{"nested unknown", strings.Replace(g, `"votes": 3`, `"votes": 3, "x": true`, 1), "ideas[0].x: unknown field"},
		{"duplicate key", strings.Replace(g, `"position"`, `"id": "again", "position"`, 1), "id: duplicate field"},
		{"wrong type", strings.Replace(g, `"votes": 3`, `"votes": "3"`, 1), "ideas[0].votes: want a number"},
		{"float", strings.Replace(g, `"votes": 3`, `"votes": 3.5`, 1), "ideas[0].votes: want a whole number"},
		{"bad phase", strings.Replace(g, `"phase": "course"`, `"phase": "party"`, 1), "phase: workshop: unknown phase"},
		{"bad time", strings.Replace(g, `"created": "2026`, `"created": "yesterday`, 1), "created: want an RFC 3339 time"},
		{"invalid content", strings.Replace(g, `"text": "Room types and rates"`, `"text": ""`, 1), "knowledge[0].text: empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode([]byte(tc.in))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	_, err = Decode([]byte(strings.Replace(g, `"position": "Front-desk agent"`, "\"position\": \"Front\x01desk\"", 1)))
	require.Error(t, err, "raw control characters in strings are invalid JSON")
	assert.ErrorIs(t, err, ErrSyntax)
	_, err = Decode([]byte(`{"version":"v0"}`))
	assert.ErrorIs(t, err, ErrVersion)
}

func TestDecodeEscapes(t *testing.T) {
	d := New("g", t0)
	b, err := d.MarshalJSON()
	require.NoError(t, err)
	in := strings.Replace(string(b), `"position":""`, `"position":"a\"b\\c\/d\n\u00e9\ud83d\ude00\ud800x"`, 1)
	got, err := Decode([]byte(in))
	require.NoError(t, err)
	assert.Equal(t, "a\"b\\c/d\né😀\uFFFDx", got.Position)
}

func TestTimer(t *testing.T) {
	var tm Timer
	tm.SetLength(15 * time.Minute)
	assert.Equal(t, 15*time.Minute, tm.Remaining(t0))
	tm.Start(t0)
	assert.Equal(t, 14*time.Minute, tm.Remaining(t0.Add(time.Minute)))
	tm.Pause(t0.Add(2 * time.Minute))
	assert.Equal(t, 13*time.Minute, tm.Remaining(t0.Add(time.Hour)), "paused time does not count")
	tm.Extend(5 * time.Minute)
	assert.Equal(t, 18*time.Minute, tm.Remaining(t0))
	tm.Start(t0)
	assert.Equal(t, -2*time.Minute, tm.Remaining(t0.Add(20*time.Minute)), "over time is negative")
	tm.Reset()
	assert.False(t, tm.Running)
	assert.Equal(t, 20*time.Minute, tm.Remaining(t0))
	tm.Extend(-time.Hour)
	assert.Equal(t, time.Duration(0), tm.Length())
}

func TestClockAndSpoken(t *testing.T) {
	for _, tc := range []struct {
		d           time.Duration
		clock, said string
	}{
		{20 * time.Minute, "20:00", "20 minutes left"},
		{59*time.Second + 500*time.Millisecond, "1:00", "1 minute left"},
		{time.Second, "0:01", "1 minute left"},
		{0, "0:00", "Time is up"},
		{-61 * time.Second, "-1:01", "Time is up"},
		{90 * time.Minute, "1:30:00", "90 minutes left"},
	} {
		assert.Equal(t, tc.clock, Clock(tc.d), tc.d.String())
		assert.Equal(t, tc.said, Spoken(tc.d), tc.d.String())
	}
}

func TestPhaseText(t *testing.T) {
	for _, p := range Phases {
		b, err := p.MarshalText()
		require.NoError(t, err)
		var q Phase
		require.NoError(t, q.UnmarshalText(b))
		assert.Equal(t, p, q)
		assert.NotEmpty(t, p.Title())
	}
	_, err := Phase(9).MarshalText()
	assert.ErrorIs(t, err, ErrBadPhase)
	assert.Equal(t, "Phase(9)", Phase(9).String())
}

func TestTimeFormatMatchesStdlib(t *testing.T) {
	for _, tm := range []time.Time{
		t0, t0.Add(500 * time.Millisecond), t0.Add(123456789), time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 31, 23, 59, 59, 999999999, time.FixedZone("x", 5*3600)),
	} {
		assert.Equal(t, tm.UTC().Format(time.RFC3339Nano), string(appendTime(nil, tm)))
		back, err := parseTime(tm.Format(time.RFC3339Nano))
		require.NoError(t, err)
		assert.True(t, back.Equal(tm), "%v", tm)
	}
	for _, bad := range []string{"", "2026-02-31T00:00:00Z", "2026-01-01 00:00:00Z", "2026-01-01T00:00:00", "2026-01-01T00:00:00.Z", "2026-01-01T24:00:00Z", "2026-01-01T00:00:00+2:00", "yesterday"} {
		_, err := parseTime(bad)
		assert.Error(t, err, bad)
	}
}
