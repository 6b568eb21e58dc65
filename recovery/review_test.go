package recovery

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/purposefulcx/purposeful/internal/golden"
	"github.com/purposefulcx/purposeful/internal/prose"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var goldenCases = []struct {
	name  string
	s     Situation
	draft string
}{
	{"poor-hotel-email", Situation{State: Angry, Cause: OurError, Severity: Major, Channel: Email, CustomerName: "Ms Okafor",
		Offers: []string{"a free night on your next stay"}, Times: []string{"4pm today", "9am tomorrow"}, Issue: "your room was not ready when you arrived"},
		"Dear Sir, I'm sorry you feel that way. Our policy is that rooms are ready at 3pm. Please calm down. We will get back to you soon!!!"},
	{"good-hotel-email", Situation{State: Angry, Cause: OurError, Severity: Major, Channel: Email, CustomerName: "Ms Okafor",
		Offers: []string{"a free night on your next stay"}, Times: []string{"4pm today", "9am tomorrow"}, Issue: "your room was not ready when you arrived"},
		"Dear Ms Okafor, I'm so sorry your room was not ready. That must have been exhausting after a long trip. We got this wrong. I've moved you to a suite and I'd like to offer a free night on your next stay. I will call you at 4pm today to make sure everything is fine. I've logged what happened so it doesn't happen to anyone else."},
	{"policy-first-retail", Situation{State: Upset, Cause: PolicyLimit, Channel: InPerson, Policy: "refunds need a receipt", Offers: []string{"store credit"}},
		"The policy is that refunds need a receipt. I'm sorry. What I can do is give you store credit."},
	{"abuse-phone", Situation{State: Abusive, Channel: Phone, CanEscalate: true},
		"If you keep SHOUTING I will hang up. The language you're using is not acceptable. Please stop swearing so we can carry on."},
	{"unicode-chat", Situation{State: Disappointed, Cause: Misunderstanding, Channel: Chat, CustomerName: "Zoë Ñúñez"},
		"Zoë, I’m sorry — that’s on us 😞. Unfortunately the spa is closed on Mondays."},
}

func TestReviewGolden(t *testing.T) {
	for _, tc := range goldenCases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Review(tc.draft, tc.s)
			require.NoError(t, err)
			got, err := json.MarshalIndent(struct {
				Draft  string  `json:"draft"`
				Report *Report `json:"report"`
			}{tc.draft, r}, "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')
			path := filepath.Join("testdata", "golden", tc.name+".json")
			golden.Check(t, path, got)
		})
	}
}

func TestReviewReport(t *testing.T) {
	tc := goldenCases[0]
	r, err := Review(tc.draft, tc.s)
	require.NoError(t, err)
	sum := 0
	for _, p := range r.Points {
		sum += p.Points
		assert.NotEmpty(t, p.Reason)
	}
	assert.Equal(t, r.Score, sum, "the points add up to the score")
	assert.Equal(t, 0, r.Score)
	for _, rule := range []string{RuleSirMadam, RuleNonApology, RulePolicyOnly, RuleCalmDown, RuleVagueTime, RuleShouting} {
		assert.True(t, r.Has(rule), rule)
	}
	assert.False(t, r.Found(Apologise), "a non-apology is not an apology")
	assert.Contains(t, r.Missing, Apologise)
	assert.True(t, strings.HasPrefix(r.Rewrite, "Dear Ms Okafor,"))

	good, err := Review(goldenCases[1].draft, goldenCases[1].s)
	require.NoError(t, err)
	assert.Greater(t, good.Score, 75)
	assert.Empty(t, good.Findings)
	for _, f := range good.Moves {
		assert.Equal(t, goldenCases[1].draft[f.Span.Start:f.Span.End], f.Text)
	}
}

func TestReviewOrderProblem(t *testing.T) {
	tc := goldenCases[2]
	r, err := Review(tc.draft, tc.s)
	require.NoError(t, err)
	require.Len(t, r.Order, 1)
	assert.Equal(t, RuleExplainFirst, r.Order[0].Rule)
	assert.Equal(t, "The policy is that", tc.draft[r.Order[0].Span.Start:r.Order[0].Span.End])
	assert.False(t, r.Has(RulePolicyOnly), "an alternative is offered")
}

// The rewrite is assembled from catalogue phrases and must itself review well.
func TestRewriteReviewsWell(t *testing.T) {
	for _, sc := range Scenarios() {
		t.Run(sc.ID, func(t *testing.T) {
			s := sc.Situation
			s.CustomerName, s.Issue, s.Policy, s.Colleague, s.AgentName = "Ms Okafor", "the heating failed", "refunds need a receipt", "Dana", "Lee"
			s.Offers, s.Times = []string{"a room upgrade"}, []string{"4pm today", "9am tomorrow"}
			r, err := Review("Noted.", s)
			require.NoError(t, err)
			require.NotEmpty(t, r.Rewrite)
			assert.NotContains(t, r.Rewrite, "{", "every slot is filled")
			again, err := Review(r.Rewrite, s)
			require.NoError(t, err)
			assert.Empty(t, again.Findings, "%q", r.Rewrite)
			assert.Empty(t, again.Order, "%q", r.Rewrite)
			assert.GreaterOrEqual(t, again.Score, 90, "%q missing %v", r.Rewrite, again.Missing)
		})
	}
}

func TestReviewBadInput(t *testing.T) {
	s := Situation{}
	cases := []struct {
		name  string
		draft string
		want  error
	}{
		{"empty", "", ErrEmpty},
		{"blank", " \n\t ", ErrBlank},
		{"invalid utf-8", "I'm sorry \xff\xfe", ErrInvalidUTF8},
		{"huge", strings.Repeat("I'm sorry. ", 2000), ErrTooLong},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Review(tc.draft, s)
			assert.Nil(t, r)
			assert.ErrorIs(t, err, tc.want)
			var ie *InputError
			assert.True(t, errors.As(err, &ie))
		})
	}
	_, err := Review("I'm sorry \xff", s)
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, 10, ie.Offset)

	long := strings.Repeat("Please note. ", MaxLen/13)
	r, err := Review(long, s)
	require.NoError(t, err, "a draft just under the limit is reviewed")
	assert.Equal(t, 0, len(r.Findings))
}

func TestReviewConcurrent(t *testing.T) {
	tc := goldenCases[0]
	want, err := Review(tc.draft, tc.s)
	require.NoError(t, err)
	done := make(chan *Report)
	for range 8 {
		go func() {
			r, _ := Review(tc.draft, tc.s)
			done <- r
		}()
	}
	for range 8 {
		assert.Equal(t, want, <-done)
	}
}

// The quoted text in a point or finding reads exactly as strconv.Quote
// writes it, whatever characters the draft used.
func TestQuoteInQuotesLikeStrconv(t *testing.T) {
	for _, s := range []string{"", "I'm so sorry", "we got this wrong", "it’s on us", "say \"sorry\"", `a\b`, "line\nbreak", "tab\there", "café 😀", "\x7f"} {
		assert.Equal(t, "Found: x ("+strconv.Quote(s)+")", quoteIn("Found:", " x (", s, ")"), s)
	}
}

// TestUsesName checks the Name point's reading of the customer's name:
// the last word of the name, folded as the draft is, with the stops and
// commas around it ignored, in plain ASCII names and others alike.
func TestUsesName(t *testing.T) {
	for _, tc := range []struct {
		name, customer, draft string
		uses                  bool
	}{
		{"surname", "Ms Okafor", "Dear Ms Okafor, thank you.", true},
		{"surname only", "Ms Okafor", "Okafor, I'm sorry.", true},
		{"possessive", "Mr Chen", "Mr Chen's order is on its way.", true},
		{"other name", "Ms Okafor", "Dear Ms Adeyemi, thank you.", false},
		{"trailing stop", "Dr Smith.", "Dear Dr Smith, thank you.", true},
		{"tab before surname", "Ms\tOkafor", "Okafor, I'm sorry.", true},
		{"backtick apostrophe", "Mr O`Brien", "Dear Mr O'Brien, I'm sorry.", true},
		{"accented", "Frau Müller", "Liebe Frau MÜLLER, sorry.", true},
		{"no-break space", "Ms\u00a0Okafor", "Okafor, I'm sorry.", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := prose.Parse(tc.draft)
			require.NoError(t, err)
			assert.Equal(t, tc.uses, usesName(doc, tc.customer))
		})
	}
}

// TestOpensGreeting checks that a rewrite sees a greeting whatever its
// case, as the lower-cased word does, without lowering plain ASCII into
// a new string: "Dear" and "HELLO" greet, "Goodbye" does not, and a
// capital dotted I lowers to "i" ("Hİ").
func TestOpensGreeting(t *testing.T) {
	for _, w := range []string{"", "Dear", "DEAR", "dEaR", "Hi", "hI", "Hİ", "HİHİHİ", "HELLO", "Hello", "hellö", "Hey", "Good", "Goodbye", "hello!", "ok"} {
		assert.Equal(t, isGreeting(strings.ToLower(w)), opensGreeting(w), w)
	}
	assert.True(t, opensGreeting("Hİ"))
	assert.False(t, opensGreeting("Goodbye"))
}

// TestShoutingAcrossSentences: a draft all in capitals is one shouting
// finding even over several sentences, and the rewrite puts it in
// sentence case, with I and the first word of each sentence capitalised.
// (A run that went on past a full stop once made the rewrite panic.)
func TestShoutingAcrossSentences(t *testing.T) {
	for _, tc := range []struct{ draft, calm string }{
		{"REFUNDS TAKE TIME. YOUR REFUND WILL ARRIVE SOON.", "Refunds take time. Your refund will arrive soon."},
		{"I AM SORRY. I HAVE REFUNDED YOU TODAY.", "I am sorry. I have refunded you today."},
		{"SORRY! WE WILL FIX IT TODAY. I'M SENDING IT NOW", "Sorry! We will fix it today. I'm sending it now"},
		{"PLEASE BRING YOUR ID TO THE DESK", "Please bring your ID to the desk"},
		{"Thank you. PLEASE WAIT FOR THE COURIER.", "Thank you. Please wait for the courier."},
	} {
		t.Run(tc.draft, func(t *testing.T) {
			for _, ch := range []Channel{Chat, Email, Phone} {
				r, err := Review(tc.draft, Situation{Channel: ch})
				require.NoError(t, err)
				var shouts []Finding
				for _, f := range r.Findings {
					if f.Rule == RuleShouting {
						shouts = append(shouts, f)
					}
				}
				require.Len(t, shouts, 1, "one finding for the run")
				assert.Contains(t, tc.calm, shouts[0].Suggestions[0], "the fix is the run in sentence case")
				assert.Contains(t, r.Rewrite, tc.calm, "channel %v", ch)
			}
		})
	}
}
