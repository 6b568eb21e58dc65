package recovery

import (
	"strings"
	"testing"
)

// reply150 is a realistic reply of about 150 words.
const reply150 = `Dear Ms Okafor, thank you for taking the time to write to us, and I'm so sorry your room was not ready when you arrived after such a long journey. That must have been exhausting, and you deserved better. We got this wrong. I have already moved you to a suite on the fifth floor, and as a gesture of goodwill I'd like to offer a free night on your next stay. The reason it happened is that our housekeeping schedule did not allow for early arrivals, and I've logged what happened so the team can find out why and stop it happening to anyone else. I will call you at 4pm today, or 9am tomorrow if that suits you better, to make sure everything is fine. If anything else was not right during your stay, I would genuinely like to hear about it. Kind regards, Lee`

func BenchmarkReview(b *testing.B) {
	s := Situation{State: Angry, Cause: OurError, Severity: Major, Channel: Email, CustomerName: "Ms Okafor",
		Offers: []string{"a free night on your next stay"}, Times: []string{"4pm today", "9am tomorrow"}}
	for _, size := range []struct {
		name  string
		draft string
	}{
		{"words=25", "I'm sorry you feel that way. Our policy is that rooms are ready at 3pm. We will get back to you soon!!!"},
		{"words=150", reply150},
		{"words=600", strings.Repeat(reply150+"\n\n", 4)},
	} {
		b.Run(size.name, func(b *testing.B) {
			if _, err := Review(size.draft, s); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetBytes(int64(len(size.draft)))
			c0, ok := cpuTime()
			for b.Loop() {
				if _, err := Review(size.draft, s); err != nil {
					b.Fatal(err)
				}
			}
			if c1, _ := cpuTime(); ok {
				b.ReportMetric(float64(c1-c0)/float64(b.N), "cpu-ns/op")
			}
		})
	}
}

// BenchmarkReviewParallel reviews the 150-word reply on every core at
// once (b.RunParallel), the way Vale spreads documents over the cores:
// its ns/op is wall time per document with the whole machine, the figure
// .ci/report-vale.sh sets beside Vale's.
func BenchmarkReviewParallel(b *testing.B) {
	s := Situation{State: Angry, Cause: OurError, Severity: Major, Channel: Email, CustomerName: "Ms Okafor",
		Offers: []string{"a free night on your next stay"}, Times: []string{"4pm today", "9am tomorrow"}}
	b.Run("words=150", func(b *testing.B) {
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				if _, err := Review(reply150, s); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
}

func BenchmarkPlan(b *testing.B) {
	s := Situation{State: Angry, Cause: OurError, Severity: Major, Channel: Email, CustomerName: "Ms Okafor",
		Offers: []string{"a free night on your next stay"}, Times: []string{"4pm today", "9am tomorrow"}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Plan(s); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	v := Slots{"policy": "refunds need a receipt", "alternative": "store credit"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render("policy-and-alternative", v); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFirstUse(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		buildCues()
	}
}

func TestReply150IsAbout150Words(t *testing.T) {
	r, err := Review(reply150, Situation{})
	if err != nil {
		t.Fatal(err)
	}
	n := len(strings.Fields(reply150))
	if n < 140 || n > 160 {
		t.Fatalf("reply150 has %d words", n)
	}
	if len(r.Moves) < 8 {
		t.Fatalf("reply150 should show many moves, found %d", len(r.Moves))
	}
}
