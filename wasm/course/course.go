package course

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/internal/enum"
	"github.com/purposefulcx/purposeful/recovery"
	"github.com/purposefulcx/purposeful/standards"
)

// Sentinel errors, wrapped by the errors this package returns.
var (
	// ErrInvalid reports a course field that is missing or out of range.
	ErrInvalid = errors.New("course: invalid")
	// ErrUnknown reports a name the package does not know (a kind, a
	// format, a scenario).
	ErrUnknown = errors.New("course: unknown value")
)

// Kind is what the learner does in a course.
type Kind uint8

// Kinds of course.
const (
	// Recovery is graded practice on the recovery package's scenarios.
	Recovery Kind = iota
	// Purpose is writing the purpose of one's role with the coach and the
	// revelation ladder.
	Purpose
	// Standards is reading the organisation's standards, one question
	// per standard, and acknowledging each.
	Standards
)

var kindNames = []string{"recovery", "purpose", "standards"}

func (k Kind) String() string { return enum.String(k, kindNames, "kind") }

// MarshalText writes the kind's name.
func (k Kind) MarshalText() ([]byte, error) {
	if s, ok := enum.Name(k, kindNames); ok {
		return []byte(s), nil
	}
	return nil, fmt.Errorf("%w: kind %d", ErrUnknown, k)
}

// UnmarshalText reads a kind's name.
func (k *Kind) UnmarshalText(b []byte) error {
	v, ok := enum.Parse[Kind](b, kindNames)
	if !ok {
		return fmt.Errorf("%w: kind %q (want one of %s)", ErrUnknown, b, strings.Join(kindNames, ", "))
	}
	*k = v
	return nil
}

// Version is the version of the course document.
const Version = "purposeful.course/v1"

// Course is one course as an LMS sees it. The zero value of every
// optional field has a documented default.
type Course struct {
	Version string `json:"version"`
	Kind    Kind   `json:"kind"`
	// Title is shown in the LMS catalogue and on the course page.
	Title string `json:"title"`
	// Description defaults to a sentence about the kind of course.
	Description string `json:"description,omitempty"`
	// Language is a BCP 47 tag; empty means "en".
	Language string `json:"language,omitempty"`
	// Mastery is the score (0-100) a learner needs to pass: the mean
	// grade over the scenarios (Recovery), the analysis score the
	// statement must reach (Purpose), or the share of right answers
	// (Standards). Zero means 70.
	Mastery int `json:"mastery,omitempty"`
	// Scenarios are the recovery scenario ids to practise; empty means
	// all of them.
	Scenarios []string `json:"scenarios,omitempty"`
	// Standards are the standards to read (Standards courses); see
	// [FromBook] and [FromGrid].
	Standards []standards.Standard `json:"standards,omitempty"`
}

// DefaultMastery is the mastery score of a course that sets none.
const DefaultMastery = 70

// MasteryScore returns Mastery or its default.
func (c *Course) MasteryScore() int {
	if c.Mastery == 0 {
		return DefaultMastery
	}
	return c.Mastery
}

// Lang returns Language or its default.
func (c *Course) Lang() string {
	if c.Language == "" {
		return "en"
	}
	return c.Language
}

// About returns Description or the default sentence for the kind.
func (c *Course) About() string {
	if strings.TrimSpace(c.Description) != "" {
		return c.Description
	}
	switch c.Kind {
	case Recovery:
		return "Reply to upset customers in realistic cases; each reply is graded against a rubric."
	case Purpose:
		return "Write the purpose of your role: who benefits from it and what changes for them."
	default:
		return "Read our purposeful standards, decide when departing from each is right, and acknowledge them."
	}
}

// Validate reports every problem of c at once, each naming its field.
func (c *Course) Validate() error {
	var errs []error
	bad := func(field, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: %s: %s", ErrInvalid, field, fmt.Sprintf(format, args...)))
	}
	if c.Version != Version {
		bad("version", "%q, want %q", c.Version, Version)
	}
	if int(c.Kind) >= len(kindNames) {
		bad("kind", "%d is not a kind", c.Kind)
	}
	if strings.TrimSpace(c.Title) == "" {
		bad("title", "empty")
	} else if len(c.Title) > 200 {
		bad("title", "%d bytes, at most 200", len(c.Title))
	}
	if len(c.Description) > 2000 {
		bad("description", "%d bytes, at most 2000", len(c.Description))
	}
	if l := c.Language; l != "" && !validLang(l) {
		bad("language", "%q is not a language tag such as en or en-GB", l)
	}
	if c.Mastery < 0 || c.Mastery > 100 {
		bad("mastery", "%d, want 0-100", c.Mastery)
	}
	seen := map[string]bool{}
	for i, id := range c.Scenarios {
		if _, err := recovery.ScenarioByID(id); err != nil {
			bad(fmt.Sprintf("scenarios[%d]", i), "%q is not a practice scenario", id)
		}
		if seen[id] {
			bad(fmt.Sprintf("scenarios[%d]", i), "%q twice", id)
		}
		seen[id] = true
	}
	if c.Kind != Recovery && len(c.Scenarios) > 0 {
		bad("scenarios", "only recovery courses have scenarios")
	}
	switch {
	case c.Kind == Standards && len(c.Standards) == 0:
		bad("standards", "empty: a standards course needs at least one standard")
	case c.Kind != Standards && len(c.Standards) > 0:
		bad("standards", "only standards courses have standards")
	case len(c.Standards) > MaxStandards:
		bad("standards", "%d standards, at most %d", len(c.Standards), MaxStandards)
	}
	ids := map[string]bool{}
	for i, s := range c.Standards {
		p := fmt.Sprintf("standards[%d]", i)
		if strings.TrimSpace(s.Statement) == "" {
			bad(p+".statement", "empty")
		}
		if s.ID == "" {
			bad(p+".id", "empty")
		} else if ids[s.ID] {
			bad(p+".id", "%q twice", s.ID)
		}
		ids[s.ID] = true
	}
	return errors.Join(errs...)
}

// MaxStandards is how many standards one course may hold.
const MaxStandards = 60

// validLang accepts the shape of a BCP 47 tag: letters, digits and
// hyphens, starting with 2-3 letters.
func validLang(s string) bool {
	if len(s) < 2 || len(s) > 35 {
		return false
	}
	for i, p := range strings.Split(s, "-") {
		if p == "" || len(p) > 8 || (i == 0 && (len(p) < 2 || len(p) > 3)) {
			return false
		}
		for _, r := range p {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || i > 0 && r >= '0' && r <= '9') {
				return false
			}
		}
	}
	return true
}

// ScenarioIDs returns the scenarios the course practises: Scenarios, or
// every scenario of the recovery package.
func (c *Course) ScenarioIDs() []string {
	if len(c.Scenarios) > 0 {
		return c.Scenarios
	}
	var out []string
	for _, sc := range recovery.Scenarios() {
		out = append(out, sc.ID)
	}
	return out
}

// ID returns the course's identifier: a URN derived from its content, so
// rebuilding the same course gives the same identifier and an LMS
// recognises the upload as a new version of nothing else. The hash is
// FNV-128a, not a cryptographic one: the identifier only has to be stable,
// and crypto/sha256 would cost the course programs about 48 KB gzip.
func (c *Course) ID() string {
	b, _ := json.Marshal(c)
	f := fnv.New128a()
	f.Write(b)
	h := hex.EncodeToString(f.Sum(nil))
	// A UUID-shaped URN (version 8, custom) keeps LMSs that expect UUIDs happy.
	return "urn:uuid:" + h[0:8] + "-" + h[8:12] + "-8" + h[13:16] + "-a" + h[17:20] + "-" + h[20:32]
}

// Decode reads a course document strictly and validates it.
func Decode(data []byte) (*Course, error) {
	var c Course
	d := json.NewDecoder(strings.NewReader(string(data)))
	d.DisallowUnknownFields()
	if err := d.Decode(&c); err != nil {
		return nil, fmt.Errorf("course: %w", err)
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	return &c, nil
}

// FromBook returns the standards of a standards document that are in
// use (not retired), for a Standards course.
func FromBook(b *standards.Book) []standards.Standard {
	var out []standards.Standard
	for _, s := range b.Standards {
		if s.Status != standards.Retired {
			out = append(out, s)
		}
	}
	return out
}

// FromGrid drafts one standard per adopted idea of a grid (see
// [standards.DraftFromGrid]), for a Standards course.
func FromGrid(g *grid.Grid) ([]standards.Standard, error) {
	ds, err := standards.DraftFromGrid(g, standards.DraftSettings{})
	if err != nil {
		return nil, err
	}
	out := make([]standards.Standard, len(ds))
	for i, d := range ds {
		out[i] = d.Standard
	}
	return out, nil
}
