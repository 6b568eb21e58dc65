package api

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/purposefulcx/purposeful/recovery"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reviewCorpus returns drafts and situations to review: the labelled
// replies of the recovery package's test data on their scenarios'
// situations, the marked replies on the situations their lines name,
// catalogue phrases, and strings that need every JSON escape.
func reviewCorpus(t testing.TB) (drafts []string, sits []recovery.Situation) {
	var labelled []struct{ Scenario, Reply string }
	b, err := os.ReadFile("../../recovery/testdata/labelled.json")
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &labelled))
	for _, l := range labelled {
		sc, err := recovery.ScenarioByID(l.Scenario)
		require.NoError(t, err)
		drafts, sits = append(drafts, l.Reply), append(sits, sc.Situation)
	}
	marks := regexp.MustCompile(`\[[a-z+-]+: ([^\]]*)\]`)
	for _, name := range []string{"moves.txt", "heldout.txt"} {
		f, err := os.Open("../../recovery/testdata/" + name)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			head, reply, ok := strings.Cut(sc.Text(), " | ")
			if !ok || strings.HasPrefix(head, "#") {
				continue
			}
			fields := strings.Fields(head)
			js := `{"channel":"` + fields[len(fields)-4] + `","state":"` + fields[len(fields)-3] +
				`","cause":"` + fields[len(fields)-2] + `","severity":"` + fields[len(fields)-1] + `"}`
			var s recovery.Situation
			require.NoError(t, json.Unmarshal([]byte(js), &s), js)
			drafts, sits = append(drafts, marks.ReplaceAllString(reply, "$1")), append(sits, s)
		}
		f.Close()
	}
	for _, p := range recovery.Phrases(recovery.Filter{}) {
		drafts, sits = append(drafts, p.Text), append(sits, recovery.Situation{State: recovery.Upset})
	}
	odd := []string{
		"I'm sorry <b>Ms O'Neil</b> & Co: \"we\" \\ got it wrong.\tI'll fix it\r\nnow.",
		"Sorry\u2028we\u2029will fix it \u00e9\u4e2d\U0001F600 \x01\x1f\x7f today.",
	}
	for _, d := range odd {
		drafts, sits = append(drafts, d), append(sits, recovery.Situation{State: recovery.Angry, CustomerName: "Ms <O'Neil> & \"Co\"",
			Offers: []string{"a room & breakfast"}, Times: []string{"4pm"}, Colleague: "Dana", CanEscalate: true})
	}
	return drafts, sits
}

// TestAppendReportMatchesJSON: over every report of the corpus, the
// hand-written encoder writes exactly json.Marshal's bytes.
func TestAppendReportMatchesJSON(t *testing.T) {
	drafts, sits := reviewCorpus(t)
	require.Greater(t, len(drafts), 300)
	kinds := map[string]bool{}
	for i, d := range drafts {
		rep, err := recovery.Review(d, sits[i])
		require.NoError(t, err, d)
		want, err := json.Marshal(rep)
		require.NoError(t, err)
		got, err := appendReport(nil, rep)
		require.NoError(t, err)
		require.Equal(t, string(want), string(got), "draft %d: %q", i, d)
		kinds["needs"] = kinds["needs"] || len(rep.Needs) > 0
		kinds["order"] = kinds["order"] || len(rep.Order) > 0
		kinds["findings"] = kinds["findings"] || len(rep.Findings) > 0
		for _, f := range rep.Findings {
			kinds["suggestions"] = kinds["suggestions"] || len(f.Suggestions) > 0
		}
		for _, m := range rep.Moves {
			kinds["phrase"] = kinds["phrase"] || m.Phrase != ""
		}
	}
	for _, k := range []string{"needs", "order", "findings", "suggestions", "phrase"} {
		assert.True(t, kinds[k], "the corpus has reports with %s", k)
	}
}

// TestAppendReportWritesEveryField fills every field of a report (and of
// what it holds) by reflection, so a field added to recovery.Report or
// its parts and not to appendReport fails here, and checks that nil
// slices are written as null.
func TestAppendReportWritesEveryField(t *testing.T) {
	var full recovery.Report
	fill(reflect.ValueOf(&full).Elem())
	require.NotEmpty(t, full.Findings[0].Why, "fill reaches nested fields")
	for _, rep := range []*recovery.Report{&full, {}} {
		want, err := json.Marshal(rep)
		require.NoError(t, err)
		got, err := appendReport(nil, rep)
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got))
	}
	bad := recovery.Report{Missing: []recovery.Move{250}}
	_, want := json.Marshal(&bad)
	_, err := appendReport(nil, &bad)
	require.Error(t, want)
	assert.Error(t, err, "an unknown move is refused as json.Marshal refuses it")
}

// fill sets every field of v to a value that is not its zero value:
// strings with characters to escape, numbers, two-element slices, and
// the first named value of enums (1, so that it is not the zero value).
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := range 2 {
			fill(s.Index(i))
		}
		v.Set(s)
	case reflect.String:
		v.SetString(`a "b" <c> & d` + "\n" + v.Type().String())
	case reflect.Int, reflect.Int64:
		v.SetInt(-42)
	case reflect.Uint8:
		v.SetUint(1)
	case reflect.Bool:
		v.SetBool(true)
	default:
		panic("fill: add kind " + v.Kind().String())
	}
}

// reviewBodies are request bodies for the decoder tests: fast says
// whether decodeReview must read it itself (false: it must leave it to
// decodeStrict, for the problem document or because it is not sure).
var reviewBodies = []struct {
	body string
	fast bool
}{
	{`{"draft":"Sorry.","situation":{"state":"upset","cause":"our-error"}}`, true},
	{` { "draft" : "Sorry." , "situation" : { } } ` + "\n", true},
	{`{}`, true},
	{`{"situation":{"state":"angry","cause":"policy-limit","severity":"major","channel":"email","language":"en-GB","repeat":true,` +
		`"canEscalate":false,"offers":["a","b"],"times":[],"colleague":"Dana","customerName":"Ms O","agentName":"Al","issue":"noise","policy":"p"},"draft":"x"}`, true},
	{`{"draft":"line\nbreak \"quoted\" back\\slash \/ \b\f\r\t \u00e9 \u4E2D \ud83d\ude00 \ud83d alone \ude00 low \ud83d\u0041"}`, true},
	{`{"dr\u0061ft":"escaped key"}`, true},
	{`{"draft":"\u0000nul"}`, true},
	{`{"draft":"Sorry.","draft":"again"}`, false},
	{`{"Draft":"case"}`, false},
	{`{"draft":"x","extra":1}`, false},
	{`{"draft":null}`, false},
	{`{"draft":"x","situation":{"offers":null}}`, false},
	{`{"draft":"x","situation":{"state":"furious"}}`, false},
	{`{"draft":"x","situation":{"state":1}}`, false},
	{`{"draft":"x","situation":{"repeat":"yes"}}`, false},
	{`{"draft":"x","situation":{"language":"not a tag!"}}`, false},
	{`{"draft":"x"} {}`, false},
	{`{"draft":"x",}`, false},
	{`{"draft":"tab	raw"}`, false},
	{`{"draft":"bad \x escape"}`, false},
	{`{"draft":"\u12"}`, false},
	{`["draft"]`, false},
	{`"draft"`, false},
	{`{"draft":"x"`, false},
	{`{"draft":"x","situation":{"times":["a",]}}`, false},
	{`{"draft":"x","situation":{"repeat":tru}}`, false},
}

// TestDecodeReviewMatchesStrict: every body decodeReview reads it reads
// as decodeStrict does, and it reads the ordinary ones itself.
func TestDecodeReviewMatchesStrict(t *testing.T) {
	for _, tc := range reviewBodies {
		t.Run(tc.body, func(t *testing.T) {
			got, ok := decodeReview([]byte(tc.body))
			assert.Equal(t, tc.fast, ok, "read by the fast path")
			var want reviewRequest
			err := decodeStrict([]byte(tc.body), &want)
			if ok {
				require.NoError(t, err)
				assert.Equal(t, want, got)
			}
		})
	}
}

func FuzzDecodeReview(f *testing.F) {
	for _, tc := range reviewBodies {
		f.Add(tc.body)
	}
	f.Fuzz(func(t *testing.T, body string) {
		if !utf8.ValidString(body) { // readBody refuses it before decoding
			return
		}
		got, ok := decodeReview([]byte(body))
		if !ok {
			return
		}
		var want reviewRequest
		if err := decodeStrict([]byte(body), &want); err != nil {
			t.Fatalf("read %q, which decodeStrict refuses: %v", body, err)
		}
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("read %q as %+v, decodeStrict as %+v", body, got, want)
		}
	})
}
