package standards

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Observation is one observer's review of one interaction against a
// scorecard.
type Observation struct {
	ID        string `json:"id"`
	Scorecard string `json:"scorecard"` // a Scorecard.ID
	Observer  string `json:"observer"`
	Subject   string `json:"subject"` // the person observed
	Team      string `json:"team,omitempty"`
	Mode      Mode   `json:"mode"`
	// Interaction names what was observed ("check-in, room 412, 09:14").
	// Observations of the same interaction by different observers are
	// what calibration compares.
	Interaction string    `json:"interaction"`
	At          time.Time `json:"at"`
	Ratings     []Rating  `json:"ratings"`
	Dispute     *Dispute  `json:"dispute,omitempty"`
}

// Rating is the rating of one criterion. Value is on the criterion's
// scale (0/1 for binary, 1..N for the point scales) and ignored when NA is
// set. Deviation classifies a departure from the standard: a Purposeful
// deviation counts as met whatever the value, and the rating becomes a
// story worth telling.
type Rating struct {
	Standard  string    `json:"standard"`
	Value     int       `json:"value"`
	NA        bool      `json:"na,omitempty"`
	Evidence  string    `json:"evidence,omitempty"`
	Deviation Deviation `json:"deviation,omitempty"`
}

// Dispute is a challenge to an observation's ratings. While Outcome is
// Open it can be resolved once; after that the observation is locked.
// When a resolution changes ratings, Original keeps the ratings as first
// recorded.
type Dispute struct {
	By string `json:"by"`
	// Standard names the disputed rating; empty when the dispute is about
	// the whole observation.
	Standard   string    `json:"standard,omitempty"`
	Comment    string    `json:"comment"`
	At         time.Time `json:"at"`
	Outcome    Outcome   `json:"outcome"`
	Note       string    `json:"note,omitempty"`
	ResolvedAt time.Time `json:"resolvedAt,omitzero"`
	Original   []Rating  `json:"original,omitempty"`
}

// Locked reports whether the observation's dispute has been decided, after
// which its ratings can no longer change.
func (o *Observation) Locked() bool { return o.Dispute != nil && o.Dispute.Outcome != Open }

// Met reports whether a rating counts as met on scale s: a purposeful
// deviation, or a criterion score of at least 0.5 (see [CriterionScore]).
// N/A ratings are neither met nor not met.
func (r Rating) Met(s Scale) bool {
	if r.NA {
		return false
	}
	return r.Deviation == Purposeful || CriterionScore(r.Value, s) >= 0.5
}

// validateShape checks an observation without its scorecard.
func (o *Observation) validateShape() []error {
	var errs []error
	for _, f := range []struct{ name, v string }{{"id", o.ID}, {"scorecard", o.Scorecard}, {"observer", o.Observer}, {"subject", o.Subject}, {"interaction", o.Interaction}} {
		if strings.TrimSpace(f.v) == "" {
			errs = append(errs, fieldErr(f.name, ErrMissing, ""))
		}
	}
	if int(o.Mode) >= len(modeNames) {
		errs = append(errs, fieldErr("mode", ErrInvalid, "%d", o.Mode))
	}
	if len(o.Ratings) == 0 {
		errs = append(errs, fieldErr("ratings", ErrMissing, ""))
	}
	if d := o.Dispute; d != nil {
		if strings.TrimSpace(d.Comment) == "" {
			errs = append(errs, fieldErr("dispute.comment", ErrMissing, ""))
		}
		if int(d.Outcome) >= len(outcomeNames) {
			errs = append(errs, fieldErr("dispute.outcome", ErrInvalid, "%d", d.Outcome))
		}
	}
	return errs
}

// validateRatings checks ratings against a scorecard: every standard is on
// the card, at most once, values are on the scale, N/A only where allowed.
func validateRatings(field string, rs []Rating, card *Scorecard, idx map[string]criterionRef) []error {
	var errs []error
	seen := make(map[string]int, len(rs))
	for i, r := range rs {
		p := fmt.Sprintf("%s[%d]", field, i)
		ref, ok := idx[r.Standard]
		if !ok {
			errs = append(errs, fieldErr(p+".standard", ErrUnknownStandard, "%q is not on scorecard %q", r.Standard, card.ID))
			continue
		}
		if j, dup := seen[r.Standard]; dup {
			errs = append(errs, fieldErr(p+".standard", ErrDuplicate, "%q is already rated at %s[%d]", r.Standard, field, j))
		}
		seen[r.Standard] = i
		cr := card.Sections[ref.section].Criteria[ref.index]
		if r.NA {
			if !cr.NA {
				errs = append(errs, fieldErr(p+".na", ErrNANotAllowed, "criterion %q", r.Standard))
			}
		} else if r.Value < cr.Scale.Min() || r.Value > cr.Scale.Max() {
			errs = append(errs, fieldErr(p+".value", ErrOutOfScale, "%d is not in %d..%d (%s)", r.Value, cr.Scale.Min(), cr.Scale.Max(), cr.Scale))
		}
		if int(r.Deviation) >= len(deviationNames) {
			errs = append(errs, fieldErr(p+".deviation", ErrInvalid, "%d", r.Deviation))
		}
	}
	return errs
}

// Record validates o against its scorecard and the book's standards and
// appends a copy. On any error nothing in the book changes. The id must be
// new; a dispute cannot be recorded with it (use [Book.Dispute]).
func (b *Book) Record(o Observation) error {
	errs := o.validateShape()
	if o.ID != "" && b.observation(o.ID) >= 0 {
		errs = append(errs, fieldErr("id", ErrDuplicate, "%q", o.ID))
	}
	if o.Dispute != nil {
		errs = append(errs, fieldErr("dispute", ErrInvalid, "record the observation first, then dispute it"))
	}
	if o.Scorecard != "" {
		card := b.Scorecard(o.Scorecard)
		if card == nil {
			errs = append(errs, fieldErr("scorecard", ErrUnknownScorecard, "%q", o.Scorecard))
		} else {
			errs = append(errs, validateRatings("ratings", o.Ratings, card, card.index())...)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	o.Ratings = slices.Clone(o.Ratings)
	b.Observations = append(b.Observations, o)
	return nil
}

// Observation returns the recorded observation with the given id, or nil.
// The pointer is into the book; change it only through the book's methods.
func (b *Book) Observation(id string) *Observation {
	if i := b.observation(id); i >= 0 {
		return &b.Observations[i]
	}
	return nil
}

// unlocked returns the observation with the given id for a change: it is
// ErrNotFound when there is none and ErrLocked when its dispute is decided.
func (b *Book) unlocked(id string) (*Observation, error) {
	o := b.Observation(id)
	if o == nil {
		return nil, fieldErr("id", ErrNotFound, "%q", id)
	}
	if o.Locked() {
		return nil, fieldErr("id", ErrLocked, "%q", id)
	}
	return o, nil
}

func (b *Book) observation(id string) int {
	for i := range b.Observations {
		if b.Observations[i].ID == id {
			return i
		}
	}
	return -1
}

// Amend replaces the ratings of an undisputed observation (an observer
// correcting their own entry). It fails with ErrLocked once a dispute is
// decided and with ErrDisputed while one is open; on any error nothing
// changes.
func (b *Book) Amend(id string, ratings []Rating) error {
	o, err := b.unlocked(id)
	if err != nil {
		return err
	}
	if o.Dispute != nil {
		return fieldErr("id", ErrDisputed, "%q", id)
	}
	card := b.Scorecard(o.Scorecard)
	if card == nil {
		return fieldErr("scorecard", ErrUnknownScorecard, "%q", o.Scorecard)
	}
	if len(ratings) == 0 {
		return fieldErr("ratings", ErrMissing, "")
	}
	if err := errors.Join(validateRatings("ratings", ratings, card, card.index())...); err != nil {
		return err
	}
	o.Ratings = slices.Clone(ratings)
	return nil
}

// Dispute opens a dispute on an observation: who raises it, their comment
// and when. It fails with ErrDisputed if one is open and ErrLocked if one
// was decided.
func (b *Book) Dispute(id, by, comment string, at time.Time) error {
	o, err := b.unlocked(id)
	if err != nil {
		return err
	}
	if o.Dispute != nil {
		return fieldErr("id", ErrDisputed, "%q", id)
	}
	var errs []error
	if strings.TrimSpace(by) == "" {
		errs = append(errs, fieldErr("by", ErrMissing, ""))
	}
	if strings.TrimSpace(comment) == "" {
		errs = append(errs, fieldErr("comment", ErrMissing, ""))
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	o.Dispute = &Dispute{By: by, Comment: comment, At: at}
	return nil
}

// Resolve decides an open dispute. Accepted and PartlyAccepted may carry
// revised ratings that replace the observation's (the originals are kept
// in Dispute.Original); Rejected must not. Either way the observation is
// locked afterwards. On any error nothing changes.
func (b *Book) Resolve(id string, outcome Outcome, note string, revised []Rating, at time.Time) error {
	o, err := b.unlocked(id)
	if err != nil {
		return err
	}
	if o.Dispute == nil {
		return fieldErr("id", ErrNotDisputed, "%q", id)
	}
	switch outcome {
	case Accepted, PartlyAccepted:
	case Rejected:
		if len(revised) > 0 {
			return fieldErr("revised", ErrInvalid, "a rejected dispute keeps the original ratings")
		}
	default:
		return fieldErr("outcome", ErrInvalid, "%s", outcome)
	}
	if len(revised) > 0 {
		card := b.Scorecard(o.Scorecard)
		if card == nil {
			return fieldErr("scorecard", ErrUnknownScorecard, "%q", o.Scorecard)
		}
		if err := errors.Join(validateRatings("revised", revised, card, card.index())...); err != nil {
			return err
		}
		o.Dispute.Original = o.Ratings
		o.Ratings = slices.Clone(revised)
	}
	o.Dispute.Outcome = outcome
	o.Dispute.Note = note
	o.Dispute.ResolvedAt = at
	return nil
}
