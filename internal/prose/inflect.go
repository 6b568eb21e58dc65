package prose

import "strings"

// Inflections returns regular inflected forms of a folded word: plural and
// third person ("greets", "boxes", "carries"), past ("greeted", "smiled",
// "carried", "stopped"), present participle ("greeting", "smiling",
// "stopping") and possessive ("guest's", "guests'"). Over-generation is
// harmless: the forms are only ever matched against real text. Words
// shorter than three letters, or with anything but ASCII letters and
// hyphens, get none.
func Inflections(w string) []string {
	if len(w) < 3 {
		return nil
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= 'a' && c <= 'z') && c != '-' {
			return nil
		}
	}
	last := w[len(w)-1]
	prev := w[len(w)-2]
	forms := make([]string, 0, 10)
	add := func(s ...string) { forms = append(forms, strings.Join(s, "")) }
	switch {
	case last == 'y' && !isVowel(prev):
		stem := w[:len(w)-1]
		add(stem, "ies")
		add(stem, "ied")
		add(w, "ing")
	case last == 'e':
		stem := w[:len(w)-1]
		add(w, "s")
		add(w, "d")
		add(stem, "ing")
		if prev == 'i' { // tie -> tying
			add(w[:len(w)-2], "ying")
		}
	case last == 's' || last == 'x' || last == 'z' || strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		add(w, "es")
		add(w, "ed")
		add(w, "ing")
		if last == 's' && prev != 's' { // a plural phrase word also matches its singular
			add(w[:len(w)-1])
		}
	default:
		add(w, "s")
		add(w, "ed")
		add(w, "ing")
		if isCVC(w) {
			add(w, string(last), "ed")
			add(w, string(last), "ing")
		}
	}
	add(w, "'s")
	if last != 's' {
		add(w, "s'")
	}
	return forms
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// isCVC reports a word ending consonant-vowel-consonant whose last letter
// doubles before -ed and -ing ("stop", "chat", "plan").
func isCVC(w string) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	a, b, c := w[n-3], w[n-2], w[n-1]
	return !isVowel(a) && isVowel(b) && !isVowel(c) && c != 'w' && c != 'x' && c != 'y'
}

// Stem returns a crude stem of a folded word for similarity measures:
// possessives and regular suffixes (-s, -es, -ed, -ing, -ly) are removed.
// It is not used for phrase matching, which uses [Inflections].
func Stem(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "'")
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing"):
		w = w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ied"):
		w = w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ed"):
		w = w[:n-2]
	case n > 5 && strings.HasSuffix(w, "ly"):
		w = w[:n-2]
	case n > 3 && strings.HasSuffix(w, "es") && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes")):
		w = w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:n-1]
	}
	// Fold a doubled final consonant and a final e so that "stopp", "stop"
	// and "smile", "smil" meet.
	if n := len(w); n > 3 && w[n-1] == w[n-2] && !isVowel(w[n-1]) && w[n-1] != 'l' && w[n-1] != 's' {
		w = w[:n-1]
	}
	if n := len(w); n > 3 && w[n-1] == 'e' {
		w = w[:n-1]
	}
	return w
}
