package grid

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// outputs renders everything the session can produce for every member:
// views at several steps, event feeds, exports as JSON, Markdown, CSV and
// SVG, summaries and huddle plans.
func outputs(t *testing.T, events []Event) []string {
	t.Helper()
	var out []string
	add := func(name string, b []byte) { out = append(out, name+"\n"+string(b)) }
	s := NewSession()
	for i, e := range events {
		require.NoError(t, s.Apply(e))
		if i%5 != 4 && i != len(events)-1 {
			continue
		}
		for _, m := range s.st.memberOrder {
			v, err := s.View(m, t0.Add(time.Hour))
			require.NoError(t, err)
			j, _ := json.Marshal(v)
			add("view "+m, j)
			evs, _ := s.EventsFor(m, 0)
			j, _ = json.Marshal(evs)
			add("events "+m, j)
			g, err := s.Export(m)
			require.NoError(t, err)
			j, err = Encode(g)
			require.NoError(t, err)
			add("export "+m, j)
			add("markdown "+m, []byte(Markdown(g)))
			c, err := CSV(g)
			require.NoError(t, err)
			add("csv "+m, c)
			add("svg "+m, []byte(SVG(g, SVGOptions{})))
			sum, err := s.Summary(m)
			require.NoError(t, err)
			j, _ = json.Marshal(sum)
			add("summary "+m, j)
			if plan, err := Huddle(g, HuddleOptions{}); err == nil {
				add("huddle "+m, []byte(plan.Markdown()))
			}
			p := &Portfolio{Grids: []Grid{*g}}
			add("portfolio "+m, []byte(p.Markdown()))
		}
	}
	return out
}

func TestAnonymousSessionLeaksNoName(t *testing.T) {
	outs := outputs(t, workshop(Anonymous))
	require.NotEmpty(t, outs)
	for _, o := range outs {
		name, _, _ := strings.Cut(o, "\n")
		for _, person := range workshopNames {
			for _, part := range append([]string{person}, strings.Fields(person)...) {
				assert.False(t, strings.Contains(o, part), "%s shows %q", name, part)
			}
		}
		assert.False(t, strings.Contains(o, "Participant 1"), "%s: anonymous means no aliases either", name)
	}
}

func TestAliasSessionShowsAliasesOnly(t *testing.T) {
	outs := outputs(t, workshop(Alias))
	joined := strings.Join(outs, "\n")
	for _, person := range workshopNames {
		assert.False(t, strings.Contains(joined, person), "shows %q", person)
	}
	assert.Contains(t, joined, "Participant 1")
	assert.Contains(t, joined, "Participant 3", "Chloe, joined by the facilitator, gets an alias too")
}

// The scan can fail: with names on, they do appear.
func TestNamedSessionShowsNames(t *testing.T) {
	joined := strings.Join(outputs(t, workshop(Named)), "\n")
	for _, person := range workshopNames {
		assert.True(t, strings.Contains(joined, person), "shows %q", person)
	}
}

func TestRenderersHonourGridAnonymity(t *testing.T) {
	g := SampleFrontDesk()
	g.Purposeful[0].Author = "Dana Whitfield"
	for _, a := range []Anonymity{Anonymous, Alias, Named} {
		g.Anonymity = a
		c, err := CSV(g)
		require.NoError(t, err)
		sum, _ := json.Marshal(g.Summary())
		for name, out := range map[string]string{"markdown": Markdown(g), "csv": string(c), "summary": string(sum)} {
			if a == Anonymous {
				assert.NotContains(t, out, "Dana", "%s with %s", name, a)
			} else {
				assert.Contains(t, out, "Dana", "%s with %s", name, a)
			}
		}
		assert.NotContains(t, SVG(g, SVGOptions{}), "Dana", "the SVG never prints authors")
	}
}
