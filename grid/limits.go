package grid

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits of one event, so that one member cannot make a session's log (and
// every read of it) huge: each list and text is capped, and the whole
// event too.
const (
	// MaxNameLen is the longest display name, in bytes.
	MaxNameLen = 80
	// MaxTitleLen is the longest workshop title, in bytes.
	MaxTitleLen = 200
	// MaxEventText is the longest text, notes or course field of an
	// event, in bytes.
	MaxEventText = 2000
	// MaxEvidence is how many evidence entries an event may carry.
	MaxEvidence = 10
	// MaxEventItems is how many item ids a merge or reveal may list.
	MaxEventItems = 100
	// MaxCourseList is how many values or KPIs a course may list.
	MaxCourseList = 20
	// MaxEventBytes bounds the text an event carries in all (its strings,
	// plus a little for each list entry), in bytes.
	MaxEventBytes = 8 << 10
)

// Errors of the limits.
var (
	// ErrControl: a name, title or text holds a control character (NUL,
	// ESC, C1) or a bidirectional override.
	ErrControl = errors.New("grid: control or bidi override character")
	// ErrTooMany: a list of an event holds more entries than allowed, or
	// the same tag twice.
	ErrTooMany = errors.New("grid: too many entries")
)

// badRune reports whether r may not appear in text: C0 controls (tab and
// newline excepted when text is true; carriage return too, as part of a
// line break), DEL, C1 controls and the bidirectional embeddings,
// overrides and isolates, which can make text read differently from what
// it holds.
func badRune(r rune, text bool) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return !text
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// charsErr reports the first character of s that badRune refuses.
func charsErr(s string, text bool) error {
	for i, r := range s {
		if badRune(r, text) {
			hex := strings.ToUpper(strconv.FormatInt(int64(r), 16))
			return errorf(ErrControl, "U+%s at byte %d", strings.Repeat("0", max(0, 4-len(hex)))+hex, i)
		}
	}
	return nil
}

// StripControl returns s without the characters a text may not hold (see
// [CheckTextChars]): C0 and C1 controls other than tab and line breaks,
// DEL, and bidirectional overrides. Doors where people type (the page)
// use it so that a pasted control character is dropped where it arrives
// instead of refusing the whole text later.
func StripControl(s string) string {
	if charsErr(s, true) == nil {
		return s
	}
	b := make([]rune, 0, len(s))
	for _, r := range s {
		if !badRune(r, true) {
			b = append(b, r)
		}
	}
	return string(b)
}

// checkChars is charsErr at a field path.
func checkChars(path, s string, text bool) error {
	if err := charsErr(s, text); err != nil {
		return fieldErr(path, err)
	}
	return nil
}

// CheckName is the one rule for a display name, however it arrives (the
// create and join routes, a join or create event): required, valid UTF-8,
// at most [MaxNameLen] bytes, not only white space, and no control or
// bidi override characters (not even tab or newline).
func CheckName(path, name string) error {
	switch {
	case strings.TrimSpace(name) == "":
		return fieldErr(path, ErrRequired)
	case !utf8.ValidString(name):
		return fieldErr(path, ErrInvalidUTF8)
	case len(name) > MaxNameLen:
		return fieldErrf(path, ErrTooLong, "%d bytes, the limit is %d", len(name), MaxNameLen)
	}
	return checkChars(path, name, false)
}

// CheckTitle checks a title (a workshop's): optional, valid UTF-8, at most
// [MaxTitleLen] bytes, and no control or bidi override characters.
func CheckTitle(path, title string) error {
	switch {
	case !utf8.ValidString(title):
		return fieldErr(path, ErrInvalidUTF8)
	case len(title) > MaxTitleLen:
		return fieldErrf(path, ErrTooLong, "%d bytes, the limit is %d", len(title), MaxTitleLen)
	}
	return checkChars(path, title, false)
}

// CheckTextChars refuses control characters and bidi overrides in a text;
// tab, newline and carriage return are kept.
func CheckTextChars(path, text string) error { return checkChars(path, text, true) }

// checkLimits checks the caps of one event: the name rule, the characters
// of every id and text, the length of every text, the number of entries of
// every list, tags without repeats, and the size of the whole.
func checkLimits(e *Event) error {
	var errs []error
	add := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	size := 0
	id := func(path, v string) {
		size += len(v)
		add(checkChars(path, v, false))
	}
	text := func(path, v string, max int) {
		size += len(v)
		if len(v) > max {
			add(fieldErrf(path, ErrTooLong, "%d bytes, the limit is %d", len(v), max))
			return
		}
		add(checkChars(path, v, true))
	}
	count := func(path string, n, max int) {
		size += 16 * n
		if n > max {
			add(fieldErrf(path, ErrTooMany, "%d entries, the limit is %d", n, max))
		}
	}
	id("id", e.ID)
	id("actor", e.Actor)
	id("participant", e.Participant)
	id("item", e.Item)
	if e.Name != "" {
		size += len(e.Name)
		add(CheckName("name", e.Name))
	}
	count("items", len(e.Items), MaxEventItems)
	for i, v := range e.Items {
		if i < MaxEventItems {
			id(fmtf("items[%d]", i), v)
		}
	}
	text("text", e.Text, MaxEventText)
	text("notes", e.Notes, MaxEventText)
	count("evidence", len(e.Evidence), MaxEvidence)
	for i := range e.Evidence {
		if i >= MaxEvidence {
			break
		}
		ev := &e.Evidence[i]
		p := fmtf("evidence[%d].", i)
		text(p+"site", ev.Site, MaxTitleLen)
		text(p+"link", ev.Link, MaxEventText)
		text(p+"quote", ev.Quote, MaxEventText)
		text(p+"note", ev.Note, MaxEventText)
	}
	count("tags", len(e.Tags), len(Tags))
	if len(e.Tags) <= len(Tags) {
		var seen uint64
		for i, t := range e.Tags {
			if seen&(1<<t) != 0 {
				add(fieldErrf(fmtf("tags[%d]", i), ErrTooMany, "%s is already listed", t))
			}
			seen |= 1 << t
		}
	}
	if c := e.Course; c != nil {
		for _, f := range []struct{ path, v string }{{"course.organisation", c.Organisation}, {"course.position", c.Position},
			{"course.purpose", c.Purpose}, {"course.process", c.Process}, {"course.objective", c.Objective}} {
			text(f.path, f.v, MaxEventText)
		}
		for _, l := range []struct {
			path string
			vs   []string
		}{{"course.values", c.Values}, {"course.kpis", c.KPIs}} {
			count(l.path, len(l.vs), MaxCourseList)
			for i, v := range l.vs {
				if i < MaxCourseList {
					text(fmtf("%s[%d]", l.path, i), v, MaxTitleLen)
				}
			}
		}
	}
	if size > MaxEventBytes {
		add(fieldErrf("", ErrTooLong, "the event carries %d bytes, the limit is %d", size, MaxEventBytes))
	}
	return errors.Join(errs...)
}

// unknownType is the error of an event type that is not one of
// [EventTypes]; it lists the valid ones.
func unknownType(t EventType) error {
	names := make([]string, len(EventTypes))
	for i, v := range EventTypes {
		names[i] = string(v)
	}
	return fieldErrf("type", ErrUnknownEvent, "%q is not one of %s", t, strings.Join(names, ", "))
}
