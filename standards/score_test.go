package standards

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCriterionScore(t *testing.T) {
	tests := []struct {
		scale Scale
		value int
		want  float64
	}{
		{Binary, 0, 0}, {Binary, 1, 1},
		{ThreePoint, 1, 0}, {ThreePoint, 2, 0.5}, {ThreePoint, 3, 1},
		{FourPoint, 2, 1.0 / 3}, {FourPoint, 3, 2.0 / 3},
		{FivePoint, 2, 0.25}, {FivePoint, 4, 0.75}, {FivePoint, 5, 1},
	}
	for _, tc := range tests {
		t.Run(tc.scale.String(), func(t *testing.T) {
			assert.InDelta(t, tc.want, CriterionScore(tc.value, tc.scale), 1e-12)
		})
	}
}

// The reviews below are worked by hand against testBook's scorecard:
// Arrival greet (binary, w2), name (4-point, w1, N/A); Departure walk
// (binary, w1, N/A, fails its section), id (binary, w1, the standard
// fails the review); bonus Extras surprise (binary, w1, N/A).
func TestReviewByHand(t *testing.T) {
	tests := []struct {
		name     string
		ratings  []Rating
		score    float64
		base     float64
		bonus    float64
		sections []float64
		failed   Critical
	}{
		{
			// arrival (2·1 + 1·2/3)/3 = 8/9; departure 1; regular (2 + 2/3 + 1 + 1)/5 = 14/15; bonus 1/5
			name:    "all rated with a bonus",
			ratings: []Rating{r("greet", 1), r("name", 3), r("walk", 1), r("id", 1), r("surprise", 1)},
			score:   17.0 / 15, base: 14.0 / 15, bonus: 1.0 / 5, sections: []float64{8.0 / 9, 1, 1},
		},
		{
			// walk under 50% fails Departure: regular (2·1 + 0 + 0)/(2 + 1 + 1) = 1/2
			name:    "section-critical failure",
			ratings: []Rating{r("greet", 1), na("name"), r("walk", 0), r("id", 1), na("surprise")},
			score:   0.5, base: 0.5, sections: []float64{1, 0, 0},
		},
		{
			name:    "review-critical failure zeroes everything",
			ratings: []Rating{r("greet", 1), r("name", 4), r("walk", 1), r("id", 0), r("surprise", 1)},
			score:   0, base: 0, sections: []float64{1, 0, 1}, failed: FailsReview,
		},
		{
			// walk 0 but purposeful: counts as met (1), no section failure; (2+1+1+1)/5 = 1
			name:    "purposeful deviation counts as met",
			ratings: []Rating{r("greet", 1), r("name", 4), {Standard: "walk", Value: 0, Deviation: Purposeful}, r("id", 1), r("surprise", 0)},
			score:   1, base: 1, sections: []float64{1, 1, 0},
		},
		{
			// greet needs correction: 0; name 1 of 4-point: 0; (0 + 0 + 1 + 1)/5 = 2/5
			name:    "needs correction scores as rated",
			ratings: []Rating{{Standard: "greet", Value: 0, Deviation: NeedsCorrection}, r("name", 1), r("walk", 1), r("id", 1)},
			score:   0.4, base: 0.4, sections: []float64{0, 1, 0},
		},
	}
	b := testBook()
	sc, err := NewScorer(&b.Scorecards[0], b.Standards)
	require.NoError(t, err)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := obs("o", "ann", "bo", "i1", day0, tc.ratings...)
			rv, err := sc.Score(&o)
			require.NoError(t, err)
			assert.True(t, rv.Scored)
			assert.InDelta(t, tc.score, rv.Score, 1e-12, "score")
			assert.InDelta(t, tc.base, rv.Base, 1e-12, "base")
			assert.InDelta(t, tc.bonus, rv.Bonus, 1e-12, "bonus")
			assert.Equal(t, tc.failed, rv.Failed)
			require.Len(t, rv.Sections, 3)
			for i, want := range tc.sections {
				assert.InDelta(t, want, rv.Sections[i].Score, 1e-12, "section %d", i)
			}
		})
	}
}

func TestReviewAllNA(t *testing.T) {
	b := testBook()
	b.Scorecards[0].Sections[0].Criteria[0].NA = true
	b.Scorecards[0].Sections[1].Criteria[1].NA = true
	sc, err := NewScorer(&b.Scorecards[0], b.Standards)
	require.NoError(t, err)
	o := obs("o", "ann", "bo", "i1", day0, na("greet"), na("name"), na("walk"), na("id"))
	rv, err := sc.Score(&o)
	require.NoError(t, err)
	assert.False(t, rv.Scored, "nothing rated, nothing scored")
	assert.Zero(t, rv.Score)
}

// randomCard builds a scorecard over testBook's standards with random
// weights and scales, every criterion N/A-allowed.
func randomCard(rng *rand.Rand, bonus bool) *Scorecard {
	ids := []string{"greet", "name", "walk", "id", "surprise"}
	c := &Scorecard{ID: "rand", Sections: []Section{{Name: "A"}, {Name: "B"}}}
	if bonus {
		c.Sections = append(c.Sections, Section{Name: "Bonus", Bonus: true})
	}
	for i, id := range ids {
		sec := i % len(c.Sections)
		c.Sections[sec].Criteria = append(c.Sections[sec].Criteria, Criterion{Standard: id, Weight: 0.1 + rng.Float64()*5, Scale: Scale(rng.IntN(4)), NA: true, Critical: Critical(rng.IntN(3))})
	}
	return c
}

func randomRatings(rng *rand.Rand, c *Scorecard) []Rating {
	var out []Rating
	for _, sec := range c.Sections {
		for _, cr := range sec.Criteria {
			rt := Rating{Standard: cr.Standard, Value: cr.Scale.Min() + rng.IntN(cr.Scale.Max()-cr.Scale.Min()+1)}
			switch rng.IntN(6) {
			case 0:
				rt.NA = true
			case 1:
				rt.Deviation = Purposeful
			case 2:
				rt.Deviation = NeedsCorrection
			}
			out = append(out, rt)
		}
	}
	return out
}

func TestScoreProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	b := testBook()
	for i := range 2000 {
		bonus := i%2 == 0
		card := randomCard(rng, bonus)
		sc, err := NewScorer(card, b.Standards)
		require.NoError(t, err)
		o := obs("o", "ann", "bo", "i", day0, randomRatings(rng, card)...)
		o.Scorecard = card.ID
		rv, err := sc.Score(&o)
		require.NoError(t, err)

		// In [0,1] unless bonus: the base always, the score without bonus.
		assert.GreaterOrEqual(t, rv.Base, 0.0)
		assert.LessOrEqual(t, rv.Base, 1.0+1e-12)
		if !bonus {
			assert.Equal(t, rv.Base, rv.Score)
		} else {
			assert.GreaterOrEqual(t, rv.Score, rv.Base)
		}

		// Weights are scale-free.
		k := []float64{0.001, 0.5, 3, 1000}[i%4]
		scaled := *card
		scaled.Sections = make([]Section, len(card.Sections))
		for s, sec := range card.Sections {
			scaled.Sections[s] = sec
			scaled.Sections[s].Criteria = make([]Criterion, len(sec.Criteria))
			for c, cr := range sec.Criteria {
				cr.Weight *= k
				scaled.Sections[s].Criteria[c] = cr
			}
		}
		sc2, err := NewScorer(&scaled, b.Standards)
		require.NoError(t, err)
		rv2, err := sc2.Score(&o)
		require.NoError(t, err)
		assert.InDelta(t, rv.Score, rv2.Score, 1e-9, "weights scaled by %v", k)

		// N/A never changes the others: a review with criterion X N/A scores
		// the same as the review on a card without X.
		x := o.Ratings[rng.IntN(len(o.Ratings))].Standard
		withNA := o
		withNA.Ratings = append([]Rating(nil), o.Ratings...)
		var without []Rating
		for j := range withNA.Ratings {
			if withNA.Ratings[j].Standard == x {
				withNA.Ratings[j].NA = true
			} else {
				without = append(without, withNA.Ratings[j])
			}
		}
		rvNA, err := sc.Score(&withNA)
		require.NoError(t, err)
		smaller := Scorecard{ID: "rand"}
		for _, sec := range card.Sections {
			var crit []Criterion
			for _, cr := range sec.Criteria {
				if cr.Standard != x {
					crit = append(crit, cr)
				}
			}
			sec.Criteria = crit
			if len(crit) == 0 {
				sec.Criteria = []Criterion{{Standard: "unused-" + sec.Name, Weight: 1}}
			}
			smaller.Sections = append(smaller.Sections, sec)
		}
		stds := append(append([]Standard(nil), b.Standards...), Standard{ID: "unused-A"}, Standard{ID: "unused-B"}, Standard{ID: "unused-Bonus"})
		sc3, err := NewScorer(&smaller, stds)
		require.NoError(t, err)
		oWithout := o
		oWithout.Ratings = without
		rv3, err := sc3.Score(&oWithout)
		require.NoError(t, err)
		assert.Equal(t, rv3.Scored, rvNA.Scored)
		assert.InDelta(t, rv3.Score, rvNA.Score, 1e-9, "N/A on %s", x)
		for s := range rvNA.Sections {
			if rvNA.Sections[s].Rated {
				assert.InDelta(t, rv3.Sections[s].Score, rvNA.Sections[s].Score, 1e-9)
			}
		}
	}
}

func TestScorerRejectsBadRatings(t *testing.T) {
	b := testBook()
	sc, err := NewScorer(&b.Scorecards[0], b.Standards)
	require.NoError(t, err)
	tests := []struct {
		name  string
		rt    Rating
		want  error
		field string
	}{
		{"off the scale", r("name", 5), ErrOutOfScale, "ratings[0].value"},
		{"binary 2", r("greet", 2), ErrOutOfScale, "ratings[0].value"},
		{"N/A not allowed", na("greet"), ErrNANotAllowed, "ratings[0].na"},
		{"unknown standard", r("nope", 1), ErrUnknownStandard, "ratings[0].standard"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := obs("o", "a", "b", "i", day0, tc.rt)
			_, err := sc.Score(&o)
			require.ErrorIs(t, err, tc.want)
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
		})
	}
}

func TestScorerOtherScorecard(t *testing.T) {
	b := testBook()
	sc, err := NewScorer(&b.Scorecards[0], b.Standards)
	require.NoError(t, err)
	o := obs("o", "a", "b", "i", day0, r("greet", 1))
	o.Scorecard = "other"
	_, err = sc.Score(&o)
	require.ErrorIs(t, err, ErrUnknownScorecard)
}

func TestNewScorerUnknownStandard(t *testing.T) {
	b := testBook()
	_, err := NewScorer(&b.Scorecards[0], b.Standards[:2])
	require.ErrorIs(t, err, ErrUnknownStandard)
	assert.Contains(t, err.Error(), "sections[1].criteria[0].standard")
}
