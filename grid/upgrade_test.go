package grid

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The files in testdata/workshop-v1 were written by the browser page's
// own encoder before the page ran on this package: as saved in
// localStorage (compact) and as exported (indented).
func TestUpgradeOldWorkshopFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/workshop-v1/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			g, err := DecodeDraft(data)
			require.NoError(t, err)
			assert.Equal(t, Version, g.Version)
			out, err := Encode(g)
			require.NoError(t, err)
			back, err := DecodeDraft(out)
			require.NoError(t, err)
			assert.Equal(t, g, back, "the upgraded grid round-trips as purposeful.grid/v1")
		})
	}
}

func TestUpgradeKeepsTheWork(t *testing.T) {
	data, err := os.ReadFile("testdata/workshop-v1/full-export.json")
	require.NoError(t, err)
	u, err := UpgradeWorkshop(data)
	require.NoError(t, err)
	g := u.Grid
	assert.Equal(t, "Front-desk agent", g.Position)
	assert.Equal(t, []string{"Genuine care", "Ownership"}, g.Values)
	assert.Equal(t, StepSummary, u.Step)
	assert.Equal(t, 25*60, u.ResearchSeconds)
	assert.Len(t, u.Ladder, 3)
	require.Len(t, g.Knowledge, 2)
	require.Len(t, g.Skills, 2)
	assert.Equal(t, "Run the reservation system", g.Skills[0].Text)
	require.Len(t, g.Purposeful, 4, "the merged idea is folded into its target")
	greet := g.Purposeful[0]
	assert.Equal(t, "Greet returning guests by name", greet.Text)
	assert.Equal(t, 5, greet.Votes, "votes moved by the old merge stay")
	assert.Equal(t, Adopted, greet.Status)
	assert.Equal(t, []Tag{GenuineInterest}, greet.Tags)
	require.NotNil(t, greet.Score)
	assert.True(t, greet.Score.Met(0))
	assert.False(t, greet.Score.Met(1))
	assert.True(t, greet.Score.Met(3))
	assert.Equal(t, 2, greet.Score.MetCount())
	assert.Contains(t, greet.Notes, "Merged in: Use the guest's name at check-in")
	assert.Contains(t, greet.Notes, "Standard CHK-1: Greet every returning guest by name at the desk.")
	assert.Contains(t, greet.Evidence, Evidence{Source: OwnExperience}, "the merged idea's source joins")
	assert.Len(t, g.Adopted(), 2)
	assert.Nil(t, g.Purposeful[3].Score, "no criteria ticked: not scored")
	// The upgraded grid is a complete grid: Decode takes it too.
	_, err = Decode(data)
	assert.NoError(t, err)
}

func TestUpgradeErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     error
		path     string
	}{
		{"unknown field", `{"version":"purposeful.workshop/v1","id":"g","colour":"red"}`, ErrUnknownField, "colour"},
		{"wrong type", `{"version":"purposeful.workshop/v1","id":"g","ideas":[{"id":"e1","text":"x","votes":"3"}]}`, ErrWrongType, "ideas[0].votes"},
		{"bad phase", `{"version":"purposeful.workshop/v1","id":"g","phase":"lunch"}`, ErrUnknownValue, "phase"},
		{"template needs the Ps to Decode", `{"version":"purposeful.workshop/v1","id":"g"}`, ErrRequired, "position"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode([]byte(tc.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, tc.want)
			assert.Contains(t, fieldErrors(err), tc.path, "got %v", err)
		})
	}
	g, err := DecodeDraft([]byte(`{"version":"purposeful.workshop/v1","id":"g"}`))
	require.NoError(t, err, "an empty old template opens as a draft")
	assert.True(t, g.IsTemplate())
}
