package api

import (
	"bytes"
	"errors"
	"net/http"

	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/store"
)

// accReport: GET /v1/accountability/books/{id}/report. The report is the
// standards.Report of the book's stored tallies: a few rows per person,
// week and standard, however many observations there are. Staff and
// observers get their own figures (as the person observed).
func accReport(c *call) error {
	w, s, err := c.accWho()
	if err != nil {
		return err
	}
	q := c.r.URL.Query()
	f := store.TallyFilter{Subject: q.Get("subject"), Team: q.Get("team")}
	if !w.supervisor() {
		if f.Subject != "" && f.Subject != w.person.ID {
			return notFound("no such report")
		}
		f.Subject = w.person.ID
	}
	limit := 100
	if v := q.Get("stories"); v != "" {
		n, ok := atoiPositive(v)
		if !ok || n > 1000 {
			return badRequest("the query is not valid", FieldError{Path: "stories", Message: "must be between 1 and 1000"})
		}
		limit = n
	}
	format := q.Get("format")
	if format != "" && format != "json" && format != "csv" {
		return badRequest("the query is not valid", FieldError{Path: "format", Message: "must be json or csv"})
	}
	ctx := c.r.Context()
	b, err := s.Book(ctx, w.org, c.params[0])
	if errors.Is(err, store.ErrNotFound) {
		return notFound("no such book")
	}
	if err != nil {
		return err
	}
	ts, err := s.Tallies(ctx, w.org, b.ID, f)
	if err != nil {
		return err
	}
	stories, err := s.Stories(ctx, w.org, b.ID, f, limit)
	if err != nil {
		return err
	}
	rep := b.Book.ReportFromTallies(ts, stories, standards.ReportSettings{})
	if format == "csv" {
		var buf bytes.Buffer
		if err := rep.CSV(&buf); err != nil {
			return err
		}
		c.w.Header().Set("Content-Disposition", `attachment; filename="report.csv"`)
		return c.writeRaw(http.StatusOK, "text/csv; charset=utf-8", buf.Bytes())
	}
	return c.writeJSON(http.StatusOK, rep)
}
