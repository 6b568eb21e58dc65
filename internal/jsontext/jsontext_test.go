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
