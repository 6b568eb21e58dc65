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
	// beneficiaryToken maps every form of a one-word beneficiary to its
	// group, to find beneficiaries inside longer phrases ("check guests
	// in", "the needs of the patient come first").
	beneficiaryToken map[string]string
}

// compiledLexicon builds the lexicon on first use.
var compiledLexicon = sync.OnceValue(compileLexicon)

func compileLexicon() *lexicon {
	phrases, entries := lexiconPhrases()
	ctx := make([]string, len(contextCues))
	for i, c := range contextCues {
		ctx[i] = c.phrase
	}
	ben := make(map[string]string, 4*len(beneficiaryWords))
	for _, b := range beneficiaryWords {
		if strings.ContainsAny(b.phrase, " ") {
			continue
		}
		ben[b.phrase] = b.group
		for _, f := range prose.Inflections(b.phrase) {
			ben[f] = b.group
		}
	}
	return &lexicon{
		statement:        prose.MustCompile(phrases),
		entries:          entries,
		context:          prose.MustCompile(ctx),
		beneficiaryToken: ben,
	}
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
