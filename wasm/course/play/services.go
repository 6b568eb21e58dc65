package play

import (
	"github.com/purposefulcx/purposeful/wasm/course"
	"github.com/purposefulcx/purposeful/wasm/page/device"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
)

// Storage is where the screens save their text: the attempt's state,
// sent to the LMS a little after the learner stops typing.
func Storage(a *course.Attempt) device.Storage { return attemptStore{a} }

type attemptStore struct{ a *course.Attempt }

func (s attemptStore) Get(k string) (string, bool) { return s.a.Text(k) }

func (s attemptStore) Set(k, v string) error {
	s.a.SetText(k, v)
	return nil
}

func (s attemptStore) Remove(k string) { s.a.RemoveText(k) }

func (s attemptStore) Keys() []string { return s.a.TextKeys() }

// Host returns h with its storage replaced by the attempt's, so what the
// page's screens save travels with the learner in the LMS's suspend data
// instead of one browser's local storage.
func Host(h ui.Host, a *course.Attempt) ui.Host { return attemptHost{h, a} }

type attemptHost struct {
	ui.Host
	a *course.Attempt
}

func (h attemptHost) Storage() device.Storage { return Storage(h.a) }

// Services wraps the page's services for the course's screens: only the
// course's scenarios, and every grade or analysis of the learner's own
// text recorded in the attempt.
func Services(a *course.Attempt, svc ui.Services) ui.Services {
	switch a.Course.Kind {
	case course.Recovery:
		all, grade := svc.Scenarios, svc.GradePractice
		svc.Scenarios = func() []ui.Scenario {
			var out []ui.Scenario
			list := all()
			for _, id := range a.Course.ScenarioIDs() {
				for _, sc := range list {
					if sc.ID == id {
						out = append(out, sc)
					}
				}
			}
			return out
		}
		svc.GradePractice = func(id, reply string) (ui.Grade, error) {
			g, err := grade(id, reply)
			if err == nil {
				a.Grade(id, g.Score)
			}
			return g, err
		}
	case course.Purpose:
		analyse, climb := svc.AnalyzePurpose, svc.Climb
		svc.AnalyzePurpose = func(text string) (ui.PurposeReport, error) {
			r, err := analyse(text)
			if err == nil && a.Own(text) {
				a.Analysed(r.Score)
			}
			return r, err
		}
		if climb != nil {
			svc.Climb = func(function string, answers []string) (ui.LadderReport, error) {
				r, err := climb(function, answers)
				if err == nil && r.State == "reached" {
					a.Reached(r.Purpose)
				}
				return r, err
			}
		}
	}
	return svc
}
