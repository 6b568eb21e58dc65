package purpose

import "strconv"

// Verdict says what kind of statement [Analyze] read: a job function (the
// tasks), a purpose (who benefits and how), or an internal aim (targets and
// measures as the point of the job). The zero value is VerdictUnknown and
// never comes out of Analyze. JSON: "", "function", "purpose", "internal".
type Verdict uint8

// Verdicts.
const (
	VerdictUnknown  Verdict = iota
	VerdictFunction         // says what is done: tasks, duties
	VerdictPurpose          // says who benefits and what changes for them
	VerdictInternal         // says what the organisation wants: revenue, targets, metrics
)

var verdictNames = [...]string{"", "function", "purpose", "internal"}

// String returns the verdict's name.
func (v Verdict) String() string { return nameOf(verdictNames[:], int(v), "verdict") }

// MarshalText encodes the verdict as its name.
func (v Verdict) MarshalText() ([]byte, error) {
	return marshalName(verdictNames[:], int(v), "verdict")
}

// UnmarshalText decodes a verdict name.
func (v *Verdict) UnmarshalText(b []byte) error {
	for i, n := range verdictNames {
		if string(b) == n {
			*v = Verdict(i)
			return nil
		}
	}
	return unknownName("verdict " + strconv.Quote(string(b)) + " (want function, purpose or internal)")
}
