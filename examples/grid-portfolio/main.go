// Command grid-portfolio prints a portfolio of grids across two
// industries: the hotel front desk (check-in done, check-out in progress,
// phone reservations missing) and a hospital ward (discharge done,
// admission missing). It shows the coverage matrix, the ideas that are
// alike across grids and could be merged, and every grid.
//
//	go run ./examples/grid-portfolio                  # Markdown
//	go run ./examples/grid-portfolio -format json     # the portfolio document
//	go run ./examples/grid-portfolio -format csv      # every item of every grid
//	go run ./examples/grid-portfolio -format similar  # alike ideas, one per line
//
// The file portfolio.md beside this program is its output.
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
	fs := flag.NewFlagSet("grid-portfolio", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "markdown", "markdown, json, csv or similar")
	threshold := fs.Float64("threshold", 0, "how alike ideas must be for -format similar, 0 to 1 (0: the default)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	p := grid.SamplePortfolio()
	switch *format {
	case "markdown", "md":
		fmt.Fprint(stdout, p.Markdown())
	case "json":
		b, err := grid.EncodePortfolio(p)
		if err != nil {
			fmt.Fprintln(stderr, "grid-portfolio:", err)
			return 1
		}
		stdout.Write(b)
	case "csv":
		b, err := p.CSV()
		if err != nil {
			fmt.Fprintln(stderr, "grid-portfolio:", err)
			return 1
		}
		stdout.Write(b)
	case "similar":
		for _, s := range p.Similar(*threshold) {
			fmt.Fprintf(stdout, "%.2f\t%s / %s: %s\t%s / %s: %s\n", s.Similarity, s.A.Position, s.A.Process, s.A.Text, s.B.Position, s.B.Process, s.B.Text)
		}
	default:
		fmt.Fprintf(stderr, "grid-portfolio: unknown format %q\n", *format)
		return 2
	}
	return 0
}
