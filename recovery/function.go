package recovery

import (
	"slices"
	"strings"
	"sync"

	"github.com/purposefulcx/purposeful/internal/prose"
)

// A clauseRule recognises a move by what a clause does, not by a listed
// phrase: who acts (the person of the subject), when (the tense of the
// verb group), whether it is negated, what the main verb is, and which
// words stand in the clause. "I've posted the right one" is the first
// person with a completed action: a fix, whatever the words.
type clauseRule struct {
	ID   string
	Move Move
	// Who is the set of persons the subject may have; zero means any.
	Who persons
	// Tenses is the set of tenses the verb group may have; zero means any.
	Tenses tenses
	// Negated: 0 either, 1 the clause must be negated, -1 it must not.
	Negated int8
	// Passive requires a passive verb group ("has been refunded").
	Passive bool
	// Verbs are base forms of the main verb; empty means any verb.
	Verbs []string
	// With are words of which at least one must stand in the clause
	// (compared by stem); empty means none is needed.
	With []string
	// Without are words none of which may stand in the clause.
	Without []string
	// NotVerbs are base forms the main verb may not have.
	NotVerbs []string
	// Singular requires "I" rather than "we"; Plural requires "we" or a
	// noun subject that is ours ("our system").
	Singular, Plural bool
	// Ours lets a noun subject that is ours ("our crew", "my colleague")
	// count as the first person.
	Ours bool
	// Question requires a question.
	Question bool
	// Statement rules do not fire in a question.
	Statement bool
	Why       string
}

// persons and tenses are bit sets of prose.Person and prose.Tense.
type (
	persons uint8
	tenses  uint8
)

const (
	firstPerson  persons = 1 << prose.First
	secondPerson persons = 1 << prose.Second
	thirdPerson  persons = 1 << prose.Third
	noPerson     persons = 1 << prose.NoPerson

	past        tenses = 1 << prose.Past
	perfect     tenses = 1 << prose.Perfect
	future      tenses = 1 << prose.Future
	progressive tenses = 1 << prose.Progressive
	present     tenses = 1 << prose.Present
	modal       tenses = 1 << prose.Modal
	conditional tenses = 1 << prose.Conditional
	doneOrDoing        = past | perfect | future | progressive
	committed          = future | progressive
)

// actionVerbs are what an employee does to put a problem right.
var actionVerbs = []string{"refund", "rebook", "book", "move", "replace", "send", "post", "courier", "dispatch", "reissue",
	"correct", "change", "cancel", "upgrade", "fix", "sort", "arrange", "reserve", "reset", "restore", "reconnect",
	"repair", "remove", "process", "issue", "unlock", "reverse", "void", "swap", "exchange", "reroute", "reorder",
	"reschedule", "schedule", "deliver", "reprint", "release", "approve", "activate", "adjust", "amend", "resend",
	"chase", "find", "trace", "locate", "clear", "restart", "ship", "expedite", "prioritise", "prioritize", "honour",
	"honor", "assign", "order", "return", "transfer", "bring", "collect", "clean", "waive", "credit", "recheck", "reinstate",
	"extend", "top", "resolve", "redo", "rearrange", "recook", "remake", "test", "print", "hold", "put", "get", "apply", "update"}

// atoneVerbs give something back for the failure.
var atoneVerbs = []string{"refund", "credit", "waive", "cover", "pay", "compensate", "reimburse", "upgrade", "discount"}

// fixWithout are words that stop a clause from being a fix: a condition,
// an attempt, a mistake (that is the failure, not the fix), a hand-over.
var fixWithout = []string{"if", "able", "unable", "try", "wrong", "mistake", "incorrect", "instead", "back", "note", "flag",
	"colleague", "supervisor", "manager", "sure", "hope"}

// errorWords say something went wrong.
var errorWords = []string{"wrong", "wrongly", "mistake", "mistaken", "error", "missed", "incorrect", "incorrectly", "forgot",
	"forget", "lost", "lose", "mix", "mixed", "overcharged", "overcharge", "twice", "damaged", "broke", "broken",
	"failed", "fail", "confusion", "ball", "short", "fault", "mess", "messed", "sloppy", "poor", "poorly", "careless",
	"badly", "unacceptable", "slow", "rude", "ignored", "dropped", "misread", "misunderstood", "overlooked", "late", "overbooked",
	"overbook", "double-booked", "double-charged"}

// clauseRules are the rules that read what a clause does. They run over
// every clause of the draft; each hit cites its rule id and the clause.
var clauseRules = []clauseRule{
	{ID: "fix.first-person-action", Move: Fix, Who: firstPerson, Tenses: perfect | committed, Negated: -1, Verbs: actionVerbs,
		Without: fixWithout, Statement: true,
		Why: "The first person with a completed or committed action on the problem: the fix itself."},
	{ID: "fix.i-did", Move: Fix, Who: firstPerson, Singular: true, Tenses: past, Negated: -1, Verbs: actionVerbs,
		Without: fixWithout, Statement: true,
		Why: "'I' with an action already taken on the problem ('I rebooked you this morning'): the fix itself."},
	{ID: "fix.done-passive", Move: Fix, Who: thirdPerson | noPerson, Tenses: perfect | present | past, Negated: -1, Passive: true,
		Verbs: actionVerbs, Statement: true,
		Why: "A passive with a completed action ('your booking has been changed'): the problem is already being put right."},
	{ID: "fix.done-now", Move: Fix, Who: firstPerson, Tenses: perfect, Negated: -1, Verbs: []string{"email", "check", "text", "resend", "message", "unblock", "close"},
		Without: fixWithout, Statement: true,
		Why: "The first person reporting an action just done on the problem ('I've emailed them now')."},
	{ID: "atone.first-person-gesture", Move: Atone, Who: firstPerson, Tenses: doneOrDoing, Negated: -1, Verbs: atoneVerbs, Statement: true,
		Why: "The first person giving something back: a refund, a credit, a cost covered."},
	{ID: "own.we-did-to-you", Move: Own, Who: firstPerson, Ours: true, Plural: true, Tenses: past, With: []string{"you", "your"},
		NotVerbs: []string{"tell", "say", "explain", "think", "hope", "try", "want", "receive", "get", "see", "hear"}, Statement: true,
		Why: "'We' telling what we did to the customer ('we gave your room away'): the failure told as ours."},
	{ID: "own.first-person-fault", Move: Own, Who: firstPerson, Ours: true, Tenses: past, Negated: -1,
		With: errorWords, Without: []string{"if", "nothing", "sure"}, Statement: true,
		Why: "The first person naming what went wrong ('we sent you the wrong size'): the mistake is owned, not explained away."},
	{ID: "own.first-person-fault-perfect", Move: Own, Who: firstPerson, Tenses: perfect, Negated: -1,
		With: errorWords, Without: []string{"if", "nothing", "sure"}, NotVerbs: append([]string{"report", "log", "raise", "record", "flag", "note", "pass"}, actionVerbs...), Statement: true,
		Why: "The first person naming what went wrong ('we've made a mess of this'): the mistake is owned, not explained away."},
	{ID: "own.first-person-failed-to", Move: Own, Who: firstPerson, Ours: true, Tenses: past | perfect, Negated: 1,
		Verbs: []string{"call", "tell", "send", "update", "deliver", "check", "follow", "keep", "warn", "reply", "answer",
			"respond", "listen", "honour", "honor", "explain", "give", "do", "pass", "notify", "confirm", "process", "ring",
			"get", "let", "arrive", "come", "turn", "show", "treat", "make", "meet", "fix", "sort", "act", "look", "read", "record", "note", "book", "clean", "finish",
			"serve", "arrange", "collect", "pick", "have"},
		Statement: true,
		Why:       "The first person admitting what was not done ('we didn't call you back'): a failure owned in plain words."},
	{ID: "own.should-have", Move: Own, Who: firstPerson, Ours: true, Tenses: conditional, With: []string{"should"}, Without: []string{"if"}, Statement: true,
		Why: "The first person saying what should have happened ('we should have told you'): ownership without excuses."},
	{ID: "own.take-charge", Move: Own, Who: firstPerson, Tenses: committed, Negated: -1,
		Verbs:     []string{"handle", "own", "oversee", "manage", "stay", "see", "look", "follow", "deal"},
		With:      []string{"personally", "myself", "through", "after", "end", "it", "this", "case", "until", "contact"},
		Statement: true,
		Why:       "The first person taking the problem on ('I'll see it through'): one person who will own it."},
	{ID: "own.take-responsibility", Move: Own, Who: firstPerson, Negated: -1, Verbs: []string{"take", "accept"},
		With: []string{"responsibility", "ownership", "charge", "care", "blame"}, Statement: true,
		Why: "The first person taking responsibility or charge: ownership in so many words."},
	{ID: "offer.first-person-can", Move: Offer, Who: firstPerson, Tenses: modal, Negated: -1,
		Without: []string{"see", "hear", "imagine", "understand", "tell", "assure", "confirm", "promise", "guarantee", "only",
			"say", "appreciate", "feel", "sorry", "what", "how", "why", "if", "trust", "believe", "reassure", "completely", "totally", "do"},
		Statement: true,
		Why:       "The first person with 'can' or 'could' and an action: what the customer can have."},
	{ID: "offer.would-you-like", Move: Offer, Who: secondPerson, Tenses: conditional, Verbs: []string{"like", "prefer", "rather"},
		With: []string{"me", "us", "to", "prefer", "rather", "instead", "or"}, Question: true,
		Why: "Asking whether the customer would like something done: an offer they can take."},
	{ID: "offer.happy-to", Move: Offer, Who: firstPerson, Tenses: modal, With: []string{"happy", "glad", "pleased"}, Negated: -1,
		Why: "'I'd be happy to ...': an offer the customer can take."},
	{ID: "prevent.flag-account", Move: Prevent, Who: firstPerson, Tenses: doneOrDoing, Negated: -1,
		Verbs:     []string{"flag", "brief", "mark", "remind", "prepay", "note", "alert", "warn", "tell"},
		With:      []string{"account", "order", "booking", "file", "record", "team", "staff", "driver", "kitchen", "desk", "crew", "colleagues", "ward", "nurses", "shift", "reservation", "profile", "details", "notes", "everyone", "agents", "housekeeping", "branch"},
		Statement: true,
		Why:       "The first person flagging the account or briefing the team so the problem does not reach the customer again."},
	{ID: "prevent.add-note", Move: Prevent, Who: firstPerson, Tenses: doneOrDoing, Negated: -1, Verbs: []string{"add", "put", "set", "place", "leave"},
		With: []string{"note", "flag", "alert", "marker", "reminder", "warning"}, Statement: true,
		Why: "A note or alert on the account heads off the next problem."},
	{ID: "prevent.check-rest", Move: Prevent, Who: firstPerson, Tenses: doneOrDoing, Negated: -1, Verbs: []string{"check", "look", "go", "review"},
		With: []string{"rest", "other", "others", "remaining", "future", "upcoming", "next", "everything", "return"}, Statement: true,
		Why: "Checking the rest of the booking or order so nothing else catches the customer out."},
	{ID: "followup.check-back", Move: FollowUp, Who: firstPerson, Tenses: committed, Negated: -1,
		Verbs:     []string{"call", "email", "ring", "phone", "text", "message", "contact", "check", "follow", "write", "get", "drop", "look", "pop", "visit", "come", "touch", "catch"},
		With:      []string{"check", "see", "sure", "confirm", "how", "whether", "fine", "okay", "ok", "working", "works", "arrived", "settled", "fits", "happy", "again", "sorted", "resolved", "held", "right", "well", "better"},
		Statement: true,
		Why:       "The first person committing to come back and check the fix held: the follow-up that closes the loop."},
	{ID: "handover.pass-on", Move: HandOver, Who: firstPerson, Tenses: doneOrDoing | present, Negated: -1,
		Verbs: []string{"pass", "hand", "transfer", "connect", "refer", "escalate", "introduce", "put", "bring", "forward", "ask", "brief", "send", "get"},
		With: []string{"colleague", "supervisor", "manager", "specialist", "lead", "leader", "nurse", "doctor", "pharmacist", "expert", "senior",
			"advisor", "adviser", "consultant", "officer", "coordinator", "caseworker", "department", "complaints", "claims", "escalations", "matron", "sister", "charge"},
		Statement: true,
		Why:       "The first person passing the case to someone with the power to help: a hand-over, not a brush-off."},
	{ID: "committime.future-arrival", Move: CommitTime, Who: thirdPerson | secondPerson | noPerson, Tenses: future, Negated: -1,
		Verbs:     []string{"arrive", "reach", "deliver", "land", "come", "with", "ready", "back", "there", "here", "show", "appear", "hear", "receive", "get", "see", "have", "call", "ring", "email", "contact", "visit"},
		Statement: true,
		Why:       "A promise of when something will reach the customer; a time in the sentence makes it a commitment."},
	{ID: "committime.first-person-future", Move: CommitTime, Who: firstPerson, Tenses: committed, Negated: -1, Statement: true,
		Why: "The first person committing to a next step; a time in the sentence makes it a commitment."},
}

// compiledRules is clauseRules indexed by verb key, with every word list
// reduced to stems once.
type compiledRules struct {
	byVerb   map[string][]int // verb key -> rule indexes
	anyVerb  []int
	with     [][]string
	without  [][]string
	notVerbs [][]string
}

var clauseIndex = sync.OnceValue(func() *compiledRules {
	c := &compiledRules{byVerb: make(map[string][]int, 256), with: make([][]string, len(clauseRules)),
		without: make([][]string, len(clauseRules)), notVerbs: make([][]string, len(clauseRules))}
	for i := range clauseRules {
		r := &clauseRules[i]
		if len(r.Verbs) == 0 {
			c.anyVerb = append(c.anyVerb, i)
		}
		for _, v := range r.Verbs {
			k := prose.VerbKey(v)
			if l := c.byVerb[k]; len(l) == 0 || l[len(l)-1] != i {
				c.byVerb[k] = append(l, i)
			}
		}
		for _, w := range r.With {
			c.with[i] = append(c.with[i], prose.Stem(w))
		}
		for _, w := range r.Without {
			c.without[i] = append(c.without[i], prose.Stem(w))
		}
		for _, v := range r.NotVerbs {
			c.notVerbs[i] = append(c.notVerbs[i], prose.VerbKey(v))
		}
	}
	return c
})

// ruleHit is a move found by a clause rule or a word rule.
type ruleHit struct {
	move Move
	rule string
	hit
}

// readClauses runs the clause rules over the draft's clauses. stems[i] is
// the stem of token i.
func readClauses(doc *prose.Doc, clauses []prose.Clause, stems []string, dst []ruleHit) []ruleHit {
	ix := clauseIndex()
	hasAny := func(c *prose.Clause, words []string) bool {
		for k := c.First; k < c.Last; k++ {
			for _, w := range words {
				if stems[k] == w {
					return true
				}
			}
		}
		return false
	}
	try := func(ri int, c *prose.Clause) {
		r := &clauseRules[ri]
		p := c.Person
		if r.Ours && c.Owner == prose.First {
			p = prose.First
		}
		if r.Who != 0 && r.Who&(1<<p) == 0 || r.Tenses != 0 && r.Tenses&(1<<c.Tense) == 0 {
			return
		}
		if r.Plural && !c.Plural && c.Owner != prose.First || r.Question && !c.Question {
			return
		}
		if r.Negated > 0 && !c.Negated || r.Negated < 0 && c.Negated || r.Passive && !c.Passive || r.Statement && c.Question {
			return
		}
		if r.Singular && c.Plural || c.Verb >= 0 && slices.Contains(ix.notVerbs[ri], c.Key) {
			return
		}
		if len(ix.with[ri]) > 0 && !hasAny(c, ix.with[ri]) || len(ix.without[ri]) > 0 && hasAny(c, ix.without[ri]) {
			return
		}
		first := c.First
		if c.Subject >= c.First && c.Subject < first {
			first = c.Subject
		}
		dst = append(dst, ruleHit{r.Move, r.ID, hit{first, c.Last, doc.TokenSpan(first, c.Last)}})
	}
	for i := range clauses {
		c := &clauses[i]
		if c.Verb >= 0 {
			for _, ri := range ix.byVerb[c.Key] {
				try(ri, c)
			}
		}
		for _, ri := range ix.anyVerb {
			try(ri, c)
		}
	}
	return dst
}

// feelingWords name how a customer feels or how the failure was for them.
func feelingWord(w string) bool {
	switch w {
	case "frustrating", "frustrated", "frustration", "annoying", "annoyed", "upsetting", "disappointing", "disappointed",
		"disappointment", "stressful", "stress", "worrying", "worried", "worry", "exhausting", "exhausted", "awful",
		"infuriating", "maddening", "horrible", "terrible", "miserable", "scary", "frightening", "frightened", "distressing",
		"distress", "anxious", "anxiety", "hassle", "nightmare", "angry", "anger", "furious", "embarrassing", "confusing",
		"unsettling", "alarming", "draining", "tiring", "tired", "disruptive", "unpleasant", "infuriated", "livid",
		"upset", "stressed", "scared", "shaken", "hurt", "hurtful", "insulting", "exasperating", "let-down", "gutted",
		"fed", "rubbish", "worse", "ordeal", "wasted", "ruined", "spoiled", "spoilt", "cold", "hungry", "stranded", "wet", "nuisance":
		return true
	}
	return false
}

// wordRules find moves carried by one word whatever the sentence's shape:
// an apology ("sorry", "apologies"), thanks for raising it, a feeling
// named, a reason given. Each hit covers the clause holding the word.
func readWords(doc *prose.Doc, clauses []prose.Clause, dst []ruleHit) []ruleHit {
	toks := doc.Tokens
	ci := 0
	clauseOf := func(i int) (int, int) {
		for ci < len(clauses) && clauses[ci].Last <= i {
			ci++
		}
		if ci < len(clauses) && clauses[ci].First <= i {
			c := &clauses[ci]
			first := c.First
			if c.Subject >= 0 && c.Subject < first {
				first = c.Subject
			}
			return first, c.Last
		}
		return i, i + 1
	}
	add := func(m Move, rule string, i int) {
		f, l := clauseOf(i)
		if n := len(dst); n > 0 && dst[n-1].move == m && dst[n-1].first == f {
			return
		}
		dst = append(dst, ruleHit{m, rule, hit{f, l, doc.TokenSpan(f, l)}})
	}
	for i := range toks {
		t := &toks[i]
		if t.Kind != prose.Word {
			continue
		}
		w := t.Norm
		switch {
		case w == "sorry" || w == "apologise" || w == "apologize" || w == "apologies" || w == "apology" || w == "apologising" || w == "apologizing":
			if i > 0 && (toks[i-1].Norm == "not" || toks[i-1].Norm == "no") {
				continue
			}
			add(Apologise, "apologise.word", i)
		case w == "thank" || w == "thanks" || w == "grateful" || w == "appreciate" || w == "thankful":
			if thanksForRaising(toks, i) {
				add(Thank, "thank.for-raising", i)
			}
		case feelingWord(w):
			if w == "cold" || w == "wet" || w == "hungry" || w == "worse" || w == "wasted" || w == "ruined" || w == "spoiled" || w == "spoilt" || w == "stranded" || w == "fed" || w == "rubbish" || w == "hurt" {
				if !feelingContext(toks, i) {
					continue
				}
			}
			add(Acknowledge, "acknowledge.feeling", i)
		case w == "because" || w == "due" && i+1 < len(toks) && toks[i+1].Norm == "to" ||
			w == "reason" && (i == 0 || toks[i-1].Norm != "every" && toks[i-1].Norm != "no") ||
			w == "caused" && i+1 < len(toks) && toks[i+1].Norm == "by":
			add(Explain, "explain.reason", i)
		case w == "happened" && i > 0 && (toks[i-1].Norm == "what" || toks[i-1].Norm == "this" || toks[i-1].Norm == "it"):
			add(Explain, "explain.what-happened", i)
		case w == "why" && i > 0 && (toks[i-1].Norm == "that's" || toks[i-1].Norm == "is" || toks[i-1].Norm == "which"):
			add(Explain, "explain.reason", i)
		case w == "deserve" || w == "deserved" || w == "deserves":
			if i > 0 && (toks[i-1].Norm == "you" || toks[i-1].Norm == "really" || toks[i-1].Norm == "certainly") {
				add(Acknowledge, "acknowledge.deserved-better", i)
			}
		}
	}
	return dst
}

// feelingContext reports whether a word that is only sometimes a
// feeling is used as one here: about the customer or the experience
// ("you were left cold", "your evening was ruined").
func feelingContext(toks []prose.Token, i int) bool {
	for k := max(0, i-4); k < i; k++ {
		switch toks[k].Norm {
		case "you", "you've", "you're", "your", "you'd", "must", "sounds", "left", "been":
			return true
		}
	}
	return false
}

// thanksForRaising reports whether the thanks at token i are for raising
// the problem, not for patience or custom.
func thanksForRaising(toks []prose.Token, i int) bool {
	end := min(len(toks), i+8)
	for k := i + 1; k < end; k++ {
		w := toks[k].Norm
		if toks[k].Kind == prose.Punct && strings.ContainsAny(w, ".!?") {
			return false
		}
		switch w {
		case "patience", "understanding", "waiting", "cooperation", "co-operation", "custom", "choosing", "holding", "bearing", "business", "loyalty", "time", "support", "calm":
			if w == "time" && k > 0 && toks[k-1].Norm == "the" {
				return true // "for taking the time"
			}
			return false
		case "telling", "raising", "letting", "writing", "flagging", "bringing", "pointing", "contacting", "reaching", "getting",
			"message", "email", "call", "feedback", "report", "honesty", "calling", "coming", "sharing", "speaking", "explaining",
			"reporting", "complaint", "note", "heads-up", "heads", "being", "review", "taking", "chat", "letter", "checking", "asking", "spotting", "catching":
			return true
		}
	}
	return false
}
