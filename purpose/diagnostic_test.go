package purpose

import (
	"encoding/json"
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
	} {
		t.Run(name, func(t *testing.T) {
			_, err := DecodeDiagnostic([]byte(in))
			assert.ErrorIs(t, err, ErrInvalid)
		})
	}
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
