// Command grid-frontdesk prints a completed 3 Ps grid for a hotel
// front-desk agent's guest check-in, written for this project: 9 items of
// job knowledge, 9 job skills and 14 purposeful actions and behaviours,
// each idea with its evidence, votes, scores and decision.
//
//	go run ./examples/grid-frontdesk                      # the flipchart table, Markdown
//	go run ./examples/grid-frontdesk -format svg -paper letter > grid.svg
//	go run ./examples/grid-frontdesk -format svg -template > template.svg
//	go run ./examples/grid-frontdesk -format huddle       # the reinforcement huddles
//
// Formats: markdown (default), svg, json, csv, huddle, warnings. The files
// frontdesk.md and frontdesk.svg beside this program are its output.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/purposefulcx/purposeful/grid"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("grid-frontdesk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "markdown", "markdown, svg, json, csv, huddle or warnings")
	paper := fs.String("paper", "a4", "paper for svg: a4 or letter")
	template := fs.Bool("template", false, "print the empty template (the three Ps only)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	g := grid.SampleFrontDesk()
	if *template {
		g = g.Template()
	}
	out, err := render(g, *format, *paper)
	if err != nil {
		fmt.Fprintln(stderr, "grid-frontdesk:", err)
		return 2
	}
	fmt.Fprint(stdout, out)
	return 0
}

// render prints g in one of the formats.
func render(g *grid.Grid, format, paper string) (string, error) {
	switch format {
	case "markdown", "md":
		return grid.Markdown(g), nil
	case "svg":
		opt := grid.SVGOptions{Template: g.IsTemplate()}
		switch paper {
		case "a4":
		case "letter":
			opt.Paper = grid.Letter
		default:
			return "", fmt.Errorf("unknown paper %q (want a4 or letter)", paper)
		}
		return grid.SVG(g, opt), nil
	case "json":
		b, err := grid.Encode(g)
		return string(b), err
	case "csv":
		b, err := grid.CSV(g)
		return string(b), err
	case "huddle":
		plan, err := grid.Huddle(g, grid.HuddleOptions{})
		if err != nil {
			return "", err
		}
		return plan.Markdown(), nil
	case "warnings":
		var s string
		for _, w := range g.Warnings() {
			s += fmt.Sprintf("%s\t%s\t%s\t%s\n", w.Path, w.Severity, w.Rule, w.Message)
		}
		if s == "" {
			s = "no warnings\n"
		}
		return s, nil
	}
	return "", fmt.Errorf("unknown format %q", format)
}
