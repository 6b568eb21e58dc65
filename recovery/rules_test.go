package recovery

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// moveExamples has, for every move, replies that show it and replies that
// do not (near misses where possible).
var moveExamples = []struct {
	move     Move
	pos, neg []string
}{
	{Listen, []string{"Please go on, I'm listening.", "Take your time and tell me everything.", "I have read all of your message carefully."},
		[]string{"Please hold.", "I read the news today.", "Let me stop you there."}},
	{Paraphrase, []string{"So, if I have this right, the key card stopped working twice.", "Let me make sure I understand: the parcel never came.", "To check I've understood, you were charged twice."},
		[]string{"I have the right form here.", "Your parcel is on the way.", "I understand."}},
	{Acknowledge, []string{"That sounds really frustrating.", "I can see how upsetting this must be.", "You deserved better than a cold room."},
		[]string{"The room is cold.", "I can see your booking.", "We deserve a break."}},
	{Believe, []string{"I believe you.", "I'll take your word for it.", "I don't doubt what you saw."},
		[]string{"I believe the shop opens at nine.", "Please send proof of purchase.", "We doubt that is possible."}},
	{Thank, []string{"Thank you for telling us about the leak.", "Thanks for flagging the error.", "Thank you for taking the time to write."},
		[]string{"Thank you for your order.", "Thanks for waiting.", "Thank goodness it arrived."}},
	{Apologise, []string{"I'm sorry the order was late.", "We apologise for the mistake.", "Please accept my apologies."},
		[]string{"I'm sorry you feel that way.", "Sorry if that upset you.", "We're sorry for any inconvenience caused."}},
	{Own, []string{"Leave it with me.", "That's on us, and I'll handle this myself.", "We got it wrong."},
		[]string{"Please take care on the stairs.", "The courier got it wrong.", "It's on the shelf."}},
	{AskFair, []string{"What would be fair to you?", "How can I make this right?", "If you could choose, what would you want?"},
		[]string{"That seems fair.", "Is the date right?", "What would you like to drink?"}},
	{Fix, []string{"I've rebooked you on the next train.", "Let me fix that now.", "I have corrected the address."},
		[]string{"The fixing screws are in the box.", "Nothing has changed.", "Please send the form."}},
	{Offer, []string{"What I can do is send a new one.", "I can offer you a later slot.", "Alternatively, I can book you a taxi."},
		[]string{"I can't offer a refund.", "What did you order?", "We offered it last year."}},
	{Explain, []string{"The reason is that the kitchen closes at ten.", "This is because the system was down.", "Let me explain how the charge works."},
		[]string{"The kitchen closes at ten.", "The system was down.", "I see."}},
	{AgreeToDiffer, []string{"We may not agree on this, but let me fix the bill.", "I see it differently, and I'll raise it with the team.", "You may have a point; meanwhile, let's get you home."},
		[]string{"We agree.", "I see the problem.", "Let's go."}},
	{CommitTime, []string{"I will call you back at 4pm today.", "You'll hear from me by Friday.", "I'll email you within 2 hours."},
		[]string{"I'll call you back soon.", "We will be in touch shortly.", "I'll get back to you."}},
	{Atone, []string{"Your dessert is on the house.", "I've taken the charge off your bill.", "As a gesture of goodwill, here is a voucher."},
		[]string{"The house is near the station.", "Your bill is attached.", "Here is your receipt."}},
	{HandOver, []string{"I've passed this to my supervisor.", "I'm bringing in a colleague who can approve it.", "I'll brief them so you don't have to repeat yourself."},
		[]string{"I'll handle it myself.", "Please pass the salt.", "I spoke to the team."}},
	{Prevent, []string{"I've also checked your return flight.", "I added a note to your account.", "For your next stay, your room preference is saved."},
		[]string{"Your account is open.", "I checked the room.", "Next, let me look at the bill."}},
	{WelcomeFeedback, []string{"We welcome feedback, good or bad.", "Your feedback helps us improve.", "Please keep telling us how we do."},
		[]string{"Please fill in the form.", "Good morning.", "That was bad luck."}},
	{FollowUp, []string{"I'll follow up on Monday.", "I'll check back next week to see it's fixed.", "I'll confirm it in writing once it's done."},
		[]string{"Please follow the signs.", "Check your email.", "It's done."}},
	{RecordCause, []string{"I've logged the fault.", "I'm reporting this to our quality team.", "We want to find out why it happened."},
		[]string{"Please log in.", "The report is attached.", "Why not try again?"}},
	{NameBehaviour, []string{"The language you're using is not acceptable.", "I won't accept being insulted.", "Your message is abusive."},
		[]string{"Your message was clear.", "I accept your point.", "The form is in English."}},
	{AskToStop, []string{"Please stop swearing.", "I need you to stop shouting so I can help.", "Please keep your messages free of insults."},
		[]string{"The bus will stop here.", "Keep your receipt.", "We can carry the bags."}},
	{StateConsequence, []string{"If the swearing continues, I will end the call.", "If this continues, I'll have to step away.", "If the abuse carries on, this chat will close."},
		[]string{"If you need anything, call us.", "The call ended.", "This will continue tomorrow."}},
	{EndOrEscalate, []string{"As I said I would, I'm ending this call now.", "I'm closing this chat now.", "I'm asking my supervisor to take this over now."},
		[]string{"The chat is open.", "I'll call you at noon.", "Take this form."}},
	{Document, []string{"For our records, I've written this up.", "I'll document what was said.", "I'm making a note of this conversation."},
		[]string{"Here is a note from the chef.", "Records show you booked twice.", "Write your name here."}},
}

func TestMoveExamples(t *testing.T) {
	seen := map[Move]bool{}
	s := Situation{State: Upset, Channel: Email}
	for _, tc := range moveExamples {
		seen[tc.move] = true
		t.Run(tc.move.String(), func(t *testing.T) {
			require.GreaterOrEqual(t, len(tc.pos), 3)
			require.GreaterOrEqual(t, len(tc.neg), 3)
			for _, text := range tc.pos {
				r, err := Review(text, s)
				require.NoError(t, err)
				assert.True(t, r.Found(tc.move), "want %s in %q, found %v", tc.move, text, r.Moves)
				for _, f := range r.Moves {
					if f.Move == tc.move {
						assert.Equal(t, text[f.Span.Start:f.Span.End], f.Text)
					}
				}
			}
			for _, text := range tc.neg {
				r, err := Review(text, s)
				require.NoError(t, err)
				assert.False(t, r.Found(tc.move), "did not want %s in %q, found %v", tc.move, text, r.Moves)
			}
		})
	}
	for m := range numMoves {
		assert.True(t, seen[m], "move %s has no examples", m)
	}
}

var named = Situation{State: Upset, Channel: Email, CustomerName: "Ms Okafor"}

var abusive = Situation{State: Abusive, Channel: Phone, CanEscalate: true}

// ruleExamples has, for every anti-pattern and order rule, replies that
// break it and replies that do not.
var ruleExamples = []struct {
	rule     string
	s        Situation
	pos, neg []string
}{
	{RuleNonApology, named, []string{"I'm sorry you feel that way.", "Sorry if you were upset.", "We apologise for any inconvenience."},
		[]string{"I'm sorry we let you down.", "I'm sorry the room was cold.", "I feel that we can fix it."}},
	{RuleBlame, named, []string{"You should have read the terms.", "If you had checked the email, this would not happen.", "It's your responsibility to bring the receipt."},
		[]string{"It's not your fault.", "You should have had a call from us.", "I should have checked.", "If you had any trouble with the key, tell me."}},
	{RuleCalmDown, named, []string{"Please calm down.", "There's no need to get upset.", "You're overreacting."},
		[]string{"The sea was calm.", "I understand you're upset.", "Have a relaxing evening."}},
	{RulePolicyOnly, named, []string{"Our policy is no refunds after 30 days.", "Company policy does not allow that.", "Terms and conditions apply."},
		[]string{"Our policy is no refunds after 30 days, but what I can do is offer store credit.", "I can offer an exchange; the policy allows that.", "We have no rule about pets."}},
	{RuleNothingICanDo, named, []string{"There's nothing I can do.", "It's out of my hands.", "That's not my department."},
		[]string{"There's nothing to worry about.", "Here is what I can do.", "It's in my hands now."}},
	{RuleUnfortunately, named, []string{"Unfortunately the flight is full.", "Unfortunately, we are closed.", "Regrettably the item is out of stock."},
		[]string{"Unfortunately the flight is full, but I can book you on the 6pm.", "Unfortunately the item is out of stock. What I can do is order it in.", "The flight is full."}},
	{RuleUnkeepable, named, []string{"This will never happen again.", "I guarantee it won't be late.", "I promise you a perfect stay."},
		[]string{"I can't promise it will never happen again, but I've logged it.", "We will work hard to prevent it.", "Your warranty is valid."}},
	{RuleVagueTime, named, []string{"I'll get back to you soon.", "We will call you back as soon as possible.", "Someone will be in touch shortly."},
		[]string{"I'll call you back at 3pm.", "You'll hear from me by Friday.", "I'll email you within 2 hours.", "We hope to see you again soon."}},
	{RuleSirMadam, named, []string{"Dear Sir, thank you for writing.", "Yes, madam, I understand.", "Dear valued customer, we apologise."},
		[]string{"Dear Ms Okafor, thank you.", "We heard sirens outside.", "Thank you for writing, Ms Okafor."}},
	{RuleShouting, named, []string{"This is NOT acceptable.", "We have fixed it!!!", "PLEASE READ THE EMAIL."},
		[]string{"Your PIN is in the letter.", "We have fixed it!", "Your booking ref is AB12CD."}},
	{RuleSarcasm, named, []string{"With all due respect, you are wrong.", "Obviously the shop was closed.", "As I'm sure you know, we close at six."},
		[]string{"I respect your view.", "The sign is clear.", "As you know your dates, please confirm them."}},
	{RuleExplainFirst, named, []string{"Our policy is that rooms are ready at three. I'm sorry it wasn't ready.", "The reason is a staff shortage. I'm sorry for the wait.", "This is because the system failed. I have rebooked you."},
		[]string{"I'm sorry. The reason is a staff shortage.", "I've rebooked you. This is because the system failed.", "I'm sorry the room was late."}},
	{RuleWarnBeforeAsk, abusive, []string{"If the swearing continues I will end the call. Please stop swearing.", "If this continues, I'll have to end the call. The language you're using is not acceptable.", "If the insults go on I will hang up. I need you to stop."},
		[]string{"Please stop swearing. If it continues I will end the call.", "The language you're using is not acceptable. If this continues, I'll have to end the call.", "I need you to stop shouting."}},
	{RuleEndBeforeWarn, abusive, []string{"I'm ending this call now. If the shouting carries on I would have ended it anyway.", "I'm closing this chat now, and if the abuse continues we will not reopen it.", "As I said I would, I'm ending this call. If it continues next time, the same will happen."},
		[]string{"If the shouting carries on, I will end this call. Please stop.", "If it continues, I'll have to end the call. As I said I would, I'm ending this call now.", "Please stop swearing at me."}},
}

func TestRuleExamples(t *testing.T) {
	seen := map[string]bool{}
	for _, tc := range ruleExamples {
		seen[tc.rule] = true
		t.Run(tc.rule, func(t *testing.T) {
			require.GreaterOrEqual(t, len(tc.pos), 3)
			require.GreaterOrEqual(t, len(tc.neg), 3)
			for _, text := range tc.pos {
				r, err := Review(text, tc.s)
				require.NoError(t, err)
				assert.True(t, r.Has(tc.rule), "want %s in %q; findings %v order %v", tc.rule, text, r.Findings, r.Order)
				for _, f := range append(r.Findings, r.Order...) {
					assert.LessOrEqual(t, f.Span.End, len(text))
					assert.Less(t, f.Span.Start, f.Span.End, "empty span in %q", text)
				}
			}
			for _, text := range tc.neg {
				r, err := Review(text, tc.s)
				require.NoError(t, err)
				assert.False(t, r.Has(tc.rule), "did not want %s in %q; findings %v", tc.rule, text, r.Findings)
			}
		})
	}
	for _, ap := range antiPatterns {
		assert.True(t, seen[ap.Rule], "anti-pattern %s has no examples", ap.Rule)
	}
}

func TestSirMadamOnlyWhenNameKnown(t *testing.T) {
	r, err := Review("Dear Sir, thank you for writing.", Situation{Channel: Email})
	require.NoError(t, err)
	assert.False(t, r.Has(RuleSirMadam), "no name is known, so Sir is acceptable")
}

func TestAntiPatternFindingsCarryBetterPhrases(t *testing.T) {
	r, err := Review("I'm sorry you feel that way. There's nothing I can do.", named)
	require.NoError(t, err)
	require.Len(t, r.Findings, 2)
	for _, f := range r.Findings {
		assert.NotEmpty(t, f.Suggestions, f.Rule)
		assert.NotEmpty(t, f.Why, f.Rule)
	}
	assert.Contains(t, r.Findings[0].Suggestions[0], "Ms Okafor", "the better apology is rendered with the customer's name")
}
