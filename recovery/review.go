package recovery

import (
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/purposefulcx/purposeful/internal/prose"
)

// Report is the result of [Review].
type Report struct {
	// Moves are the moves found in the draft, in text order.
	Moves []FoundMove `json:"moves"`
	// Missing are the moves the situation needs that the draft lacks, in
	// running order. Moves a reply cannot show (recording the root cause)
	// and optional moves are never missing.
	Missing []Move `json:"missing"`
	// Order reports moves in the wrong order: explaining or quoting
	// policy before apologising or acting, a consequence before asking.
	Order []Finding `json:"order"`
	// Findings are the anti-patterns, in text order, each with better
	// phrases in Suggestions.
	Findings []Finding `json:"findings"`
	// Score is 0 to 100; Points gives the reason for every point, and
	// the Points values add up to Score.
	Score  int     `json:"score"`
	Points []Point `json:"points"`
	// Rewrite is a reply a person could send: the draft's good sentences
	// in the writer's own words, sentences with an anti-pattern replaced,
	// and one catalogue phrase for each missing move, at a length that
	// fits the channel. It never holds a slot in braces.
	Rewrite string `json:"rewrite"`
	// Needs names the situation fields ("times", "policy", "offers",
	// "customerName", "colleague", "issue", "agentName") a better rewrite
	// needs: fill them in and review again.
	Needs []string `json:"needs,omitempty"`
}

// FoundMove is a move found in a draft, with where it is and the rule
// that found it: a rule that reads what the sentence does
// ("fix.first-person-action"), or "phrase" for a listed phrase, named in
// Phrase.
type FoundMove struct {
	Move   Move   `json:"move"`
	Span   Span   `json:"span"`
	Text   string `json:"text"`
	Rule   string `json:"rule"`
	Phrase string `json:"phrase,omitempty"`
}

// rulePhrase is the Rule of a move found by a listed phrase.
const rulePhrase = "phrase"

// Point is one part of a score: points gained (positive), lost
// (negative) or not earned (zero), with the reason.
type Point struct {
	Points int    `json:"points"`
	Reason string `json:"reason"`
}

// Found reports whether the draft shows move m.
func (r *Report) Found(m Move) bool {
	return slices.ContainsFunc(r.Moves, func(f FoundMove) bool { return f.Move == m })
}

// Has reports whether the report has a finding or order problem with the
// given rule id.
func (r *Report) Has(rule string) bool {
	is := func(f Finding) bool { return f.Rule == rule }
	return slices.ContainsFunc(r.Findings, is) || slices.ContainsFunc(r.Order, is)
}

// Score weights.
const (
	movePoints  = 65
	orderPoints = 10
	tonePoints  = 20
	namePoints  = 5
)

// Review checks a draft reply against a situation: which moves it makes
// and where, which needed moves are missing, moves in the wrong order,
// anti-patterns with better phrases, a 0-100 score with the reason for
// every point, and a suggested rewrite from the catalogue.
//
// The draft must be non-empty valid UTF-8 of at most [MaxLen] bytes
// (otherwise an [*InputError]); the situation must pass
// [Situation.Validate].
func Review(draft string, s Situation) (*Report, error) {
	if err := s.Validate(); err != nil {
		return nil, err
	}
	if err := prose.Check(draft, prose.DefaultMaxLen); err != nil {
		return nil, err
	}
	ix := cues()
	if ix.err != nil {
		return nil, ix.err
	}
	sc, _ := scratchPool.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	sc.doc.Reanalyze(draft)
	sc.s = s // kept in the scratch, so that s does not escape
	r := reviewWith(&sc.doc, &sc.s, ix, sc)
	sc.doc.Text = ""
	sc.s = Situation{}
	scratchPool.Put(sc)
	return r, nil
}

// scratch is the working memory of one [Review]: the parsed draft and the
// reviewer's lists, none of which the report keeps, so that the next
// Review can reuse them instead of allocating afresh.
type scratch struct {
	doc     prose.Doc
	clauses []prose.Clause
	hits    []ruleHit
	words   []tokenRules
	moves   []moveHit
	specs   []spec
	pieces  []piece
	fills   []byte   // the catalogue phrases of a rewrite, filled
	rv      reviewer // its lists of hits are reused
	s       Situation
	slots   Slots // cleared and refilled for each review
	times   []hit // commitments and vague time words
	worse   []hit // calls to calm down and blame
	reasons reasons
}

// reasons builds the Reason texts of a report's points in one buffer,
// which becomes one string that every reason is a part of: one
// allocation instead of one per point.
type reasons struct {
	buf   []byte
	parts []reasonPart
}

// reasonPart is the Reason of Points[point]: buf[start:end].
type reasonPart struct{ point, start, end int }

// add appends a point whose reason is a + b + c + s + suffix, with s
// quoted as [quoteIn] quotes it when quote is set.
func (rs *reasons) add(points []Point, pts int, a, b, c, s, suffix string, quote bool) []Point {
	start := len(rs.buf)
	rs.buf = append(append(append(rs.buf, a...), b...), c...)
	if quote {
		rs.buf = appendQuoted(rs.buf, s)
	} else {
		rs.buf = append(rs.buf, s...)
	}
	rs.buf = append(rs.buf, suffix...)
	rs.parts = append(rs.parts, reasonPart{len(points), start, len(rs.buf)})
	return append(points, Point{Points: pts})
}

// fill sets the reasons of points, empties rs, and returns the one
// string the reasons are parts of: all of buf, so that text appended to
// buf after the reasons is a part of it too.
func (rs *reasons) fill(points []Point) string {
	all := string(rs.buf)
	for _, p := range rs.parts {
		points[p.point].Reason = all[p.start:p.end]
	}
	rs.buf, rs.parts = rs.buf[:0], rs.parts[:0]
	return all
}

// scratchPool holds the scratch of finished reviews (its zero value is
// ready: no work at start-up).
var scratchPool sync.Pool

// reviewDraft is [Review] for a situation already validated; it also
// returns the parsed draft.
func reviewDraft(draft string, s *Situation) (*Report, *prose.Doc, error) {
	doc, err := prose.Parse(draft)
	if err != nil {
		return nil, nil, err
	}
	ix := cues()
	if ix.err != nil {
		return nil, nil, ix.err
	}
	return reviewWith(doc, s, ix, new(scratch)), doc, nil
}

// reportMem is a report with room for its missing moves: one
// allocation for both.
type reportMem struct {
	r       Report
	missing [numMoves]Move
}

type hit struct {
	first, last int
	span        Span
}

type moveHit struct {
	move Move
	// rule is where the rule id is: the index + 1 in scratch.hits of the
	// rule hit, or ruleCommitTime; 0 for a listed phrase. (An index, not
	// the id itself, so that a moveHit holds no pointer and sorting the
	// hits moves plain memory.)
	rule int32
	cue  int32 // the phrase index + 1 of a listed phrase
	hit
}

// ruleCommitTime is the moveHit.rule of a commitment with a time.
const ruleCommitTime = -1

// ruleOf returns the rule id of m, or "" for a listed phrase.
func (rv *reviewer) ruleOf(m *moveHit) string {
	switch {
	case m.rule == ruleCommitTime:
		return "committime.promise-with-time"
	case m.rule > 0:
		return rv.sc.hits[m.rule-1].rule
	}
	return ""
}

type reviewer struct {
	doc     *prose.Doc
	s       *Situation
	slots   Slots
	moves   []moveHit
	anti    [numAntiPatterns][]hit
	marks   [numMarkers][]hit
	hasTime []int8 // per sentence: 0 unknown, 1 yes, -1 no
	r       *Report
	ix      *cueIndex
	needs   []string // situation fields the suggestions needed
	sc      *scratch
	first   [numMoves]int32 // index+1 in Report.Moves of each move's first hit, 0 when none
}

// readFunctions adds the moves found by what clauses and words do (see
// function.go). A commitment found this way needs a time in its sentence
// or the next one.
func (rv *reviewer) readFunctions() {
	doc := rv.doc
	sc := rv.sc
	sc.clauses = doc.AppendClauses(sc.clauses[:0])
	clauses := sc.clauses
	hits, words := readClauses(doc, clauses, sc.hits[:0], sc.words)
	sc.words = words
	hits = readWords(doc, clauses, hits)
	sc.hits = hits
	for k, h := range hits {
		if h.move == CommitTime && !rv.sentenceHasTime(h.first) && !rv.nextSentenceHasTime(h.first) {
			continue
		}
		rv.moves = append(rv.moves, moveHit{h.move, int32(k + 1), 0, h.hit})
	}
}

// reviewWith reviews doc, keeping its working lists in sc.
func reviewWith(doc *prose.Doc, s *Situation, ix *cueIndex, sc *scratch) *Report {
	rv := &sc.rv
	anti, marks, hasTime := rv.anti, rv.marks, rv.hasTime
	rm := new(reportMem)
	rm.r.Missing = rm.missing[:0]
	*rv = reviewer{doc: doc, s: s, r: &rm.r, sc: sc}
	defer func() { rv.doc, rv.s, rv.r, rv.slots, rv.needs = nil, nil, nil, nil, nil }()
	for i := range anti {
		rv.anti[i] = anti[i][:0]
	}
	for i := range marks {
		rv.marks[i] = marks[i][:0]
	}
	rv.hasTime = slices.Grow(hasTime[:0], len(doc.Sentences))[:len(doc.Sentences)]
	clear(rv.hasTime)
	var buf [64]prose.Match
	ms := ix.m.ScanOverlapping(doc, buf[:0])
	rv.moves = sc.moves[:0]
	rv.ix = ix
	for _, m := range ms {
		if m.Negated {
			continue
		}
		h := hit{m.First, m.Last, m.Span}
		for _, t := range ix.targets[m.ID] {
			switch t.kind {
			case targetMove:
				rv.moves = append(rv.moves, moveHit{Move(t.id), 0, int32(m.ID) + 1, h})
			case targetAnti:
				rv.anti[t.id] = append(rv.anti[t.id], h)
			case targetMark:
				rv.marks[t.id] = append(rv.marks[t.id], h)
			}
		}
	}
	rv.readFunctions()
	rv.cancelNonApologies()
	rv.checkTimes()
	rv.collectMoves()
	rv.checkRules()
	rv.checkShouting()
	prose.SortFindings(rv.r.Findings)
	rv.r.Findings = oncePerSpan(rv.r.Findings)
	specs := specsFor(s, sc.specs)
	if s.State != Abusive {
		sc.specs = specs
	}
	rv.checkOrder()
	prose.SortFindings(rv.r.Order)
	rv.score(specs)
	// The rewrite is written after the reasons of the score, so that one
	// string holds both.
	rs := &sc.reasons
	start := len(rs.buf)
	var needs []string
	rs.buf, needs = rv.rewrite(rs.buf)
	all := rs.fill(rv.r.Points)
	rv.r.Rewrite = strings.TrimSpace(all[start:])
	for _, n := range needs {
		if !slices.Contains(rv.needs, n) {
			rv.needs = append(rv.needs, n)
		}
	}
	rv.r.Needs = rv.needs
	sc.moves = rv.moves[:0]
	if rv.r.Order == nil {
		rv.r.Order = []Finding{}
	}
	if rv.r.Findings == nil {
		rv.r.Findings = []Finding{}
	}
	return rv.r
}

func (rv *reviewer) situationSlots() Slots {
	if rv.slots == nil {
		if rv.sc.slots == nil {
			rv.sc.slots = make(Slots, 8)
		}
		clear(rv.sc.slots)
		rv.slots = rv.s.fillSlots(rv.sc.slots)
	}
	return rv.slots
}

// specsFor returns the moves the situation's plan lists; dst's memory
// is reused for the recovery path.
func specsFor(s *Situation, dst []spec) []spec {
	if s.State == Abusive {
		return boundarySpecs(s)
	}
	return recoverySpecs(s, dst)
}

// cancelNonApologies drops apologies and acknowledgements that are part
// of a non-apology ("I'm sorry you feel that way"), and acknowledgements
// inside blame or a call to calm down ("no need to get upset").
func (rv *reviewer) cancelNonApologies() {
	bad := rv.anti[apNonApology]
	worse := append(append(rv.sc.worse[:0], rv.anti[apCalmDown]...), rv.anti[apBlame]...)
	rv.sc.worse = worse
	if len(bad) == 0 && len(worse) == 0 {
		return
	}
	rv.moves = slices.DeleteFunc(rv.moves, func(m moveHit) bool {
		in := func(h hit) bool { return h.span.Overlaps(m.span) }
		sameSentence := func(h hit) bool { return rv.doc.SentenceOf(h.first) == rv.doc.SentenceOf(m.first) }
		switch m.move {
		case Apologise:
			return slices.ContainsFunc(bad, in)
		case Acknowledge:
			return slices.ContainsFunc(bad, sameSentence) || slices.ContainsFunc(worse, in)
		}
		return false
	})
}

// checkTimes turns commitments with a time into CommitTime moves and
// reports commitments and vague time words with no time in the sentence.
func (rv *reviewer) checkTimes() {
	reported := -1
	vague := func(h hit) {
		si := rv.doc.SentenceOf(h.first)
		if si == reported {
			return
		}
		reported = si
		rv.finding(apVagueTime, h, "")
	}
	all := append(append(rv.sc.times[:0], rv.marks[markCommit]...), rv.marks[markVague]...)
	rv.sc.times = all
	// A stable insertion sort by first token: both lists are short and
	// each already in text order.
	for i := 1; i < len(all); i++ {
		x := all[i]
		j := i
		for j > 0 && x.first < all[j-1].first {
			j--
		}
		if j < i {
			copy(all[j+1:i+1], all[j:i])
			all[j] = x
		}
	}
	for _, h := range all {
		commit := slices.Contains(rv.marks[markCommit], h)
		if rv.sentenceHasTime(h.first) || rv.nextSentenceHasTime(h.first) {
			if commit {
				rv.moves = append(rv.moves, moveHit{CommitTime, ruleCommitTime, 0, h})
			}
			continue
		}
		if commit || rv.promises(h.first) {
			vague(h) // "soon" alone ("see you soon") promises nothing
		}
	}
}

var offering = []Move{Fix, Offer, Atone, HandOver, CommitTime, AskFair}

func (rv *reviewer) offersAfter(tok int) bool {
	return slices.ContainsFunc(rv.moves, func(m moveHit) bool {
		return m.last > tok && slices.Contains(offering, m.move)
	})
}

func (rv *reviewer) checkRules() {
	for _, ap := range []int{apNonApology, apBlame, apCalmDown, apNothing, apSarcasm} {
		for _, h := range rv.anti[ap] {
			rv.finding(ap, h, "")
		}
	}
	if len(rv.marks[markPolicy]) > 0 && !rv.offersAfter(-1) {
		rv.finding(apPolicyOnly, rv.marks[markPolicy][0], "")
	}
	for _, h := range rv.marks[markUnfortunate] {
		if !rv.offersAfter(h.first) {
			rv.finding(apUnfortunately, h, "")
		}
	}
	for _, h := range rv.anti[apUnkeepable] {
		si := rv.doc.SentenceOf(h.first)
		if slices.ContainsFunc(rv.marks[markHonest], func(x hit) bool { return rv.doc.SentenceOf(x.first) == si }) {
			continue
		}
		rv.finding(apUnkeepable, h, "")
	}
	if name := strings.TrimSpace(rv.s.CustomerName); name != "" {
		for _, h := range rv.anti[apSirMadam] {
			rv.finding(apSirMadam, h, name)
		}
	}
}

// shoutAllowed are capitalised words that are not shouting.
func shoutAllowed(w string) bool {
	switch w {
	case "ok", "id", "uk", "usa", "eu", "tv", "pm", "am", "asap", "faq", "sms", "pin", "atm", "url", "vip", "ceo",
		"gps", "nhs", "gp", "er", "icu", "hr", "pdf", "ref", "it", "ai", "dm", "sim", "usb", "wifi", "nyc", "lax",
		"jfk", "lhr", "cdg", "vat", "gst", "ups", "dhl", "tsa", "mri", "ecg", "ent", "api", "app", "qr", "rsvp":
		return true
	}
	return false
}

func (rv *reviewer) checkShouting() {
	toks := rv.doc.Tokens
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind == prose.Punct && len(t.Text) >= 2 && (strings.Count(t.Text, "!") >= 2 || strings.Contains(t.Text, "!") && strings.Contains(t.Text, "?")) {
			rv.finding(apShouting, hit{i, i + 1, t.Span}, ".")
			continue
		}
		if !mayShout(t) || !shouted(t) {
			continue
		}
		// The run takes in short words in capitals, abbreviations and
		// punctuation between shouted words ("SORRY! WE WILL FIX IT
		// TODAY", "BRING YOUR ID TO THE DESK"), and the short words in
		// capitals that open it ("I AM SORRY"), so that it is one
		// finding and its fix reads as a sentence.
		sen := rv.doc.SentenceOf(i)
		for i > 0 && capsWord(&toks[i-1]) && rv.doc.SentenceOf(i-1) == sen {
			i--
		}
		j := i + 1
		for j < len(toks) {
			k := j
			for k < len(toks) && !shouted(&toks[k]) && (toks[k].Kind == prose.Punct || capsWord(&toks[k]) || abbreviation(&toks[k])) {
				k++
			}
			if k == len(toks) || !shouted(&toks[k]) {
				break
			}
			j = k + 1
		}
		span := rv.doc.TokenSpan(i, j)
		opens := span.Start == rv.doc.Sentences[sen].Span.Start
		rv.finding(apShouting, hit{i, j, span}, calmed(rv.doc, span.Start, span.End, opens))
		i = j - 1
	}
}

// calmed is the text of doc from byte from to byte to, out of capitals:
// each word in lower case but for abbreviations ("NHS", "ID"), with a
// capital where a sentence starts (at from when opens is true, and after
// a full stop, question or exclamation mark) and for the word I ("I'M
// SORRY. WE" is "I'm sorry. We"). The text between words is kept.
func calmed(doc *prose.Doc, from, to int, opens bool) string {
	b := make([]byte, 0, to-from)
	at, upper := from, opens
	for k := range doc.Tokens {
		t := &doc.Tokens[k]
		if t.Span.End <= from {
			continue
		}
		if t.Span.Start >= to {
			break
		}
		s, e := max(t.Span.Start, from), min(t.Span.End, to)
		b = append(b, doc.Text[at:s]...)
		text := doc.Text[s:e]
		switch {
		case t.Kind == prose.Word && abbreviation(t):
			b = append(b, text...)
		case t.Kind == prose.Word:
			n := len(b)
			b = append(b, strings.ToLower(text)...)
			w := b[n:]
			i := len(w) == 1 && w[0] == 'i' || len(w) > 1 && w[0] == 'i' && (w[1] == '\'' || strings.HasPrefix(string(w[1:]), "’"))
			if (upper || i) && 'a' <= w[0] && w[0] <= 'z' {
				w[0] -= 'a' - 'A'
			}
		default:
			b = append(b, text...)
		}
		upper = sentenceEnd(t) || upper && t.Kind != prose.Word && t.Kind != prose.Number
		at = e
	}
	return string(append(b, doc.Text[at:to]...))
}

// abbreviation reports whether a word in capitals is an abbreviation
// that stays in capitals in calm text ("NHS", "UK", "PDF").
func abbreviation(t *prose.Token) bool {
	switch t.Norm {
	case "am", "it", "app":
		return false
	}
	return shoutAllowed(t.Norm) && t.IsShouted()
}

// capsWord reports whether t is a short word in capitals ("I", "WE",
// "IT", "I'M"): too short to be shouting on its own, but part of a
// shouted run it stands in. Abbreviations ("UK", "ID") are not.
func capsWord(t *prose.Token) bool {
	if t.Kind != prose.Word {
		return false
	}
	letters := 0
	for i := 0; i < len(t.Text); i++ {
		c := t.Text[i]
		if 'a' <= c && c <= 'z' || c >= utf8.RuneSelf {
			return false
		}
		if 'A' <= c && c <= 'Z' {
			letters++
		}
	}
	return letters > 0 && letters <= 2 && !abbreviation(t)
}

// mayShout is the cheap first test of shouted, small enough to be
// inlined where every token is tested: most words start in lower case or
// are Capitalised.
func mayShout(t *prose.Token) bool {
	return t.Kind == prose.Word && len(t.Text) >= 3 && (t.Text[0] < 'a' || t.Text[0] > 'z') && (t.Text[1] < 'a' || t.Text[1] > 'z')
}

func shouted(t *prose.Token) bool {
	if !mayShout(t) {
		return false
	}
	if !t.IsShouted() || shoutAllowed(t.Norm) || strings.ContainsAny(t.Text, "0123456789") {
		return false
	}
	letters := 0
	for _, r := range t.Text {
		if r != '\'' && r != '-' && r != '.' {
			letters++
		}
	}
	return letters >= 3
}

// finding adds an anti-pattern finding; replacement, when set, is the
// first suggestion.
func (rv *reviewer) finding(ap int, h hit, replacement string) {
	a := &antiPatterns[ap]
	f := Finding{Rule: a.Rule, Severity: a.Severity, Message: a.Message, Why: a.Why, Span: h.span}
	if replacement != "" {
		f.Suggestions = append(f.Suggestions, replacement)
	}
	f.Suggestions = append(f.Suggestions, rv.better(a.Better)...)
	if ap == apNonApology || ap == apBlame || ap == apCalmDown || ap == apSarcasm || ap == apUnkeepable || ap == apSirMadam || ap == apShouting {
		f.Message = quoteIn(a.Message, " (", rv.doc.Slice(h.span), ")")
	}
	rv.r.Findings = append(rv.r.Findings, f)
}

// better prepares the listed catalogue phrases for the situation.
func (rv *reviewer) better(ids []string) []string {
	if len(ids) == 0 {
		return nil
	}
	cat := CatalogueFor(rv.s.Language)
	slots := rv.situationSlots()
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		i, ok := cat.byID[id]
		if !ok {
			continue
		}
		if p := &cat.phrases[i]; !p.fillable(slots) {
			rv.needs = addNeeds(rv.needs, p, slots)
			continue
		}
		out = append(out, fill(cat.phrases[i].Text, slots, false))
	}
	return out
}

// collectMoves fills Report.Moves: hits sorted by position, overlapping
// hits of the same move merged.
func (rv *reviewer) collectMoves() {
	// A stable insertion sort by first token, then move: the hits arrive
	// in a few runs already in text order (one per source), so each hit
	// moves a short way, shifted with one copy.
	ms := rv.moves
	for i := 1; i < len(ms); i++ {
		x := ms[i]
		j := i
		for j > 0 && (x.first < ms[j-1].first || x.first == ms[j-1].first && x.move < ms[j-1].move) {
			j--
		}
		if j < i {
			copy(ms[j+1:i+1], ms[j:i])
			ms[j] = x
		}
	}
	// A listed phrase inside a longer listed phrase of another move
	// belongs to that move ("on us" inside "that's on us" is ownership,
	// not atonement).
	if rv.phraseInPhrase() {
		rv.moves = slices.DeleteFunc(rv.moves, func(m moveHit) bool {
			return m.cue > 0 && slices.ContainsFunc(rv.moves, func(o moveHit) bool {
				return o.cue > 0 && o.move != m.move && o.span.Contains(m.span) && o.span.Len() > m.span.Len()
			})
		})
	}
	// Count the merged moves first, so that the report's list is
	// allocated at its size.
	var ends [numMoves]int
	var seen [numMoves]bool
	n := 0
	for _, m := range rv.moves {
		if seen[m.move] && ends[m.move] > m.span.Start {
			ends[m.move] = max(ends[m.move], m.span.End)
			continue
		}
		seen[m.move], ends[m.move] = true, m.span.End
		n++
	}
	out := make([]FoundMove, 0, n)
	var lastBuf [numMoves]int
	last := lastBuf[:] // index+1 in out of the latest hit of each move
	for _, m := range rv.moves {
		if k := last[m.move]; k > 0 && out[k-1].Span.End > m.span.Start {
			if m.span.End > out[k-1].Span.End {
				out[k-1].Span = out[k-1].Span.Join(m.span)
				out[k-1].Text = rv.doc.Slice(out[k-1].Span)
			}
			continue
		}
		// Set field by field in place (out has room for every move): a
		// copy of a whole FoundMove costs more while the garbage
		// collector marks.
		out = out[:len(out)+1]
		f := &out[len(out)-1]
		f.Move, f.Span, f.Text = m.move, m.span, rv.doc.Slice(m.span)
		if m.cue > 0 {
			f.Rule, f.Phrase = rulePhrase, rv.ix.m.Phrase(int(m.cue-1))
		} else {
			f.Rule = rv.ruleOf(&m)
		}
		last[m.move] = len(out)
	}
	rv.r.Moves = out
	for i := len(out) - 1; i >= 0; i-- {
		rv.first[out[i].Move] = int32(i + 1)
	}
}

// phraseInPhrase reports whether a listed phrase of one move stands
// inside a longer listed phrase of another (rv.moves sorted by first
// token): most drafts have none, and then there is nothing to drop.
func (rv *reviewer) phraseInPhrase() bool {
	ms := rv.moves
	before := -1 // the furthest end of a listed phrase starting before the current token
	for g := 0; g < len(ms); {
		// The hits starting at one token: the furthest end of their
		// listed phrases, then each against the phrases that may hold it.
		e := g
		group := -1
		for ; e < len(ms) && ms[e].first == ms[g].first; e++ {
			if ms[e].cue > 0 {
				group = max(group, ms[e].span.End)
			}
		}
		for k := g; k < e; k++ {
			m := &ms[k]
			if m.cue == 0 || before < m.span.End && group <= m.span.End {
				continue // no listed phrase starting before m reaches its end, none starting with it goes further
			}
			// A phrase that holds m starts at or before it.
			for j := 0; j < e; j++ {
				if o := &ms[j]; o.cue > 0 && o.move != m.move && o.span.Contains(m.span) && o.span.Len() > m.span.Len() {
					return true
				}
			}
		}
		before, g = max(before, group), e
	}
	return false
}

func (rv *reviewer) firstOf(ms ...Move) (FoundMove, bool) {
	k := int32(0) // index+1 in Report.Moves of the earliest of ms
	for _, m := range ms {
		if i := rv.first[m]; i > 0 && (k == 0 || i < k) {
			k = i
		}
	}
	if k == 0 {
		return FoundMove{}, false
	}
	return rv.r.Moves[k-1], true
}

func (rv *reviewer) checkOrder() {
	// Explaining or quoting policy before apologising or acting.
	early := Span{Start: -1}
	if e, ok := rv.firstOf(Explain); ok {
		early = e.Span
	}
	if p := rv.marks[markPolicy]; len(p) > 0 && (early.Start < 0 || p[0].span.Start < early.Start) {
		early = p[0].span
	}
	if early.Start >= 0 {
		if later, ok := rv.firstOf(Apologise, Fix, Offer, Atone, CommitTime, HandOver); ok && later.Span.Start > early.Start {
			rv.order(RuleExplainFirst, Warning, early,
				"Explains or quotes policy before apologising or acting.",
				"An explanation given first sounds like an excuse; apologise and say what you will do, then explain.")
		}
	}
	// The boundary path: ask before warning, warn before ending.
	if c, ok := rv.firstOf(StateConsequence); ok {
		if a, ok := rv.firstOf(NameBehaviour, AskToStop); ok && a.Span.Start > c.Span.Start {
			rv.order(RuleWarnBeforeAsk, Warning, c.Span,
				"States a consequence before naming the behaviour or asking for it to stop.",
				"A threat with no request first leaves the customer no way back into the conversation.")
		}
	}
	if e, ok := rv.firstOf(EndOrEscalate); ok {
		if c, ok := rv.firstOf(StateConsequence); ok && c.Span.Start > e.Span.Start {
			rv.order(RuleEndBeforeWarn, Warning, e.Span,
				"Ends or escalates before stating the consequence.",
				"End the contact only after a clear warning, so the customer had a chance to stop.")
		}
	}
}

func (rv *reviewer) order(rule string, sev Severity, span Span, msg, why string) {
	rv.r.Order = append(rv.r.Order, Finding{Rule: rule, Severity: sev, Message: msg, Why: why, Span: span})
}

// moveWeight is how much a move counts toward the move points.
func moveWeight(m Move) int {
	switch m {
	case Apologise, Fix, Offer, NameBehaviour, AskToStop, StateConsequence:
		return 3
	case Acknowledge, Own, CommitTime, Atone:
		return 2
	}
	return 1
}

// needed returns the moves of specs a reply should show: not optional,
// visible in a reply, and not Listen (which is done, not said).
func needed(specs []spec, out []Move) []Move {
	for _, sp := range specs {
		if sp.optional || sp.move == Listen || !sp.move.Info().Visible || slices.Contains(out, sp.move) {
			continue
		}
		out = append(out, sp.move)
	}
	return out
}

func (rv *reviewer) score(specs []spec) {
	r := rv.r
	var needBuf [numMoves]Move
	need := needed(specs, needBuf[:0])
	r.Points = make([]Point, 0, len(need)+len(r.Findings)+8)
	rs := &rv.sc.reasons
	_, fixes := rv.firstOf(Fix, Offer, HandOver)
	need = slices.DeleteFunc(need, func(m Move) bool {
		if _, found := rv.firstOf(m); found {
			return false
		}
		why := rv.notRequired(m, fixes)
		if why != "" {
			r.Points = append(r.Points, Point{0, m.Title() + ": not required here, " + why})
		}
		return why != ""
	})
	total := 0
	for _, m := range need {
		total += moveWeight(m)
	}
	cum := 0
	for _, m := range need {
		prev := movePoints * cum / total
		cum += moveWeight(m)
		pts := movePoints*cum/total - prev
		if f, ok := rv.firstOf(m); ok {
			r.Points = rs.add(r.Points, pts, m.Title(), ": found (", "", f.Text, ")", true)
		} else if f, ok := rv.ownedByFixing(m); ok {
			r.Points = rs.add(r.Points, pts, m.Title(), ": shown by fixing it yourself (", "", f.Text, ")", true)
		} else {
			r.Missing = append(r.Missing, m)
			r.Points = rs.add(r.Points, 0, m.Title(), ": missing, ", "", strconv.Itoa(pts), " points not earned", false)
		}
	}
	// A reply that neither acts nor offers anything earns no order points
	// and only half the tone points: polite words that do nothing are
	// still a dead end for the customer.
	acts := rv.offersAfter(-1) || rv.s.State == Abusive && slices.ContainsFunc(rv.moves, func(m moveHit) bool { return m.move.IsBoundary() })
	switch {
	case !acts:
		r.Points = append(r.Points, Point{0, "Order: no action or offer to put in order, " + strconv.Itoa(orderPoints) + " points not earned"})
	case len(r.Order) == 0:
		r.Points = append(r.Points, Point{orderPoints, "Order: nothing explained or quoted before apologising or acting"})
	default:
		r.Points = append(r.Points, Point{max(0, orderPoints-5*len(r.Order)), "Order: " + strconv.Itoa(len(r.Order)) + " problem(s), 5 points lost for each"})
	}
	if acts {
		r.Points = append(r.Points, Point{tonePoints, "Tone: starts with full marks"})
	} else {
		r.Points = append(r.Points, Point{tonePoints / 2, "Tone: starts with " + strconv.Itoa(tonePoints/2) + " of " + strconv.Itoa(tonePoints) + ", as the reply does nothing and offers nothing"})
	}
	for _, f := range r.Findings {
		lost := 5
		if f.Severity == Error {
			lost = 10
		}
		r.Points = rs.add(r.Points, -lost, "Tone: ", antiTitle(f.Rule), " at ", rv.doc.Slice(f.Span), "", true)
	}
	if name := strings.TrimSpace(rv.s.CustomerName); name == "" {
		r.Points = append(r.Points, Point{namePoints, "Name: no customer name in the situation, so none expected"})
	} else if usesName(rv.doc, name) {
		r.Points = rs.add(r.Points, namePoints, "Name: uses the customer's name (", "", "", name, ")", false)
	} else {
		r.Points = rs.add(r.Points, 0, "Name: the customer's name (", "", "", name, ") is known but not used, "+strconv.Itoa(namePoints)+" points not earned", false)
	}
	sum := 0
	for _, p := range r.Points {
		sum += p.Points
	}
	switch {
	case sum < 0:
		r.Points = append(r.Points, Point{-sum, "The score cannot go below 0"})
		sum = 0
	case sum > 100:
		r.Points = append(r.Points, Point{100 - sum, "The score cannot go above 100"})
		sum = 100
	}
	r.Score = sum // the reasons are set by reasons.fill once the rewrite is written
}

// oncePerSpan keeps one finding for each stretch of overlapping findings
// (sorted by position): the worst, then the longest. "Dear valued
// customer" is one Sir-or-Madam finding, not two; "I promise this will
// never happen again" is one unkeepable promise, not three. A finding of
// another rule in the same stretch is named in the kept one's message.
func oncePerSpan(fs []Finding) []Finding {
	if len(fs) < 2 {
		return fs
	}
	out := fs[:0]
	for i := 0; i < len(fs); {
		j, end, best := i+1, fs[i].Span.End, i
		for j < len(fs) && fs[j].Span.Start < end {
			end = max(end, fs[j].Span.End)
			if fs[j].Severity > fs[best].Severity || fs[j].Severity == fs[best].Severity && fs[j].Span.Len() > fs[best].Span.Len() {
				best = j
			}
			j++
		}
		kept := fs[best]
		var also []string
		for k := i; k < j; k++ {
			if fs[k].Rule != kept.Rule && !slices.Contains(also, antiTitle(fs[k].Rule)) {
				also = append(also, antiTitle(fs[k].Rule))
			}
		}
		if len(also) > 0 {
			kept.Message += " It also reads as: " + strings.Join(also, ", ") + " (counted once)."
		}
		out = append(out, kept)
		i = j
	}
	return out
}

// notRequired says why move m, which the situation's plan lists, is not
// required of this reply, or "" when it is: what a reply must show
// follows the channel and what the reply already does. A short chat that
// fixes the problem need not thank or paraphrase; a letter about a major
// failure is held to the whole plan.
//
// fixes says whether the reply fixes, offers or hands over (the draft's
// own moves for the score; the rewrite's, which adds a fix when one is
// missing, for the rewrite).
func (rv *reviewer) notRequired(m Move, fixes bool) string {
	s := rv.s
	letter := s.Channel == Email && (s.Severity >= Major || s.Repeat)
	switch m {
	case Paraphrase:
		if s.Channel.Written() && !letter {
			return "in writing, answering the exact problem shows you read it"
		}
		if s.Severity == Minor && fixes {
			return "a minor slip put right at once needs no summary"
		}
	case Thank:
		if s.Channel == Chat && fixes {
			return "a short chat reply that fixes the problem need not thank"
		}
		if s.Severity == Minor && fixes && !letter {
			return "a minor slip put right at once need not be thanked for"
		}
	case Believe:
		if fixes && (s.Channel.Written() || s.Severity == Minor) {
			return "acting on the customer's account shows you believe it"
		}
	case Acknowledge:
		if s.Severity == Minor && fixes {
			return "a quick fix for a minor slip acknowledges it"
		}
	case Fix:
		if _, offers := rv.firstOf(Offer); offers && (s.Cause == Misunderstanding || s.Cause == PolicyLimit) {
			return "the offer is the remedy when the customer expected something we never promised"
		}
	case Atone:
		if s.Channel == Chat && s.Severity <= Moderate && !s.Repeat && fixes {
			return "a fast fix in a chat is the remedy for a modest failure"
		}
	}
	return ""
}

// ownedByFixing returns the first-person fix that shows ownership when
// the reply takes ownership by doing the fix itself ("I've posted the
// right one").
func (rv *reviewer) ownedByFixing(m Move) (FoundMove, bool) {
	if m != Own {
		return FoundMove{}, false
	}
	for _, f := range rv.r.Moves {
		if f.Move == Fix && strings.HasPrefix(f.Rule, "fix.") {
			return f, true
		}
	}
	return FoundMove{}, false
}

func antiTitle(rule string) string {
	for i := range antiPatterns {
		if antiPatterns[i].Rule == rule {
			return antiPatterns[i].Title
		}
	}
	return rule
}

// usesName reports whether the draft contains the customer's name, or its
// last word (the surname in "Ms Okafor").
func usesName(doc *prose.Doc, name string) bool {
	// The last word of name, found without splitting: when it is plain
	// ASCII its folded form is built on the stack.
	end := len(name)
	for end > 0 && asciiSpace(name[end-1]) {
		end--
	}
	start := end
	for start > 0 && name[start-1] < utf8.RuneSelf && !asciiSpace(name[start-1]) {
		start--
	}
	var buf [48]byte
	if end > start && end-start <= len(buf) && (start == 0 || asciiSpace(name[start-1])) {
		b := buf[:0]
		for i := start; i < end; i++ {
			c := name[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			} else if c == '`' {
				c = '\'' // as prose.Normalize folds it
			}
			b = append(b, c)
		}
		for len(b) > 0 && (b[0] == '.' || b[0] == ',') {
			b = b[1:]
		}
		for len(b) > 0 && (b[len(b)-1] == '.' || b[len(b)-1] == ',') {
			b = b[:len(b)-1]
		}
		for k := range doc.Tokens {
			if t := &doc.Tokens[k]; t.Norm == string(b) || strings.TrimSuffix(t.Norm, "'s") == string(b) {
				return true
			}
		}
		return false
	}
	words := strings.Fields(prose.Normalize(name))
	if len(words) == 0 {
		return false
	}
	key := strings.Trim(words[len(words)-1], ".,")
	for k := range doc.Tokens {
		if t := &doc.Tokens[k]; t.Norm == key || strings.TrimSuffix(t.Norm, "'s") == key {
			return true
		}
	}
	return false
}

// asciiSpace reports whether c is an ASCII space as [unicode.IsSpace]
// sees it.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// promises reports whether the sentence holding token i promises
// something: it has "will", "shall" or a contraction with "'ll".
func (rv *reviewer) promises(i int) bool {
	si := rv.doc.SentenceOf(i)
	if si < 0 {
		return false
	}
	sen := rv.doc.Sentences[si]
	for k := sen.First; k < sen.Last; k++ {
		if t := &rv.doc.Tokens[k]; t.Norm == "will" || t.Norm == "shall" || t.Norm == "going" || strings.HasSuffix(t.Norm, "'ll") {
			return true
		}
	}
	return false
}

// nextSentenceHasTime reports whether the sentence after the one holding
// token i names a time ("I'll call you back. Would 4pm or 6pm suit you?").
func (rv *reviewer) nextSentenceHasTime(i int) bool {
	si := rv.doc.SentenceOf(i)
	if si < 0 || si+1 >= len(rv.doc.Sentences) {
		return false
	}
	return rv.sentenceHasTime(rv.doc.Sentences[si+1].First)
}

// sentenceHasTime reports whether the sentence holding token i names a
// time: a duration ("24 hours"), a clock time ("4pm", "10:30"), a day
// ("today", "Tuesday") or a part of one ("this afternoon").
func (rv *reviewer) sentenceHasTime(i int) bool {
	si := rv.doc.SentenceOf(i)
	if si < 0 {
		return false
	}
	if v := rv.hasTime[si]; v != 0 {
		return v > 0
	}
	sen := rv.doc.Sentences[si]
	found := false
	for _, q := range rv.doc.Quantities {
		if q.First >= sen.First && q.First < sen.Last && q.Dimension == prose.Duration {
			found = true
			break
		}
	}
	toks := rv.doc.Tokens
	for k := sen.First; k < sen.Last && !found; k++ {
		t := &toks[k]
		if t.Kind == prose.Number {
			if strings.Contains(t.Text, ":") {
				found = true
			} else if k+1 < sen.Last {
				switch toks[k+1].Norm {
				case "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "o'clock", "noon":
					found = true
				}
			}
			continue
		}
		if t.Kind != prose.Word {
			continue
		}
		switch t.Norm {
		case "today", "tonight", "tomorrow", "noon", "midday", "midnight", "eod",
			"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
			"mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun",
			"january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december":
			found = true
		case "morning", "afternoon", "evening", "week", "weekend", "month":
			if k > sen.First {
				switch toks[k-1].Norm {
				case "this", "next", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday":
					found = true
				}
			}
		case "day":
			if k >= 2 && toks[k-1].Norm == "the" && toks[k-2].Norm == "of" {
				found = true // "end of the day"
			}
		default:
			if len(t.Norm) > 2 && (strings.HasSuffix(t.Norm, "am") || strings.HasSuffix(t.Norm, "pm")) && t.Norm[0] >= '0' && t.Norm[0] <= '9' {
				found = true
			}
		}
	}
	if found {
		rv.hasTime[si] = 1
	} else {
		rv.hasTime[si] = -1
	}
	return found
}

// appendQuoted appends [strconv.Quote](s) to b, directly when s is
// plain printable ASCII with no quote or backslash.
func appendQuoted(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7E || c == '"' || c == '\\' {
			return strconv.AppendQuote(b, s)
		}
	}
	return append(append(append(b, '"'), s...), '"')
}

// quoteIn returns a + b + [strconv.Quote](s) + suffix, building it in
// one go when s is plain printable ASCII with no quote or backslash (then
// quoting only adds the quotes), as found phrases usually are.
func quoteIn(a, b, s, suffix string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c > 0x7E || c == '"' || c == '\\' {
			return a + b + strconv.Quote(s) + suffix
		}
	}
	return a + b + "\"" + s + "\"" + suffix
}
