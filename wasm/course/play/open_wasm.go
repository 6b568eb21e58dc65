//go:build js && wasm

package play

import (
	"syscall/js"
	"time"

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
	if s, ok := lms.(*course.CMI5Session); ok && s.ReturnURL() != "" {
		returnAfter(a, s)
	}
	OnLeave(func() {
		a.Finish()
		if l, ok := lms.(interface{ Leave() }); ok {
			l.Leave()
		}
	})
	return a, nil
}

// returnAfter sends the learner back to the LMS (cmi5 returnURL) once they
// finish and the LRS has the session's last statement.
func returnAfter(a *course.Attempt, s *course.CMI5Session) {
	going := false
	a.OnChange(func(course.Result) {
		if !a.Finished() || going {
			return
		}
		going = true
		go func() {
			for !s.Done() {
				time.Sleep(100 * time.Millisecond)
			}
			js.Global().Get("location").Call("assign", s.ReturnURL())
		}()
	})
}
