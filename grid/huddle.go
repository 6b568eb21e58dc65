package grid

import (
	"slices"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/internal/prose"
)

// Frequency is how often reinforcement huddles meet. The zero value is
// Daily.
type Frequency uint8

// The frequencies.
const (
	Daily Frequency = iota
	Weekly
)

var frequencyNames = []string{"daily", "weekly"}

func (f Frequency) String() string { return enumString(frequencyNames, uint8(f), "frequency") }

// MarshalText encodes the frequency as "daily" or "weekly".
func (f Frequency) MarshalText() ([]byte, error) {
	return enumMarshal(frequencyNames, uint8(f), "frequency")
}

// UnmarshalText decodes a frequency name.
func (f *Frequency) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(frequencyNames, b, "frequency")
	*f = Frequency(v)
	return err
}

// HuddleOptions are the settings of [Huddle]. The zero value plans one
// 10-minute daily huddle per adopted idea, with no dates.
type HuddleOptions struct {
	// Frequency is Daily (default) or Weekly.
	Frequency Frequency
	// Meetings is how many huddles to plan; 0 means one per adopted idea
	// (at least 5), so the plan rotates through every idea.
	Meetings int
	// Minutes is the length of a huddle, 5 to 30; 0 means 10.
	Minutes int
	// Start dates the first huddle; the zero time leaves plans undated.
	// Daily huddles skip Saturdays and Sundays.
	Start time.Time
}

// HuddlePlan is a series of short reinforcement meetings that rotate
// through the adopted ideas and ask for real examples of each.
type HuddlePlan struct {
	Position  string    `json:"position"`
	Process   string    `json:"process"`
	Purpose   string    `json:"purpose"`
	Frequency Frequency `json:"frequency"`
	Minutes   int       `json:"minutes"`
	Meetings  []Meeting `json:"meetings"`
}

// Meeting is one huddle: the idea it focuses on and its agenda.
type Meeting struct {
	Number int       `json:"number"`
	Date   string    `json:"date,omitempty"` // YYYY-MM-DD when a start was given
	Focus  string    `json:"focus"`          // the adopted idea's text
	ItemID string    `json:"item"`
	Agenda []Segment `json:"agenda"`
}

// Segment is one part of a huddle's agenda.
type Segment struct {
	Minutes int    `json:"minutes"`
	Title   string `json:"title"`
	Prompt  string `json:"prompt"`
}

// Huddle plans reinforcement huddles from the grid's adopted ideas, in
// rank order, rotating through them. It is [ErrNoAdopted] when no idea has
// been adopted and [ErrOutOfRange] for bad options.
func Huddle(g *Grid, opt HuddleOptions) (*HuddlePlan, error) {
	adopted := g.Adopted()
	if len(adopted) == 0 {
		return nil, ErrNoAdopted
	}
	minutes := opt.Minutes
	if minutes == 0 {
		minutes = 10
	}
	if minutes < 5 || minutes > 30 {
		return nil, fieldErrf("minutes", ErrOutOfRange, "%d (5 to 30)", opt.Minutes)
	}
	if opt.Frequency > Weekly {
		return nil, fieldErrf("frequency", ErrUnknownValue, "%d", opt.Frequency)
	}
	n := opt.Meetings
	if n == 0 {
		n = max(5, len(adopted))
	}
	if n < 0 || n > 366 {
		return nil, fieldErrf("meetings", ErrOutOfRange, "%d (1 to 366)", opt.Meetings)
	}
	plan := &HuddlePlan{Position: g.Position, Process: g.Process, Purpose: g.Purpose, Frequency: opt.Frequency, Minutes: minutes}
	split := splitMinutes(minutes)
	customer := customerWord(g.Purpose + " " + g.Process)
	date := opt.Start
	for i := range n {
		it := adopted[i%len(adopted)]
		m := Meeting{Number: i + 1, Focus: it.Text, ItemID: it.ID}
		if !opt.Start.IsZero() {
			if opt.Frequency == Daily {
				for date.Weekday() == time.Saturday || date.Weekday() == time.Sunday {
					date = date.AddDate(0, 0, 1)
				}
			}
			m.Date = date.Format(time.DateOnly)
			if opt.Frequency == Daily {
				date = date.AddDate(0, 0, 1)
			} else {
				date = date.AddDate(0, 0, 7)
			}
		}
		why := "it is how we live our purpose"
		if len(it.Tags) > 0 {
			why = "it lets us " + it.Tags[0].Label()
		}
		m.Agenda = []Segment{
			{split[0], "Our purpose", fmtf("Say the purpose out loud together: %s", strings.TrimSpace(g.Purpose))},
			{split[1], "Today's idea", fmtf("%s Why we do it: %s.", sentence(it.Text), why)},
			{split[2], "Real examples", fmtf("Who did this since the last huddle, or saw a colleague do it? What did the %s say or do next?", customer)},
			{split[3], "Fresh ideas", fmtf("What else could we do during %s that fits our purpose? Note new ideas for the next grid session.", strings.ToLower(g.Process))},
			{split[4], "Commitment", "Each person names one moment in today's shift where they will do this."},
		}
		plan.Meetings = append(plan.Meetings, m)
	}
	return plan, nil
}

// customerWord is the first word for a customer the text uses ("guest",
// "patient"), or "customer".
func customerWord(text string) string {
	for _, t := range prose.Analyze(text).Tokens {
		if t.Kind == prose.Word && slices.Contains(customerWords, prose.Stem(t.Norm)) {
			return prose.Stem(t.Norm)
		}
	}
	return "customer"
}

// splitMinutes shares a huddle's minutes out as 10%, 20%, 40%, 20%, 10%,
// each at least one minute, adding up to the total.
func splitMinutes(total int) [5]int {
	weights := [5]int{1, 2, 4, 2, 1}
	var out [5]int
	sum := 0
	for i, w := range weights {
		out[i] = max(1, total*w/10)
		sum += out[i]
	}
	out[2] += total - sum // the examples take up the slack
	return out
}

func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	if !strings.ContainsAny(s[len(s)-1:], ".!?") {
		s += "."
	}
	return s
}

// Markdown renders the plan as a printable agenda.
func (p *HuddlePlan) Markdown() string {
	var b strings.Builder
	fprintf(&b, "# Reinforcement huddles: %s, %s\n\n", mdInline(p.Position), mdInline(p.Process))
	fprintf(&b, "%d %s huddles of %d minutes, each on one adopted idea, asking for real examples.\n\n", len(p.Meetings), p.Frequency, p.Minutes)
	for _, m := range p.Meetings {
		head := fmtf("Huddle %d", m.Number)
		if m.Date != "" {
			head += " (" + m.Date + ")"
		}
		fprintf(&b, "## %s: %s\n\n", head, mdInline(m.Focus))
		for _, s := range m.Agenda {
			fprintf(&b, "- **%d min, %s.** %s\n", s.Minutes, s.Title, mdInline(s.Prompt))
		}
		b.WriteString("\n")
	}
	return b.String()
}
