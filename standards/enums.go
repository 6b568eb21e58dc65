package standards

import (
	"fmt"

	"github.com/purposefulcx/purposeful/internal/enum"
)

// enumText encodes v as names[v].
func enumText(names []string, v uint8, typ string) ([]byte, error) {
	if s, ok := enum.Name(v, names); ok {
		return []byte(s), nil
	}
	return nil, fmt.Errorf("standards: unknown %s %d", typ, v)
}

// enumParse decodes a name from names.
func enumParse(names []string, b []byte, typ string) (uint8, error) {
	if v, ok := enum.Parse[uint8](b, names); ok {
		return v, nil
	}
	return 0, fmt.Errorf("%w: unknown %s %q (want one of %q)", ErrInvalid, typ, b, names)
}

func enumString(names []string, v uint8, typ string) string { return enum.String(v, names, typ) }

// Status is where a standard is in its life. The zero value is Draft.
type Status uint8

// Statuses.
const (
	Draft Status = iota
	Published
	Retired
)

var statusNames = []string{"draft", "published", "retired"}

func (s Status) String() string               { return enumString(statusNames, uint8(s), "status") }
func (s Status) MarshalText() ([]byte, error) { return enumText(statusNames, uint8(s), "status") }
func (s *Status) UnmarshalText(b []byte) error {
	return parseInto(statusNames, b, "status", (*uint8)(s))
}

// Critical says what failing a critical criterion does to a review. The
// zero value is NotCritical.
type Critical uint8

// Critical levels.
const (
	NotCritical  Critical = iota // "none": the criterion counts by its weight only
	FailsSection                 // "fails-section": scored under 50% sets its section to 0
	FailsReview                  // "fails-review": scored under 50% sets the whole review to 0
)

var criticalNames = []string{"none", "fails-section", "fails-review"}

func (c Critical) String() string               { return enumString(criticalNames, uint8(c), "critical") }
func (c Critical) MarshalText() ([]byte, error) { return enumText(criticalNames, uint8(c), "critical") }
func (c *Critical) UnmarshalText(b []byte) error {
	return parseInto(criticalNames, b, "critical", (*uint8)(c))
}

// MethodKind is how a standard is observed. The zero value is YesNo.
type MethodKind uint8

// Observation methods.
const (
	YesNo     MethodKind = iota // "yes-no": done or not done
	Threshold                   // "threshold": a number with a unit ("within three rings")
)

var methodNames = []string{"yes-no", "threshold"}

func (m MethodKind) String() string               { return enumString(methodNames, uint8(m), "method") }
func (m MethodKind) MarshalText() ([]byte, error) { return enumText(methodNames, uint8(m), "method") }
func (m *MethodKind) UnmarshalText(b []byte) error {
	return parseInto(methodNames, b, "method", (*uint8)(m))
}

// Class is what kind of grid item a standard comes from. Actions and
// behaviours are the purposeful ones; knowledge and skills are
// transactional. The names match purpose.ItemKind. The zero value is
// Unclassified.
type Class uint8

// Classes.
const (
	Unclassified Class = iota
	Knowledge
	Skill
	Action
	Behaviour
)

var classNames = []string{"", "knowledge", "skill", "action", "behaviour"}

func (c Class) String() string                { return enumString(classNames, uint8(c), "class") }
func (c Class) MarshalText() ([]byte, error)  { return enumText(classNames, uint8(c), "class") }
func (c *Class) UnmarshalText(b []byte) error { return parseInto(classNames, b, "class", (*uint8)(c)) }

// Purposeful reports whether c is an action or a behaviour.
func (c Class) Purposeful() bool { return c == Action || c == Behaviour }

// Scale is the rating scale of a criterion. The zero value is Binary.
type Scale uint8

// Scales. Binary rates 0 (not done) or 1 (done); the point scales rate 1
// to 3, 4 or 5.
const (
	Binary Scale = iota
	ThreePoint
	FourPoint
	FivePoint
)

var scaleNames = []string{"binary", "3-point", "4-point", "5-point"}

func (s Scale) String() string                { return enumString(scaleNames, uint8(s), "scale") }
func (s Scale) MarshalText() ([]byte, error)  { return enumText(scaleNames, uint8(s), "scale") }
func (s *Scale) UnmarshalText(b []byte) error { return parseInto(scaleNames, b, "scale", (*uint8)(s)) }

// Min is the lowest rating on the scale: 0 for Binary, 1 otherwise.
func (s Scale) Min() int {
	if s == Binary {
		return 0
	}
	return 1
}

// Max is the highest rating on the scale: 1, 3, 4 or 5.
func (s Scale) Max() int {
	switch s {
	case Binary:
		return 1
	case ThreePoint:
		return 3
	case FourPoint:
		return 4
	case FivePoint:
		return 5
	}
	return 0
}

// Ordinal reports whether the scale has more than two ordered points.
func (s Scale) Ordinal() bool { return s != Binary }

// Mode is who observed. The zero value is Manager.
type Mode uint8

// Observation modes.
const (
	Manager Mode = iota
	Peer
	Self
	MysteryShopper
)

var modeNames = []string{"manager", "peer", "self", "mystery-shopper"}

func (m Mode) String() string                { return enumString(modeNames, uint8(m), "mode") }
func (m Mode) MarshalText() ([]byte, error)  { return enumText(modeNames, uint8(m), "mode") }
func (m *Mode) UnmarshalText(b []byte) error { return parseInto(modeNames, b, "mode", (*uint8)(m)) }

// Deviation classifies a departure from a standard in one rating. The zero
// value is NoDeviation.
type Deviation uint8

// Deviation classes.
const (
	NoDeviation     Deviation = iota // "none"
	NeedsCorrection                  // "needs-correction": coach it
	Purposeful                       // "purposeful": it served the purpose; counts as met and becomes a story
)

var deviationNames = []string{"none", "needs-correction", "purposeful"}

func (d Deviation) String() string { return enumString(deviationNames, uint8(d), "deviation") }
func (d Deviation) MarshalText() ([]byte, error) {
	return enumText(deviationNames, uint8(d), "deviation")
}
func (d *Deviation) UnmarshalText(b []byte) error {
	return parseInto(deviationNames, b, "deviation", (*uint8)(d))
}

// Outcome is how a dispute ended. The zero value is Open (not decided).
type Outcome uint8

// Dispute outcomes.
const (
	Open Outcome = iota
	Accepted
	PartlyAccepted
	Rejected
)

var outcomeNames = []string{"open", "accepted", "partly-accepted", "rejected"}

func (o Outcome) String() string               { return enumString(outcomeNames, uint8(o), "outcome") }
func (o Outcome) MarshalText() ([]byte, error) { return enumText(outcomeNames, uint8(o), "outcome") }
func (o *Outcome) UnmarshalText(b []byte) error {
	return parseInto(outcomeNames, b, "outcome", (*uint8)(o))
}

func parseInto(names []string, b []byte, typ string, dst *uint8) error {
	v, err := enumParse(names, b, typ)
	if err != nil {
		return err
	}
	*dst = v
	return nil
}
