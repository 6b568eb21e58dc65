//go:build js && wasm

package play

import (
	"github.com/purposefulcx/purposeful/wasm/course"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// Open starts the course of this page: it reads the configuration, finds
// the LMS of the package's format (none when the page was opened from
// disk or a plain web server), begins the attempt, shows the course bar,
// and ends the session when the page goes away.
func Open(h ui.Host) (*course.Attempt, error) {
	cfg, err := PageConfig()
	if err != nil {
		return nil, err
	}
	var lms course.LMS
	switch cfg.Format {
	case course.CMI5:
		lms = findCMI5()
	default:
		if api, ok := FindAPI(cfg.Format); ok {
			lms = course.NewSCORM(api, cfg.Format)
		}
	}
	a := course.Begin(cfg.Course, lms, h)
	Bar(h, a)
	OnLeave(func() {
		a.Finish()
		if l, ok := lms.(interface{ Leave() }); ok {
			l.Leave()
		}
	})
	return a, nil
}
