package standardssvc

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// checkIn is a grid as the page hands it to the builder: one adopted
// idea, one not.
func checkIn() *grid.Grid {
	return &grid.Grid{
		Version: grid.Version, ID: "g1", Position: "Front-desk agent", Process: "Guest check-in",
		Purpose:   "To create loyal guests who come back and tell their friends",
		Knowledge: []grid.Item{{ID: "k1", Text: "Room types and rates"}},
		Skills:    []grid.Item{{ID: "s1", Text: "Run the reservation system"}},
		Purposeful: []grid.Item{
			{ID: "i1", Text: "Greet returning guests by name within 30 seconds of arrival", Status: grid.Adopted},
			{ID: "i2", Text: "Not adopted"},
		},
	}
}

func TestDraftLintTraining(t *testing.T) {
	d := checkIn()
	ds, err := Draft(d)
	require.NoError(t, err)
	require.Len(t, ds, 1, "one draft per adopted idea")
	assert.Equal(t, "i1", ds[0].Item, "the draft names the idea it came from")
	assert.Contains(t, ds[0].Statement, "Greet returning guests")
	assert.NotEmpty(t, ds[0].Code)
	vague := ui.StandardDraft{Code: "X-01", Statement: "Be friendly and try to make guests happy as appropriate"}
	notes := Lint(d.Purpose, vague)
	require.NotEmpty(t, notes)
	for _, n := range notes {
		if n.End > n.Start {
			var field string
			switch n.Field {
			case "statement":
				field = vague.Statement
			case "rationale":
				field = vague.Rationale
			case "deviation":
				field = vague.Deviation
			}
			if field != "" {
				assert.LessOrEqual(t, n.End, len(field), "%+v", n)
			}
		}
	}
	assert.Less(t, len(Lint(d.Purpose, ds[0])), len(notes)+5)
	plan := Training(d.Purpose, ds)
	require.Len(t, plan, 1)
	assert.NotEmpty(t, plan[0].Medium)
	assert.Equal(t, ds[0].Statement, plan[0].Standard, "the plan names the standard by its words")
	_, err = Draft(&grid.Grid{Version: grid.Version, Knowledge: []grid.Item{}, Skills: []grid.Item{}, Purposeful: []grid.Item{}})
	assert.Error(t, err, "a grid without position and purpose cannot be drafted")
}

// TestFixesReplaceOnlyTheirSpan applies every one-click fix the builder
// offers: the text outside the span stays, and advice (verbs to start
// with, "name the cases") is never offered as a replacement.
func TestFixesReplaceOnlyTheirSpan(t *testing.T) {
	tests := []struct {
		statement string
		want      []string // the statement after each offered fix
		hints     []string // advice shown instead
	}{
		{"Be friendly", []string{"Be smiling, using the guest's name"}, []string{"say", "show", "use"}},
		{"Greet guests promptly and be friendly.", []string{"Greet guests within 30 seconds and be friendly.", "Greet guests promptly and be smiling, using the guest's name."}, []string{"say"}},
		{"Utilize the guest's name as appropriate.", []string{"Use the guest's name as appropriate."}, []string{"name the cases"}},
	}
	for _, tc := range tests {
		t.Run(tc.statement, func(t *testing.T) {
			var got, hints []string
			for _, n := range Lint("To create loyal guests", ui.StandardDraft{Statement: tc.statement}) {
				if n.Field != "statement" {
					continue
				}
				hints = append(hints, n.Hints...)
				if n.HasFix {
					require.LessOrEqual(t, n.End, len(tc.statement))
					got = append(got, tc.statement[:n.Start]+n.Fix+tc.statement[n.End:])
				}
			}
			assert.Equal(t, tc.want, got)
			for _, h := range tc.hints {
				assert.Contains(t, hints, h)
			}
		})
	}
}
