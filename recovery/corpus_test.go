package recovery

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// markedReply is one line of testdata/moves.txt or heldout.txt: a reply,
// its situation, its moves marked by span, and for the held-out set its
// label.
type markedReply struct {
	line  int
	label string // good, poor or ""
	s     Situation
	text  string
	marks []markedMove
}

type markedMove struct {
	moves []Move
	span  Span
}

// parseMarked reads the line format: "[label] channel state cause
// severity | text with [move+move: words] marks".
func parseMarked(t testing.TB, path string) []markedReply {
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var out []markedReply
	for n, line := range strings.Split(string(b), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		head, body, ok := strings.Cut(line, "|")
		require.True(t, ok, "%s:%d: no |", path, n+1)
		r := markedReply{line: n + 1}
		f := strings.Fields(head)
		if len(f) == 5 {
			r.label, f = f[0], f[1:]
		}
		require.Len(t, f, 4, "%s:%d: want channel state cause severity", path, n+1)
		require.NoError(t, r.s.Channel.UnmarshalText([]byte(f[0])), "%s:%d", path, n+1)
		require.NoError(t, r.s.State.UnmarshalText([]byte(f[1])), "%s:%d", path, n+1)
		require.NoError(t, r.s.Cause.UnmarshalText([]byte(f[2])), "%s:%d", path, n+1)
		require.NoError(t, r.s.Severity.UnmarshalText([]byte(f[3])), "%s:%d", path, n+1)
		body = strings.TrimSpace(body)
		var text strings.Builder
		for body != "" {
			i := strings.IndexByte(body, '[')
			if i < 0 {
				text.WriteString(body)
				break
			}
			text.WriteString(body[:i])
			j := strings.IndexByte(body[i:], ']')
			require.Greater(t, j, 0, "%s:%d: unclosed [", path, n+1)
			names, words, ok := strings.Cut(body[i+1:i+j], ": ")
			require.True(t, ok, "%s:%d: mark without ': '", path, n+1)
			m := markedMove{span: Span{Start: text.Len(), End: text.Len() + len(words)}}
			for _, name := range strings.Split(names, "+") {
				mv, err := ParseMove(name)
				require.NoError(t, err, "%s:%d", path, n+1)
				m.moves = append(m.moves, mv)
			}
			r.marks = append(r.marks, m)
			text.WriteString(words)
			body = body[i+j+1:]
		}
		r.text = text.String()
		if strings.Contains(r.text, "Mr Chen") {
			r.s.CustomerName = "Mr Chen"
		}
		out = append(out, r)
	}
	return out
}

// moveCounts tallies, for one move, found moves that overlap a mark of
// that move (true positives), all found moves, marks overlapped by a
// found move, and all marks.
type moveCounts struct{ tp, found, hit, marked int }

func (c moveCounts) precision() float64 {
	if c.found == 0 {
		return 1
	}
	return float64(c.tp) / float64(c.found)
}

func (c moveCounts) recall() float64 {
	if c.marked == 0 {
		return 1
	}
	return float64(c.hit) / float64(c.marked)
}

func countMoves(t testing.TB, set []markedReply, verbose bool) [numMoves]moveCounts {
	var c [numMoves]moveCounts
	for _, r := range set {
		rep, err := Review(r.text, r.s)
		require.NoError(t, err, "line %d", r.line)
		for m := range Move(numMoves) {
			var marks []Span
			for _, mk := range r.marks {
				if slices.Contains(mk.moves, m) {
					marks = append(marks, mk.span)
				}
			}
			var found []Span
			var rules []string
			for _, f := range rep.Moves {
				if f.Move == m {
					found = append(found, Span{Start: f.Span.Start, End: f.Span.End})
					rules = append(rules, f.Rule)
				}
			}
			overlaps := func(a Span, list []Span) bool {
				return slices.ContainsFunc(list, func(b Span) bool { return a.Start < b.End && b.Start < a.End })
			}
			for k, f := range found {
				c[m].found++
				if overlaps(f, marks) {
					c[m].tp++
				} else if verbose {
					fmt.Printf("extra %s line %d: %q (%s)\n", m, r.line, r.text[f.Start:f.End], rules[k])
				}
			}
			for _, mk := range marks {
				c[m].marked++
				if overlaps(mk, found) {
					c[m].hit++
				} else if verbose {
					fmt.Printf("missed %s line %d: %q\n", m, r.line, r.text[mk.Start:mk.End])
				}
			}
		}
	}
	return c
}

// The moves Review finds must match the moves marked by hand in replies
// written in many people's words: precision and recall at least 0.9 for
// the moves a trainee is most often told about; the rest are reported.
func TestCorpusMoves(t *testing.T) {
	set := parseMarked(t, "testdata/moves.txt")
	require.GreaterOrEqual(t, len(set), 300)
	c := countMoves(t, set, testing.Verbose() && os.Getenv("CORPUS_DEBUG") != "")
	targets := []Move{Apologise, Own, Fix, FollowUp, Thank, Acknowledge, Explain, Offer}
	for m := range Move(numMoves) {
		if c[m].marked == 0 && c[m].found == 0 {
			continue
		}
		t.Logf("%-16s precision %.2f (%d/%d) recall %.2f (%d/%d)", m, c[m].precision(), c[m].tp, c[m].found, c[m].recall(), c[m].hit, c[m].marked)
		if slices.Contains(targets, m) {
			assert.GreaterOrEqual(t, c[m].precision(), 0.9, "%s precision", m)
			assert.GreaterOrEqual(t, c[m].recall(), 0.9, "%s recall", m)
		}
	}
}
