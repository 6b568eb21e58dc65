package purpose

import (
	"slices"
	"strconv"
	"sync"

	"github.com/purposefulcx/purposeful/internal/prose"
)

// ItemKind is what a grid item or a line of a job description is: job
// knowledge, a job skill, a purposeful action, a purposeful behaviour or a
// job function. The zero value is KindUnknown. It encodes to JSON as its
// name ("", "knowledge", "skill", "action", "behaviour", "function").
type ItemKind uint8

// Item kinds. See [Distinctions] for what each one means.
const (
	KindUnknown ItemKind = iota
	Knowledge            // what someone must know: room types, rates, the loyalty programme
	Skill                // what someone must be able to do: run the reservation system, take payment
	Action               // a discrete, observable thing done once: walk the guest to the lift
	Behaviour            // a manner repeated across encounters: use the guest's name, speak warmly
	Function             // a duty of the job description: check guests in, load bags
)

var kindNames = [...]string{"", "knowledge", "skill", "action", "behaviour", "function"}

// String returns the kind's name; KindUnknown is "".
func (k ItemKind) String() string { return nameOf(kindNames[:], int(k), "kind") }

// MarshalText encodes the kind as its name.
func (k ItemKind) MarshalText() ([]byte, error) {
	return marshalName(kindNames[:], int(k), "item kind")
}

// UnmarshalText decodes a kind name. "behavior" is accepted for
// "behaviour".
func (k *ItemKind) UnmarshalText(b []byte) error {
	s := string(b)
	if s == "behavior" {
		s = "behaviour"
	}
	for i, n := range kindNames {
		if s == n {
			*k = ItemKind(i)
			return nil
		}
	}
	return unknownName("item kind " + strconv.Quote(string(b)) + " (want knowledge, skill, action, behaviour or function)")
}

// Classification is the verdict of [Classify] on one item: its kind, how
// sure the classifier is (0 to 1), whether it is something you could see
// or hear someone do, the reasons in plain words and the words that gave
// it away.
type Classification struct {
	Kind       ItemKind `json:"kind"`
	Confidence float64  `json:"confidence"`
	Observable bool     `json:"observable"`
	Reasons    []string `json:"reasons"`
	Evidence   []Span   `json:"evidence,omitempty"`
}

// Classify says whether item is job knowledge, a job skill, an action, a
// behaviour or a job function, with the reasons. It reads cue phrases
// ("know", "able to", "walk the guest to", "warmly", "responsible for")
// and the shape of the item (a bare noun phrase is something to know).
// An item with no cue at all is KindUnknown with confidence 0.
//
// Bad input (empty, blank, invalid UTF-8, over [MaxLen] bytes) returns an
// [*InputError].
func Classify(item string) (Classification, error) {
	doc, err := prose.Parse(item)
	if err != nil {
		return Classification{}, err
	}
	return classifyDoc(doc), nil
}

// kindScore accumulates the weight of the cues seen for one kind.
type kindScore struct {
	weight  float64
	reasons []string
	spans   []Span
}

func classifyDoc(doc *prose.Doc) Classification {
	cl := classifier()
	var scores [len(kindNames)]kindScore
	var buf [16]prose.Match
	matches := cl.matcher.Scan(doc, buf[:0])
	inner, observableVerb := false, false
	var innerSpan Span
	for _, m := range matches {
		c := classifyCues[m.ID]
		if c.inner {
			inner = true
			innerSpan = m.Span
		}
		if c.seen {
			observableVerb = true
		}
		if c.kind == KindUnknown {
			continue
		}
		s := &scores[c.kind]
		s.weight += c.weight
		if !slices.Contains(s.reasons, c.reason) {
			s.reasons = append(s.reasons, c.reason)
		}
		s.spans = append(s.spans, m.Span)
	}
	// Shape: the opening words decide close calls. An item that opens with
	// a subject rather than a verb ("Breakfast times and where it is
	// served") is something to know, whatever verbs follow.
	if head := headToken(doc); head >= 0 {
		opening := KindUnknown
		for _, m := range matches {
			if m.First <= head && head < m.Last {
				opening = classifyCues[m.ID].kind
				break
			}
		}
		switch {
		case opening != KindUnknown:
			scores[opening].weight += 0.5
		case !cl.isVerb(doc.Tokens[head].Norm):
			s := &scores[Knowledge]
			s.weight += 1.5
			s.reasons = append(s.reasons, "opens with a subject ("+strconv.Quote(doc.Tokens[head].Text)+"), not with something to do, so it reads as something to know")
			s.spans = append(s.spans, doc.Tokens[head].Span)
		}
	}
	best, total := KindUnknown, 0.0
	for k := Knowledge; k <= Function; k++ {
		total += scores[k].weight
		if scores[k].weight > scores[best].weight || (best == KindUnknown && scores[k].weight > 0) {
			best = k
		}
	}
	if best == KindUnknown {
		return Classification{Reasons: []string{"no cue for knowledge, skill, action, behaviour or function was found"}}
	}
	s := scores[best]
	conf := s.weight / (total + 0.5)
	out := Classification{Kind: best, Confidence: round2(conf), Reasons: slices.Clone(s.reasons), Evidence: s.spans}
	switch best {
	case Action, Behaviour, Function:
		out.Observable = !inner
	case Skill:
		out.Observable = observableVerb && !inner
	}
	if inner {
		out.Reasons = append(out.Reasons, strconv.Quote(doc.Slice(innerSpan))+" describes a feeling or attitude, which nobody can see; say what someone would see or hear")
	} else if out.Observable {
		out.Reasons = append(out.Reasons, "someone could see or hear it being done")
	}
	for k := Knowledge; k <= Function; k++ {
		if k != best && scores[k].weight > 0 && scores[k].weight >= s.weight*0.6 {
			out.Reasons = append(out.Reasons, "it also reads a little like "+kindPhrases[k]+": it "+scores[k].reasons[0])
		}
	}
	prose.SortSpans(out.Evidence)
	return out
}

// kindPhrases name each kind with its article, for reasons.
var kindPhrases = [...]string{"", "job knowledge", "a job skill", "an action", "a behaviour", "a job function"}

func round2(f float64) float64 { return float64(int(f*100+0.5)) / 100 }

// headToken returns the index of the item's first word after a modal,
// a pronoun or a frequency word ("to", "can", "we", "always"), or -1.
func headToken(doc *prose.Doc) int {
	for i, t := range doc.Tokens {
		if t.Kind != prose.Word {
			continue
		}
		switch t.Norm {
		case "to", "can", "will", "must", "should", "i", "we", "they", "he", "she", "you", "always", "never", "please":
			continue
		}
		return i
	}
	return -1
}

func (c *compiledClassifier) isVerb(w string) bool {
	_, ok := c.verbs.Word(w)
	return ok
}

// classifyCue is one phrase that points at a kind. inner marks words for
// feelings and attitudes (not observable); seen marks verbs you can watch.
type classifyCue struct {
	phrase string
	kind   ItemKind
	weight float64
	reason string
	inner  bool
	seen   bool
}

type compiledClassifier struct {
	matcher *prose.Matcher // phrase i is classifyCues[i]
	verbs   *prose.Matcher // one-word phrases: verbWords and their inflections
}

// classifier loads the classifier's matchers from tables.go (see
// compiledLexicon).
var classifier = sync.OnceValue(func() *compiledClassifier {
	c := &compiledClassifier{matcher: prose.Load(classifyTables), verbs: prose.Load(verbTables)}
	if c.matcher.Len() != len(classifyCues) || c.verbs.Len() != len(verbWords) {
		panic("purpose: tables.go is stale: run go test ./purpose -run TestTablesFresh -update")
	}
	return c
})

// compileClassifier compiles the classifier's lists at run time;
// TestTablesFresh generates tables.go from it.
func compileClassifier() *compiledClassifier {
	phrases := make([]string, len(classifyCues))
	for i, c := range classifyCues {
		phrases[i] = c.phrase
	}
	return &compiledClassifier{matcher: prose.MustCompile(phrases), verbs: prose.MustCompile(verbWords)}
}
