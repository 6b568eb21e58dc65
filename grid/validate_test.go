package grid

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSamplesValidate(t *testing.T) {
	for _, g := range []*Grid{SampleFrontDesk(), SampleDischarge()} {
		require.NoError(t, g.Validate(), g.Position)
		assert.GreaterOrEqual(t, len(g.Knowledge), 8)
		assert.GreaterOrEqual(t, len(g.Skills), 8)
		for _, it := range g.Purposeful {
			assert.NotEmpty(t, it.Evidence, "%s has evidence", it.ID)
		}
		for _, w := range g.Warnings() {
			// Rules that read the text with purpose.Classify may change
			// with its lexicon; the structural ones must not fire.
			switch w.Rule {
			case RuleDuplicate, RuleNoEvidence, RuleNoPurposeLink, RuleCostly, RuleNotRoutine:
				t.Errorf("%s: %s %s: %s", g.Position, w.Path, w.Rule, w.Message)
			default:
				t.Logf("%s: %s %s: %s", g.Position, w.Path, w.Rule, w.Message)
			}
		}
	}
	assert.GreaterOrEqual(t, len(SampleFrontDesk().Purposeful), 12)
	require.NoError(t, SamplePortfolio().Validate())
}

// fieldErrors flattens a joined error into path -> error.
func fieldErrors(err error) map[string]error {
	out := map[string]error{}
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		var fe *FieldError
		if errors.As(e, &fe) {
			out[fe.Path] = fe
		}
	}
	walk(err)
	return out
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		change func(g *Grid)
		path   string
		want   error
	}{
		{"no position", func(g *Grid) { g.Position = "" }, "position", ErrRequired},
		{"blank purpose", func(g *Grid) { g.Purpose = "  \n" }, "purpose", ErrBlank},
		{"no process", func(g *Grid) { g.Process = "" }, "process", ErrRequired},
		{"empty value", func(g *Grid) { g.Values[1] = "" }, "values[1]", ErrRequired},
		{"empty item text", func(g *Grid) { g.Knowledge[3].Text = "" }, "knowledge[3].text", ErrRequired},
		{"item text too long", func(g *Grid) { g.Skills[0].Text = strings.Repeat("a", 10001) }, "skills[0].text", ErrTooLong},
		{"invalid UTF-8", func(g *Grid) { g.Purposeful[1].Text = "bad \xff byte" }, "purposeful[1].text", ErrInvalidUTF8},
		{"no item id", func(g *Grid) { g.Skills[2].ID = "" }, "skills[2].id", ErrRequired},
		{"duplicate id", func(g *Grid) { g.Purposeful[4].ID = "k1" }, "purposeful[4].id", ErrDuplicateID},
		{"kind in wrong column", func(g *Grid) { g.Knowledge[0].Kind = Behaviour }, "knowledge[0].kind", ErrWrongColumn},
		{"unknown status", func(g *Grid) { g.Purposeful[0].Status = 9 }, "purposeful[0].status", ErrUnknownValue},
		{"no evidence source", func(g *Grid) { g.Purposeful[2].Evidence[0].Source = SourceUnset }, "purposeful[2].evidence[0].source", ErrRequired},
		{"review site without a name", func(g *Grid) { g.Purposeful[0].Evidence[0].Site = "" }, "purposeful[0].evidence[0].site", ErrRequired},
		{"link not http", func(g *Grid) { g.Purposeful[0].Evidence[0].Link = "javascript:alert(1)" }, "purposeful[0].evidence[0].link", ErrBadLink},
		{"rating over the scale", func(g *Grid) { g.Purposeful[0].Evidence[0].Rating = 6 }, "purposeful[0].evidence[0].rating", ErrOutOfRange},
		{"negative votes", func(g *Grid) { g.Purposeful[3].Votes = -1 }, "purposeful[3].votes", ErrOutOfRange},
		{"score over the top", func(g *Grid) { g.Purposeful[3].Score.KPIs = 3.5 }, "purposeful[3].score.kpis", ErrOutOfRange},
		{"bad tag", func(g *Grid) { g.Purposeful[3].Tags = []Tag{TagUnset} }, "purposeful[3].tags[0]", ErrUnknownValue},
		{"wrong version", func(g *Grid) { g.Version = "purposeful.grid/v9" }, "version", ErrVersion},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g := SampleFrontDesk()
			tc.change(g)
			err := g.Validate()
			require.Error(t, err)
			errs := fieldErrors(err)
			require.Contains(t, errs, tc.path, "got %v", err)
			assert.ErrorIs(t, errs[tc.path], tc.want)
			assert.Len(t, errs, 1, "only the broken field is reported: %v", err)
		})
	}
}

func TestValidateReportsEveryProblem(t *testing.T) {
	g := &Grid{Knowledge: []Item{{ID: "a"}}, Purposeful: []Item{{Text: "Smile", Evidence: []Evidence{{Source: ReviewSite}}}}}
	errs := fieldErrors(g.Validate())
	for _, p := range []string{"position", "purpose", "process", "knowledge[0].text", "purposeful[0].id", "purposeful[0].evidence[0].site"} {
		assert.Contains(t, errs, p)
	}
}

func TestTemplate(t *testing.T) {
	g := SampleFrontDesk()
	tpl := g.Template()
	assert.True(t, tpl.IsTemplate())
	assert.False(t, g.IsTemplate())
	require.NoError(t, tpl.Validate(), "the empty template is a valid grid")
	assert.Equal(t, g.Purpose, tpl.Purpose)
	tpl.Values[0] = "changed"
	assert.Equal(t, "Warm welcome", g.Values[0], "the template is a copy")
}

// httpLink accepts what url.Parse accepted as an http(s) address with a
// host, and refuses what it refused.
func TestHTTPLinkAgreesWithURLParse(t *testing.T) {
	for _, s := range []string{
		"https://www.tripadvisor.com/Hotel_Review-g1.html", "HTTP://example.com", "http://user@example.com/x?q=1#f",
		"https://example.com:8080", "ftp://example.com", "https://", "https:///path", "example.com", "javascript:alert(1)",
		"https://exa mple.com", "https://example.com/a b", "https://example.com/%zz", "https://example.com/%41", "http://ex\x7fample.com",
		"https://example.com/\n", "//example.com", "https://[::1]/", "https://例え.jp/",
	} {
		u, err := url.Parse(s)
		want := err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
		assert.Equal(t, want, httpLink(s), "%q", s)
	}
}
