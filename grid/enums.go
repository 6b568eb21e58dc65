package grid

import (
	"errors"

	"github.com/purposefulcx/purposeful/internal/enum"
)

// enumText is the shared machinery of the string enums of this package:
// each enum is a small integer whose zero value is "unset" (encoded as the
// empty string) unless documented otherwise.
func enumString(names []string, v uint8, typ string) string { return enum.String(v, names, typ) }

func enumMarshal(names []string, v uint8, typ string) ([]byte, error) {
	if s, ok := enum.Name(v, names); ok {
		return []byte(s), nil
	}
	return nil, errors.New(fmtf("grid: unknown %s %d", typ, v))
}

func enumUnmarshal(names []string, b []byte, typ string) (uint8, error) {
	if v, ok := enum.Parse[uint8](b, names); ok {
		return v, nil
	}
	return 0, &EnumError{Type: typ, Value: string(b), Allowed: names}
}

// EnumError reports a string that is not one of an enum's names.
type EnumError struct {
	Type    string   // "kind", "status", ...
	Value   string   // what was given
	Allowed []string // the accepted names ("" means unset)
}

func (e *EnumError) Error() string {
	return fmtf("unknown %s %q (want one of %q)", e.Type, e.Value, e.Allowed)
}

// Unwrap makes errors.Is(err, ErrUnknownValue) true.
func (e *EnumError) Unwrap() error { return ErrUnknownValue }

// Column is one of the three columns of a grid.
type Column uint8

// The columns, in the order they are printed. The zero value is
// ColumnUnset, which is not valid in a grid.
const (
	ColumnUnset Column = iota
	ColumnKnowledge
	ColumnSkills
	ColumnPurposeful
)

var columnNames = []string{"", "knowledge", "skills", "purposeful"}

// Columns lists the three columns in print order.
var Columns = []Column{ColumnKnowledge, ColumnSkills, ColumnPurposeful}

func (c Column) String() string { return enumString(columnNames, uint8(c), "column") }

// Title is the printed heading of the column ("Job knowledge").
func (c Column) Title() string {
	switch c {
	case ColumnKnowledge:
		return "Job knowledge"
	case ColumnSkills:
		return "Job skills"
	case ColumnPurposeful:
		return "Purposeful actions and behaviours"
	}
	return ""
}

// MarshalText encodes the column as "knowledge", "skills" or "purposeful".
func (c Column) MarshalText() ([]byte, error) { return enumMarshal(columnNames, uint8(c), "column") }

// UnmarshalText decodes a column name.
func (c *Column) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(columnNames, b, "column")
	*c = Column(v)
	return err
}

// Kind is what an item is: knowledge or a skill (the transactional
// elements), or a purposeful action or behaviour. The zero value, KindUnset,
// means "take the column's natural kind".
type Kind uint8

// The kinds of item.
const (
	KindUnset Kind = iota
	Knowledge
	Skill
	Action
	Behaviour
)

var kindNames = []string{"", "knowledge", "skill", "action", "behaviour"}

func (k Kind) String() string { return enumString(kindNames, uint8(k), "kind") }

// MarshalText encodes the kind as "knowledge", "skill", "action" or "behaviour".
func (k Kind) MarshalText() ([]byte, error) { return enumMarshal(kindNames, uint8(k), "kind") }

// UnmarshalText decodes a kind name.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(kindNames, b, "kind")
	*k = Kind(v)
	return err
}

// Column is the column an item of this kind belongs in.
func (k Kind) Column() Column {
	switch k {
	case Knowledge:
		return ColumnKnowledge
	case Skill:
		return ColumnSkills
	case Action, Behaviour:
		return ColumnPurposeful
	}
	return ColumnUnset
}

// Status is where an idea stands. The zero value is Proposed.
type Status uint8

// The statuses of an item.
const (
	Proposed Status = iota
	Adopted
	Parked
	OneOff // a sensational one-off that cannot be made routine
)

var statusNames = []string{"proposed", "adopted", "parked", "one-off"}

func (s Status) String() string { return enumString(statusNames, uint8(s), "status") }

// MarshalText encodes the status as "proposed", "adopted", "parked" or "one-off".
func (s Status) MarshalText() ([]byte, error) { return enumMarshal(statusNames, uint8(s), "status") }

// UnmarshalText decodes a status name; the empty string is Proposed.
func (s *Status) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*s = Proposed
		return nil
	}
	v, err := enumUnmarshal(statusNames, b, "status")
	*s = Status(v)
	return err
}

// Cost is what an idea costs the employer. The zero value, CostUnknown,
// means nobody has said yet.
type Cost uint8

// The costs.
const (
	CostUnknown Cost = iota
	CostNone
	CostLow
	CostHigh
)

var costNames = []string{"", "none", "low", "high"}

func (c Cost) String() string { return enumString(costNames, uint8(c), "cost") }

// MarshalText encodes the cost as "", "none", "low" or "high".
func (c Cost) MarshalText() ([]byte, error) { return enumMarshal(costNames, uint8(c), "cost") }

// UnmarshalText decodes a cost name.
func (c *Cost) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(costNames, b, "cost")
	*c = Cost(v)
	return err
}

// Source is where the evidence for an idea comes from.
type Source uint8

// The evidence sources. The zero value is SourceUnset, which Validate
// rejects.
const (
	SourceUnset Source = iota
	OwnExperience
	TradePublication
	ReviewSite
	JobDescription
	OtherSource
)

var sourceNames = []string{"", "own-experience", "trade-publication", "review-site", "job-description", "other"}

func (s Source) String() string { return enumString(sourceNames, uint8(s), "source") }

// Label is a short printed name of the source ("review site").
func (s Source) Label() string {
	switch s {
	case OwnExperience:
		return "own experience"
	case TradePublication:
		return "trade publication"
	case ReviewSite:
		return "review site"
	case JobDescription:
		return "job description"
	case OtherSource:
		return "other"
	}
	return ""
}

// MarshalText encodes the source as "own-experience", "trade-publication",
// "review-site", "job-description" or "other".
func (s Source) MarshalText() ([]byte, error) { return enumMarshal(sourceNames, uint8(s), "source") }

// UnmarshalText decodes a source name.
func (s *Source) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(sourceNames, b, "source")
	*s = Source(v)
	return err
}

// Tag is one of the seven voluntary service behaviours named in Steve
// Curtin's Delight Your Customers, used to label purposeful ideas.
type Tag uint8

// The seven behaviours. TagUnset is not a valid tag.
const (
	TagUnset Tag = iota
	GenuineInterest
	SincereCompliments
	UniqueKnowledge
	AuthenticEnthusiasm
	AppropriateHumour
	PleasantSurprises
	ServiceHeroics
)

var tagNames = []string{"", "genuine-interest", "sincere-compliments", "unique-knowledge", "authentic-enthusiasm", "appropriate-humour", "pleasant-surprises", "service-heroics"}

// Tags lists the seven behaviours in Curtin's order.
var Tags = []Tag{GenuineInterest, SincereCompliments, UniqueKnowledge, AuthenticEnthusiasm, AppropriateHumour, PleasantSurprises, ServiceHeroics}

func (t Tag) String() string { return enumString(tagNames, uint8(t), "tag") }

// Label is the printed name of the behaviour ("express genuine interest").
func (t Tag) Label() string {
	switch t {
	case GenuineInterest:
		return "express genuine interest"
	case SincereCompliments:
		return "offer sincere and specific compliments"
	case UniqueKnowledge:
		return "share unique knowledge"
	case AuthenticEnthusiasm:
		return "convey authentic enthusiasm"
	case AppropriateHumour:
		return "use appropriate humour"
	case PleasantSurprises:
		return "provide pleasant surprises"
	case ServiceHeroics:
		return "deliver service heroics"
	}
	return ""
}

// MarshalText encodes the tag as its kebab-case name ("genuine-interest").
func (t Tag) MarshalText() ([]byte, error) { return enumMarshal(tagNames, uint8(t), "tag") }

// UnmarshalText decodes a tag name.
func (t *Tag) UnmarshalText(b []byte) error {
	v, err := enumUnmarshal(tagNames, b, "tag")
	*t = Tag(v)
	return err
}

// Anonymity says how authors are shown in every output of a session and
// of a grid. The zero value, Anonymous, is the safest.
type Anonymity uint8

// The anonymity settings.
const (
	// Anonymous shows no author at all, anywhere.
	Anonymous Anonymity = iota
	// Alias shows a stable per-session alias ("Participant 3") so ideas
	// from one person can be told apart without saying who.
	Alias
	// Named shows each participant's display name.
	Named
)

var anonymityNames = []string{"anonymous", "alias", "named"}

func (a Anonymity) String() string { return enumString(anonymityNames, uint8(a), "anonymity") }

// MarshalText encodes the setting as "anonymous", "alias" or "named".
func (a Anonymity) MarshalText() ([]byte, error) {
	return enumMarshal(anonymityNames, uint8(a), "anonymity")
}

// UnmarshalText decodes a setting; the empty string is Anonymous.
func (a *Anonymity) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*a = Anonymous
		return nil
	}
	v, err := enumUnmarshal(anonymityNames, b, "anonymity")
	*a = Anonymity(v)
	return err
}
