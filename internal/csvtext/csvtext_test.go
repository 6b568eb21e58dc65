package csvtext

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// FuzzAppendRow holds AppendRow to encoding/csv's Writer.
func FuzzAppendRow(f *testing.F) {
	for _, s := range []string{"", "plain", "a,b", `say "hi"`, "line\nbreak", "cr\rhere", " lead", "\tlead", `\.`, "\u00a0nbsp", "\xff,"} {
		f.Add(s, "second")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		var want bytes.Buffer
		w := csv.NewWriter(&want)
		require.NoError(t, w.Write([]string{a, b}))
		w.Flush()
		if got := AppendRow(nil, []string{a, b}); string(got) != want.String() {
			t.Fatalf("AppendRow(%q, %q) = %q, want %q", a, b, got, want.String())
		}
	})
}

func TestSafe(t *testing.T) {
	for in, want := range map[string]string{"=SUM(A1)": "'=SUM(A1)", "+1": "'+1", "-2": "'-2", "@x": "'@x", "\tx": "'\tx", "\rx": "'\rx", "plain": "plain", "": "", "a=b": "a=b"} {
		assert.Equal(t, want, Safe(in), "%q", in)
	}
}
