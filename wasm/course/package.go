package course

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// ErrAssets reports missing course program files.
var ErrAssets = errors.New("course: assets missing")

// Config is what the course program reads from its page: the course and
// the format it was packaged as.
type Config struct {
	Format Format  `json:"format"`
	Course *Course `json:"course"`
}

// FileName is a file name for the package of c in f, from its kind and
// format ("purposeful-recovery-scorm2004.zip").
func FileName(c *Course, f Format) string {
	return "purposeful-" + c.Kind.String() + "-" + f.String() + ".zip"
}

// Page returns the course's index.html: the page's security policy
// (with connect-src open, since a cmi5 LRS lives on another origin), a
// preload of the program (its download, the largest, starts with the
// page's first requests; the loader's fetch takes over that response), the
// loader, and the course configuration as a JSON data block (never
// executed; json.Marshal escapes <, > and &, so no text in it can close
// the element).
func Page(c *Course, f Format) ([]byte, error) {
	cfg, err := json.Marshal(Config{Format: f, Course: c})
	if err != nil {
		return nil, fmt.Errorf("course: %w", err)
	}
	var b bytes.Buffer
	b.WriteString(`<!doctype html>
<html lang="` + esc(c.Lang()) + `">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="` + CSP + `">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>` + esc(c.Title) + `</title>
<link rel="stylesheet" href="style.css">
<script src="wasm_exec.js" defer></script>
<link rel="preload" href="course.wasm" as="fetch" type="application/wasm" crossorigin>
<script src="loader.js" data-wasm="course.wasm" data-store="purposeful"></script>
<link rel="icon" href="data:,">
<script type="application/json" id="course-data">`)
	b.Write(cfg)
	b.WriteString(`</script>
</head>
<body>
<header class="topbar"><p class="brand"><span class="brand-mark" aria-hidden="true">P</span><span id="course-title">` + esc(c.Title) + `</span></p>
<p class="save-state" id="save-state" role="status" aria-live="polite"></p></header>
<main id="main" tabindex="-1">
<div id="course-bar" class="card course-bar" data-test="course-bar"></div>
<div id="app" class="app"><p id="boot-status" class="boot">Loading the course&hellip;</p>
<noscript><p class="boot">The course needs JavaScript and WebAssembly to run.</p></noscript></div>
</main>
<div id="announcer" class="visually-hidden" aria-live="polite" aria-atomic="true"></div>
<div id="alerts" class="visually-hidden" aria-live="assertive" aria-atomic="true"></div>
</body>
</html>
`)
	return b.Bytes(), nil
}

// CSP is the course page's Content-Security-Policy: the page's policy,
// with connect-src open so a cmi5 course can reach the LMS's LRS.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src *; object-src 'none'; base-uri 'none'; form-action 'none'"

// DecodeConfig reads a course page's configuration strictly.
func DecodeConfig(data []byte) (*Config, error) {
	var cfg Config
	d := json.NewDecoder(bytes.NewReader(data))
	d.DisallowUnknownFields()
	if err := d.Decode(&cfg); err != nil {
		return nil, fmt.Errorf("course: %w", err)
	}
	if cfg.Course == nil {
		return nil, fmt.Errorf("%w: course: missing", ErrInvalid)
	}
	if err := cfg.Course.Validate(); err != nil {
		return nil, err
	}
	return &cfg, nil
}
