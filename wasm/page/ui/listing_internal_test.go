package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/device"
)

// A listing that describes the stored log is believed as it is: listing
// does not read the log beyond its checksum (here it is not even a log).
func TestListingIsBelievedWhenItMatches(t *testing.T) {
	mem := device.MapStorage{}
	log := "not a log at all"
	l := listing{Title: "Kept", Step: grid.StepMine, Counts: grid.Counts{Knowledge: 3, Skills: 1, Adopted: 2}, Updated: time.Unix(1700000000, 0).UTC(), LogBytes: len(log), LogSum: fnv1a(log)}
	mem[soloKeyPrefix+"x"] = log
	mem[listingKeyPrefix+"x"] = l.encode()
	got := Library{S: mem}.List()
	if assert.Len(t, got, 1) {
		assert.NoError(t, got[0].Err)
		assert.Equal(t, l, got[0].L)
	}
	mem[soloKeyPrefix+"x"] = log + " "
	got = Library{S: mem}.List()
	assert.Error(t, got[0].Err, "a log one byte longer is read, and this one cannot be")
}

// A listing of the first version (one count for knowledge and skills
// together) is not believed: the log is replayed and the listing written
// again in the current version, with the counts coverage reads.
func TestListingOfAnOlderVersionIsWrittenAgain(t *testing.T) {
	mem := device.MapStorage{}
	g := grid.SampleFrontDesk()
	d, err := OpenGrid("kept", g, time.Unix(1700000000, 0).UTC())
	require.NoError(t, err)
	require.NoError(t, Library{S: mem}.Save(d))
	log := mem[soloKeyPrefix+d.ID]
	mem[listingKeyPrefix+d.ID] = "purposeful.page-listing/v1\n" + strconv.Itoa(len(log)) + " 4 9 9 0 " + strconv.FormatUint(fnv1a(log), 16) + "\n\"Old\" \"Nurse\" \"Discharge\""
	got := Library{S: mem}.List()
	require.Len(t, got, 1)
	require.NoError(t, got[0].Err)
	assert.Equal(t, g.Counts(), got[0].L.Counts)
	assert.True(t, strings.HasPrefix(mem[listingKeyPrefix+d.ID], ListingVersion+"\n"), "written again: %q", mem[listingKeyPrefix+d.ID])
}

func FuzzListingRoundTrip(f *testing.F) {
	f.Add("Nurse · Check-in", "Nurse", "Check-in", uint8(3), 3, 1, 2, int64(1700000000123456789), 1234, uint64(99))
	f.Add("", "\n\"\\", "\xff", uint8(0), 0, 0, 0, int64(0), 0, uint64(0))
	f.Fuzz(func(t *testing.T, title, pos, proc string, step uint8, knowledge, skills, adopted int, updated int64, n int, sum uint64) {
		l := listing{Title: title, Step: grid.Step(step % 5),
			Counts:  grid.Counts{Position: pos, Process: proc, Knowledge: max(knowledge, 0), Skills: max(skills, 0), Adopted: max(adopted, 0)},
			Updated: time.Unix(0, updated).UTC(), LogBytes: max(n, 0), LogSum: sum}
		back, ok := decodeListing(l.encode())
		if !ok || back != l {
			t.Fatalf("listing %+v read back as %+v (%v)", l, back, ok)
		}
		// Whatever else is stored under the key is refused or read whole.
		if m, ok := decodeListing(title); ok && m.encode() != title {
			t.Fatalf("%q read as %+v", title, m)
		}
	})
}
