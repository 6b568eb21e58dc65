package standards

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"github.com/purposefulcx/purposeful/internal/order"
)

// Defaults of [CalibrationSettings].
const (
	DefaultKappaMin      = 0.6
	DefaultAlphaMin      = 0.667
	DefaultHighAgreement = 0.8
	DefaultMinUnits      = 10
)

// CalibrationSettings tunes [Book.Calibrate]. The zero value works.
type CalibrationSettings struct {
	// KappaMin: a standard whose kappa is below it goes on the rewrite
	// list. Default 0.6.
	KappaMin float64
	// AlphaMin: a standard whose Krippendorff's alpha is below it goes on
	// the rewrite list. Default 0.667.
	AlphaMin float64
	// HighAgreement: percent agreement from which a kappa under KappaMin
	// is flagged as a prevalence effect (high agreement, low kappa).
	// Default 0.8.
	HighAgreement float64
	// MinUnits: fewer interactions rated by two or more observers than
	// this gives a small-sample warning. Default 10.
	MinUnits int
	// Scorecard restricts the calibration to one scorecard's
	// observations. Default: all.
	Scorecard string
	// Lint tunes the findings attached to the rewrite list; its Purpose
	// defaults to the book's.
	Lint LintSettings
}

// Calibration reports how far observers agree when they rate the same
// interactions, per standard, and which standards to rewrite.
type Calibration struct {
	Raters []string `json:"raters"`
	// Units is the number of interactions rated by two or more observers.
	Units     int         `json:"units"`
	Standards []Agreement `json:"standards"`
	// Rewrite lists the standards with low agreement, with their lint
	// findings: the usual cause is a standard open to interpretation.
	Rewrite  []Rewrite `json:"rewrite"`
	Warnings []string  `json:"warnings,omitempty"`
}

// Agreement is the inter-rater agreement on one standard. Statistics that
// are undefined for the data (every rating in one category) are nil.
type Agreement struct {
	Standard string `json:"standard"`
	Code     string `json:"code"`
	Scale    Scale  `json:"scale"`
	Raters   int    `json:"raters"`
	// Units is the sample size: interactions this standard was rated on
	// by two or more observers (N/A ratings left out).
	Units            int     `json:"units"`
	Ratings          int     `json:"ratings"`
	PercentAgreement float64 `json:"percentAgreement"`
	// Kappa is Cohen's kappa with two raters, Fleiss' kappa with more
	// (KappaKind says which).
	Kappa     *float64 `json:"kappa,omitempty"`
	KappaKind string   `json:"kappaKind"`
	// Weighted kappas, for two raters on an ordinal scale.
	LinearKappa    *float64 `json:"linearKappa,omitempty"`
	QuadraticKappa *float64 `json:"quadraticKappa,omitempty"`
	// Alpha is Krippendorff's alpha: nominal on a binary scale, ordinal on
	// a point scale.
	Alpha      *float64 `json:"alpha,omitempty"`
	AlphaLevel Level    `json:"alphaLevel"`
	Low        bool     `json:"low"`
	Warnings   []string `json:"warnings,omitempty"`
}

// Rewrite is a standard observers do not agree on.
type Rewrite struct {
	Standard  string        `json:"standard"`
	Code      string        `json:"code"`
	Statement string        `json:"statement"`
	Reasons   []string      `json:"reasons"`
	Findings  []LintFinding `json:"findings"`
}

func ptr(v float64) *float64 { return &v }

// Calibrate compares the observers who rated the same interactions (the
// observations sharing an Interaction; a later observation by the same
// observer of the same interaction replaces an earlier one). For each
// standard it reports the percent agreement, Cohen's kappa (two raters)
// or Fleiss' kappa (more), linear and quadratic weighted kappa (two raters
// on an ordinal scale), Krippendorff's alpha (nominal or ordinal, missing
// ratings allowed) and the sample size, with a warning when high agreement
// comes with a low kappa (a skewed prevalence makes kappa misleading) and
// when the sample is small. Standards with kappa under KappaMin or alpha
// under AlphaMin go onto the rewrite list with their lint findings.
//
// Fewer than two observers is ErrTooFewRaters; no interaction rated by two
// of them is ErrNoData.
func (b *Book) Calibrate(set CalibrationSettings) (*Calibration, error) {
	if set.KappaMin == 0 {
		set.KappaMin = DefaultKappaMin
	}
	if set.AlphaMin == 0 {
		set.AlphaMin = DefaultAlphaMin
	}
	if set.HighAgreement == 0 {
		set.HighAgreement = DefaultHighAgreement
	}
	if set.MinUnits == 0 {
		set.MinUnits = DefaultMinUnits
	}
	if set.Lint.Purpose == "" {
		set.Lint.Purpose = b.Purpose
	}
	// interaction -> observer -> observation index
	type key struct{ interaction, observer string }
	latest := map[key]int{}
	var raters, interactions []string
	for i := range b.Observations {
		o := &b.Observations[i]
		if set.Scorecard != "" && o.Scorecard != set.Scorecard {
			continue
		}
		k := key{o.Interaction, o.Observer}
		if _, ok := latest[k]; !ok {
			if !slices.Contains(raters, o.Observer) {
				raters = append(raters, o.Observer)
			}
			if !slices.Contains(interactions, o.Interaction) {
				interactions = append(interactions, o.Interaction)
			}
		}
		latest[k] = i
	}
	order.Strings(raters)
	order.Strings(interactions)
	if len(raters) < 2 {
		return nil, fieldErr("observations", ErrTooFewRaters, "%d observer(s)", len(raters))
	}
	cal := &Calibration{Raters: raters}
	for _, in := range interactions {
		n := 0
		for _, r := range raters {
			if _, ok := latest[key{in, r}]; ok {
				n++
			}
		}
		if n >= 2 {
			cal.Units++
		}
	}
	if cal.Units == 0 {
		return nil, fieldErr("observations", ErrNoData, "no interaction was rated by two observers")
	}
	if cal.Units < set.MinUnits {
		cal.Warnings = append(cal.Warnings, fmt.Sprintf("only %d interactions were rated by two or more observers; %d or more give steadier figures", cal.Units, set.MinUnits))
	}
	lint := NewLinter(set.Lint)
	for si := range b.Standards {
		st := &b.Standards[si]
		var scale Scale
		found := false
		table := make([][]float64, len(interactions))
		for u, in := range interactions {
			row := make([]float64, len(raters))
			for r, rater := range raters {
				row[r] = math.NaN()
				oi, ok := latest[key{in, rater}]
				if !ok {
					continue
				}
				o := &b.Observations[oi]
				for _, rt := range o.Ratings {
					if rt.Standard != st.ID || rt.NA {
						continue
					}
					if card := b.Scorecard(o.Scorecard); card != nil {
						if cr, ok := card.Criterion(st.ID); ok {
							scale, found = cr.Scale, true
						}
					}
					row[r] = float64(rt.Value)
				}
			}
			table[u] = row
		}
		if !found {
			continue
		}
		ag, err := agreement(table, scale)
		if errors.Is(err, ErrNoData) {
			continue
		}
		if err != nil {
			return nil, prefix(fmt.Sprintf("standards[%d]", si), err)
		}
		ag.Standard, ag.Code = st.ID, st.Code
		var reasons []string
		if ag.Kappa != nil && *ag.Kappa < set.KappaMin {
			reasons = append(reasons, fmt.Sprintf("%s kappa %s is under %s", ag.KappaKind, formatFixed(*ag.Kappa, 2), formatNumber(set.KappaMin)))
			if ag.PercentAgreement >= set.HighAgreement {
				ag.Warnings = append(ag.Warnings, fmt.Sprintf("agreement is %s but kappa is %s: one rating dominates (prevalence), so kappa understates agreement; read it with the percent agreement", percent(ag.PercentAgreement), formatFixed(*ag.Kappa, 2)))
			}
		}
		if ag.Alpha != nil && *ag.Alpha < set.AlphaMin {
			reasons = append(reasons, fmt.Sprintf("%s alpha %s is under %s", ag.AlphaLevel, formatFixed(*ag.Alpha, 2), formatNumber(set.AlphaMin)))
		}
		if ag.Kappa == nil && ag.Alpha == nil {
			ag.Warnings = append(ag.Warnings, "every rating is the same, so kappa and alpha are undefined; agreement is "+percent(ag.PercentAgreement))
		}
		if ag.Units < set.MinUnits {
			ag.Warnings = append(ag.Warnings, fmt.Sprintf("small sample: %d interactions", ag.Units))
		}
		if len(reasons) > 0 {
			ag.Low = true
			cal.Rewrite = append(cal.Rewrite, Rewrite{Standard: st.ID, Code: st.Code, Statement: st.Statement, Reasons: reasons, Findings: lint.Lint(st)})
		}
		cal.Standards = append(cal.Standards, ag)
	}
	return cal, nil
}

// agreement computes the statistics of one standard's table.
func agreement(table [][]float64, scale Scale) (Agreement, error) {
	ag := Agreement{Scale: scale, AlphaLevel: Nominal}
	if scale.Ordinal() {
		ag.AlphaLevel = Ordinal
	}
	pa, units, err := PercentAgreement(table)
	if err != nil {
		return ag, err
	}
	ag.PercentAgreement, ag.Units = pa, units
	used := make([]bool, len(table[0]))
	for _, row := range table {
		m := 0
		for _, v := range row {
			if !math.IsNaN(v) {
				m++
			}
		}
		if m < 2 {
			continue
		}
		ag.Ratings += m
		for r, v := range row {
			if !math.IsNaN(v) {
				used[r] = true
			}
		}
	}
	var cols []int
	for r, u := range used {
		if u {
			cols = append(cols, r)
		}
	}
	ag.Raters = len(cols)
	undefined := func(err error) bool { return errors.Is(err, ErrUndefined) }
	if len(cols) == 2 {
		ag.KappaKind = "cohen"
		a, b := make([]float64, len(table)), make([]float64, len(table))
		for i, row := range table {
			a[i], b[i] = row[cols[0]], row[cols[1]]
		}
		if k, err := CohenKappa(a, b); err == nil {
			ag.Kappa = ptr(k)
		} else if !undefined(err) {
			return ag, err
		}
		if scale.Ordinal() {
			cats := make([]float64, 0, scale.Max())
			for v := scale.Min(); v <= scale.Max(); v++ {
				cats = append(cats, float64(v))
			}
			if k, err := WeightedKappa(a, b, cats, Linear); err == nil {
				ag.LinearKappa = ptr(k)
			} else if !undefined(err) {
				return ag, err
			}
			if k, err := WeightedKappa(a, b, cats, Quadratic); err == nil {
				ag.QuadraticKappa = ptr(k)
			} else if !undefined(err) {
				return ag, err
			}
		}
	} else {
		ag.KappaKind = "fleiss"
		if k, err := FleissKappa(table); err == nil {
			ag.Kappa = ptr(k)
		} else if !undefined(err) {
			return ag, err
		}
	}
	if a, err := KrippendorffAlpha(table, ag.AlphaLevel); err == nil {
		ag.Alpha = ptr(a)
	} else if !undefined(err) {
		return ag, err
	}
	return ag, nil
}
