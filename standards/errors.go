package standards

import (
	"errors"
	"fmt"

	"github.com/purposefulcx/purposeful/internal/prose"
)

// Errors of the text checks, re-exported from the text engine so callers
// can test with errors.Is without importing it.
var (
	ErrEmpty       = prose.ErrEmpty
	ErrBlank       = prose.ErrBlank
	ErrInvalidUTF8 = prose.ErrInvalidUTF8
	ErrTooLong     = prose.ErrTooLong
)

// Sentinel errors. Validation and recording wrap them in a [*FieldError]
// that names the field; test for them with errors.Is.
var (
	// ErrMissing: a required field is empty.
	ErrMissing = errors.New("standards: missing")
	// ErrInvalid: a field has a value that is not allowed (a bad enum, a
	// threshold without a unit).
	ErrInvalid = errors.New("standards: invalid value")
	// ErrDuplicate: an id is used twice.
	ErrDuplicate = errors.New("standards: duplicate id")
	// ErrUnknownStandard: a scorecard criterion or a rating names a standard
	// that does not exist (or is not on the scorecard).
	ErrUnknownStandard = errors.New("standards: unknown standard")
	// ErrUnknownScorecard: an observation names a scorecard that does not exist.
	ErrUnknownScorecard = errors.New("standards: unknown scorecard")
	// ErrUnknownPriority: a standard's priority key is not in the
	// organisation's ordered list.
	ErrUnknownPriority = errors.New("standards: unknown priority")
	// ErrOutOfScale: a rating lies outside its criterion's scale.
	ErrOutOfScale = errors.New("standards: rating outside its scale")
	// ErrNANotAllowed: a rating is N/A where its criterion does not allow it.
	ErrNANotAllowed = errors.New("standards: N/A not allowed")
	// ErrWeight: a weight is negative, not finite, or the weights of a
	// section sum to zero.
	ErrWeight = errors.New("standards: bad weight")
	// ErrTooFewRaters: a calibration needs at least two raters.
	ErrTooFewRaters = errors.New("standards: fewer than two raters")
	// ErrNoData: a statistic has nothing to work on (no unit rated twice).
	ErrNoData = errors.New("standards: no data")
	// ErrUndefined: a statistic is undefined for the data, typically
	// because every rating falls in one category (no variation).
	ErrUndefined = errors.New("standards: statistic undefined")
	// ErrNotFound: an observation id that does not exist.
	ErrNotFound = errors.New("standards: not found")
	// ErrLocked: the observation's dispute is resolved and its scores are
	// locked.
	ErrLocked = errors.New("standards: scores are locked")
	// ErrDisputed: the observation already has an open dispute.
	ErrDisputed = errors.New("standards: already disputed")
	// ErrNotDisputed: a resolution for an observation with no open dispute.
	ErrNotDisputed = errors.New("standards: not disputed")
	// ErrVersion: a document's version is not [Version].
	ErrVersion = errors.New("standards: unsupported version")
)

// FieldError is a problem with one field, named by its JSON path
// ("observations[3].ratings[2].value"). Err is one of the sentinel errors;
// Detail says more in a few words.
type FieldError struct {
	Field  string
	Err    error
	Detail string
}

func (e *FieldError) Error() string {
	if e.Detail == "" {
		return fmt.Sprintf("%s: %v", e.Field, e.Err)
	}
	return fmt.Sprintf("%s: %v: %s", e.Field, e.Err, e.Detail)
}

func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(field string, err error, detail string, args ...any) *FieldError {
	if len(args) > 0 {
		detail = fmt.Sprintf(detail, args...)
	}
	return &FieldError{Field: field, Err: err, Detail: detail}
}

// prefix returns err with every FieldError's path prefixed by p (joined
// errors are walked).
func prefix(p string, err error) error {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		errs := j.Unwrap()
		out := make([]error, len(errs))
		for i, e := range errs {
			out[i] = prefix(p, e)
		}
		return errors.Join(out...)
	}
	var fe *FieldError
	if errors.As(err, &fe) {
		c := *fe
		if c.Field == "" {
			c.Field = p
		} else {
			c.Field = p + "." + c.Field
		}
		return &c
	}
	return fmt.Errorf("%s: %w", p, err)
}
