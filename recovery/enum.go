package recovery

import (
	"errors"
	"fmt"
	"strings"

	"github.com/purposefulcx/purposeful/internal/enum"
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

func enumString[T ~uint8](v T, names []string, typ string) string { return enum.String(v, names, typ) }

func enumMarshal[T ~uint8](v T, names []string, typ string) ([]byte, error) {
	if s, ok := enum.Name(v, names); ok {
		return []byte(s), nil
	}
	return nil, &EnumError{Type: typ, Value: fmt.Sprint(uint8(v)), Want: names}
}

func enumParse[T ~uint8](b []byte, names []string, typ string) (T, error) {
	if v, ok := enum.Parse[T](b, names); ok {
		return v, nil
	}
	return 0, &EnumError{Type: typ, Value: string(b), Want: names}
}

// unmarshalInto sets *dst to the value named b, or returns an
// [*EnumError] and leaves *dst alone.
func unmarshalInto[T ~uint8](dst *T, b []byte, names []string, typ string) error {
	v, err := enumParse[T](b, names, typ)
	if err == nil {
		*dst = v
	}
	return err
}

func enumCheck[T ~uint8](v T, names []string, typ string) error {
	if int(v) < len(names) {
		return nil
	}
	return &EnumError{Type: typ, Value: fmt.Sprint(uint8(v)), Want: names}
}
