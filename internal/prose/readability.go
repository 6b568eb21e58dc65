package prose

import "unicode/utf8"

// LowConfidenceWords is the word count under which readability formulas
// are unstable and [Readability.LowConfidence] is set.
const LowConfidenceWords = 100

// LongWordLetters is the length from which a word counts as long.
const LongWordLetters = 7

// Readability holds the figures readability formulas are made of and two
// classic scores:
//
//	FleschReadingEase  = 206.835 - 1.015*(words/sentences) - 84.6*(syllables/words)
//	FleschKincaidGrade = 0.39*(words/sentences) + 11.8*(syllables/words) - 15.59
//
// Higher reading ease is easier (60-70 is plain English); the grade is a
// US school grade. On fewer than [LowConfidenceWords] words the formulas
// swing widely with one sentence, so LowConfidence is set.
type Readability struct {
	Words              int     `json:"words"`
	Sentences          int     `json:"sentences"`
	Syllables          int     `json:"syllables"`
	LongWords          int     `json:"longWords"`
	PolysyllabicWords  int     `json:"polysyllabicWords"`
	WordsPerSentence   float64 `json:"wordsPerSentence"`
	LongWordShare      float64 `json:"longWordShare"`
	FleschReadingEase  float64 `json:"fleschReadingEase"`
	FleschKincaidGrade float64 `json:"fleschKincaidGrade"`
	LowConfidence      bool    `json:"lowConfidence"`
}

// Readability measures d. A text with no words gives the zero value with
// LowConfidence set.
func (d *Doc) Readability() Readability {
	var r Readability
	for _, t := range d.Tokens {
		if !t.IsWord() {
			continue
		}
		r.Words++
		syl := 1
		if t.Kind == Word {
			syl = Syllables(t.Norm)
		}
		r.Syllables += syl
		if syl >= 3 {
			r.PolysyllabicWords++
		}
		if t.Kind == Word && utf8.RuneCountInString(t.Norm) >= LongWordLetters {
			r.LongWords++
		}
	}
	for _, s := range d.Sentences {
		for _, t := range d.Tokens[s.First:s.Last] {
			if t.IsWord() {
				r.Sentences++
				break
			}
		}
	}
	r.LowConfidence = r.Words < LowConfidenceWords
	if r.Words == 0 {
		return r
	}
	if r.Sentences == 0 {
		r.Sentences = 1
	}
	wps := float64(r.Words) / float64(r.Sentences)
	spw := float64(r.Syllables) / float64(r.Words)
	r.WordsPerSentence = wps
	r.LongWordShare = float64(r.LongWords) / float64(r.Words)
	r.FleschReadingEase = 206.835 - 1.015*wps - 84.6*spw
	r.FleschKincaidGrade = 0.39*wps + 11.8*spw - 15.59
	return r
}

// Syllables estimates the syllables of a folded English word by counting
// vowel groups, with corrections for a silent final e, -ed after a letter
// other than t or d, and -es after a letter that does not hiss. Every word
// has at least one.
func Syllables(w string) int {
	n, prevVowel, letters := 0, false, 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 0x80 { // accented letters count as vowels when they look like one
			r, size := utf8.DecodeRuneInString(w[i:])
			i += size - 1
			v := isAccentedVowel(r)
			if v && !prevVowel {
				n++
			}
			prevVowel = v
			letters++
			continue
		}
		if c < 'a' || c > 'z' {
			prevVowel = false
			continue
		}
		letters++
		v := isVowel(c) || (c == 'y' && i > 0)
		if v && !prevVowel {
			n++
		}
		prevVowel = v
	}
	if letters > 3 {
		l := len(w)
		switch {
		case w[l-1] == 'e' && !(w[l-2] == 'l' && !isVowel(w[l-3])) && !isVowel(w[l-2]):
			n-- // make, smile; not table
		case w[l-2:] == "ed" && w[l-3] != 't' && w[l-3] != 'd' && !isVowel(w[l-3]):
			n-- // walked; not wanted
		case w[l-2:] == "es" && !isVowel(w[l-3]) && !hisses(w[:l-2]):
			n-- // makes; not boxes
		}
	}
	return max(n, 1)
}

func hisses(stem string) bool {
	l := len(stem)
	if l == 0 {
		return false
	}
	switch stem[l-1] {
	case 's', 'x', 'z':
		return true
	case 'h':
		return l > 1 && (stem[l-2] == 'c' || stem[l-2] == 's')
	}
	return false
}

func isAccentedVowel(r rune) bool {
	switch r {
	case 'à', 'á', 'â', 'ä', 'è', 'é', 'ê', 'ë', 'ì', 'í', 'î', 'ï', 'ò', 'ó', 'ô', 'ö', 'ù', 'ú', 'û', 'ü':
		return true
	}
	return false
}
