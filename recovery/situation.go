package recovery

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// State is how the customer is feeling. The zero value is [Disappointed].
type State uint8

// Customer states, from mildest to worst.
const (
	Disappointed State = iota
	Upset
	Angry
	Abusive // insults, threats, slurs or repeated swearing at the employee
)

var stateNames = []string{"disappointed", "upset", "angry", "abusive"}

// String returns the state name.
func (s State) String() string { return enumString(s, stateNames, "state") }

// MarshalText encodes the state as its name.
func (s State) MarshalText() ([]byte, error) { return enumMarshal(s, stateNames, "state") }

// UnmarshalText decodes a state name; an unknown name is an [*EnumError].
func (s *State) UnmarshalText(b []byte) error { return unmarshalInto(s, b, stateNames, "state") }

// Cause is what caused the failure, as far as the employee knows. The
// zero value is [CauseUnknown].
type Cause uint8

// Causes of a failure.
const (
	CauseUnknown     Cause = iota
	OurError               // we got it wrong
	PolicyLimit            // a policy stops us giving what they asked for
	Misunderstanding       // the customer expected something we never offered
	ThirdParty             // a partner, supplier or the weather
)

var causeNames = []string{"unknown", "our-error", "policy-limit", "misunderstanding", "third-party"}

// String returns the cause name.
func (c Cause) String() string { return enumString(c, causeNames, "cause") }

// MarshalText encodes the cause as its name.
func (c Cause) MarshalText() ([]byte, error) { return enumMarshal(c, causeNames, "cause") }

// UnmarshalText decodes a cause name; an unknown name is an [*EnumError].
func (c *Cause) UnmarshalText(b []byte) error { return unmarshalInto(c, b, causeNames, "cause") }

// Impact is how badly the failure hurt the customer. The zero value is
// [Minor].
type Impact uint8

// Impacts, from least to most serious.
const (
	Minor    Impact = iota // an irritation: a wait, a small mistake
	Moderate               // real inconvenience or a little money
	Major                  // a ruined plan, a missed event, real money
	Severe                 // harm, danger, a lost occasion that cannot come back
)

var impactNames = []string{"minor", "moderate", "major", "severe"}

// String returns the impact name.
func (i Impact) String() string { return enumString(i, impactNames, "severity") }

// MarshalText encodes the impact as its name.
func (i Impact) MarshalText() ([]byte, error) { return enumMarshal(i, impactNames, "severity") }

// UnmarshalText decodes a impact name; an unknown name is an [*EnumError].
func (i *Impact) UnmarshalText(b []byte) error { return unmarshalInto(i, b, impactNames, "severity") }

// Channel is how the conversation happens. The zero value is [Phone].
type Channel uint8

// Channels.
const (
	Phone Channel = iota
	InPerson
	Email
	Chat
)

var channelNames = []string{"phone", "in-person", "email", "chat"}

// String returns the channel name.
func (c Channel) String() string { return enumString(c, channelNames, "channel") }

// MarshalText encodes the channel as its name.
func (c Channel) MarshalText() ([]byte, error) { return enumMarshal(c, channelNames, "channel") }

// UnmarshalText decodes a channel name; an unknown name is an [*EnumError].
func (c *Channel) UnmarshalText(b []byte) error { return unmarshalInto(c, b, channelNames, "channel") }

// Written reports whether the channel is written (email, chat).
func (c Channel) Written() bool { return c == Email || c == Chat }

// Situation describes a service failure and the conversation about it.
// The zero value is valid: a disappointed customer on the phone about a
// minor failure of unknown cause, served in English.
type Situation struct {
	State    State   `json:"state"`
	Cause    Cause   `json:"cause"`
	Severity Impact  `json:"severity"`
	Repeat   bool    `json:"repeat,omitempty"` // it has happened to this customer before
	Channel  Channel `json:"channel"`
	// Offers are what the employee can offer, in words that fit after
	// "I can offer you" ("a room on a quieter floor"). They fill the
	// {alternative} slot; the first also fills {gesture}.
	Offers []string `json:"offers,omitempty"`
	// Colleague names who can take over ("my supervisor, Dana"). Empty
	// means there is nobody to hand over to.
	Colleague string `json:"colleague,omitempty"`
	// CanEscalate says a supervisor or escalation route exists.
	CanEscalate bool `json:"canEscalate,omitempty"`
	// CustomerName is the name to address the customer by ("Ms Okafor").
	// Empty means it is not known.
	CustomerName string `json:"customerName,omitempty"`
	// AgentName is the employee's own name, for {agent}.
	AgentName string `json:"agentName,omitempty"`
	// Issue is a short noun phrase for the problem ("the noise from the
	// bar"), for {issue}.
	Issue string `json:"issue,omitempty"`
	// Policy is the policy in play, in words that fit after "our policy is
	// that" ("refunds need a receipt"), for {policy}.
	Policy string `json:"policy,omitempty"`
	// Times are times the employee can offer for the next contact ("4pm
	// today", "9am tomorrow"), for {times}.
	Times []string `json:"times,omitempty"`
	// Language selects the phrase catalogue. The zero tag means English.
	Language Language `json:"language,omitzero"`
}

// Errors about a situation, wrapped in the errors Validate joins.
var (
	// ErrFieldTooLong reports a text field over MaxFieldLen bytes.
	ErrFieldTooLong = errors.New("recovery: text too long")
	// ErrFieldInvalid reports a text field that is not valid UTF-8 or is
	// only white space.
	ErrFieldInvalid = errors.New("recovery: invalid text")
	// ErrTooMany reports a list with more than MaxListLen entries.
	ErrTooMany = errors.New("recovery: too many entries")
)

// Limits on a [Situation]'s text fields.
const (
	MaxFieldLen = 200
	MaxListLen  = 10
)

// FieldError names the field of a [Situation] that is wrong.
type FieldError struct {
	Field string // path, e.g. "offers[2]"
	Err   error
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }

// Unwrap returns the underlying error.
func (e *FieldError) Unwrap() error { return e.Err }

// Validate reports every problem with s at once, each as a [*FieldError]
// naming the field: enumeration values out of range ([ErrUnknownValue]),
// text that is too long, blank or not UTF-8, lists that are too long.
func (s *Situation) Validate() error {
	var errs []error
	add := func(field string, err error) {
		if err != nil {
			errs = append(errs, &FieldError{field, err})
		}
	}
	add("state", enumCheck(s.State, stateNames, "state"))
	add("cause", enumCheck(s.Cause, causeNames, "cause"))
	add("severity", enumCheck(s.Severity, impactNames, "severity"))
	add("channel", enumCheck(s.Channel, channelNames, "channel"))
	add("colleague", checkText(s.Colleague))
	add("customerName", checkText(s.CustomerName))
	add("agentName", checkText(s.AgentName))
	add("issue", checkText(s.Issue))
	add("policy", checkText(s.Policy))
	checkList := func(field string, list []string) {
		if len(list) > MaxListLen {
			add(field, fmt.Errorf("%w: %d, the limit is %d", ErrTooMany, len(list), MaxListLen))
		}
		for i, v := range list {
			if strings.TrimSpace(v) == "" {
				add(fmt.Sprintf("%s[%d]", field, i), fmt.Errorf("%w: empty", ErrFieldInvalid))
				continue
			}
			if err := checkText(v); err != nil { // name the field only for an error
				add(fmt.Sprintf("%s[%d]", field, i), err)
			}
		}
	}
	checkList("offers", s.Offers)
	checkList("times", s.Times)
	return errors.Join(errs...)
}

func checkText(v string) error {
	switch {
	case v == "":
		return nil
	case len(v) > MaxFieldLen:
		return fmt.Errorf("%w: %d bytes, the limit is %d", ErrFieldTooLong, len(v), MaxFieldLen)
	case !utf8.ValidString(v):
		return fmt.Errorf("%w: not valid UTF-8", ErrFieldInvalid)
	case strings.TrimSpace(v) == "":
		return fmt.Errorf("%w: only white space", ErrFieldInvalid)
	}
	return nil
}

// slots returns the slot values the situation can fill.
func (s *Situation) slots() Slots {
	return s.fillSlots(Slots{})
}

// fillSlots adds the slot values the situation can fill to v and returns
// it.
func (s *Situation) fillSlots(v Slots) Slots {
	set := func(k, x string) {
		if x = strings.TrimSpace(x); x != "" {
			v[k] = x
		}
	}
	set("name", s.CustomerName)
	set("colleague", s.Colleague)
	set("agent", s.AgentName)
	set("issue", s.Issue)
	set("policy", s.Policy)
	if len(s.Offers) > 0 {
		set("alternative", joinOr(s.Offers))
		set("gesture", s.Offers[0])
	}
	if len(s.Times) > 0 {
		set("times", joinOr(s.Times))
	}
	return v
}

func joinOr(list []string) string {
	if len(list) == 1 {
		return strings.TrimSpace(list[0])
	}
	n := 0
	for _, x := range list {
		n += len(x) + len(", ")
	}
	var b strings.Builder
	b.Grow(n)
	for i, x := range list {
		x = strings.TrimSpace(x)
		switch {
		case i == 0:
		case i == len(list)-1:
			b.WriteString(" or ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(x)
	}
	return b.String()
}
