package ui_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/grid"
	"github.com/purposefulcx/purposeful/wasm/course"
	"github.com/purposefulcx/purposeful/wasm/page/ui"
	"github.com/purposefulcx/purposeful/wasm/page/ui/uitest"
)

// lmsApp starts the page with a course builder that records what it is
// asked and answers with fail, or a small zip.
func lmsApp(t *testing.T, fail error) (*uitest.Host, *[]ui.CourseRequest) {
	h, got, _ := lmsAppWith(t, fail)
	return h, got
}

func lmsAppWith(t *testing.T, fail error) (*uitest.Host, *[]ui.CourseRequest, *ui.App) {
	t.Helper()
	var got []ui.CourseRequest
	svc := fakeServices()
	svc.Scenarios = func() []ui.Scenario {
		return []ui.Scenario{{ID: "hotel", Title: "Hotel"}, {ID: "airline", Title: "Airline"}}
	}
	svc.BuildCourse = func(req ui.CourseRequest, done func(string, []byte, error)) {
		got = append(got, req)
		done("purposeful-"+req.Kind+"-"+req.Format+".zip", []byte("PK zip"), fail)
	}
	h := uitest.New()
	a := ui.New(h, svc)
	a.Start()
	return h, &got, a
}

func pick(t *testing.T, h *uitest.Host, test, value string) {
	t.Helper()
	sel := find(t, h, test)
	sel.SetValue(value)
	sel.Fire(ui.Event{Type: "change"})
}

func TestLMSDialog(t *testing.T) {
	t.Run("hidden without a builder", func(t *testing.T) {
		h := uitest.New()
		start(t, h)
		assert.Nil(t, app(h).ByTest("lms-download"))
	})
	t.Run("recovery with a chosen scenario", func(t *testing.T) {
		h, got := lmsApp(t, nil)
		find(t, h, "lms-download").Click()
		require.NotNil(t, app(h).ByTest("lms-dialog"))
		assert.True(t, find(t, h, "lms-format").Focused, "focus moves into the dialog")
		pick(t, h, "lms-format", "scorm2004")
		find(t, h, "lms-mastery").SetValue("80")
		find(t, h, "lms-pick-1").SetChecked(false)
		find(t, h, "lms-build").Click()
		require.Len(t, *got, 1)
		assert.Equal(t, ui.CourseRequest{Format: "scorm2004", Kind: "recovery", Title: "Recovery practice", Mastery: 80, Scenarios: []string{"hotel"}}, (*got)[0])
		require.Len(t, h.Downloads, 1)
		assert.Equal(t, "purposeful-recovery-scorm2004.zip", h.Downloads[0].Name)
		assert.Contains(t, find(t, h, "lms-status").TextContent(), "Downloaded")
	})
	t.Run("all scenarios means every one, now and later", func(t *testing.T) {
		h, got := lmsApp(t, nil)
		find(t, h, "lms-download").Click()
		find(t, h, "lms-build").Click()
		require.Len(t, *got, 1)
		assert.Nil(t, (*got)[0].Scenarios)
	})
	t.Run("bad mastery and empty title are named", func(t *testing.T) {
		h, got := lmsApp(t, nil)
		find(t, h, "lms-download").Click()
		find(t, h, "lms-mastery").SetValue("140")
		find(t, h, "lms-build").Click()
		assert.Contains(t, find(t, h, "lms-status").TextContent(), "1 to 100")
		find(t, h, "lms-mastery").SetValue("70")
		find(t, h, "lms-title").SetValue("  ")
		find(t, h, "lms-build").Click()
		assert.Contains(t, find(t, h, "lms-status").TextContent(), "title")
		assert.Empty(t, *got, "nothing built")
	})
	t.Run("standards need a grid", func(t *testing.T) {
		h, got := lmsApp(t, nil)
		find(t, h, "lms-download").Click()
		pick(t, h, "lms-kind", "standards")
		assert.Equal(t, "Our standards", find(t, h, "lms-title").Value())
		assert.Contains(t, find(t, h, "lms-picks").TextContent(), "Open a grid")
		find(t, h, "lms-build").Click()
		assert.Contains(t, find(t, h, "lms-status").TextContent(), "at least one")
		assert.Empty(t, *got)
	})
	t.Run("standards from the open grid's adopted ideas", func(t *testing.T) {
		h, got, a := lmsAppWith(t, nil)
		newGrid(t, h)
		d := a.Doc()
		require.NoError(t, d.SetStep(h.Now(), grid.StepMine))
		adopted := grid.Adopted
		for _, it := range []struct {
			id, text string
			adopt    bool
		}{{"i1", "Greet every guest by name.", true}, {"i2", "Not adopted.", false}, {"i3", "Offer water while guests wait.", true}} {
			require.NoError(t, d.Send(h.Now(), grid.Event{Type: grid.AddItem, Item: it.id, Column: grid.ColumnPurposeful, Text: it.text}))
			if it.adopt {
				require.NoError(t, d.Send(h.Now(), grid.Event{Type: grid.Decide, Item: it.id, Status: &adopted}))
			}
		}
		h.HashValue = "home"
		a.Go("home")
		find(t, h, "lms-download").Click()
		pick(t, h, "lms-kind", "standards")
		assert.Contains(t, find(t, h, "lms-picks").TextContent(), "Greet every guest")
		assert.NotContains(t, find(t, h, "lms-picks").TextContent(), "Not adopted")
		find(t, h, "lms-pick-0").SetChecked(false)
		find(t, h, "lms-build").Click()
		require.Len(t, *got, 1)
		assert.Equal(t, []ui.StandardDraft{{Item: "i3", Statement: "Offer water while guests wait."}}, (*got)[0].Standards)
	})
	t.Run("a failed build says why", func(t *testing.T) {
		h, _ := lmsApp(t, errors.New("the server cannot build course packages"))
		find(t, h, "lms-download").Click()
		find(t, h, "lms-build").Click()
		assert.Contains(t, find(t, h, "lms-status").TextContent(), "cannot build")
		assert.Empty(t, h.Downloads)
	})
	t.Run("escape closes and returns focus", func(t *testing.T) {
		h, _ := lmsApp(t, nil)
		open := find(t, h, "lms-download")
		open.Click()
		find(t, h, "lms-dialog").Key("Escape")
		assert.Nil(t, app(h).ByTest("lms-dialog"))
		assert.True(t, open.Focused)
	})
}

// The dialog's request is the API's body: the course package builder reads
// it strictly as its own course document.
func TestCourseRequestIsACourseDocument(t *testing.T) {
	req := ui.CourseRequest{Format: "cmi5", Kind: "standards", Title: "Ours <b>", Mastery: 60,
		Standards: []ui.StandardDraft{{Item: "i3", Code: "FD-1", Statement: "Greet every guest.", Deviation: "a guest in distress"}, {Statement: "Offer water."}}}
	b, err := json.Marshal(req.Document())
	require.NoError(t, err)
	cfg, err := course.DecodeConfig(b)
	require.NoError(t, err)
	assert.Equal(t, course.CMI5, cfg.Format)
	assert.Equal(t, course.Standards, cfg.Course.Kind)
	assert.Equal(t, 60, cfg.Course.Mastery)
	require.Len(t, cfg.Course.Standards, 2)
	assert.Equal(t, "i3", cfg.Course.Standards[0].ID)
	assert.Equal(t, "s2", cfg.Course.Standards[1].ID)
	assert.Equal(t, "a guest in distress", cfg.Course.Standards[0].Deviation)
}
