package grid_test

import (
	"errors"
	"fmt"
	"time"

	"github.com/purposefulcx/purposeful/grid"
)

func ExampleDecode() {
	_, err := grid.Decode([]byte(`{"version": "purposeful.grid/v1", "position": "Cashier", "purpose": "Shoppers leave glad they came",
		"process": "Checkout", "knowledge": [], "skills": [], "purposeful": [{"id": "p1", "txt": "Smile"}]}`))
	fmt.Println(err)
	fmt.Println(errors.Is(err, grid.ErrUnknownField))
	// Output:
	// purposeful[0].txt: grid: unknown field: "txt"
	// true
}

func ExampleGrid_Warnings() {
	g := &grid.Grid{
		Position: "Cashier", Purpose: "Shoppers leave glad they came and come back", Process: "Checkout",
		Purposeful: []grid.Item{
			{ID: "p1", Text: "Be nice to shoppers"},
			{ID: "p2", Text: "Offer to carry heavy bags to the car for shoppers", Tags: []grid.Tag{grid.GenuineInterest}},
		},
	}
	for _, w := range g.Warnings() {
		fmt.Println(w.Path, w.Rule)
	}
	// Output:
	// purposeful[0].text not-observable
}

func ExampleMarkdown() {
	g := &grid.Grid{
		Position: "Cashier", Purpose: "Shoppers leave glad they came", Process: "Checkout",
		Knowledge:  []grid.Item{{ID: "k1", Text: "Prices of loose produce"}},
		Skills:     []grid.Item{{ID: "s1", Text: "Scan and bag items"}},
		Purposeful: []grid.Item{{ID: "p1", Text: "Offer to carry heavy bags to the car", Status: grid.Adopted, Votes: 4}},
	}
	fmt.Print(grid.Markdown(g))
	// Output:
	// # Cashier: Checkout
	//
	// - **Position:** Cashier
	// - **Purpose:** Shoppers leave glad they came
	// - **Process:** Checkout
	//
	// | Job knowledge | Job skills | Purposeful actions and behaviours |
	// |---|---|---|
	// | Prices of loose produce | Scan and bag items | ✓ Offer to carry heavy bags to the car ●4 |
	//
	// ✓ adopted · ● dots from the vote · (one-off) cannot be made routine
}

func ExampleSession_Apply() {
	t0 := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	at := func(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }
	s := grid.NewSession()
	events := []grid.Event{
		{ID: "1", Type: grid.Create, Actor: "fac", At: at(0), Name: "Sam", Course: &grid.Course{Position: "Cashier", Purpose: "Shoppers leave glad they came", Process: "Checkout"}},
		{ID: "2", Type: grid.Join, Actor: "ana", At: at(5), Name: "Ana"},
		{ID: "3", Type: grid.Vote, Actor: "ana", At: at(6), Item: "p1"},
		{ID: "2", Type: grid.Join, Actor: "ana", At: at(5), Name: "Ana"},
	}
	for _, e := range events {
		if err := s.Apply(e); err != nil {
			fmt.Println(err, errors.Is(err, grid.ErrWrongStep))
		}
	}
	fmt.Println(s.Len(), s.Step())
	// Output:
	// event "3" (vote): grid: not allowed in this step: vote needs step mine true
	// 2 course
}

func ExampleHuddle() {
	g := grid.SampleFrontDesk()
	plan, err := grid.Huddle(g, grid.HuddleOptions{Meetings: 1})
	if err != nil {
		panic(err)
	}
	for _, s := range plan.Meetings[0].Agenda {
		fmt.Printf("%d min %s\n", s.Minutes, s.Title)
	}
	// Output:
	// 1 min Our purpose
	// 2 min Today's idea
	// 4 min Real examples
	// 2 min Fresh ideas
	// 1 min Commitment
}

func ExamplePortfolio_Coverage() {
	m := grid.SamplePortfolio().Coverage()
	for i, pos := range m.Positions {
		for j, proc := range m.Processes {
			if m.Planned[i][j] {
				fmt.Printf("%s / %s: %s\n", pos, proc, m.Cells[i][j])
			}
		}
	}
	// Output:
	// Front-desk agent / Guest check-in: done
	// Front-desk agent / Guest check-out: in-progress
	// Front-desk agent / Phone reservations: missing
	// Ward nurse / Patient discharge: done
	// Ward nurse / Patient admission: missing
}
