package ui

import (
	"strconv"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/grid"
)

// listingKeyPrefix starts the key of a saved grid's listing: what the home
// screen shows of it, kept beside its log so that opening the page does
// not replay every saved grid: replaying took about 7 ms per 100 events
// in Chromium, and 30 grids of 120 events held the home screen back by a
// quarter of a second.
const listingKeyPrefix = "purposeful.listing."

// ListingVersion is the version of a stored listing.
const ListingVersion = "purposeful.page-listing/v2"

// listing is what the home screen shows of a saved grid, with the counts
// its portfolio coverage reads ([grid.CoverageOf]), taken from the grid
// when it was saved. It describes the stored log of the same length and
// checksum only: a log written without it (by an older page, or cut short
// by a closed tab), or with a listing of another version (v1 had no
// separate knowledge and skill counts), is replayed once and its listing
// written again.
type listing struct {
	Title string
	Step  grid.Step
	grid.Counts
	Updated  time.Time
	LogBytes int
	LogSum   uint64 // FNV-1a of the log
}

// listingOf describes d, stored as the log b.
func listingOf(d *Solo, b string) listing {
	g := d.Grid()
	return listing{
		Title: d.Title(), Step: d.Step(), Counts: g.Counts(),
		Updated:  d.Updated,
		LogBytes: len(b), LogSum: fnv1a(b),
	}
}

// fnv1a is the 64-bit FNV-1a hash of s.
func fnv1a(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// encode writes l as two lines after the version: the numbers, then the
// Go-quoted texts (the page links no JSON encoder for them).
func (l listing) encode() string {
	var b strings.Builder
	b.WriteString(ListingVersion + "\n")
	for _, n := range []int64{int64(l.LogBytes), int64(l.Step), int64(l.Knowledge), int64(l.Skills), int64(l.Adopted), l.Updated.UnixNano()} {
		b.WriteString(strconv.FormatInt(n, 10) + " ")
	}
	b.WriteString(strconv.FormatUint(l.LogSum, 16) + "\n")
	b.WriteString(strconv.Quote(l.Title) + " " + strconv.Quote(l.Position) + " " + strconv.Quote(l.Process))
	return b.String()
}

// decodeListing reads what encode wrote; ok is false for anything else.
func decodeListing(s string) (l listing, ok bool) {
	lines := strings.Split(s, "\n")
	if len(lines) != 3 || lines[0] != ListingVersion {
		return listing{}, false
	}
	nums := strings.Split(lines[1], " ")
	if len(nums) != 7 {
		return listing{}, false
	}
	var n [6]int64
	for i := range n {
		v, err := strconv.ParseInt(nums[i], 10, 64)
		if err != nil || v < 0 && i < 5 {
			return listing{}, false
		}
		n[i] = v
	}
	sum, err := strconv.ParseUint(nums[6], 16, 64)
	if err != nil || n[1] < int64(grid.StepCourse) || n[1] > int64(grid.StepSummary) {
		return listing{}, false
	}
	var texts [3]string
	rest := lines[2]
	for i := range texts {
		q, err := strconv.QuotedPrefix(rest)
		if err != nil {
			return listing{}, false
		}
		texts[i], _ = strconv.Unquote(q)
		rest = strings.TrimPrefix(rest[len(q):], " ")
	}
	if rest != "" {
		return listing{}, false
	}
	return listing{
		LogBytes: int(n[0]), Step: grid.Step(n[1]),
		Counts:  grid.Counts{Position: texts[1], Process: texts[2], Knowledge: int(n[2]), Skills: int(n[3]), Adopted: int(n[4])},
		Updated: time.Unix(0, n[5]).UTC(), LogSum: sum, Title: texts[0],
	}, true
}
