package standards

import (
	"errors"
	"fmt"
	"time"
)

// CriterionScore is the score of one rating on its scale:
//
//	criterion score = (selected - min) / (max - min)
//
// so 0 for the lowest point and 1 for the highest (binary: 0 or 1; a
// 4-point scale gives 0, 1/3, 2/3, 1). Values outside the scale are
// clamped; record them and they are rejected ([ErrOutOfScale]).
func CriterionScore(value int, s Scale) float64 {
	lo, hi := s.Min(), s.Max()
	if hi <= lo {
		return 0
	}
	value = max(lo, min(hi, value))
	return float64(value-lo) / float64(hi-lo)
}

// Review is the score of one observation.
//
// With c_i the criterion score of rated criterion i ([CriterionScore], or
// 1 for a purposeful deviation, which counts as met) and w_i its weight,
// over the rated criteria, N/A ones left out:
//
//	section score = Σ w_i·c_i / Σ w_i                over the section's rated criteria
//	review score  = Σ w_i·c'_i / Σ w_i               over rated criteria of regular sections
//	bonus         = Σ w_i·c'_i / Σ w_i(regular)      bonus criteria over the regular weights
//	Score         = review score + bonus
//
// that is, review score = weighted mean over rated (non-N/A) criteria,
// where c'_i is c_i, or 0 when the criterion's section failed. A critical
// criterion under 50% sets the review (or its section) to 0: at level
// [FailsSection] its section scores 0; at [FailsReview] the whole review,
// bonus included, scores 0. A review with no rated regular weight is not Scored. Without
// bonus sections Score lies in [0, 1]; weights are scale-free (only their
// ratios matter).
type Review struct {
	Observation string    `json:"observation"`
	Scorecard   string    `json:"scorecard"`
	Subject     string    `json:"subject"`
	Team        string    `json:"team,omitempty"`
	Observer    string    `json:"observer"`
	At          time.Time `json:"at"`
	// Scored is false when no regular criterion was rated (all N/A).
	Scored bool    `json:"scored"`
	Score  float64 `json:"score"`
	Base   float64 `json:"base"`
	Bonus  float64 `json:"bonus"`
	// Failed is FailsReview when a review-critical criterion failed.
	Failed   Critical       `json:"failed"`
	Sections []SectionScore `json:"sections"`
	Disputed bool           `json:"disputed,omitempty"`
	Locked   bool           `json:"locked,omitempty"`
}

// SectionScore is the score of one section of a review.
type SectionScore struct {
	Name   string  `json:"name"`
	Bonus  bool    `json:"bonus,omitempty"`
	Rated  bool    `json:"rated"`
	Score  float64 `json:"score"`
	Failed bool    `json:"failed,omitempty"`
}

type flatCriterion struct {
	section  int
	weight   float64
	scale    Scale
	na       bool
	critical Critical
}

// Scorer scores observations against one scorecard. Build it once with
// [NewScorer] and reuse it; it is safe for concurrent use.
type Scorer struct {
	card  *Scorecard
	index map[string]int
	ids   []string // standard id of each flat criterion, in card order
	crit  []flatCriterion
}

// NewScorer compiles a scorecard for scoring. Every criterion must name
// one of standards (whose critical level applies when higher than the
// criterion's); the scorecard must be valid.
func NewScorer(card *Scorecard, standards []Standard) (*Scorer, error) {
	if err := card.Validate(); err != nil {
		return nil, err
	}
	byID := make(map[string]*Standard, len(standards))
	for i := range standards {
		byID[standards[i].ID] = &standards[i]
	}
	s := &Scorer{card: card, index: make(map[string]int)}
	var errs []error
	for si, sec := range card.Sections {
		for ci, cr := range sec.Criteria {
			st, ok := byID[cr.Standard]
			if !ok {
				errs = append(errs, fieldErr(fmt.Sprintf("sections[%d].criteria[%d].standard", si, ci), ErrUnknownStandard, "%q", cr.Standard))
				continue
			}
			s.index[cr.Standard] = len(s.crit)
			s.ids = append(s.ids, cr.Standard)
			s.crit = append(s.crit, flatCriterion{section: si, weight: cr.Weight, scale: cr.Scale, na: cr.NA, critical: max(cr.Critical, st.Critical)})
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return s, nil
}

// Score scores one observation. An observation for another scorecard, and
// ratings that break the scorecard (an unknown standard, a value off the
// scale, N/A where not allowed), are errors naming the field.
func (s *Scorer) Score(o *Observation) (Review, error) {
	if o.Scorecard != "" && o.Scorecard != s.card.ID {
		return Review{}, fieldErr("scorecard", ErrUnknownScorecard, "%q, the scorer is for %q", o.Scorecard, s.card.ID)
	}
	r := Review{Observation: o.ID, Scorecard: s.card.ID, Subject: o.Subject, Team: o.Team, Observer: o.Observer, At: o.At,
		Disputed: o.Dispute != nil, Locked: o.Locked()}
	n := len(s.card.Sections)
	r.Sections = make([]SectionScore, n)
	var stack [16]float64
	var num, den []float64
	if 2*n <= len(stack) {
		num, den = stack[:n], stack[n:2*n]
	} else {
		num, den = make([]float64, n), make([]float64, n)
	}
	for i, rt := range o.Ratings {
		// Ratings usually come in card order: try the same position first.
		k, ok := i, i < len(s.ids) && s.ids[i] == rt.Standard
		if !ok {
			k, ok = s.index[rt.Standard]
		}
		if !ok {
			return Review{}, fieldErr(fmt.Sprintf("ratings[%d].standard", i), ErrUnknownStandard, "%q is not on scorecard %q", rt.Standard, s.card.ID)
		}
		c := &s.crit[k]
		if rt.NA {
			if !c.na {
				return Review{}, fieldErr(fmt.Sprintf("ratings[%d].na", i), ErrNANotAllowed, "criterion %q", rt.Standard)
			}
			continue
		}
		if rt.Value < c.scale.Min() || rt.Value > c.scale.Max() {
			return Review{}, fieldErr(fmt.Sprintf("ratings[%d].value", i), ErrOutOfScale, "%d is not in %d..%d", rt.Value, c.scale.Min(), c.scale.Max())
		}
		cs := 1.0
		if rt.Deviation != Purposeful {
			cs = CriterionScore(rt.Value, c.scale)
		}
		num[c.section] += c.weight * cs
		den[c.section] += c.weight
		r.Sections[c.section].Rated = true
		if cs < 0.5 {
			switch c.critical {
			case FailsSection:
				r.Sections[c.section].Failed = true
			case FailsReview:
				r.Sections[c.section].Failed = true
				r.Failed = FailsReview
			}
		}
	}
	var regNum, regDen, bonusNum float64
	for i := range r.Sections {
		sec := &r.Sections[i]
		sec.Name = s.card.Sections[i].Name
		sec.Bonus = s.card.Sections[i].Bonus
		if den[i] > 0 {
			sec.Score = num[i] / den[i]
		}
		got := num[i]
		if sec.Failed {
			sec.Score, got = 0, 0
		}
		if sec.Bonus {
			bonusNum += got
		} else {
			regNum += got
			regDen += den[i]
		}
	}
	if regDen > 0 {
		r.Scored = true
		r.Base = regNum / regDen
		r.Bonus = bonusNum / regDen
		if r.Failed == FailsReview {
			r.Base, r.Bonus = 0, 0
		}
		r.Score = r.Base + r.Bonus
	}
	return r, nil
}

// Reviews scores every observation in the book, in order.
func (b *Book) Reviews() ([]Review, error) {
	scorers := map[string]*Scorer{}
	out := make([]Review, 0, len(b.Observations))
	for i := range b.Observations {
		o := &b.Observations[i]
		sc, ok := scorers[o.Scorecard]
		if !ok {
			card := b.Scorecard(o.Scorecard)
			if card == nil {
				return nil, fieldErr(fmt.Sprintf("observations[%d].scorecard", i), ErrUnknownScorecard, "%q", o.Scorecard)
			}
			var err error
			if sc, err = NewScorer(card, b.Standards); err != nil {
				return nil, prefix(fmt.Sprintf("scorecards[%q]", o.Scorecard), err)
			}
			scorers[o.Scorecard] = sc
		}
		r, err := sc.Score(o)
		if err != nil {
			return nil, prefix(fmt.Sprintf("observations[%d]", i), err)
		}
		out = append(out, r)
	}
	return out, nil
}
