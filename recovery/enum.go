package recovery

import (
	"errors"
	"fmt"
	"strings"
)

// ErrUnknownValue is wrapped by every [*EnumError]: a move, state, cause,
// severity, channel, register or intent that the package does not know.
var ErrUnknownValue = errors.New("recovery: unknown value")

// EnumError reports an enumeration value that is out of range or a name
// that is not one of the enumeration's names.
type EnumError struct {
	Type  string // "move", "state", "cause", ...
	Value string // the name or number that was given
	Want  []string
}

func (e *EnumError) Error() string {
	return fmt.Sprintf("unknown %s %q (want one of %s)", e.Type, e.Value, strings.Join(e.Want, ", "))
}

// Unwrap returns [ErrUnknownValue].
func (e *EnumError) Unwrap() error { return ErrUnknownValue }

// enumName returns the name of v, or "" and false when v is out of range.
func enumName[T ~uint8](v T, names []string) (string, bool) {
	if int(v) < len(names) {
		return names[v], true
	}
	return "", false
}

func enumString[T ~uint8](v T, names []string, typ string) string {
	if s, ok := enumName(v, names); ok {
		return s
	}
	return fmt.Sprintf("%s(%d)", typ, uint8(v))
}

func enumMarshal[T ~uint8](v T, names []string, typ string) ([]byte, error) {
	if s, ok := enumName(v, names); ok {
		return []byte(s), nil
	}
	return nil, &EnumError{Type: typ, Value: fmt.Sprint(uint8(v)), Want: names}
}

func enumParse[T ~uint8](b []byte, names []string, typ string) (T, error) {
	for i, n := range names {
		if string(b) == n {
			return T(i), nil
		}
	}
	return 0, &EnumError{Type: typ, Value: string(b), Want: names}
}

func enumCheck[T ~uint8](v T, names []string, typ string) error {
	if int(v) < len(names) {
		return nil
	}
	return &EnumError{Type: typ, Value: fmt.Sprint(uint8(v)), Want: names}
}
