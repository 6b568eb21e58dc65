package prose

import "strings"

// Doc is a text analysed once: its tokens, sentences and quantities.
// Build it with [Parse]; it is read-only afterwards and safe to share.
type Doc struct {
	Text       string
	Tokens     []Token
	Sentences  []Sentence
	Quantities []Quantity

	z *tokenizer // kept by Reanalyze, so that the next call reuses it
}

// Sentence is a run of tokens ending in . ! ? or a line break that starts
// a new item. Tokens [First, Last) of the Doc belong to it.
type Sentence struct {
	Span        Span
	First, Last int
}

// Parse checks text with [Check] (DefaultMaxLen) and analyses it.
func Parse(text string) (*Doc, error) {
	return ParseLimit(text, DefaultMaxLen)
}

// ParseLimit is [Parse] with a different length limit in bytes.
func ParseLimit(text string, maxLen int) (*Doc, error) {
	if err := Check(text, maxLen); err != nil {
		return nil, err
	}
	return Analyze(text), nil
}

// Analyze analyses text without checking it. Invalid UTF-8 is read as
// U+FFFD symbols; empty text gives an empty Doc. Use [Parse] for input
// from users.
func Analyze(text string) *Doc {
	d := &Doc{Text: text, Tokens: tokenize(text, nil)}
	d.Sentences = splitSentences(text, d.Tokens, make([]Sentence, 0, 4))
	d.Quantities = findQuantities(d.Tokens, nil)
	return d
}

// Reanalyze is [Analyze] into d, reusing the memory of d's slices: the
// Tokens, Sentences and Quantities d held before are overwritten. It is
// for callers that analyse many texts one after another and keep none
// of the earlier results (a [sync.Pool] of Docs); like Analyze, it does
// not check text.
func (d *Doc) Reanalyze(text string) {
	d.Text = text
	if d.z == nil {
		d.z = new(tokenizer)
		d.z.folded, d.z.norm = d.z.buf[:0], d.z.buf8[:0]
	}
	d.z.toks = d.Tokens[:0]
	if n := len(text)/4 + 8; cap(d.z.toks) < n {
		d.z.toks = make([]Token, 0, n)
	}
	d.Tokens = d.z.run(text)
	d.z.text, d.z.toks = "", nil
	if d.Sentences == nil {
		d.Sentences = make([]Sentence, 0, 4)
	}
	d.Sentences = splitSentences(text, d.Tokens, d.Sentences[:0])
	d.Quantities = findQuantities(d.Tokens, d.Quantities[:0])
	if len(d.Quantities) == 0 {
		d.Quantities = nil // as Analyze leaves it
	}
}

// Slice returns the original text under s.
func (d *Doc) Slice(s Span) string {
	if s.Start < 0 || s.End > len(d.Text) || s.Start > s.End {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// TokenSpan is the span from the start of token i to the end of token j-1.
func (d *Doc) TokenSpan(i, j int) Span {
	if i >= j || i < 0 || j > len(d.Tokens) {
		return Span{}
	}
	return d.Tokens[i].Span.Join(d.Tokens[j-1].Span)
}

// WordCount is the number of Word and Number tokens.
func (d *Doc) WordCount() int {
	n := 0
	for i := range d.Tokens {
		if d.Tokens[i].IsWord() {
			n++
		}
	}
	return n
}

// SentenceOf returns the index of the sentence holding token i, or -1.
func (d *Doc) SentenceOf(i int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := d.Sentences[m]; {
		case i < s.First:
			hi = m
		case i >= s.Last:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// QuantityAt returns the quantity whose first token is i.
func (d *Doc) QuantityAt(i int) (Quantity, bool) {
	for _, q := range d.Quantities {
		if q.First == i {
			return q, true
		}
		if q.First > i {
			break
		}
	}
	return Quantity{}, false
}

// IsQuestion reports whether sentence s ends with a question mark.
func (d *Doc) IsQuestion(s int) bool {
	if s < 0 || s >= len(d.Sentences) {
		return false
	}
	sen := d.Sentences[s]
	for i := sen.Last - 1; i >= sen.First; i-- {
		t := d.Tokens[i]
		if t.Kind == Punct && HasSentenceEnd(t.Norm) {
			return strings.Contains(t.Norm, "?")
		}
		if t.Kind != Punct {
			return false
		}
	}
	return false
}

// abbreviation reports whether a word followed by "." is usually not the
// end of a sentence.
func abbreviation(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "dr", "st", "vs", "etc", "approx", "dept", "no", "jr", "sr", "prof", "mt", "ft", "min", "mins", "hr", "hrs", "e.g", "i.e", "a.m", "p.m", "inc", "ltd", "co", "ave", "rd", "tel", "ext":
		return true
	}
	return false
}

// splitSentences groups tokens into sentences. A sentence ends after a run
// of . ! ? (not after an abbreviation or before a lower-case word), with
// closing quotes and brackets kept; and at a line break that starts a list
// item or follows an empty line or a line with no closing punctuation
// followed by a capital.
func splitSentences(text string, toks []Token, out []Sentence) []Sentence {
	// No closure for flushing a sentence: one that assigns first and out
	// would keep them in memory for the whole loop.
	first := 0
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if i > first {
			// One space between tokens is the usual case and no break.
			if gap := t.Span.Start - toks[i-1].Span.End; (gap > 1 || gap == 1 && text[t.Span.Start-1] != ' ') && lineBreakBetween(text, &toks[i-1], t) {
				out = appendSentence(out, toks, first, i)
				first = i
			}
		}
		if t.Kind != Punct || !HasSentenceEnd(t.Norm) {
			continue
		}
		if t.Norm == "." && i > 0 && toks[i-1].Kind == Word && abbreviation(toks[i-1].Norm) && toks[i-1].Span.End == t.Span.Start {
			continue
		}
		end := i + 1
		for end < len(toks) && toks[end].Kind == Punct && isCloser(toks[end].Norm) && toks[end].Span.Start == toks[end-1].Span.End {
			end++
		}
		if end < len(toks) && toks[end].Kind == Word && t.Norm == "." && startsLower(toks[end].Text) && i > 0 && len(toks[i-1].Norm) <= 4 {
			continue // "approx. ten", an abbreviation we do not know; a longer word ends a lower-case sentence
		}
		out = appendSentence(out, toks, first, end)
		first = end
		i = end - 1
	}
	return appendSentence(out, toks, first, len(toks))
}

// appendSentence appends the sentence of tokens [first, last), if any.
func appendSentence(out []Sentence, toks []Token, first, last int) []Sentence {
	if last > first {
		out = append(out, Sentence{Span: toks[first].Span.Join(toks[last-1].Span), First: first, Last: last})
	}
	return out
}

func isCloser(s string) bool {
	return s == "\"" || s == "'" || s == ")" || s == "]"
}

func startsLower(s string) bool {
	for _, r := range s {
		return r >= 'a' && r <= 'z'
	}
	return false
}

func startsUpper(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z'
	}
	return false
}

// lineBreakBetween reports whether the gap between a and b is a break that
// ends a sentence: an empty line, a list marker after a newline, or a
// newline before a capital after a line with no closing punctuation.
func lineBreakBetween(text string, a, b *Token) bool {
	gap := text[a.Span.End:b.Span.Start]
	if len(gap) == 0 || len(gap) == 1 && gap[0] != '\n' {
		return false // no gap or one space: the usual case
	}
	nl := strings.Count(gap, "\n")
	if nl == 0 {
		return false
	}
	if nl >= 2 {
		return true
	}
	switch b.Norm {
	case "-", "*", "•", "·":
		return true
	}
	if b.Kind == Number && strings.HasSuffix(strings.TrimSpace(text[b.Span.End:min(len(text), b.Span.End+1)]), ".") {
		return true
	}
	return a.Kind != Punct && startsUpper(b.Text)
}
