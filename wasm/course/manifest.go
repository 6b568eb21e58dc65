package course

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/purposefulcx/purposeful/internal/enum"
)

// Format is the packaging standard of a course zip.
type Format uint8

// Formats.
const (
	// SCORM12 is SCORM 1.2: imsmanifest.xml, the LMS API object "API".
	SCORM12 Format = iota
	// SCORM2004 is SCORM 2004 3rd edition: imsmanifest.xml, the LMS API
	// object "API_1484_11".
	SCORM2004
	// CMI5 is cmi5: cmi5.xml with one assignable unit, xAPI statements
	// sent to the LMS's LRS.
	CMI5
)

var formatNames = []string{"scorm12", "scorm2004", "cmi5"}

// Valid reports whether f is one of the formats.
func (f Format) Valid() bool { return int(f) < len(formatNames) }

func (f Format) String() string { return enum.String(f, formatNames, "format") }

// MarshalText writes the format's name.
func (f Format) MarshalText() ([]byte, error) {
	if s, ok := enum.Name(f, formatNames); ok {
		return []byte(s), nil
	}
	return nil, fmt.Errorf("%w: format %d", ErrUnknown, f)
}

// UnmarshalText reads a format's name.
func (f *Format) UnmarshalText(b []byte) error {
	v, ok := enum.Parse[Format](b, formatNames)
	if !ok {
		return fmt.Errorf("%w: format %q (want one of %s)", ErrUnknown, b, strings.Join(formatNames, ", "))
	}
	*f = v
	return nil
}

// ManifestName is the file an LMS reads first: imsmanifest.xml for SCORM,
// cmi5.xml for cmi5.
func (f Format) ManifestName() string {
	if f == CMI5 {
		return "cmi5.xml"
	}
	return "imsmanifest.xml"
}

// esc escapes s for XML text and attribute values. Characters XML 1.0
// cannot carry (most control characters) become U+FFFD.
func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// Manifest returns the manifest of c in format f, listing files (the
// package's other files, in order).
func Manifest(c *Course, f Format, files []string) []byte {
	switch f {
	case SCORM12:
		return scorm12Manifest(c, files)
	case SCORM2004:
		return scorm2004Manifest(c, files)
	default:
		return cmi5Manifest(c)
	}
}

// ident returns an XML ID (NCName) stable for the course: its identifier
// without the URN prefix and hyphens.
func ident(c *Course) string {
	return "PURPOSEFUL-" + strings.ReplaceAll(strings.TrimPrefix(c.ID(), "urn:uuid:"), "-", "")
}

func writeFiles(b *strings.Builder, files []string) {
	for _, f := range files {
		b.WriteString(`      <file href="` + esc(f) + `"/>` + "\n")
	}
}

func scorm12Manifest(c *Course, files []string) []byte {
	id, lang := ident(c), esc(c.Lang())
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="` + id + `" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:imsmd="http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
    <imsmd:lom>
      <imsmd:general>
        <imsmd:title><imsmd:langstring xml:lang="` + lang + `">` + esc(c.Title) + `</imsmd:langstring></imsmd:title>
        <imsmd:language>` + lang + `</imsmd:language>
        <imsmd:description><imsmd:langstring xml:lang="` + lang + `">` + esc(c.About()) + `</imsmd:langstring></imsmd:description>
      </imsmd:general>
    </imsmd:lom>
  </metadata>
  <organizations default="ORG-` + id + `">
    <organization identifier="ORG-` + id + `">
      <title>` + esc(c.Title) + `</title>
      <item identifier="ITEM-` + id + `" identifierref="RES-` + id + `" isvisible="true">
        <title>` + esc(c.Title) + `</title>
`)
	if c.Kind != Purpose {
		b.WriteString(`        <adlcp:masteryscore>` + strconv.Itoa(c.MasteryScore()) + `</adlcp:masteryscore>
`)
	}
	closeManifest(&b, id, "scormtype", files) // SCORM 1.2 spells it in lower case
	return []byte(b.String())
}

// closeManifest ends a SCORM manifest after its item: the organisation,
// the one SCO resource with its files (scormAttr is the adlcp attribute's
// name, whose case differs between SCORM 1.2 and 2004) and the manifest.
func closeManifest(b *strings.Builder, id, scormAttr string, files []string) {
	b.WriteString(`      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="RES-` + id + `" type="webcontent" adlcp:` + scormAttr + `="sco" href="index.html">
`)
	writeFiles(b, files)
	b.WriteString(`    </resource>
  </resources>
</manifest>
`)
}

func scorm2004Manifest(c *Course, files []string) []byte {
	id := ident(c)
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="` + id + `" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 3rd Edition</schemaversion>
    <adlcp:location>metadata.xml</adlcp:location>
  </metadata>
  <organizations default="ORG-` + id + `">
    <organization identifier="ORG-` + id + `">
      <title>` + esc(c.Title) + `</title>
      <item identifier="ITEM-` + id + `" identifierref="RES-` + id + `" isvisible="true">
        <title>` + esc(c.Title) + `</title>
`)
	if c.Kind != Purpose {
		b.WriteString(`        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="PRIMARY-` + id + `" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>` + scaled(c.MasteryScore()) + `</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>
`)
	}
	closeManifest(&b, id, "scormType", files)
	return []byte(b.String())
}

// Metadata2004 is the SCORM 2004 package's metadata.xml (IEEE LOM): the
// course's identifier, title, language and description, which the
// manifest points to with adlcp:location.
func Metadata2004(c *Course) []byte {
	lang := esc(c.Lang())
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>
<lom xmlns="http://ltsc.ieee.org/xsd/LOM">
  <general>
    <identifier><catalog>URI</catalog><entry>` + esc(c.ID()) + `</entry></identifier>
    <title><string language="` + lang + `">` + esc(c.Title) + `</string></title>
    <language>` + lang + `</language>
    <description><string language="` + lang + `">` + esc(c.About()) + `</string></description>
  </general>
</lom>
`)
}

// scaled writes a 0-100 score as a 0-1 decimal ("0.7").
func scaled(score int) string { return strconv.FormatFloat(float64(score)/100, 'f', -1, 64) }

// MoveOn is the cmi5 moveOn criterion of the course's assignable unit:
// CompletedAndPassed for scored courses, Completed for the purpose
// statement.
func (c *Course) MoveOn() string {
	if c.Kind == Purpose {
		return "Completed"
	}
	return "CompletedAndPassed"
}

// AUID is the cmi5 identifier of the course's one assignable unit.
func (c *Course) AUID() string { return c.ID() + ":au" }

func cmi5Manifest(c *Course) []byte {
	lang := esc(c.Lang())
	text := func(s string) string {
		return `<langstring lang="` + lang + `">` + esc(s) + `</langstring>`
	}
	mastery := ""
	if c.Kind != Purpose {
		mastery = ` masteryScore="` + scaled(c.MasteryScore()) + `"`
	}
	return []byte(`<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="` + esc(c.ID()) + `">
    <title>` + text(c.Title) + `</title>
    <description>` + text(c.About()) + `</description>
  </course>
  <au id="` + esc(c.AUID()) + `" moveOn="` + c.MoveOn() + `"` + mastery + ` launchMethod="AnyWindow">
    <title>` + text(c.Title) + `</title>
    <description>` + text(c.About()) + `</description>
    <url>index.html</url>
  </au>
</courseStructure>
`)
}
