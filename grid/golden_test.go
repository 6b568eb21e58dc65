package grid

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	goldenfile "github.com/purposefulcx/purposeful/internal/golden"
)

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}

func TestGolden(t *testing.T) {
	fd, dis := SampleFrontDesk(), SampleDischarge()
	fdJSON, err := Encode(fd)
	require.NoError(t, err)
	fdCSV, err := CSV(fd)
	require.NoError(t, err)
	disCSV, err := CSV(dis)
	require.NoError(t, err)
	plan, err := Huddle(fd, HuddleOptions{Meetings: 3, Start: t0})
	require.NoError(t, err)
	p := SamplePortfolio()
	pJSON, err := EncodePortfolio(p)
	require.NoError(t, err)
	pCSV, err := p.CSV()
	require.NoError(t, err)
	sessionLog, err := EncodeLog(workshop(Alias))
	require.NoError(t, err)
	cases := map[string][]byte{
		"frontdesk.json":         fdJSON,
		"frontdesk.md":           []byte(Markdown(fd)),
		"frontdesk.csv":          fdCSV,
		"frontdesk-a4.svg":       []byte(SVG(fd, SVGOptions{})),
		"frontdesk-letter.svg":   []byte(SVG(fd, SVGOptions{Paper: Letter})),
		"frontdesk-template.md":  []byte(Markdown(fd.Template())),
		"frontdesk-template.svg": []byte(SVG(fd, SVGOptions{Template: true})),
		"frontdesk-huddle.md":    []byte(plan.Markdown()),
		"discharge.md":           []byte(Markdown(dis)),
		"discharge.csv":          disCSV,
		"discharge-a4.svg":       []byte(SVG(dis, SVGOptions{})),
		"portfolio.json":         pJSON,
		"portfolio.md":           []byte(p.Markdown()),
		"portfolio.csv":          pCSV,
		"session-log.json":       sessionLog,
	}
	for name, got := range cases {
		t.Run(name, func(t *testing.T) { golden(t, name, got) })
	}
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
