package prose_test

import (
	"fmt"

	"github.com/purposefulcx/purposeful/internal/prose"
)

func Example() {
	doc, err := prose.Parse("Answer within three rings. Reply promptly, and don’t say “calm down”.")
	if err != nil {
		panic(err)
	}
	m := prose.MustCompile([]string{"within QUANTITY", "promptly", "calm down"})
	for _, hit := range m.Scan(doc, nil) {
		fmt.Printf("%-16s %q negated=%v utf16=[%d,%d)\n", m.Phrase(hit.ID), doc.Slice(hit.Span), hit.Negated, hit.Span.Start16, hit.Span.End16)
	}
	// Output:
	// within QUANTITY  "within three rings" negated=false utf16=[7,25)
	// promptly         "promptly" negated=false utf16=[33,41)
	// calm down        "calm down" negated=true utf16=[58,67)
}

func ExampleDoc_Readability() {
	doc, _ := prose.Parse("We greet each guest by name. Smile warmly.")
	r := doc.Readability()
	fmt.Printf("%d words, %d sentences, reading ease %.1f, grade %.1f, low confidence %v\n",
		r.Words, r.Sentences, r.FleschReadingEase, r.FleschKincaidGrade, r.LowConfidence)
	// Output: 8 words, 2 sentences, reading ease 107.6, grade -0.8, low confidence true
}

func ExampleDoc_Quantities() {
	doc, _ := prose.Parse("Greet guests within 10 feet and reply within 24 hours.")
	for _, q := range doc.Quantities {
		fmt.Println(doc.Slice(q.Span), "=", q.Value, q.Unit, q.Dimension)
	}
	// Output:
	// 10 feet = 10 foot distance
	// 24 hours = 24 hour duration
}
