package prose

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// TokenKind says what a token is.
type TokenKind uint8

// Token kinds.
const (
	Word   TokenKind = iota // letters, with inner apostrophes, hyphens and dotted abbreviations ("don't", "check-in", "e.g.")
	Number                  // digits ("24", "1,000", "3.5", "10:30") or a number word ("three")
	Punct                   // punctuation; runs of . ! ? are one token ("!!!", "?!", "...")
	Symbol                  // anything else: currency signs, %, emoji
)

var kindNames = [...]string{"word", "number", "punct", "symbol"}

func (k TokenKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind?"
}

// Token is one unit of a text. Text is the original slice; Norm is the
// folded form used for matching (lower case, curly quotes and dashes folded
// to ASCII). Value is the numeric value of a Number token.
type Token struct {
	Kind  TokenKind
	Text  string
	Norm  string
	Span  Span
	Value float64
}

// IsWord reports whether t is a Word or a Number, the tokens that count as
// words for readability and length.
func (t Token) IsWord() bool { return t.Kind == Word || t.Kind == Number }

// IsShouted reports whether t is a word of at least two letters written
// entirely in capitals ("NEVER"), the way shouting looks in writing.
func (t Token) IsShouted() bool {
	if t.Kind != Word {
		return false
	}
	letters := 0
	for _, r := range t.Text {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// HasSentenceEnd reports whether s holds '.', '!' or '?', as the
// punctuation that ends a sentence does: strings.ContainsAny(s, ".!?")
// written out, since ContainsAny builds a set of bytes on every call and
// this runs for every punctuation token.
func HasSentenceEnd(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '.' || c == '!' || c == '?' {
			return true
		}
	}
	return false
}

// hasClauseEnd is HasSentenceEnd with ',', ';' and ':' too.
func hasClauseEnd(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '.', '!', '?', ',', ';', ':':
			return true
		}
	}
	return false
}

// fold maps a rune to its matching form: lower case, with typographic
// quotes, dashes and spaces folded to ASCII.
func fold(r rune) rune {
	switch r {
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '`', '\u00B4':
		return '\''
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	case '\u00A0', '\u2007', '\u202F':
		return ' '
	}
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	return unicode.ToLower(r)
}

// Normalize returns the folded form of s: lower case, typographic quotes,
// dashes and spaces folded to ASCII, and the ellipsis character spelled
// "...". It is the form phrases are matched in.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r == '\u2026' {
			b.WriteString("...")
			continue
		}
		b.WriteRune(fold(r))
	}
	return b.String()
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u2018' || r == '\u02BC'
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// tokenizer walks a text once, keeping byte and UTF-16 positions. A
// token that is already in folded form (ASCII with no capital, as most
// words are) has its Text as its Norm; the folded form of every other
// token is written into one buffer.
type tokenizer struct {
	text   string
	pos    int // byte offset
	pos16  int // UTF-16 offset
	norm   []byte
	toks   []Token
	folded []foldedToken
	buf    [32]foldedToken // the first folded tokens, without allocating
	buf8   [256]byte       // the first folded bytes
}

// foldedToken is a token whose Norm is norm[start:end] of the tokenizer.
type foldedToken struct{ tok, start, end int32 }

func (z *tokenizer) peek(at int) (rune, int) {
	if at >= len(z.text) {
		return -1, 0
	}
	c := z.text[at]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(z.text[at:])
}

func width16(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// advanceTo moves the cursor to byte offset end, counting UTF-16 units.
func (z *tokenizer) advanceTo(end int) {
	for z.pos < end {
		r, size := z.peek(z.pos)
		z.pos += size
		z.pos16 += width16(r)
	}
}

// emit appends the token text[start:end] of the given kind; the cursor
// must be at start.
func (z *tokenizer) emit(kind TokenKind, end int, value float64) {
	t := z.text[z.pos:end]
	plain := true
	for i := 0; i < len(t); i++ {
		if c := t[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			plain = false
			break
		}
	}
	z.emitFolded(kind, end, value, plain)
}

// emitFolded is emit for a token known to be plain (ASCII with no
// capital, its own folded form) or not.
func (z *tokenizer) emitFolded(kind TokenKind, end int, value float64, plain bool) {
	start, start16 := z.pos, z.pos16
	t := z.text[start:end]
	if plain {
		// ASCII with no capital: the text is its own folded form.
		z.pos, z.pos16 = end, start16+len(t)
		if kind == Word && mayBeNumberWord(t) {
			if v, ok := numberWord(t); ok {
				kind, value = Number, v
			}
		}
		z.add(kind, t, t, Span{start, end, start16, z.pos16}, value)
		return
	}
	k := len(z.norm)
	for i := start; i < end; {
		if z.text[i] < utf8.RuneSelf {
			// A run of ASCII: copy it whole, then lower its capitals.
			j := i + 1
			for j < end && z.text[j] < utf8.RuneSelf {
				j++
			}
			k := len(z.norm)
			z.norm = append(z.norm, z.text[i:j]...)
			for b := z.norm[k:]; len(b) > 0; b = b[1:] {
				if 'A' <= b[0] && b[0] <= 'Z' {
					b[0] += 'a' - 'A'
				}
			}
			z.pos16 += j - i
			i = j
			continue
		}
		r, size := utf8.DecodeRuneInString(z.text[i:])
		if r == '\u2026' {
			z.norm = append(z.norm, "..."...)
		} else {
			z.norm = utf8.AppendRune(z.norm, fold(r))
		}
		i += size
		z.pos16 += width16(r)
	}
	z.pos = end
	z.folded = append(z.folded, foldedToken{int32(len(z.toks)), int32(k), int32(len(z.norm))})
	z.add(kind, t, "", Span{start, end, start16, z.pos16}, value)
}

// add appends a token, setting its fields one by one: while the garbage
// collector marks, that costs a write barrier per string rather than a
// barrier over a copy of the whole token.
func (z *tokenizer) add(kind TokenKind, text, norm string, span Span, value float64) {
	n := len(z.toks)
	if n == cap(z.toks) {
		z.toks = slices.Grow(z.toks, 1)
	}
	z.toks = z.toks[:n+1]
	t := &z.toks[n]
	t.Kind, t.Text, t.Norm, t.Span, t.Value = kind, text, norm, span, value
}

// tokenize splits text into tokens, appending to dst (its memory is
// reused when it has room). The text must be valid UTF-8.
func tokenize(text string, dst []Token) []Token {
	if n := len(text)/4 + 8; cap(dst) < n {
		dst = make([]Token, 0, n)
	}
	z := tokenizer{toks: dst[:0]}
	z.folded, z.norm = z.buf[:0], z.buf8[:0]
	return z.run(text)
}

// run tokenises text, reusing the tokenizer's buffers; the returned slice
// is valid until the next call.
func (z *tokenizer) run(text string) []Token {
	z.text, z.pos, z.pos16 = text, 0, 0
	z.norm, z.toks, z.folded = z.norm[:0], z.toks[:0], z.folded[:0]
	for z.pos < len(text) {
		if c := text[z.pos]; c == ' ' || c == '\n' {
			z.pos++
			z.pos16++
			continue
		} else if c|0x20 >= 'a' && c|0x20 <= 'z' {
			z.word()
			continue
		}
		r, size := z.peek(z.pos)
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r':
			z.pos++
			z.pos16++
		case unicode.IsSpace(r) || r == '\u00A0' || r == '\u200B' || r == '\uFEFF':
			z.pos += size
			z.pos16 += width16(r)
		case r < utf8.RuneSelf && isDigit(byte(r)):
			z.number()
		case isWordRune(r):
			z.word()
		case r == '.' || r == '!' || r == '?' || r == '\u2026':
			end := z.pos
			for {
				c, n := z.peek(end)
				if c != '.' && c != '!' && c != '?' && c != '\u2026' {
					break
				}
				end += n
			}
			z.emit(Punct, end, 0)
		case unicode.IsPunct(r):
			z.emit(Punct, z.pos+size, 0)
		default:
			end := z.pos + size
			// Keep emoji sequences together: variation selectors, skin
			// tones, keycaps and zero-width joiners.
			for {
				c, n := z.peek(end)
				if c == '\uFE0F' || c == '\uFE0E' || c == '\u20E3' || (c >= 0x1F3FB && c <= 0x1F3FF) {
					end += n
					continue
				}
				if c == '\u200D' {
					if _, n2 := z.peek(end + n); n2 > 0 {
						end += n + n2
						continue
					}
				}
				break
			}
			z.emit(Symbol, end, 0)
		}
	}
	if len(z.folded) > 0 {
		norm := string(z.norm)
		for _, f := range z.folded {
			z.toks[f.tok].Norm = norm[f.start:f.end]
		}
	}
	for _, f := range z.folded {
		if t := &z.toks[f.tok]; t.Kind == Word {
			if v, ok := numberWord(t.Norm); ok {
				t.Kind, t.Value = Number, v // "Three"
			}
		}
	}
	return z.toks
}

// number reads digits with thousands separators, a decimal part or a
// clock time ("10:30"); letters glued on ("24h", "5mins") become a word of
// their own, and so does a hyphenated unit ("24-hour").
func (z *tokenizer) number() {
	t := z.text
	end := z.pos
	value, frac, scale := 0.0, false, 0.1
	for end < len(t) {
		c := t[end]
		switch {
		case isDigit(c):
			if frac {
				value += float64(c-'0') * scale
				scale /= 10
			} else {
				value = value*10 + float64(c-'0')
			}
			end++
			continue
		case c == ',' && !frac && threeDigits(t, end+1):
			end++
			continue
		case c == '.' && !frac && end+1 < len(t) && isDigit(t[end+1]):
			frac = true
			end++
			continue
		case c == ':' && !frac && end+2 < len(t) && isDigit(t[end+1]) && isDigit(t[end+2]) && (end+3 >= len(t) || !isDigit(t[end+3])):
			value += float64((t[end+1]-'0')*10+(t[end+2]-'0')) / 60
			end += 3
		}
		break
	}
	z.emit(Number, end, value)
	if end < len(t) && t[end] == '-' {
		if r, _ := z.peek(end + 1); unicode.IsLetter(r) {
			z.advanceTo(end + 1) // the hyphen joins a number to its unit
		}
	}
}

func threeDigits(t string, i int) bool {
	if i+3 > len(t) {
		return false
	}
	if !isDigit(t[i]) || !isDigit(t[i+1]) || !isDigit(t[i+2]) {
		return false
	}
	return i+3 == len(t) || !isDigit(t[i+3])
}

// word reads letters with inner apostrophes ("don't"), inner hyphens
// ("check-in") and dotted abbreviations ("e.g.", "a.m.").
func (z *tokenizer) word() {
	t := z.text
next:
	end := z.pos
	plain := true // ASCII with no capital so far
	for {
		// Fastest path: eight lower-case letters at a time.
		for end+8 <= len(t) {
			// Eight bytes as one number: a byte's top bit in marks says
			// it is below 'a', above 'z' or not ASCII. (A byte of 0x80 or
			// more may carry into the bytes after it, never into those
			// before, so the first mark is exact.) TestWordRuns checks it.
			b := t[end : end+8]
			x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
			const ones, tops = 0x0101010101010101, 0x8080808080808080
			if marks := (^(x + ones*(0x80-'a')) | (x + ones*(0x80-'z'-1)) | x) & tops; marks != 0 {
				end += bits.TrailingZeros64(marks) / 8
				break
			}
			end += 8
		}
		// Fast path: a run of ASCII letters and digits.
		for end < len(t) {
			if c := t[end]; 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
				end++
			} else if 'A' <= c && c <= 'Z' {
				plain = false
				end++
			} else {
				break
			}
		}
		if end < len(t) && (t[end] == ' ' || t[end] == ',') {
			if plain {
				// The usual word: lower-case ASCII, its own folded form.
				// Emitted here rather than by emitFolded, for speed.
				w, start, start16 := t[z.pos:end], z.pos, z.pos16
				kind, value := Word, 0.0
				if mayBeNumberWord(w) {
					if v, ok := numberWord(w); ok {
						kind, value = Number, v
					}
				}
				z.pos, z.pos16 = end, start16+len(w)
				// add, written out.
				n := len(z.toks)
				if n == cap(z.toks) {
					z.toks = slices.Grow(z.toks, 1)
				}
				z.toks = z.toks[:n+1]
				tk := &z.toks[n]
				tk.Kind, tk.Text, tk.Norm, tk.Span, tk.Value = kind, w, w, Span{start, end, start16, z.pos16}, value
				if end+1 < len(t) && t[end] == ' ' && t[end+1]-'a' < 26 {
					// A space and a lower-case letter: on to that word
					// here, rather than back through run.
					z.pos, z.pos16 = end+1, z.pos16+1
					goto next
				}
				return
			}
			break // the usual end of a word
		}
		r, n := z.peek(end)
		if r < 0 {
			break
		}
		if r >= utf8.RuneSelf {
			plain = false
		}
		if isWordRune(r) {
			end += n
			continue
		}
		if isApostrophe(r) || isHyphen(r) {
			if next, _ := z.peek(end + n); next >= 0 && unicode.IsLetter(next) {
				end += n
				continue
			}
		}
		if r == '.' && end-z.pos <= 3 {
			// a.m., e.g., i.e.: one letter, a dot, one letter, a dot.
			if next, n2 := z.peek(end + 1); next >= 0 && unicode.IsLetter(next) && n2 == 1 {
				if dot, _ := z.peek(end + 2); dot == '.' && singleLetters(z.text[z.pos:end]) {
					end += 3
					if after, _ := z.peek(end); after < 0 || !isWordRune(after) {
						if 'A' <= next && next <= 'Z' {
							plain = false // "E.G."
						}
						continue
					}
					end -= 3
				}
			}
		}
		break
	}
	z.emitFolded(Word, end, 0, plain)
}

// singleLetters reports whether s is like "e" or "e.g": letters separated
// by single dots.
func singleLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if (i%2 == 0) != (s[i] != '.') {
			return false
		}
	}
	return len(s)%2 == 1
}

// numberWords are the spelled-out numbers [numberWord] knows, sorted by
// word (a table is much smaller in wasm than a switch statement; it is
// searched through numberIndex).
var numberWords = [...]struct {
	word  string
	value float64
}{
	{"dozen", 12},
	{"eight", 8},
	{"eighteen", 18},
	{"eighty", 80},
	{"eleven", 11},
	{"fifteen", 15},
	{"fifty", 50},
	{"five", 5},
	{"forty", 40},
	{"four", 4},
	{"fourteen", 14},
	{"half", 0.5},
	{"hundred", 100},
	{"nine", 9},
	{"nineteen", 19},
	{"ninety", 90},
	{"one", 1},
	{"seven", 7},
	{"seventeen", 17},
	{"seventy", 70},
	{"six", 6},
	{"sixteen", 16},
	{"sixty", 60},
	{"ten", 10},
	{"thirteen", 13},
	{"thirty", 30},
	{"thousand", 1000},
	{"three", 3},
	{"twelve", 12},
	{"twenty", 20},
	{"twice", 2},
	{"two", 2},
	{"zero", 0},
}

// numberInitials holds, for each length, the first letters of the
// number words of that length, one bit per letter (a constant table,
// checked against numberWords by TestWordTables).
var numberInitials = [10]uint32{
	3: 1<<('o'-'a') | 1<<('s'-'a') | 1<<('t'-'a'),
	4: 1<<('f'-'a') | 1<<('h'-'a') | 1<<('n'-'a') | 1<<('z'-'a'),
	5: 1<<('d'-'a') | 1<<('e'-'a') | 1<<('f'-'a') | 1<<('s'-'a') | 1<<('t'-'a'),
	6: 1<<('e'-'a') | 1<<('n'-'a') | 1<<('t'-'a'),
	7: 1<<('f'-'a') | 1<<('h'-'a') | 1<<('s'-'a'),
	8: 1<<('e'-'a') | 1<<('f'-'a') | 1<<('n'-'a') | 1<<('t'-'a'),
	9: 1 << ('s' - 'a'),
}

// numberFinals holds, for each length, the last letters of the number
// words of that length, one bit per letter (a constant table, checked
// against numberWords by TestWordTables).
var numberFinals = [10]uint32{
	3: 1<<('e'-'a') | 1<<('n'-'a') | 1<<('o'-'a') | 1<<('x'-'a'),
	4: 1<<('e'-'a') | 1<<('f'-'a') | 1<<('o'-'a') | 1<<('r'-'a'),
	5: 1<<('e'-'a') | 1<<('n'-'a') | 1<<('t'-'a') | 1<<('y'-'a'),
	6: 1<<('e'-'a') | 1<<('n'-'a') | 1<<('y'-'a'),
	7: 1<<('d'-'a') | 1<<('n'-'a') | 1<<('y'-'a'),
	8: 1<<('d'-'a') | 1<<('n'-'a'),
	9: 1 << ('n' - 'a'),
}

// numberSeconds holds, for each length, the second letters of the
// number words of that length, one bit per letter (a constant table,
// checked against numberWords by TestWordTables). Many short words pass
// the first and last letter ("the", "see"); few pass this too.
var numberSeconds = [10]uint32{
	3: 1<<('e'-'a') | 1<<('i'-'a') | 1<<('n'-'a') | 1<<('w'-'a'),
	4: 1<<('a'-'a') | 1<<('e'-'a') | 1<<('i'-'a') | 1<<('o'-'a'),
	5: 1<<('e'-'a') | 1<<('h'-'a') | 1<<('i'-'a') | 1<<('o'-'a') | 1<<('w'-'a'),
	6: 1<<('h'-'a') | 1<<('i'-'a') | 1<<('l'-'a') | 1<<('w'-'a'),
	7: 1<<('e'-'a') | 1<<('i'-'a') | 1<<('u'-'a'),
	8: 1<<('h'-'a') | 1<<('i'-'a') | 1<<('o'-'a'),
	9: 1 << ('e' - 'a'),
}

// mayBeNumberWord is the first test of [numberWord], small enough to be
// inlined where every word is tested.
func mayBeNumberWord(w string) bool {
	return uint(len(w)-3) <= 6 && w[0]-'a' < 26 && numberInitials[len(w)]&(1<<(w[0]-'a')) != 0
}

// numberWord returns the value of a spelled-out number ("three", "a dozen"
// is two tokens and not counted).
func numberWord(w string) (float64, bool) {
	if len(w) < 3 || len(w) > 9 || w[0] < 'a' || w[0] > 'z' || numberInitials[len(w)]&(1<<(w[0]-'a')) == 0 {
		return 0, false // no number word has this length and first letter
	}
	if c := w[len(w)-1]; c < 'a' || c > 'z' || numberFinals[len(w)]&(1<<(c-'a')) == 0 {
		return 0, false // nor this last letter
	}
	if c := w[1]; c < 'a' || c > 'z' || numberSeconds[len(w)]&(1<<(c-'a')) == 0 {
		return 0, false // nor this second letter
	}
	if i := numberIndex().Index(w); i >= 0 {
		return numberWords[i].value, true
	}
	return 0, false
}

// wordIndexes holds the indexes of numberWords and unitWords, made on
// first use: a lookup costs less than a binary search, whose every step
// compares strings in a call. (One sync.Once for both: a sync.OnceValue
// per table would add its own generic code to every binary.)
var wordIndexes struct {
	once           sync.Once
	numbers, units *WordIndex
}

func numberIndex() *WordIndex {
	wordIndexes.once.Do(makeWordIndexes)
	return wordIndexes.numbers
}

func unitIndex() *WordIndex {
	wordIndexes.once.Do(makeWordIndexes)
	return wordIndexes.units
}

func makeWordIndexes() {
	words := make([]string, len(numberWords))
	for i, n := range numberWords {
		words[i] = n.word
	}
	wordIndexes.numbers = NewWordIndex(words)
	words = make([]string, len(unitWords))
	for i, u := range unitWords {
		words[i] = u.word
	}
	wordIndexes.units = NewWordIndex(words)
}
