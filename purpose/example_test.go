package purpose_test

import (
	"fmt"

	"github.com/purposefulcx/purposeful/purpose"
)

func ExampleAnalyze() {
	a, err := purpose.Analyze("Load and unload bags on the aircraft.")
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Verdict, a.Score)
	for _, p := range a.Points {
		fmt.Printf("%+d %s\n", p.Points, p.Reason)
	}
	fmt.Println(a.Suggestions[0])
	// Output:
	// function 20
	// +45 every statement starts from 45
	// -15 does not name who benefits
	// -15 does not say what changes for the customer
	// -10 describes tasks ("Load", "unload", "bags", "aircraft") rather than why they matter
	// +10 7 words: short enough to repeat every day, like Mayo Clinic's seven
	// +5 plain words: reading ease 91 (a rough figure on so short a text)
	// Name who benefits: here, probably the travellers.
}

func ExampleAnalyze_purpose() {
	a, err := purpose.Analyze("The needs of the patient come first.")
	if err != nil {
		panic(err)
	}
	fmt.Println(a.Verdict, a.Score, a.Words, a.Mantra)
	fmt.Println(a.BeneficiaryGroups(), a.OutcomeThemes())
	// Output:
	// purpose 100 7 true
	// [patient] [care]
}

// The baggage handler's revelation ladder: from moving bags to the
// traveller's trip.
func ExampleLadder_Climb() {
	c, err := purpose.Ladder{}.Climb("Load and unload bags on the aircraft.",
		"So the bags go on the right flight.",
		"So the bags land at the same airport as the traveller.",
		"So travellers arrive with everything they need for their trip.",
	)
	if err != nil {
		panic(err)
	}
	for _, r := range c.Rungs {
		if r.Question != "" {
			fmt.Println("Q:", r.Question)
		}
		fmt.Printf("%s [%s] %s\n", r.Text, r.Step, r.Note)
	}
	fmt.Println(c.State, "->", c.Purpose)
	// Output:
	// Load and unload bags on the aircraft. [start] the job function: what is done
	// Q: Why does that matter to travellers?
	// So the bags go on the right flight. [task] is still about the task, not the person
	// Q: That is still the task. Why does it matter to travellers?
	// So the bags land at the same airport as the traveller. [closer] closer: names who benefits ("traveller") but not yet what changes for them
	// Q: Why does that matter to travellers?
	// So travellers arrive with everything they need for their trip. [purpose] names who benefits and what changes for them: a purpose
	// reached -> So travellers arrive with everything they need for their trip.
}

func ExampleClassify() {
	for _, item := range []string{
		"Room types and rates",
		"Run the reservation system",
		"Walk the guest to the lift",
		"Use the guest's name",
		"Check guests in and out",
	} {
		c, err := purpose.Classify(item)
		if err != nil {
			panic(err)
		}
		fmt.Printf("%-28s %-10s observable=%t\n", item, c.Kind, c.Observable)
	}
	// Output:
	// Room types and rates         knowledge  observable=false
	// Run the reservation system   skill      observable=true
	// Walk the guest to the lift   action     observable=true
	// Use the guest's name         behaviour  observable=true
	// Check guests in and out      function   observable=true
}

func ExampleAlign() {
	r, err := purpose.Align(purpose.Alignment{
		Organisation: "We create loyal guests who feel cared for and come back.",
		Job:          "Every guest feels welcome and cared for from the moment they arrive.",
		Individual:   "I want every guest I meet to feel looked after.",
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(r.Aligned, r.SharedBeneficiaries, r.SharedOutcomes)
	// Output:
	// true [guest] [care feeling]
}

func ExampleDiagnostic_Evaluate() {
	answers := map[string]int{}
	for _, q := range purpose.Questions() {
		answers[q.ID] = 4
		switch q.Level {
		case purpose.Strategy:
			answers[q.ID] = 2 // nobody can say what the purpose is
		case purpose.Customers:
			answers[q.ID] = 3 // complaints show up here
		}
	}
	r, err := purpose.Diagnostic{Answers: answers}.Evaluate()
	if err != nil {
		panic(err)
	}
	for _, l := range r.Levels {
		fmt.Printf("%-12s %.1f below=%t\n", l.Level, l.Score, l.Below)
	}
	fmt.Println("root:", r.Root, "also weak:", r.Above)
	// Output:
	// significance 4.0 below=false
	// strategy     2.0 below=true
	// staff        4.0 below=false
	// systems      4.0 below=false
	// success      4.0 below=false
	// customers    3.0 below=true
	// root: strategy also weak: [customers]
}

func ExampleDistinctions() {
	for _, d := range purpose.Distinctions()[:2] {
		fmt.Printf("%s (vs %s): %s\n", d.Term, d.Opposite, d.Examples[0])
	}
	// Output:
	// job function (vs job purpose): Check guests in and out
	// job purpose (vs job function): Travellers arrive with everything they need for their trip
}
