package e2e

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/recovery"
	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/course"
	"github.com/purposefulcx/purposeful/wasm/course/packaging"
	"github.com/purposefulcx/purposeful/wasm/page/services"
	"github.com/purposefulcx/purposeful/wasm/page/services/recoverysvc"
)

// Replies and statements whose grades the tests compute with the same Go
// code the course runs.
const (
	goodReply     = "Ms Rivera, I am so sorry we let you down, and I understand how frustrating this is. I will put it right now: I have arranged a replacement and refunded the charge, and I will call you tomorrow at 10 to confirm everything has arrived."
	badReply      = "Calm down. Unfortunately that is our policy."
	goodStatement = "So that every guest arrives at the end of a long journey feeling expected and at home, and leaves wanting to come back."
	badStatement  = "Check guests in and process payments."
)

func twoStandards() []standards.Standard {
	return []standards.Standard{
		{ID: "greet", Code: "FD-1", Statement: "Greet every guest within ten seconds of reaching the desk.", Rationale: "Guests feel expected.", Deviation: "a guest is in distress and needs help first"},
		{ID: "water", Code: "FD-2", Statement: "Offer water to guests who wait more than five minutes.", Rationale: "Waiting is tiring."},
	}
}

// scenario is the one scenario the recovery course practises.
func scenario(t *testing.T) string {
	t.Helper()
	all := recovery.Scenarios()
	require.NotEmpty(t, all)
	return all[0].ID
}

// play is what a learner does in a course, and what the LMS should then
// hold.
type play struct {
	name      string
	course    course.Course
	do        func(t *testing.T, b *browser)
	score     int
	completed bool
	success   course.Success
}

func plays(t *testing.T) []play {
	sc := scenario(t)
	good, err := recoverysvc.GradePractice(sc, goodReply)
	require.NoError(t, err)
	bad, err := recoverysvc.GradePractice(sc, badReply)
	require.NoError(t, err)
	require.Greater(t, good.Score, bad.Score, "the good reply must grade higher")
	gs, err := services.AnalyzePurpose(goodStatement)
	require.NoError(t, err)
	bs, err := services.AnalyzePurpose(badStatement)
	require.NoError(t, err)
	require.Greater(t, gs.Score, bs.Score, "the purpose statement must score higher than the task")
	rec := course.Course{Version: course.Version, Kind: course.Recovery, Title: "Recovery practice", Scenarios: []string{sc}, Mastery: good.Score}
	pur := course.Course{Version: course.Version, Kind: course.Purpose, Title: "Purpose statement", Mastery: gs.Score}
	std := course.Course{Version: course.Version, Kind: course.Standards, Title: "Our standards", Standards: twoStandards()}
	reply := func(text string) func(t *testing.T, b *browser) {
		return func(t *testing.T, b *browser) {
			b.fill(t, "practice-text", text)
			b.click(t, "grade-btn")
			b.waitJS(t, `!!frameDoc().querySelector('[data-test="grade"] .score-num')`)
		}
	}
	write := func(text string) func(t *testing.T, b *browser) {
		return func(t *testing.T, b *browser) {
			b.fill(t, "coach-text", text)
		}
	}
	answer := func(first, second string) func(t *testing.T, b *browser) {
		return func(t *testing.T, b *browser) {
			b.click(t, first+"-0")
			b.click(t, "ack-0")
			b.click(t, second+"-1")
			b.click(t, "ack-1")
		}
	}
	return []play{
		{"recovery passed", rec, reply(goodReply), good.Score, true, course.Passed},
		{"recovery failed", rec, reply(badReply), bad.Score, true, course.Failed},
		{"purpose completed", pur, write(goodStatement), gs.Score, true, course.Unknown},
		{"purpose not reached", pur, write(badStatement), bs.Score, false, course.Unknown},
		{"standards passed", std, answer("yes", "no"), 100, true, course.Passed},
		{"standards failed", std, answer("no", "no"), 50, true, course.Failed},
	}
}

// cmi reads the LMS's data model after the session.
type cmi struct {
	Status, Completion, Success, Raw, Min, Max, Scaled, Session, Suspend, Exit string
	Commits, Finished, Initialized                                             int
	Calls                                                                      []string
	Sent                                                                       map[string]string
}

func readCMI(t *testing.T, b *browser, f course.Format) cmi {
	t.Helper()
	var c cmi
	js := `({Status: API.cmi.core.lesson_status, Raw: API.cmi.core.score.raw, Min: API.cmi.core.score.min, Max: API.cmi.core.score.max,
		Session: lms.sets["cmi.core.session_time"] || "", Suspend: API.cmi.suspend_data, Exit: lms.sets["cmi.core.exit"] || "",
		Commits: lms.commits, Finished: lms.finished, Initialized: lms.initialized, Calls: lms.calls, Sent: lms.sets})`
	if f == course.SCORM2004 {
		js = `({Completion: API_1484_11.cmi.completion_status, Success: API_1484_11.cmi.success_status, Raw: API_1484_11.cmi.score.raw,
		Min: API_1484_11.cmi.score.min, Max: API_1484_11.cmi.score.max, Scaled: API_1484_11.cmi.score.scaled,
		Session: lms.sets["cmi.session_time"] || "", Suspend: API_1484_11.cmi.suspend_data, Exit: lms.sets["cmi.exit"] || "",
		Commits: lms.commits, Finished: lms.finished, Initialized: lms.initialized, Calls: lms.calls, Sent: lms.sets})`
	}
	b.eval(t, js, &c)
	return c
}

// open launches the package in the host page as version f.
func open(t testing.TB, b *browser, base string, f course.Format, preload map[string]any) {
	t.Helper()
	v := "12"
	if f == course.SCORM2004 {
		v = "2004"
	}
	b.run(t, chromedp.Navigate(base+"/host/host.html"))
	b.eval(t, "launch("+jsonOf(t, v)+", "+jsonOf(t, preload)+", '/pkg/index.html'); true", new(bool))
	b.ready(t)
}

// TestSCORM runs every course to a pass and a fail (or, for the purpose
// statement, to completion and short of it) in a SCORM 1.2 and a SCORM 2004
// LMS, and reads back what the LMS recorded.
func TestSCORM(t *testing.T) {
	need(t)
	for _, f := range []course.Format{course.SCORM12, course.SCORM2004} {
		// The SCORM 1.2 LMS serves .wasm as application/octet-stream, the
		// SCORM 2004 one as application/wasm; neither compresses.
		wasmType := "application/octet-stream"
		if f == course.SCORM2004 {
			wasmType = "application/wasm"
		}
		for _, p := range plays(t) {
			t.Run(f.String()+"/"+p.name, func(t *testing.T) {
				t.Parallel()
				dir, size := pkg(t, p.course, f)
				assert.LessOrEqual(t, size, packaging.MaxZip)
				srv := lmsServer(t, dir, wasmType, nil)
				b := launch(t)
				open(t, b, srv.URL, f, nil)
				var recording string
				b.eval(t, inFrame("lms-status")+`.dataset.recording`, &recording)
				require.Equal(t, "true", recording, "the course found the LMS: %s", b.frameText(t, "lms-status"))
				// Whatever its content type, the program is downloaded once:
				// the page's preload and the loader's fetch share one request,
				// and a wrong content type no longer makes the loader fetch
				// it again after compileStreaming refuses it.
				var fetches int
				b.eval(t, `document.getElementById("sco").contentWindow.performance.getEntriesByType("resource").filter(e => e.name.endsWith("/course.wasm")).length`, &fetches)
				assert.Equal(t, 1, fetches, "course.wasm requests with %s", wasmType)
				p.do(t, b)
				b.click(t, "finish")
				b.waitJS(t, `lms.finished > 0`)
				c := readCMI(t, b, f)
				assert.Equal(t, []string{"Initialize"}, c.Calls[:1], "initialised first")
				assert.Equal(t, "Finish", c.Calls[len(c.Calls)-1], "terminated last")
				assert.Equal(t, 1, c.Finished, "terminated once")
				assert.Positive(t, c.Commits, "committed")
				assert.Equal(t, itoa(p.score), c.Raw)
				assert.Equal(t, "0", c.Min)
				assert.Equal(t, "100", c.Max)
				assert.NotEmpty(t, c.Session, "session time sent")
				assert.Contains(t, c.Suspend, "{", "suspend data kept")
				if f == course.SCORM12 {
					assert.Regexp(t, `^\d{4}:\d{2}:\d{2}(\.\d{1,2})?$`, c.Session)
					assert.Equal(t, status12(p.completed, p.success), c.Status)
				} else {
					assert.Regexp(t, `^PT`, c.Session)
					assert.Equal(t, map[bool]string{true: "completed", false: "incomplete"}[p.completed], c.Completion)
					assert.Equal(t, p.success.String(), c.Success)
					assert.Equal(t, scaled(p.score), c.Scaled)
					if p.completed {
						assert.Equal(t, "1.00", c.Sent["cmi.progress_measure"])
					} else {
						assert.Contains(t, c.Sent, "cmi.progress_measure")
					}
				}
				assert.Equal(t, map[bool]string{true: "true", false: "false"}[p.completed], attr(t, b, "course-result", "completed"))
				assert.Empty(t, b.frameText(t, "lms-error"), "the LMS accepted every call")
			})
		}
	}
}

func status12(completed bool, s course.Success) string {
	switch {
	case s == course.Passed:
		return "passed"
	case s == course.Failed:
		return "failed"
	case completed:
		return "completed"
	}
	return "incomplete"
}

func itoa(n int) string { return strconv.Itoa(n) }

func scaled(n int) string { return strconv.FormatFloat(float64(n)/100, 'f', -1, 64) }

func attr(t *testing.T, b *browser, test, name string) string {
	t.Helper()
	var s string
	b.eval(t, inFrame(test)+`.dataset.`+name, &s)
	return s
}
