package grid

import (
	"errors"

	"github.com/purposefulcx/purposeful/internal/prose"
)

// Errors of grids and documents. Validation and decoding wrap them in a
// [*FieldError] naming the field path, so test with errors.Is.
var (
	// ErrRequired: a required field is empty.
	ErrRequired = errors.New("grid: required")
	// ErrUnknownValue: an enum has a value outside its list.
	ErrUnknownValue = errors.New("grid: unknown value")
	// ErrDuplicateID: two items of a grid (or two grids of a portfolio)
	// share an id.
	ErrDuplicateID = errors.New("grid: duplicate id")
	// ErrWrongColumn: an item's kind does not belong in its column.
	ErrWrongColumn = errors.New("grid: kind does not fit the column")
	// ErrOutOfRange: a number is outside its allowed range.
	ErrOutOfRange = errors.New("grid: out of range")
	// ErrBadLink: an evidence link is not an http or https address.
	ErrBadLink = errors.New("grid: link is not an http(s) address")
	// ErrVersion: a document has a missing or unsupported version.
	ErrVersion = errors.New("grid: unsupported version")
	// ErrSyntax: a document is not well-formed JSON.
	ErrSyntax = errors.New("grid: malformed JSON")
	// ErrUnknownField: a document has a field this version does not know.
	ErrUnknownField = errors.New("grid: unknown field")
	// ErrDuplicateKey: an object has the same key twice, or two keys that
	// differ only by case.
	ErrDuplicateKey = errors.New("grid: duplicate key")
	// ErrWrongType: a JSON value has the wrong type for its field (a
	// string where a number belongs, say).
	ErrWrongType = errors.New("grid: wrong JSON type")
	// ErrNoAdopted: a huddle plan needs at least one adopted idea.
	ErrNoAdopted = errors.New("grid: no adopted ideas")
	// ErrNotSimilar: a portfolio merge of ideas that are not both there.
	ErrNotSimilar = errors.New("grid: cannot merge these ideas")
)

// Errors about text, re-exported from the text engine so callers can test
// with errors.Is without importing it.
var (
	ErrEmpty       = prose.ErrEmpty
	ErrBlank       = prose.ErrBlank
	ErrInvalidUTF8 = prose.ErrInvalidUTF8
	ErrTooLong     = prose.ErrTooLong
)

// Span is a byte and UTF-16 range of a text.
type Span = prose.Span

// Severity ranks a warning.
type Severity = prose.Severity

// Severities.
const (
	SeverityInfo    = prose.Info
	SeverityWarning = prose.Warning
	SeverityError   = prose.Error
)

// FieldError is one problem with one field, named by its path
// ("purposeful[3].evidence[0].site").
type FieldError struct {
	Path string
	Err  error
}

func (e *FieldError) Error() string {
	if e.Path == "" {
		return e.Err.Error()
	}
	return e.Path + ": " + e.Err.Error()
}

func (e *FieldError) Unwrap() error { return e.Err }

func fieldErr(path string, err error) error { return &FieldError{Path: path, Err: err} }

func fieldErrf(path string, base error, format string, args ...any) error {
	return &FieldError{Path: path, Err: errorf(base, format, args...)}
}

// asFieldError is errors.As for [*FieldError] along a chain of single
// wraps, written out: errors.As brings a reflection package (about 15 KB
// of code) into every wasm program that links grid.
func asFieldError(err error) *FieldError {
	for err != nil {
		if fe, ok := err.(*FieldError); ok {
			return fe
		}
		u, ok := err.(interface{ Unwrap() error })
		if !ok {
			return nil
		}
		err = u.Unwrap()
	}
	return nil
}
