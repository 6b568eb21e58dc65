package recovery

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The reply from the issue: it owns the mistake, fixes it, heads off the
// next problem and follows up, in words no catalogue lists.
func TestMrChenReplyIsRecognised(t *testing.T) {
	s := Situation{State: Upset, Cause: OurError, Severity: Moderate, Channel: Email, CustomerName: "Mr Chen"}
	draft := "Mr Chen, I'm sorry we sent you the wrong size. I've posted the right one by express and it will be with you tomorrow morning. I've also flagged your order so the returns label is already paid, and I'll email you on Thursday to check it fits."
	r, err := Review(draft, s)
	require.NoError(t, err)
	for _, m := range []Move{Apologise, Own, Fix, Prevent, FollowUp, CommitTime} {
		assert.True(t, r.Found(m), "%s", m)
	}
	assert.NotContains(t, r.Missing, Own)
	assert.NotContains(t, r.Missing, Fix)
	assert.GreaterOrEqual(t, r.Score, 70)
	for _, f := range r.Moves {
		assert.NotEmpty(t, f.Rule, "every found move cites its rule")
		assert.Equal(t, draft[f.Span.Start:f.Span.End], f.Text)
	}
	assert.Contains(t, r.Rewrite, "I've posted the right one by express", "the writer's own words are kept")
}

// Overlapping anti-patterns cost points once.
func TestOverlappingAntiPatternsCountOnce(t *testing.T) {
	s := Situation{Channel: Email, CustomerName: "Ms Okafor"}
	for _, tc := range []struct{ draft, rule string }{
		{"Dear valued customer, I'm sorry your order was late.", RuleSirMadam},
		{"As per my last email, your order was sent on Monday.", RuleSarcasm},
		{"I'm sorry. I promise this will never happen again.", RuleUnkeepable},
	} {
		t.Run(tc.rule, func(t *testing.T) {
			r, err := Review(tc.draft, s)
			require.NoError(t, err)
			n := 0
			for _, f := range r.Findings {
				if f.Rule == tc.rule {
					n++
				}
			}
			assert.Equal(t, 1, n, "%+v", r.Findings)
			lost := 0
			for _, p := range r.Points {
				if p.Points < 0 && strings.HasPrefix(p.Reason, "Tone:") {
					lost++
				}
			}
			assert.Equal(t, 1, lost, "one penalty for one span: %+v", r.Points)
		})
	}
}

// A rewrite never shows a slot in braces; what it lacks is named in Needs.
func TestRewriteAsksForMissingDetails(t *testing.T) {
	s := Situation{State: Upset, Cause: PolicyLimit, Severity: Moderate, Channel: Email, CustomerName: "Ms Okafor"}
	r, err := Review("Our policy is that refunds need a receipt.", s)
	require.NoError(t, err)
	assert.NotContains(t, r.Rewrite, "{")
	assert.NotContains(t, r.Rewrite, "}")
	for _, f := range r.Findings {
		for _, sg := range f.Suggestions {
			assert.NotContains(t, sg, "{")
		}
	}
	assert.Contains(t, r.Needs, "offers")
}

// A short chat that fixes a minor slip is not told to thank or
// paraphrase, and Points says why.
func TestChatFixNeedsLess(t *testing.T) {
	s := Situation{State: Disappointed, Cause: OurError, Severity: Minor, Channel: Chat}
	r, err := Review("Sorry about that! I've sent the housekeeping team up with fresh towels now.", s)
	require.NoError(t, err)
	assert.NotContains(t, r.Missing, Thank)
	assert.NotContains(t, r.Missing, Paraphrase)
	found := false
	for _, p := range r.Points {
		found = found || strings.Contains(p.Reason, "not required here")
	}
	assert.True(t, found, "%+v", r.Points)
	assert.LessOrEqual(t, len(strings.Fields(r.Rewrite)), 40, "a chat rewrite stays short: %q", r.Rewrite)
}

// A chat rewrite of a reply that does nothing adds what a chat still
// needs once it fixes the problem, not the whole plan, and still reviews
// well; a kept sentence gets its full stop and capital.
func TestChatRewriteStaysShort(t *testing.T) {
	chat := Situation{Channel: Chat, CustomerName: "Sam", Times: []string{"4pm today"}}
	letter := Situation{Channel: Email, Severity: Major, CustomerName: "Sam", Times: []string{"4pm today"}}
	short, err := Review("ok will check", chat)
	require.NoError(t, err)
	long, err := Review("ok will check", letter)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(short.Rewrite, "Ok will check. "), "%q", short.Rewrite)
	assert.LessOrEqual(t, len(strings.Fields(short.Rewrite)), 70, "%q", short.Rewrite)
	assert.Less(t, len(short.Rewrite), len(long.Rewrite)*2/3, "a chat is shorter than a letter about a major failure")
	for _, m := range []Move{Thank, Believe, Acknowledge} {
		assert.Contains(t, short.Missing, m, "the draft itself is still told")
	}
	again, err := Review(short.Rewrite, chat)
	require.NoError(t, err)
	assert.Empty(t, again.Findings)
	assert.GreaterOrEqual(t, again.Score, 90, "%q missing %v", short.Rewrite, again.Missing)
}
