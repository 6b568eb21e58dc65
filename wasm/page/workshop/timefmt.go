package workshop

import (
	"errors"
	"strconv"
	"time"
)

// The document's times are RFC 3339 in UTC. These two functions write and
// read that one layout by hand: time.Format and time.Parse bring about
// 15 KB (brotli) of layout machinery into the page's wasm.

// appendTime writes t in UTC as encoding/json does (RFC 3339 with the
// nanoseconds trimmed of trailing zeros).
func appendTime(b []byte, t time.Time) []byte {
	t = t.UTC()
	y, mo, d := t.Date()
	h, mi, s := t.Clock()
	pad := func(b []byte, v, w int) []byte {
		str := strconv.Itoa(v)
		for i := len(str); i < w; i++ {
			b = append(b, '0')
		}
		return append(b, str...)
	}
	b = pad(b, y, 4)
	b = append(b, '-')
	b = pad(b, int(mo), 2)
	b = append(b, '-')
	b = pad(b, d, 2)
	b = append(b, 'T')
	b = pad(b, h, 2)
	b = append(b, ':')
	b = pad(b, mi, 2)
	b = append(b, ':')
	b = pad(b, s, 2)
	if ns := t.Nanosecond(); ns != 0 {
		frac := []byte(strconv.Itoa(ns + 1e9))[1:] // 9 digits
		for len(frac) > 0 && frac[len(frac)-1] == '0' {
			frac = frac[:len(frac)-1]
		}
		b = append(b, '.')
		b = append(b, frac...)
	}
	return append(b, 'Z')
}

var errTime = errors.New("want an RFC 3339 time")

// parseTime reads RFC 3339 ("2026-03-01T09:00:00.5Z", "...+02:00").
func parseTime(s string) (time.Time, error) {
	num := func(i, n int) (int, bool) {
		if i+n > len(s) {
			return 0, false
		}
		v := 0
		for _, c := range []byte(s[i : i+n]) {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	y, ok1 := num(0, 4)
	mo, ok2 := num(5, 2)
	d, ok3 := num(8, 2)
	h, ok4 := num(11, 2)
	mi, ok5 := num(14, 2)
	sec, ok6 := num(17, 2)
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || len(s) < 20 || s[4] != '-' || s[7] != '-' ||
		(s[10] != 'T' && s[10] != 't') || s[13] != ':' || s[16] != ':' {
		return time.Time{}, errTime
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, errTime
	}
	i, ns := 19, 0
	if s[i] == '.' {
		i++
		start, scale := i, 100000000
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if i-start < 9 {
				ns += int(s[i]-'0') * scale
				scale /= 10
			}
			i++
		}
		if i == start {
			return time.Time{}, errTime
		}
	}
	off := 0
	switch {
	case i == len(s)-1 && (s[i] == 'Z' || s[i] == 'z'):
	case i == len(s)-6 && (s[i] == '+' || s[i] == '-') && s[i+3] == ':':
		oh, ok1 := num(i+1, 2)
		om, ok2 := num(i+4, 2)
		if !ok1 || !ok2 || oh > 23 || om > 59 {
			return time.Time{}, errTime
		}
		off = oh*3600 + om*60
		if s[i] == '-' {
			off = -off
		}
	default:
		return time.Time{}, errTime
	}
	t := time.Date(y, time.Month(mo), d, h, mi, sec, ns, time.UTC)
	if t.Day() != d {
		return time.Time{}, errTime // 31 February and the like
	}
	return t.Add(-time.Duration(off) * time.Second), nil
}
