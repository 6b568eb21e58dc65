package standards

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func snapshot(b *Book) []Observation {
	out := slices.Clone(b.Observations)
	for i := range out {
		out[i].Ratings = slices.Clone(out[i].Ratings)
		if d := out[i].Dispute; d != nil {
			c := *d
			out[i].Dispute = &c
		}
	}
	return out
}

func TestRecordRejectsBadInput(t *testing.T) {
	tests := []struct {
		name  string
		o     Observation
		want  error
		field string
	}{
		{"rating outside its scale", obs("n", "ann", "bo", "i9", day0, r("greet", 1), r("name", 7)), ErrOutOfScale, "ratings[1].value"},
		{"N/A where not allowed", obs("n", "ann", "bo", "i9", day0, na("id")), ErrNANotAllowed, "ratings[0].na"},
		{"unknown standard", obs("n", "ann", "bo", "i9", day0, r("smile", 1)), ErrUnknownStandard, "ratings[0].standard"},
		{"standard rated twice", obs("n", "ann", "bo", "i9", day0, r("greet", 1), r("greet", 0)), ErrDuplicate, "ratings[1].standard"},
		{"unknown scorecard", func() Observation { o := obs("n", "ann", "bo", "i9", day0, r("greet", 1)); o.Scorecard = "x"; return o }(), ErrUnknownScorecard, "scorecard"},
		{"duplicate id", obs("o1", "ann", "bo", "i9", day0, r("greet", 1)), ErrDuplicate, "id"},
		{"no observer", obs("n", "", "bo", "i9", day0, r("greet", 1)), ErrMissing, "observer"},
		{"no ratings", obs("n", "ann", "bo", "i9", day0), ErrMissing, "ratings"},
		{"bad mode", func() Observation { o := obs("n", "ann", "bo", "i9", day0, r("greet", 1)); o.Mode = 9; return o }(), ErrInvalid, "mode"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := testBook()
			require.NoError(t, b.Record(obs("o1", "ann", "bo", "i1", day0, r("greet", 1))))
			before := snapshot(b)
			err := b.Record(tc.o)
			require.ErrorIs(t, err, tc.want)
			var fe *FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, tc.field, fe.Field)
			assert.Equal(t, before, b.Observations, "nothing recorded changes")
		})
	}
}

func TestRecordReportsEveryProblem(t *testing.T) {
	b := testBook()
	err := b.Record(obs("n", "", "bo", "i9", day0, r("name", 0), na("id"), r("x", 1)))
	require.Error(t, err)
	for _, want := range []error{ErrMissing, ErrOutOfScale, ErrNANotAllowed, ErrUnknownStandard} {
		assert.ErrorIs(t, err, want)
	}
	assert.Empty(t, b.Observations)
}

func TestRecordCopiesRatings(t *testing.T) {
	b := testBook()
	rs := []Rating{r("greet", 1)}
	require.NoError(t, b.Record(obs("o1", "ann", "bo", "i1", day0, rs...)))
	rs[0].Value = 0
	assert.Equal(t, 1, b.Observation("o1").Ratings[0].Value, "the caller's slice is not shared")
}

func TestDisputeLifecycle(t *testing.T) {
	tests := []struct {
		name    string
		outcome Outcome
		revised []Rating
		want    []Rating
	}{
		{"accepted with new ratings", Accepted, []Rating{r("greet", 1), r("id", 1)}, []Rating{r("greet", 1), r("id", 1)}},
		{"partly accepted", PartlyAccepted, []Rating{r("greet", 0), r("id", 1)}, []Rating{r("greet", 0), r("id", 1)}},
		{"rejected keeps ratings", Rejected, nil, []Rating{r("greet", 0), r("id", 0)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := testBook()
			require.NoError(t, b.Record(obs("o1", "ann", "bo", "i1", day0, r("greet", 0), r("id", 0))))
			require.NoError(t, b.Dispute("o1", "bo", "The ID was checked at the car park.", day0))
			require.ErrorIs(t, b.Dispute("o1", "bo", "again", day0), ErrDisputed)
			require.ErrorIs(t, b.Amend("o1", []Rating{r("greet", 1)}), ErrDisputed)
			require.NoError(t, b.Resolve("o1", tc.outcome, "checked the footage", tc.revised, day0))
			o := b.Observation("o1")
			assert.True(t, o.Locked())
			assert.Equal(t, tc.want, o.Ratings)
			if tc.revised != nil {
				assert.Equal(t, []Rating{r("greet", 0), r("id", 0)}, o.Dispute.Original, "originals kept")
			}
			before := snapshot(b)
			assert.ErrorIs(t, b.Resolve("o1", Accepted, "", []Rating{r("greet", 1)}, day0), ErrLocked)
			assert.ErrorIs(t, b.Dispute("o1", "bo", "once more", day0), ErrLocked)
			assert.ErrorIs(t, b.Amend("o1", []Rating{r("greet", 1)}), ErrLocked)
			assert.Equal(t, before, b.Observations, "locked scores do not change")
			rv, err := b.Reviews()
			require.NoError(t, err)
			assert.True(t, rv[0].Locked)
		})
	}
}

func TestDisputeBadInput(t *testing.T) {
	b := testBook()
	require.NoError(t, b.Record(obs("o1", "ann", "bo", "i1", day0, r("greet", 0))))
	assert.ErrorIs(t, b.Dispute("zz", "bo", "c", day0), ErrNotFound)
	assert.ErrorIs(t, b.Dispute("o1", "bo", " ", day0), ErrMissing)
	assert.ErrorIs(t, b.Resolve("o1", Accepted, "", nil, day0), ErrNotDisputed)
	require.NoError(t, b.Dispute("o1", "bo", "I did greet them.", day0))
	before := snapshot(b)
	assert.ErrorIs(t, b.Resolve("o1", Rejected, "", []Rating{r("greet", 1)}, day0), ErrInvalid)
	assert.ErrorIs(t, b.Resolve("o1", Accepted, "", []Rating{r("greet", 3)}, day0), ErrOutOfScale)
	assert.ErrorIs(t, b.Resolve("o1", Open, "", nil, day0), ErrInvalid)
	assert.Equal(t, before, b.Observations, "failed resolutions change nothing")
	assert.False(t, b.Observation("o1").Locked())
}

func TestAmend(t *testing.T) {
	b := testBook()
	require.NoError(t, b.Record(obs("o1", "ann", "bo", "i1", day0, r("greet", 0))))
	require.NoError(t, b.Amend("o1", []Rating{r("greet", 1)}))
	assert.Equal(t, 1, b.Observation("o1").Ratings[0].Value)
	err := b.Amend("o1", []Rating{na("greet")})
	assert.ErrorIs(t, err, ErrNANotAllowed)
	assert.Equal(t, 1, b.Observation("o1").Ratings[0].Value)
	assert.ErrorIs(t, b.Amend("nope", nil), ErrNotFound)
}

func TestRatingMet(t *testing.T) {
	tests := []struct {
		rt    Rating
		scale Scale
		want  bool
	}{
		{r("a", 1), Binary, true},
		{r("a", 0), Binary, false},
		{Rating{Value: 0, Deviation: Purposeful}, Binary, true},
		{Rating{Value: 1, NA: true}, Binary, false},
		{r("a", 2), ThreePoint, true},
		{r("a", 2), FourPoint, false},
		{r("a", 3), FivePoint, true},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.rt.Met(tc.scale), "%+v on %s", tc.rt, tc.scale)
	}
}

func TestBookValidate(t *testing.T) {
	tests := []struct {
		name  string
		edit  func(b *Book)
		want  error
		field string
	}{
		{"wrong version", func(b *Book) { b.Version = "x" }, ErrVersion, "version"},
		{"empty statement", func(b *Book) { b.Standards[1].Statement = " " }, ErrMissing, "standards[1].statement"},
		{"unknown priority", func(b *Book) { b.Standards[0].Priority = "speed" }, ErrUnknownPriority, "standards[0].priority"},
		{"duplicate code", func(b *Book) { b.Standards[1].Code = "CI-01" }, ErrDuplicate, "standards[1].code"},
		{"threshold without unit", func(b *Book) { b.Standards[0].Method.Unit = "" }, ErrMissing, "standards[0].method.unit"},
		{"threshold without value", func(b *Book) { b.Standards[0].Method.Value = 0 }, ErrInvalid, "standards[0].method.value"},
		{"yes/no with a value", func(b *Book) { b.Standards[1].Method.Value = 3 }, ErrInvalid, "standards[1].method"},
		{"negative weight", func(b *Book) { b.Scorecards[0].Sections[0].Criteria[1].Weight = -1 }, ErrWeight, "scorecards[0].sections[0].criteria[1].weight"},
		{"weights sum to zero", func(b *Book) {
			b.Scorecards[0].Sections[1].Criteria[0].Weight = 0
			b.Scorecards[0].Sections[1].Criteria[1].Weight = 0
		}, ErrWeight, "scorecards[0].sections[1].criteria"},
		{"criterion for an unknown standard", func(b *Book) { b.Scorecards[0].Sections[2].Criteria[0].Standard = "x" }, ErrUnknownStandard, "scorecards[0].sections[2].criteria[0].standard"},
		{"observation off the scale", func(b *Book) { b.Observations[0].Ratings[0].Value = 4 }, ErrOutOfScale, "observations[0].ratings[0].value"},
		{"bad status", func(b *Book) { b.Standards[2].Status = 7 }, ErrInvalid, "standards[2].status"},
		{"invalid UTF-8", func(b *Book) { b.Standards[2].Rationale = "\xff" }, ErrInvalidUTF8, "standards[2].rationale"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := testBook()
			require.NoError(t, b.Record(obs("o1", "ann", "bo", "i1", day0, r("greet", 1))))
			require.NoError(t, b.Validate())
			tc.edit(b)
			err := b.Validate()
			require.ErrorIs(t, err, tc.want)
			found := false
			for _, e := range flatten(err) {
				var fe *FieldError
				if errors.As(e, &fe) && fe.Field == tc.field && errors.Is(fe, tc.want) {
					found = true
				}
			}
			assert.True(t, found, "no %v at %s in %v", tc.want, tc.field, err)
		})
	}
}

func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flatten(e)...)
		}
		return out
	}
	return []error{err}
}

func TestStandardValidateReportsAll(t *testing.T) {
	var s Standard
	err := s.Validate()
	require.Error(t, err)
	var fields []string
	for _, e := range flatten(err) {
		var fe *FieldError
		require.ErrorAs(t, e, &fe)
		fields = append(fields, fe.Field)
	}
	assert.Equal(t, []string{"id", "code", "position", "process", "statement"}, fields)
	assert.True(t, reflect.DeepEqual(Standard{}, s), "validation does not change the standard")
}

func TestAddStandardAndScorecard(t *testing.T) {
	b := testBook()
	n := len(b.Standards)
	s := b.Standards[0]
	err := b.AddStandard(s)
	assert.ErrorIs(t, err, ErrDuplicate)
	s.ID, s.Code, s.Priority = "new", "CI-99", "speed"
	assert.ErrorIs(t, b.AddStandard(s), ErrUnknownPriority)
	assert.Len(t, b.Standards, n, "rejected standards are not added")
	s.Priority = "show"
	require.NoError(t, b.AddStandard(s))
	assert.Len(t, b.Standards, n+1)

	tests := []struct {
		name  string
		edit  func(c *Scorecard)
		want  error
		field string
	}{
		{"negative weight", func(c *Scorecard) { c.Sections[0].Criteria[0].Weight = -2 }, ErrWeight, "sections[0].criteria[0].weight"},
		{"weights sum to zero", func(c *Scorecard) {
			c.Sections[0].Criteria[0].Weight = 0
			c.Sections[0].Criteria[1].Weight = 0
		}, ErrWeight, "sections[0].criteria"},
		{"unknown standard", func(c *Scorecard) { c.Sections[1].Criteria[0].Standard = "x" }, ErrUnknownStandard, "sections[1].criteria[0].standard"},
		{"duplicate id", func(c *Scorecard) { c.ID = "checkin" }, ErrDuplicate, "id"},
		{"bad scale", func(c *Scorecard) { c.Sections[0].Criteria[1].Scale = 8 }, ErrInvalid, "sections[0].criteria[1].scale"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := testBook()
			c := b.Scorecards[0]
			c.ID = "second"
			c.Sections = slices.Clone(c.Sections)
			for i := range c.Sections {
				c.Sections[i].Criteria = slices.Clone(c.Sections[i].Criteria)
			}
			tc.edit(&c)
			err := b.AddScorecard(c)
			require.ErrorIs(t, err, tc.want)
			found := false
			for _, e := range flatten(err) {
				var fe *FieldError
				if errors.As(e, &fe) && fe.Field == tc.field {
					found = true
				}
			}
			assert.True(t, found, "no error at %s in %v", tc.field, err)
			assert.Len(t, b.Scorecards, 1, "nothing recorded changes")
		})
	}
	c := b.Scorecards[0]
	c.ID = "second"
	require.NoError(t, b.AddScorecard(c))
	assert.Len(t, b.Scorecards, 2)
}
