// Command standards-frontdesk continues the front-desk story: from the
// completed check-in grid of the Harbourlight Hotel to nine purposeful
// standards, a scorecard, 30 blind observations by three observers (one
// purposeful deviation, one dispute), the report and the calibration.
//
//	go run ./examples/standards-frontdesk                 # the whole story, Markdown
//	go run ./examples/standards-frontdesk -format card    # the printable standards card
//	go run ./examples/standards-frontdesk -format csv     # the observations, one row per rating
//	go run ./examples/standards-frontdesk -format stored  # the same loop through the API, stored
//
// Formats: story (default), card, csv, json, report, calibration,
// training, stored (the story replayed against a local server in this
// process: people, the book, the observations, the dispute, the report).
// The file story.md beside this program is its default output.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/standards"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("standards-frontdesk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "story", "story, card, csv, json, report, calibration, training or stored")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	s, err := build()
	if err != nil {
		fmt.Fprintln(stderr, "standards-frontdesk:", err)
		return 1
	}
	out, err := s.render(*format)
	if err != nil {
		fmt.Fprintln(stderr, "standards-frontdesk:", err)
		return 2
	}
	fmt.Fprint(stdout, out)
	return 0
}

// refinement is what the team wrote when they turned a draft into a
// standard: a sharper statement, the step, a specific reason, when to
// deviate, the priority, the critical level and how it is observed.
type refinement struct {
	statement, step, rationale, deviation, priority string
	critical                                        standards.Critical
	method                                          standards.Method
}

// refinements, by grid item id, written for this project.
var refinements = map[string]refinement{
	"p1": {
		statement: "Greet each guest within ten seconds of them reaching the desk, even when you are on the phone.",
		step:      "Arrival", priority: "courtesy", critical: standards.FailsSection,
		method:    standards.Method{Kind: standards.Threshold, Value: 10, Unit: "seconds"},
		rationale: "So that every guest feels noticed the moment they arrive, which is where a loyal guest starts.",
		deviation: "If the guest in front of you needs urgent help, finish that first, then greet the next guest and thank them for waiting.",
	},
	"p2": {
		statement: "Use the guest's name at least 2 times during check-in.",
		step:      "Registration", priority: "courtesy",
		method:    standards.Method{Kind: standards.Threshold, Value: 2, Unit: "times"},
		rationale: "Hearing their name tells guests we see a person, not a room number, so they feel at home and come back.",
		deviation: "Leave the name out when the guest asks for discretion or is with company they may not want named.",
	},
	"p3": {
		statement: "Write one local tip that matches the guest's plans on the key-card sleeve.",
		step:      "Key handover", priority: "show",
		rationale: "A tip that fits their plans shows guests we listened, and gives them a story about us to tell friends.",
		deviation: "Leave it out when the guest is in a hurry or says they know the town well.",
	},
	"p6": {
		statement: "When a room is not ready, text the guest within 5 minutes of it becoming ready.",
		step:      "Room not ready", priority: "efficiency",
		method:    standards.Method{Kind: standards.Threshold, Value: 5, Unit: "minutes"},
		rationale: "So that waiting guests can enjoy the town instead of the lobby, and trust us to keep our word.",
		deviation: "Phone instead of texting when the guest has no mobile or asks for a call.",
	},
	"p14": {
		statement: "Record each preference the guest states, such as a quiet room, in their profile before they leave the desk.",
		step:      "Registration", priority: "courtesy",
		rationale: "So that the next stay starts with what the guest asked for, which makes them choose us again.",
		deviation: "Leave out health and other private details; note only what the guest would be glad to see again.",
	},
	"p5": {
		statement: "Walk guests with heavy luggage or reduced mobility to the lift.",
		step:      "Key handover", priority: "safety",
		rationale: "So that guests who struggle reach their room without strain and remember that we helped.",
		deviation: "When you are alone at the desk with a queue, call a colleague to walk them instead.",
	},
	"p7": {
		statement: "Leave a handwritten card in the room when a guest is here for a birthday or anniversary.",
		step:      "After check-in", priority: "show",
		rationale: "A personal surprise on a special day gives guests a story to tell friends about us.",
		deviation: "Skip it when the guest asks to keep the occasion private.",
	},
	"p8": {
		statement: "Phone the room 15 minutes after check-in to ask whether everything is as the guest hoped.",
		step:      "After check-in", priority: "courtesy",
		method:    standards.Method{Kind: standards.Threshold, Value: 15, Unit: "minutes"},
		rationale: "So that we fix a problem while the guest is still here, before it spoils the stay they tell friends about.",
		deviation: "When the do-not-disturb sign is out, slide a note under the door instead of phoning.",
	},
	"p4": {
		statement: "Offer a glass of cold water or a hot drink to guests arriving after a journey of more than 2 hours.",
		step:      "Arrival", priority: "courtesy",
		rationale: "Because a drink after a long trip shows care before we ask for anything, and tired guests remember it.",
		deviation: "Skip it when the guest is in a hurry to reach the room.",
	},
}

// story holds every stage, for rendering.
type story struct {
	grid    *grid.Grid
	drafts  []standards.DraftStandard
	before  []standards.LintFinding
	book    *standards.Book
	after   []standards.LintFinding
	report  *standards.Report
	cal     *standards.Calibration
	huddles []standards.Huddle
}

var start = time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC) // a Monday

func build() (*story, error) {
	s := &story{grid: grid.SampleFrontDesk()}
	var err error
	s.drafts, err = standards.DraftFromGrid(s.grid, standards.DraftSettings{CodePrefix: "CI", Priorities: standards.DefaultPriorities})
	if err != nil {
		return nil, err
	}
	b := standards.NewBook(s.grid.Purpose, standards.DefaultPriorities)
	b.Organisation = s.grid.Organisation
	for _, d := range s.drafts {
		s.before = append(s.before, d.Findings...)
		st := d.Standard
		if rf, ok := refinements[d.Item]; ok {
			if rf.statement != st.Statement {
				st.Version++
			}
			st.Statement, st.Step, st.Rationale, st.Deviation = rf.statement, rf.step, rf.rationale, rf.deviation
			st.Priority, st.Critical, st.Method = rf.priority, rf.critical, rf.method
			st.Status = standards.Published
		}
		b.Standards = append(b.Standards, st)
	}
	s.after = b.Lint(standards.LintSettings{})

	b.Scorecards = []standards.Scorecard{scorecard()}
	if err := b.Validate(); err != nil {
		return nil, err
	}
	if err := observe(b); err != nil {
		return nil, err
	}
	// Ben disputes the mystery shopper's view of his name use; the duty
	// manager checks the desk recording and partly accepts it.
	disputed := "i04-quinn"
	if err := b.Dispute(disputed, "Ben", "I used the guest's name twice; the shopper stood at the far end of the desk.", start.AddDate(0, 0, 4)); err != nil {
		return nil, err
	}
	o := b.Observation(disputed)
	revised := append([]standards.Rating(nil), o.Ratings...)
	for i := range revised {
		if revised[i].Standard == "p2" {
			revised[i].Value = 3
			revised[i].Evidence = "Recording: name used twice; the second time was quiet."
		}
	}
	if err := b.Resolve(disputed, standards.PartlyAccepted, "Name use upheld; the other ratings stand.", revised, start.AddDate(0, 0, 5)); err != nil {
		return nil, err
	}
	s.book = b
	if s.report, err = b.Report(standards.ReportSettings{}); err != nil {
		return nil, err
	}
	if s.cal, err = b.Calibrate(standards.CalibrationSettings{}); err != nil {
		return nil, err
	}
	s.huddles = b.Reinforcement(start.AddDate(0, 0, 14), standards.ScheduleSettings{Huddles: 10})
	return s, nil
}

func scorecard() standards.Scorecard {
	c := func(id string, w float64, sc standards.Scale, na bool) standards.Criterion {
		return standards.Criterion{Standard: id, Weight: w, Scale: sc, NA: na}
	}
	return standards.Scorecard{ID: "checkin", Name: "Guest check-in", Sections: []standards.Section{
		{Name: "Arrival", Criteria: []standards.Criterion{c("p1", 3, standards.Binary, false), c("p4", 1, standards.Binary, true)}},
		{Name: "At the desk", Criteria: []standards.Criterion{c("p2", 2, standards.ThreePoint, false), c("p14", 1, standards.Binary, true), c("p3", 2, standards.Binary, false)}},
		{Name: "After the desk", Criteria: []standards.Criterion{c("p5", 2, standards.Binary, true), c("p6", 2, standards.Binary, true), c("p8", 1, standards.Binary, false)}},
		{Name: "Pleasant surprises", Bonus: true, Criteria: []standards.Criterion{c("p7", 1, standards.Binary, true)}},
	}}
}

// slip is how often an observer misreads each standard: the clear ones
// rarely, the ones that need judgement ("stated a preference", "a long
// journey") more often. It drives the simulated observations.
var slip = map[string]float64{"p1": 0.03, "p2": 0.12, "p3": 0.04, "p4": 0.3, "p5": 0.03, "p6": 0.03, "p7": 0, "p8": 0.05, "p14": 0.35}

// observe records 30 observations: three observers rate the same ten
// check-ins blind.
func observe(b *standards.Book) error {
	rng := rand.New(rand.NewPCG(2026, 3))
	agents := []string{"Ana", "Ben", "Chloe", "Dev", "Eli"}
	teams := map[string]string{"Ana": "early", "Ben": "early", "Chloe": "early", "Dev": "late", "Eli": "late"}
	observers := []struct {
		name string
		mode standards.Mode
	}{{"maya", standards.Manager}, {"tom", standards.Peer}, {"quinn", standards.MysteryShopper}}
	card := b.Scorecards[0]
	for u := range 10 {
		agent := agents[u%len(agents)]
		day := start.AddDate(0, 0, u/5*7+u%5)
		at := day.Add(time.Duration(u%3) * time.Hour)
		interaction := fmt.Sprintf("check-in %s, %s", day.Format("Mon 2 Jan"), at.Format("15:04"))
		// what really happened
		truth := map[string]int{}
		applies := map[string]bool{}
		for _, sec := range card.Sections {
			for _, cr := range sec.Criteria {
				applies[cr.Standard] = !cr.NA || rng.Float64() < 0.6
				v := cr.Scale.Max()
				if rng.Float64() < 0.2 {
					v = cr.Scale.Min() + rng.IntN(cr.Scale.Max()-cr.Scale.Min())
				}
				truth[cr.Standard] = v
			}
		}
		for _, ob := range observers {
			o := standards.Observation{
				ID: fmt.Sprintf("i%02d-%s", u+1, ob.name), Scorecard: card.ID, Observer: ob.name, Subject: agent,
				Team: teams[agent], Mode: ob.mode, Interaction: interaction, At: at,
			}
			for _, sec := range card.Sections {
				for _, cr := range sec.Criteria {
					rt := standards.Rating{Standard: cr.Standard, Value: truth[cr.Standard]}
					if !applies[cr.Standard] {
						rt.NA, rt.Value = true, 0
					} else if rng.Float64() < slip[cr.Standard] {
						if rt.Value == cr.Scale.Max() {
							rt.Value--
						} else {
							rt.Value++
						}
					}
					if !rt.NA && rt.Value < cr.Scale.Max() {
						rt.Deviation = standards.NeedsCorrection
					}
					o.Ratings = append(o.Ratings, rt)
				}
			}
			if u == 7 { // Chloe's jump-start
				for i := range o.Ratings {
					if o.Ratings[i].Standard != "p1" {
						continue
					}
					o.Ratings[i].Value = 0
					o.Ratings[i].Deviation = standards.NeedsCorrection
					o.Ratings[i].Evidence = "The guest waited about two minutes before anyone greeted them."
					if ob.mode == standards.Manager {
						o.Ratings[i].Deviation = standards.Purposeful
						o.Ratings[i].Evidence = "Out in the car park helping a guest jump-start a flat battery, then back to apologise for the wait and check the next guest in."
					}
				}
			}
			if err := b.Record(o); err != nil {
				return fmt.Errorf("%s: %w", o.ID, err)
			}
		}
	}
	return nil
}

func (s *story) render(format string) (string, error) {
	switch format {
	case "story":
		return s.markdown(), nil
	case "card":
		return standards.CardMarkdown(s.book), nil
	case "csv":
		var buf bytes.Buffer
		err := standards.ObservationsCSV(&buf, s.book)
		return buf.String(), err
	case "json":
		var buf bytes.Buffer
		err := standards.Encode(&buf, s.book)
		return buf.String(), err
	case "report":
		return s.report.Markdown(), nil
	case "calibration":
		return s.cal.Markdown(), nil
	case "training":
		return standards.TrainingMarkdown(s.book, s.book.TrainingPlan(), s.huddles), nil
	case "stored":
		l, err := s.stored()
		if err != nil {
			return "", err
		}
		return l.markdown(), nil
	}
	return "", fmt.Errorf("unknown format %q", format)
}

// demote shifts Markdown headings one level down so sections nest.
func demote(md string) string {
	var w strings.Builder
	for line := range strings.Lines(md) {
		if strings.HasPrefix(line, "#") {
			w.WriteString("#")
		}
		w.WriteString(line)
	}
	return w.String()
}

func (s *story) markdown() string {
	var w strings.Builder
	fmt.Fprintf(&w, "# From the check-in grid to purposeful standards\n\n")
	fmt.Fprintf(&w, "%s, %s: %s\n\nPurpose: %s\n\n", s.grid.Organisation, s.grid.Position, s.grid.Process, s.grid.Purpose)

	fmt.Fprintf(&w, "## 1. Drafts from the grid\n\n%d adopted purposeful ideas became draft standards with %d lint findings. What each draft still lacked:\n\n", len(s.drafts), len(s.before))
	w.WriteString("| code | draft statement | missing | lint |\n|---|---|---|---|\n")
	for _, d := range s.drafts {
		var missing []string
		for _, g := range d.Missing {
			missing = append(missing, g.Field)
		}
		var rules []string
		for _, f := range d.Findings {
			rules = append(rules, f.Rule)
		}
		fmt.Fprintf(&w, "| %s | %s | %s | %s |\n", d.Standard.Code, d.Standard.Statement, strings.Join(missing, ", "), strings.Join(rules, ", "))
	}

	fmt.Fprintf(&w, "\n## 2. The team's standards\n\nAfter the team wrote each reason, when to deviate, the step and the priority, and split or sharpened the statements, the linter reports %d findings", len(s.after))
	if len(s.after) == 0 {
		w.WriteString(".\n\n")
	} else {
		w.WriteString(":\n\n")
		for _, f := range s.after {
			fmt.Fprintf(&w, "- %s %s %s (%s): %s\n", s.book.Standard(f.Standard).Code, f.Severity, f.Rule, f.Field, f.Message)
		}
		w.WriteString("\n")
	}
	w.WriteString(demote(standards.CardMarkdown(s.book)))

	w.WriteString("## 3. The scorecard\n\n| section | criterion | weight | scale | N/A allowed | critical |\n|---|---|---:|---|---|---|\n")
	for _, sec := range s.book.Scorecards[0].Sections {
		name := sec.Name
		if sec.Bonus {
			name += " (bonus)"
		}
		for _, cr := range sec.Criteria {
			st := s.book.Standard(cr.Standard)
			fmt.Fprintf(&w, "| %s | %s | %g | %s | %t | %s |\n", name, st.Code, cr.Weight, cr.Scale, cr.NA, max(cr.Critical, st.Critical))
		}
	}
	fmt.Fprintf(&w, "\n## 4. Thirty observations\n\nMaya (duty manager), Tom (peer) and Quinn (mystery shopper) each rated the same ten check-ins without seeing each other's ratings: %d observations. ", len(s.book.Observations))
	for _, o := range s.book.Observations {
		if o.Dispute != nil {
			fmt.Fprintf(&w, "%s disputed observation %s: %q The outcome: %s (%s) and the scores are now locked.\n\n", o.Dispute.By, o.ID, o.Dispute.Comment, o.Dispute.Outcome, o.Dispute.Note)
		}
	}
	w.WriteString(demote(s.report.Markdown()))
	w.WriteString(demote(s.cal.Markdown()))
	w.WriteString("\n")
	w.WriteString(demote(standards.TrainingMarkdown(s.book, s.book.TrainingPlan(), s.huddles)))
	return w.String()
}
