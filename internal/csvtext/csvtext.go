// Package csvtext holds what the project's CSV exports share: the rule
// that defuses spreadsheet formulas, and a record writer that writes
// what encoding/csv writes without linking it (with bufio, about 10 KB
// of wasm code in every browser program that exports CSV).
package csvtext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Safe defuses a cell a spreadsheet would run as a formula (one starting
// with = + - @, a tab or a carriage return) by prefixing it with '.
func Safe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// AppendRow appends one record as encoding/csv's Writer writes it with
// its defaults (comma, "\n" line ends): a field with a comma, quote or
// line break, or starting with white space, or the field \. is quoted,
// and its quotes doubled.
func AppendRow(b []byte, fields []string) []byte {
	for n, f := range fields {
		if n > 0 {
			b = append(b, ',')
		}
		if !needsQuotes(f) {
			b = append(b, f...)
			continue
		}
		b = append(b, '"')
		for i := 0; i < len(f); i++ {
			if f[i] == '"' {
				b = append(b, '"')
			}
			b = append(b, f[i])
		}
		b = append(b, '"')
	}
	return append(b, '\n')
}

func needsQuotes(f string) bool {
	if f == "" {
		return false
	}
	if f == `\.` || strings.ContainsAny(f, ",\"\r\n") {
		return true
	}
	r, _ := utf8.DecodeRuneInString(f)
	return unicode.IsSpace(r)
}
