package prose

import (
	"slices"
	"unsafe"
)

// unsafeString views b as a string for a read-only lookup.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// Tables returns the matcher's compiled data, with Terms and TermIDs
// filled in from the phrase words.
func (m *Matcher) Tables() *Tables {
	t := *m.t
	if m.terms != nil {
		t.Terms = make([]string, 0, len(m.terms))
		for w := range m.terms {
			t.Terms = append(t.Terms, w)
		}
		slices.Sort(t.Terms)
		t.TermIDs = make([]int32, len(t.Terms))
		for i, w := range t.Terms {
			tm := m.terms[w]
			t.TermIDs[i] = tm.id
			if !tm.inflect {
				t.TermIDs[i] = -tm.id
			}
		}
	}
	return &t
}
