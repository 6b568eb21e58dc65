package recovery

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzReview(f *testing.F) {
	for _, tc := range goldenCases {
		f.Add(tc.draft, uint8(tc.s.State), uint8(tc.s.Cause), uint8(tc.s.Channel), tc.s.CustomerName)
	}
	for _, l := range []string{"", " ", "\xff", "!!!!!", "SIR!!! NO!!!", "REFUNDS TAKE TIME. YOUR REFUND WILL ARRIVE SOON.", "SORRY! WE WILL FIX IT TODAY. THANKS", "sorry if sorry if sorry if", "I'll call you back. At", "é\u2019s 😞 on us"} {
		f.Add(l, uint8(0), uint8(0), uint8(2), "Ms X")
	}
	f.Fuzz(func(t *testing.T, draft string, state, cause, channel uint8, name string) {
		s := Situation{State: State(state % 5), Cause: Cause(cause % 6), Channel: Channel(channel % 5), CustomerName: name}
		r, err := Review(draft, s)
		if err != nil {
			if r != nil {
				t.Fatal("report with an error")
			}
			return
		}
		if !utf8.ValidString(draft) || strings.TrimSpace(draft) == "" {
			t.Fatalf("accepted bad draft %q", draft)
		}
		check := func(what string, sp Span) {
			if sp.Start < 0 || sp.End > len(draft) || sp.Start > sp.End {
				t.Fatalf("%s span %+v outside a %d-byte draft", what, sp, len(draft))
			}
			if !utf8.ValidString(draft[sp.Start:sp.End]) {
				t.Fatalf("%s span %+v splits a character", what, sp)
			}
		}
		for _, m := range r.Moves {
			check(m.Move.String(), m.Span)
		}
		for _, f := range append(r.Findings, r.Order...) {
			check(f.Rule, f.Span)
		}
		if r.Score < 0 || r.Score > 100 {
			t.Fatalf("score %d", r.Score)
		}
		sum := 0
		for _, p := range r.Points {
			sum += p.Points
		}
		if sum != r.Score {
			t.Fatalf("points add to %d, score %d", sum, r.Score)
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzRender(f *testing.F) {
	f.Add("apologise-name-ask", "Ms Okafor", "store credit")
	f.Add("policy-and-alternative", "", "{name}")
	f.Add("nope", "x", "y")
	f.Add("offer-can-do", "\xff", "}{")
	f.Fuzz(func(t *testing.T, id, name, alt string) {
		values := Slots{"name": name, "alternative": alt, "policy": alt, "times": name}
		out, err := Render(id, values)
		if err != nil {
			return
		}
		p, perr := PhraseByID(id)
		if perr != nil {
			t.Fatalf("rendered an unknown phrase %q", id)
		}
		for _, s := range p.Slots {
			if strings.TrimSpace(values[s]) == "" {
				t.Fatalf("rendered %q with slot %s empty", id, s)
			}
		}
		if len(p.Slots) == 0 && out != p.Text {
			t.Fatalf("a phrase without slots changed: %q", out)
		}
	})
}
