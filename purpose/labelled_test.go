package purpose

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type labelled struct {
	line      int
	label     Verdict
	industry  string
	statement string
}

func readLabelled(t testing.TB) []labelled { return readLabelledFile(t, "testdata/statements.txt") }

func readLabelledFile(t testing.TB, name string) []labelled {
	t.Helper()
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	var out []labelled
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "|", 3)
		require.Len(t, parts, 3, "line %d", n)
		var v Verdict
		require.NoError(t, v.UnmarshalText([]byte(strings.TrimSpace(parts[0]))), "line %d", n)
		out = append(out, labelled{n, v, strings.TrimSpace(parts[1]), strings.TrimSpace(parts[2])})
	}
	require.NoError(t, sc.Err())
	return out
}

// TestLabelledStatements runs Analyze over the labelled set and requires
// at least 90% right. Run with -v to see the confusion matrix.
func TestLabelledStatements(t *testing.T) {
	set := readLabelled(t)
	require.GreaterOrEqual(t, len(set), 80)
	var matrix [len(verdictNames)][len(verdictNames)]int
	right := 0
	for _, s := range set {
		a, err := Analyze(s.statement)
		require.NoError(t, err, "line %d", s.line)
		matrix[s.label][a.Verdict]++
		if a.Verdict == s.label {
			right++
		} else {
			t.Logf("line %d: want %s, got %s (score %d): %s", s.line, s.label, a.Verdict, a.Score, s.statement)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "confusion matrix (rows: label, columns: Analyze)\n%-10s", "")
	for v := VerdictFunction; v <= VerdictInternal; v++ {
		fmt.Fprintf(&b, "%10s", v)
	}
	for l := VerdictFunction; l <= VerdictInternal; l++ {
		fmt.Fprintf(&b, "\n%-10s", l)
		for v := VerdictFunction; v <= VerdictInternal; v++ {
			fmt.Fprintf(&b, "%10d", matrix[l][v])
		}
	}
	accuracy := float64(right) / float64(len(set))
	fmt.Fprintf(&b, "\naccuracy %d/%d = %.1f%%", right, len(set), 100*accuracy)
	t.Log(b.String())
	assert.GreaterOrEqual(t, accuracy, 0.90)
}

func TestHeldOutStatements(t *testing.T) {
	set := readLabelledFile(t, "testdata/heldout.txt")
	right := 0
	for _, s := range set {
		a, err := Analyze(s.statement)
		require.NoError(t, err, "line %d", s.line)
		if a.Verdict == s.label {
			right++
		} else {
			t.Logf("line %d: want %s, got %s: %s", s.line, s.label, a.Verdict, s.statement)
		}
	}
	accuracy := float64(right) / float64(len(set))
	t.Logf("held-out accuracy %d/%d = %.1f%%", right, len(set), 100*accuracy)
	assert.GreaterOrEqual(t, accuracy, 0.75)
}

// TestLabelledItems runs Classify over labelled grid items and requires at
// least 85% right. Run with -v to see the confusion matrix.
func TestLabelledItems(t *testing.T) {
	f, err := os.Open("testdata/items.txt")
	require.NoError(t, err)
	defer f.Close()
	var matrix [len(kindNames)][len(kindNames)]int
	right, total := 0, 0
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "|", 2)
		require.Len(t, parts, 2, "line %d", n)
		var want ItemKind
		require.NoError(t, want.UnmarshalText([]byte(strings.TrimSpace(parts[0]))), "line %d", n)
		item := strings.TrimSpace(parts[1])
		c, err := Classify(item)
		require.NoError(t, err, "line %d", n)
		total++
		matrix[want][c.Kind]++
		if c.Kind == want {
			right++
		} else {
			t.Logf("line %d: want %s, got %s: %s %v", n, want, c.Kind, item, c.Reasons)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "confusion matrix (rows: label, columns: Classify)\n%-10s", "")
	for k := KindUnknown; k <= Function; k++ {
		fmt.Fprintf(&b, "%10s", cmpName(k))
	}
	for l := Knowledge; l <= Function; l++ {
		fmt.Fprintf(&b, "\n%-10s", l)
		for k := KindUnknown; k <= Function; k++ {
			fmt.Fprintf(&b, "%10d", matrix[l][k])
		}
	}
	accuracy := float64(right) / float64(total)
	fmt.Fprintf(&b, "\naccuracy %d/%d = %.1f%%", right, total, 100*accuracy)
	t.Log(b.String())
	assert.GreaterOrEqual(t, total, 60)
	assert.GreaterOrEqual(t, accuracy, 0.85)
}

func cmpName(k ItemKind) string {
	if k == KindUnknown {
		return "unknown"
	}
	return k.String()
}

func TestHeldOutItems(t *testing.T) {
	f, err := os.Open("testdata/heldout-items.txt")
	require.NoError(t, err)
	defer f.Close()
	right, total := 0, 0
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "|", 2)
		require.Len(t, parts, 2, "line %d", n)
		var want ItemKind
		require.NoError(t, want.UnmarshalText([]byte(strings.TrimSpace(parts[0]))), "line %d", n)
		c, err := Classify(strings.TrimSpace(parts[1]))
		require.NoError(t, err, "line %d", n)
		total++
		if c.Kind == want {
			right++
		} else {
			t.Logf("line %d: want %s, got %s: %s", n, want, c.Kind, parts[1])
		}
	}
	accuracy := float64(right) / float64(total)
	t.Logf("held-out accuracy %d/%d = %.1f%%", right, total, 100*accuracy)
	assert.GreaterOrEqual(t, accuracy, 0.70)
}
