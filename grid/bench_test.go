package grid

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// bigGrid is a grid of n items, a third per column, made from the sample
// texts with a distinguishing word so they are not all duplicates.
func bigGrid(n int) *Grid {
	src := SampleFrontDesk()
	g := src.Template()
	words := []string{"quietly", "early", "gladly", "always", "promptly", "kindly", "again", "first", "twice", "daily"}
	for i := range n {
		w := words[i%len(words)] + fmt.Sprint(i)
		switch i % 3 {
		case 0:
			it := src.Knowledge[i%len(src.Knowledge)]
			it.ID, it.Text = fmt.Sprintf("k%d", i), it.Text+" "+w
			g.Knowledge = append(g.Knowledge, it)
		case 1:
			it := src.Skills[i%len(src.Skills)]
			it.ID, it.Text = fmt.Sprintf("s%d", i), it.Text+" "+w
			g.Skills = append(g.Skills, it)
		default:
			it := src.Purposeful[i%len(src.Purposeful)]
			it.ID, it.Text = fmt.Sprintf("p%d", i), it.Text+" "+w
			g.Purposeful = append(g.Purposeful, it)
		}
	}
	return g
}

func BenchmarkValidateRank(b *testing.B) {
	for _, n := range []int{50, 500} {
		g := bigGrid(n)
		require.NoError(b, g.Validate())
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := g.Validate(); err != nil {
					b.Fatal(err)
				}
				_ = Rank(g.Purposeful)
			}
		})
	}
}

func BenchmarkWarnings(b *testing.B) {
	for _, n := range []int{50, 500} {
		g := bigGrid(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = g.Warnings()
			}
		})
	}
}

// bigLog is a realistic log of n events: 30 people, 40 knowledge and
// skill items, 200 ideas, then votes and vote changes.
func bigLog(n int) []Event {
	at := func(i int) time.Time { return t0.Add(time.Duration(i) * time.Second) }
	var evs []Event
	add := func(e Event) {
		e.ID = fmt.Sprintf("e%06d", len(evs))
		e.At = at(len(evs))
		evs = append(evs, e)
	}
	add(Event{Type: Create, Actor: "f", Name: "Facilitator", Settings: &Settings{Anonymity: Alias, Dots: 5, PerItem: 2},
		Course: &Course{Position: "Front-desk agent", Purpose: "Loyal guests", Process: "Guest check-in"}})
	people := 30
	for p := range people {
		add(Event{Type: Join, Actor: fmt.Sprintf("p%d", p), Name: fmt.Sprintf("Person %d", p)})
	}
	add(Event{Type: NextStep, Actor: "f"})
	for i := range 40 {
		c := ColumnKnowledge
		if i%2 == 1 {
			c = ColumnSkills
		}
		add(Event{Type: AddItem, Actor: fmt.Sprintf("p%d", i%people), Item: fmt.Sprintf("t%d", i), Column: c, Text: fmt.Sprintf("Room types and rates %d", i)})
	}
	add(Event{Type: NextStep, Actor: "f"})
	add(Event{Type: StartTimer, Actor: "f", Seconds: 1200})
	for i := range 200 {
		add(Event{Type: AddItem, Actor: fmt.Sprintf("p%d", i%people), Item: fmt.Sprintf("i%d", i), Column: ColumnPurposeful,
			Text: fmt.Sprintf("Walk the guest to the lift %d", i), Evidence: []Evidence{{Source: OwnExperience}}})
	}
	add(Event{Type: NextStep, Actor: "f"})
	add(Event{Type: Reveal, Actor: "f"})
	add(Event{Type: OpenVoting, Actor: "f"})
	for k := 0; len(evs) < n-1; k++ {
		p := fmt.Sprintf("p%d", k%people)
		item := fmt.Sprintf("i%d", (k/people)%200)
		add(Event{Type: Vote, Actor: p, Item: item})
		if len(evs) < n-1 {
			add(Event{Type: Unvote, Actor: p, Item: item})
		}
	}
	add(Event{Type: CloseVoting, Actor: "f"})
	return evs
}

func TestBigLogReplays(t *testing.T) {
	evs := bigLog(2000)
	s, err := Replay(evs)
	require.NoError(t, err)
	require.Equal(t, len(evs), s.Len())
}

func BenchmarkReplay(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		evs := bigLog(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Replay(evs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
