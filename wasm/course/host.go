package course

import (
	"github.com/purposefulcx/purposeful/wasm/page/ui"
	"github.com/purposefulcx/purposeful/wasm/page/workshop"
)

// Host returns h with its storage replaced by the attempt's, so what the
// page's screens save travels with the learner in the LMS's suspend data
// instead of one browser's local storage.
func Host(h ui.Host, a *Attempt) ui.Host { return attemptHost{h, a} }

type attemptHost struct {
	ui.Host
	a *Attempt
}

func (h attemptHost) Storage() workshop.Storage { return h.a.Storage() }
