package purpose

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/purposefulcx/purposeful/internal/prose"
)

// MantraWords is the length of a memorable purpose: Mayo Clinic's "the
// needs of the patient come first" has seven words.
const MantraWords = 7

// Analysis is what [Analyze] found in a purpose statement. Every list of
// terms is in text order; Points add up to Score.
type Analysis struct {
	Text    string  `json:"text"`
	Verdict Verdict `json:"verdict"`
	// Score is 0 to 100: higher is a clearer, more customer-centred
	// purpose. Points says where every point came from.
	Score  int     `json:"score"`
	Points []Point `json:"points"`

	Beneficiaries []Term `json:"beneficiaries"` // who benefits (Group: customer, guest, patient, traveller, ...)
	Outcomes      []Term `json:"outcomes"`      // what changes for them (Group: the theme, such as loyalty or care)
	Tasks         []Term `json:"tasks"`         // function language: duties and tasks
	Internal      []Term `json:"internal"`      // the organisation's own measures: revenue, targets, KPIs
	Hedges        []Term `json:"hedges"`        // words that soften the commitment: "try to", "where possible"
	Jargon        []Term `json:"jargon"`        // words that say little (Group: a plainer word or what to say instead)

	Words       int         `json:"words"`
	Mantra      bool        `json:"mantra"` // at most MantraWords words
	Readability Readability `json:"readability"`

	Findings    []Finding `json:"findings"`
	Suggestions []string  `json:"suggestions"`
}

// Term is a phrase found in the text: its words as written, the group it
// belongs to, where it is, and whether a negator ("not", "never") stands
// before it.
type Term struct {
	Text    string `json:"text"`
	Group   string `json:"group,omitempty"`
	Span    Span   `json:"span"`
	Negated bool   `json:"negated,omitempty"`
}

// Point is one contribution to a score: how many points, and why.
type Point struct {
	Points int    `json:"points"`
	Rule   string `json:"rule"`
	Reason string `json:"reason"`
}

// Rule ids used in Points and Findings.
const (
	RuleBeneficiary = "purpose.beneficiary"
	RuleOutcome     = "purpose.outcome"
	RuleTied        = "purpose.tied"
	RuleTask        = "purpose.task"
	RuleInternal    = "purpose.internal"
	RuleHedge       = "purpose.hedge"
	RuleJargon      = "purpose.jargon"
	RuleLength      = "purpose.length"
	RuleReadability = "purpose.readability"
	RuleBase        = "purpose.base"
	RuleBounds      = "purpose.bounds"
)

// Score weights. The best possible statement collects exactly 100.
const (
	baseScore          = 45
	pointsBeneficiary  = 15
	pointsOutcome      = 20
	pointsTied         = 5
	pointsMantra       = 10
	pointsShort        = 5
	pointsPlain        = 5
	penaltyNoBenef     = -15
	penaltyNoOutcome   = -15
	penaltyTaskLed     = -10
	penaltyTaskMention = -3
	penaltyInternal    = -15
	penaltyInternalMix = -5
	penaltyEach        = -3
	penaltyMaxEach     = -9
	penaltyLong        = -5
	penaltyVeryLong    = -10
	penaltyHard        = -5
)

// Analyze reads a purpose statement and says whether it describes a job
// function, a purpose or an internal aim, with the evidence: who benefits,
// what changes for them, the task language, internal measures, hedges and
// jargon, the length against a seven-word mantra, readability, a 0-100
// score whose every point has its reason, findings with spans and concrete
// suggestions.
//
// Bad input (empty, blank, invalid UTF-8, over [MaxLen] bytes) returns an
// [*InputError].
func Analyze(text string) (*Analysis, error) {
	doc, err := prose.Parse(text)
	if err != nil {
		return nil, err
	}
	return analyzeDoc(doc), nil
}

// analyzeDoc analyses a parsed statement.
func analyzeDoc(doc *prose.Doc) *Analysis {
	lex := compiledLexicon()
	a := &Analysis{Text: doc.Text}
	var buf [32]prose.Match
	matches := lex.statement.Scan(doc, buf[:0])
	// Count first, so that every list shares one allocation.
	var count [numCategories]int
	for _, m := range matches {
		e := lex.entries[m.ID]
		count[e.cat]++
		if hidesBeneficiary(e.cat, m) {
			count[catBeneficiary] += m.Last - m.First - 2
		}
	}
	var off, n [numCategories]int
	total := 0
	for c := range count {
		off[c] = total
		total += count[c]
	}
	all := make([]Term, total)
	put := func(c category, t Term) {
		all[off[c]+n[c]] = t
		n[c]++
	}
	for _, m := range matches {
		e := lex.entries[m.ID]
		if hidesBeneficiary(e.cat, m) {
			// "check guests in", "the needs of the patient come first"
			for i := m.First + 1; i < m.Last-1; i++ {
				tok := &doc.Tokens[i]
				if g, ok := lex.beneficiaryToken(tok.Norm); ok {
					put(catBeneficiary, Term{Text: tok.Text, Group: g, Span: tok.Span})
				}
			}
		}
		put(e.cat, Term{Text: doc.Slice(m.Span), Group: e.group, Span: m.Span, Negated: m.Negated})
	}
	list := func(c category) []Term { return all[off[c] : off[c]+n[c] : off[c]+n[c]] }
	a.Tasks, a.Outcomes, a.Beneficiaries = list(catTask), list(catOutcome), list(catBeneficiary)
	a.Internal, a.Hedges, a.Jargon = list(catInternal), list(catHedge), list(catJargon)
	links := n[catLink]
	a.Words = doc.WordCount()
	a.Mantra = a.Words <= MantraWords
	a.Readability = doc.Readability()
	a.Verdict = verdictOf(doc, a, links)
	a.score(doc)
	a.findings(doc)
	return a
}

// hidesBeneficiary reports whether a match may have a beneficiary inside
// it: a phrase of three tokens or more that is not itself a measure or
// jargon ("customer satisfaction score" has no customer in it).
func hidesBeneficiary(c category, m prose.Match) bool {
	return m.Last-m.First >= 3 && c != catBeneficiary && c != catInternal && c != catJargon && c != catNeutral
}

// verdictOf weighs the evidence. A statement with an outcome for someone
// is a purpose unless internal measures outweigh it; without an outcome it
// is internal when measures dominate, a function otherwise.
func verdictOf(doc *prose.Doc, a *Analysis, links int) Verdict {
	outcomes := float64(len(a.Outcomes))
	internal := float64(len(a.Internal))
	tasks := float64(len(a.Tasks))
	someone := len(a.Beneficiaries) > 0 || mentionsThem(doc)
	if outcomes == 0 {
		if internal > 0 && 2*internal >= tasks {
			return VerdictInternal
		}
		return VerdictFunction
	}
	purposeWeight := 2 * outcomes
	if someone {
		purposeWeight++
	}
	if links > 0 {
		purposeWeight += 0.5
	}
	if 2*internal > purposeWeight {
		return VerdictInternal
	}
	if !someone && tasks > 2*outcomes {
		return VerdictFunction
	}
	return VerdictPurpose
}

// mentionsThem reports a pronoun that stands for the people served.
func mentionsThem(doc *prose.Doc) bool {
	for _, t := range doc.Tokens {
		switch t.Norm {
		case "they", "their", "them", "themselves", "you", "your", "someone", "anyone", "nobody", "no-one":
			return true
		}
	}
	return false
}

func (a *Analysis) add(points int, rule, reason string) {
	a.Points = append(a.Points, Point{Points: points, Rule: rule, Reason: reason})
	a.Score += points
}

// score fills Points and Score.
func (a *Analysis) score(doc *prose.Doc) {
	a.Points = make([]Point, 0, 10)
	a.add(baseScore, RuleBase, "every statement starts from 45")
	if len(a.Beneficiaries) > 0 {
		a.add(pointsBeneficiary, RuleBeneficiary, "names who benefits: "+quoteTerms(a.Beneficiaries))
	} else {
		a.add(penaltyNoBenef, RuleBeneficiary, "does not name who benefits")
	}
	if len(a.Outcomes) > 0 {
		a.add(pointsOutcome, RuleOutcome, "says what changes for them: "+quoteTerms(a.Outcomes))
		if tied(doc, a) {
			a.add(pointsTied, RuleTied, "ties the outcome to the people it serves in the same sentence")
		}
	} else {
		a.add(penaltyNoOutcome, RuleOutcome, "does not say what changes for the customer")
	}
	if len(a.Tasks) > 0 {
		if a.Verdict == VerdictFunction {
			a.add(penaltyTaskLed, RuleTask, "describes tasks ("+quoteTerms(a.Tasks)+") rather than why they matter")
		} else {
			a.add(penaltyTaskMention, RuleTask, "mentions tasks ("+quoteTerms(a.Tasks)+"); a purpose does not need them")
		}
	}
	if len(a.Internal) > 0 {
		if a.Verdict == VerdictInternal {
			a.add(penaltyInternal, RuleInternal, "makes internal measures ("+quoteTerms(a.Internal)+") the point of the job")
		} else {
			a.add(penaltyInternalMix, RuleInternal, "mentions internal measures ("+quoteTerms(a.Internal)+") next to the purpose")
		}
	}
	if n := len(a.Hedges); n > 0 {
		a.add(max(penaltyMaxEach, n*penaltyEach), RuleHedge, "softens the commitment with "+quoteTerms(a.Hedges))
	}
	if n := len(a.Jargon); n > 0 {
		a.add(max(penaltyMaxEach, n*penaltyEach), RuleJargon, "uses jargon: "+quoteTerms(a.Jargon))
	}
	switch w := a.Words; {
	case w <= MantraWords:
		a.add(pointsMantra, RuleLength, strconv.Itoa(w)+" words: short enough to repeat every day, like Mayo Clinic's seven")
	case w <= 12:
		a.add(pointsShort, RuleLength, strconv.Itoa(w)+" words: short enough to remember")
	case w > 30:
		a.add(penaltyVeryLong, RuleLength, strconv.Itoa(w)+" words: too long to remember; a mantra has about seven")
	case w > 20:
		a.add(penaltyLong, RuleLength, strconv.Itoa(w)+" words: hard to remember; a mantra has about seven")
	}
	r := a.Readability
	rough := ""
	if r.LowConfidence {
		rough = " (a rough figure on so short a text)"
	}
	switch {
	case r.Words > 0 && r.FleschReadingEase >= 60:
		a.add(pointsPlain, RuleReadability, "plain words: reading ease "+strconv.Itoa(int(math.Round(r.FleschReadingEase)))+rough)
	case r.Words > 0 && r.FleschReadingEase < 30:
		a.add(penaltyHard, RuleReadability, "hard to read: reading ease "+strconv.Itoa(int(math.Round(r.FleschReadingEase)))+rough)
	}
	switch {
	case a.Score < 0:
		a.add(-a.Score, RuleBounds, "the score does not go below 0")
	case a.Score > 100:
		a.add(100-a.Score, RuleBounds, "the score does not go above 100")
	}
}

// tied reports whether some outcome shares a sentence with a beneficiary
// or a pronoun standing for one.
func tied(doc *prose.Doc, a *Analysis) bool {
	for _, o := range a.Outcomes {
		so := sentenceAt(doc, o.Span.Start)
		for _, b := range a.Beneficiaries {
			if sentenceAt(doc, b.Span.Start) == so {
				return true
			}
		}
	}
	return false
}

func sentenceAt(doc *prose.Doc, offset int) int {
	for i, s := range doc.Sentences {
		if offset >= s.Span.Start && offset < s.Span.End {
			return i
		}
	}
	return -1
}

// quoteTerms lists up to four distinct term texts in quotes: "load",
// "bags".
func quoteTerms(ts []Term) string {
	var b strings.Builder
	b.Grow(64)
	written := 0
	for i, t := range ts {
		if slices.ContainsFunc(ts[:i], func(u Term) bool { return strings.EqualFold(u.Text, t.Text) }) {
			continue
		}
		if written > 0 {
			b.WriteString(", ")
		}
		if written == 4 {
			b.WriteString("...")
			break
		}
		written++
		b.WriteByte('"')
		b.WriteString(t.Text)
		b.WriteByte('"')
	}
	return b.String()
}

// BeneficiaryGroups returns the distinct beneficiary groups named, sorted.
func (a *Analysis) BeneficiaryGroups() []string { return groupsOf(a.Beneficiaries) }

// OutcomeThemes returns the distinct outcome themes named, sorted.
func (a *Analysis) OutcomeThemes() []string { return groupsOf(a.Outcomes) }

func groupsOf(ts []Term) []string {
	out := make([]string, 0, len(ts))
	for _, t := range ts {
		if t.Group != "" {
			out = append(out, t.Group)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
