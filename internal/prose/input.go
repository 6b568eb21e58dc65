package prose

import (
	"errors"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Errors returned by [Check] and [Parse], wrapped in an [*InputError].
// The domain packages re-export them so callers can test with errors.Is.
var (
	ErrEmpty       = errors.New("text is empty")
	ErrBlank       = errors.New("text has only white space")
	ErrInvalidUTF8 = errors.New("text is not valid UTF-8")
	ErrTooLong     = errors.New("text is too long")
)

// DefaultMaxLen is the longest text, in bytes, that [Parse] accepts.
const DefaultMaxLen = 10000

// InputError describes text that cannot be analysed.
type InputError struct {
	Err    error // one of ErrEmpty, ErrBlank, ErrInvalidUTF8, ErrTooLong
	Offset int   // byte offset of the first invalid byte (ErrInvalidUTF8)
	Len    int   // length of the text in bytes
	Max    int   // the limit that was exceeded (ErrTooLong)
}

func (e *InputError) Error() string {
	switch e.Err {
	case ErrInvalidUTF8:
		return e.Err.Error() + ": invalid byte at offset " + strconv.Itoa(e.Offset)
	case ErrTooLong:
		return e.Err.Error() + ": " + strconv.Itoa(e.Len) + " bytes, the limit is " + strconv.Itoa(e.Max)
	}
	return e.Err.Error()
}

func (e *InputError) Unwrap() error { return e.Err }

// Check validates text before analysis: it must be valid UTF-8, not empty,
// not only white space, and at most maxLen bytes (DefaultMaxLen when maxLen
// is 0 or less).
func Check(text string, maxLen int) error {
	if maxLen <= 0 {
		maxLen = DefaultMaxLen
	}
	if text == "" {
		return &InputError{Err: ErrEmpty}
	}
	if len(text) > maxLen {
		return &InputError{Err: ErrTooLong, Len: len(text), Max: maxLen}
	}
	if !utf8.ValidString(text) {
		for i, r := range text {
			if r == utf8.RuneError {
				if _, size := utf8.DecodeRuneInString(text[i:]); size == 1 {
					return &InputError{Err: ErrInvalidUTF8, Offset: i, Len: len(text)}
				}
			}
		}
	}
	if strings.TrimFunc(text, unicode.IsSpace) == "" {
		return &InputError{Err: ErrBlank, Len: len(text)}
	}
	return nil
}
