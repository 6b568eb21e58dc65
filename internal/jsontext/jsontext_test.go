package jsontext

import (
	"encoding/json"
	"testing"
)

// AppendString must write what json.Marshal writes for every string:
// the grid codec and the API's review route both rely on it.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", "<&>\"\\\b\f\n\r\t\x00\x1f\x7f", "\u2028\u2029\ufffd", "\xff\xfe", "é中😀", "a\xc3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := AppendString(nil, s); string(got) != string(want) {
			t.Fatalf("AppendString(%q) = %s, json.Marshal: %s", s, got, want)
		}
	})
}

// ReadString must read every string json.Unmarshal reads, to the same
// value, and refuse the rest: grid's decoder and the review route both
// rely on it.
func FuzzReadString(f *testing.F) {
	for _, s := range []string{`""`, `"plain"`, `"a\"b\\c\/d\b\f\n\r\t"`, `"\u00e9\u4E2D\ud83d\ude00"`, `"\ud83d alone"`,
		`"\ude00 low"`, `"\ud83d\u0041"`, `"\ud83d\uzzzz"`, `"\x"`, "\"\x01\"", "\"\xff\xfe\"", `"unterminated`, `"\u12"`, `"\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if len(in) == 0 || in[0] != '"' {
			return
		}
		got, next, msg := ReadString([]byte(in), 0)
		var want string
		err := json.Unmarshal([]byte(in[:max(next, 1)]), &want)
		if msg != "" {
			// Refused: json.Unmarshal refuses the whole input too.
			var any string
			if json.Unmarshal([]byte(in), &any) == nil {
				t.Fatalf("ReadString(%q) refused (%s at %d), json.Unmarshal read %q", in, msg, next, any)
			}
			return
		}
		if err != nil || got != want {
			t.Fatalf("ReadString(%q) = %q (next %d), json.Unmarshal: %q, %v", in, got, next, want, err)
		}
	})
}

// ReadNumber must take exactly the numbers JSON has: every prefix it
// reads json.Valid accepts, and a number json.Valid accepts it reads
// whole. grid's decoder and purpose's diagnostic reader rely on it.
func FuzzReadNumber(f *testing.F) {
	for _, s := range []string{"0", "-0", "12", "-3.25e+10", "1E5", "01", "-", "1.", ".5", "1e", "1e+", "2.5x", "+1", "1_0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if SkipSpace([]byte(in), 0) > 0 {
			return // the callers skip white space first
		}
		got, next, msg := ReadNumber([]byte(in), 0)
		// in is one number (white space after it allowed)
		number := json.Valid([]byte(in)) && (in[0] == '-' || in[0] >= '0' && in[0] <= '9')
		if msg == "" {
			if got != in[:next] || !json.Valid([]byte(got)) {
				t.Fatalf("ReadNumber(%q) = %q (next %d), not a JSON number", in, got, next)
			}
			if number && SkipSpace([]byte(in), next) != len(in) {
				t.Fatalf("ReadNumber(%q) stopped at %d", in, next)
			}
			return
		}
		if number {
			t.Fatalf("ReadNumber(%q) refused (%s), json.Valid accepts it", in, msg)
		}
	})
}

func TestSkipSpace(t *testing.T) {
	for in, want := range map[string]int{"": 0, "x": 0, " \t\r\nx": 4, "  ": 2, "\v": 0, "\u00a0": 0} {
		if got := SkipSpace([]byte(in), 0); got != want {
			t.Errorf("SkipSpace(%q) = %d, want %d", in, got, want)
		}
	}
}
