// Package prose is the text engine shared by the domain packages of
// Purposeful: it normalises and tokenises short workplace text once, splits
// it into sentences, measures readability, finds quantities ("24 hours",
// "three rings") and matches thousands of phrases in one pass.
//
// Everything works on a [Doc], built once per text by [Parse]:
//
//	doc, err := prose.Parse("Greet every guest within 30 seconds.")
//	if err != nil { ... }            // empty, invalid UTF-8, too long
//	m := prose.MustCompile(prose.Phrases{"greet", "within DURATION"})
//	for _, hit := range m.Scan(doc, nil) {
//		fmt.Println(hit.ID, doc.Slice(hit.Span))
//	}
//
// Offsets are byte offsets into the original text ([Span.Start],
// [Span.End]) and UTF-16 code-unit offsets ([Span.Start16], [Span.End16]),
// which is how browsers index strings. Matching is done on folded text:
// lower case, curly quotes and dashes folded to ASCII.
//
// Rules are data: a [Matcher] is compiled once (callers keep it behind a
// sync.OnceValue) and never at package level, so importing this package
// costs nothing at start-up.
package prose
