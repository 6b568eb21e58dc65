package standards

import (
	"errors"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var nan = math.NaN()

// The data sets below are small enough to work by hand; the expected
// values are the exact fractions worked out in the comments (and checked
// with exact rational arithmetic).

// Set A: two raters, binary, ten units.
//
//	both 1: 6, a=1 b=0: 1, a=0 b=1: 1, both 0: 2
//	p_o = 8/10; a and b each put 7 in 1 and 3 in 0
//	p_e = 0.7² + 0.3² = 0.58
//	kappa = (0.8 - 0.58) / 0.42 = 11/21
//	alpha: o_11 = 12, o_00 = 4, o_01 = o_10 = 2; n_0 = 6, n_1 = 14, n = 20
//	       alpha = 1 - 19·4 / (2·6·14) = 1 - 76/168 = 23/42
var (
	setAa = []float64{1, 1, 1, 1, 1, 1, 0, 0, 0, 1}
	setAb = []float64{1, 1, 1, 1, 0, 1, 0, 0, 1, 1}
)

func columns(a, b []float64) [][]float64 {
	out := make([][]float64, len(a))
	for i := range a {
		out[i] = []float64{a[i], b[i]}
	}
	return out
}

// Set B: three raters, categories 1..3, five units.
//
//	u1 1,1,1  P=1     u2 1,1,2  P=2/6   u3 2,2,2  P=1
//	u4 2,3,3  P=2/6   u5 3,3,1  P=2/6
//	P̄ = 3/5; totals 6, 5, 4 of 15; P_e = (36+25+16)/225 = 77/225
//	Fleiss = (135-77)/(225-77) = 58/148 = 29/74
//	coincidences (÷ m-1 = 2): o11=4 o22=3 o33=2, each off-diagonal cell 1
//	nominal alpha = 1 - 14·6 / (2·(30+24+20)) = 1 - 84/148 = 16/37
//	ordinal δ²: (1,2) = 5.5² = 30.25, (2,3) = 4.5² = 20.25, (1,3) = (15-5)² = 100
//	  observed Σ o δ² = 2(30.25+100+20.25) = 301
//	  expected Σ n n δ² = 2(30·30.25 + 24·100 + 20·20.25) = 7425
//	  ordinal alpha = 1 - 14·301/7425 = 3211/7425
//	interval δ²: 1, 1, 4 → 1 - 14·12/292 = 31/73
var setB = [][]float64{{1, 1, 1}, {1, 1, 2}, {2, 2, 2}, {2, 3, 3}, {3, 3, 1}}

// Set C: three raters with missing ratings.
//
//	u1 1,1,-  u2 2,2,1  u3 1,-,- (dropped: one rating)  u4 2,2,2
//	agreement = (1 + 1/3 + 1)/3 = 7/9
//	Fleiss (pooled): p_1 = 3/8, p_2 = 5/8, P_e = 34/64; (7/9 - 17/32)/(15/32) = 71/135
//	alpha: o11 = 2, o12 = o21 = 1, o22 = 4; n_1 = 3, n_2 = 5, n = 8
//	       1 - 7·2/(2·3·5) = 8/15 (ordinal equals nominal with two categories)
var setC = [][]float64{{1, 1, nan}, {2, 2, 1}, {1, nan, nan}, {2, 2, 2}}

// Set D: two raters on a 4-point scale, eight units.
//
//	pairs (1,1) (2,3) (3,3) (4,3) (2,2) (3,4) (1,2) (4,4): four agree, four differ by one
//	marginals a: 1/4 each; b: 1/8, 2/8, 3/8, 2/8
//	unweighted: p_o = 1/2, p_e = 1/4, kappa = 1/3
//	linear (w = 1 - d/3): p_o = (4 + 4·2/3)/8 = 5/6, p_e = 29/48, kappa = 11/19
//	quadratic (w = 1 - d²/9): p_o = 17/18, p_e = 3/4, kappa = 7/9
var (
	setDa = []float64{1, 2, 3, 4, 2, 3, 1, 4}
	setDb = []float64{1, 3, 3, 3, 2, 4, 2, 4}
)

// Set E: a category never used. a = 1,2,4,5 and b = 1,2,5,4. Linear
// kappa in disagreement form is 1 - Σ d·p_ij / Σ d·p_i·p_j with d = |i-j|
// between category indices (the 1/(k-1) factor cancels), but the indices
// depend on the categories:
//
//	5-point scale, indices 0,1,3,4: observed Σ d p = 2·1/4 = 1/2;
//	  expected: distances 1,3,4,2,3,1 sum 14, both orders 28, /16 = 7/4;
//	  kappa = 1 - (1/2)/(7/4) = 5/7
//	seen values only, indices 0..3: distances 1,2,3,1,2,1 sum 10, 20/16 = 5/4;
//	  kappa = 1 - (1/2)/(5/4) = 3/5
var (
	setEa = []float64{1, 2, 4, 5}
	setEb = []float64{1, 2, 5, 4}
)

func TestStatisticsByHand(t *testing.T) {
	const eps = 1e-9
	tests := []struct {
		name string
		got  func() (float64, error)
		want float64
	}{
		{"A percent agreement", func() (float64, error) { v, _, err := PercentAgreement(columns(setAa, setAb)); return v, err }, 4.0 / 5},
		{"A Cohen", func() (float64, error) { return CohenKappa(setAa, setAb) }, 11.0 / 21},
		{"A Fleiss equals Cohen with equal marginals", func() (float64, error) { return FleissKappa(columns(setAa, setAb)) }, 11.0 / 21},
		{"A alpha nominal", func() (float64, error) { return KrippendorffAlpha(columns(setAa, setAb), Nominal) }, 23.0 / 42},
		{"B percent agreement", func() (float64, error) { v, _, err := PercentAgreement(setB); return v, err }, 3.0 / 5},
		{"B Fleiss", func() (float64, error) { return FleissKappa(setB) }, 29.0 / 74},
		{"B alpha nominal", func() (float64, error) { return KrippendorffAlpha(setB, Nominal) }, 16.0 / 37},
		{"B alpha ordinal", func() (float64, error) { return KrippendorffAlpha(setB, Ordinal) }, 3211.0 / 7425},
		{"B alpha interval", func() (float64, error) { return KrippendorffAlpha(setB, Interval) }, 31.0 / 73},
		{"C percent agreement with missing", func() (float64, error) { v, _, err := PercentAgreement(setC); return v, err }, 7.0 / 9},
		{"C Fleiss with missing", func() (float64, error) { return FleissKappa(setC) }, 71.0 / 135},
		{"C alpha nominal with missing", func() (float64, error) { return KrippendorffAlpha(setC, Nominal) }, 8.0 / 15},
		{"C alpha ordinal with missing", func() (float64, error) { return KrippendorffAlpha(setC, Ordinal) }, 8.0 / 15},
		{"D unweighted", func() (float64, error) { return WeightedKappa(setDa, setDb, nil, Unweighted) }, 1.0 / 3},
		{"D Cohen", func() (float64, error) { return CohenKappa(setDa, setDb) }, 1.0 / 3},
		{"D linear", func() (float64, error) { return WeightedKappa(setDa, setDb, []float64{1, 2, 3, 4}, Linear) }, 11.0 / 19},
		{"D quadratic", func() (float64, error) { return WeightedKappa(setDa, setDb, []float64{1, 2, 3, 4}, Quadratic) }, 7.0 / 9},
		{"E linear on the 5-point scale", func() (float64, error) { return WeightedKappa(setEa, setEb, []float64{1, 2, 3, 4, 5}, Linear) }, 5.0 / 7},
		{"E linear on the seen values", func() (float64, error) { return WeightedKappa(setEa, setEb, nil, Linear) }, 3.0 / 5},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := tc.got()
			require.NoError(t, err)
			assert.InDelta(t, tc.want, got, eps)
		})
	}
}

func TestPercentAgreementUnits(t *testing.T) {
	_, n, err := PercentAgreement(setC)
	require.NoError(t, err)
	assert.Equal(t, 3, n, "the unit with one rating is left out")
}

func TestStatisticsPerfectAgreement(t *testing.T) {
	a := []float64{1, 0, 1, 0}
	k, err := CohenKappa(a, a)
	require.NoError(t, err)
	assert.InDelta(t, 1, k, 1e-12)
	al, err := KrippendorffAlpha(columns(a, a), Nominal)
	require.NoError(t, err)
	assert.InDelta(t, 1, al, 1e-12)
}

func TestStatisticsErrors(t *testing.T) {
	tests := []struct {
		name string
		run  func() error
		want error
	}{
		{"one rater", func() error { _, err := FleissKappa([][]float64{{1}, {0}}); return err }, ErrTooFewRaters},
		{"no table", func() error { _, _, err := PercentAgreement(nil); return err }, ErrTooFewRaters},
		{"no unit rated twice", func() error { _, err := KrippendorffAlpha([][]float64{{1, nan}, {nan, 0}}, Nominal); return err }, ErrNoData},
		{"cohen no overlap", func() error { _, err := CohenKappa([]float64{1, nan}, []float64{nan, 1}); return err }, ErrNoData},
		{"cohen lengths differ", func() error { _, err := CohenKappa([]float64{1, 0}, []float64{1}); return err }, ErrInvalid},
		{"all one category kappa", func() error { _, err := CohenKappa([]float64{1, 1}, []float64{1, 1}); return err }, ErrUndefined},
		{"all one category fleiss", func() error { _, err := FleissKappa([][]float64{{1, 1}, {1, 1}}); return err }, ErrUndefined},
		{"all one category alpha", func() error { _, err := KrippendorffAlpha([][]float64{{1, 1}, {1, 1}}, Ordinal); return err }, ErrUndefined},
		{"value not a category", func() error {
			_, err := WeightedKappa([]float64{1, 7}, []float64{1, 2}, []float64{1, 2, 3}, Linear)
			return err
		}, ErrOutOfScale},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.run()
			require.Error(t, err)
			assert.True(t, errors.Is(err, tc.want), "got %v", err)
			var fe *FieldError
			assert.True(t, errors.As(err, &fe), "a *FieldError naming the field")
		})
	}
}
