package recovery

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Intent is what a phrase sets out to do, after the twelve things seasoned
// agents say to upset customers in Bell and Zemke's Knock Your Socks Off
// Service Recovery (2000). Phrases for moves outside those twelve have
// [General]. The zero value is General.
type Intent uint8

// Intents.
const (
	General              Intent = iota // a phrase for a move outside the twelve intents
	AskWhatIsFair                      // 1: ask what they would consider fair
	ApologiseAndAsk                    // 2: apologise by name and ask how to put it right
	DeserveBetter                      // 3: they deserved better; propose an alternative
	ExplainDecision                    // 4: explain a decision they may not agree with
	InvestigateAndCall                 // 5: investigate and call back, with a choice of times
	AskIfICaused                       // 6: ask whether you caused the upset; offer to help fix it
	ThankAndAct                        // 7: thank them for raising it and act at once
	InviteFeedback                     // 8: welcome feedback, good and bad
	OfferColleague                     // 9: offer a colleague who may do better
	PolicyAndAlternative               // 10: a policy limit with what you can do within it
	SeeItDifferently                   // 11: see it differently, think about it, solve the problem now
	SetBoundary                        // 12: a boundary on abuse, with its consequence
	numIntents
)

var intentNames = []string{"general", "ask-fair", "apologise-and-ask", "deserve-better", "explain-decision",
	"investigate-and-call", "ask-if-i-caused", "thank-and-act", "invite-feedback", "offer-colleague",
	"policy-and-alternative", "see-it-differently", "set-boundary"}

// String returns the intent name.
func (i Intent) String() string { return enumString(i, intentNames, "intent") }

// MarshalText encodes the intent as its name.
func (i Intent) MarshalText() ([]byte, error) { return enumMarshal(i, intentNames, "intent") }

// UnmarshalText decodes a intent name; an unknown name is an [*EnumError].
func (i *Intent) UnmarshalText(b []byte) error { return unmarshalInto(i, b, intentNames, "intent") }

// Intents returns the twelve intents in their numbered order.
func Intents() []Intent {
	out := make([]Intent, 0, numIntents-1)
	for i := AskWhatIsFair; i < numIntents; i++ {
		out = append(out, i)
	}
	return out
}

// Register says whether a phrase is meant to be said or written. The zero
// value is [Either].
type Register uint8

// Registers.
const (
	Either Register = iota
	Spoken
	Written
)

var registerNames = []string{"either", "spoken", "written"}

// String returns the register name.
func (r Register) String() string { return enumString(r, registerNames, "register") }

// MarshalText encodes the register as its name.
func (r Register) MarshalText() ([]byte, error) { return enumMarshal(r, registerNames, "register") }

// UnmarshalText decodes a register name; an unknown name is an [*EnumError].
func (r *Register) UnmarshalText(b []byte) error {
	return unmarshalInto(r, b, registerNames, "register")
}

// Phrase is one entry of the catalogue: a template an employee can say or
// write, the moves it performs, and when to use it. Text holds slots in
// braces ("I'm sorry, {name}."); Slots lists them in order of first use.
//
// Slots in the English catalogue: {name} the customer's name, {colleague}
// who can take over, {agent} the employee's name, {issue} the problem as a
// noun phrase, {policy} the policy as a clause, {alternative} what can be
// offered, {gesture} an atonement, {times} a choice of times.
type Phrase struct {
	ID       string    `json:"id"`
	Moves    []Move    `json:"moves"`
	Intent   Intent    `json:"intent"`
	Register Register  `json:"register"`
	Channels []Channel `json:"channels"`
	Text     string    `json:"text"`
	Slots    []string  `json:"slots,omitempty"`
	When     string    `json:"when"`
	Avoid    string    `json:"avoid"`
	// Severities limits an atonement phrase to failures of these
	// severities; empty means any.
	Severities []Impact `json:"severities,omitempty"`
	// Causes limits the phrase to failures with these causes; empty means
	// any.
	Causes []Cause `json:"causes,omitempty"`
	// RepeatOnly marks a phrase that only fits a repeat failure.
	RepeatOnly bool `json:"repeatOnly,omitempty"`
}

// Has reports whether the phrase performs move m.
func (p *Phrase) Has(m Move) bool { return slices.Contains(p.Moves, m) }

// Suits reports whether the phrase is meant for channel c.
func (p *Phrase) Suits(c Channel) bool { return slices.Contains(p.Channels, c) }

// Slots are the values for a phrase's slots, by slot name without braces.
type Slots map[string]string

// Errors about phrases.
var (
	// ErrUnknownPhrase is wrapped by errors for a phrase id that is not in
	// the catalogue.
	ErrUnknownPhrase = errors.New("recovery: unknown phrase")
	// ErrMissingSlot is wrapped by a [*SlotError].
	ErrMissingSlot = errors.New("recovery: missing slot")
)

// SlotError reports the slots a phrase needs that were not given.
type SlotError struct {
	Phrase string
	Slots  []string // the missing slot names, in order of use
}

func (e *SlotError) Error() string {
	return fmt.Sprintf("recovery: phrase %q: missing slot {%s}", e.Phrase, strings.Join(e.Slots, "}, {"))
}

// Unwrap returns [ErrMissingSlot].
func (e *SlotError) Unwrap() error { return ErrMissingSlot }

// Render fills the phrase's slots from values. Every slot must have a
// non-blank value; otherwise Render returns a [*SlotError] naming every
// missing slot. Values are inserted as they are, never expanded again.
func (p *Phrase) Render(values Slots) (string, error) {
	var missing []string
	for _, s := range p.Slots {
		if strings.TrimSpace(values[s]) == "" && !slices.Contains(missing, s) {
			missing = append(missing, s)
		}
	}
	if len(missing) > 0 {
		return "", &SlotError{Phrase: p.ID, Slots: missing}
	}
	return fill(p.Text, values, false), nil
}

// fill replaces {slot} in text with values; unknown slots are kept as
// they are when keep is true and dropped otherwise.
func fill(text string, values Slots, keep bool) string {
	var buf [256]byte // room for most phrases, on the stack
	return string(appendFill(buf[:0], text, values, keep))
}

// appendFill appends text with its slots filled, as [fill] makes it, to
// b and returns the extended slice.
func appendFill(b []byte, text string, values Slots, keep bool) []byte {
	for {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			return append(b, text...)
		}
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			return append(b, text...)
		}
		b = append(b, text[:i]...)
		name := text[i+1 : i+j]
		if v := strings.TrimSpace(values[name]); v != "" {
			b = append(b, v...)
		} else if keep {
			b = append(b, text[i:i+j+1]...)
		}
		text = text[i+j+1:]
	}
}

// fillable reports whether values fill every slot of p.
func (p *Phrase) fillable(values Slots) bool {
	for _, s := range p.Slots {
		if strings.TrimSpace(values[s]) == "" {
			return false
		}
	}
	return true
}

// Catalogue is the phrase catalogue of one language. Get one with
// [CatalogueFor] or [English]. It is read-only and safe for concurrent use.
type Catalogue struct {
	Tag     Language
	phrases []Phrase
	byID    map[string]int
	byMove  [numMoves][]int32 // phrase indexes per move, in catalogue order
}

// catalogueData holds each language's phrases as plain literals; adding a
// language means adding an entry here and a file of phrases.
var catalogueData = []struct {
	tag     string
	phrases []Phrase
}{
	{"en", englishPhrases},
}

var catalogues = sync.OnceValue(func() []*Catalogue {
	out := make([]*Catalogue, len(catalogueData))
	for i, d := range catalogueData {
		c := &Catalogue{Tag: MustParseLanguage(d.tag), phrases: d.phrases, byID: make(map[string]int, len(d.phrases))}
		for j, p := range d.phrases {
			c.byID[p.ID] = j
			for _, m := range p.Moves {
				if m.Valid() && !slices.Contains(c.byMove[m], int32(j)) {
					c.byMove[m] = append(c.byMove[m], int32(j))
				}
			}
		}
		out[i] = c
	}
	return out
})

// English returns the English catalogue.
func English() *Catalogue { return catalogues()[0] }

// CatalogueFor returns the catalogue for tag's language (its base: "en-GB"
// gets "en"), falling back to English. The zero tag gives English.
func CatalogueFor(tag Language) *Catalogue {
	if tag.IsZero() {
		return English()
	}
	base := tag.Base()
	for _, c := range catalogues() {
		if c.Tag.Base() == base {
			return c
		}
	}
	return English()
}

// Languages returns the tags that have a catalogue, English first.
func Languages() []Language {
	out := make([]Language, len(catalogues()))
	for i, c := range catalogues() {
		out[i] = c.Tag
	}
	return out
}

// Len is the number of phrases in the catalogue.
func (c *Catalogue) Len() int { return len(c.phrases) }

// Phrase returns the phrase with the given id, or an error wrapping
// [ErrUnknownPhrase].
func (c *Catalogue) Phrase(id string) (Phrase, error) {
	i, ok := c.byID[id]
	if !ok {
		return Phrase{}, fmt.Errorf("%w: %q", ErrUnknownPhrase, id)
	}
	return clonePhrase(c.phrases[i]), nil
}

// Render fills the slots of phrase id; see [Phrase.Render].
func (c *Catalogue) Render(id string, values Slots) (string, error) {
	i, ok := c.byID[id]
	if !ok {
		return "", fmt.Errorf("%w: %q", ErrUnknownPhrase, id)
	}
	return c.phrases[i].Render(values)
}

// Filter selects phrases. Each empty field matches everything; a phrase
// must match every non-empty field (any of the values listed in it).
type Filter struct {
	Moves     []Move
	Channels  []Channel
	Intents   []Intent
	Registers []Register
}

func (f *Filter) match(p *Phrase) bool {
	if len(f.Moves) > 0 && !slices.ContainsFunc(f.Moves, p.Has) {
		return false
	}
	if len(f.Channels) > 0 && !slices.ContainsFunc(f.Channels, p.Suits) {
		return false
	}
	if len(f.Intents) > 0 && !slices.Contains(f.Intents, p.Intent) {
		return false
	}
	if len(f.Registers) > 0 && !slices.Contains(f.Registers, p.Register) {
		return false
	}
	return true
}

// Phrases returns the phrases that match f, in catalogue order. The
// zero Filter returns them all.
func (c *Catalogue) Phrases(f Filter) []Phrase {
	var out []Phrase
	for i := range c.phrases {
		if f.match(&c.phrases[i]) {
			out = append(out, clonePhrase(c.phrases[i]))
		}
	}
	return out
}

func clonePhrase(p Phrase) Phrase {
	p.Moves = slices.Clone(p.Moves)
	p.Channels = slices.Clone(p.Channels)
	p.Slots = slices.Clone(p.Slots)
	p.Severities = slices.Clone(p.Severities)
	p.Causes = slices.Clone(p.Causes)
	return p
}

// Phrases returns the English phrases that match f.
func Phrases(f Filter) []Phrase { return English().Phrases(f) }

// PhraseByID returns the English phrase with the given id.
func PhraseByID(id string) (Phrase, error) { return English().Phrase(id) }

// Render fills the slots of the English phrase id.
func Render(id string, values Slots) (string, error) { return English().Render(id, values) }
