package standards

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/purposefulcx/purposeful/internal/order"
	"github.com/purposefulcx/purposeful/internal/prose"
)

// Aliases of the text engine's types, so users of this package never name
// the internal package.
type (
	// Span is a byte and UTF-16 range [Start, End) of a text.
	Span = prose.Span
	// Finding is one lint result: rule id, severity, message, why, span
	// and suggested replacements for the span's text.
	Finding = prose.Finding
	// Severity ranks a finding: Info, Warning or Error.
	Severity = prose.Severity
)

// Severities of findings.
const (
	Info    = prose.Info
	Warning = prose.Warning
	Error   = prose.Error
)

// Check is one of the tests of a good standard that a lint rule belongs
// to: the four tests (understood by all, little room for interpretation,
// enforceable, supports self-management) and the purposeful one.
type Check uint8

// Checks.
const (
	Understood     Check = iota // "understood": readable by every employee
	Unambiguous                 // "unambiguous": little room for interpretation
	Enforceable                 // "enforceable": observable, measurable, one behaviour
	SelfManaged                 // "self-management": the employee's side, with a reason
	PurposefulTest              // "purposeful": rationale, when to deviate, tied to the purpose
)

var checkNames = []string{"understood", "unambiguous", "enforceable", "self-management", "purposeful"}

func (c Check) String() string                { return enumString(checkNames, uint8(c), "check") }
func (c Check) MarshalText() ([]byte, error)  { return enumText(checkNames, uint8(c), "check") }
func (c *Check) UnmarshalText(b []byte) error { return parseInto(checkNames, b, "check", (*uint8)(c)) }

// Rule describes one lint rule.
type Rule struct {
	ID          string   `json:"id"`
	Check       Check    `json:"check"`
	Severity    Severity `json:"severity"` // the most serious severity it reports
	Description string   `json:"description"`
}

// Rule ids.
const (
	RuleReadability    = "readability"
	RuleSentenceLength = "sentence-length"
	RuleJargon         = "jargon"
	RuleVague          = "vague"
	RuleObservable     = "observable-verb"
	RuleMeasurable     = "measurable"
	RuleOneBehaviour   = "one-behaviour"
	RuleEmployeeSide   = "employee-side"
	RuleReason         = "reason"
	RuleRationale      = "rationale"
	RuleDeviation      = "deviation"
	RulePurposeLink    = "purpose-link"
)

// Rules lists the lint rules in the order of the tests they belong to.
func Rules() []Rule {
	return []Rule{
		{RuleReadability, Understood, Warning, "the statement or rationale reads above the grade limit (Flesch-Kincaid)"},
		{RuleSentenceLength, Understood, Warning, "a sentence is longer than the word limit"},
		{RuleJargon, Understood, Warning, "corporate jargon or an unexplained abbreviation"},
		{RuleVague, Unambiguous, Warning, "a vague word (promptly, appropriate, as needed, friendly, try to) that is not quantified"},
		{RuleObservable, Enforceable, Error, "no verb an observer could see or hear, or a state of mind instead of a behaviour"},
		{RuleMeasurable, Enforceable, Error, "the observation method and the statement's threshold disagree or the number is missing"},
		{RuleOneBehaviour, Enforceable, Error, "more than one behaviour in one standard (and/or, two verbs, two sentences)"},
		{RuleEmployeeSide, SelfManaged, Warning, "written about employees or from the customer's side, or in the passive"},
		{RuleReason, SelfManaged, Info, "the rationale does not say why (no 'so that', 'because', 'helps')"},
		{RuleRationale, PurposefulTest, Error, "no rationale"},
		{RuleDeviation, PurposefulTest, Warning, "does not say when deviating is right"},
		{RulePurposeLink, PurposefulTest, Warning, "the rationale does not connect to the purpose or name who benefits"},
	}
}

func checkOf(rule string) Check {
	switch rule {
	case RuleVague:
		return Unambiguous
	case RuleObservable, RuleMeasurable, RuleOneBehaviour:
		return Enforceable
	case RuleEmployeeSide, RuleReason:
		return SelfManaged
	case RuleRationale, RuleDeviation, RulePurposeLink:
		return PurposefulTest
	}
	return Understood
}

// LintFinding is a finding on one field of one standard. Span is relative
// to that field's text (Field is "statement", "rationale", "deviation" or
// "method"); a finding about a missing field has an empty span.
type LintFinding struct {
	Standard string `json:"standard"`
	Field    string `json:"field"`
	Check    Check  `json:"check"`
	Finding
}

// LintSettings tunes the linter. The zero value works.
type LintSettings struct {
	// Purpose is the purpose rationales should connect to. Empty: the
	// rationale only has to name who benefits. [Book.Lint] uses the
	// book's purpose when this is empty.
	Purpose string
	// MaxGrade is the Flesch-Kincaid grade above which a statement or
	// rationale is hard to read. Default 10.
	MaxGrade float64
	// MaxSentenceWords is the longest sentence, in words. Default 25.
	MaxSentenceWords int
	// Glossary lists abbreviations and terms every employee knows, which
	// are then not reported as jargon ("PMS", "OTA").
	Glossary []string
}

type lintMatchers struct {
	vague, quantity, jargon, observable, conj, inner, reason, beneficiary, staff, customer *prose.Matcher
}

var matchers = sync.OnceValue(func() *lintMatchers {
	vague := make([]string, len(vagueList))
	for i, v := range vagueList {
		vague[i] = v.phrase
	}
	jargon := make([]string, len(jargonList))
	for i, j := range jargonList {
		jargon[i] = j.phrase
	}
	return &lintMatchers{
		vague:       prose.MustCompile(vague),
		quantity:    prose.MustCompile([]string{"QUANTITY", "NUMBER", "within DURATION", "every DURATION", "in DURATION", "under DURATION"}),
		jargon:      prose.MustCompile(jargon),
		observable:  prose.MustCompile(observableVerbs),
		conj:        prose.MustCompile(conjVerbs),
		inner:       prose.MustCompile(innerVerbs),
		reason:      prose.MustCompile(reasonWords),
		beneficiary: prose.MustCompile(beneficiaries),
		staff:       prose.MustCompile(staffNouns),
		customer:    prose.MustCompile(customerSubjects),
	}
})

// Linter checks standards. Build it once with [NewLinter]; it is safe for
// concurrent use.
type Linter struct {
	set          LintSettings
	glossary     map[string]bool
	purposeTerms []string
}

// NewLinter returns a linter with the given settings.
func NewLinter(set LintSettings) *Linter {
	if set.MaxGrade == 0 {
		set.MaxGrade = 10
	}
	if set.MaxSentenceWords == 0 {
		set.MaxSentenceWords = 25
	}
	l := &Linter{set: set, glossary: map[string]bool{}}
	for _, g := range set.Glossary {
		l.glossary[prose.Normalize(strings.TrimSpace(g))] = true
	}
	for _, a := range commonAcronyms {
		l.glossary[prose.Normalize(a)] = true
	}
	if strings.TrimSpace(set.Purpose) != "" {
		l.purposeTerms = prose.Analyze(set.Purpose).Terms()
	}
	return l
}

// Lint checks one standard with the given settings. For many standards,
// build a [Linter] once.
func Lint(s *Standard, set LintSettings) []LintFinding { return NewLinter(set).Lint(s) }

// Lint checks every standard of the book, using the book's purpose when
// set.Purpose is empty. Findings come standard by standard, in book order.
func (b *Book) Lint(set LintSettings) []LintFinding {
	if set.Purpose == "" {
		set.Purpose = b.Purpose
	}
	l := NewLinter(set)
	var out []LintFinding
	for i := range b.Standards {
		out = append(out, l.Lint(&b.Standards[i])...)
	}
	return out
}

// linting holds the state of one Lint call.
type linting struct {
	l       *Linter
	m       *lintMatchers
	s       *Standard
	out     []LintFinding
	matches []prose.Match
}

func (c *linting) add(field, rule string, sev Severity, span Span, msg, why string, suggest ...string) {
	c.out = append(c.out, LintFinding{Standard: c.s.ID, Field: field, Check: checkOf(rule),
		Finding: Finding{Rule: rule, Severity: sev, Message: msg, Why: why, Span: span, Suggestions: suggest}})
}

// Lint checks one standard and returns its findings ordered by field
// (statement, method, rationale, deviation), then by position.
func (l *Linter) Lint(s *Standard) []LintFinding {
	c := &linting{l: l, m: matchers(), s: s, matches: make([]prose.Match, 0, 16)}
	st := prose.Analyze(s.Statement)
	if st.WordCount() > 0 {
		c.understood("statement", st, true)
		c.vague(st)
		c.observable(st)
		c.measurable(st)
		c.oneBehaviour(st)
		c.employeeSide(st)
	} else {
		c.add("statement", RuleObservable, Error, Span{}, "the statement is empty", "A standard is one behaviour an observer can see or hear.")
	}
	if strings.TrimSpace(s.Rationale) == "" {
		c.add("rationale", RuleRationale, Error, Span{}, "no rationale: say why the standard exists",
			"A standard without its reason breeds robotic compliance; the reason lets people judge the exceptions.", "so that the guest ...")
	} else {
		ra := prose.Analyze(s.Rationale)
		c.understood("rationale", ra, true)
		c.reason(ra)
		c.purposeLink(ra)
	}
	if strings.TrimSpace(s.Deviation) == "" {
		c.add("deviation", RuleDeviation, Warning, Span{}, "does not say when deviating is right",
			"Saying when to depart from the standard, and celebrating it when it serves the purpose, keeps people thinking.", "Deviate when ...")
	} else {
		c.understood("deviation", prose.Analyze(s.Deviation), false)
	}
	order.Stable(c.out, compareLint)
	return c.out
}

var fieldOrder = []string{"statement", "method", "rationale", "deviation"}

// compareLint orders findings by field, then position, then descending
// severity, rule and message.
func compareLint(a, b LintFinding) int {
	if d := slices.Index(fieldOrder, a.Field) - slices.Index(fieldOrder, b.Field); d != 0 {
		return d
	}
	if d := a.Span.Start - b.Span.Start; d != 0 {
		return d
	}
	if d := a.Span.End - b.Span.End; d != 0 {
		return d
	}
	if d := int(b.Severity) - int(a.Severity); d != 0 {
		return d
	}
	return cmp.Or(strings.Compare(a.Rule, b.Rule), strings.Compare(a.Message, b.Message))
}

// understood checks readability, sentence length and jargon.
func (c *linting) understood(field string, d *prose.Doc, grade bool) {
	if grade {
		r := d.Readability()
		if r.Words >= 4 && r.FleschKincaidGrade > c.l.set.MaxGrade {
			c.add(field, RuleReadability, Warning, prose.SpanOf(d.Text, 0, len(d.Text)),
				fmt.Sprintf("reads at grade %s, above %s", formatFixed(r.FleschKincaidGrade, 1), formatNumber(c.l.set.MaxGrade)),
				"Every employee must understand a standard on first reading: use short words and short sentences.")
		}
	}
	for _, s := range d.Sentences {
		n := 0
		for _, t := range d.Tokens[s.First:s.Last] {
			if t.IsWord() {
				n++
			}
		}
		if n > c.l.set.MaxSentenceWords {
			c.add(field, RuleSentenceLength, Warning, s.Span,
				fmt.Sprintf("sentence of %d words, more than %d", n, c.l.set.MaxSentenceWords),
				"Long sentences are read differently by different people; split it.")
		}
	}
	c.matches = c.m.jargon.Scan(d, c.matches[:0])
	for _, h := range c.matches {
		j := jargonList[h.ID]
		c.add(field, RuleJargon, Warning, h.Span, fmt.Sprintf("jargon %q: say %q", d.Slice(h.Span), j.plain),
			"Plain words are understood by every employee, new starters included.", j.plain)
	}
	for _, t := range d.Tokens {
		if t.IsShouted() && len(t.Norm) <= 6 && !c.l.glossary[t.Norm] {
			c.add(field, RuleJargon, Warning, t.Span, fmt.Sprintf("abbreviation %q may not be known to everyone", t.Text),
				"Spell it out, or add it to the glossary if every employee knows it.")
		}
	}
}

// vague reports vague words in the statement that are not quantified in
// the same sentence: a time word by a duration ("promptly, within 30
// seconds"), an amount word by a number ("an appropriate distance of 2
// metres"), a frequency or condition by either; quality and effort words
// ("friendly", "try to") never.
func (c *linting) vague(d *prose.Doc) {
	c.matches = c.m.vague.Scan(d, c.matches[:0])
	if len(c.matches) == 0 {
		return
	}
	// Per sentence: does it give a time (a duration, or rings) or another
	// amount (a count, distance, percentage, sum or bare number)?
	const timed, counted = 1, 2
	quantified := make([]uint8, len(d.Sentences))
	for _, q := range c.m.quantity.Scan(d, nil) {
		s := d.SentenceOf(q.First)
		if s < 0 {
			continue
		}
		if q.ID >= 2 { // "within DURATION" and the like
			quantified[s] |= timed
		} else if qt, ok := d.QuantityAt(q.First); ok && (qt.Dimension == prose.Duration || qt.Unit == "ring") {
			quantified[s] |= timed
		} else {
			quantified[s] |= counted
		}
	}
	for _, h := range c.matches {
		v := vagueList[h.ID]
		var got uint8
		if s := d.SentenceOf(h.First); s >= 0 {
			got = quantified[s]
		}
		switch {
		case v.kind == vagueTime && got&timed != 0,
			v.kind == vagueAmount && got&counted != 0,
			(v.kind == vagueFrequency || v.kind == vagueCondition) && got != 0:
			continue
		}
		word := d.Slice(h.Span)
		var msg, why string
		switch v.kind {
		case vagueTime:
			msg, why = fmt.Sprintf("%q is vague: give the time", word), "People read 'promptly' as anything from seconds to hours; a number is the same for everyone."
		case vagueFrequency:
			msg, why = fmt.Sprintf("%q is vague: give the number or the interval", word), "How often is 'regularly'? A number leaves no room for interpretation."
		case vagueCondition:
			msg, why = fmt.Sprintf("%q is vague: name the situation", word), "Who decides what is needed? Name the cue the employee acts on."
		case vagueAmount:
			msg, why = fmt.Sprintf("%q is vague: give the amount or name exactly what", word), "What is appropriate to one employee is not to another; a number or a named item is the same for everyone."
		case vagueQuality:
			msg, why = fmt.Sprintf("%q is vague: name the behaviour that shows it", word), "An observer cannot check a quality; they can check what someone says or does."
		case vagueEffort:
			msg, why = fmt.Sprintf("%q weakens the standard: state the action", word), "A standard says what is done, not what is attempted."
		}
		c.add("statement", RuleVague, Warning, h.Span, msg, why, v.suggest...)
	}
}

// observable requires a verb an observer can see or hear and reports
// states of mind.
func (c *linting) observable(d *prose.Doc) {
	c.matches = c.m.inner.Scan(d, c.matches[:0])
	for _, h := range c.matches {
		if someoneElse(d, h.First) {
			continue // "as the guest hoped": not the employee's state of mind
		}
		c.add("statement", RuleObservable, Warning, h.Span, fmt.Sprintf("%q is a state of mind, not a behaviour", d.Slice(h.Span)),
			"Nobody can observe what someone knows or feels; write what they say or do that shows it.", "say", "show", "use")
	}
	c.matches = c.m.observable.Scan(d, c.matches[:0])
	for _, h := range c.matches {
		if !h.Negated {
			return
		}
	}
	c.add("statement", RuleObservable, Error, prose.SpanOf(d.Text, 0, len(d.Text)), "no observable verb: say what the employee does",
		"A standard an observer cannot see or hear cannot be enforced or coached.", "Greet ...", "Offer ...", "Walk ...")
}

// sameUnit reports whether the method's unit names the text engine's
// canonical unit ("rings" and "ring" both name "ring").
func sameUnit(canonical, unit string) bool {
	u := strings.ToLower(strings.TrimSpace(unit))
	if u == canonical || u == canonical+"s" || u == canonical+"es" {
		return true
	}
	d := prose.Analyze("1 " + unit)
	return len(d.Quantities) == 1 && d.Quantities[0].Last == len(d.Tokens) && d.Quantities[0].Unit == canonical
}

// measurable checks the statement against the observation method.
func (c *linting) measurable(d *prose.Doc) {
	m := c.s.Method
	switch m.Kind {
	case Threshold:
		if len(d.Quantities) == 0 {
			c.add("method", RuleMeasurable, Error, Span{}, fmt.Sprintf("the method is a threshold of %s %s but the statement gives no number", formatNumber(m.Value), m.Unit),
				"Put the threshold in the statement so employees know the target the observer checks.", fmt.Sprintf("within %s %s", formatNumber(m.Value), m.Unit))
			return
		}
		for _, q := range d.Quantities {
			if sameUnit(q.Unit, m.Unit) {
				if q.Value != m.Value {
					c.add("statement", RuleMeasurable, Warning, q.Span, fmt.Sprintf("the statement says %s, the method %s %s", d.Slice(q.Span), formatNumber(m.Value), m.Unit),
						"The observer and the employee must work to the same number.", fmt.Sprintf("%s %s", formatNumber(m.Value), m.Unit))
				}
				return
			}
		}
		q := d.Quantities[0]
		c.add("statement", RuleMeasurable, Warning, q.Span, fmt.Sprintf("the statement measures in %s, the method in %s", q.Unit, m.Unit),
			"The observer and the employee must work to the same unit.")
	case YesNo:
		for _, q := range d.Quantities {
			if q.First == 0 || !deadlineWord(d.Tokens[q.First-1].Norm) {
				continue // "after a journey of more than 2 hours" is a condition, not a target
			}
			if q.Dimension == prose.Duration || q.Dimension == prose.Distance || q.Unit == "ring" {
				c.add("statement", RuleMeasurable, Info, q.Span, fmt.Sprintf("the statement sets a threshold (%s) but is observed yes/no", d.Slice(q.Span)),
					"Observe it as a threshold with its number and unit so ratings record how close it came.")
				return
			}
		}
	}
}

// oneBehaviour reports double-barrelled standards.
func (c *linting) oneBehaviour(d *prose.Doc) {
	words := 0
	for _, s := range d.Sentences {
		for _, t := range d.Tokens[s.First:s.Last] {
			if t.IsWord() {
				words++
				break
			}
		}
	}
	if words > 1 {
		c.add("statement", RuleOneBehaviour, Warning, d.Sentences[1].Span, "more than one sentence: a standard is one behaviour",
			"Each behaviour needs its own standard so it can be observed, scored and coached on its own.")
	}
	c.matches = c.m.conj.Scan(d, c.matches[:0])
	verbAt := func(i int) (prose.Match, bool) {
		for _, h := range c.matches {
			if h.First == i {
				return h, true
			}
		}
		return prose.Match{}, false
	}
	toks := d.Tokens
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Norm != "and" && t.Norm != "or" {
			continue
		}
		// "and/or"
		if t.Norm == "and" && i+2 < len(toks) && toks[i+1].Norm == "/" && toks[i+2].Norm == "or" {
			c.add("statement", RuleOneBehaviour, Error, d.TokenSpan(i, i+3), "\"and/or\" joins two standards",
				"An observer cannot tell which half was meant; write each behaviour as its own standard.", "and", "or")
			i += 2
			continue
		}
		j := i + 1
		for j < len(toks) && (toks[j].Norm == "then" || toks[j].Norm == "also" || (toks[j].Kind == prose.Word && strings.HasSuffix(toks[j].Norm, "ly") && len(toks[j].Norm) > 4)) {
			j++
		}
		if h, ok := verbAt(j); ok {
			c.add("statement", RuleOneBehaviour, Warning, d.TokenSpan(i, h.Last), fmt.Sprintf("%q adds a second behaviour", d.Slice(d.TokenSpan(i, h.Last))),
				"Two behaviours in one standard cannot be rated separately; split them.")
		}
	}
}

// employeeSide reports statements written about employees, from the
// customer's side, or in the passive.
func (c *linting) employeeSide(d *prose.Doc) {
	first := make(map[int]bool, len(d.Sentences))
	for _, s := range d.Sentences {
		i := s.First
		for i < s.Last && d.Tokens[i].Kind == prose.Punct {
			i++
		}
		first[i] = true
	}
	const why = "Standards people manage themselves by are written as what I do: start with the verb ('Greet ...')."
	toks := d.Tokens
	for i := range toks {
		if !first[i] {
			continue
		}
		// Only the first words of a sentence can be its subject.
		head := prose.Doc{Text: d.Text, Tokens: toks[i:min(len(toks), i+4)]}
		var hm [2]prose.Match
		if ms := c.m.staff.Scan(&head, hm[:0]); len(ms) > 0 && ms[0].First == 0 {
			c.add("statement", RuleEmployeeSide, Warning, ms[0].Span, fmt.Sprintf("written about employees (%q), not from their side", d.Slice(ms[0].Span)), why)
		} else if ms := c.m.customer.Scan(&head, hm[:0]); len(ms) > 0 && ms[0].First == 0 {
			c.add("statement", RuleEmployeeSide, Warning, ms[0].Span, fmt.Sprintf("written from the customer's side (%q)", d.Slice(ms[0].Span)), why)
		}
	}
	for i, t := range toks {
		if t.Kind != prose.Word || !isBeForm(t.Norm) {
			continue
		}
		j := i + 1
		if j < len(toks) && toks[j].Kind == prose.Word && strings.HasSuffix(toks[j].Norm, "ly") {
			j++
		}
		if j >= len(toks) || toks[j].Kind != prose.Word {
			continue
		}
		w := toks[j].Norm
		if (strings.HasSuffix(w, "ed") && len(w) > 4) || slices.Contains(irregularParticiples, w) {
			c.add("statement", RuleEmployeeSide, Warning, d.TokenSpan(i, j+1), fmt.Sprintf("passive %q hides who acts", d.Slice(d.TokenSpan(i, j+1))), why)
		}
	}
}

// isBeForm reports a form of "be" (or "get") that makes a passive.
func isBeForm(w string) bool {
	switch w {
	case "is", "are", "was", "were", "be", "been", "being", "gets", "get", "got":
		return true
	}
	return false
}

// reason checks that the rationale gives a reason.
func (c *linting) reason(d *prose.Doc) {
	c.matches = c.m.reason.Scan(d, c.matches[:0])
	if len(c.matches) > 0 {
		return
	}
	// "to" + a verb: "to make", "to help"; not "to the lift".
	toks := d.Tokens
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Norm == "to" && toks[i+1].Kind == prose.Word && !prose.IsStopWord(toks[i+1].Norm) {
			return
		}
	}
	c.add("rationale", RuleReason, Info, prose.SpanOf(d.Text, 0, len(d.Text)), "the rationale does not say why",
		"A reason ('so that', 'because', 'it helps') lets people manage themselves and judge the exceptions.", "so that ...", "because ...")
}

// purposeLink checks that the rationale connects to the purpose.
func (c *linting) purposeLink(d *prose.Doc) {
	whole := prose.SpanOf(d.Text, 0, len(d.Text))
	if c.l.purposeTerms != nil {
		for _, t := range d.Tokens {
			var term string
			switch {
			case t.Kind == prose.Number:
				term = t.Norm
			case t.Kind == prose.Word && !prose.IsStopWord(t.Norm):
				term = prose.Stem(t.Norm)
			default:
				continue
			}
			if _, ok := slices.BinarySearch(c.l.purposeTerms, term); ok {
				return
			}
		}
		c.add("rationale", RulePurposeLink, Warning, whole, "the rationale does not connect to the purpose",
			"A standard earns its place by serving the purpose; say how this one does.", "so that "+strings.TrimSuffix(strings.TrimSpace(c.l.set.Purpose), "."))
		return
	}
	c.matches = c.m.beneficiary.Scan(d, c.matches[:0])
	if len(c.matches) > 0 {
		return
	}
	c.add("rationale", RulePurposeLink, Warning, whole, "the rationale does not say who benefits",
		"A purposeful rationale names who benefits and how.", "so that the guest ...")
}

// someoneElse reports whether one of the two words before token i names
// someone other than the employee ("the guest hoped", "they feel").
func someoneElse(d *prose.Doc, i int) bool {
	for j, n := i-1, 0; j >= 0 && n < 2; j-- {
		t := d.Tokens[j]
		if !t.IsWord() {
			continue
		}
		n++
		switch strings.TrimSuffix(strings.TrimSuffix(t.Norm, "'s"), "s") {
		case "guest", "customer", "caller", "patient", "client", "visitor", "passenger", "traveller", "traveler", "they", "he", "she", "who", "them", "people":
			return true
		}
	}
	return false
}

// deadlineWord introduces a target ("within 10 seconds", "in 3 rings").
func deadlineWord(w string) bool {
	switch w {
	case "within", "in", "under", "inside", "by":
		return true
	}
	return false
}
