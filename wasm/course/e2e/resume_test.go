package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/course"
)

// TestResumeAfterClose closes the course mid-way (the frame goes away, as
// a closed tab would), checks the session still ended cleanly with the
// learner's state in the suspend data, then relaunches with that suspend
// data and finishes where the learner left off.
func TestResumeAfterClose(t *testing.T) {
	need(t)
	for _, f := range []course.Format{course.SCORM12, course.SCORM2004} {
		t.Run(f.String(), func(t *testing.T) {
			c := standardsCourse(0)
			dir, _ := pkg(t, c, f)
			srv := lmsServer(t, dir, "application/octet-stream", nil)
			b := launch(t)
			open(t, b, srv.URL, f, nil)
			b.click(t, "yes-0")
			b.click(t, "ack-0")
			b.eval(t, `closeCourse(); true`, new(bool))
			b.waitJS(t, `lms.finished > 0`)
			first := readCMI(t, b, f)
			assert.Equal(t, "Finish", first.Calls[len(first.Calls)-1], "closing the page terminates the session")
			assert.Equal(t, "suspend", first.Exit, "the learner left mid-course")
			require.Contains(t, first.Suspend, "greet", "what the learner did is in the suspend data")
			if f == course.SCORM12 {
				assert.Equal(t, "incomplete", first.Status)
			} else {
				assert.Equal(t, "incomplete", first.Completion)
			}

			preload := map[string]any{"suspend_data": first.Suspend}
			if f == course.SCORM12 {
				preload["core"] = map[string]any{"entry": "resume"}
			} else {
				preload["entry"] = "resume"
			}
			open(t, b, srv.URL, f, preload)
			assert.Equal(t, "Acknowledged", strings.TrimSpace(b.frameText(t, "ack-0")), "the first standard is still acknowledged")
			b.click(t, "no-1")
			b.click(t, "ack-1")
			b.click(t, "finish")
			b.waitJS(t, `lms.finished > 0`)
			second := readCMI(t, b, f)
			assert.Equal(t, "100", second.Raw)
			if f == course.SCORM12 {
				assert.Equal(t, "passed", second.Status)
			} else {
				assert.Equal(t, "completed", second.Completion)
				assert.Equal(t, "passed", second.Success)
			}
		})
	}
}

// TestAPIFoundThroughOpener launches the package in its own window: the
// course finds the LMS's API on the window that opened it.
func TestAPIFoundThroughOpener(t *testing.T) {
	need(t)
	c := standardsCourse(0)
	dir, _ := pkg(t, c, course.SCORM12)
	srv := lmsServer(t, dir, "application/octet-stream", nil)
	b := launch(t)
	b.run(t, chromedp.Navigate(srv.URL+"/host/host.html"))
	b.eval(t, `launchPopup("12", "/pkg/index.html"); true`, new(bool))
	b.ready(t)
	assert.Equal(t, "true", attr(t, b, "lms-status", "recording"), b.frameText(t, "lms-status"))
	b.click(t, "yes-0")
	b.click(t, "ack-0")
	b.click(t, "no-1")
	b.click(t, "ack-1")
	b.click(t, "finish")
	b.waitJS(t, `lms.finished > 0`)
	c12 := readCMI(t, b, course.SCORM12)
	assert.Equal(t, "passed", c12.Status)
	assert.Equal(t, "100", c12.Raw)
}

// TestWithoutLMS opens the package from a plain web server: the course
// runs, and says its results are not being recorded.
func TestWithoutLMS(t *testing.T) {
	need(t)
	c := standardsCourse(0)
	dir, _ := pkg(t, c, course.SCORM2004)
	srv := lmsServer(t, dir, "application/octet-stream", nil)
	b := launch(t)
	b.run(t, chromedp.Navigate(srv.URL+"/host/frame.html"))
	b.ready(t)
	assert.Equal(t, "false", attr(t, b, "lms-status", "recording"))
	assert.Contains(t, b.frameText(t, "lms-status"), "not being recorded")
	b.click(t, "yes-0")
	b.click(t, "ack-0")
	assert.Contains(t, b.frameText(t, "course-result"), "50%", "the course still keeps score")
}

// TestHostileStandardsRenderInert builds a standards course from texts
// full of markup, script and control characters: they show as text, run
// nothing, and the page keeps to its structure.
func TestHostileStandardsRenderInert(t *testing.T) {
	need(t)
	const evil = `<img src=x onerror="window.parent.pwned=1"><script>window.parent.pwned=2</script>` + "\x01\x1b[31m" + `</script><b>bold</b> & "quotes"`
	c := course.Course{Version: course.Version, Kind: course.Standards, Title: "Ours " + evil, Description: evil,
		Standards: []standards.Standard{{ID: "x1", Code: "<i>C</i>", Statement: evil, Rationale: evil, Deviation: evil}, {ID: "x2", Statement: "Plain."}}}
	dir, _ := pkg(t, c, course.SCORM2004)
	srv := lmsServer(t, dir, "application/wasm", nil)
	b := launch(t)
	open(t, b, srv.URL, course.SCORM2004, nil)
	b.click(t, "yes-0")
	var got struct {
		Pwned  bool
		Images int
		Bold   int
		Text   string
	}
	b.eval(t, `({Pwned: !!window.pwned, Images: frameDoc().querySelectorAll("#app img").length,
		Bold: frameDoc().querySelectorAll("#app b").length, Text: frameDoc().querySelector('[data-test="standard-0"]').textContent})`, &got)
	assert.False(t, got.Pwned, "no script ran")
	assert.Zero(t, got.Images, "no element made from the text")
	assert.Zero(t, got.Bold)
	assert.Contains(t, got.Text, `<script>window.parent.pwned=2</script>`, "the text shows as written")
}
