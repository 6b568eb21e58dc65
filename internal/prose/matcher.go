package prose

import (
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Slot words stand for a class of tokens in a phrase:
//
//	NUMBER    any number ("24", "three")
//	DURATION  a duration quantity ("24 hours", "an hour", "5 mins")
//	QUANTITY  any quantity ("three rings", "10 feet", "80%")
//	*         any one word
//
// Slot words are written in capitals; every other phrase word is matched
// case-insensitively.
const (
	SlotNumber   = "NUMBER"
	SlotDuration = "DURATION"
	SlotQuantity = "QUANTITY"
	SlotAny      = "*"
)

const (
	slotNone int32 = iota
	slotNumber
	slotDuration
	slotQuantity
	slotAny
)

// MatcherConfig holds the settings of a [Matcher]. The zero value works.
type MatcherConfig struct {
	// Exact turns off inflection. By default every phrase word of three
	// letters or more also matches its regular inflections ("greet"
	// matches "greets", "greeted", "greeting"; "carry" matches "carries").
	Exact bool
	// NegationWindow is how many words before a match are searched for a
	// negator ("not", "never", "don't", ...). Default 3. The search stops
	// at the start of the sentence and at , ; : and "but". Negative turns
	// it off.
	NegationWindow int
}

// Matcher finds phrases in a [Doc] in one pass over its tokens, using a
// token trie. It is safe for concurrent use. Build it with [Compile], or,
// where start-up time matters, load tables generated at build time with
// [Load] (see package prosegen).
type Matcher struct {
	t     *Tables
	terms map[string]term // nil for a matcher loaded from tables
	// ix is made on the first scan or lookup (see [matchIndex]).
	ix     *matchIndex
	ixOnce sync.Once
}

// matchIndex is what a matcher derives from its tables on first use.
type matchIndex struct {
	// root is the root node's children by term (0 = none): every token
	// is looked up from the root, so the root takes one index instead of
	// a search among its many edges.
	root []int32
	// words indexes the phrase words, and ids holds their term ids
	// (negative for a word that takes no inflections): made here for both
	// a compiled and a loaded matcher, it is cheaper to search than the
	// map of the one or the FNV table of the other.
	words *WordIndex
	ids   []int32
}

// Tables is a compiled [Matcher] as plain data, so that it can be written
// out as Go literals (package prosegen) and loaded with almost no work
// ([Load]). Its fields are exported for that purpose only.
type Tables struct {
	Phrases []string
	Window  int
	Terms   []string // phrase words, sorted
	TermIDs []int32  // id of Terms[i]; negative when the word takes no inflections
	// Nodes holds NodeSize numbers per trie node (node 0 is the root):
	// the range [lo, hi) of its edges in Edges, its children for the slots
	// NUMBER, DURATION, QUANTITY and * (0 = none), and the phrase ending
	// there (id + 1; 0 = none).
	Nodes []int32
	// Edges holds pairs (term, child), sorted by term within a node.
	Edges []int32
}

// NodeSize is the number of int32 values per node in [Tables.Nodes].
const NodeSize = 7

// Offsets of a node's fields in Tables.Nodes.
const (
	nodeLo   = 0
	nodeHi   = 1
	nodeSlot = 2 // + slot kind - 1
	nodeOut  = 6
)

// term is an interned phrase word; inflect says whether its regular
// inflections match it too.
type term struct {
	id      int32
	inflect bool
}

type edge struct{ term, to int32 }

// builder holds a trie while it is being compiled.
type builder struct {
	nodes []buildNode
	terms map[string]term
}

type buildNode struct {
	edges []edge // sorted by term
	slots [4]int32
	out   int32
}

// Match is one phrase found in a text: the phrase's index in the compiled
// list, its span, its tokens [First, Last), and whether a negator stood
// before it.
type Match struct {
	ID          int
	Span        Span
	First, Last int
	Negated     bool
}

// Compile compiles phrases with the default [MatcherConfig]. Phrase i is
// reported as Match.ID i.
func Compile(phrases []string) (*Matcher, error) { return MatcherConfig{}.Compile(phrases) }

// MustCompile is [Compile] for phrase lists written in the source; it
// panics on an error.
func MustCompile(phrases []string) *Matcher {
	m, err := Compile(phrases)
	if err != nil {
		panic(err)
	}
	return m
}

// PhraseError reports a phrase that cannot be compiled.
type PhraseError struct {
	Index  int
	Phrase string
	Reason string
}

func (e *PhraseError) Error() string {
	return "prose: phrase " + strconv.Itoa(e.Index) + " " + strconv.Quote(e.Phrase) + ": " + e.Reason
}

// Compile builds a matcher for phrases. An empty phrase, one made only of
// punctuation, or the same phrase twice is a [*PhraseError].
func (c MatcherConfig) Compile(phrases []string) (*Matcher, error) {
	window := c.NegationWindow
	if window == 0 {
		window = 3
	}
	bl := &builder{terms: make(map[string]term, len(phrases)*2), nodes: make([]buildNode, 1, len(phrases)*2+1)}
	z := &tokenizer{}
	for id, p := range phrases {
		toks := z.run(p)
		if len(toks) == 0 {
			return nil, &PhraseError{id, p, "empty"}
		}
		n := int32(0)
		for _, t := range toks {
			if s := slotOf(t.Text); s != slotNone {
				if bl.nodes[n].slots[s-1] == 0 {
					bl.nodes = append(bl.nodes, buildNode{})
					bl.nodes[n].slots[s-1] = int32(len(bl.nodes) - 1)
				}
				n = bl.nodes[n].slots[s-1]
				continue
			}
			n = bl.child(n, bl.intern(t.Norm, !c.Exact && t.Kind == Word && inflectable(t.Norm)))
		}
		if out := bl.nodes[n].out; out != 0 {
			return nil, &PhraseError{id, p, "same as phrase " + strconv.Itoa(int(out-1)) + " " + strconv.Quote(phrases[out-1])}
		}
		bl.nodes[n].out = int32(id + 1)
	}
	// Flatten the trie so that scanning walks two flat arrays.
	t := &Tables{Phrases: phrases, Window: window, Nodes: make([]int32, 0, NodeSize*len(bl.nodes))}
	edges := 0
	for _, n := range bl.nodes {
		edges += len(n.edges)
	}
	t.Edges = make([]int32, 0, 2*edges)
	for _, n := range bl.nodes {
		lo := int32(len(t.Edges) / 2)
		for _, e := range n.edges {
			t.Edges = append(t.Edges, e.term, e.to)
		}
		t.Nodes = append(t.Nodes, lo, int32(len(t.Edges)/2), n.slots[0], n.slots[1], n.slots[2], n.slots[3], n.out)
	}
	return &Matcher{t: t, terms: bl.terms}, nil
}

// Load returns a matcher over tables written by package prosegen. It does
// no work and does not copy the tables, which must not be changed; the
// first scan indexes the phrase words once (for 500 words, 15 us warm
// and about 0.1 ms in a fresh process).
func Load(t *Tables) *Matcher { return &Matcher{t: t} }

func slotOf(w string) int32 {
	switch w {
	case SlotNumber:
		return slotNumber
	case SlotDuration:
		return slotDuration
	case SlotQuantity:
		return slotQuantity
	case SlotAny:
		return slotAny
	}
	return slotNone
}

// intern returns the term id of a word.
func (bl *builder) intern(w string, inflect bool) int32 {
	if t, ok := bl.terms[w]; ok {
		if inflect && !t.inflect {
			t.inflect = true
			bl.terms[w] = t
		}
		return t.id
	}
	id := int32(len(bl.terms) + 1)
	bl.terms[w] = term{id, inflect}
	return id
}

func (bl *builder) child(n, term int32) int32 {
	edges := bl.nodes[n].edges
	i, found := slices.BinarySearchFunc(edges, term, func(e edge, t int32) int { return int(e.term - t) })
	if found {
		return edges[i].to
	}
	bl.nodes = append(bl.nodes, buildNode{})
	to := int32(len(bl.nodes) - 1)
	bl.nodes[n].edges = slices.Insert(bl.nodes[n].edges, i, edge{term, to})
	return to
}

// inflectable reports whether a phrase word takes regular inflections:
// three letters or more, ASCII letters and hyphens only.
func inflectable(w string) bool {
	if len(w) < 3 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; !(c >= 'a' && c <= 'z') && c != '-' {
			return false
		}
	}
	return true
}

// lookup returns the term a text word stands for: the word itself, or,
// for an inflected form ("greets", "smiling", "carried", "stopped",
// "guest's"), the base word it inflects if that base was compiled as
// inflectable. It tries the candidate bases in a fixed order and does not
// allocate.
func (m *Matcher) lookup(w string) (int32, bool) {
	if w == "" {
		return 0, false
	}
	ix := m.index()
	if k := ix.words.Index(w); k >= 0 {
		return max(ix.ids[k], -ix.ids[k]), true // find, written out for the usual case
	}
	return ix.inflected(w)
}

// inflected is the rest of lookup, for a word that is no phrase word
// itself: the phrase word it may be an inflection of.
func (ix *matchIndex) inflected(w string) (int32, bool) {
	n := len(w)
	if n < 4 {
		return 0, false
	}
	var buf [64]byte
	try := func(base string, extra byte) (int32, bool) {
		if len(base) < 3 {
			return 0, false
		}
		if extra != 0 {
			if len(base) >= len(buf) {
				return 0, false
			}
			k := copy(buf[:], base)
			buf[k] = extra
			base = unsafeString(buf[:k+1]) // read only by find, never kept
		}
		t, ok := ix.find(base)
		return t.id, ok && t.inflect
	}
	has := func(suffix string) bool { return n > len(suffix) && w[n-len(suffix):] == suffix }
	switch {
	case has("'s"):
		return try(w[:n-2], 0)
	case has("s'"):
		return try(w[:n-2], 0)
	case has("ies"), has("ied"):
		if id, ok := try(w[:n-3], 'y'); ok { // carries -> carry
			return id, true
		}
		return try(w[:n-1], 0) // ties -> tie
	case has("ing"):
		stem := w[:n-3]
		if doubled(stem) {
			if id, ok := try(stem[:len(stem)-1], 0); ok {
				return id, true
			}
		}
		if id, ok := try(stem, 'e'); ok {
			return id, true
		}
		if has("ying") {
			if id, ok := try(w[:n-4], 0); ok { // tying -> tie is rare; carrying -> carry
				return id, true
			}
		}
		return try(stem, 0)
	case has("ed"):
		stem := w[:n-2]
		if doubled(stem) {
			if id, ok := try(stem[:len(stem)-1], 0); ok {
				return id, true
			}
		}
		if id, ok := try(w[:n-1], 0); ok { // smiled -> smile
			return id, true
		}
		return try(stem, 0)
	case has("es"):
		if id, ok := try(w[:n-2], 0); ok { // boxes -> box
			return id, true
		}
		return try(w[:n-1], 0) // smiles -> smile
	case has("s") && !has("ss"):
		return try(w[:n-1], 0)
	}
	return 0, false
}

// doubled reports a stem ending in a doubled consonant ("stopp").
func doubled(s string) bool {
	n := len(s)
	return n >= 4 && s[n-1] == s[n-2] && !isVowel(s[n-1])
}

// find looks a folded word up among the phrase words.
func (ix *matchIndex) find(w string) (term, bool) {
	k := ix.words.Index(w)
	if k < 0 {
		return term{}, false
	}
	if id := ix.ids[k]; id < 0 {
		return term{-id, false}, true
	}
	return term{ix.ids[k], true}, true
}

func (m *Matcher) next(n, term int32) int32 {
	nd := m.t.Nodes[int(n)*NodeSize:][:NodeSize]
	return childOf(m.t.Edges, int(nd[nodeLo]), int(nd[nodeHi]), term)
}

// childOf searches edges [lo, hi) of a node for term and returns the
// child it leads to, or 0.
func childOf(edges []int32, lo, hi int, term int32) int32 {
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		switch e := edges[2*h]; {
		case e == term:
			return edges[2*h+1]
		case e < term:
			lo = h + 1
		default:
			hi = h
		}
	}
	return 0
}

// Word returns the one-word phrase that the folded word w is, or is a
// regular inflection of ("guests" for the phrase "guest"), as its phrase
// id. It is a lookup for word lists that need no scan.
func (m *Matcher) Word(w string) (int, bool) {
	term, ok := m.lookup(w)
	if !ok {
		return 0, false
	}
	c := m.next(0, term)
	if c == 0 {
		return 0, false
	}
	out := m.t.Nodes[int(c)*NodeSize+nodeOut]
	return int(out - 1), out != 0
}

// Phrase returns the source text of phrase id.
func (m *Matcher) Phrase(id int) string { return m.t.Phrases[id] }

// Len is the number of phrases compiled.
func (m *Matcher) Len() int { return len(m.t.Phrases) }

// Scan appends to dst the leftmost-longest, non-overlapping matches in
// doc and returns the extended slice. With enough capacity in dst it does
// not allocate.
func (m *Matcher) Scan(doc *Doc, dst []Match) []Match {
	return m.scan(doc, dst, false)
}

// ScanOverlapping is like [Matcher.Scan] but reports the longest match
// starting at every token, so matches may overlap.
func (m *Matcher) ScanOverlapping(doc *Doc, dst []Match) []Match {
	return m.scan(doc, dst, true)
}

func (m *Matcher) scan(doc *Doc, dst []Match, overlap bool) []Match {
	toks := doc.Tokens
	w := walker{nodes: m.t.Nodes, edges: m.t.Edges, toks: toks, quantities: doc.Quantities}
	var buf [256]int32
	if len(toks) <= len(buf) {
		w.terms = buf[:len(toks)]
	} else {
		w.terms = make([]int32, len(toks))
	}
	ix := m.index()
	// Every token is looked up at least once, as a start: look them all
	// up in one tight loop first.
	for i := range toks {
		// lookup, written out for the usual case.
		w.terms[i] = 0
		if norm := toks[i].Norm; norm != "" {
			if k := ix.words.Index(norm); k >= 0 {
				w.terms[i] = max(ix.ids[k], -ix.ids[k])
			} else if t, ok := ix.inflected(norm); ok {
				w.terms[i] = t
			}
		}
	}
	root := ix.root
	nd := m.t.Nodes[:NodeSize]
	rootSlots := nd[nodeSlot] != 0 || nd[nodeSlot+1] != 0 || nd[nodeSlot+2] != 0 || nd[nodeSlot+3] != 0 || nd[nodeOut] != 0
	qi := 0 // index into doc.Quantities of the first quantity at or after i
	for i := 0; i < len(toks); {
		for qi < len(doc.Quantities) && doc.Quantities[qi].First < i {
			qi++
		}
		w.best, w.bestEnd = 0, 0
		if rootSlots {
			w.walk(0, i, qi)
		} else if term := w.terms[i]; term != 0 && int(term) < len(root) && root[term] != 0 {
			w.walk(root[term], i+1, qi) // what walk(0, i, qi) does with no slot at the root
		}
		best, bestEnd := w.best, w.bestEnd
		if best == 0 {
			i++
			continue
		}
		dst = append(dst, Match{ID: int(best - 1), Span: doc.TokenSpan(i, bestEnd), First: i, Last: bestEnd, Negated: m.negated(doc, i)})
		if overlap {
			i++
		} else {
			i = bestEnd
		}
	}
	return dst
}

// index returns the matcher's index, making it on first use.
func (m *Matcher) index() *matchIndex {
	m.ixOnce.Do(func() {
		ix := new(matchIndex)
		nd := m.t.Nodes[:NodeSize]
		edges := m.t.Edges[2*nd[nodeLo] : 2*nd[nodeHi]]
		top := int32(0)
		for k := 0; k < len(edges); k += 2 {
			top = max(top, edges[k])
		}
		ix.root = make([]int32, top+1)
		for k := 0; k < len(edges); k += 2 {
			ix.root[edges[k]] = edges[k+1]
		}
		words, ids := m.t.Terms, m.t.TermIDs
		if m.terms != nil {
			words, ids = make([]string, 0, len(m.terms)), make([]int32, 0, len(m.terms))
			for w, t := range m.terms {
				words = append(words, w)
				ids = append(ids, t.id)
				if !t.inflect {
					ids[len(ids)-1] = -t.id
				}
			}
		}
		ix.words, ix.ids = NewWordIndex(words), ids
		m.ix = ix
	})
	return m.ix
}

// walker is the state of one scan: the longest phrase found from the
// current start, and the term of every token (0 for none).
type walker struct {
	nodes, edges []int32 // the matcher's, held here to save a load
	toks         []Token
	quantities   []Quantity
	terms        []int32
	best         int32
	bestEnd      int
}

// walk follows the trie from node n at token i, recording the longest
// phrase end in best and bestEnd. Slot edges make it a small depth-first
// search; phrases are short, so the search is shallow. A node with no
// slot edges has one way on at most, which is followed in a loop rather
// than by a call.
func (w *walker) walk(n int32, i, qi int) {
	toks := w.toks
	for {
		node := w.nodes[int(n)*NodeSize:][:NodeSize]
		if out := node[nodeOut]; out != 0 && (i > w.bestEnd || w.best == 0) {
			w.best, w.bestEnd = out, i
		}
		if i >= len(toks) {
			return
		}
		if n != 0 {
			for i < len(toks) && isQuote(&toks[i]) {
				i++ // quotes inside a phrase are transparent
			}
			if i >= len(toks) {
				return
			}
		}
		c := int32(0)
		if lo, hi := int(node[nodeLo]), int(node[nodeHi]); hi > lo {
			if term := w.terms[i]; term != 0 {
				c = childOf(w.edges, lo, hi, term)
			}
		}
		s := node[nodeSlot : nodeSlot+4]
		if s[0]|s[1]|s[2]|s[3] == 0 {
			if c == 0 {
				return
			}
			n, i = c, i+1
			continue
		}
		if c != 0 {
			w.walk(c, i+1, qi)
		}
		t := &toks[i]
		if c := s[slotNumber-1]; c != 0 && t.Kind == Number {
			w.walk(c, i+1, qi)
		}
		if c := s[slotAny-1]; c != 0 && t.IsWord() {
			w.walk(c, i+1, qi)
		}
		if s[slotDuration-1] != 0 || s[slotQuantity-1] != 0 {
			for q := qi; q < len(w.quantities) && w.quantities[q].First <= i; q++ {
				if w.quantities[q].First != i {
					continue
				}
				qt := w.quantities[q]
				if c := s[slotQuantity-1]; c != 0 {
					w.walk(c, qt.Last, q+1)
				}
				if c := s[slotDuration-1]; c != 0 && qt.Dimension == Duration {
					w.walk(c, qt.Last, q+1)
				}
			}
		}
		return
	}
}

func isQuote(t *Token) bool { return t.Kind == Punct && (t.Norm == "\"" || t.Norm == "'") }

// negated reports whether a negator stands within the window before token
// i, in the same clause.
func (m *Matcher) negated(doc *Doc, i int) bool {
	window := m.t.Window
	if window < 0 {
		return false
	}
	words := 0
	for j := i - 1; j >= 0 && words < window; j-- {
		t := &doc.Tokens[j]
		if t.Kind == Punct {
			if hasClauseEnd(t.Norm) {
				return false
			}
			continue
		}
		if IsNegator(t.Norm) {
			return true
		}
		if t.Norm == "but" {
			return false
		}
		words++
	}
	return false
}

// IsNegator reports whether a folded word negates what follows it.
func IsNegator(w string) bool {
	switch w {
	case "not", "no", "never", "without", "nor", "neither", "cannot", "hardly", "nothing", "none", "nobody", "avoid", "avoids", "stop", "refuse", "refuses":
		return true
	}
	return strings.HasSuffix(w, "n't")
}
