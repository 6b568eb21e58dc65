package standards

import (
	"cmp"
	"slices"
	"sync"
	"time"

	"github.com/purposefulcx/purposeful/internal/order"
	"github.com/purposefulcx/purposeful/internal/prose"
)

// Content is what kind of learning a standard asks for.
type Content uint8

// Content kinds. The zero value is Facts.
const (
	Facts     Content = iota // "facts": knowledge to recall (room types, rates)
	Procedure                // "procedure": a skill, often with a system (run the reservation screen)
	Moment                   // "action": a discrete action at a given moment (walk the guest to the lift)
	Manner                   // "behaviour": a manner repeated in every encounter (use the guest's name)
)

var contentNames = []string{"facts", "procedure", "action", "behaviour"}

func (c Content) String() string               { return enumString(contentNames, uint8(c), "content") }
func (c Content) MarshalText() ([]byte, error) { return enumText(contentNames, uint8(c), "content") }
func (c *Content) UnmarshalText(b []byte) error {
	return parseInto(contentNames, b, "content", (*uint8)(c))
}

// Medium is how training is delivered.
type Medium uint8

// Delivery media. The zero value is SelfStudy.
const (
	SelfStudy  Medium = iota // "self-study": a reference or guide people read and come back to
	Classroom                // "classroom": taught together, with discussion and role play
	ELearning                // "e-learning": interactive, self-paced, with practice and checks
	Multimedia               // "multimedia": video or audio of the behaviour done well
	Coaching                 // "on-the-job": shown and coached in real interactions
)

var mediumNames = []string{"self-study", "classroom", "e-learning", "multimedia", "on-the-job"}

func (m Medium) String() string               { return enumString(mediumNames, uint8(m), "medium") }
func (m Medium) MarshalText() ([]byte, error) { return enumText(mediumNames, uint8(m), "medium") }
func (m *Medium) UnmarshalText(b []byte) error {
	return parseInto(mediumNames, b, "medium", (*uint8)(m))
}

// TrainingItem is the training one standard needs: its kind of content,
// the medium that fits and why, and a medium to support it.
type TrainingItem struct {
	Standard string  `json:"standard"`
	Code     string  `json:"code"`
	Content  Content `json:"content"`
	Medium   Medium  `json:"medium"`
	Support  Medium  `json:"support"`
	Reason   string  `json:"reason"`
}

// systemWords mark a skill practised on a system.
var systemWords = []string{"system", "screen", "computer", "tablet", "app", "software", "terminal", "reservation", "booking", "key card", "keycard", "card reader", "pms", "till", "register", "database", "form"}

var systemMatcher = sync.OnceValue(func() *prose.Matcher { return prose.MustCompile(systemWords) })

// TrainingPlan chooses the training of every standard that is not
// retired, in book order:
//
//   - knowledge: facts, self-study from a reference (support: e-learning
//     checks), because facts are looked up and recalled, not performed;
//   - a skill on a system: procedure, interactive e-learning (support:
//     on-the-job), because a simulation lets people practise without a
//     guest waiting; any other skill: on-the-job coaching;
//   - an action: on-the-job coaching (support: multimedia), because a
//     discrete action is shown once and then coached at the real moment;
//   - a behaviour: classroom role play (support: multimedia), because a
//     manner is learned by seeing it modelled and rehearsing it with
//     feedback.
//
// A standard that fails the whole review when missed is taught in the
// classroom whatever its kind, so everyone hears it, and its reason,
// together.
func (b *Book) TrainingPlan() []TrainingItem {
	var out []TrainingItem
	for _, s := range b.Standards {
		if s.Status == Retired {
			continue
		}
		out = append(out, trainingFor(&s))
	}
	return out
}

func trainingFor(s *Standard) TrainingItem {
	t := TrainingItem{Standard: s.ID, Code: s.Code}
	switch s.Class {
	case Knowledge:
		t.Content, t.Medium, t.Support = Facts, SelfStudy, ELearning
		t.Reason = "facts are recalled and looked up, so a reference people can return to fits; short e-learning checks confirm them"
	case Skill:
		t.Content = Procedure
		if len(systemMatcher().Scan(prose.Analyze(s.Statement), nil)) > 0 {
			t.Medium, t.Support = ELearning, Coaching
			t.Reason = "a system skill is practised best in an interactive simulation, with no guest waiting, then coached at the desk"
		} else {
			t.Medium, t.Support = Coaching, Multimedia
			t.Reason = "a hands-on skill is learned by doing it with feedback from someone who does it well"
		}
	case Behaviour:
		t.Content, t.Medium, t.Support = Manner, Classroom, Multimedia
		t.Reason = "a manner is learned by seeing it modelled and rehearsing it in role play with feedback; short videos of real examples keep it alive"
	default:
		t.Content, t.Medium, t.Support = Moment, Coaching, Multimedia
		t.Reason = "a discrete action is shown once and then coached at the real moment it is needed"
	}
	if s.Critical == FailsReview {
		t.Support = t.Medium
		t.Medium = Classroom
		t.Reason = "missing it fails the whole review, so everyone hears it and its reason together and is checked; then " + t.Reason
	}
	return t
}

// Orientation is the content new staff receive: the purpose, the order of
// priorities and the standards grouped by priority, each with its reason
// and when to deviate, and the stories worth telling.
type Orientation struct {
	Purpose    string               `json:"purpose"`
	Priorities []string             `json:"priorities,omitempty"`
	Sections   []OrientationSection `json:"sections"`
	Stories    []Story              `json:"stories,omitempty"`
}

// OrientationSection groups the standards of one priority key ("" for
// those with none).
type OrientationSection struct {
	Priority  string     `json:"priority"`
	Standards []Standard `json:"standards"`
}

// Orientation builds the orientation content: the standards that are not
// retired, grouped by the book's priority order (unlisted keys after, in
// alphabetical order), critical ones first within a group, then by code;
// with up to three recent stories.
func (b *Book) Orientation() Orientation {
	o := Orientation{Purpose: b.Purpose, Priorities: slices.Clone(b.Priorities)}
	ordered := b.rotation()
	for _, s := range ordered {
		if n := len(o.Sections); n == 0 || o.Sections[n-1].Priority != s.Priority {
			o.Sections = append(o.Sections, OrientationSection{Priority: s.Priority})
		}
		sec := &o.Sections[len(o.Sections)-1]
		sec.Standards = append(sec.Standards, s)
	}
	st := b.Stories()
	o.Stories = st[:min(3, len(st))]
	return o
}

// rotation orders the standards that are not retired by priority rank,
// unlisted keys alphabetically, then critical level (highest first), then
// code.
func (b *Book) rotation() []Standard {
	var out []Standard
	for _, s := range b.Standards {
		if s.Status != Retired {
			out = append(out, s)
		}
	}
	order.Stable(out, func(x, y Standard) int {
		return cmp.Or(
			cmp.Compare(b.PriorityRank(x.Priority), b.PriorityRank(y.Priority)),
			cmp.Compare(x.Priority, y.Priority),
			cmp.Compare(y.Critical, x.Critical),
			cmp.Compare(x.Code, y.Code))
	})
	return out
}

// Cadence is how often huddles are held. The zero value is Daily.
type Cadence uint8

// Cadences.
const (
	Daily  Cadence = iota // "daily": every working day, Monday to Friday
	Weekly                // "weekly": the same weekday every week
)

var cadenceNames = []string{"daily", "weekly"}

func (c Cadence) String() string               { return enumString(cadenceNames, uint8(c), "cadence") }
func (c Cadence) MarshalText() ([]byte, error) { return enumText(cadenceNames, uint8(c), "cadence") }
func (c *Cadence) UnmarshalText(b []byte) error {
	return parseInto(cadenceNames, b, "cadence", (*uint8)(c))
}

// ScheduleSettings tunes [Book.Reinforcement]. The zero value works.
type ScheduleSettings struct {
	Cadence Cadence
	// Huddles is how many huddles to plan. Default 10.
	Huddles int
	// PerHuddle is how many standards each huddle covers. Default 1.
	PerHuddle int
	// Stories is how many stories each huddle tells. Default 1.
	Stories int
}

// Huddle is one short reinforcement meeting.
type Huddle struct {
	Date      string   `json:"date"` // "2026-03-02"
	Standards []string `json:"standards"`
	Stories   []Story  `json:"stories,omitempty"`
}

// Reinforcement plans huddles from start (daily on working days, or
// weekly), rotating through the standards in orientation order so each
// comes back in turn, and telling the stories worth telling that happened
// before each huddle: a story never told before first (one about the
// day's standards, else the newest), and a story already told only once a
// full round of the standards has passed since, so stories come back
// without crowding out the new ones.
func (b *Book) Reinforcement(start time.Time, set ScheduleSettings) []Huddle {
	if set.Huddles <= 0 {
		set.Huddles = 10
	}
	if set.PerHuddle <= 0 {
		set.PerHuddle = 1
	}
	if set.Stories <= 0 {
		set.Stories = 1
	}
	ordered := b.rotation()
	stories := b.Stories()
	last := make([]int, len(stories)) // huddle at which each story was last told
	for i := range last {
		last[i] = -1
	}
	gap := max(1, len(ordered)/set.PerHuddle) // huddles in one round of the standards
	day := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, time.UTC)
	next := 0
	var out []Huddle
	for len(out) < set.Huddles {
		if set.Cadence == Daily && (day.Weekday() == time.Saturday || day.Weekday() == time.Sunday) {
			day = day.AddDate(0, 0, 1)
			continue
		}
		h := Huddle{Date: day.Format(time.DateOnly)}
		var ids []string
		for k := 0; k < set.PerHuddle && k < len(ordered); k++ {
			s := ordered[next%len(ordered)]
			next++
			h.Standards = append(h.Standards, s.Code)
			ids = append(ids, s.ID)
		}
		end := day.AddDate(0, 0, 1)
		n := len(out)
		for len(h.Stories) < set.Stories {
			pick := -1
			better := func(i, j int) bool { // is story i a better pick than j?
				ti, tj := last[i] >= 0, last[j] >= 0
				if ti != tj {
					return !ti // never told first
				}
				ri, rj := slices.Contains(ids, stories[i].Standard), slices.Contains(ids, stories[j].Standard)
				if ri != rj {
					return ri // about the day's standard
				}
				return last[i] < last[j] // told longest ago; ties keep newest first
			}
			for i, st := range stories {
				if !st.At.Before(end) || last[i] == n || (last[i] >= 0 && n-last[i] < gap) {
					continue
				}
				if pick < 0 || better(i, pick) {
					pick = i
				}
			}
			if pick < 0 {
				break
			}
			last[pick] = n
			h.Stories = append(h.Stories, stories[pick])
		}
		out = append(out, h)
		if set.Cadence == Weekly {
			day = day.AddDate(0, 0, 7)
		} else {
			day = day.AddDate(0, 0, 1)
		}
	}
	return out
}
