package purpose

import (
	"strings"
	"sync"

	"github.com/purposefulcx/purposeful/internal/prose"
)

// category is the list a phrase of the statement matcher comes from.
type category uint8

const (
	catTask category = iota
	catOutcome
	catBeneficiary
	catInternal
	catHedge
	catJargon
	catLink
	catNeutral
	numCategories
)

// entry points from a matcher phrase id back to its list.
type entry struct {
	cat   category
	group string // beneficiary group, outcome theme or plain word; "" for plain lists
}

// lexicon is the compiled form of the word lists: one matcher over every
// list, so a statement is scanned once and the longest phrase wins
// ("customer satisfaction score" is a metric, not a customer).
type lexicon struct {
	statement *prose.Matcher
	entries   []entry
	context   *prose.Matcher
	// beneficiaryWord matches every form of a one-word beneficiary; its
	// phrase i belongs to group beneficiaryGroup[i]. It finds beneficiaries
	// inside longer phrases ("check guests in", "the needs of the patient
	// come first").
	beneficiaryWord  *prose.Matcher
	beneficiaryGroup []string
}

// beneficiaryToken returns the group of a folded word that is a one-word
// beneficiary, or one of its inflections.
func (l *lexicon) beneficiaryToken(w string) (string, bool) {
	if i, ok := l.beneficiaryWord.Word(w); ok {
		return l.beneficiaryGroup[i], true
	}
	return "", false
}

// compiledLexicon loads the lexicon on first use from the tables compiled
// when the package was built (tables.go, kept fresh by TestTablesFresh):
// loading costs nothing, where compiling the lists takes about half a
// millisecond, and every new page load or worker instance would pay it.
var compiledLexicon = sync.OnceValue(func() *lexicon {
	_, entries := lexiconPhrases()
	words, groups := oneWordBeneficiaries()
	l := &lexicon{
		statement:        prose.Load(statementTables),
		entries:          entries,
		context:          prose.Load(contextTables),
		beneficiaryWord:  prose.Load(beneficiaryWordTables),
		beneficiaryGroup: groups,
	}
	if l.statement.Len() != len(entries) || l.context.Len() != len(contextCues) || l.beneficiaryWord.Len() != len(words) {
		panic("purpose: tables.go is stale: run go test ./purpose -run TestTablesFresh -update")
	}
	return l
})

// compileLexicon compiles the word lists at run time; TestTablesFresh
// generates tables.go from it.
func compileLexicon() *lexicon {
	phrases, entries := lexiconPhrases()
	ctx := make([]string, len(contextCues))
	for i, c := range contextCues {
		ctx[i] = c.phrase
	}
	words, groups := oneWordBeneficiaries()
	return &lexicon{
		statement:        prose.MustCompile(phrases),
		entries:          entries,
		context:          prose.MustCompile(ctx),
		beneficiaryWord:  prose.MustCompile(words),
		beneficiaryGroup: groups,
	}
}

// oneWordBeneficiaries lists the beneficiaries written as one word, with
// their groups.
func oneWordBeneficiaries() (words, groups []string) {
	for _, b := range beneficiaryWords {
		if !strings.Contains(b.phrase, " ") {
			words = append(words, b.phrase)
			groups = append(groups, b.group)
		}
	}
	return words, groups
}

// lexiconPhrases lists every phrase of the statement matcher with its
// entry, in list order.
func lexiconPhrases() ([]string, []entry) {
	n := len(taskWords) + len(outcomeWords) + len(beneficiaryWords) + len(internalWords) + len(hedgeWords) + len(jargonWords) + len(purposeLinks) + len(neutralWords)
	phrases := make([]string, 0, n)
	entries := make([]entry, 0, n)
	plain := func(c category, list []string) {
		for _, p := range list {
			phrases = append(phrases, p)
			entries = append(entries, entry{cat: c})
		}
	}
	grouped := func(c category, list []group) {
		for _, g := range list {
			phrases = append(phrases, g.phrase)
			entries = append(entries, entry{cat: c, group: g.group})
		}
	}
	plain(catTask, taskWords)
	grouped(catOutcome, outcomeWords)
	grouped(catBeneficiary, beneficiaryWords)
	plain(catInternal, internalWords)
	plain(catHedge, hedgeWords)
	grouped(catJargon, jargonWords)
	plain(catLink, purposeLinks)
	plain(catNeutral, neutralWords)
	return phrases, entries
}
