// Package enum holds the helpers behind the string enumerations of the
// domain packages: small uint8 types whose JSON form is a name from a
// fixed list ("adopted", "email", "fails-review"). Each package wraps
// them in its own MarshalText, UnmarshalText and error types.
package enum

import "strconv"

// Name returns names[v], or "" and false when v is out of range.
func Name[T ~uint8](v T, names []string) (string, bool) {
	if int(v) < len(names) {
		return names[v], true
	}
	return "", false
}

// String returns the name of v, or "typ(N)" when v is out of range.
func String[T ~uint8](v T, names []string, typ string) string {
	if s, ok := Name(v, names); ok {
		return s
	}
	return typ + "(" + strconv.Itoa(int(v)) + ")" // no fmt: the browser programs link this
}

// Parse returns the value whose name is b, and false when b is none of
// the names.
func Parse[T ~uint8](b []byte, names []string) (T, bool) {
	for i, n := range names {
		if string(b) == n {
			return T(i), true
		}
	}
	return 0, false
}
