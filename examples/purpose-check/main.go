// Command purpose-check analyses a purpose statement and prints the report.
//
//	purpose-check "Load and unload bags on the aircraft."
//	echo "Guests feel at home." | purpose-check -json
//
// The statement comes from the arguments, or from standard input when
// there are none. The exit status is 1 when the statement cannot be read
// (empty, not UTF-8, too long) and 2 for a usage error.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/purposefulcx/purposeful/purpose"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the whole command, with its inputs and outputs passed in so that
// it can be tested.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("purpose-check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the analysis as JSON")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: purpose-check [-json] [statement ...]")
		fmt.Fprintln(stderr, "Reads the statement from the arguments, or from standard input when there are none.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	text := strings.Join(fs.Args(), " ")
	if fs.NArg() == 0 {
		b, err := io.ReadAll(io.LimitReader(stdin, purpose.MaxLen+1))
		if err != nil {
			fmt.Fprintln(stderr, "purpose-check:", err)
			return 1
		}
		text = strings.TrimRight(string(b), "\r\n")
	}
	a, err := purpose.Analyze(text)
	if err != nil {
		var ie *purpose.InputError
		if errors.As(err, &ie) {
			fmt.Fprintln(stderr, "purpose-check: cannot analyse the statement:", err)
		} else {
			fmt.Fprintln(stderr, "purpose-check:", err)
		}
		return 1
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(a); err != nil {
			fmt.Fprintln(stderr, "purpose-check:", err)
			return 1
		}
		return 0
	}
	writeReport(stdout, a)
	return 0
}

// writeReport prints the analysis for a person to read.
func writeReport(w io.Writer, a *purpose.Analysis) {
	fmt.Fprintf(w, "%s\n\n", a.Text)
	fmt.Fprintf(w, "Verdict: %s    Score: %d/100\n", a.Verdict, a.Score)
	fmt.Fprintf(w, "Who benefits:   %s\n", terms(a.Beneficiaries))
	fmt.Fprintf(w, "What changes:   %s\n", terms(a.Outcomes))
	fmt.Fprintf(w, "Task language:  %s\n", terms(a.Tasks))
	fmt.Fprintf(w, "Internal aims:  %s\n", terms(a.Internal))
	if len(a.Hedges) > 0 {
		fmt.Fprintf(w, "Hedges:         %s\n", terms(a.Hedges))
	}
	if len(a.Jargon) > 0 {
		fmt.Fprintf(w, "Jargon:         %s\n", terms(a.Jargon))
	}
	mantra := ""
	if a.Mantra {
		mantra = " (as short as a mantra)"
	}
	fmt.Fprintf(w, "Words:          %d%s, reading ease %.0f\n", a.Words, mantra, a.Readability.FleschReadingEase)
	fmt.Fprintln(w, "\nPoints:")
	for _, p := range a.Points {
		fmt.Fprintf(w, "  %+4d  %s\n", p.Points, p.Reason)
	}
	if len(a.Suggestions) > 0 {
		fmt.Fprintln(w, "\nSuggestions:")
		for _, s := range a.Suggestions {
			fmt.Fprintf(w, "  - %s\n", s)
		}
	}
}

func terms(ts []purpose.Term) string {
	if len(ts) == 0 {
		return "-"
	}
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		s := fmt.Sprintf("%q", t.Text)
		if t.Group != "" && !strings.EqualFold(t.Group, t.Text) {
			s += " (" + t.Group + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, ", ")
}
