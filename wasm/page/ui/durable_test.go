package ui_test

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/wasm/page/device"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
	"github.com/purposefulcx/purposeful/wasm/page/ui/uitest"
)

// slowDisk is storage whose writes reach the disk when the test says so,
// as IndexedDB's do in the browser.
type slowDisk struct {
	device.MapStorage
	writes, onDisk int
	waiters        []func(error)
	fail           error
}

func (d *slowDisk) Set(k, v string) error { d.writes++; return d.MapStorage.Set(k, v) }
func (d *slowDisk) Commit(done func(error)) {
	d.waiters = append(d.waiters, done)
}
func (d *slowDisk) Pending() bool { return d.onDisk < d.writes }

// land puts every write so far on disk and answers the waiters.
func (d *slowDisk) land() {
	d.onDisk = d.writes
	ws := d.waiters
	d.waiters = nil
	for _, w := range ws {
		w(d.fail)
	}
}

type slowHost struct {
	*uitest.Host
	disk *slowDisk
}

func (h slowHost) Storage() device.Storage { return h.disk }

// TestSavedOnlyOnceOnDisk: "Saved on this device" waits for the storage
// to commit, a failed commit is shown, and a change made meanwhile keeps
// "Saving…".
func TestSavedOnlyOnceOnDisk(t *testing.T) {
	h := uitest.New()
	disk := &slowDisk{MapStorage: device.MapStorage{}}
	a := ui.New(slowHost{h, disk}, fakeServices())
	a.Start()
	newGrid(t, h)
	state := func() string { return h.El("save-state").Attr("data-state") }

	find(t, h, "position").Type("Nurse")
	h.Advance(time.Second)
	assert.Equal(t, "saving", state(), "written, not yet on disk")
	disk.land()
	assert.Equal(t, "saved", state())
	assert.Equal(t, "Saved on this device", h.El("save-state").TextContent())

	find(t, h, "position").Type("Nurse A")
	h.Advance(time.Second)
	first := disk.waiters
	require.Len(t, first, 1)
	find(t, h, "position").Type("Nurse AB")
	disk.onDisk = disk.writes - 1 // the first save landed, the new change not yet
	disk.waiters = nil
	first[0](nil)
	assert.Equal(t, "saving", state(), "the newer change is not on disk yet")
	h.Advance(time.Second)
	disk.land()
	assert.Equal(t, "saved", state())

	disk.fail = errors.New("disk full")
	find(t, h, "position").Type("Nurse ABC")
	h.Advance(time.Second)
	disk.land()
	assert.Equal(t, "error", state())
	assert.Contains(t, h.El("alerts").TextContent(), "could not be saved")
}
