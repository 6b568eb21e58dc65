package standards

import (
	"errors"
	"fmt"
	"math"
	"strings"
)

// Scorecard lists the standards an observer rates, grouped in sections.
type Scorecard struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Sections []Section `json:"sections"`
}

// Section groups criteria. A bonus section's points are added on top of
// the review score (see [Review]), so a review with a bonus can exceed 1.
type Section struct {
	Name     string      `json:"name"`
	Bonus    bool        `json:"bonus,omitempty"`
	Criteria []Criterion `json:"criteria"`
}

// Criterion is one standard on a scorecard: its weight, its scale, whether
// N/A is allowed, and its critical level. Weights are relative: only their
// ratios matter, so 1-2-1 and 10-20-10 give the same scores.
type Criterion struct {
	Standard string  `json:"standard"` // a Standard.ID
	Weight   float64 `json:"weight"`
	Scale    Scale   `json:"scale"`
	NA       bool    `json:"na,omitempty"` // N/A allowed
	// Critical overrides the standard's own level when higher (the higher
	// of the two applies).
	Critical Critical `json:"critical,omitempty"`
}

// Validate checks the scorecard on its own: an id, at least one section
// with criteria, a standard id on every criterion and no standard twice,
// known scales and critical levels, weights that are finite and not
// negative, and in every section weights that sum to more than zero.
// Whether the standards exist is checked by [Book.Validate].
func (c *Scorecard) Validate() error {
	var errs []error
	if strings.TrimSpace(c.ID) == "" {
		errs = append(errs, fieldErr("id", ErrMissing, ""))
	}
	if len(c.Sections) == 0 {
		errs = append(errs, fieldErr("sections", ErrMissing, "a scorecard needs a section"))
	}
	seen := map[string]string{}
	for i, sec := range c.Sections {
		p := fmt.Sprintf("sections[%d]", i)
		if len(sec.Criteria) == 0 {
			errs = append(errs, fieldErr(p+".criteria", ErrMissing, ""))
			continue
		}
		sum := 0.0
		for j, cr := range sec.Criteria {
			q := fmt.Sprintf("%s.criteria[%d]", p, j)
			if strings.TrimSpace(cr.Standard) == "" {
				errs = append(errs, fieldErr(q+".standard", ErrMissing, ""))
			} else if prev, dup := seen[cr.Standard]; dup {
				errs = append(errs, fieldErr(q+".standard", ErrDuplicate, "%q is already at %s", cr.Standard, prev))
			} else {
				seen[cr.Standard] = q
			}
			if cr.Weight < 0 || math.IsNaN(cr.Weight) || math.IsInf(cr.Weight, 0) {
				errs = append(errs, fieldErr(q+".weight", ErrWeight, "%v", cr.Weight))
			} else {
				sum += cr.Weight
			}
			if int(cr.Scale) >= len(scaleNames) {
				errs = append(errs, fieldErr(q+".scale", ErrInvalid, "%d", cr.Scale))
			}
			if int(cr.Critical) >= len(criticalNames) {
				errs = append(errs, fieldErr(q+".critical", ErrInvalid, "%d", cr.Critical))
			}
		}
		if !(sum > 0) || math.IsInf(sum, 0) {
			errs = append(errs, fieldErr(p+".criteria", ErrWeight, "weights sum to %v", sum))
		}
	}
	return errors.Join(errs...)
}

// criterionRef locates a criterion in a scorecard.
type criterionRef struct {
	section, index int
}

// index maps standard ids to their criterion.
func (c *Scorecard) index() map[string]criterionRef {
	m := make(map[string]criterionRef)
	for i, sec := range c.Sections {
		for j, cr := range sec.Criteria {
			m[cr.Standard] = criterionRef{i, j}
		}
	}
	return m
}

// Criterion returns the criterion for a standard id.
func (c *Scorecard) Criterion(standard string) (Criterion, bool) {
	for _, sec := range c.Sections {
		for _, cr := range sec.Criteria {
			if cr.Standard == standard {
				return cr, true
			}
		}
	}
	return Criterion{}, false
}
