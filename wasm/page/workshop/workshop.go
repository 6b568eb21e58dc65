package workshop

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Version is the value of the version field of every stored [Doc].
const Version = "purposeful.workshop/v1"

// Limits on what a document may hold; [Doc.Validate] enforces them.
const (
	MaxText  = 2000 // bytes in one text field
	MaxItems = 500  // entries in one list
)

// Sentinel errors, wrapped with the field path by [Decode] and [Doc.Validate].
var (
	ErrVersion  = errors.New("workshop: unsupported version")
	ErrEmpty    = errors.New("empty")
	ErrTooLong  = errors.New("too long")
	ErrTooMany  = errors.New("too many entries")
	ErrBadUTF8  = errors.New("invalid UTF-8")
	ErrDupID    = errors.New("duplicate id")
	ErrBadRef   = errors.New("refers to a missing idea")
	ErrBadPhase = errors.New("workshop: unknown phase")
	ErrNegative = errors.New("negative")
)

// Item is one entry of the knowledge or skills column.
type Item struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// Standard is a purposeful standard written from an adopted idea.
type Standard struct {
	Code      string `json:"code"`
	Item      string `json:"item,omitempty"` // the idea it came from
	Statement string `json:"statement"`
	Rationale string `json:"rationale,omitempty"`
	Deviation string `json:"deviation,omitempty"` // when deviating is right
}

// Idea is an evidence card gathered while getting creative, later voted
// on and perhaps adopted as a purposeful action or behaviour.
type Idea struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Source string `json:"source,omitempty"` // where the idea came from
	Tag    string `json:"tag,omitempty"`    // optional behaviour tag
	Votes  int    `json:"votes"`
	// Met lists the indexes into Doc.Criteria the idea meets.
	Met []int `json:"met,omitempty"`
	// Adopted marks an idea the group settled to build into the process.
	Adopted bool `json:"adopted,omitempty"`
	// MergedInto names the idea this one was merged into; merged ideas
	// are kept for the record but no longer shown for voting.
	MergedInto string `json:"merged_into,omitempty"`
}

// Doc is one workshop: one position and one process.
type Doc struct {
	Version   string   `json:"version"`
	ID        string   `json:"id"`
	Position  string   `json:"position"`
	Purpose   string   `json:"purpose"`
	Process   string   `json:"process"`
	Objective string   `json:"objective"`
	Values    []string `json:"values"`
	KPIs      []string `json:"kpis"`
	Knowledge []Item   `json:"knowledge"`
	Skills    []Item   `json:"skills"`
	Ideas     []Idea   `json:"ideas"`
	Criteria  []string `json:"criteria"`
	// Ladder is the revelation ladder: the job function, then the answers
	// to "why does that matter?" in order.
	Ladder []string `json:"ladder,omitempty"`
	// Standards are the standards drafted from the adopted ideas, as
	// edited in the standards builder.
	Standards []Standard `json:"standards,omitempty"`
	Phase     Phase      `json:"phase"`
	Timer     Timer      `json:"timer"`
	Seq       int        `json:"seq"` // last id number handed out
	Created   time.Time  `json:"created"`
	Updated   time.Time  `json:"updated"`
}

// DefaultObjective is the objective a new workshop starts with.
const DefaultObjective = "Find purposeful actions and behaviours that fit our purpose and core values, " +
	"reflect this role's higher purpose, and can be built into the process to improve it and reach its KPIs."

// DefaultCriteria are the questions the group asks of each idea when mining for gold.
var DefaultCriteria = []string{
	"Elevates the customer's experience",
	"Helps reach the KPIs",
	"Reflects our core values",
	"Advances the purpose of the organisation and the role",
}

// Sources offered for evidence cards.
var Sources = []string{"Own experience as a customer", "Trade publication", "Review site", "A colleague", "Other"}

// New returns an empty workshop made from the template, with id and the
// creation time set.
func New(id string, now time.Time) *Doc {
	return &Doc{
		Version:   Version,
		ID:        id,
		Objective: DefaultObjective,
		Values:    []string{},
		KPIs:      []string{},
		Knowledge: []Item{},
		Skills:    []Item{},
		Ideas:     []Idea{},
		Criteria:  append([]string(nil), DefaultCriteria...),
		Phase:     PhaseCourse,
		Timer:     Timer{LengthSeconds: 20 * 60},
		Created:   now.UTC(),
		Updated:   now.UTC(),
	}
}

// Title is a short human name: "Position · Process", or "Untitled grid".
func (d *Doc) Title() string {
	p, q := strings.TrimSpace(d.Position), strings.TrimSpace(d.Process)
	switch {
	case p != "" && q != "":
		return p + " · " + q
	case p != "":
		return p
	case q != "":
		return q
	}
	return "Untitled grid"
}

func (d *Doc) nextID(prefix string) string {
	d.Seq++
	return prefix + strconv.Itoa(d.Seq)
}

// AddItem appends an entry to the knowledge (skill false) or skills column
// and returns its id.
func (d *Doc) AddItem(skill bool, text string) string {
	it := Item{ID: d.nextID("i"), Text: text}
	if skill {
		d.Skills = append(d.Skills, it)
	} else {
		d.Knowledge = append(d.Knowledge, it)
	}
	return it.ID
}

// RemoveItem deletes the entry with id from either column.
func (d *Doc) RemoveItem(id string) bool {
	for _, col := range []*[]Item{&d.Knowledge, &d.Skills} {
		for i, it := range *col {
			if it.ID == id {
				*col = append((*col)[:i], (*col)[i+1:]...)
				return true
			}
		}
	}
	return false
}

// AddIdea appends an evidence card and returns its id.
func (d *Doc) AddIdea(text, source string) string {
	id := d.nextID("e")
	d.Ideas = append(d.Ideas, Idea{ID: id, Text: text, Source: source})
	return id
}

// Idea returns the idea with id, or nil.
func (d *Doc) Idea(id string) *Idea {
	for i := range d.Ideas {
		if d.Ideas[i].ID == id {
			return &d.Ideas[i]
		}
	}
	return nil
}

// RemoveIdea deletes an idea and un-merges ideas merged into it.
func (d *Doc) RemoveIdea(id string) bool {
	for i, e := range d.Ideas {
		if e.ID == id {
			d.Ideas = append(d.Ideas[:i], d.Ideas[i+1:]...)
			for j := range d.Ideas {
				if d.Ideas[j].MergedInto == id {
					d.Ideas[j].MergedInto = ""
				}
			}
			return true
		}
	}
	return false
}

// Merge folds idea from into idea into: votes add up, met criteria join,
// and from is kept but marked merged. It reports whether both exist and
// differ.
func (d *Doc) Merge(from, into string) bool {
	a, b := d.Idea(from), d.Idea(into)
	if a == nil || b == nil || from == into || a.MergedInto != "" || b.MergedInto != "" {
		return false
	}
	b.Votes += a.Votes
	a.Votes = 0
	for _, m := range a.Met {
		if !containsInt(b.Met, m) {
			b.Met = append(b.Met, m)
		}
	}
	if a.Adopted {
		b.Adopted = true
	}
	a.Adopted = false
	a.MergedInto = into
	for i := range d.Ideas {
		if d.Ideas[i].MergedInto == from {
			d.Ideas[i].MergedInto = into
		}
	}
	return true
}

// Active returns the ideas not merged into another, in order.
func (d *Doc) Active() []*Idea {
	var out []*Idea
	for i := range d.Ideas {
		if d.Ideas[i].MergedInto == "" {
			out = append(out, &d.Ideas[i])
		}
	}
	return out
}

// Adopted returns the adopted ideas, most votes first.
func (d *Doc) Adopted() []*Idea {
	var out []*Idea
	for _, e := range d.Active() {
		if e.Adopted {
			out = append(out, e)
		}
	}
	// stable insertion sort by votes, descending
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j].Votes > out[j-1].Votes; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// ToggleMet switches whether idea id meets criterion c.
func (d *Doc) ToggleMet(id string, c int) {
	e := d.Idea(id)
	if e == nil || c < 0 || c >= len(d.Criteria) {
		return
	}
	for i, m := range e.Met {
		if m == c {
			e.Met = append(e.Met[:i], e.Met[i+1:]...)
			return
		}
	}
	e.Met = append(e.Met, c)
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// FieldError names the field path of a problem found while decoding or
// validating a document.
type FieldError struct {
	Path string
	Err  error
}

func (e *FieldError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *FieldError) Unwrap() error { return e.Err }

// Validate reports every problem of d at once, each naming its field path.
func (d *Doc) Validate() error {
	var errs []error
	add := func(path string, err error) { errs = append(errs, &FieldError{Path: path, Err: err}) }
	text := func(path, s string, required bool) {
		switch {
		case !utf8.ValidString(s):
			add(path, ErrBadUTF8)
		case len(s) > MaxText:
			add(path, ErrTooLong)
		case required && strings.TrimSpace(s) == "":
			add(path, ErrEmpty)
		}
	}
	if d.Version != Version {
		add("version", ErrVersion)
	}
	if strings.TrimSpace(d.ID) == "" {
		add("id", ErrEmpty)
	}
	text("id", d.ID, false)
	text("position", d.Position, false)
	text("purpose", d.Purpose, false)
	text("process", d.Process, false)
	text("objective", d.Objective, false)
	strs := func(name string, s []string) {
		if len(s) > MaxItems {
			add(name, ErrTooMany)
		}
		for i, v := range s {
			text(name+"["+strconv.Itoa(i)+"]", v, true)
		}
	}
	strs("values", d.Values)
	strs("kpis", d.KPIs)
	strs("criteria", d.Criteria)
	if len(d.Standards) > MaxItems {
		add("standards", ErrTooMany)
	}
	for i, st := range d.Standards {
		p := "standards[" + strconv.Itoa(i) + "]"
		text(p+".code", st.Code, false)
		text(p+".item", st.Item, false)
		text(p+".statement", st.Statement, false)
		text(p+".rationale", st.Rationale, false)
		text(p+".deviation", st.Deviation, false)
	}
	if len(d.Ladder) > 20 {
		add("ladder", ErrTooMany)
	}
	for i, v := range d.Ladder {
		text("ladder["+strconv.Itoa(i)+"]", v, false)
	}
	ids := map[string]bool{}
	seen := func(path, id string) {
		if strings.TrimSpace(id) == "" {
			add(path+".id", ErrEmpty)
			return
		}
		if ids[id] {
			add(path+".id", ErrDupID)
		}
		ids[id] = true
	}
	items := func(name string, s []Item) {
		if len(s) > MaxItems {
			add(name, ErrTooMany)
		}
		for i, it := range s {
			p := name + "[" + strconv.Itoa(i) + "]"
			seen(p, it.ID)
			text(p+".text", it.Text, true)
		}
	}
	items("knowledge", d.Knowledge)
	items("skills", d.Skills)
	if len(d.Ideas) > MaxItems {
		add("ideas", ErrTooMany)
	}
	for i, e := range d.Ideas {
		p := "ideas[" + strconv.Itoa(i) + "]"
		seen(p, e.ID)
		text(p+".text", e.Text, true)
		text(p+".source", e.Source, false)
		text(p+".tag", e.Tag, false)
		if e.Votes < 0 {
			add(p+".votes", ErrNegative)
		}
		for j, m := range e.Met {
			if m < 0 || m >= len(d.Criteria) {
				add(p+".met["+strconv.Itoa(j)+"]", &wrapErr{msg: "criterion " + strconv.Itoa(m) + " out of range", err: ErrBadRef})
			}
		}
	}
	for i, e := range d.Ideas {
		if e.MergedInto == "" {
			continue
		}
		if t := d.Idea(e.MergedInto); t == nil || e.MergedInto == e.ID {
			add("ideas["+strconv.Itoa(i)+"].merged_into", ErrBadRef)
		}
	}
	if !d.Phase.valid() {
		add("phase", ErrBadPhase)
	}
	if d.Timer.LengthSeconds < 0 {
		add("timer.length_seconds", ErrNegative)
	}
	if d.Timer.UsedMillis < 0 {
		add("timer.used_ms", ErrNegative)
	}
	return errors.Join(errs...)
}
