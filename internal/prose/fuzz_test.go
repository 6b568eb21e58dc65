package prose

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"Greet every guest within 30 seconds.",
	"Don’t say “calm down” — NEVER!!!",
	"Café 😀 naïve 👍🏽 10:30 a.m. $20, 80%",
	"ok \xff\xfe broken",
	"e.g. i.e. Mr. 1,000.5 24-hour 3h\n- item\n\nnext",
	"",
	"'\"-‘’…",
	"E.G. e.G. A.M. I’M FINE Check-IN 24H ÉCOLE x’s",
}

// FuzzAnalyze checks that any input, valid UTF-8 or not, tokenises without
// panicking, that every span lies inside the text and in order, and that
// UTF-16 offsets agree with a direct count for valid text.
func FuzzAnalyze(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	m := MustCompile([]string{"greet", "within DURATION", "calm down", "QUANTITY", "* guest", "NUMBER"})
	f.Fuzz(func(t *testing.T, text string) {
		_, err := Parse(text)
		if !utf8.ValidString(text) && err == nil {
			t.Fatalf("invalid UTF-8 accepted")
		}
		d := Analyze(text)
		prev := 0
		for _, tk := range d.Tokens {
			if tk.Span.Start < prev || tk.Span.End <= tk.Span.Start || tk.Span.End > len(text) {
				t.Fatalf("bad token span %+v in %q", tk.Span, text)
			}
			prev = tk.Span.End
			// (a backquote is kept in a token, though Normalize folds it)
			if utf8.ValidString(text) && !strings.Contains(tk.Text, "`") && tk.Norm != Normalize(tk.Text) {
				t.Fatalf("token %q has Norm %q, want its folded form %q", tk.Text, tk.Norm, Normalize(tk.Text))
			}
			if utf8.ValidString(text) {
				if want := len(utf16.Encode([]rune(text[:tk.Span.Start]))); want != tk.Span.Start16 {
					t.Fatalf("start16 %d, want %d", tk.Span.Start16, want)
				}
			}
		}
		for _, s := range d.Sentences {
			if s.First >= s.Last || s.Span.End > len(text) {
				t.Fatalf("bad sentence %+v", s)
			}
		}
		for _, q := range d.Quantities {
			if q.Span.Start < 0 || q.Span.End > len(text) || q.First >= q.Last {
				t.Fatalf("bad quantity %+v", q)
			}
		}
		for _, x := range m.Scan(d, nil) {
			if x.Span.Start < 0 || x.Span.End > len(text) || x.Span.Start > x.Span.End {
				t.Fatalf("bad match span %+v", x.Span)
			}
		}
		_ = d.Readability()
		_ = d.Terms()
	})
}

// FuzzCompile checks that any phrase list compiles or fails with an
// error, never a panic, and that a compiled phrase finds itself.
func FuzzCompile(f *testing.F) {
	f.Add("greet the guest", "within DURATION")
	f.Add("", "*")
	f.Add("sorry you feel", "sorry you feel")
	f.Fuzz(func(t *testing.T, a, b string) {
		if !utf8.ValidString(a) || !utf8.ValidString(b) {
			return
		}
		m, err := Compile([]string{a, b})
		if err != nil {
			return
		}
		if slotOnly(a) {
			return
		}
		found := false
		for _, x := range m.Scan(Analyze(a), nil) {
			found = found || x.First == 0
		}
		if !found && len(Analyze(a).Tokens) > 0 {
			t.Fatalf("phrase %q does not match its own text", a)
		}
	})
}

func slotOnly(p string) bool {
	for _, t := range Analyze(p).Tokens {
		if slotOf(t.Text) != slotNone || t.Kind == Punct {
			return true
		}
	}
	return false
}

// FuzzClauses checks that clauses cover tokens inside their sentence, in
// order, with the subject and verb inside the text's tokens.
func FuzzClauses(f *testing.F) {
	for _, s := range append(fuzzSeeds, "I'm sorry we sent you the wrong size. I've posted the right one and it'll be there by 9am.",
		"Can I offer you a refund, or would you like me to send a new one?", "the flight we sold you was cancelled so orders are late") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := Analyze(text)
		prev := 0
		for _, c := range d.Clauses() {
			if c.First < prev || c.First >= c.Last || c.Last > len(d.Tokens) {
				t.Fatalf("bad clause %+v in %q", c, text)
			}
			prev = c.First
			if c.Subject >= len(d.Tokens) || c.Verb >= len(d.Tokens) || c.Verb >= 0 && c.Verb < c.First {
				t.Fatalf("bad subject or verb %+v in %q", c, text)
			}
		}
	})
}
