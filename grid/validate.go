package grid

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/purposefulcx/purposeful/internal/prose"
)

// Validate reports every problem with the grid at once, joined with
// errors.Join; each is a [*FieldError] naming its field path
// ("purposeful[3].evidence[0].site"). It checks required fields (the three
// Ps, item ids and texts), text (valid UTF-8, at most 10,000 bytes), unique
// item ids, kinds that fit their column, enum values, evidence (a source;
// a site for a review site; http(s) links; ratings within their scale),
// votes and scores within range.
//
// Validate does not judge the content: [Grid.Warnings] does.
func (g *Grid) Validate() error {
	return g.validate(false)
}

// ValidateDraft is [Grid.Validate] for a grid still being filled in: the
// position, purpose and process may be empty.
func (g *Grid) ValidateDraft() error {
	return g.validate(true)
}

func (g *Grid) validate(draft bool) error {
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	if g.Version != "" && g.Version != Version {
		add(fieldErrf("version", ErrVersion, "%q (want %q)", g.Version, Version))
	}
	ps := requiredText
	if draft {
		ps = optionalText
	}
	add(ps("position", g.Position))
	add(ps("purpose", g.Purpose))
	add(ps("process", g.Process))
	add(optionalText("organisation", g.Organisation))
	add(optionalText("objective", g.Objective))
	add(optionalText("id", g.ID))
	for i, v := range g.Values {
		add(requiredText(fmtf("values[%d]", i), v))
	}
	for i, v := range g.KPIs {
		add(requiredText(fmtf("kpis[%d]", i), v))
	}
	if g.Anonymity > Named {
		add(fieldErrf("anonymity", ErrUnknownValue, "%d", g.Anonymity))
	}
	type at struct {
		c Column
		i int
	}
	seen := make(map[string]at, len(g.Knowledge)+len(g.Skills)+len(g.Purposeful))
	for _, c := range Columns {
		items := g.Column(c)
		for i := range items {
			it := &items[i]
			errs = append(errs, validateItem(c, i, it)...)
			if it.ID != "" {
				if first, dup := seen[it.ID]; dup {
					add(fieldErrf(itemPath(c, i, "id"), ErrDuplicateID, "%q also at %s[%d]", it.ID, first.c, first.i))
				} else {
					seen[it.ID] = at{c, i}
				}
			}
		}
	}
	return errors.Join(errs...)
}

func requiredText(path, v string) error {
	if v == "" {
		return fieldErr(path, ErrRequired)
	}
	if err := prose.Check(v, prose.DefaultMaxLen); err != nil {
		return fieldErr(path, err)
	}
	return CheckTextChars(path, v)
}

func optionalText(path, v string) error {
	if v == "" {
		return nil
	}
	return requiredText(path, v)
}

// itemPath is the path of a field of item i of column c; built only
// when there is an error to report.
func itemPath(c Column, i int, field string) string {
	return c.String() + "[" + strconv.Itoa(i) + "]." + field
}

func validateItem(c Column, i int, it *Item) []error {
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	text := func(field, v string, required bool) {
		if v == "" && !required {
			return
		}
		if v == "" {
			add(fieldErr(itemPath(c, i, field), ErrRequired))
		} else if err := prose.Check(v, prose.DefaultMaxLen); err != nil {
			add(fieldErr(itemPath(c, i, field), err))
		} else if err := charsErr(v, true); err != nil {
			add(fieldErr(itemPath(c, i, field), err))
		}
	}
	if len(it.ID) > maxIDLen {
		add(fieldErrf(itemPath(c, i, "id"), ErrOutOfRange, "longer than %d bytes", maxIDLen))
	} else {
		text("id", it.ID, true)
	}
	text("text", it.Text, true)
	text("author", it.Author, false)
	if it.Notes != "" {
		if err := prose.Check(it.Notes, prose.DefaultMaxLen); err != nil && !errors.Is(err, prose.ErrBlank) {
			add(fieldErr(itemPath(c, i, "notes"), err))
		}
	}
	switch {
	case it.Kind > Behaviour:
		add(fieldErrf(itemPath(c, i, "kind"), ErrUnknownValue, "%d", it.Kind))
	case it.Kind != KindUnset && it.Kind.Column() != c:
		add(fieldErrf(itemPath(c, i, "kind"), ErrWrongColumn, "%s in %s", it.Kind, c))
	}
	if it.Status > OneOff {
		add(fieldErrf(itemPath(c, i, "status"), ErrUnknownValue, "%d", it.Status))
	}
	if it.Cost > CostHigh {
		add(fieldErrf(itemPath(c, i, "cost"), ErrUnknownValue, "%d", it.Cost))
	}
	if it.Votes < 0 {
		add(fieldErrf(itemPath(c, i, "votes"), ErrOutOfRange, "%d is negative", it.Votes))
	}
	if it.Score != nil {
		add(checkScore(itemPath(c, i, "score"), it.Score))
	}
	for j := range it.Evidence {
		if ev := validateEvidence("", &it.Evidence[j]); len(ev) > 0 {
			errs = append(errs, prefixPaths(itemPath(c, i, "evidence["+strconv.Itoa(j)+"]"), errors.Join(ev...)))
		}
	}
	for j, t := range it.Tags {
		if t == TagUnset || t > ServiceHeroics {
			add(fieldErrf(itemPath(c, i, "tags["+strconv.Itoa(j)+"]"), ErrUnknownValue, "%d", t))
		}
	}
	return errs
}

func validateEvidence(path string, ev *Evidence) []error {
	var errs []error
	if path != "" {
		path += "."
	}
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	switch {
	case ev.Source == SourceUnset:
		add(fieldErr(path+"source", ErrRequired))
	case ev.Source > OtherSource:
		add(fieldErrf(path+"source", ErrUnknownValue, "%d", ev.Source))
	case ev.Source == ReviewSite && strings.TrimSpace(ev.Site) == "":
		add(fieldErrf(path+"site", ErrRequired, "a review site needs the site's name"))
	}
	add(optionalText(path+"site", ev.Site))
	add(optionalText(path+"quote", ev.Quote))
	add(optionalText(path+"note", ev.Note))
	if ev.Link != "" {
		if !httpLink(ev.Link) {
			add(fieldErrf(path+"link", ErrBadLink, "%q", ev.Link))
		}
	}
	top := ev.OutOf
	if top == 0 {
		top = 5
	}
	if math.IsNaN(ev.OutOf) || ev.OutOf < 0 || ev.OutOf > 100 {
		add(fieldErrf(path+"outOf", ErrOutOfRange, "%v (1 to 100)", ev.OutOf))
	} else if math.IsNaN(ev.Rating) || ev.Rating < 0 || ev.Rating > top {
		add(fieldErrf(path+"rating", ErrOutOfRange, "%v (0 to %v)", ev.Rating, top))
	}
	return errs
}

// httpLink reports whether s is an absolute http or https address with a
// host. It checks by hand what url.Parse would refuse (control characters,
// spaces in the host, bad percent escapes): net/url brings package fmt
// and its reflection into every browser program that links grid.
func httpLink(s string) bool {
	rest, ok := cutPrefixFold(s, "https://")
	if !ok {
		if rest, ok = cutPrefixFold(s, "http://"); !ok {
			return false
		}
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c < 0x20 || c == 0x7f:
			return false
		case c == '%':
			if i+2 >= len(s) || !isHex(s[i+1]) || !isHex(s[i+2]) {
				return false
			}
		}
	}
	host := rest
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if i := strings.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	return host != "" && !strings.ContainsAny(host, " <>\"{}|^`")
}

func cutPrefixFold(s, prefix string) (string, bool) {
	if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
		return s[len(prefix):], true
	}
	return s, false
}

func isHex(c byte) bool {
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}
