package standards

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

func benchStandards(n int) []Standard {
	statements := []string{
		"Greet every guest within 10 seconds of reaching the desk.",
		"Use the guest's name at least twice during check-in.",
		"Staff must try to greet guests promptly and/or appropriately.",
		"Walk guests with heavy bags to the lift, unless another guest is waiting.",
		"Offer a local tip that matches the guest's plans for the evening.",
		"Utilize the PMS to confirm the departure date and the room type.",
		"Answer the phone within three rings and smile while you speak.",
		"Understand the needs of every guest as needed.",
	}
	out := make([]Standard, n)
	for i := range out {
		s := cleanStandard()
		s.ID = fmt.Sprint("s", i)
		s.Statement = statements[i%len(statements)]
		out[i] = s
	}
	return out
}

// BenchmarkLint200 lints 200 standards; the target is 2 ms or less.
// "mixed" cycles through eight statements, half of them full of problems
// (many findings to build); "clean" lints 200 well-written standards.
func BenchmarkLint200(b *testing.B) {
	l := NewLinter(LintSettings{Purpose: testPurpose})
	for _, set := range []struct {
		name string
		stds []Standard
	}{{"mixed", benchStandards(200)}, {"clean", cleanStandards(200)}} {
		b.Run(set.name, func(b *testing.B) {
			l.Lint(&set.stds[0]) // compile the matchers outside the loop
			b.ReportAllocs()
			for b.Loop() {
				for i := range set.stds {
					l.Lint(&set.stds[i])
				}
			}
		})
	}
}

func cleanStandards(n int) []Standard {
	out := make([]Standard, n)
	for i := range out {
		out[i] = cleanStandard()
		out[i].ID = fmt.Sprint("s", i)
	}
	return out
}

// BenchmarkScore10000 scores 10,000 observations; the target is 20 ms or less.
func BenchmarkScore10000(b *testing.B) {
	book := testBook()
	rng := rand.New(rand.NewPCG(3, 4))
	obsv := make([]Observation, 10000)
	for i := range obsv {
		obsv[i] = obs(fmt.Sprint("o", i), "ann", "bo", "i", day0,
			r("greet", rng.IntN(2)), r("name", 1+rng.IntN(4)), r("walk", rng.IntN(2)), r("id", rng.IntN(2)), r("surprise", rng.IntN(2)))
	}
	sc, err := NewScorer(&book.Scorecards[0], book.Standards)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for i := range obsv {
			if _, err := sc.Score(&obsv[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkReport scores and summarises 10,000 observations in a book.
func BenchmarkReport(b *testing.B) {
	book := testBook()
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 10000 {
		book.Observations = append(book.Observations, obs(fmt.Sprint("o", i), "ann", fmt.Sprint("p", i%40), "i", day0.AddDate(0, 0, i%90),
			r("greet", rng.IntN(2)), r("name", 1+rng.IntN(4)), r("walk", rng.IntN(2)), r("id", rng.IntN(2))))
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := book.Report(ReportSettings{}); err != nil {
			b.Fatal(err)
		}
	}
}
