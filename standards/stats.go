package standards

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/purposefulcx/purposeful/internal/order"
)

// The agreement statistics take ratings as a table: one row per unit (an
// interaction), one column per rater, NaN where a rater did not rate the
// unit. Values are category codes on the rating scale (0/1, 1..5). Units
// with fewer than two ratings carry no information about agreement and are
// left out. Every function returns ErrTooFewRaters when the table has
// fewer than two columns, ErrNoData when no unit was rated twice, and
// ErrUndefined when the statistic's denominator is zero (every rating in
// the same category).

// Weighting chooses the disagreement weights of [WeightedKappa]. The zero
// value is Unweighted (Cohen's kappa).
type Weighting uint8

// Weightings, for categories i, j among k ordered categories.
const (
	Unweighted Weighting = iota // w = 1 if i == j else 0
	Linear                      // w = 1 - |i-j|/(k-1)
	Quadratic                   // w = 1 - (i-j)²/(k-1)²
)

var weightingNames = []string{"unweighted", "linear", "quadratic"}

func (w Weighting) String() string { return enumString(weightingNames, uint8(w), "weighting") }
func (w Weighting) MarshalText() ([]byte, error) {
	return enumText(weightingNames, uint8(w), "weighting")
}
func (w *Weighting) UnmarshalText(b []byte) error {
	return parseInto(weightingNames, b, "weighting", (*uint8)(w))
}

// Level is the level of measurement for [KrippendorffAlpha]. The zero
// value is Nominal.
type Level uint8

// Levels of measurement.
const (
	Nominal  Level = iota // categories without order: δ² = 0 if c == k else 1
	Ordinal               // ordered categories: δ²(c,k) = (Σ_{g=c..k} n_g - (n_c+n_k)/2)²
	Interval              // equal steps: δ²(c,k) = (c-k)²
)

var levelNames = []string{"nominal", "ordinal", "interval"}

func (l Level) String() string                { return enumString(levelNames, uint8(l), "level") }
func (l Level) MarshalText() ([]byte, error)  { return enumText(levelNames, uint8(l), "level") }
func (l *Level) UnmarshalText(b []byte) error { return parseInto(levelNames, b, "level", (*uint8)(l)) }

// table is a ratings table reduced to category indices.
type table struct {
	cats  []float64 // sorted distinct values
	units [][]int   // per usable unit, category counts n_uc
	m     []int     // per usable unit, number of ratings m_u
}

func checkRaters(units [][]float64) error {
	cols := 0
	for _, u := range units {
		cols = max(cols, len(u))
	}
	if cols < 2 {
		return fieldErr("units", ErrTooFewRaters, "%d rater columns", cols)
	}
	return nil
}

// buildTable counts categories per unit, keeping units with >= 2 ratings.
// cats, when given, fixes the categories (values outside are an error).
func buildTable(units [][]float64, cats []float64) (*table, error) {
	if err := checkRaters(units); err != nil {
		return nil, err
	}
	t := &table{}
	if cats != nil {
		t.cats = slices.Clone(cats)
	} else {
		for _, u := range units {
			for _, v := range u {
				if !math.IsNaN(v) {
					t.cats = append(t.cats, v)
				}
			}
		}
	}
	order.Func(t.cats, cmp.Compare[float64])
	t.cats = slices.Compact(t.cats)
	for i, u := range units {
		m := 0
		for _, v := range u {
			if !math.IsNaN(v) {
				m++
			}
		}
		if m < 2 {
			continue
		}
		counts := make([]int, len(t.cats))
		for j, v := range u {
			if math.IsNaN(v) {
				continue
			}
			c, ok := slices.BinarySearch(t.cats, v)
			if !ok {
				return nil, fieldErr(fmt.Sprintf("units[%d][%d]", i, j), ErrOutOfScale, "%v is not a category", v)
			}
			counts[c]++
		}
		t.units = append(t.units, counts)
		t.m = append(t.m, m)
	}
	if len(t.units) == 0 {
		return nil, fieldErr("units", ErrNoData, "no unit has two ratings")
	}
	return t, nil
}

// PercentAgreement is the share of agreeing pairs of ratings, averaged over
// units:
//
//	agreement_u = Σ_c n_uc(n_uc - 1) / (m_u(m_u - 1))
//	agreement   = mean over units of agreement_u
//
// with n_uc the ratings of unit u in category c and m_u its ratings. For
// two raters it is the share of units they agree on. It also returns the
// number of units used.
func PercentAgreement(units [][]float64) (float64, int, error) {
	t, err := buildTable(units, nil)
	if err != nil {
		return 0, 0, err
	}
	sum := 0.0
	for u, counts := range t.units {
		sum += unitAgreement(counts, t.m[u])
	}
	return sum / float64(len(t.units)), len(t.units), nil
}

func unitAgreement(counts []int, m int) float64 {
	pairs := 0
	for _, n := range counts {
		pairs += n * (n - 1)
	}
	return float64(pairs) / float64(m*(m-1))
}

// pairs returns two raters' ratings as a two-column table.
func pairs(a, b []float64) ([][]float64, error) {
	if len(a) != len(b) {
		return nil, fieldErr("b", ErrInvalid, "%d ratings, a has %d", len(b), len(a))
	}
	units := make([][]float64, 0, len(a))
	for i := range a {
		if math.IsNaN(a[i]) || math.IsNaN(b[i]) {
			continue
		}
		units = append(units, []float64{a[i], b[i]})
	}
	if len(units) == 0 {
		return nil, fieldErr("units", ErrNoData, "no unit rated by both")
	}
	return units, nil
}

// CohenKappa is Cohen's kappa for two raters, over the units both rated:
//
//	p_o   = share of units where a and b agree
//	p_e   = Σ_c (a_c / n)(b_c / n)         a_c: units a put in category c
//	kappa = (p_o - p_e) / (1 - p_e)
func CohenKappa(a, b []float64) (float64, error) {
	return WeightedKappa(a, b, nil, Unweighted)
}

// WeightedKappa is Cohen's weighted kappa for two raters on an ordinal
// scale. categories lists the points of the scale (nil: the values seen),
// so that k = len(categories) sets the weights even when a point is never
// used:
//
//	p_o   = Σ_ij w_ij p_ij                 p_ij: share of units rated i by a and j by b
//	p_e   = Σ_ij w_ij p_i. p_.j            p_i., p_.j: the raters' marginal shares
//	kappa = (p_o - p_e) / (1 - p_e)
//
// with the agreement weights w_ij of [Weighting]. Unweighted gives
// [CohenKappa].
func WeightedKappa(a, b []float64, categories []float64, w Weighting) (float64, error) {
	units, err := pairs(a, b)
	if err != nil {
		return 0, err
	}
	t, err := buildTable(units, categories)
	if err != nil {
		return 0, err
	}
	k := len(t.cats)
	if k < 2 && w != Unweighted {
		return 0, fieldErr("categories", ErrUndefined, "weighted kappa needs two categories")
	}
	idx := func(v float64) int { i, _ := slices.BinarySearch(t.cats, v); return i }
	n := float64(len(units))
	joint := make([]float64, k*k)
	ra, rb := make([]float64, k), make([]float64, k)
	for _, u := range units {
		i, j := idx(u[0]), idx(u[1])
		joint[i*k+j]++
		ra[i]++
		rb[j]++
	}
	weight := func(i, j int) float64 {
		d := float64(i - j)
		switch w {
		case Linear:
			return 1 - math.Abs(d)/float64(k-1)
		case Quadratic:
			return 1 - d*d/float64((k-1)*(k-1))
		}
		if i == j {
			return 1
		}
		return 0
	}
	po, pe := 0.0, 0.0
	for i := range k {
		for j := range k {
			wij := weight(i, j)
			po += wij * joint[i*k+j] / n
			pe += wij * (ra[i] / n) * (rb[j] / n)
		}
	}
	if pe >= 1-1e-15 {
		return 0, fieldErr("units", ErrUndefined, "chance agreement is 1")
	}
	return (po - pe) / (1 - pe), nil
}

// FleissKappa is Fleiss' kappa for any number of raters:
//
//	P_u   = Σ_c n_uc(n_uc - 1) / (m_u(m_u - 1))
//	P̄     = mean of P_u over units
//	p_c   = Σ_u n_uc / Σ_u m_u
//	P_e   = Σ_c p_c²
//	kappa = (P̄ - P_e) / (1 - P_e)
//
// With the same number of ratings on every unit this is Fleiss' original
// statistic; when some ratings are missing, the proportions are pooled
// over all ratings given.
func FleissKappa(units [][]float64) (float64, error) {
	t, err := buildTable(units, nil)
	if err != nil {
		return 0, err
	}
	pbar := 0.0
	total := 0
	pc := make([]float64, len(t.cats))
	for u, counts := range t.units {
		pbar += unitAgreement(counts, t.m[u])
		total += t.m[u]
		for c, n := range counts {
			pc[c] += float64(n)
		}
	}
	pbar /= float64(len(t.units))
	pe := 0.0
	for _, v := range pc {
		p := v / float64(total)
		pe += p * p
	}
	if pe >= 1-1e-15 {
		return 0, fieldErr("units", ErrUndefined, "every rating is in one category")
	}
	return (pbar - pe) / (1 - pe), nil
}

// KrippendorffAlpha is Krippendorff's alpha, which allows missing ratings
// and any number of raters. From the coincidence matrix of pairable values
//
//	o_ck  = Σ_u (ordered pairs (c,k) of ratings in u) / (m_u - 1)
//	n_c   = Σ_k o_ck,  n = Σ_c n_c
//	alpha = 1 - (n - 1) Σ_ck o_ck δ²(c,k) / Σ_ck n_c n_k δ²(c,k)
//
// with the difference function δ² of the [Level].
func KrippendorffAlpha(units [][]float64, level Level) (float64, error) {
	t, err := buildTable(units, nil)
	if err != nil {
		return 0, err
	}
	k := len(t.cats)
	o := make([]float64, k*k)
	for u, counts := range t.units {
		den := float64(t.m[u] - 1)
		for c := range k {
			if counts[c] == 0 {
				continue
			}
			for d := range k {
				p := counts[c] * counts[d]
				if c == d {
					p = counts[c] * (counts[c] - 1)
				}
				o[c*k+d] += float64(p) / den
			}
		}
	}
	nc := make([]float64, k)
	n := 0.0
	for c := range k {
		for d := range k {
			nc[c] += o[c*k+d]
		}
		n += nc[c]
	}
	delta := func(c, d int) float64 {
		switch level {
		case Ordinal:
			lo, hi := min(c, d), max(c, d)
			s := 0.0
			for g := lo; g <= hi; g++ {
				s += nc[g]
			}
			s -= (nc[c] + nc[d]) / 2
			return s * s
		case Interval:
			x := t.cats[c] - t.cats[d]
			return x * x
		}
		if c == d {
			return 0
		}
		return 1
	}
	var do, de float64
	for c := range k {
		for d := range k {
			if c == d {
				continue
			}
			dd := delta(c, d)
			do += o[c*k+d] * dd
			de += nc[c] * nc[d] * dd
		}
	}
	if de == 0 {
		return 0, fieldErr("units", ErrUndefined, "every rating is in one category")
	}
	return 1 - (n-1)*do/de, nil
}
