package standards_test

import (
	"fmt"
	"time"

	"github.com/purposefulcx/purposeful/standards"
)

func ExampleLint() {
	s := standards.Standard{
		ID: "greet", Code: "CI-01", Position: "Front-desk agent", Process: "Guest check-in",
		Statement: "Staff must try to greet guests promptly.",
		Rationale: "So that guests feel noticed.",
	}
	for _, f := range standards.Lint(&s, standards.LintSettings{}) {
		fmt.Printf("%s %s %s: %s\n", f.Field, f.Severity, f.Rule, f.Message)
	}
	// Output:
	// statement warning employee-side: written about employees ("Staff"), not from their side
	// statement warning vague: "try to" weakens the standard: state the action
	// statement warning vague: "promptly" is vague: give the time
	// deviation warning deviation: does not say when deviating is right
}

func ExampleScorer() {
	std := []standards.Standard{{ID: "greet"}, {ID: "name"}}
	card := standards.Scorecard{ID: "c", Sections: []standards.Section{{Name: "Arrival", Criteria: []standards.Criterion{
		{Standard: "greet", Weight: 2, Scale: standards.Binary},
		{Standard: "name", Weight: 1, Scale: standards.FivePoint, NA: true},
	}}}}
	sc, err := standards.NewScorer(&card, std)
	if err != nil {
		panic(err)
	}
	o := standards.Observation{ID: "o1", Ratings: []standards.Rating{{Standard: "greet", Value: 1}, {Standard: "name", Value: 4}}}
	r, _ := sc.Score(&o)
	fmt.Printf("%.4f\n", r.Score) // (2·1 + 1·0.75) / 3
	o.Ratings[1].NA = true
	r, _ = sc.Score(&o)
	fmt.Printf("%.4f\n", r.Score) // N/A left out
	// Output:
	// 0.9167
	// 1.0000
}

func ExampleCohenKappa() {
	a := []float64{1, 1, 1, 1, 1, 1, 0, 0, 0, 1}
	b := []float64{1, 1, 1, 1, 0, 1, 0, 0, 1, 1}
	k, _ := standards.CohenKappa(a, b)
	fmt.Printf("%.4f\n", k) // (0.8 - 0.58) / (1 - 0.58) = 11/21
	// Output: 0.5238
}

func ExampleBook_Record() {
	b := standards.NewBook("", nil)
	b.Standards = []standards.Standard{{ID: "greet", Code: "CI-01", Position: "Agent", Process: "Check-in", Statement: "Greet every guest."}}
	b.Scorecards = []standards.Scorecard{{ID: "c", Sections: []standards.Section{{Name: "All", Criteria: []standards.Criterion{{Standard: "greet", Weight: 1}}}}}}
	err := b.Record(standards.Observation{ID: "o1", Scorecard: "c", Observer: "ann", Subject: "bo", Interaction: "i1",
		At: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC), Ratings: []standards.Rating{{Standard: "greet", Value: 2}}})
	fmt.Println(err)
	fmt.Println(len(b.Observations))
	// Output:
	// ratings[0].value: standards: rating outside its scale: 2 is not in 0..1 (binary)
	// 0
}
