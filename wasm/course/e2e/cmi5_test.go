package e2e

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/wasm/api/apitest"
	"github.com/purposefulcx/purposeful/wasm/course"
)

// httpTransport is the cmi5 transport outside the browser.
type httpTransport struct{}

func (httpTransport) Do(r course.Request) (int, []byte, error) {
	req, err := http.NewRequest(r.Method, r.URL, bytes.NewReader(r.Body))
	if err != nil {
		return 0, nil, err
	}
	for k, v := range r.Header {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res.StatusCode, b, err
}

func (t httpTransport) Keepalive(r course.Request) { go t.Do(r) }

// clock is the attempt's host outside the browser.
type clock struct{}

func (clock) Now() time.Time { return time.Now() }
func (clock) After(d time.Duration, fn func()) func() {
	tm := time.AfterFunc(d, fn)
	return func() { tm.Stop() }
}

func needLRS(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(workerModules(), "xapi-statements")); err != nil {
		if ci := os.Getenv("CI"); ci == "true" || ci == "1" {
			t.Fatalf("%s is missing under CI: .ci/setup-worker.sh must install it", workerModules())
		}
		t.Skip("the worker's Node packages are not installed (run .ci/setup-worker.sh)")
	}
}

func standardsCourse(mastery int) course.Course {
	return course.Course{Version: course.Version, Kind: course.Standards, Title: "Our standards", Standards: twoStandards(), Mastery: mastery}
}

// waitFor polls cond for up to a minute.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// TestCMI5Session runs the course's cmi5 session (the same Go the AU
// runs, here over net/http) against the test LMS while the LRS drops
// every request for a while, then resumes in a second launch.
func TestCMI5Session(t *testing.T) {
	needLRS(t)
	l := apitest.StartLRS(t, workerModules())
	c := standardsCourse(0)
	m := newCMI5LMS(t, l, c)
	srv := httptest.NewServer(mux(m.handlers()))
	defer srv.Close()
	m.base = srv.URL
	mastery := 0.5
	m.register(t, "CompletedAndPassed", &mastery)

	p, err := course.ParseLaunch(m.launchQuery(t))
	require.NoError(t, err)
	s := course.NewCMI5(p, httpTransport{}, time.Now)
	s.Retry = 500 * time.Millisecond
	a := course.Begin(&c, s, clock{})
	require.NoError(t, a.Err)
	require.True(t, a.Recording())
	assert.Equal(t, 50, a.Mastery, "the LMS's mastery score wins over the course's 70")
	assert.Equal(t, "en-GB", s.Pref.LanguagePreference, "learner preferences read")
	waitFor(t, "initialized to arrive", func() bool { return s.Pending() == 0 })

	m.outage(true)
	qs := c.Questions()
	a.Answer(qs[0].ID, !qs[0].Purposeful) // wrong: 50%, passes at the LMS's 0.5
	a.Ack(qs[0].ID)
	a.Answer(qs[1].ID, qs[1].Purposeful)
	a.Ack(qs[1].ID)
	a.Finish()
	time.Sleep(1500 * time.Millisecond)
	assert.Positive(t, s.Pending(), "nothing is dropped while the LRS is down")
	m.outage(false)
	waitFor(t, "the queue to empty", func() bool { return s.Pending() == 0 })

	verbs := m.checkCMI5(t, m.statements(t), &mastery)
	assert.Equal(t, []string{"initialized", "completed", "passed", "terminated"}, verbs)

	// A second launch of the same registration resumes where the learner was.
	m.fetched.Store(0)
	s2 := course.NewCMI5(p, httpTransport{}, time.Now)
	a2 := course.Begin(&c, s2, clock{})
	require.NoError(t, a2.Err)
	assert.True(t, a2.State.Acked[qs[1].ID], "the state came back from the LRS")
	assert.True(t, a2.Result().Completed)
	a2.Finish()
	waitFor(t, "the second session's statements", func() bool { return s2.Pending() == 0 })
	verbs = m.checkCMI5(t, m.statements(t), &mastery)
	assert.Equal(t, []string{"initialized", "completed", "passed", "terminated", "initialized", "terminated"}, verbs,
		"completed and passed are not sent twice in one session; the second session only opens and closes")
}

// TestCMI5MoveOnAndLaunchMode checks that the session sends only what the
// LMS's launch data asks for: no passed or failed when moveOn is
// Completed, and no completed, passed or failed outside Normal mode.
func TestCMI5MoveOnAndLaunchMode(t *testing.T) {
	needLRS(t)
	l := apitest.StartLRS(t, workerModules())
	c := standardsCourse(0)
	cases := []struct {
		name, moveOn, mode string
		want               []string
	}{
		{"completed and passed", "CompletedAndPassed", "Normal", []string{"initialized", "completed", "passed", "terminated"}},
		{"completed only", "Completed", "Normal", []string{"initialized", "completed", "terminated"}},
		{"passed only", "Passed", "Normal", []string{"initialized", "completed", "passed", "terminated"}},
		{"review", "CompletedAndPassed", "Review", []string{"initialized", "terminated"}},
		{"browse", "CompletedAndPassed", "Browse", []string{"initialized", "terminated"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := newCMI5LMS(t, l, c)
			srv := httptest.NewServer(mux(m.handlers()))
			defer srv.Close()
			m.base = srv.URL
			m.registerMode(t, tc.moveOn, tc.mode, nil)
			p, err := course.ParseLaunch(m.launchQuery(t))
			require.NoError(t, err)
			s := course.NewCMI5(p, httpTransport{}, time.Now)
			a := course.Begin(&c, s, clock{})
			require.NoError(t, a.Err)
			for _, q := range c.Questions() {
				a.Answer(q.ID, q.Purposeful)
				a.Ack(q.ID)
			}
			a.Finish()
			waitFor(t, "the queue to empty", func() bool { return s.Pending() == 0 })
			assert.Equal(t, tc.want, m.checkCMI5(t, m.statements(t), nil))
		})
	}
}

// TestCMI5InChromium launches the standards course's AU from the test
// LMS in Chromium, with the LRS dropping requests while the learner works.
func TestCMI5InChromium(t *testing.T) {
	need(t)
	needLRS(t)
	l := apitest.StartLRS(t, workerModules())
	c := standardsCourse(70)
	m := newCMI5LMS(t, l, c)
	dir, _ := pkg(t, c, course.CMI5)
	srv := lmsServer(t, dir, "application/octet-stream", m.handlers())
	m.base = srv.URL
	m.register(t, "CompletedAndPassed", nil)
	b := launch(t)
	b.run(t, chromedp.Navigate(srv.URL+"/host/frame.html#"+m.launchQuery(t)))
	b.ready(t)
	assert.Equal(t, "true", attr(t, b, "lms-status", "recording"), b.frameText(t, "lms-status"))
	waitFor(t, "initialized", func() bool { return len(m.statements(t)) == 1 })

	m.outage(true)
	b.click(t, "no-0") // wrong: 50% under the course's 70
	b.click(t, "ack-0")
	b.click(t, "no-1")
	b.click(t, "ack-1")
	b.click(t, "finish")
	time.Sleep(1500 * time.Millisecond)
	m.outage(false)
	waitFor(t, "terminated", func() bool {
		ss := m.statements(t)
		return len(ss) > 0 && verbOf(ss[len(ss)-1]) == "terminated"
	})
	verbs := m.checkCMI5(t, m.statements(t), nil)
	assert.Equal(t, []string{"initialized", "completed", "failed", "terminated"}, verbs)
	b.waitJS(t, `document.getElementById("sco").contentWindow.location.pathname === "/host/returned.html"`)
}

func mux(hs map[string]http.Handler) *http.ServeMux {
	m := http.NewServeMux()
	for p, h := range hs {
		m.Handle(p, h)
	}
	return m
}
