package standards

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	goldenfile "github.com/purposefulcx/purposeful/internal/golden"
)

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}

func goldenBook(t *testing.T) *Book {
	b := reportBook(t)
	b.Standards[1].Statement = "Use the guest's name | twice *during* check-in."
	b.Observations[0].Ratings[0].Evidence = "=HYPERLINK(\"x\")"
	require.NoError(t, b.Dispute("o2", "cy", "The guest had no bags.", day0))
	require.NoError(t, b.Resolve("o2", PartlyAccepted, "walk was N/A", []Rating{r("greet", 1), na("walk"), r("id", 1)}, day0))
	return b
}

func TestGoldenOutputs(t *testing.T) {
	b := goldenBook(t)
	t.Run("card", func(t *testing.T) { golden(t, "card.md", []byte(CardMarkdown(b))) })
	t.Run("csv", func(t *testing.T) {
		var buf bytes.Buffer
		require.NoError(t, ObservationsCSV(&buf, b))
		golden(t, "observations.csv", buf.Bytes())
	})
	t.Run("json", func(t *testing.T) {
		var buf bytes.Buffer
		require.NoError(t, Encode(&buf, b))
		golden(t, "book.json", buf.Bytes())
	})
	t.Run("report", func(t *testing.T) {
		rep, err := b.Report(ReportSettings{})
		require.NoError(t, err)
		golden(t, "report.md", []byte(rep.Markdown()))
		js, err := json.MarshalIndent(rep, "", "  ")
		require.NoError(t, err)
		golden(t, "report.json", append(js, '\n'))
	})
	t.Run("calibration", func(t *testing.T) {
		cal, err := calibrationBook(t).Calibrate(CalibrationSettings{})
		require.NoError(t, err)
		golden(t, "calibration.md", []byte(cal.Markdown()))
	})
	t.Run("training", func(t *testing.T) {
		golden(t, "training.md", []byte(TrainingMarkdown(b, b.TrainingPlan(), b.Reinforcement(day0, ScheduleSettings{Huddles: 5}))))
	})
	t.Run("lint", func(t *testing.T) {
		s := cleanStandard()
		s.Statement = "Staff must try to greet guests promptly and/or appropriately. Smile."
		s.Rationale = "Guests at the desk."
		s.Deviation = ""
		js, err := json.MarshalIndent(Lint(&s, LintSettings{Purpose: testPurpose}), "", "  ")
		require.NoError(t, err)
		golden(t, "lint.json", append(js, '\n'))
	})
}
