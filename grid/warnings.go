package grid

import (
	"strconv"
	"strings"
	"sync"

	"github.com/purposefulcx/purposeful/internal/order"
	"github.com/purposefulcx/purposeful/internal/prose"
	"github.com/purposefulcx/purposeful/purpose"
)

// Warning is a judgement on a grid's content that does not make it
// invalid: a purposeful idea nobody could observe, one that is really
// knowledge, a duplicate. Rule is one of the Rule constants.
type Warning struct {
	Path     string   `json:"path"`              // "purposeful[2].text"
	Item     string   `json:"item,omitempty"`    // the item's id
	Rule     string   `json:"rule"`              // RuleNotObservable, ...
	Severity Severity `json:"severity"`          // info or warning
	Message  string   `json:"message"`           // one sentence for the facilitator
	Related  string   `json:"related,omitempty"` // path of the other item (duplicates)
	Span     *Span    `json:"span,omitempty"`    // the words at fault, in the item's text
}

// The rules of [Grid.Warnings].
const (
	// RuleNotObservable: a purposeful item that nobody could see or hear
	// someone do ("be nice").
	RuleNotObservable = "not-observable"
	// RuleIsKnowledge: a purposeful item that reads as job knowledge.
	RuleIsKnowledge = "is-knowledge"
	// RuleIsSkill: a purposeful item that reads as a job skill.
	RuleIsSkill = "is-skill"
	// RuleColumnHint: a knowledge item that reads as a skill, or the
	// other way round.
	RuleColumnHint = "column-hint"
	// RuleDuplicate: an item that repeats an earlier one of its column.
	RuleDuplicate = "duplicate"
	// RuleNoPurposeLink: a purposeful item with no tag, no purpose score
	// and no word in common with the purpose, objective, values or KPIs.
	RuleNoPurposeLink = "no-purpose-link"
	// RuleNoEvidence: an adopted idea with no evidence.
	RuleNoEvidence = "no-evidence"
	// RuleCostly: an adopted idea that costs the employer a lot.
	RuleCostly = "costly"
	// RuleNotRoutine: an adopted idea the group judged cannot be made
	// routine (it is a one-off).
	RuleNotRoutine = "not-routine"
)

// DuplicateThreshold is the similarity (shared content words over all,
// see prose.Similarity) at or above which two items of a column are
// reported as duplicates.
const DuplicateThreshold = 0.6

var vaguePhrases = []string{
	"be nice", "be friendly", "be polite", "be courteous", "be helpful", "be positive", "be professional",
	"be welcoming", "be kind", "be caring", "be attentive", "be pleasant", "be happy", "be warm",
	"good attitude", "positive attitude", "great service", "excellent service", "good service",
	"outstanding service", "go the extra mile", "exceed expectations", "exceed their expectations",
	"wow the guest", "wow the customer", "delight the guest", "delight the customer",
	"make them feel welcome", "make guests feel welcome", "make guests happy", "make customers happy",
	"feel special", "feel valued", "feel at home", "feel welcome", "feel important",
	"care about", "treat guests well", "treat customers well", "give 110%", "do their best", "do your best",
}

var vagueMatcher = sync.OnceValue(func() *prose.Matcher { return prose.MustCompile(vaguePhrases) })

// Hint is what [Classify] makes of an item's text, for the team step: the
// kind it reads as and the column it would go in.
type Hint struct {
	Kind       Kind     `json:"kind"`
	Column     Column   `json:"column"`
	Confidence float64  `json:"confidence"`
	Observable bool     `json:"observable"`
	Reasons    []string `json:"reasons,omitempty"`
}

// Classify reads an item's text with purpose.Classify and says which kind
// and column it belongs to. A job function reads as a skill; text with no
// cue gives KindUnset and confidence 0.
func Classify(text string) (Hint, error) {
	c, err := purpose.Classify(text)
	if err != nil {
		return Hint{}, err
	}
	h := Hint{Kind: fromPurposeKind(c.Kind), Confidence: c.Confidence, Observable: c.Observable, Reasons: c.Reasons}
	h.Column = h.Kind.Column()
	return h, nil
}

func fromPurposeKind(k purpose.ItemKind) Kind {
	switch k {
	case purpose.Knowledge:
		return Knowledge
	case purpose.Skill, purpose.Function:
		return Skill
	case purpose.Action:
		return Action
	case purpose.Behaviour:
		return Behaviour
	}
	return KindUnset
}

// Warnings judges the grid's content with the text engine and
// purpose.Classify and returns the warnings in column and item order.
// It skips texts that are not valid (Validate reports those).
func (g *Grid) Warnings() []Warning {
	var out []Warning
	purposeTerms := g.purposeTerms()
	for _, c := range Columns {
		items := g.Column(c)
		terms := make([][]string, len(items))
		for i := range items {
			it := &items[i]
			if prose.Check(it.Text, prose.DefaultMaxLen) != nil {
				continue
			}
			doc := prose.Analyze(it.Text)
			terms[i] = doc.Terms()
			out = append(out, itemWarnings(c, i, it, doc, terms[i], purposeTerms)...)
		}
		out = append(out, duplicates(c, items, terms)...)
	}
	order.Stable(out, func(a, b Warning) int { return comparePaths(a.Path, b.Path) })
	return out
}

// comparePaths orders "knowledge[2].text" before "knowledge[10].text" and
// columns in print order.
func comparePaths(a, b string) int {
	ca, ia := splitPath(a)
	cb, ib := splitPath(b)
	if ca != cb {
		return int(ca) - int(cb)
	}
	return ia - ib
}

func splitPath(p string) (Column, int) {
	open := strings.IndexByte(p, '[')
	if open < 0 {
		return ColumnUnset, 0
	}
	var c Column
	_ = c.UnmarshalText([]byte(p[:open]))
	n := 0
	for _, r := range p[open+1:] {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return c, n
}

func (g *Grid) purposeTerms() []string {
	var b strings.Builder
	b.WriteString(g.Purpose)
	b.WriteString(". ")
	b.WriteString(g.Objective)
	for _, v := range g.Values {
		b.WriteString(". ")
		b.WriteString(v)
	}
	for _, v := range g.KPIs {
		b.WriteString(". ")
		b.WriteString(v)
	}
	return prose.Analyze(b.String()).Terms()
}

func itemWarnings(c Column, i int, it *Item, doc *prose.Doc, terms, purposeTerms []string) []Warning {
	var out []Warning
	path := c.String() + "[" + strconv.Itoa(i) + "]"
	warn := func(rule string, sev Severity, span *Span, format string, args ...any) {
		out = append(out, Warning{Path: path + ".text", Item: it.ID, Rule: rule, Severity: sev, Message: fmtf(format, args...), Span: span})
	}
	cl, err := purpose.Classify(it.Text)
	if err != nil {
		return nil
	}
	got := fromPurposeKind(cl.Kind)
	switch c {
	case ColumnPurposeful:
		var vague []prose.Match
		vague = vagueMatcher().Scan(doc, vague)
		switch {
		case got == Knowledge && cl.Confidence >= 0.7 && (!looksImperative(doc) || statesMind(doc)):
			warn(RuleIsKnowledge, SeverityWarning, nil, "this reads as job knowledge, not something someone does; move it to the knowledge column or say what they would do with it")
		case got == Skill && cl.Confidence >= 0.7:
			warn(RuleIsSkill, SeverityWarning, nil, "this reads as a job skill, part of the transaction; move it to the skills column or say what voluntary touch it adds")
		case len(vague) > 0:
			sp := vague[0].Span
			warn(RuleNotObservable, SeverityWarning, &sp, "%q is an intention nobody can see; say what someone would see or hear the employee do", doc.Slice(sp))
		case !cl.Observable && (got == Behaviour || got == Action || statesMind(doc)):
			warn(RuleNotObservable, SeverityWarning, nil, "nobody could see or hear this being done; describe the action or behaviour itself")
		}
		linked := len(it.Tags) > 0 || (it.Score != nil && it.Score.Purpose > 0)
		if !linked {
			linked = sharesTerm(terms, purposeTerms)
		}
		if !linked {
			warn(RuleNoPurposeLink, SeverityInfo, nil, "no link to the purpose, values or KPIs shows; tag the behaviour it reflects or say how it serves the purpose")
		}
		if it.Status == Adopted {
			if len(it.Evidence) == 0 {
				out = append(out, Warning{Path: path + ".evidence", Item: it.ID, Rule: RuleNoEvidence, Severity: SeverityWarning, Message: "an adopted idea should say where it was seen: your own experience, a publication or a review"})
			}
			if it.Cost == CostHigh {
				out = append(out, Warning{Path: path + ".cost", Item: it.ID, Rule: RuleCostly, Severity: SeverityInfo, Message: "purposeful actions usually cost the employer little or nothing; check this one is worth it"})
			}
			if it.Routine != nil && !*it.Routine {
				out = append(out, Warning{Path: path + ".routine", Item: it.ID, Rule: RuleNotRoutine, Severity: SeverityWarning, Message: "the group judged this cannot be made routine; mark it one-off or find the repeatable part"})
			}
		}
	case ColumnKnowledge:
		if got == Skill && cl.Confidence >= 0.75 {
			warn(RuleColumnHint, SeverityInfo, nil, "this reads as a skill (something to be able to do); it may belong in the skills column")
		}
	case ColumnSkills:
		if got == Knowledge && cl.Confidence >= 0.75 && (!looksImperative(doc) || statesMind(doc)) {
			warn(RuleColumnHint, SeverityInfo, nil, "this reads as knowledge (something to know); it may belong in the knowledge column")
		}
	}
	return out
}

// looksImperative reports whether the text opens like an instruction: a
// first word followed by a determiner, a pronoun or a particle ("Phone
// the room", "Sit down at eye level", "Enrol a guest"). Noun phrases,
// which is how knowledge is written ("Room types and rates"), do not.
func looksImperative(doc *prose.Doc) bool {
	var words [2]string
	n := 0
	for _, t := range doc.Tokens {
		if !t.IsWord() {
			if n > 0 {
				break // "Tonight's rates" or "Look up, smile": stop at punctuation
			}
			continue
		}
		words[n] = t.Norm
		n++
		if n == 2 {
			break
		}
	}
	if n < 2 || prose.IsStopWord(words[0]) {
		return false
	}
	switch words[1] {
	case "the", "a", "an", "each", "every", "their", "his", "her", "your", "our", "my", "them", "him", "it", "us",
		"down", "up", "back", "out", "over", "in", "on", "with", "to", "by", "for", "one", "any", "all", "some", "this", "that", "these", "those":
		return true
	}
	return false
}

// statesMind reports whether the text opens with a verb of feeling,
// being or knowing ("be", "feel", "care", "understand"): an inner state
// nobody can watch.
func statesMind(doc *prose.Doc) bool {
	for _, t := range doc.Tokens {
		if !t.IsWord() {
			continue
		}
		switch t.Norm {
		case "be", "feel", "care", "know", "understand", "appreciate", "value", "respect", "believe", "want", "love", "enjoy", "think", "remember", "try", "aim", "strive":
			return true
		}
		return false
	}
	return false
}

func sharesTerm(a, b []string) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// duplicates finds pairs of items of one column whose terms are at least
// DuplicateThreshold alike, using an inverted index so that only items
// sharing a term are compared.
func duplicates(c Column, items []Item, terms [][]string) []Warning {
	var out []Warning
	postings := map[string][]int{}
	shared := make([]int, len(items))
	var touched []int
	for i := range items {
		touched = touched[:0]
		for _, t := range terms[i] {
			for _, j := range postings[t] {
				if shared[j] == 0 {
					touched = append(touched, j)
				}
				shared[j]++
			}
			postings[t] = append(postings[t], i)
		}
		best, bestSim := -1, 0.0
		for _, j := range touched {
			sim := float64(shared[j]) / float64(len(terms[i])+len(terms[j])-shared[j])
			if sim >= DuplicateThreshold && (sim > bestSim || (sim == bestSim && j < best)) {
				best, bestSim = j, sim
			}
			shared[j] = 0
		}
		if best >= 0 {
			out = append(out, Warning{
				Path: fmtf("%s[%d].text", c, i), Item: items[i].ID, Rule: RuleDuplicate, Severity: SeverityWarning,
				Message: fmtf("repeats %q (%.0f%% alike); merge them", items[best].Text, bestSim*100),
				Related: fmtf("%s[%d]", c, best),
			})
		}
	}
	return out
}
