package recovery

import (
	"maps"
	"math/bits"
	"slices"
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
	// Main requires a main clause: not after "because", "if", "so" and
	// the like.
	Main bool
	// WithoutErrors adds errorWords to Without; NotActions adds
	// actionVerbs to NotVerbs.
	WithoutErrors, NotActions bool
	// NounSubject requires a noun subject ("the courier", "Maintenance"),
	// not a pronoun.
	NounSubject bool
	// NotObject are words that may not follow the verb directly ("I'll
	// update you" is a promise to write, not a fix).
	NotObject []string
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
	"extend", "top", "resolve", "redo", "rearrange", "recook", "remake", "test", "print", "hold", "put", "apply", "add", "charge",
	"protect", "save", "finish", "reactivate", "redirect", "switch", "backdate", "confirm", "cut", "install", "sell", "set"}

// atoneVerbs give something back for the failure.
var atoneVerbs = []string{"refund", "credit", "waive", "cover", "pay", "compensate", "reimburse", "upgrade", "discount"}

// thirdParties are partners whose mistake is not ours to own in so many
// words ("the courier got it wrong").
var thirdParties = []string{"if", "you're", "you've", "courier", "supplier", "airline", "contractor", "agency", "airport",
	"bank", "partner", "carrier", "council", "operator", "insurer", "manufacturer", "they", "driver's", "post", "postal"}

// fixWithout are words that stop a clause from being a fix: a condition,
// an attempt, a mistake (that is the failure, not the fix), a hand-over.
var fixWithout = []string{"if", "able", "unable", "try", "wrong", "mistake", "incorrect", "instead", "note", "flag",
	"colleague", "supervisor", "manager", "sure", "hope", "twice", "rest", "other", "others", "alert", "reminder", "marker", "only"}

// errorWords say something went wrong.
var errorWords = []string{"wrong", "wrongly", "mistake", "mistaken", "error", "missed", "incorrect", "incorrectly", "forgot",
	"forget", "lost", "lose", "mix", "mixed", "overcharged", "overcharge", "twice", "damaged", "broke", "broken",
	"failed", "fail", "confusion", "ball", "short", "fault", "mess", "messed", "sloppy", "poor", "poorly", "careless",
	"badly", "unacceptable", "slow", "rude", "ignored", "dropped", "misread", "misunderstood", "overlooked", "late", "overbooked",
	"overbook", "double-booked", "double-charged", "problem", "problems", "forgotten"}

// clauseRules are the rules that read what a clause does. They run over
// every clause of the draft; each hit cites its rule id and the clause.
var clauseRules = []clauseRule{
	{ID: "fix.first-person-action", Move: Fix, Who: firstPerson, Tenses: perfect | committed, Negated: -1, Verbs: actionVerbs,
		Without: fixWithout, Statement: true, Main: true,
		Why: "The first person with a completed or committed action on the problem: the fix itself."},
	{ID: "fix.i-did", Move: Fix, Who: firstPerson, Singular: true, Tenses: past, Negated: -1, Verbs: actionVerbs,
		Without: fixWithout, Statement: true,
		Why: "'I' with an action already taken on the problem ('I rebooked you this morning'): the fix itself."},
	{ID: "fix.first-person-now", Move: Fix, Who: firstPerson, Tenses: present, Negated: -1, Verbs: actionVerbs,
		With: []string{"now", "today", "immediately", "already", "straight"}, Without: fixWithout, Statement: true,
		Why: "The first person with an action and 'now' ('I change the booking now'): the fix, in plain present-tense words."},
	{ID: "fix.update-record", Move: Fix, Who: firstPerson, Tenses: perfect | committed, Negated: -1, Verbs: []string{"update"},
		NotObject: []string{"you"}, Without: fixWithout, Statement: true,
		Why: "The first person updating the booking or account: the record is put right."},
	{ID: "fix.asked-someone", Move: Fix, Who: firstPerson, Tenses: perfect, Negated: -1, Verbs: []string{"ask", "get"},
		Without: []string{"review", "look", "investigate", "check", "nurse", "lead", "leader", "manager", "supervisor", "director", "you", "stop", "if", "answer"},
		With:    []string{"to", "on"}, Statement: true, Main: true,
		Why: "The first person who has already set someone on the fix ('I've asked housekeeping to bring them')."},
	{ID: "fix.someone-did", Move: Fix, Who: thirdPerson | noPerson, NounSubject: true, Tenses: past | perfect, Negated: -1, Verbs: actionVerbs,
		NotVerbs: []string{"move", "change"}, Without: fixWithout, WithoutErrors: true, Statement: true, Main: true,
		Why: "Someone on our side has already done it ('Maintenance fixed it this morning', 'Refund sent')."},
	{ID: "fix.make-now", Move: Fix, Who: firstPerson, Tenses: present, Negated: -1, Verbs: []string{"make", "do"}, With: []string{"now"},
		Without: fixWithout, Statement: true, Main: true,
		Why: "The first person doing it now, in a learner's plain present tense ('I make the refund now')."},
	{ID: "fix.get-someone", Move: Fix, Who: firstPerson, Tenses: perfect | committed, Negated: -1, Verbs: []string{"get"},
		With:    []string{"engineer", "technician", "someone", "nurse", "doctor", "car", "taxi", "replacement", "new", "plumber", "electrician", "room"},
		Without: fixWithout, Statement: true, Main: true,
		Why: "The first person getting someone or something to the customer ('We'll get an engineer to you')."},
	{ID: "offer.someone-can", Move: Offer, Who: thirdPerson, NounSubject: true, Tenses: modal, Negated: -1, Main: true,
		Without: []string{"if", "only", "take", "be"}, Statement: true,
		Why: "A colleague who can do something for the customer now ('the pharmacist can go through them with you')."},
	{ID: "explain.done-by", Move: Explain, Who: thirdPerson, Tenses: past, Passive: true, With: []string{"by"}, Without: []string{"mistake", "error", "accident"}, Statement: true,
		Why: "What happened and who did it ('it was damaged by the courier'): the reason, told plainly."},
	{ID: "fix.someone-will-now", Move: Fix, Who: thirdPerson, Tenses: future | progressive, Negated: -1, With: []string{"now", "next"},
		Without: fixWithout, Statement: true,
		Why: "Someone will act on it at once ('the porter will take your bags over now')."},
	{ID: "fix.booked-passive", Move: Fix, Who: thirdPerson, NounSubject: true, Tenses: present, Negated: -1,
		Verbs:   []string{"book", "attach", "arrange", "fix", "sort", "replace", "refund", "process", "cancel", "correct", "post", "reserve", "confirm"},
		Without: []string{"by", "if", "only"}, Statement: true, Main: true,
		Why: "A replacement or booking that is in place now ('a replacement is booked for Tuesday')."},
	{ID: "fix.done-passive", Move: Fix, Who: thirdPerson | noPerson, Tenses: perfect, Negated: -1, Passive: true,
		Verbs: actionVerbs, Statement: true,
		Why: "A passive with a completed action ('your booking has been changed'): the problem is already being put right."},
	{ID: "fix.done-now", Move: Fix, Who: firstPerson, Tenses: perfect, Negated: -1,
		Verbs:   []string{"email", "check", "text", "resend", "message", "unblock", "close", "contact", "escalate", "chase", "call"},
		Without: fixWithout, Statement: true,
		Why: "The first person reporting an action just done on the problem ('I've emailed them now')."},
	{ID: "atone.first-person-gesture", Move: Atone, Who: firstPerson, Tenses: doneOrDoing, Negated: -1, Verbs: atoneVerbs, Statement: true,
		Why: "The first person giving something back: a refund, a credit, a cost covered."},
	{ID: "own.we-did-to-you", Move: Own, Who: firstPerson, Ours: true, Plural: true, Tenses: past, With: []string{"you", "your"},
		NotVerbs: []string{"explain", "think", "hope", "try", "want", "receive", "get", "see", "hear", "ask", "thank", "appreciate"}, Statement: true,
		Why: "'We' telling what we did to the customer ('we gave your room away'): the failure told as ours."},
	{ID: "own.our-side-error", Move: Own, Who: thirdPerson, NounSubject: true, Tenses: past | perfect, Negated: -1,
		With: []string{"mistake", "error", "wrong", "wrongly", "twice"}, Without: thirdParties, Statement: true,
		Why: "Our side named with the mistake ('the last adviser gave you the wrong information'): the error admitted, not explained away."},
	{ID: "own.first-person-fault", Move: Own, Who: firstPerson, Ours: true, Tenses: past | present, Negated: -1,
		With: errorWords, Without: []string{"if", "nothing", "sure"}, Statement: true,
		Why: "The first person naming what went wrong ('we sent you the wrong size'): the mistake is owned, not explained away."},
	{ID: "own.first-person-fault-perfect", Move: Own, Who: firstPerson, Tenses: perfect, Negated: -1,
		With: errorWords, Without: []string{"if", "nothing", "sure"}, NotVerbs: []string{"report", "log", "raise", "record", "flag", "note", "pass", "ask", "review", "investigate", "find"}, NotActions: true, Statement: true,
		Why: "The first person naming what went wrong ('we've made a mess of this'): the mistake is owned, not explained away."},
	{ID: "own.first-person-failed-to", Move: Own, Who: firstPerson, Ours: true, Tenses: past | perfect, Negated: 1,
		Verbs: []string{"call", "tell", "send", "update", "deliver", "check", "follow", "keep", "warn", "reply", "answer",
			"respond", "listen", "honour", "honor", "explain", "give", "do", "pass", "notify", "confirm", "process", "ring",
			"get", "let", "arrive", "come", "turn", "show", "treat", "make", "meet", "fix", "sort", "act", "look", "read", "record", "note", "book", "clean", "finish",
			"serve", "arrange", "collect", "pick", "have", "bring", "be"},
		Statement: true,
		Why:       "The first person admitting what was not done ('we didn't call you back'): a failure owned in plain words."},
	{ID: "own.should-have", Move: Own, Who: firstPerson, Ours: true, Tenses: conditional, With: []string{"have"}, Without: []string{"if", "would", "could"}, Statement: true,
		Why: "The first person saying what should have happened ('we should have told you'): ownership without excuses."},
	{ID: "own.take-charge", Move: Own, Who: firstPerson, Tenses: committed, Negated: -1,
		Verbs:     []string{"handle", "own", "oversee", "manage", "stay", "see", "look", "follow", "deal"},
		With:      []string{"personally", "myself", "through", "after", "end", "it", "this", "case", "until", "contact"},
		Statement: true,
		Why:       "The first person taking the problem on ('I'll see it through'): one person who will own it."},
	{ID: "own.take-responsibility", Move: Own, Who: firstPerson, Negated: -1, Verbs: []string{"take", "accept"},
		With: []string{"responsibility", "ownership", "charge", "care", "blame"}, Statement: true,
		Why: "The first person taking responsibility or charge: ownership in so many words."},
	{ID: "offer.first-person-can", Move: Offer, Who: firstPerson, Tenses: modal, Negated: -1, Main: true,
		Without: []string{"see", "hear", "imagine", "understand", "tell", "assure", "confirm", "promise", "guarantee", "only",
			"say", "appreciate", "feel", "sorry", "what", "how", "why", "if", "trust", "believe", "reassure", "completely", "totally", "do"},
		Statement: true,
		Why:       "The first person with 'can' or 'could' and an action: what the customer can have."},
	{ID: "offer.you-can", Move: Offer, Who: secondPerson, Tenses: modal, Negated: -1, Main: true,
		Without: []string{"if", "imagine", "see", "understand", "be", "rest", "trust", "expect", "only", "try", "later", "still"}, Statement: true,
		Why: "'You can ...' with an action the customer can take: an option put in their hands."},
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
		With:      []string{"check", "see", "sure", "confirm", "how", "whether", "fine", "okay", "ok", "working", "works", "arrived", "settled", "fits", "happy", "sorted", "resolved", "held", "well", "better", "progressing"},
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
// reduced to stems once. Each rule's With and Without lists and its
// NotVerbs are bits of a ruleBits set: a word (by stem) or a verb (by
// key) maps to the set of lists it stands in, so that a clause is
// checked against every rule by a few bit tests. The tables hold no
// pointers but those of the two word indexes, and sets of rules are
// bit masks (bit i for clauseRules[i]), so that the garbage collector
// has little to scan and a lookup costs no map access.
type compiledRules struct {
	verbs     *prose.WordIndex // verb keys
	verbRules []verbRules      // by position in verbs
	words     *prose.WordIndex // stems of the words of every list
	wordBits  []ruleBits       // by position in words: with (bit 2i) and without (bit 2i+1) lists of rule i
	// hasWith and hasWithout have bit i set when rule i has a With or
	// a Without list.
	hasWith, hasWithout uint64
	anyVerb             uint64 // the rules for any verb
	// pairs has a bit for the first two bytes of every stem in words: a
	// word whose first two bytes have none stands in no list (a stem
	// keeps the first two bytes of its word), so most words need no
	// stem and no lookup.
	pairs [1 << 16 / 64]uint64
	// anyVerbBy is anyVerb for each [owner is first][person][tense] of a
	// clause: only the rules whose Who and Tenses suit it.
	anyVerbBy [2][numPersons][numTenses]uint64
}

// mayList reports whether folded word w may stand in a rule's list.
func (ix *compiledRules) mayList(w string) bool {
	if len(w) < 2 || w[1] == '\'' {
		return true // a stem of one byte ("i's"): look it up
	}
	k := uint16(w[0])<<8 | uint16(w[1])
	return ix.pairs[k/64]&(1<<(k%64)) != 0
}

// anyVerbFor returns the rules for any verb whose person and tense suit
// clause c.
func (ix *compiledRules) anyVerbFor(c *prose.Clause) uint64 {
	o := 0
	if c.Owner == prose.First {
		o = 1
	}
	if int(c.Person) >= numPersons || int(c.Tense) >= numTenses {
		return ix.anyVerb
	}
	return ix.anyVerbBy[o][c.Person][c.Tense]
}

const (
	numPersons = 4 // prose.NoPerson to prose.Third
	numTenses  = 7 // prose.Present to prose.Conditional
)

// suits reports whether rule r takes a clause of person p and tense t,
// with a subject that is ours (owner first) or not.
func (r *clauseRule) suits(ownerFirst bool, p prose.Person, t prose.Tense) bool {
	if r.Ours && ownerFirst {
		p = prose.First
	}
	return (r.Who == 0 || r.Who&(1<<p) != 0) && (r.Tenses == 0 || r.Tenses&(1<<t) != 0)
}

// verbRules are the rules for one verb key (bit i for rule i), and the
// rules (bit 2i+1) that refuse it.
type verbRules struct {
	rules   uint64
	refused ruleBits
}

// maxClauseRules is how many clause rules a ruleBits set, and a mask of
// rules, has room for.
const maxClauseRules = 64

// ruleBits is a set of two bits per clause rule.
type ruleBits [2 * maxClauseRules / 64]uint64

func (b *ruleBits) set(i int)      { b[i/64] |= 1 << (i % 64) }
func (b *ruleBits) has(i int) bool { return b[i/64]&(1<<(i%64)) != 0 }
func (b *ruleBits) or(o *ruleBits) { b[0], b[1] = b[0]|o[0], b[1]|o[1] }

var clauseIndex = sync.OnceValue(func() *compiledRules {
	if len(clauseRules) > maxClauseRules {
		panic("recovery: more clause rules than maxClauseRules")
	}
	// Built in maps, then moved into word indexes and flat lists.
	verbs, words := make(map[string]verbRules, 256), make(map[string]ruleBits, 512)
	c := new(compiledRules)
	add := func(m map[string]ruleBits, key string, bit int) {
		b := m[key]
		b.set(bit)
		m[key] = b
	}
	for i := range clauseRules {
		r := &clauseRules[i]
		if len(r.Verbs) == 0 {
			c.anyVerb |= 1 << i
		}
		for _, v := range r.Verbs {
			k := prose.VerbKey(v)
			vr := verbs[k]
			vr.rules |= 1 << i
			verbs[k] = vr
		}
		if len(r.With) > 0 {
			c.hasWith |= 1 << i
		}
		for _, w := range r.With {
			add(words, prose.Stem(w), 2*i)
		}
		without, notVerbs := r.Without, r.NotVerbs
		if r.WithoutErrors {
			without = append(slices.Clip(without), errorWords...)
		}
		if r.NotActions {
			notVerbs = append(slices.Clip(notVerbs), actionVerbs...)
		}
		if len(without) > 0 {
			c.hasWithout |= 1 << i
		}
		for _, w := range without {
			add(words, prose.Stem(w), 2*i+1)
		}
		for _, v := range notVerbs {
			k := prose.VerbKey(v)
			vr := verbs[k]
			vr.refused.set(2*i + 1)
			verbs[k] = vr
		}
	}
	c.verbs, _, c.verbRules = indexMap(verbs)
	var stems []string
	c.words, stems, c.wordBits = indexMap(words)
	for _, w := range stems {
		if len(w) < 2 {
			continue // only "x" and "x's" stem to one byte, and mayList passes those
		}
		k := uint16(w[0])<<8 | uint16(w[1])
		c.pairs[k/64] |= 1 << (k % 64)
	}
	for o := range 2 {
		for p := range numPersons {
			for t := range numTenses {
				for ri := range clauseRules {
					if c.anyVerb&(1<<ri) != 0 && clauseRules[ri].suits(o == 1, prose.Person(p), prose.Tense(t)) {
						c.anyVerbBy[o][p][t] |= 1 << ri
					}
				}
			}
		}
	}
	return c
})

// indexMap returns a word index over the keys of m, the keys in the
// index's order (sorted) and m's values in the same order.
func indexMap[V any](m map[string]V) (*prose.WordIndex, []string, []V) {
	keys := slices.Sorted(maps.Keys(m))
	vals := make([]V, len(keys))
	for i, k := range keys {
		vals[i] = m[k]
	}
	return prose.NewWordIndex(keys), keys, vals
}

// verb returns the rules for verb key k.
func (ix *compiledRules) verb(k string) verbRules {
	if i := ix.verbs.Index(k); i >= 0 {
		return ix.verbRules[i]
	}
	return verbRules{}
}

// ruleHit is a move found by a clause rule or a word rule.
type ruleHit struct {
	move Move
	rule string
	hit
}

// tokenRules is the rule lists a token's stem stands in, once read.
type tokenRules struct {
	bits ruleBits
	read bool
}

// readClauses runs the clause rules over the draft's clauses; words
// holds, per token, the rule lists its stem stands in (made here, its
// memory reused).
func readClauses(doc *prose.Doc, clauses []prose.Clause, dst []ruleHit, words []tokenRules) ([]ruleHit, []tokenRules) {
	ix := clauseIndex()
	// words[k] is looked up when a rule first needs it: most clauses fail
	// a rule on person or tense before its words matter.
	words = slices.Grow(words[:0], len(doc.Tokens))[:len(doc.Tokens)]
	clear(words)
	var in, notVerb ruleBits // the lists a word of the clause stands in; the rules refusing its verb
	inRead := false
	readIn := func(c *prose.Clause) {
		inRead = true
		for k := c.First; k < c.Last; k++ {
			w := &words[k]
			if !w.read {
				w.read = true
				if t := &doc.Tokens[k]; t.IsWord() && ix.mayList(t.Norm) {
					if j := ix.words.Index(prose.Stem(t.Norm)); j >= 0 {
						w.bits = ix.wordBits[j]
					}
				}
			}
			in.or(&w.bits)
		}
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
		if r.Plural && !c.Plural && c.Owner != prose.First || r.Question && !c.Question || r.Main && c.Subordinate {
			return
		}
		if r.Negated > 0 && !c.Negated || r.Negated < 0 && c.Negated || r.Passive && !c.Passive || r.Statement && c.Question {
			return
		}
		if r.Singular && c.Plural || notVerb.has(2*ri+1) {
			return
		}
		if r.NounSubject && (c.Subject < 0 || prose.IsPronoun(doc.Tokens[c.Subject].Norm)) || r.Passive && !c.Passive {
			return
		}
		if len(r.NotObject) > 0 && c.Verb >= 0 && c.Verb+1 < len(doc.Tokens) && slices.Contains(r.NotObject, doc.Tokens[c.Verb+1].Norm) {
			return
		}
		if (ix.hasWith|ix.hasWithout)&(1<<ri) != 0 {
			if !inRead {
				readIn(c)
			}
			if ix.hasWith&(1<<ri) != 0 && !in.has(2*ri) || in.has(2*ri+1) {
				return
			}
		}
		first := c.First
		if c.Subject >= c.First && c.Subject < first {
			first = c.Subject
		}
		dst = append(dst, ruleHit{r.Move, r.ID, hit{first, c.Last, doc.TokenSpan(first, c.Last)}})
	}
	for i := range clauses {
		c := &clauses[i]
		in, notVerb, inRead = ruleBits{}, ruleBits{}, false
		if c.Verb >= 0 {
			v := ix.verb(c.Key)
			notVerb = v.refused
			for m := v.rules; m != 0; m &= m - 1 {
				try(bits.TrailingZeros64(m), c)
			}
		}
		for m := ix.anyVerbFor(c); m != 0; m &= m - 1 {
			try(bits.TrailingZeros64(m), c)
		}
	}
	return dst, words
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
	for ci := range clauses {
		// A third-person statement followed by "so" ("the warehouse
		// flooded, so orders are late") or limited by "only" ("the
		// offer is only on weekdays") gives a reason.
		c := &clauses[ci]
		det := c.Subject < 0 && (toks[c.First].Norm == "the" || toks[c.First].Norm == "this" || toks[c.First].Norm == "our")
		if c.Person != prose.Third && !det || c.Question || c.Subordinate || c.Owner == prose.First ||
			c.Tense != prose.Present && c.Tense != prose.Past || c.Subject >= 0 && isRelative(toks[c.Subject].Norm) {
			continue
		}
		so := false
		for k := c.Last; k < len(toks) && k < c.Last+8 && !sentenceEnd(&toks[k]); k++ {
			if toks[k].Norm == "so" && k+1 < len(toks) && !soIntensifies(toks[k+1].Norm) {
				so = true
				break
			}
		}
		only, ours := false, false
		for k := c.First; k < c.Last; k++ {
			only = only || toks[k].Norm == "only" && k > c.First
			switch toks[k].Norm {
			case "us", "our", "me", "my", "we", "i":
				ours = true
			}
		}
		if ours {
			continue // "that's on us, so ...": ownership, not a reason
		}
		if so || only {
			dst = append(dst, ruleHit{Explain, "explain.reason-clause", hit{c.First, c.Last, doc.TokenSpan(c.First, c.Last)}})
		}
	}
	for i := range toks {
		t := &toks[i]
		if t.Kind != prose.Word {
			continue
		}
		w := t.Norm
		// prev and next are read only by the few cases that need them.
		prev := func() string {
			if i > 0 {
				return toks[i-1].Norm
			}
			return ""
		}
		next := func() string {
			if i+1 < len(toks) {
				return toks[i+1].Norm
			}
			return ""
		}
		// One switch over the word, so that the many words that carry no
		// move cost one search.
		switch w {
		case "sorry", "apologise", "apologize", "apologies", "apology", "apologising", "apologizing":
			if p := prev(); p == "not" || p == "no" {
				continue
			}
			add(Apologise, "apologise.word", i)
		case "thank", "thanks", "grateful", "appreciate", "thankful":
			if thanksForRaising(toks, i) {
				add(Thank, "thank.for-raising", i)
			}
		case "because", "reasons", "regulator", "breakdown", "strike", "shortage", "flooded":
			add(Explain, "explain.reason", i)
		case "due":
			if next() == "to" {
				add(Explain, "explain.reason", i)
			}
		case "reason":
			if p := prev(); i == 0 || p != "every" && p != "no" {
				add(Explain, "explain.reason", i)
			}
		case "caused":
			if next() == "by" {
				add(Explain, "explain.reason", i)
			}
		case "happened":
			if p := prev(); i > 0 && (p == "this" || p == "it" || p == "what" && (i < 2 || toks[i-2].Norm != "us" && toks[i-2].Norm != "me" && toks[i-2].Norm != "about")) {
				add(Explain, "explain.what-happened", i)
			}
		case "why":
			if p := prev(); p == "that's" || p == "is" || p == "which" {
				add(Explain, "explain.reason", i)
			}
		case "deserve", "deserved", "deserves":
			if p := prev(); p == "you" || p == "really" || p == "certainly" {
				add(Acknowledge, "acknowledge.deserved-better", i)
			}
		case "cold", "wet", "hungry", "worse", "hard", "difficult", "wasted", "ruined", "spoiled", "spoilt", "stranded", "fed", "rubbish", "hurt":
			// Feelings only about the customer or the experience.
			if feelingContext(toks, i) {
				add(Acknowledge, "acknowledge.feeling", i)
			}
		// Words that name how a customer feels or how the failure was
		// for them (in this switch, not a function of their own, so that
		// a word costs one search).
		case "frustrating", "frustrated", "frustration", "annoying", "annoyed", "upsetting", "disappointing",
			"disappointed", "disappointment", "stressful", "stress", "worrying", "worried", "worry", "exhausting",
			"exhausted", "awful", "infuriating", "maddening", "horrible", "terrible", "miserable", "scary", "frightening",
			"frightened", "distressing", "distress", "anxious", "anxiety", "hassle", "nightmare", "angry", "anger", "furious",
			"embarrassing", "confusing", "unsettling", "alarming", "draining", "tiring", "tired", "disruptive", "unpleasant",
			"infuriated", "livid", "upset", "stressed", "scared", "shaken", "hurtful", "insulting", "exasperating",
			"let-down", "gutted", "ordeal", "nuisance", "painful", "strain", "heartbreaking", "devastating":
			add(Acknowledge, "acknowledge.feeling", i)
		}
	}
	return dst
}

func isRelative(w string) bool { return w == "who" || w == "which" || w == "that" }

func sentenceEnd(t *prose.Token) bool {
	return t.Kind == prose.Punct && prose.HasSentenceEnd(t.Norm)
}

// soIntensifies reports whether "so" before w is an intensifier ("so
// sorry") rather than "therefore".
func soIntensifies(w string) bool {
	switch w {
	case "sorry", "much", "many", "far", "long", "glad", "happy", "that", "nothing":
		return true
	}
	return false
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
		if toks[k].Kind == prose.Punct && prose.HasSentenceEnd(w) {
			return false
		}
		switch w {
		case "patience", "understanding", "waiting", "cooperation", "co-operation", "custom", "choosing", "holding", "bearing", "business", "loyalty", "support", "calm":
			// Thanks for patience are not thanks for raising it, unless
			// more follows ("for your patience and for flagging this").
			continue
		case "telling", "raising", "letting", "writing", "flagging", "bringing", "pointing", "contacting", "reaching", "getting",
			"message", "email", "call", "feedback", "report", "honesty", "calling", "coming", "sharing", "speaking", "explaining",
			"reporting", "complaint", "note", "heads-up", "heads", "being", "review", "taking", "chat", "letter", "checking", "asking", "spotting", "catching",
			"giving", "chance", "words", "comments", "correspondence", "enquiry", "query", "time":
			return true
		}
	}
	return false
}
