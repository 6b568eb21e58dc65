package bridge

import (
	"net/http"
	"net/textproto"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseHeader(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want http.Header
	}{
		{name: "empty", in: "", want: http.Header{}},
		{name: "lower-case names as workerd gives them",
			in:   "content-type:application/json\ncf-connecting-ip: 127.0.0.1\nx-a-b-c:  padded  \n",
			want: http.Header{"Content-Type": {"application/json"}, "Cf-Connecting-Ip": {"127.0.0.1"}, "X-A-B-C": {"padded"}}},
		{name: "a repeated name keeps every value in order",
			in:   "accept:a\nx-one:1\naccept:b\nACCEPT:c\n",
			want: http.Header{"Accept": {"a", "b", "c"}, "X-One": {"1"}}},
		{name: "no final line break", in: "host:x", want: http.Header{"Host": {"x"}}},
		{name: "lines without a name or colon are skipped", in: ":v\nnocolon\nok:1\n", want: http.Header{"Ok": {"1"}}},
		{name: "a name that is not a token stays as it is",
			in:   "bad name:1\nbäd:2\n",
			want: http.Header{"bad name": {"1"}, "bäd": {"2"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, parseHeader(tc.in))
		})
	}
}

func TestParseHeaderValuesDoNotShareSpace(t *testing.T) {
	h := parseHeader("a:1\nb:2\n")
	h["A"] = append(h["A"], "x")
	assert.Equal(t, []string{"2"}, h["B"], "appending to one name's values must not overwrite another's")
}

// canonicalKey must name headers as net/http's own server does.
func FuzzCanonicalKey(f *testing.F) {
	for _, s := range []string{"content-type", "X-FORWARDED-FOR", "cf-connecting-ip", "a--b", "-x", "1a", "bad name", "ä", "x_y", "x.y~z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b := []byte(s)
		canonicalKey(b)
		assert.Equal(t, textproto.CanonicalMIMEHeaderKey(s), string(b))
	})
}
