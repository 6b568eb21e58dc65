package purpose

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// answersFor gives every question of a level the same answer.
func answersFor(values map[Level]int) map[string]int {
	out := map[string]int{}
	for _, q := range Questions() {
		if v, ok := values[q.Level]; ok {
			out[q.ID] = v
		}
	}
	return out
}

func TestQuestions(t *testing.T) {
	qs := Questions()
	per := map[Level]int{}
	ids := map[string]bool{}
	for _, q := range qs {
		per[q.Level]++
		assert.False(t, ids[q.ID], "duplicate id %s", q.ID)
		ids[q.ID] = true
		assert.True(t, strings.HasPrefix(q.ID, q.Level.String()+"-"), q.ID)
		assert.True(t, strings.HasSuffix(q.Text, "."), q.ID)
	}
	for _, l := range Levels() {
		assert.GreaterOrEqual(t, per[l], 3, l.String())
		assert.LessOrEqual(t, per[l], 5, l.String())
	}
}

func TestDiagnosticEvaluate(t *testing.T) {
	tests := []struct {
		name     string
		values   map[Level]int
		root     Level
		above    []Level
		complete bool
	}{
		{"all strong", map[Level]int{Significance: 5, Strategy: 4, Staff: 4, Systems: 5, Success: 4, Customers: 5}, LevelNone, nil, true},
		{"customers weak, root is customers", map[Level]int{Significance: 5, Strategy: 4, Staff: 4, Systems: 4, Success: 4, Customers: 2}, Customers, nil, true},
		{"weak at the top traces down to significance", map[Level]int{Significance: 2, Strategy: 4, Staff: 3, Systems: 4, Success: 4, Customers: 1}, Significance, []Level{Staff, Customers}, true},
		{"partial answers", map[Level]int{Systems: 3, Success: 5}, Systems, nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Diagnostic{Answers: answersFor(tc.values)}.Evaluate()
			require.NoError(t, err)
			assert.Equal(t, tc.root, r.Root)
			assert.Equal(t, tc.above, r.Above)
			assert.Equal(t, tc.complete, r.Complete)
			require.Len(t, r.Levels, 6)
			for i, ls := range r.Levels {
				assert.Equal(t, Levels()[i], ls.Level)
				if v, ok := tc.values[ls.Level]; ok {
					assert.InDelta(t, float64(v), ls.Score, 1e-9)
					assert.Equal(t, (v-1)*25, ls.Percent)
					assert.Equal(t, 4, ls.Answered)
				} else {
					assert.Zero(t, ls.Score)
					assert.False(t, ls.Below)
				}
			}
			if tc.root != LevelNone {
				assert.NotEmpty(t, r.Advice)
			} else {
				assert.Empty(t, r.Advice)
			}
		})
	}
}

func TestDiagnosticThreshold(t *testing.T) {
	d := Diagnostic{Answers: answersFor(map[Level]int{Significance: 3, Strategy: 4})}
	r, err := d.Evaluate()
	require.NoError(t, err)
	assert.Equal(t, Significance, r.Root, "3 is under the default 3.5")
	d.Threshold = 3
	r, err = d.Evaluate()
	require.NoError(t, err)
	assert.Equal(t, LevelNone, r.Root, "3 is not under 3")
}

func TestDiagnosticValidate(t *testing.T) {
	err := Diagnostic{Version: "v0", Threshold: 9, Answers: map[string]int{"staff-1": 7, "staff-9": 3, "systems-2": 0}}.Validate()
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrInvalid)
	msg := err.Error()
	for _, want := range []string{`version: "v0"`, "threshold: 9 is outside 1-5", `answers["staff-1"]: 7 is outside 1-5`, `answers["staff-9"]: unknown question`, `answers["systems-2"]: 0 is outside 1-5`} {
		assert.Contains(t, msg, want)
	}
	err = Diagnostic{}.Validate()
	assert.ErrorIs(t, err, ErrNoAnswers)
	assert.Contains(t, err.Error(), "answers:")
	_, err = Diagnostic{}.Evaluate()
	assert.ErrorIs(t, err, ErrNoAnswers)
	assert.NoError(t, Diagnostic{Version: DiagnosticVersion, Answers: map[string]int{"staff-1": 1}}.Validate())
}

func TestDecodeDiagnostic(t *testing.T) {
	d, err := DecodeDiagnostic([]byte(`{"version":"purposeful.diagnostic/v1","answers":{"staff-1":4}}`))
	require.NoError(t, err)
	assert.Equal(t, 4, d.Answers["staff-1"])
	for name, in := range map[string]string{
		"unknown field": `{"version":"purposeful.diagnostic/v1","answers":{},"extra":1}`,
		"wrong version": `{"version":"purposeful.diagnostic/v2","answers":{}}`,
		"no version":    `{"answers":{"staff-1":4}}`,
		"trailing data": `{"version":"purposeful.diagnostic/v1","answers":{}} {}`,
		"not json":      `answers`,
		// encoding/json's Decoder.More let a stray brace through.
		"stray brace":        `{"version":"purposeful.diagnostic/v1","answers":{"staff-1":4}}}`,
		"key twice":          `{"version":"purposeful.diagnostic/v1","answers":{"staff-1":4,"staff-1":2}}`,
		"key in other case":  `{"Version":"purposeful.diagnostic/v1","answers":{"staff-1":4}}`,
		"fraction as answer": `{"version":"purposeful.diagnostic/v1","answers":{"staff-1":3.5}}`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := DecodeDiagnostic([]byte(in))
			assert.ErrorIs(t, err, ErrInvalid)
		})
	}
	// Errors name the field and the problem.
	_, err = DecodeDiagnostic([]byte(`{"version":"purposeful.diagnostic/v1","answers":{"staff-1":"four"}}`))
	assert.ErrorContains(t, err, `answers["staff-1"]: expected a number`)
	_, err = DecodeDiagnostic([]byte(`{"version":"purposeful.diagnostic/v1","answers":{},"extra":1}`))
	assert.ErrorContains(t, err, `unknown field "extra"`)
}

func TestLevelText(t *testing.T) {
	b, err := json.Marshal(Levels())
	require.NoError(t, err)
	assert.Equal(t, `["significance","strategy","staff","systems","success","customers"]`, string(b))
	var back []Level
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, Levels(), back)
	var l Level
	assert.ErrorIs(t, l.UnmarshalText([]byte("profit")), ErrUnknownKind)
}

// FuzzDecodeDiagnosticMatchesEncodingJSON holds the hand-written reader
// to encoding/json: whatever it accepts, encoding/json (with unknown
// fields refused) reads to the same diagnostic; and whatever
// encoding/json accepts, it accepts too, unless a key is given twice or
// matches a field only when case is ignored, which it refuses.
func FuzzDecodeDiagnosticMatchesEncodingJSON(f *testing.F) {
	for _, s := range []string{
		`{"version":"purposeful.diagnostic/v1","answers":{"staff-1":4,"systems-2":1},"threshold":3.5}`,
		` {"answers":null,"version":null,"threshold":null} `,
		`{"version":"purposeful.diagnostic/v1","answers":{"a\u00e9\ud83d\ude00":null}}`,
		`{"version":"purposeful.diagnostic/v1","answers":{"x":4.0}}`,
		`{"version":"purposeful.diagnostic/v1","answers":{"x":-0},"threshold":1e400}`,
		`{"Version":"purposeful.diagnostic/v1","answers":{}}`,
		`{"version":"a","version":"b"}`,
		`{"version":"purposeful.diagnostic/v1","answers":{}} x`,
		`{"version":"\xff","answers":{"\ud800":2}}`,
		`{"threshold":-1.5e-3,"answers":{"a":9223372036854775807}}`,
		`{"answers":{"a":9223372036854775808}}`,
		`{}`, `[]`, `null`, `{"answers":{"a":"4"}}`, `{"answers":{,}}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got Diagnostic
		gotErr := decodeDiagnosticJSON(data, &got)
		var want Diagnostic
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		wantErr := dec.Decode(&want)
		// (Decoder.More misses a stray "}" or "]" after the document.)
		if wantErr == nil && len(bytes.TrimLeft(data[dec.InputOffset():], " \t\n\r")) > 0 {
			wantErr = errors.New("data after the document")
		}
		if wantErr == nil {
			// encoding/json reads "null" at the top as nothing at all.
			if string(bytes.TrimSpace(data)) == "null" {
				wantErr = errors.New("not an object")
			}
		}
		if gotErr == nil {
			require.NoError(t, wantErr, "accepted what encoding/json refuses: %q", data)
			assert.Equal(t, want, got, "read differently from encoding/json: %q", data)
			return
		}
		if wantErr == nil {
			assert.True(t, duplicateOrFoldedKey(data), "refused what encoding/json accepts (%v): %q", gotErr, data)
		}
	})
}

// duplicateOrFoldedKey reports whether an object in data repeats a key,
// or the document has a field key that is not in lower case: the two
// things the reader refuses beyond encoding/json.
func duplicateOrFoldedKey(data []byte) bool {
	dec := json.NewDecoder(bytes.NewReader(data))
	var seen []map[string]bool
	expectKey := []bool{}
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch x := tok.(type) {
		case json.Delim:
			switch x {
			case '{':
				seen = append(seen, map[string]bool{})
				expectKey = append(expectKey, true)
				continue
			case '[':
				seen = append(seen, nil)
				expectKey = append(expectKey, false)
				continue
			default:
				seen, expectKey = seen[:len(seen)-1], expectKey[:len(expectKey)-1]
			}
		case string:
			if len(expectKey) > 0 && expectKey[len(expectKey)-1] && seen[len(seen)-1] != nil {
				if seen[len(seen)-1][x] || (len(seen) == 1 && x != strings.ToLower(x)) {
					return true
				}
				seen[len(seen)-1][x] = true
				expectKey[len(expectKey)-1] = false
				continue
			}
		}
		if len(expectKey) > 0 && seen[len(seen)-1] != nil {
			expectKey[len(expectKey)-1] = true
		}
	}
	return false
}
