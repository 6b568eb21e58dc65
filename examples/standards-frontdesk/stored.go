package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/store/sqlite"
)

// storedLoop is the story replayed through the API's stored loop.
type storedLoop struct {
	people, observations int
	history              []string // the disputed observation's steps
	report               standards.Report
	same                 bool // the stored report equals the library's
}

// loopClient calls the API in process, as one caller at a time would over
// HTTP, at the story's clock.
type loopClient struct{ h http.Handler }

func (c loopClient) do(method, path, token string, body, out any) error {
	var rd bytes.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd.Reset(b)
	}
	r := httptest.NewRequest(method, "/v1/accountability"+path, &rd)
	r.Header.Set("Authorization", "Bearer "+token)
	if body != nil {
		r.Header.Set("Content-Type", "application/json")
	}
	w := httptest.NewRecorder()
	c.h.ServeHTTP(w, r)
	if w.Code >= 300 {
		return fmt.Errorf("%s %s: %d %s", method, path, w.Code, strings.TrimSpace(w.Body.String()))
	}
	if out != nil {
		return json.Unmarshal(w.Body.Bytes(), out)
	}
	return nil
}

// stored runs the loop of the story against a local server in this
// process (the API over SQLite in a temporary folder): the organisation
// adds its people and saves the book, each observer records their
// observations with their own role token as the check-ins happen, the
// observed agent disputes the mystery shopper's name-use rating and the
// organisation overturns it, and the stored report is read back.
func (s *story) stored() (*storedLoop, error) {
	dir, err := os.MkdirTemp("", "standards-frontdesk-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "loop.sqlite"))
	if err != nil {
		return nil, err
	}
	defer st.DB().Close()
	key, k, err := api.NewAPIKey("harbourlight", nil)
	if err != nil {
		return nil, err
	}
	now := start
	c := loopClient{h: api.New(api.Config{Store: st, APIKeys: []api.APIKey{k}, Now: func() time.Time { return now }})}
	out := &storedLoop{}

	// People: the observers and the agents, by the ids the hotel chose.
	roles := map[string]string{"maya": "supervisor", "tom": "observer", "quinn": "observer"}
	teams := map[string]string{"maya": "frontdesk", "tom": "frontdesk", "quinn": "frontdesk"}
	for _, o := range s.book.Observations {
		if roles[o.Subject] == "" {
			roles[o.Subject], teams[o.Subject] = "staff", o.Team
		}
	}
	ids := make([]string, 0, len(roles))
	for id := range roles {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	tokens := map[string]string{}
	for _, id := range ids {
		var p struct{ Token string }
		if err := c.do(http.MethodPut, "/people/"+id, key, map[string]string{"role": roles[id], "team": teams[id]}, &p); err != nil {
			return nil, err
		}
		tokens[id] = p.Token
	}
	out.people = len(ids)

	b := s.book
	if err := c.do(http.MethodPut, "/books/checkin", tokens["maya"], map[string]any{"team": "frontdesk", "purpose": b.Purpose,
		"priorities": b.Priorities, "standards": b.Standards, "scorecards": b.Scorecards}, nil); err != nil {
		return nil, err
	}

	// Each observation as its observer records it, in the order of the day.
	obs := append([]standards.Observation(nil), b.Observations...)
	sort.SliceStable(obs, func(i, j int) bool { return obs[i].At.Before(obs[j].At) })
	var disputed *standards.Observation
	for i := range obs {
		o := obs[i]
		if o.Dispute != nil {
			disputed = &obs[i]
			o.Dispute = nil
		}
		o.Ratings = s.recorded(o)
		now = o.At.Add(15 * time.Minute)
		req := struct {
			Book string `json:"book"`
			standards.Observation
		}{"checkin", o}
		if err := c.do(http.MethodPost, "/observations", tokens[o.Observer], req, nil); err != nil {
			return nil, err
		}
		out.observations++
	}

	// The dispute: the agent observed disputes one rating, and the
	// organisation overturns it to the value the recording showed.
	if disputed != nil {
		d := disputed.Dispute
		std, value := changedRating(s.recorded(*disputed), disputed.Ratings)
		now = d.At
		if err := c.do(http.MethodPost, "/observations/"+disputed.ID+"/dispute", tokens[disputed.Subject],
			map[string]string{"standard": std, "reason": d.Comment}, nil); err != nil {
			return nil, err
		}
		now = d.ResolvedAt
		if err := c.do(http.MethodPost, "/observations/"+disputed.ID+"/resolve", key,
			map[string]any{"outcome": "overturned", "value": value, "note": d.Note}, nil); err != nil {
			return nil, err
		}
		var h struct {
			Steps []struct {
				Kind string `json:"kind"`
				By   string `json:"by"`
			} `json:"history"`
		}
		if err := c.do(http.MethodGet, "/observations/"+disputed.ID+"/history", tokens["maya"], nil, &h); err != nil {
			return nil, err
		}
		for _, step := range h.Steps {
			out.history = append(out.history, step.Kind+" by "+step.By)
		}
	}

	if err := c.do(http.MethodGet, "/books/checkin/report", tokens["maya"], nil, &out.report); err != nil {
		return nil, err
	}
	out.same = sameFigures(out.report, *s.report)
	return out, nil
}

// recorded is an observation's ratings as its observer first recorded
// them, before any dispute changed them.
func (s *story) recorded(o standards.Observation) []standards.Rating {
	if o.Dispute != nil && len(o.Dispute.Original) > 0 {
		return append([]standards.Rating(nil), o.Dispute.Original...)
	}
	return append([]standards.Rating(nil), o.Ratings...)
}

// changedRating is the one rating a resolution changed, and its new value.
func changedRating(before, after []standards.Rating) (string, int) {
	for i := range before {
		if i < len(after) && before[i].Value != after[i].Value {
			return after[i].Standard, after[i].Value
		}
	}
	return before[0].Standard, before[0].Value
}

// sameFigures compares what a team leader reads in two reports: the
// overall, per standard and per person counts and rates. Rates are
// compared to nine decimals: the store adds its tallies in another order.
func sameFigures(a, b standards.Report) bool {
	return reflect.DeepEqual(rounded(a), rounded(b))
}

func rounded(r standards.Report) standards.Report {
	round := func(v float64) float64 { return math.Round(v*1e9) / 1e9 }
	sum := func(s standards.Summary) standards.Summary {
		s.Quality, s.PassRate, s.Compliance = round(s.Quality), round(s.PassRate), round(s.Compliance)
		return s
	}
	out := standards.Report{Overall: sum(r.Overall)}
	for _, p := range r.People {
		out.People = append(out.People, sum(p))
	}
	for _, l := range r.Standards {
		l.Compliance, l.MeanScore = round(l.Compliance), round(l.MeanScore)
		out.Standards = append(out.Standards, l)
	}
	return out
}

func (l *storedLoop) markdown() string {
	var w strings.Builder
	fmt.Fprintf(&w, "# The loop, stored\n\nThe same story through the API on a local SQLite store: %d people with role tokens, the book saved by the duty manager, %d observations recorded by their observers.\n\n", l.people, l.observations)
	if len(l.history) > 0 {
		fmt.Fprintf(&w, "The disputed observation's history: %s.\n\n", strings.Join(l.history, "; "))
	}
	same := "no"
	if l.same {
		same = "yes"
	}
	fmt.Fprintf(&w, "The stored report equals what `standards` computes from the same data: %s.\n\n", same)
	w.WriteString(demote(l.report.Markdown()))
	return w.String()
}
