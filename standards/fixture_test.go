package standards

import (
	"time"
)

// testBook is a small front-desk book: five standards, one scorecard with
// a regular section, a section with a section-critical criterion and a
// bonus section. Its observations are added by the tests that need them.
func testBook() *Book {
	b := NewBook("To create a loyal guest who tells friends about the hotel and comes back.", DefaultPriorities)
	b.Organisation = "Harbour Hotel"
	std := func(id, code, statement, prio string, crit Critical, m Method) Standard {
		return Standard{ID: id, Code: code, Position: "Front-desk agent", Process: "Guest check-in", Step: "Arrival",
			Statement: statement, Rationale: "So that the guest feels noticed and comes back to the hotel.",
			Deviation: "Deviate when a guest in distress needs you first.", Method: m, Class: Action,
			Priority: prio, Critical: crit, Version: 1, Status: Published}
	}
	b.Standards = []Standard{
		std("greet", "CI-01", "Greet every guest within 10 seconds of reaching the desk.", "courtesy", NotCritical, Method{Kind: Threshold, Value: 10, Unit: "seconds"}),
		std("name", "CI-02", "Use the guest's name at least twice during check-in.", "courtesy", NotCritical, Method{}),
		std("walk", "CI-03", "Walk guests with heavy bags to the lift.", "show", NotCritical, Method{}),
		std("id", "CI-04", "Check photo ID before handing over a key.", "safety", FailsReview, Method{}),
		std("surprise", "CI-05", "Offer a local tip that matches the guest's plans.", "show", NotCritical, Method{}),
	}
	b.Scorecards = []Scorecard{{
		ID: "checkin", Name: "Check-in",
		Sections: []Section{
			{Name: "Arrival", Criteria: []Criterion{
				{Standard: "greet", Weight: 2, Scale: Binary},
				{Standard: "name", Weight: 1, Scale: FourPoint, NA: true},
			}},
			{Name: "Departure", Criteria: []Criterion{
				{Standard: "walk", Weight: 1, Scale: Binary, NA: true, Critical: FailsSection},
				{Standard: "id", Weight: 1, Scale: Binary},
			}},
			{Name: "Extras", Bonus: true, Criteria: []Criterion{
				{Standard: "surprise", Weight: 1, Scale: Binary, NA: true},
			}},
		},
	}}
	return b
}

var day0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) // a Monday

func obs(id, observer, subject, interaction string, at time.Time, ratings ...Rating) Observation {
	return Observation{ID: id, Scorecard: "checkin", Observer: observer, Subject: subject, Team: "early", Interaction: interaction, At: at, Ratings: ratings}
}

func r(std string, v int) Rating { return Rating{Standard: std, Value: v} }

func na(std string) Rating { return Rating{Standard: std, NA: true} }
