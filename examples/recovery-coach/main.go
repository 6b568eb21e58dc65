// Command recovery-coach plans a service recovery for a situation given as
// flags and, when a draft reply arrives on standard input, reviews it.
//
//	go run ./examples/recovery-coach -state angry -cause our-error -severity major \
//		-channel email -name "Ms Okafor" -offer "a free night on your next stay" \
//		-time "4pm today" -time "9am tomorrow" < draft.txt
//
// With -json it prints the plan and the review as JSON instead of text.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/purposefulcx/purposeful/recovery"
)

func main() {
	var stdin io.Reader = os.Stdin
	if fi, err := os.Stdin.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		stdin = nil // a terminal: plan only, do not wait for a draft
	}
	os.Exit(run(os.Args[1:], stdin, os.Stdout, os.Stderr))
}

type list []string

func (l *list) String() string     { return strings.Join(*l, ", ") }
func (l *list) Set(v string) error { *l = append(*l, v); return nil }

// textFlag adapts an enumeration with UnmarshalText to a flag.
type textFlag struct {
	v interface {
		MarshalText() ([]byte, error)
		UnmarshalText([]byte) error
	}
}

func (f textFlag) String() string {
	if f.v == nil {
		return ""
	}
	b, _ := f.v.MarshalText()
	return string(b)
}
func (f textFlag) Set(s string) error { return f.v.UnmarshalText([]byte(s)) }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var s recovery.Situation
	var offers, times list
	var asJSON bool
	fs := flag.NewFlagSet("recovery-coach", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Var(textFlag{&s.State}, "state", "customer state: disappointed, upset, angry, abusive")
	fs.Var(textFlag{&s.Cause}, "cause", "cause: unknown, our-error, policy-limit, misunderstanding, third-party")
	fs.Var(textFlag{&s.Severity}, "severity", "severity: minor, moderate, major, severe")
	fs.Var(textFlag{&s.Channel}, "channel", "channel: phone, in-person, email, chat")
	fs.BoolVar(&s.Repeat, "repeat", false, "the failure has happened to this customer before")
	fs.Var(&offers, "offer", "something you can offer (repeatable)")
	fs.Var(&times, "time", "a time you can offer for the next contact (repeatable)")
	fs.StringVar(&s.Colleague, "colleague", "", "who can take over, e.g. \"my supervisor, Dana\"")
	fs.BoolVar(&s.CanEscalate, "escalate", false, "an escalation route exists")
	fs.StringVar(&s.CustomerName, "name", "", "the customer's name")
	fs.StringVar(&s.AgentName, "agent", "", "your name")
	fs.StringVar(&s.Issue, "issue", "", "the problem, as a short noun phrase")
	fs.StringVar(&s.Policy, "policy", "", "the policy in play, as a clause")
	fs.BoolVar(&asJSON, "json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	s.Offers, s.Times = offers, times

	plan, err := recovery.Plan(s)
	if err != nil {
		fmt.Fprintln(stderr, "recovery-coach:", err)
		return 2
	}
	var report *recovery.Report
	if stdin != nil {
		draft, err := io.ReadAll(io.LimitReader(stdin, recovery.MaxLen+1))
		if err != nil {
			fmt.Fprintln(stderr, "recovery-coach:", err)
			return 1
		}
		if len(draft) > 0 {
			report, err = recovery.Review(string(draft), s)
			if err != nil {
				fmt.Fprintln(stderr, "recovery-coach: draft:", err)
				return 1
			}
		}
	}
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(struct {
			Plan   *recovery.Guidance `json:"plan"`
			Review *recovery.Report   `json:"review,omitempty"`
		}{plan, report}); err != nil {
			fmt.Fprintln(stderr, "recovery-coach:", err)
			return 1
		}
		return 0
	}
	printPlan(stdout, plan)
	if report != nil {
		printReview(stdout, report)
	}
	return 0
}

func printPlan(w io.Writer, g *recovery.Guidance) {
	fmt.Fprintln(w, "PLAN")
	for i, st := range g.Steps {
		opt := ""
		if st.Optional {
			opt = " (if needed)"
		}
		fmt.Fprintf(w, "%2d. %s%s\n    why: %s\n", i+1, st.Title, opt, st.Reason)
		for _, p := range st.Phrases {
			fmt.Fprintf(w, "    say: %s\n", p.Text)
		}
	}
	for _, n := range g.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
}

func printReview(w io.Writer, r *recovery.Report) {
	fmt.Fprintf(w, "\nREVIEW: %d/100\n", r.Score)
	for _, m := range r.Moves {
		fmt.Fprintf(w, "  found   %-16s %q\n", m.Move, m.Text)
	}
	for _, m := range r.Missing {
		fmt.Fprintf(w, "  missing %s\n", m.Title())
	}
	for _, f := range append(r.Order, r.Findings...) {
		fmt.Fprintf(w, "  %-7s %s\n", f.Severity, f.Message)
		if len(f.Suggestions) > 0 {
			fmt.Fprintf(w, "          try: %s\n", f.Suggestions[0])
		}
	}
	fmt.Fprintln(w, "\nSCORE")
	for _, p := range r.Points {
		fmt.Fprintf(w, "  %+4d  %s\n", p.Points, p.Reason)
	}
	fmt.Fprintf(w, "\nSUGGESTED REWRITE\n%s\n", r.Rewrite)
}
