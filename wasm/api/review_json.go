package api

import (
	"strconv"

	"github.com/purposefulcx/purposeful/internal/jsontext"
	"github.com/purposefulcx/purposeful/recovery"
)

// POST /v1/recovery/review is the worker's hottest route, and on a kept
// Go instance encoding/json's reflection (three passes over the body in
// decodeStrict, one over the report) costs more than the review itself.
// This file reads the request and writes the report by hand, with the
// same result as the general path:
//
//   - decodeReview accepts only bodies it reads exactly as decodeStrict
//     would (known keys, once each, in their exact case, values of the
//     expected JSON types); for anything else it says so, and the handler
//     falls back to decodeStrict, so every refusal keeps its problem
//     document;
//   - appendReport writes the bytes json.Marshal writes (HTML-safe string
//     escapes, nil slices as null, omitempty fields left out).
//
// The tests hold both to encoding/json over many bodies and reports.

// decodeReview reads a review request from body, which readBody has
// checked (valid UTF-8, bounded size and depth). ok is false when the
// body is not one it can read as decodeStrict would.
func decodeReview(body []byte) (reviewRequest, bool) {
	var req reviewRequest
	s := jsonScan{b: body}
	ok := s.object(func(key string) bool {
		switch key {
		case "draft":
			var ok bool
			req.Draft, ok = s.str()
			return ok
		case "situation":
			return s.situation(&req.Situation)
		}
		return false
	}, 2)
	if !ok || !s.end() {
		return reviewRequest{}, false
	}
	return req, true
}

// situation reads a recovery.Situation object into sit.
func (s *jsonScan) situation(sit *recovery.Situation) bool {
	var ok bool
	return s.object(func(key string) bool {
		switch key {
		case "state":
			return s.text(sit.State.UnmarshalText)
		case "cause":
			return s.text(sit.Cause.UnmarshalText)
		case "severity":
			return s.text(sit.Severity.UnmarshalText)
		case "channel":
			return s.text(sit.Channel.UnmarshalText)
		case "language":
			return s.text(sit.Language.UnmarshalText)
		case "repeat":
			sit.Repeat, ok = s.boolean()
		case "canEscalate":
			sit.CanEscalate, ok = s.boolean()
		case "offers":
			sit.Offers, ok = s.strings()
		case "times":
			sit.Times, ok = s.strings()
		case "colleague":
			sit.Colleague, ok = s.str()
		case "customerName":
			sit.CustomerName, ok = s.str()
		case "agentName":
			sit.AgentName, ok = s.str()
		case "issue":
			sit.Issue, ok = s.str()
		case "policy":
			sit.Policy, ok = s.str()
		default:
			return false
		}
		return ok
	}, 14)
}

// jsonScan reads JSON from b, front to back. Its methods report false on
// anything they do not read exactly as encoding/json would.
type jsonScan struct {
	b []byte
	i int
}

func (s *jsonScan) space() { s.i = jsontext.SkipSpace(s.b, s.i) }

// next skips white space and reads the byte c.
func (s *jsonScan) next(c byte) bool {
	s.space()
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// end reports whether only white space is left.
func (s *jsonScan) end() bool {
	s.space()
	return s.i == len(s.b)
}

// object reads an object whose values field reads, key by key. A key
// given twice, or more than keys keys, is refused (the general path
// names the duplicate).
func (s *jsonScan) object(field func(key string) bool, keys int) bool {
	if !s.next('{') {
		return false
	}
	if s.next('}') {
		return true
	}
	seen := make([]string, 0, keys)
	for {
		s.space()
		k, ok := s.str()
		if !ok || len(seen) == keys || !s.next(':') {
			return false
		}
		for _, o := range seen {
			if o == k {
				return false
			}
		}
		seen = append(seen, k)
		s.space()
		if !field(k) {
			return false
		}
		if s.next('}') {
			return true
		}
		if !s.next(',') {
			return false
		}
	}
}

// text reads a string and hands it to an UnmarshalText method.
func (s *jsonScan) text(unmarshal func([]byte) error) bool {
	v, ok := s.str()
	return ok && unmarshal([]byte(v)) == nil
}

func (s *jsonScan) boolean() (bool, bool) {
	s.space()
	rest := s.b[s.i:]
	switch {
	case len(rest) >= 4 && string(rest[:4]) == "true":
		s.i += 4
		return true, true
	case len(rest) >= 5 && string(rest[:5]) == "false":
		s.i += 5
		return false, true
	}
	return false, false
}

// strings reads an array of strings; [] is an empty, non-nil slice, as
// encoding/json makes it.
func (s *jsonScan) strings() ([]string, bool) {
	if !s.next('[') {
		return nil, false
	}
	out := []string{}
	if s.next(']') {
		return out, true
	}
	for {
		s.space()
		v, ok := s.str()
		if !ok {
			return nil, false
		}
		out = append(out, v)
		if s.next(']') {
			return out, true
		}
		if !s.next(',') {
			return nil, false
		}
	}
}

// str reads a string at the current position (see
// jsontext.ReadString).
func (s *jsonScan) str() (string, bool) {
	if s.i >= len(s.b) || s.b[s.i] != '"' {
		return "", false
	}
	v, next, msg := jsontext.ReadString(s.b, s.i)
	if msg != "" {
		return "", false
	}
	s.i = next
	return v, true
}

// appendReport appends r as json.Marshal writes it. An error comes only
// from a value json.Marshal would refuse too (an unknown enum value).
func appendReport(b []byte, r *recovery.Report) ([]byte, error) {
	var err error
	b = append(b, `{"moves":`...)
	b = appendList(b, r.Moves, func(b []byte, m recovery.FoundMove) []byte {
		b = appendText(append(b, `{"move":`...), m.Move, &err)
		b = appendSpan(append(b, `,"span":`...), m.Span)
		b = jsontext.AppendString(append(b, `,"text":`...), m.Text)
		b = jsontext.AppendString(append(b, `,"rule":`...), m.Rule)
		if m.Phrase != "" {
			b = jsontext.AppendString(append(b, `,"phrase":`...), m.Phrase)
		}
		return append(b, '}')
	})
	b = appendList(append(b, `,"missing":`...), r.Missing, func(b []byte, m recovery.Move) []byte {
		return appendText(b, m, &err)
	})
	finding := func(b []byte, f recovery.Finding) []byte {
		b = jsontext.AppendString(append(b, `{"rule":`...), f.Rule)
		b = appendText(append(b, `,"severity":`...), f.Severity, &err)
		b = jsontext.AppendString(append(b, `,"message":`...), f.Message)
		if f.Why != "" {
			b = jsontext.AppendString(append(b, `,"why":`...), f.Why)
		}
		b = appendSpan(append(b, `,"span":`...), f.Span)
		if len(f.Suggestions) > 0 {
			b = appendList(append(b, `,"suggestions":`...), f.Suggestions, jsontext.AppendString)
		}
		return append(b, '}')
	}
	b = appendList(append(b, `,"order":`...), r.Order, finding)
	b = appendList(append(b, `,"findings":`...), r.Findings, finding)
	b = strconv.AppendInt(append(b, `,"score":`...), int64(r.Score), 10)
	b = appendList(append(b, `,"points":`...), r.Points, func(b []byte, p recovery.Point) []byte {
		b = strconv.AppendInt(append(b, `{"points":`...), int64(p.Points), 10)
		b = jsontext.AppendString(append(b, `,"reason":`...), p.Reason)
		return append(b, '}')
	})
	b = jsontext.AppendString(append(b, `,"rewrite":`...), r.Rewrite)
	if len(r.Needs) > 0 {
		b = appendList(append(b, `,"needs":`...), r.Needs, jsontext.AppendString)
	}
	return append(b, '}'), err
}

// appendList appends xs as a JSON array, or null for a nil slice.
func appendList[T any](b []byte, xs []T, each func([]byte, T) []byte) []byte {
	if xs == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, x := range xs {
		if i > 0 {
			b = append(b, ',')
		}
		b = each(b, x)
	}
	return append(b, ']')
}

func appendSpan(b []byte, s recovery.Span) []byte {
	b = strconv.AppendInt(append(b, `{"start":`...), int64(s.Start), 10)
	b = strconv.AppendInt(append(b, `,"end":`...), int64(s.End), 10)
	b = strconv.AppendInt(append(b, `,"start16":`...), int64(s.Start16), 10)
	b = strconv.AppendInt(append(b, `,"end16":`...), int64(s.End16), 10)
	return append(b, '}')
}

// appendText appends v's MarshalText as a string; a failure is kept in
// *err (the first one).
func appendText(b []byte, v interface{ MarshalText() ([]byte, error) }, err *error) []byte {
	t, e := v.MarshalText()
	if e != nil && *err == nil {
		*err = e
	}
	return jsontext.AppendString(b, string(t))
}
