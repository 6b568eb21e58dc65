package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
)

// ProblemType values name the kinds of [Problem] the API answers with. They
// are URNs, so they never point at a web page that could go stale.
const (
	TypeInvalidJSON     = "urn:purposeful:problem:invalid-json"
	TypeInvalidUTF8     = "urn:purposeful:problem:invalid-utf8"
	TypeValidation      = "urn:purposeful:problem:validation"
	TypeTooLarge        = "urn:purposeful:problem:body-too-large"
	TypeMediaType       = "urn:purposeful:problem:unsupported-media-type"
	TypeMethod          = "urn:purposeful:problem:method-not-allowed"
	TypeNotFound        = "urn:purposeful:problem:not-found"
	TypeUnauthorized    = "urn:purposeful:problem:unauthorized"
	TypeForbidden       = "urn:purposeful:problem:forbidden"
	TypeConflict        = "urn:purposeful:problem:conflict"
	TypeTooManyRequests = "urn:purposeful:problem:too-many-requests"
	TypeInternal        = "urn:purposeful:problem:internal"
	TypeUnavailable     = "urn:purposeful:problem:unavailable"
	TypeHost            = "urn:purposeful:problem:unknown-host"
)

// ProblemContentType is the media type of every error answer (RFC 9457).
const ProblemContentType = "application/problem+json"

// Problem is an RFC 9457 problem document. Errors lists every problem with
// the request body, each with the JSON path of the field it concerns, so a
// form can put the message next to the right input.
type Problem struct {
	Type   string       `json:"type"`
	Title  string       `json:"title"`
	Status int          `json:"status"`
	Detail string       `json:"detail,omitempty"`
	Errors []FieldError `json:"errors,omitempty"`
}

// FieldError is one problem with one field: Path is a JSON path such as
// "grid.knowledge[3].text" (empty for the body as a whole).
type FieldError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

// Error makes a *Problem usable as an error inside handlers.
func (p *Problem) Error() string {
	if p.Detail != "" {
		return p.Title + ": " + p.Detail
	}
	return p.Title
}

func problem(status int, typ, detail string, errs ...FieldError) *Problem {
	return &Problem{Type: typ, Title: http.StatusText(status), Status: status, Detail: detail, Errors: errs}
}

func badRequest(detail string, errs ...FieldError) *Problem {
	return problem(http.StatusBadRequest, TypeValidation, detail, errs...)
}

func notFound(detail string) *Problem { return problem(http.StatusNotFound, TypeNotFound, detail) }

func forbidden(detail string) *Problem { return problem(http.StatusForbidden, TypeForbidden, detail) }

func unauthorized(detail string) *Problem {
	return problem(http.StatusUnauthorized, TypeUnauthorized, detail)
}

func conflict(detail string) *Problem { return problem(http.StatusConflict, TypeConflict, detail) }

// validation turns an error from a domain Validate method (usually an
// errors.Join of "path: message" errors) into a 400 problem whose field
// paths are prefixed with prefix (the JSON name of the value in the body).
func validation(prefix string, err error) *Problem {
	return badRequest("the request body is not valid", fieldErrors(prefix, err)...)
}

// fieldErrors flattens joined errors into field errors. A message of the
// form "path: text", where path has no spaces, gives a field path.
func fieldErrors(prefix string, err error) []FieldError {
	var out []FieldError
	var walk func(error)
	walk = func(e error) {
		if j, ok := e.(interface{ Unwrap() []error }); ok {
			for _, x := range j.Unwrap() {
				walk(x)
			}
			return
		}
		for _, line := range strings.Split(e.Error(), "\n") {
			if line == "" {
				continue
			}
			out = append(out, splitPath(prefix, line))
		}
	}
	if err != nil {
		walk(err)
	}
	if len(out) == 0 {
		out = append(out, FieldError{Path: prefix, Message: "invalid"})
	}
	return out
}

func splitPath(prefix, msg string) FieldError {
	// Skip a leading "pkg: " tag such as "grid: ".
	path, rest, ok := strings.Cut(msg, ": ")
	for ok && isPkgTag(path) {
		if p2, r2, ok2 := strings.Cut(rest, ": "); ok2 && isPath(p2) {
			path, rest = p2, r2
			break
		}
		ok = false
	}
	if !ok || !isPath(path) {
		return FieldError{Path: prefix, Message: msg}
	}
	return FieldError{Path: joinPath(prefix, path), Message: rest}
}

func isPkgTag(s string) bool {
	switch s {
	case "purpose", "grid", "standards", "recovery", "prose", "json":
		return true
	}
	return false
}

func isPath(s string) bool {
	if s == "" || len(s) > 200 {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		case r == '_' || r == '.' || r == '[' || r == ']' || r == '-':
		default:
			return false
		}
	}
	return true
}

func joinPath(prefix, path string) string {
	switch {
	case prefix == "":
		return path
	case path == "":
		return prefix
	case path[0] == '[':
		return prefix + path
	}
	return prefix + "." + path
}

// writeProblem answers with p as application/problem+json.
func writeProblem(w http.ResponseWriter, p *Problem) {
	b, err := json.Marshal(p)
	if err != nil {
		b = []byte(`{"type":"` + TypeInternal + `","title":"Internal Server Error","status":500}`)
		p.Status = http.StatusInternalServerError
	}
	h := w.Header()
	h.Set("Content-Type", ProblemContentType)
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(p.Status)
	w.Write(b)
}

// asProblem maps any handler error to a problem; unknown errors become a
// 500 without their text (it may hold internal details).
func asProblem(err error) *Problem {
	var p *Problem
	if errors.As(err, &p) {
		return p
	}
	return problem(http.StatusInternalServerError, TypeInternal, "")
}
