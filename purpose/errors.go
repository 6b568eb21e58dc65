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
