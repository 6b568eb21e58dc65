package purpose

import (
	"encoding/json"
	"errors"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

var fuzzSeeds = []string{
	"Travellers arrive with everything they need for their trip.",
	"Load and unload bags on the aircraft.",
	"Guests 👨‍👩‍👧 feel at home — from the café to the suite 😊.",
	"Les clients se sentent bienvenus à l'hôtel; patients feel cared for.",
	"Make guests feel “welcome” within 30 seconds, never later!!!",
	"Hit our KPI targets… hopefully.",
	"Walk the guest to the lift",
	"use the guest's name",
	"\xff\xfe invalid",
	"",
	"   ",
	"𝒢𝓊𝑒𝓈𝓉𝓈 feel safe",
}

// checkSpan fails unless s lies inside text with correct UTF-16 offsets.
func checkSpan(t *testing.T, text string, s Span) {
	t.Helper()
	if s.Start < 0 || s.End > len(text) || s.Start > s.End {
		t.Fatalf("span %+v outside text of %d bytes", s, len(text))
	}
	if want := len(utf16.Encode([]rune(text[:s.Start]))); s.Start16 != want {
		t.Fatalf("span %+v: Start16 want %d", s, want)
	}
	if want := len(utf16.Encode([]rune(text[:s.End]))); s.End16 != want {
		t.Fatalf("span %+v: End16 want %d", s, want)
	}
}

// checkInputError fails unless err is the input error text deserves.
func checkInputError(t *testing.T, text string, err error) bool {
	t.Helper()
	switch {
	case text == "":
		if !errors.Is(err, ErrEmpty) {
			t.Fatalf("empty text: %v", err)
		}
	case len(text) > MaxLen:
		if !errors.Is(err, ErrTooLong) {
			t.Fatalf("long text: %v", err)
		}
	case !utf8.ValidString(text):
		var ie *InputError
		if !errors.Is(err, ErrInvalidUTF8) || !errors.As(err, &ie) || ie.Offset < 0 || ie.Offset >= len(text) {
			t.Fatalf("invalid UTF-8: %v", err)
		}
	case err != nil && !errors.Is(err, ErrBlank):
		t.Fatalf("unexpected error: %v", err)
	}
	return err == nil
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, err := Analyze(text)
		if !checkInputError(t, text, err) {
			return
		}
		if a.Score < 0 || a.Score > 100 {
			t.Fatalf("score %d", a.Score)
		}
		sum := 0
		for _, p := range a.Points {
			sum += p.Points
		}
		if sum != a.Score {
			t.Fatalf("points add up to %d, score %d", sum, a.Score)
		}
		for _, ts := range [][]Term{a.Beneficiaries, a.Outcomes, a.Tasks, a.Internal, a.Hedges, a.Jargon} {
			for _, term := range ts {
				checkSpan(t, text, term.Span)
				if text[term.Span.Start:term.Span.End] != term.Text {
					t.Fatalf("term %q does not match its span", term.Text)
				}
			}
		}
		for _, fd := range a.Findings {
			checkSpan(t, text, fd.Span)
		}
		b, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		var back Analysis
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatal(err)
		}
		if back.Score != a.Score || back.Verdict != a.Verdict || len(back.Findings) != len(a.Findings) {
			t.Fatal("JSON round trip changed the analysis")
		}
	})
}

func FuzzClassify(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, item string) {
		c, err := Classify(item)
		if !checkInputError(t, item, err) {
			return
		}
		if c.Kind > Function || c.Confidence < 0 || c.Confidence > 1 || len(c.Reasons) == 0 {
			t.Fatalf("bad classification %+v", c)
		}
		for _, s := range c.Evidence {
			checkSpan(t, item, s)
		}
	})
}

func FuzzClimb(f *testing.F) {
	f.Add("Load bags.", "So the bags fly.", "So travellers arrive with their bags.")
	f.Add("Answer calls 📞.", "\xff", "")
	f.Fuzz(func(t *testing.T, function, a1, a2 string) {
		c, err := Ladder{MaxDepth: 2}.Climb(function, a1, a2)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("not an input error: %v", err)
			}
			return
		}
		if len(c.Rungs) == 0 || len(c.Rungs) > 3 || c.Depth > 2 {
			t.Fatalf("bad climb: %d rungs, depth %d", len(c.Rungs), c.Depth)
		}
		if (c.State == ClimbReached) != (c.Purpose != "") {
			t.Fatalf("state %s with purpose %q", c.State, c.Purpose)
		}
	})
}
