package workshop_test

import (
	"fmt"
	"time"

	"github.com/purposefulcx/purposeful/wasm/page/workshop"
)

func Example() {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	d := workshop.New("g1", now)
	d.Position, d.Process = "Front-desk agent", "Guest check-in"
	d.AddItem(false, "Room types and rates")
	d.AddItem(true, "Run the reservation system")
	id := d.AddIdea("Greet returning guests by name", "Review site")
	d.Idea(id).Votes = 4
	d.Idea(id).Adopted = true
	fmt.Print(d.CSV())
	// Output:
	// column,text,source,votes,adopted
	// knowledge,Room types and rates,,,
	// skill,Run the reservation system,,,
	// purposeful,Greet returning guests by name,Review site,4,yes
}

func ExampleDecode() {
	_, err := workshop.Decode([]byte(`{"version":"purposeful.workshop/v1","id":"g1","colour":"red"}`))
	fmt.Println(err)
	// Output:
	// colour: unknown field
}

func ExampleTimer() {
	start := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	var t workshop.Timer
	t.SetLength(15 * time.Minute)
	t.Start(start)
	t.Pause(start.Add(4 * time.Minute))
	t.Extend(5 * time.Minute)
	fmt.Println(workshop.Clock(t.Remaining(start.Add(time.Hour))), "-", workshop.Spoken(t.Remaining(start)))
	// Output:
	// 16:00 - 16 minutes left
}
