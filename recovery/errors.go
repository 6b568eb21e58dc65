package recovery

import "github.com/purposefulcx/purposeful/internal/prose"

// Span is a half-open range of the reviewed text in bytes (Start, End) and
// in UTF-16 code units (Start16, End16), the way browsers index strings.
type Span = prose.Span

// Finding is one observation about a reply: rule id, severity, message,
// why it matters, where it is and what to write instead.
type Finding = prose.Finding

// Severity ranks a [Finding]: Info, Warning or Error.
type Severity = prose.Severity

// InputError describes a draft that cannot be reviewed; its Err is one of
// [ErrEmpty], [ErrBlank], [ErrInvalidUTF8] or [ErrTooLong].
type InputError = prose.InputError

// Severities of a [Finding].
const (
	Info    = prose.Info
	Warning = prose.Warning
	Error   = prose.Error
)

// Errors about a draft reply, returned wrapped in an [*InputError] by
// [Review] and [Grade]. Test with errors.Is.
var (
	ErrEmpty       = prose.ErrEmpty       // the draft is empty
	ErrBlank       = prose.ErrBlank       // the draft has only white space
	ErrInvalidUTF8 = prose.ErrInvalidUTF8 // the draft is not valid UTF-8 (InputError.Offset says where)
	ErrTooLong     = prose.ErrTooLong     // the draft is over MaxLen bytes
)

// MaxLen is the longest draft, in bytes, that [Review] accepts.
const MaxLen = prose.DefaultMaxLen
