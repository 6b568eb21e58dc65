package ui

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/page/device"
)

// A listing that describes the stored log is believed as it is: listing
// does not read the log beyond its checksum (here it is not even a log).
func TestListingIsBelievedWhenItMatches(t *testing.T) {
	mem := device.MapStorage{}
	log := "not a log at all"
	l := listing{Title: "Kept", Step: grid.StepMine, Entries: 4, Adopted: 2, Updated: time.Unix(1700000000, 0).UTC(), LogBytes: len(log), LogSum: fnv1a(log)}
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

func FuzzListingRoundTrip(f *testing.F) {
	f.Add("Nurse · Check-in", "Nurse", "Check-in", uint8(3), 4, 2, int64(1700000000123456789), 1234, uint64(99))
	f.Add("", "\n\"\\", "\xff", uint8(0), 0, 0, int64(0), 0, uint64(0))
	f.Fuzz(func(t *testing.T, title, pos, proc string, step uint8, entries, adopted int, updated int64, n int, sum uint64) {
		l := listing{Title: title, Position: pos, Process: proc, Step: grid.Step(step % 5),
			Entries: max(entries, 0), Adopted: max(adopted, 0), Updated: time.Unix(0, updated).UTC(), LogBytes: max(n, 0), LogSum: sum}
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
