package ui

// Committer is implemented by storage whose writes reach the disk after
// Set returns (the browser's, see wasm/page/internal/jsdom). The page
// says "Saved on this device" only once Commit has answered.
type Committer interface {
	// Commit calls done once every write so far is on disk, or with the
	// error of one that failed.
	Commit(done func(err error))
	// Pending reports whether writes are still on their way to disk.
	Pending() bool
}

// confirmSaved shows "Saved on this device" when the writes of the last
// save are on disk, and the failure otherwise. A change made meanwhile
// keeps "Saving…" until its own save is on disk.
func (a *App) confirmSaved() {
	c, ok := a.h.Storage().(Committer)
	if !ok {
		a.setSaveState("Saved on this device", "saved")
		return
	}
	c.Commit(func(err error) {
		if err != nil {
			a.saveErr = err
			a.setSaveState("Not saved: this device's storage refused it. Export a copy now.", "error")
			a.alert("Your work could not be saved on this device. Export a copy.")
			return
		}
		if a.cancelSave != nil || c.Pending() {
			return
		}
		a.setSaveState("Saved on this device", "saved")
	})
}
