package standards

import (
	"math"

	"github.com/purposefulcx/purposeful/internal/order"
)

// Distance is how far one rater's ratings lie from an expert's on the
// interactions both rated.
type Distance struct {
	Rater string `json:"rater"`
	// Items is the number of ratings compared: same interaction, same
	// standard, neither N/A.
	Items int `json:"items"`
	// Mean is the mean absolute difference of the criterion scores
	// ([CriterionScore]; a purposeful deviation counts 1), from 0 (the
	// expert's ratings) to 1 (the opposite end of every scale).
	Mean float64 `json:"mean"`
	// Agreement is the share of compared ratings with the expert's
	// outcome (met or not met).
	Agreement float64 `json:"agreement"`
}

// DistanceFromExpert compares every other observer's ratings with the
// expert's, interaction by interaction (observations sharing an
// Interaction, as in [Book.Calibrate]; a later observation by the same
// observer replaces an earlier one). Raters are listed by name; a rater
// with nothing to compare has Items 0. No observation by the expert is
// ErrNoData.
func (b *Book) DistanceFromExpert(expert string) ([]Distance, error) {
	type key struct{ interaction, observer string }
	latest := map[key]*Observation{}
	var raters, interactions []string
	seen := map[string]bool{}
	for i := range b.Observations {
		o := &b.Observations[i]
		latest[key{o.Interaction, o.Observer}] = o
		if o.Observer != expert && !seen["r:"+o.Observer] {
			seen["r:"+o.Observer] = true
			raters = append(raters, o.Observer)
		}
		if o.Observer == expert && !seen["i:"+o.Interaction] {
			seen["i:"+o.Interaction] = true
			interactions = append(interactions, o.Interaction)
		}
	}
	if len(interactions) == 0 {
		return nil, fieldErr("expert", ErrNoData, "%q rated nothing", expert)
	}
	order.Strings(raters)
	order.Strings(interactions)
	out := make([]Distance, 0, len(raters))
	for _, r := range raters {
		d := Distance{Rater: r}
		sum, same := 0.0, 0
		for _, in := range interactions {
			o, ex := latest[key{in, r}], latest[key{in, expert}]
			if o == nil {
				continue
			}
			card := b.Scorecard(o.Scorecard)
			if card == nil {
				continue
			}
			for _, rt := range o.Ratings {
				if rt.NA {
					continue
				}
				for _, et := range ex.Ratings {
					if et.Standard != rt.Standard || et.NA {
						continue
					}
					cr, _ := card.Criterion(rt.Standard)
					sum += math.Abs(ratingScore(rt, cr.Scale) - ratingScore(et, cr.Scale))
					if rt.Met(cr.Scale) == et.Met(cr.Scale) {
						same++
					}
					d.Items++
				}
			}
		}
		if d.Items > 0 {
			d.Mean = sum / float64(d.Items)
			d.Agreement = float64(same) / float64(d.Items)
		}
		out = append(out, d)
	}
	return out, nil
}

// ratingScore is a rating's criterion score, 1 for a purposeful deviation.
func ratingScore(r Rating, s Scale) float64 {
	if r.Deviation == Purposeful {
		return 1
	}
	return CriterionScore(r.Value, s)
}
