package recovery

import (
	"errors"
	"strconv"
	"strings"
)

// Language is a BCP 47 language tag such as "en", "en-GB" or "pt-BR",
// which selects a phrase [Catalogue]. The zero value means English.
//
// Only the tag's form is checked (RFC 5646 syntax, case folded to the
// usual "ll-Ssss-RR" style); whether the subtags are registered is not,
// and a language without a catalogue falls back to English. This keeps the
// package free of the IANA registry tables, which would grow every program
// that links it.
type Language struct {
	tag string // canonical case; "" is the zero value
}

// ErrBadLanguage reports text that is not a well-formed language tag.
var ErrBadLanguage = errors.New("recovery: not a language tag (use a code such as en or en-GB)")

// ParseLanguage reads a language tag. Underscores are accepted as
// separators ("en_GB") and case is folded ("EN-gb" gives "en-GB"). An
// error wraps [ErrBadLanguage] and says which part is wrong.
func ParseLanguage(s string) (Language, error) {
	if s == "" {
		return Language{}, badLanguage(s, "empty")
	}
	if len(s) > 64 {
		return Language{}, badLanguage(s[:16]+"...", "longer than 64 characters")
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' })
	if strings.Count(s, "-")+strings.Count(s, "_")+1 != len(parts) {
		return Language{}, badLanguage(s, "empty subtag")
	}
	var b strings.Builder
	b.Grow(len(s))
	single := false // the previous subtag was an extension singleton
	for i, p := range parts {
		if len(p) > 8 {
			return Language{}, badLanguage(s, "subtag "+strconv.Quote(p)+" is longer than 8 characters")
		}
		for j := 0; j < len(p); j++ {
			if !isAlpha(p[j]) && !isDigit(p[j]) {
				return Language{}, badLanguage(s, "subtag "+strconv.Quote(p)+" has a character other than a letter or digit")
			}
		}
		if i == 0 {
			if !allAlpha(p) || len(p) < 2 || len(p) == 4 {
				return Language{}, badLanguage(s, "the language subtag must be 2-3 or 5-8 letters")
			}
			b.WriteString(strings.ToLower(p))
			continue
		}
		b.WriteByte('-')
		switch {
		case single:
			b.WriteString(strings.ToLower(p))
		case len(p) == 4 && allAlpha(p): // script: Latn
			b.WriteString(strings.ToUpper(p[:1]) + strings.ToLower(p[1:]))
		case len(p) == 2 && allAlpha(p): // region: GB
			b.WriteString(strings.ToUpper(p))
		default:
			b.WriteString(strings.ToLower(p))
		}
		single = len(p) == 1
	}
	if single {
		return Language{}, badLanguage(s, "ends with a single-character subtag")
	}
	return Language{tag: b.String()}, nil
}

// MustParseLanguage is [ParseLanguage] for literals; it panics on error.
func MustParseLanguage(s string) Language {
	l, err := ParseLanguage(s)
	if err != nil {
		panic(err)
	}
	return l
}

func badLanguage(s, why string) error {
	return &languageError{tag: s, why: why}
}

type languageError struct{ tag, why string }

func (e *languageError) Error() string {
	return ErrBadLanguage.Error() + ": " + strconv.Quote(e.tag) + ": " + e.why
}

func (e *languageError) Unwrap() error { return ErrBadLanguage }

// String returns the tag in canonical case, or "" for the zero value.
func (l Language) String() string { return l.tag }

// IsZero reports whether l is the zero value (English by default).
func (l Language) IsZero() bool { return l.tag == "" }

// Base returns the primary language subtag: "en" for "en-GB". The zero
// value gives "en".
func (l Language) Base() string {
	if l.tag == "" {
		return "en"
	}
	base, _, _ := strings.Cut(l.tag, "-")
	return base
}

// MarshalText writes the tag.
func (l Language) MarshalText() ([]byte, error) { return []byte(l.tag), nil }

// UnmarshalText reads a tag with [ParseLanguage]; empty text gives the
// zero value.
func (l *Language) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*l = Language{}
		return nil
	}
	v, err := ParseLanguage(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}

func isAlpha(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func allAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isAlpha(s[i]) {
			return false
		}
	}
	return true
}
