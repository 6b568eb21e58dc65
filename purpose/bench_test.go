package purpose

import (
	"strings"
	"testing"
)

// statement30 is a realistic 30-word purpose statement.
const statement30 = "We load every bag with care so that each traveller arrives at their destination with everything they need, on time, relaxed and ready to enjoy the whole trip they planned."

func BenchmarkAnalyze(b *testing.B) {
	sizes := []struct {
		name string
		text string
	}{
		{"7words", "The needs of the patient come first."},
		{"30words", statement30},
		{"150words", strings.Repeat(statement30+" ", 5)},
	}
	a, _ := Analyze(statement30) // compile the word lists outside the timing
	if a.Words != 30 {
		b.Fatalf("statement30 has %d words", a.Words)
	}
	for _, s := range sizes {
		b.Run(s.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(s.text)))
			for b.Loop() {
				if _, err := Analyze(s.text); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkClassify(b *testing.B) {
	items := []string{"Walk the guest to the lift", "Room types and rates", "Use the guest's name warmly at every encounter", "Responsible for loading and unloading bags on the aircraft"}
	Classify(items[0])
	b.ReportAllocs()
	for b.Loop() {
		for _, it := range items {
			if _, err := Classify(it); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(items)), "ns/item")
}

func BenchmarkClimb(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := (Ladder{}).Climb("Load and unload bags on the aircraft.", "So the bags go on the right flight.", "So the bags land at the same airport as the traveller.", "So travellers arrive with everything they need for their trip."); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFirstUse measures compiling every word list, which the first
// call of a process pays once.
func BenchmarkFirstUse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		lexiconPhrases()
		compileLexicon()
		compileClassifier()
	}
}
