package recovery

import (
	"encoding/json"
	"os"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type labelled struct {
	Scenario string `json:"scenario"`
	Label    string `json:"label"`
	Reply    string `json:"reply"`
}

func loadLabelled(t testing.TB) []labelled {
	b, err := os.ReadFile("testdata/labelled.json")
	require.NoError(t, err)
	var set []labelled
	require.NoError(t, json.Unmarshal(b, &set))
	return set
}

// Every good reply, written for this project, must score above every
// poor one, on Review's score and on Grade's.
func TestLabelledRepliesSeparate(t *testing.T) {
	set := loadLabelled(t)
	require.GreaterOrEqual(t, len(set), 40)
	type scored struct {
		labelled
		review, grade int
	}
	var good, poor []scored
	for _, l := range set {
		sc, err := ScenarioByID(l.Scenario)
		require.NoError(t, err, l.Scenario)
		r, err := Review(l.Reply, sc.Situation)
		require.NoError(t, err)
		fb, err := Grade(sc, l.Reply)
		require.NoError(t, err)
		s := scored{l, r.Score, fb.Score}
		switch l.Label {
		case "good":
			good = append(good, s)
		case "poor":
			poor = append(poor, s)
		default:
			t.Fatalf("label %q", l.Label)
		}
	}
	require.GreaterOrEqual(t, len(good), 20)
	require.GreaterOrEqual(t, len(poor), 20)
	for _, key := range []string{"review", "grade"} {
		val := func(s scored) int {
			if key == "review" {
				return s.review
			}
			return s.grade
		}
		sort.Slice(good, func(i, j int) bool { return val(good[i]) < val(good[j]) })
		sort.Slice(poor, func(i, j int) bool { return val(poor[i]) > val(poor[j]) })
		worstGood, bestPoor := good[0], poor[0]
		assert.Greater(t, val(worstGood), val(bestPoor), "%s: worst good (%s, %d) %q must beat best poor (%s, %d) %q",
			key, worstGood.Scenario, val(worstGood), worstGood.Reply, bestPoor.Scenario, val(bestPoor), bestPoor.Reply)
		t.Logf("%s: good from %d, poor up to %d", key, val(worstGood), val(bestPoor))
	}
}
