// Package jsontext holds the pieces of JSON text that the project's
// hand-written codecs share (grid's documents and events, the API's hot
// routes), written once so that every codec quotes exactly as
// encoding/json does.
package jsontext

import (
	"unicode/utf16"
	"unicode/utf8"
)

const hexDigits = "0123456789abcdef"

// AppendString appends s as a JSON string with encoding/json's escapes:
// quote and backslash, the short forms \b \f \n \r \t, \u00XX for other
// control characters and for < > & (HTML-safe), \u2028 and \u2029 (for
// JavaScript), and U+FFFD for invalid UTF-8.
func AppendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(append(b, s[start:i]...), `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(append(b, s[start:i]...), '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// ReadString reads the JSON string whose opening quote is at b[i], as
// encoding/json reads it: escapes decoded, a lone or broken surrogate
// and each byte of invalid UTF-8 read as U+FFFD. It returns the string
// and the index just after the closing quote. For text that is not a
// valid JSON string it returns msg, what is wrong, and next, where.
func ReadString(b []byte, i int) (s string, next int, msg string) {
	i++ // the opening quote
	start := i
	for i < len(b) { // fast path: nothing to unescape
		c := b[i]
		if c == '"' {
			if utf8.Valid(b[start:i]) {
				return string(b[start:i]), i + 1, ""
			}
			i = start
			break
		}
		if c == '\\' || c < 0x20 || c >= utf8.RuneSelf {
			break
		}
		i++
	}
	out := append([]byte(nil), b[start:i]...)
	for {
		if i >= len(b) {
			return "", i, "unterminated string"
		}
		c := b[i]
		switch {
		case c == '"':
			return string(out), i + 1, ""
		case c < 0x20:
			return "", i, "control character in a string"
		case c == '\\':
			i++
			if i >= len(b) {
				return "", i, "unterminated escape"
			}
			e := b[i]
			i++
			switch e {
			case '"', '\\', '/':
				out = append(out, e)
			case 'b':
				out = append(out, '\b')
			case 'f':
				out = append(out, '\f')
			case 'n':
				out = append(out, '\n')
			case 'r':
				out = append(out, '\r')
			case 't':
				out = append(out, '\t')
			case 'u':
				r, m := hex4(b, i)
				if m != "" {
					return "", i, m
				}
				i += 4
				if utf16.IsSurrogate(r) {
					if i+1 < len(b) && b[i] == '\\' && b[i+1] == 'u' {
						lo, m := hex4(b, i+2)
						if m != "" {
							return "", i + 2, m
						}
						if pair := utf16.DecodeRune(r, lo); pair != utf8.RuneError {
							r = pair
							i += 6
						} else {
							r = utf8.RuneError // the second escape is read on its own
						}
					} else {
						r = utf8.RuneError
					}
				}
				out = utf8.AppendRune(out, r)
			default:
				return "", i - 1, "invalid escape in a string"
			}
		case c < utf8.RuneSelf:
			out = append(out, c)
			i++
		default:
			r, size := utf8.DecodeRune(b[i:])
			i += size
			out = utf8.AppendRune(out, r) // RuneError for each bad byte
		}
	}
}

// hex4 reads the four hexadecimal digits of a \u escape at b[i:].
func hex4(b []byte, i int) (rune, string) {
	if i+4 > len(b) {
		return 0, "short \\u escape"
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, "invalid \\u escape"
		}
		r = r<<4 | rune(c)
	}
	return r, ""
}

// SkipSpace returns the index of the first byte at or after b[i] that is
// not JSON white space (space, tab, line feed, carriage return).
func SkipSpace(b []byte, i int) int {
	for i < len(b) {
		switch b[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// ReadNumber reads the JSON number at b[i:] by the grammar of RFC 8259
// and returns it as written and the index just after it. For text that
// is not a number it returns msg, what is wrong, and next, where.
func ReadNumber(b []byte, i int) (s string, next int, msg string) {
	start := i
	digits := func() bool {
		n := i
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i++
		}
		return i > n
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case !digits():
		return "", i, "invalid number"
	}
	if i < len(b) && b[i] == '.' {
		i++
		if !digits() {
			return "", i, "invalid number: want digits after the decimal point"
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if !digits() {
			return "", i, "invalid number: want digits in the exponent"
		}
	}
	return string(b[start:i]), i, ""
}
