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
	var out []labelled
	readRecords(t, name, 3, func(n int, fields []string) {
		var v Verdict
		require.NoError(t, v.UnmarshalText([]byte(fields[0])), "line %d", n)
		out = append(out, labelled{n, v, fields[1], fields[2]})
	})
	return out
}

// readItems calls fn with each line of a labelled item file: "kind | item".
func readItems(t testing.TB, name string, fn func(n int, want ItemKind, item string)) {
	t.Helper()
	readRecords(t, name, 2, func(n int, fields []string) {
		var want ItemKind
		require.NoError(t, want.UnmarshalText([]byte(fields[0])), "line %d", n)
		fn(n, want, fields[1])
	})
}

// readRecords calls fn with the number and the trimmed fields of every
// line of a labelled file that is neither blank nor a # comment; each such
// line must have count fields separated by "|".
func readRecords(t testing.TB, name string, count int, fn func(n int, fields []string)) {
	t.Helper()
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.SplitN(line, "|", count)
		require.Len(t, fields, count, "line %d", n)
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		fn(n, fields)
	}
	require.NoError(t, sc.Err())
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
	var matrix [len(kindNames)][len(kindNames)]int
	right, total := 0, 0
	readItems(t, "testdata/items.txt", func(n int, want ItemKind, item string) {
		c, err := Classify(item)
		require.NoError(t, err, "line %d", n)
		total++
		matrix[want][c.Kind]++
		if c.Kind == want {
			right++
		} else {
			t.Logf("line %d: want %s, got %s: %s %v", n, want, c.Kind, item, c.Reasons)
		}
	})
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
	right, total := 0, 0
	readItems(t, "testdata/heldout-items.txt", func(n int, want ItemKind, item string) {
		c, err := Classify(item)
		require.NoError(t, err, "line %d", n)
		total++
		if c.Kind == want {
			right++
		} else {
			t.Logf("line %d: want %s, got %s: %s", n, want, c.Kind, item)
		}
	})
	accuracy := float64(right) / float64(total)
	t.Logf("held-out accuracy %d/%d = %.1f%%", right, total, 100*accuracy)
	assert.GreaterOrEqual(t, accuracy, 0.70)
}
