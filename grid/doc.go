// Package grid models the 3 Ps grid of purposeful customer service, the
// facilitated team activity that fills it in, and the portfolio of grids an
// organisation builds across its job roles and processes.
//
// # The grid
//
// A [Grid] names one Position (a job role), its Purpose (why the role
// exists for the customer) and one Process of the role, with the
// organisation's core values and the process's KPIs. It holds three
// columns of [Item]s: job knowledge and job skills (the transactional
// elements a process needs) and purposeful actions and behaviours
// (voluntary, observable things that reflect the purpose and cost little
// or nothing). Purposeful ideas carry [Evidence] of where they were seen,
// Curtin's seven behaviours as [Tag]s, dots from the vote, a [Score]
// against the four criteria, a [Cost] and a [Status].
//
//	g, err := grid.Decode(data)          // strict JSON, version "purposeful.grid/v1"
//	if err != nil { ... }                // *SyntaxError or *FieldError with paths
//	for _, w := range g.Warnings() {     // "be nice" is not observable, duplicates, ...
//		fmt.Println(w.Path, w.Rule, w.Message)
//	}
//	fmt.Print(grid.Markdown(g))          // the flipchart table
//	svg := grid.SVG(g, grid.SVGOptions{Paper: grid.Letter})
//
// [Grid.Validate] reports every structural problem at once, each a
// [*FieldError] naming its path ("purposeful[3].evidence[0].site");
// [Grid.Warnings] judges the content with the shared text engine and
// purpose.Classify. [Rank] orders ideas by merit. The same grid prints as
// [Markdown], [CSV] and [SVG] (A4 or Letter, landscape); with no items it
// is the empty template people fill in. [Huddle] turns the adopted ideas
// into a plan of short reinforcement meetings.
//
// # The activity
//
// A [Session] is the workshop: set the course, involve the team, get
// creative, mine for gold, then the summary ([Step]). Its state is the
// fold of an append-only log of [Event]s, each JSON with an id, a type, an
// actor and a time:
//
//	s := grid.NewSession()
//	err := s.Apply(grid.Event{ID: "e1", Type: grid.Create, Actor: "f1", At: t0, Name: "Sam"})
//	err = s.Apply(grid.Event{ID: "e2", Type: grid.Join, Actor: "p1", At: t1, Name: "Ana"})
//	view, err := s.View("p1", now)       // what p1's page shows
//
// [Session.Apply] is idempotent by event id; an invalid event (a vote
// before mine for gold, a participant revealing ideas, a dot over the
// limit, an unknown item) leaves the state untouched and returns an
// [*EventError] wrapping a sentinel such as [ErrWrongStep],
// [ErrForbidden], [ErrVoteLimit] or [ErrUnknownItem]. Events may arrive
// late or twice: the state is always the fold of the accepted events in
// (At, ID) order, so [Replay] of the same events in any order gives the
// same state. The package never reads the clock: events carry their time
// and views take "now" as an argument.
//
// A merge can be taken back ([Unmerge]: the merged ideas return with the
// dots they brought), and [Import] starts a session from a grid made
// elsewhere, so a grid begun alone continues with a team and the other
// way round.
//
// Every read takes a viewer: [Session.View], [Session.EventsFor],
// [Session.Export] and [Session.Summary] apply the [Anonymity] setting
// (anonymous, alias or named) to every name, keep each idea private to
// its author until the facilitator reveals it, and hide vote totals while
// voting is open.
//
// # Documents
//
// Grids, portfolios, events and session logs are read and written by a
// strict JSON codec without reflection (cheap to link into a browser
// program): unknown fields, duplicate keys and keys that differ only by
// case are refused, every problem named by its path, and the output is
// byte for byte what encoding/json writes for the struct tags. Files of
// the browser page's earlier format, "purposeful.workshop/v1", open with
// [Decode] and [DecodeDraft] (upgraded; see [UpgradeWorkshop]).
//
// # The portfolio
//
// A [Portfolio] holds many grids: [Portfolio.Coverage] says which
// position x process pairs are done, in progress or missing,
// [Portfolio.Similar] finds alike ideas across grids to merge, and it
// exports as JSON, Markdown and CSV.
package grid
