package prose

import (
	"cmp"
	"errors"
	"slices"
	"strconv"
)

// Severity ranks a finding. The zero value is Info.
type Severity uint8

// Severities, from least to most serious.
const (
	Info Severity = iota
	Warning
	Error
)

var severityNames = [...]string{"info", "warning", "error"}

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	if int(s) < len(severityNames) {
		return severityNames[s]
	}
	return "severity(" + strconv.Itoa(int(s)) + ")"
}

// MarshalText encodes the severity as its name.
func (s Severity) MarshalText() ([]byte, error) {
	if int(s) >= len(severityNames) {
		return nil, errors.New("prose: unknown severity " + strconv.Itoa(int(s)))
	}
	return []byte(severityNames[s]), nil
}

// UnmarshalText decodes a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	for i, n := range severityNames {
		if string(b) == n {
			*s = Severity(i)
			return nil
		}
	}
	return errors.New("unknown severity " + strconv.Quote(string(b)) + " (want info, warning or error)")
}

// Finding is one observation about a text: which rule fired, how serious it
// is, a one-line message, why it matters, where it is and what to write
// instead.
type Finding struct {
	Rule        string   `json:"rule"`
	Severity    Severity `json:"severity"`
	Message     string   `json:"message"`
	Why         string   `json:"why,omitempty"`
	Span        Span     `json:"span"`
	Suggestions []string `json:"suggestions,omitempty"`
}

// SortFindings puts findings in their deterministic order: by position in
// the text, then by descending severity, then by rule id and message.
func SortFindings(fs []Finding) {
	slices.SortStableFunc(fs, func(a, b Finding) int {
		if c := compareSpans(a.Span, b.Span); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Severity, a.Severity); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		return cmp.Compare(a.Message, b.Message)
	})
}
