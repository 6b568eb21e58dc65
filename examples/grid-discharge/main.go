// Command grid-discharge prints a completed 3 Ps grid from healthcare, a
// ward nurse's patient discharge, and shows the facilitated activity that
// produces such a grid: a scripted workshop replayed from its event log.
//
//	go run ./examples/grid-discharge                      # the grid, Markdown
//	go run ./examples/grid-discharge -format svg > discharge.svg
//	go run ./examples/grid-discharge -format workshop     # the activity, step by step
//
// Formats: markdown (default), svg, json, csv, huddle, workshop. The
// files discharge.md and discharge.svg beside this program are its output.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/grid"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("grid-discharge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "markdown", "markdown, svg, json, csv, huddle or workshop")
	paper := fs.String("paper", "a4", "paper for svg: a4 or letter")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	g := grid.SampleDischarge()
	var out string
	var err error
	switch *format {
	case "markdown", "md":
		out = grid.Markdown(g)
	case "svg":
		opt := grid.SVGOptions{}
		if *paper == "letter" {
			opt.Paper = grid.Letter
		} else if *paper != "a4" {
			err = fmt.Errorf("unknown paper %q (want a4 or letter)", *paper)
		}
		out = grid.SVG(g, opt)
	case "json":
		var b []byte
		b, err = grid.Encode(g)
		out = string(b)
	case "csv":
		var b []byte
		b, err = grid.CSV(g)
		out = string(b)
	case "huddle":
		var plan *grid.HuddlePlan
		if plan, err = grid.Huddle(g, grid.HuddleOptions{Frequency: grid.Weekly}); err == nil {
			out = plan.Markdown()
		}
	case "workshop":
		out, err = workshop()
	default:
		err = fmt.Errorf("unknown format %q", *format)
	}
	if err != nil {
		fmt.Fprintln(stderr, "grid-discharge:", err)
		return 2
	}
	fmt.Fprint(stdout, out)
	return 0
}

// workshop replays a short discharge workshop with aliases on and prints
// what the facilitator sees at the end. The clock is the events' own
// time: nothing here reads the time of day.
func workshop() (string, error) {
	start := time.Date(2026, 5, 12, 14, 0, 0, 0, time.UTC)
	n := 0
	ev := func(typ grid.EventType, actor string, min int, set func(*grid.Event)) grid.Event {
		n++
		e := grid.Event{ID: fmt.Sprintf("ev-%02d", n), Type: typ, Actor: actor, At: start.Add(time.Duration(min) * time.Minute)}
		if set != nil {
			set(&e)
		}
		return e
	}
	g := grid.SampleDischarge()
	events := []grid.Event{
		ev(grid.Create, "sister-kay", 0, func(e *grid.Event) {
			e.Name = "Kay"
			e.Settings = &grid.Settings{Anonymity: grid.Alias, Dots: 3, PerItem: 2, ResearchSeconds: 15 * 60}
			e.Course = &grid.Course{Position: g.Position, Purpose: g.Purpose, Process: g.Process, Objective: g.Objective, Values: g.Values, KPIs: g.KPIs}
		}),
		ev(grid.Join, "n1", 1, func(e *grid.Event) { e.Name = "Priya" }),
		ev(grid.Join, "n2", 1, func(e *grid.Event) { e.Name = "Tom" }),
		ev(grid.Join, "sister-kay", 2, func(e *grid.Event) { e.Participant = "hca-1"; e.Name = "Lou" }),
		ev(grid.NextStep, "sister-kay", 5, nil),
		ev(grid.AddItem, "n1", 7, func(e *grid.Event) { e.Item = "k1"; e.Column = grid.ColumnKnowledge; e.Text = g.Knowledge[0].Text }),
		ev(grid.AddItem, "n2", 8, func(e *grid.Event) { e.Item = "s1"; e.Column = grid.ColumnSkills; e.Text = g.Skills[2].Text }),
		ev(grid.NextStep, "sister-kay", 12, nil),
		ev(grid.StartTimer, "sister-kay", 12, nil),
		ev(grid.AddItem, "n1", 15, func(e *grid.Event) {
			e.Item = "i1"
			e.Column = grid.ColumnPurposeful
			e.Text, e.Evidence = g.Purposeful[2].Text, g.Purposeful[2].Evidence
		}),
		ev(grid.AddItem, "n2", 18, func(e *grid.Event) {
			e.Item = "i2"
			e.Column = grid.ColumnPurposeful
			e.Text, e.Evidence = g.Purposeful[3].Text, g.Purposeful[3].Evidence
		}),
		ev(grid.AddItem, "sister-kay", 20, func(e *grid.Event) { // typed in for Lou, who has no phone
			e.Item = "i3"
			e.Column = grid.ColumnPurposeful
			e.Participant = "hca-1"
			e.Text, e.Evidence = g.Purposeful[0].Text, g.Purposeful[0].Evidence
		}),
		ev(grid.ExtendTimer, "sister-kay", 26, func(e *grid.Event) { e.Seconds = 5 * 60 }),
		ev(grid.NextStep, "sister-kay", 33, nil),
		ev(grid.Reveal, "sister-kay", 33, nil),
		ev(grid.OpenVoting, "sister-kay", 34, nil),
		ev(grid.Vote, "n1", 35, func(e *grid.Event) { e.Item = "i1" }),
		ev(grid.Vote, "n1", 35, func(e *grid.Event) { e.Item = "i2" }),
		ev(grid.Vote, "n2", 35, func(e *grid.Event) { e.Item = "i1" }),
		ev(grid.Reveal, "n2", 36, nil), // only the facilitator may reveal: rejected, the state is untouched
		ev(grid.CloseVoting, "sister-kay", 37, nil),
		ev(grid.ScoreItem, "n1", 38, func(e *grid.Event) {
			e.Item, e.Score, e.Cost = "i1", &grid.Score{Experience: 3, KPIs: 3, Values: 3, Purpose: 3}, grid.CostNone
		}),
		ev(grid.Decide, "sister-kay", 40, func(e *grid.Event) { s := grid.Adopted; e.Item, e.Status = "i1", &s }),
		ev(grid.Decide, "sister-kay", 40, func(e *grid.Event) { s := grid.Adopted; e.Item, e.Status = "i2", &s }),
		ev(grid.NextStep, "sister-kay", 45, nil),
	}
	var b strings.Builder
	s, err := grid.Replay(events)
	if err != nil {
		fmt.Fprintf(&b, "Rejected while replaying:\n%v\n\n", err)
	}
	v, err := s.View("sister-kay", start.Add(45*time.Minute))
	if err != nil {
		return "", err
	}
	fmt.Fprintf(&b, "%d events applied; step %q; voting closed: %v\n", v.Events, v.Step, v.Voting.Closed)
	b.WriteString("Members as the facilitator sees them:")
	for _, m := range v.Members {
		fmt.Fprintf(&b, " %s (%s);", m.Name, m.Role)
	}
	b.WriteString("\n\n")
	exp, err := s.Export("sister-kay")
	if err != nil {
		return "", err
	}
	b.WriteString(grid.Markdown(exp))
	return b.String(), nil
}
