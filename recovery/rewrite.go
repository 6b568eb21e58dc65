package recovery

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/purposefulcx/purposeful/internal/prose"
)

// slotFields maps a phrase slot to the [Situation] field that fills it,
// as the API and the page name it.
func slotField(slot string) string {
	switch slot {
	case "name":
		return "customerName"
	case "alternative", "gesture":
		return "offers"
	case "agent":
		return "agentName"
	}
	return slot // colleague, issue, policy, times
}

// addNeeds records the situation fields a phrase needs but the situation
// leaves empty.
func addNeeds(needs []string, p *Phrase, slots Slots) []string {
	for _, s := range p.Slots {
		if strings.TrimSpace(slots[s]) == "" {
			if f := slotField(s); !slices.Contains(needs, f) {
				needs = append(needs, f)
			}
		}
	}
	return needs
}

// piece is one sentence of a rewrite: the writer's own, kept, or a
// catalogue phrase added for a missing move; rank places it in running
// order.
type piece struct {
	text string
	rank int
	gap  string // what goes before it
	// A catalogue phrase is filled into the scratch's fills buffer, not
	// a string of its own: it is fills[from:to] when filled is set.
	filled   bool
	from, to int32
}

// rewrite keeps what the draft does well in the writer's own words and
// replaces only what is wrong or missing: a sentence with an anti-pattern
// is replaced by the better phrase (or dropped when none fits), and each
// missing move gets one catalogue phrase, placed in running order among
// the kept sentences. A reply stays as short as its channel allows: a
// move the reply need not make once it fixes the problem (thanks and a
// summary in a chat, belief in writing) is not added when the draft or
// the rewrite fixes it. A kept sentence left without a full stop gets
// one before a phrase, and a capital when it opens in lower case. No
// slot is ever left in braces: a phrase whose detail the situation lacks
// is left out and the field is reported in needs.
//
// The rewrite is appended to dst, untrimmed (the caller makes one string
// of it and the reasons of the score, and trims its part).
func (rv *reviewer) rewrite(dst []byte) ([]byte, []string) {
	s, doc, r := rv.s, rv.doc, rv.r
	cat := CatalogueFor(s.Language)
	slots := rv.situationSlots()
	var needs []string
	pieces := slices.Grow(rv.sc.pieces[:0], len(doc.Sentences)+len(r.Missing))
	fills := rv.sc.fills[:0]
	defer func() { clear(pieces); rv.sc.pieces, rv.sc.fills = pieces[:0], fills[:0] }()
	rank := -1
	prevEnd := -1
	for _, sen := range doc.Sentences {
		gap := " "
		if prevEnd >= 0 && strings.Contains(doc.Text[prevEnd:sen.Span.Start], "\n\n") {
			gap = "\n\n"
		}
		prevEnd = sen.Span.End
		for k := range r.Moves {
			m := &r.Moves[k] // not a copy of each move
			if m.Span.Start >= sen.Span.End {
				break // the moves are in text order
			}
			if m.Span.Overlaps(sen.Span) && (rank < 0 || int(m.Move) < rank) {
				rank = int(m.Move)
			}
		}
		if text, ok := mend(doc, sen.Span, r.Findings); ok {
			pieces = append(pieces, piece{text: text, rank: max(rank, 0), gap: gap})
		}
	}
	greeted := false
	if len(pieces) > 0 {
		word, _, _ := strings.Cut(strings.TrimSpace(pieces[0].text), " ")
		greeted = opensGreeting(strings.TrimRight(word, ",!.")) || s.CustomerName != "" && strings.HasPrefix(pieces[0].text, strings.Fields(s.CustomerName)[0])
	}
	// The rewrite fixes (or offers, or hands over) when the draft does or
	// when it adds the missing fix; a move the reply then need not make
	// (thanks in a chat that fixes, say) is not added: it would only make
	// the reply longer.
	// picks[k] is the phrase chosen for r.Missing[k] (-1: none the slots
	// fill), chosen once: first for the moves that fix, which decide
	// fixes, then for the others as they are added.
	const unpicked = -2
	var picks [numMoves]int
	_, fixes := rv.firstOf(Fix, Offer, HandOver)
	for k, m := range r.Missing {
		picks[k] = unpicked
		if m == Fix || m == Offer || m == HandOver {
			picks[k] = cat.bestFillable(m, s, slots)
			fixes = fixes || picks[k] >= 0
		}
	}
	for k, m := range r.Missing {
		if fixes && rv.notRequired(m, true) != "" {
			continue
		}
		i := picks[k]
		if i == unpicked {
			i = cat.bestFillable(m, s, slots)
		}
		if i < 0 {
			if j := cat.best(m, s, slots); j >= 0 {
				needs = addNeeds(needs, &cat.phrases[j], slots)
			}
			continue
		}
		from := len(fills)
		fills = appendFill(fills, cat.phrases[i].Text, slots, false)
		text := fills[from:]
		if slices.ContainsFunc(pieces, func(p piece) bool {
			if p.filled {
				return string(fills[p.from:p.to]) == string(text)
			}
			return p.text == string(text)
		}) {
			fills = fills[:from]
			continue
		}
		first := 0
		if greeted && len(pieces) > 0 {
			first = 1 // after "Mr Chen, ..." or "Dear Ms Okafor,"
		}
		at := len(pieces)
		if k := slices.IndexFunc(pieces[first:], func(p piece) bool { return p.rank > int(m) }); k >= 0 {
			at = first + k
		}
		pieces = slices.Insert(pieces, at, piece{rank: int(m), gap: " ", filled: true, from: int32(from), to: int32(len(fills))})
	}
	start := len(dst)
	if s.Channel == Email && !greeted {
		if name := slots["name"]; name != "" {
			dst = append(append(append(dst, "Dear "...), name...), ",\n\n"...)
		} else {
			dst = append(dst, "Hello,\n\n"...)
		}
	}
	for i := range pieces {
		p := &pieces[i]
		if i > 0 {
			if !pieces[i-1].filled && unended(pieces[i-1].text) {
				dst = append(dst, '.') // "ok will check" before a phrase
			}
			dst = append(dst, p.gap...)
		}
		if p.filled {
			dst = append(dst, fills[p.from:p.to]...)
		} else {
			dst = appendSentence(dst, p.text)
		}
	}
	if agent := slots["agent"]; s.Channel == Email && agent != "" && !bytes.Contains(dst[start:], []byte(agent)) {
		dst = append(append(dst, "\n\n"...), agent...)
	}
	return dst, needs
}

// mend returns the sentence under span with its anti-patterns (findings,
// in text order) put right:
// a form of address or shouting is replaced where it stands; a sentence
// with any other anti-pattern is replaced by the first better phrase
// with no slot left, or dropped (ok false) when there is none.
func mend(doc *prose.Doc, span Span, findings []Finding) (string, bool) {
	var in []Finding
	for k := range findings {
		f := &findings[k] // not a copy of each finding
		if f.Span.Start >= span.End {
			break // the findings are in text order
		}
		if f.Span.Overlaps(span) {
			in = append(in, *f)
		}
	}
	if len(in) == 0 {
		return doc.Slice(span), true
	}
	inPlace := !slices.ContainsFunc(in, func(f Finding) bool {
		return f.Rule != RuleSirMadam && f.Rule != RuleShouting || len(f.Suggestions) == 0
	})
	if inPlace {
		var b strings.Builder
		at := span.Start
		for _, f := range in {
			from, to := max(at, f.Span.Start), min(f.Span.End, span.End)
			b.WriteString(doc.Text[at:from])
			switch {
			case from == f.Span.Start && to == f.Span.End:
				b.WriteString(f.Suggestions[0])
			case f.Rule == RuleShouting:
				// A run of capitals that goes on into the next sentence
				// (or came from the one before): calm this sentence's part.
				b.WriteString(calmed(doc, from, to, from == span.Start))
			default:
				b.WriteString(doc.Text[from:to])
			}
			at = max(at, to)
		}
		b.WriteString(doc.Text[at:span.End])
		return b.String(), true
	}
	worst := in[0]
	for _, f := range in[1:] {
		if f.Severity > worst.Severity {
			worst = f
		}
	}
	for _, sg := range worst.Suggestions {
		if !strings.Contains(sg, "{") && strings.Contains(sg, " ") {
			return sg, true
		}
	}
	return "", false
}

// unended reports whether a kept sentence ends without a full stop,
// question or exclamation mark (or other closing punctuation), on a
// letter or digit: a phrase set after it needs a full stop between.
func unended(text string) bool {
	r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(text, " \t\n"))
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// appendSentence appends a kept sentence, with a capital at its start
// when its first word is written all in lower case ASCII ("ok will
// check" is "Ok will check"; "iPhone" is left as it is).
func appendSentence(dst []byte, text string) []byte {
	n := len(dst)
	dst = append(dst, text...)
	if len(text) == 0 || text[0] < 'a' || text[0] > 'z' {
		return dst
	}
	for i := 1; i < len(text) && text[i] != ' '; i++ {
		if c := text[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return dst
		}
	}
	dst[n] -= 'a' - 'A'
	return dst
}

// opensGreeting reports whether word, in any case, opens a greeting:
// [isGreeting] of the word in lower case, which a word of plain ASCII
// (as a greeting is) gets without a new string.
func opensGreeting(word string) bool {
	var buf [len("hello")]byte // the longest greeting
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			return isGreeting(strings.ToLower(word))
		}
		if i < len(buf) {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
	}
	return len(word) <= len(buf) && isGreeting(string(buf[:len(word)]))
}

// isGreeting reports whether a folded word opens a greeting.
func isGreeting(w string) bool {
	switch w {
	case "dear", "hi", "hello", "hey", "good":
		return true
	}
	return false
}

// bestFillable is [Catalogue.best] limited to phrases the slots fill.
func (c *Catalogue) bestFillable(m Move, s *Situation, slots Slots) int {
	if !m.Valid() {
		return -1
	}
	for _, strict := range []bool{true, false} {
		best, bestRank := -1, 1<<30
		for _, i := range c.byMove[m] {
			p := &c.phrases[i]
			if !p.fillable(slots) {
				continue
			}
			if r := c.rank(int(i), m, s, slots, strict); r >= 0 && r < bestRank {
				best, bestRank = int(i), r
			}
		}
		if best >= 0 {
			return best
		}
	}
	return -1
}
