package recovery

// AntiPattern is something a recovery reply should not do. Review reports
// each occurrence as a [Finding] whose Rule is the anti-pattern's Rule and
// whose Suggestions come from the phrases listed in Better.
type AntiPattern struct {
	Rule     string   `json:"rule"`
	Title    string   `json:"title"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Why      string   `json:"why"`
	// Better lists catalogue phrase ids to use instead.
	Better []string `json:"better,omitempty"`
	cues   []string
}

// Anti-pattern rule ids.
const (
	RuleNonApology     = "recovery.non-apology"
	RuleBlame          = "recovery.blame"
	RuleCalmDown       = "recovery.calm-down"
	RulePolicyOnly     = "recovery.policy-without-alternative"
	RuleNothingICanDo  = "recovery.nothing-i-can-do"
	RuleUnfortunately  = "recovery.unfortunately-nothing-offered"
	RuleUnkeepable     = "recovery.unkeepable-promise"
	RuleVagueTime      = "recovery.vague-time"
	RuleSirMadam       = "recovery.sir-madam"
	RuleShouting       = "recovery.shouting"
	RuleSarcasm        = "recovery.sarcasm"
	RuleExplainFirst   = "recovery.order.explain-before-acting"
	RuleWarnBeforeAsk  = "recovery.order.consequence-before-asking"
	RuleEndBeforeWarn  = "recovery.order.end-before-warning"
	RuleOfferAfterNoop = "recovery.order.help-after-closing"
)

const (
	apNonApology = iota
	apBlame
	apCalmDown
	apPolicyOnly
	apNothing
	apUnfortunately
	apUnkeepable
	apVagueTime
	apSirMadam
	apShouting
	apSarcasm
	numAntiPatterns
)

var antiPatterns = [numAntiPatterns]AntiPattern{
	apNonApology: {Rule: RuleNonApology, Title: "Non-apology", Severity: Error,
		Message: "This apologises for the customer's feelings or on a condition, not for what happened.",
		Why:     "'Sorry you feel' and 'sorry if' put the problem in the customer's reaction; they hear it as blame and it makes things worse.",
		Better:  []string{"apologise-name-ask", "apologise-ask"},
		cues: []string{"sorry you feel", "sorry that you feel", "sorry if", "apologise if", "apologize if", "sorry you think",
			"sorry you were upset", "sorry you're upset", "sorry you are upset", "sorry you were unhappy", "sorry you see it",
			"sorry for any inconvenience", "apologise for any inconvenience", "apologize for any inconvenience",
			"regret any inconvenience", "sorry but", "sorry, but", "sorry you found", "sorry that you found"}},
	apBlame: {Rule: RuleBlame, Title: "Blaming the customer", Severity: Error,
		Message: "This puts the fault on the customer.",
		Why:     "Even when the customer contributed, blame starts an argument you cannot win; fix the problem and leave fault aside.",
		Better:  []string{"differ-solve", "apologise-ask"},
		cues: []string{"you should have", "you failed to", "your mistake", "your fault", "your own fault", "you didn't read",
			"you did not read", "if you had read", "if you had checked", "if you had called", "if you had told", "if you had followed", "if you had booked", "you need to understand", "your responsibility",
			"you were supposed to", "you must have", "you were told", "as I already said", "as I said before", "like I said",
			"as I already explained", "you misunderstood", "you got it wrong", "you didn't follow", "you did not follow",
			"you neglected", "it's on you", "you forgot to", "you ignored"}},
	apCalmDown: {Rule: RuleCalmDown, Title: "Telling them to calm down", Severity: Error,
		Message: "Telling an upset customer to calm down.",
		Why:     "Nobody has ever calmed down on being told to; it dismisses the feeling and usually raises the temperature.",
		Better:  []string{"ack-frustrating", "ack-hear-upset"},
		cues: []string{"calm down", "settle down", "just relax", "please relax", "try to relax", "no need to get upset",
			"no need to be upset", "no need to get so upset", "don't get upset", "don't be upset", "overreacting",
			"over-reacting", "being emotional", "getting emotional", "take a deep breath", "chill out", "no need to shout"}},
	apPolicyOnly: {Rule: RulePolicyOnly, Title: "Policy with no alternative", Severity: Error,
		Message: "The reply quotes a policy but offers nothing the customer can have instead.",
		Why:     "A bare policy is a closed door; say what you can do within it.",
		Better:  []string{"policy-and-alternative", "offer-can-do"}},
	apNothing: {Rule: RuleNothingICanDo, Title: "\"Nothing I can do\"", Severity: Error,
		Message: "This says you cannot help.",
		Why:     "There is always something: an alternative, a colleague, a time to call back. Lead with that.",
		Better:  []string{"offer-can-do", "handover-offer"},
		cues: []string{"nothing I can do", "nothing we can do", "nothing more I can do", "nothing more we can do",
			"nothing else I can do", "nothing else we can do", "I can't do anything", "I cannot do anything",
			"we can't do anything", "we cannot do anything", "nothing to be done", "out of my hands", "not my department",
			"not my problem", "not my job", "can't help you", "cannot help you", "isn't anything I can do",
			"is not anything I can do", "isn't much I can do", "not much I can do", "not much we can do",
			"it is what it is", "unable to help"}},
	apUnfortunately: {Rule: RuleUnfortunately, Title: "\"Unfortunately\" with nothing offered", Severity: Warning,
		Message: "'Unfortunately' with nothing offered after it.",
		Why:     "'Unfortunately' warns the customer that a 'no' is coming; without an alternative the reply ends on the 'no'.",
		Better:  []string{"offer-can-do", "offer-choice"}},
	apUnkeepable: {Rule: RuleUnkeepable, Title: "Promise that cannot be kept", Severity: Warning,
		Message: "This promises something nobody can guarantee.",
		Why:     "A promise that breaks turns one failure into two; promise what you will do, not what will never happen.",
		Better:  []string{"record-log", "prevent-note"},
		cues: []string{"never happen again", "won't happen again", "will not happen again",
			"I guarantee", "we guarantee", "guaranteed", "I promise this will", "I promise it will", "I promise you",
			"I can promise", "will always be perfect", "every time from now on", "100% sure", "this will never"}},
	apVagueTime: {Rule: RuleVagueTime, Title: "Commitment with no time", Severity: Warning,
		Message: "A commitment with no time attached.",
		Why:     "'Soon' means different things to you and the customer; give a time, or a choice of times.",
		Better:  []string{"time-call-choice", "time-investigate-write"}},
	apSirMadam: {Rule: RuleSirMadam, Title: "Sir or Madam when the name is known", Severity: Warning,
		Message: "A generic form of address although the customer's name is known.",
		Why:     "Using the name shows you see a person, not a case; 'Sir' and 'Madam' can sound cold or sarcastic to an upset customer.",
		cues: []string{"sir", "madam", "ma'am", "dear customer", "dear valued customer", "valued customer", "dear guest",
			"dear client", "dear passenger", "dear patient"}},
	apShouting: {Rule: RuleShouting, Title: "Shouting", Severity: Warning,
		Message: "Capitals or stacked exclamation marks read as shouting.",
		Why:     "In writing, capitals and '!!!' raise the volume of a conversation that needs lowering."},
	apSarcasm: {Rule: RuleSarcasm, Title: "Sarcasm", Severity: Error,
		Message: "This can read as sarcastic or condescending.",
		Why:     "An upset customer reads tone at its worst; phrases like these turn frustration into anger.",
		Better:  []string{"ack-frustrating", "offer-can-do"},
		cues: []string{"with all due respect", "with respect", "obviously", "clearly", "as I'm sure you know",
			"as I'm sure you're aware", "as you are aware", "as you're aware", "per my last email", "as per my last email",
			"per my previous email", "as previously stated", "as previously mentioned", "if you say so",
			"good luck with that", "whatever you say", "yeah, whatever", "no offence", "no offense",
			"I'm sure you'll understand", "believe it or not", "as you can see", "funnily enough", "surprise, surprise",
			"sorry not sorry", "nice try"}},
}

// AntiPatterns returns the anti-patterns Review looks for.
func AntiPatterns() []AntiPattern {
	out := make([]AntiPattern, numAntiPatterns)
	for i, a := range antiPatterns {
		a.cues = nil
		a.Better = append([]string(nil), a.Better...)
		out[i] = a
	}
	return out
}
