package standards

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// calibrationBook: ann and bo rate ten interactions blind; cy joins for
// the first five, rating only "name" (made a 3-point criterion).
//
//	greet (binary, ann & bo): set A → Cohen 11/21, alpha 23/42, agreement 0.8
//	name (3-point, ann, bo, cy on i1..i5): set B → Fleiss 29/74, ordinal alpha 3211/7425
//	walk (binary, ann & bo): nine 1-1, one 1-0 → agreement 0.9, p_e = 0.9, kappa 0
//	id (binary): everyone 1 → kappa and alpha undefined
func calibrationBook(t *testing.T) *Book {
	b := testBook()
	b.Scorecards[0].Sections[0].Criteria[1].Scale = ThreePoint
	at := func(u int) time.Time { return day0.Add(time.Duration(u) * time.Hour) }
	for u := range 10 {
		in := fmt.Sprintf("i%02d", u+1)
		for rater, col := range map[string]int{"ann": 0, "bo": 1} {
			rs := []Rating{r("greet", int([][]float64{setAa, setAb}[col][u])), r("id", 1)}
			walk := 1
			if u == 9 && rater == "bo" {
				walk = 0
			}
			rs = append(rs, r("walk", walk))
			if u < 5 {
				rs = append(rs, r("name", int(setB[u][col])))
			}
			require.NoError(t, b.Record(obs(in+"-"+rater, rater, "dee", in, at(u), rs...)))
		}
		if u < 5 {
			require.NoError(t, b.Record(obs(in+"-cy", "cy", "dee", in, at(u), r("name", int(setB[u][2])))))
		}
	}
	return b
}

func TestCalibrateByHand(t *testing.T) {
	b := calibrationBook(t)
	cal, err := b.Calibrate(CalibrationSettings{})
	require.NoError(t, err)
	const eps = 1e-9
	assert.Equal(t, []string{"ann", "bo", "cy"}, cal.Raters)
	assert.Equal(t, 10, cal.Units)
	by := map[string]Agreement{}
	for _, a := range cal.Standards {
		by[a.Standard] = a
	}

	greet := by["greet"]
	assert.Equal(t, "cohen", greet.KappaKind)
	assert.Equal(t, 2, greet.Raters)
	assert.Equal(t, 10, greet.Units)
	assert.Equal(t, 20, greet.Ratings)
	assert.InDelta(t, 0.8, greet.PercentAgreement, eps)
	require.NotNil(t, greet.Kappa)
	assert.InDelta(t, 11.0/21, *greet.Kappa, eps)
	require.NotNil(t, greet.Alpha)
	assert.InDelta(t, 23.0/42, *greet.Alpha, eps)
	assert.Equal(t, Nominal, greet.AlphaLevel)
	assert.Nil(t, greet.LinearKappa, "binary scale: no weighted kappa")
	assert.True(t, greet.Low)

	name := by["name"]
	assert.Equal(t, "fleiss", name.KappaKind)
	assert.Equal(t, 3, name.Raters)
	assert.Equal(t, 5, name.Units)
	assert.InDelta(t, 0.6, name.PercentAgreement, eps)
	assert.InDelta(t, 29.0/74, *name.Kappa, eps)
	assert.Equal(t, Ordinal, name.AlphaLevel)
	assert.InDelta(t, 3211.0/7425, *name.Alpha, eps)
	assert.Contains(t, name.Warnings, "small sample: 5 interactions")

	walk := by["walk"]
	assert.InDelta(t, 0.9, walk.PercentAgreement, eps)
	assert.InDelta(t, 0, *walk.Kappa, eps)
	assert.True(t, walk.Low)
	require.NotEmpty(t, walk.Warnings)
	assert.Contains(t, walk.Warnings[0], "prevalence", "high agreement with low kappa is flagged")

	id := by["id"]
	assert.Nil(t, id.Kappa)
	assert.Nil(t, id.Alpha)
	assert.InDelta(t, 1, id.PercentAgreement, eps)
	assert.False(t, id.Low, "perfect agreement is not low")

	var rewrite []string
	for _, rw := range cal.Rewrite {
		rewrite = append(rewrite, rw.Standard)
		assert.NotEmpty(t, rw.Reasons)
		assert.NotEmpty(t, rw.Statement)
	}
	assert.Equal(t, []string{"greet", "name", "walk"}, rewrite)
}

func TestCalibrateWeightedKappaTwoRaters(t *testing.T) {
	b := testBook()
	for u := range setDa {
		in := fmt.Sprintf("i%d", u)
		require.NoError(t, b.Record(obs(in+"a", "ann", "dee", in, day0, r("name", int(setDa[u])))))
		require.NoError(t, b.Record(obs(in+"b", "bo", "dee", in, day0, r("name", int(setDb[u])))))
	}
	cal, err := b.Calibrate(CalibrationSettings{})
	require.NoError(t, err)
	require.Len(t, cal.Standards, 1)
	a := cal.Standards[0]
	assert.InDelta(t, 1.0/3, *a.Kappa, 1e-9)
	assert.InDelta(t, 11.0/19, *a.LinearKappa, 1e-9)
	assert.InDelta(t, 7.0/9, *a.QuadraticKappa, 1e-9)
	assert.Contains(t, cal.Warnings[0], "only 8 interactions")
}

func TestCalibrateThresholdsAreSettable(t *testing.T) {
	b := calibrationBook(t)
	cal, err := b.Calibrate(CalibrationSettings{KappaMin: 0.5, AlphaMin: 0.5})
	require.NoError(t, err)
	assert.False(t, slices.ContainsFunc(cal.Rewrite, func(r Rewrite) bool { return r.Standard == "greet" }), "greet: kappa 0.52 and alpha 0.55 pass 0.5")
	cal, err = b.Calibrate(CalibrationSettings{KappaMin: 0.5})
	require.NoError(t, err)
	assert.True(t, slices.ContainsFunc(cal.Rewrite, func(r Rewrite) bool { return r.Standard == "greet" }), "alpha 0.55 is still under 0.667")
}

func TestCalibrateRewriteCarriesLint(t *testing.T) {
	b := calibrationBook(t)
	b.Standards[2].Statement = "Walk guests with heavy bags to the lift as needed."
	cal, err := b.Calibrate(CalibrationSettings{})
	require.NoError(t, err)
	i := slices.IndexFunc(cal.Rewrite, func(r Rewrite) bool { return r.Standard == "walk" })
	require.GreaterOrEqual(t, i, 0)
	assert.Contains(t, rulesOf(cal.Rewrite[i].Findings), RuleVague)
}

func TestCalibrateErrors(t *testing.T) {
	b := testBook()
	require.NoError(t, b.Record(obs("o1", "ann", "bo", "i1", day0, r("greet", 1))))
	require.NoError(t, b.Record(obs("o2", "ann", "bo", "i2", day0, r("greet", 0))))
	_, err := b.Calibrate(CalibrationSettings{})
	require.ErrorIs(t, err, ErrTooFewRaters)
	var fe *FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "observations", fe.Field)

	require.NoError(t, b.Record(obs("o3", "cy", "bo", "i3", day0, r("greet", 0))))
	_, err = b.Calibrate(CalibrationSettings{})
	require.ErrorIs(t, err, ErrNoData, "two raters who never rated the same interaction")

	_, err = b.Calibrate(CalibrationSettings{Scorecard: "other"})
	require.ErrorIs(t, err, ErrTooFewRaters)
}

func TestCalibrateLaterObservationReplaces(t *testing.T) {
	b := testBook()
	for u := range 4 {
		in := fmt.Sprintf("i%d", u)
		require.NoError(t, b.Record(obs(in+"a", "ann", "dee", in, day0, r("greet", u%2))))
		require.NoError(t, b.Record(obs(in+"b", "bo", "dee", in, day0, r("greet", 1-u%2))))
		require.NoError(t, b.Record(obs(in+"b2", "bo", "dee", in, day0, r("greet", u%2))))
	}
	cal, err := b.Calibrate(CalibrationSettings{})
	require.NoError(t, err)
	assert.InDelta(t, 1, cal.Standards[0].PercentAgreement, 1e-12)
}
