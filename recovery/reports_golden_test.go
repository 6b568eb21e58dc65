package recovery

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/purposefulcx/purposeful/internal/golden"

	"github.com/stretchr/testify/require"
)

// corpusDrafts are every reply the package's tests hold (moves.txt,
// heldout.txt, labelled.json and the golden cases), each under its own
// situation, under that situation with every detail filled in on another
// channel, and as a reply to an abusive customer: what Review says about
// them is kept in testdata/golden/reports.txt.
func corpusDrafts(t *testing.T) (names []string, drafts []string, sits []Situation) {
	add := func(name, draft string, s Situation) {
		names, drafts, sits = append(names, name), append(drafts, draft), append(sits, s)
	}
	variants := func(name, draft string, s Situation, i int) {
		add(name+" own", draft, s)
		full := s
		full.Channel = Channel(i % len(channelNames))
		full.CustomerName, full.AgentName, full.Colleague = "Ms Okafor", "Lee", "my supervisor, Dana"
		full.Offers = []string{"a free night on your next stay", "store credit"}
		full.Times = []string{"4pm today", "9am tomorrow"}
		full.Policy, full.Issue = "refunds need a receipt", "your room was not ready"
		full.Repeat, full.CanEscalate = i%2 == 0, true
		add(name+" full", draft, full)
		add(name+" abusive", draft, Situation{State: Abusive, Channel: Channel((i + 1) % len(channelNames)), CanEscalate: i%3 == 0})
	}
	i := 0
	for _, file := range []string{"moves.txt", "heldout.txt"} {
		for _, r := range parseMarked(t, "testdata/"+file) {
			variants(fmt.Sprintf("%s:%d", file, r.line), r.text, r.s, i)
			i++
		}
	}
	for k, l := range loadLabelled(t) {
		sc, err := ScenarioByID(l.Scenario)
		require.NoError(t, err, l.Scenario)
		variants(fmt.Sprintf("labelled.json#%d", k), l.Reply, sc.Situation, i)
		i++
	}
	for _, tc := range goldenCases {
		variants(tc.name, tc.draft, tc.s, i)
		i++
	}
	return names, drafts, sits
}

// Review's reports on the whole corpus are kept: a line per report with
// its score, moves (with span and rule; left out when the same draft
// under the situation before had the same), missing moves, findings and
// needs, and a digest of the whole report as JSON (points, messages,
// suggestions, rewrite), so that a change meant only to make Review
// faster is shown to change nothing at all.
func TestReviewCorpusGolden(t *testing.T) {
	names, drafts, sits := corpusDrafts(t)
	require.Greater(t, len(drafts), 1000)
	var b strings.Builder
	lastMoves := ""
	b.WriteString("# Review on every reply of the test corpus: go test ./recovery -run TestReviewCorpusGolden -update\n")
	for k, draft := range drafts {
		r, err := Review(draft, sits[k])
		require.NoError(t, err, names[k])
		js, err := json.Marshal(r)
		require.NoError(t, err)
		sum := sha256.Sum256(js)
		fmt.Fprintf(&b, "%s score=%d sha=%s\n", names[k], r.Score, hex.EncodeToString(sum[:8]))
		var moves strings.Builder
		for _, m := range r.Moves {
			fmt.Fprintf(&moves, " %s@%d-%d(%s)", m.Move, m.Span.Start, m.Span.End, m.Rule)
		}
		if k == 0 || drafts[k-1] != draft || moves.String() != lastMoves {
			fmt.Fprintf(&b, "  moves:%s\n", moves.String())
		} // else the same moves as the line before
		lastMoves = moves.String()
		b.WriteString("  missing:")
		for _, m := range r.Missing {
			fmt.Fprintf(&b, " %s", m)
		}
		b.WriteString("\n  findings:")
		for _, f := range append(append([]Finding(nil), r.Order...), r.Findings...) {
			fmt.Fprintf(&b, " %s@%d-%d", f.Rule, f.Span.Start, f.Span.End)
		}
		fmt.Fprintf(&b, "\n  needs: %s\n", strings.Join(r.Needs, " "))
	}
	golden.Check(t, "testdata/golden/reports.txt", []byte(b.String()))
}

// Reviews running at the same time share the compiled rules and a pool
// of working memory: each must still give the report it gives alone.
func TestReviewConcurrentCorpus(t *testing.T) {
	_, drafts, sits := corpusDrafts(t)
	drafts, sits = drafts[:min(len(drafts), 300)], sits[:min(len(sits), 300)]
	want := make([]string, len(drafts))
	for k := range drafts {
		r, err := Review(drafts[k], sits[k])
		require.NoError(t, err)
		js, err := json.Marshal(r)
		require.NoError(t, err)
		want[k] = string(js)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range drafts {
				k := (i*7 + g*37) % len(drafts) // each goroutine in its own order
				r, err := Review(drafts[k], sits[k])
				if err != nil {
					errs <- err.Error()
					return
				}
				if js, _ := json.Marshal(r); string(js) != want[k] {
					errs <- fmt.Sprintf("draft %d: concurrent report differs", k)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
