package purpose

import (
	"errors"

	"github.com/purposefulcx/purposeful/internal/prose"
)

// Span is a half-open range of the analysed text in bytes (Start, End) and
// in UTF-16 code units (Start16, End16), the way browsers index strings.
type Span = prose.Span

// Finding is one observation about a text: rule id, severity, message,
// why it matters, where it is and what to write instead.
type Finding = prose.Finding

// Severity ranks a [Finding]: Info, Warning or Error.
type Severity = prose.Severity

// Readability holds the readability figures of a text.
type Readability = prose.Readability

// InputError describes text that cannot be analysed; its Err is one of
// [ErrEmpty], [ErrBlank], [ErrInvalidUTF8] or [ErrTooLong].
type InputError = prose.InputError

// Severities of a [Finding].
const (
	Info    = prose.Info
	Warning = prose.Warning
	Error   = prose.Error
)

// Errors about the input text, returned wrapped in an [*InputError] by
// [Analyze], [Classify] and every other function that reads text. Test
// with errors.Is.
var (
	ErrEmpty       = prose.ErrEmpty       // the text is empty
	ErrBlank       = prose.ErrBlank       // the text has only white space
	ErrInvalidUTF8 = prose.ErrInvalidUTF8 // the text is not valid UTF-8 (InputError.Offset says where)
	ErrTooLong     = prose.ErrTooLong     // the text is over MaxLen bytes
)

// Errors about values that callers fill in.
var (
	// ErrUnknownKind is returned when decoding an item kind, verdict or
	// level name that does not exist.
	ErrUnknownKind = errors.New("purpose: unknown name")
	// ErrInvalid is wrapped by every Validate error of this package.
	ErrInvalid = errors.New("purpose: invalid")
)

// MaxLen is the longest text, in bytes, that the functions of this
// package accept.
const MaxLen = prose.DefaultMaxLen

// wrapped is the error of fmt.Errorf("%w: ...") without package fmt (which
// costs the browser page about 100 KB of code): msg is the whole message
// and err the one wrapped error.
type wrapped struct {
	msg string
	err error
}

func (e *wrapped) Error() string { return e.msg }
func (e *wrapped) Unwrap() error { return e.err }

// wrappedAll is fmt.Errorf("%w: ...: %w") without package fmt: msg is the
// whole message, errs the wrapped errors in order.
type wrappedAll struct {
	msg  string
	errs []error
}

func (e *wrappedAll) Error() string   { return e.msg }
func (e *wrappedAll) Unwrap() []error { return e.errs }

// wrap returns an error reading msg that wraps errs, the way fmt.Errorf
// does with one %w per error: one error unwraps with Unwrap() error, more
// with Unwrap() []error.
func wrap(msg string, errs ...error) error {
	if len(errs) == 1 {
		return &wrapped{msg, errs[0]}
	}
	return &wrappedAll{msg, errs}
}

// invalid wraps ErrInvalid and err (when not nil) under the message
// "purpose: invalid: " + what, like fmt.Errorf("%w: what[: %w]").
func invalid(what string, err error) error {
	if err == nil {
		return wrap(ErrInvalid.Error()+": "+what, ErrInvalid)
	}
	return wrap(ErrInvalid.Error()+": "+what+": "+err.Error(), ErrInvalid, err)
}

// unknownName wraps ErrUnknownKind: "purpose: unknown name: " + what.
func unknownName(what string) error {
	return wrap(ErrUnknownKind.Error()+": "+what, ErrUnknownKind)
}
