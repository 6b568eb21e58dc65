package prose

import (
	"slices"
	"strings"
)

// Person is the grammatical person of a clause's subject.
type Person uint8

// Persons. NoPerson is a clause with no subject word (an imperative, a
// fragment, or a noun subject such as "your refund").
const (
	NoPerson Person = iota
	First           // I, we, let me, let's
	Second          // you
	Third           // he, she, it, they, this, that, there
)

var personNames = [...]string{"none", "first", "second", "third"}

func (p Person) String() string {
	if int(p) < len(personNames) {
		return personNames[p]
	}
	return "person?"
}

// Tense is the time and aspect of a clause's verb group, as far as the
// auxiliaries show it.
type Tense uint8

// Tenses.
const (
	Present     Tense = iota // "we send", "it is"
	Progressive              // "I'm sending", "we are looking"
	Past                     // "we sent", "it was", "we didn't call"
	Perfect                  // "I've refunded", "it has been fixed"
	Future                   // "I'll call", "we will", "I'm going to", "let me", "I'd like to"
	Modal                    // "I can", "we could", "you may"
	Conditional              // "I would", "you should", "we should have"
)

var tenseNames = [...]string{"present", "progressive", "past", "perfect", "future", "modal", "conditional"}

func (t Tense) String() string {
	if int(t) < len(tenseNames) {
		return tenseNames[t]
	}
	return "tense?"
}

// Clause is a subject and its verb group, as found by [Doc.Clauses]:
// tokens [First, Last) of the Doc, the subject token (-1 when there is
// none), the main verb token (-1 when none was found) and its base-form
// key ([VerbKey]), the person and number of the subject, the tense of the
// verb group, whether a negator stands in the verb group, and whether it
// is passive ("has been refunded").
type Clause struct {
	First, Last int
	Subject     int
	Verb        int
	Key         string
	Person      Person
	Plural      bool
	Tense       Tense
	Negated     bool
	Passive     bool
	Question    bool // the sentence ends with "?"
	// Subordinate is set for a clause after "because", "when", "if",
	// "so" and the like: it gives a reason or a condition, not the
	// sentence's main action.
	Subordinate bool
	// Owner is the person of a possessive that opens a noun subject:
	// First for "our system", "my colleague"; Second for "your order";
	// NoPerson otherwise.
	Owner Person
}

// subjectOf reads a subject pronoun, with its contraction ("I've" is the
// subject I and the auxiliary have).
func subjectOf(w string) (p Person, plural bool, aux string, ok bool) {
	if !mayBePronoun(w) {
		return 0, false, "", false // most words end here
	}
	// A contracted verb is the last two or three bytes ("'s", "'ll"):
	// looking there costs less than searching the word for an apostrophe.
	base, aux := w, ""
	if n := len(w); n >= 3 && w[n-2] == '\'' {
		base, aux = w[:n-2], w[n-2:]
	} else if n >= 4 && w[n-3] == '\'' {
		base, aux = w[:n-3], w[n-3:]
	}
	return pronoun(base, aux)
}

// pronoun reads a subject pronoun already split from its contraction.
func pronoun(base, aux string) (p Person, plural bool, _ string, ok bool) {
	if aux != "" {
		switch aux {
		case "'m", "'re", "'s", "'ve", "'ll", "'d":
		default:
			return 0, false, "", false
		}
	}
	switch base {
	case "i":
		return First, false, aux, true
	case "we":
		return First, true, aux, true
	case "you":
		return Second, false, aux, true
	case "he", "she", "it", "this", "that", "there", "everything", "nothing", "someone", "everyone", "which", "who":
		return Third, false, aux, true
	case "they":
		return Third, true, aux, true
	}
	return 0, false, "", false
}

// mayBePronoun reports whether w starts as a subject pronoun may: a test
// small enough to be inlined before the calls of subjectOf, which most
// words fail.
func mayBePronoun(w string) bool {
	if w == "" {
		return false
	}
	switch w[0] {
	case 'e', 'h', 'i', 'n', 's', 't', 'w', 'y':
		return true
	}
	return false
}

// IsPronoun reports whether a folded word is a subject pronoun, with or
// without a contracted verb ("I", "we've", "it's", "that").
func IsPronoun(w string) bool {
	_, _, _, ok := subjectOf(w)
	return ok
}

// verbGroupWord reports whether w is an auxiliary or a negator of a verb
// group, and what it says about the tense.
func verbGroupWord(w string) (t Tense, known, neg bool) {
	switch w {
	case "will", "'ll", "shall", "wo", "won't", "shan't":
		return Future, true, w == "won't" || w == "shan't"
	case "can", "could", "may", "might", "can't", "cannot", "couldn't", "must", "mustn't":
		return Modal, true, strings.HasSuffix(w, "n't") || w == "cannot"
	case "would", "'d", "should", "wouldn't", "shouldn't", "ought":
		return Conditional, true, strings.HasSuffix(w, "n't")
	case "have", "has", "'ve", "haven't", "hasn't":
		return Perfect, true, strings.HasSuffix(w, "n't")
	case "had", "hadn't", "did", "didn't", "was", "were", "wasn't", "weren't":
		return Past, true, strings.HasSuffix(w, "n't")
	case "am", "is", "are", "'m", "'re", "'s", "isn't", "aren't", "do", "does", "don't", "doesn't", "be", "been", "being":
		return Present, true, strings.HasSuffix(w, "n't")
	case "not", "never":
		return Present, true, true
	}
	return Present, false, false
}

// isAdverb reports whether w is a word verbGroupWord lets stand between
// an auxiliary and the main verb without saying anything about tense.
func isAdverb(w string) bool {
	switch w {
	case "also", "already", "just", "now", "personally", "then", "really", "still", "actually", "even", "immediately",
		"gladly", "happily", "both", "all", "truly", "genuinely", "completely", "fully", "quickly", "finally", "myself",
		"ourselves", "today", "again", "certainly", "definitely", "always", "only", "simply", "so", "very", "sincerely",
		"deeply", "honestly", "clearly", "totally", "kindly", "please", "quite", "recently", "indeed", "gone", "ahead":
		return true
	}
	return false
}

// irregular maps an irregular past form or participle to its base form;
// a regular or unknown word comes back unchanged.
func irregular(w string) string {
	switch w {
	case "sent":
		return "send"
	case "resent":
		return "resend"
	case "made":
		return "make"
	case "took", "taken":
		return "take"
	case "gave", "given":
		return "give"
	case "got", "gotten":
		return "get"
	case "found":
		return "find"
	case "told":
		return "tell"
	case "left":
		return "leave"
	case "kept":
		return "keep"
	case "spoke", "spoken":
		return "speak"
	case "rang", "rung":
		return "ring"
	case "wrote", "written":
		return "write"
	case "brought":
		return "bring"
	case "bought":
		return "buy"
	case "paid":
		return "pay"
	case "lost":
		return "lose"
	case "forgot", "forgotten":
		return "forget"
	case "sold":
		return "sell"
	case "done", "did":
		return "do"
	case "went", "gone":
		return "go"
	case "came":
		return "come"
	case "saw", "seen":
		return "see"
	case "heard":
		return "hear"
	case "knew", "known":
		return "know"
	case "thought":
		return "think"
	case "put", "set", "let", "cut", "shut", "hurt", "quit", "reset":
		return w
	case "held":
		return "hold"
	case "met":
		return "meet"
	case "broke", "broken":
		return "break"
	case "chose", "chosen":
		return "choose"
	case "understood":
		return "understand"
	case "caught":
		return "catch"
	case "taught":
		return "teach"
	case "felt":
		return "feel"
	case "meant":
		return "mean"
	case "read":
		return "read"
	case "led":
		return "lead"
	case "fed":
		return "feed"
	case "built":
		return "build"
	case "spent":
		return "spend"
	case "lent":
		return "lend"
	case "dealt":
		return "deal"
	case "ran":
		return "run"
	case "began", "begun":
		return "begin"
	case "stood":
		return "stand"
	case "withdrew", "withdrawn":
		return "withdraw"
	case "overlooked":
		return "overlook"
	case "mislaid":
		return "mislay"
	case "misread":
		return "misread"
	case "misunderstood":
		return "misunderstand"
	case "overcharged":
		return "overcharge"
	case "undercooked":
		return "undercook"
	}
	return w
}

// pastForm reports whether w looks like a past form or participle.
func pastForm(w string) bool {
	if len(w) > 3 && strings.HasSuffix(w, "ed") {
		switch w {
		case "need", "feed", "speed", "bed", "red", "seed", "bleed", "breed", "greed", "shed", "proceed", "succeed", "exceed":
			return false
		}
		return true
	}
	return irregular(w) != w || w == "put" || w == "set" || w == "let" || w == "cut" || w == "reset"
}

// VerbKey returns the key under which a folded verb form is compared:
// the stem of its base form, so that "sent", "sending" and "send" share
// one key, as do "moved" and "move".
func VerbKey(w string) string {
	k := Stem(irregular(w))
	if len(k) >= 6 && strings.HasSuffix(k, "ll") && (strings.HasSuffix(w, "lled") || strings.HasSuffix(w, "lling")) {
		k = k[:len(k)-1] // British doubling: "cancelled", "travelled", "labelled"
	}
	return k
}

// clauseBreak reports whether token t ends a clause.
func clauseBreak(t *Token) bool {
	if t.Kind == Punct {
		return t.Norm != "'" && t.Norm != "\""
	}
	switch t.Norm {
	case "and", "but", "so", "because", "while", "then", "or", "which", "when", "once", "until", "if", "since", "although", "though", "after", "before", "where":
		return true
	}
	return false
}

// Clauses splits every sentence into clauses and reads each one's
// subject, person, tense, negation and main verb. It is a shallow reading
// of English made for recognising what a sentence does ("I've refunded"
// is the first person doing something; "we sent you the wrong size" is
// the first person in the past), not a parser. A clause with no subject
// that starts with a verb after "and" or a comma inherits the subject of
// the clause before it in the same sentence ("I've refunded you and
// cancelled the order").
func (d *Doc) Clauses() []Clause {
	return d.AppendClauses(make([]Clause, 0, len(d.Tokens)/5+len(d.Sentences)))
}

// AppendClauses appends the [Doc.Clauses] of d to dst and returns the
// extended slice, so that a caller can reuse the memory of dst.
func (d *Doc) AppendClauses(dst []Clause) []Clause {
	out := dst
	for si, sen := range d.Sentences {
		q := d.IsQuestion(si)
		start := sen.First
		prev := -1
		emit := func(end int) {
			// Read in place: a Clause copied whole costs more while the
			// garbage collector marks; and not zeroed first, since
			// readClause sets every field.
			out = slices.Grow(out, 1)
			out = out[:len(out)+1]
			var p *Clause
			if prev >= 0 {
				p = &out[prev]
			}
			c := &out[len(out)-1]
			d.readClause(c, start, end, p, joined(d.Tokens, start, sen.First))
			c.Question = q
			c.Subordinate = start > sen.First && subordinator(d.Tokens[start-1].Norm)
			prev = len(out) - 1
		}
		for i := sen.First; i <= sen.Last; i++ {
			if i < sen.Last && (!clauseBreak(&d.Tokens[i]) || d.Tokens[i].Norm == "-" && i > start && d.Tokens[i-1].Span.End == d.Tokens[i].Span.Start ||
				d.Tokens[i].Norm == "so" && i+1 < sen.Last && soAdverb(d.Tokens[i+1].Norm)) {
				if i > start && (mayBePronoun(d.Tokens[i].Norm) && d.subjectStarts(i) || afterSorry(d.Tokens, i) || afterThat(d.Tokens, i)) {
					// A new subject starts a clause of its own: it is not
					// skipped like a break word.
					emit(i)
					start = i
				}
				continue
			}
			if i > start {
				emit(i)
			}
			start = i + 1
		}
	}
	return out
}

// soAdverb reports whether "so" before w is an adverb ("so far", "so
// sorry"), not a conjunction.
func soAdverb(w string) bool {
	switch w {
	case "far", "much", "many", "sorry", "long", "glad", "happy", "very", "quickly", "soon", "late", "little", "badly":
		return true
	}
	return false
}

// subordinator reports whether a break word makes the clause after it
// subordinate: a reason, a time, a condition or a purpose.
func subordinator(w string) bool {
	switch w {
	case "because", "when", "once", "until", "if", "as", "since", "although", "though", "after", "before", "so", "while", "which", "where":
		return true
	}
	return false
}

// afterThat reports whether token i opens a noun subject right after
// "that" ("I apologise that | our driver blocked your drive").
func afterThat(toks []Token, i int) bool {
	if toks[i-1].Norm != "that" {
		return false
	}
	switch toks[i].Norm {
	case "our", "my", "the", "your":
		return true
	}
	return false
}

// subjectStarts reports whether token i starts a new clause inside a
// sentence: an unambiguous subject pronoun ("I", "we", "they", or any
// pronoun with a contracted verb) after a word, or "you" and "it" after a
// word that takes a clause ("sorry you", "I know it").
func (d *Doc) subjectStarts(i int) bool {
	t, prev := &d.Tokens[i], &d.Tokens[i-1]
	if t.Kind != Word || prev.Kind != Word {
		return false
	}
	_, _, aux, ok := subjectOf(t.Norm) // first: most words are no pronoun
	if !ok {
		return false
	}
	if prev.Norm == "let" {
		return false
	}
	if i >= 2 {
		switch d.Tokens[i-2].Norm {
		case "the", "a", "an", "your", "our", "this", "every", "any":
			return false // "the flight we sold you": a relative clause
		}
	}
	if _, known, _ := verbGroupWord(prev.Norm); known {
		return false // "did we", "have you": a question, one clause
	}
	switch t.Norm {
	case "i", "we", "they", "he", "she":
		return true
	case "this", "that", "which", "who", "everything", "nothing", "someone", "everyone":
		return false
	}
	if aux != "" {
		return true
	}
	switch prev.Norm {
	case "sorry", "afraid", "glad", "know", "think", "understand", "hope", "feel", "sure", "realise", "realize", "appreciate", "that":
		return true
	}
	return false
}

// readClause reads tokens [first, last) as one clause; prev is the clause
// before it in the sentence, or nil.
func (d *Doc) readClause(c *Clause, first, last int, prev *Clause, joined bool) {
	*c = Clause{First: first, Last: last, Subject: -1, Verb: -1}
	toks := d.Tokens
	i := first
	// Skip leading fillers: "also", "then", "now", "please".
	for i < last && toks[i].Kind == Word {
		if _, known, _ := verbGroupWord(toks[i].Norm); known {
			break
		}
		if _, _, _, ok := subjectOf(toks[i].Norm); ok {
			break
		}
		switch toks[i].Norm {
		case "also", "then", "now", "today", "meanwhile", "personally", "already", "just", "first", "next", "finally", "meantime", "meanwhile,":
			i++
			continue
		}
		break
	}
	if i >= last {
		return
	}
	tense, seenAux := Present, false
	setTense := func(t Tense, known bool) {
		if !known {
			return
		}
		switch {
		case t == Future || t == Modal || t == Conditional:
			if tense != Future && tense != Modal && tense != Conditional {
				tense = t
			}
		case t == Perfect:
			if tense == Conditional {
				tense = Conditional // "should have"
			} else if tense != Future && tense != Modal {
				tense = Perfect
			}
		case t == Past:
			if tense == Present {
				tense = Past
			}
		}
		seenAux = true
	}
	w := toks[i].Norm
	switch {
	case w == "let" && i+1 < last && (toks[i+1].Norm == "me" || toks[i+1].Norm == "us"):
		c.Subject, c.Person, c.Plural, tense = i+1, First, toks[i+1].Norm == "us", Future
		i += 2
	case w == "let's":
		c.Subject, c.Person, c.Plural, tense = i, First, true, Future
		i++
	default:
		if p, pl, aux, ok := subjectOf(w); ok {
			c.Subject, c.Person, c.Plural = i, p, pl
			if aux != "" {
				t, known, _ := verbGroupWord(aux)
				if aux == "'s" && p == Third {
					t, known = Present, true
				}
				setTense(t, known)
			}
			i++
		} else if w == "your" || w == "the" || w == "a" || w == "an" || w == "our" || w == "my" {
			// A noun subject ("your refund has gone through", "our
			// system charged you"): skip to the first auxiliary or past
			// form within four words.
			relative := false
			for k := i + 1; k < min(last, i+9); k++ {
				if IsPronoun(toks[k].Norm) && k > i+1 {
					relative = true // "the flight we sold you was cancelled"
					continue
				}
				_, known, _ := verbGroupWord(toks[k].Norm)
				if known && !(relative && (toks[k].Norm == "have" || toks[k].Norm == "had")) || !relative && k > i+1 && pastForm(toks[k].Norm) {
					c.Subject, c.Person, c.Plural = i, Third, false
					switch w {
					case "our", "my":
						c.Owner = First
					case "your":
						c.Owner = Second
					}
					i = k
					break
				}
			}
		}
	}
	if c.Subject < 0 && prev != nil && prev.Subject >= 0 && i < last && inherits(toks, i, last, prev, joined) {
		// "... and cancelled the order", "I can send a new one or refund
		// you": the subject and tense carry over.
		c.Subject, c.Person, c.Plural, c.Owner = prev.Subject, prev.Person, prev.Plural, prev.Owner
		tense, seenAux = prev.Tense, true
		if tense == Present && pastForm(toks[i].Norm) {
			tense = Past
		}
	}
	if c.Subject < 0 && i+1 < last && toks[i].Kind == Word && toks[i+1].Kind == Word && !functionWord(toks[i].Norm) &&
		!pastForm(toks[i].Norm) && pastForm(toks[i+1].Norm) {
		// A bare noun subject and a past form: "Maintenance fixed it",
		// "refund sent".
		c.Subject, c.Person = i, Third
		i++
	}
	likeTo := false
	for ; i < last; i++ {
		t := &toks[i]
		if t.Kind != Word {
			if t.Kind == Punct && (t.Norm == "'" || t.Norm == "\"") {
				continue
			}
			c.Tense = tense
			return
		}
		w := t.Norm
		if w == "going" && i+1 < last && toks[i+1].Norm == "to" {
			setTense(Future, true)
			i++
			continue
		}
		if (w == "like" || w == "love" || w == "want" || w == "able" || w == "happy" || w == "glad" || w == "pleased") && i+1 < last && toks[i+1].Norm == "to" {
			switch {
			case w == "happy" || w == "glad" || w == "pleased":
				tense = Modal // "I'd be happy to": an offer
			case w == "able":
				if tense != Future {
					tense = Modal
				}
			case tense == Present || tense == Conditional || tense == Progressive:
				tense = Future // "I'd like to", "we want to"
			}
			likeTo = true
			i++
			continue
		}
		if w == "to" && likeTo {
			continue
		}
		if w == "been" && seenAux {
			c.Passive = true
			if tense == Present {
				tense = Perfect // "it's been replaced"
			}
		}
		if isAdverb(w) {
			continue
		}
		if tv, known, neg := verbGroupWord(w); known || neg {
			if neg {
				c.Negated = true
			}
			if w == "been" || w == "be" || w == "being" {
				// "has been", "will be": the tense is already set.
			} else {
				setTense(tv, known)
			}
			continue
		} else if IsNegator(w) && w != "stop" && w != "avoid" && w != "refuse" {
			c.Negated = true
			continue
		}
		if w == "sorry" || w == "afraid" {
			// "I'm sorry", "I'm afraid": no action verb.
			c.Tense = tense
			return
		}
		if c.Subject < 0 && seenAux {
			if p, pl, aux, ok := subjectOf(w); ok && aux == "" {
				// "Can I", "would you", "have we": the subject after
				// the auxiliary of a question.
				c.Subject, c.Person, c.Plural = i, p, pl
				continue
			}
		}
		if c.Subject < 0 && !seenAux {
			// No subject and no auxiliary: an imperative, or a fragment
			// such as "Fixed now".
			c.Verb, c.Key = i, VerbKey(w)
			if pastForm(w) {
				tense = Past
			}
			c.Tense = tense
			return
		}
		if (w == "have" || w == "has" || w == "had") && !auxHave(toks, i, last) {
			// "we didn't have enough staff": have is the main verb.
			c.Verb, c.Key = i, VerbKey("have")
			if tense == Present && w == "had" {
				tense = Past
			}
			c.Tense = tense
			return
		}
		c.Verb, c.Key = i, VerbKey(w)
		if strings.HasSuffix(w, "ing") && (tense == Present) && seenAux {
			tense = Progressive
		} else if tense == Present && c.Subject >= 0 && pastForm(w) && !isBe(toks[i-1].Norm) && !isAdverb(toks[i-1].Norm) {
			tense = Past // "we sent", and "our driver don't came"
		}
		if c.Passive || (seenAux && pastForm(w) && isBe(toks[max(first, i-1)].Norm)) {
			c.Passive = c.Passive || pastForm(w)
		}
		c.Tense = tense
		return
	}
	c.Tense = tense
	return
}

// auxHave reports whether "have" at token i is an auxiliary: a past form,
// "been", "got" or "to" follows it, maybe after an adverb.
func auxHave(toks []Token, i, last int) bool {
	for k := i + 1; k < last && k <= i+3; k++ {
		w := toks[k].Norm
		if isAdverb(w) || w == "not" || w == "never" {
			continue
		}
		return pastForm(w) || w == "been" || w == "got" || w == "to"
	}
	return false
}

// inherits reports whether a clause starting at token i with no subject
// continues the subject of prev: it starts with a past form or an -ing
// form, with a negator and a past form ("but never sent"), or with any
// content word after a modal, future or conditional ("or refund you").
func inherits(toks []Token, i, last int, prev *Clause, joined bool) bool {
	w := toks[i].Norm
	if toks[i].Kind != Word {
		return false
	}
	if (w == "never" || w == "not") && i+1 < last && pastForm(toks[i+1].Norm) {
		return true
	}
	if _, known, _ := verbGroupWord(w); known {
		return false
	}
	if pastForm(w) || strings.HasSuffix(w, "ing") && len(w) > 4 && prev.Tense == Progressive {
		return true
	}
	if _, _, _, ok := subjectOf(w); ok {
		return false
	}
	switch prev.Tense {
	case Modal, Future, Conditional:
		// "I can send a new one or refund you", "... or a free pass".
		return joined && (!functionWord(w) && !isAdverb(w) || w == "a" || w == "an")
	}
	return false
}

// joined reports whether the clause starting at token start follows
// "and" or "or" in the same sentence, so that it can share the verb
// group of the clause before it.
func joined(toks []Token, start, first int) bool {
	if start <= first {
		return false
	}
	w := toks[start-1].Norm
	return w == "and" || w == "or"
}

// afterSorry reports whether token i follows "sorry" or "afraid": what
// comes after is a clause of its own ("I'm sorry | the lab lost it").
func afterSorry(toks []Token, i int) bool {
	p := toks[i-1].Norm
	return (p == "sorry" || p == "afraid") && toks[i].Kind == Word
}

// functionWord reports whether w is a determiner, pronoun, preposition or
// other word that cannot start a verb phrase.
func functionWord(w string) bool {
	switch w {
	case "the", "a", "an", "your", "my", "our", "their", "his", "her", "its", "it", "this", "that", "these", "those",
		"to", "in", "on", "at", "for", "with", "of", "by", "from", "as", "if", "when", "not", "no", "all", "any", "some",
		"me", "us", "them", "him", "you", "there", "here", "what", "which", "who", "how", "why", "where", "whichever",
		"whatever", "one", "two", "both", "either", "neither", "each", "every", "more", "less", "so", "too", "very",
		"please", "thanks", "thank", "sorry", "yes", "ok", "okay", "hi", "hello", "dear", "mr", "mrs", "ms", "dr":
		return true
	}
	return false
}

func isBe(w string) bool {
	switch w {
	case "is", "are", "was", "were", "been", "be", "'s", "'re", "'m", "am":
		return true
	}
	return false
}
