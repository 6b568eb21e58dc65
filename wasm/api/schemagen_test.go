package api

// Response schemas of the analysis and LTI routes are derived from the Go
// types the handlers write, so openapi_schemas.json cannot drift from them:
// TestOpenAPISchemasFollowGoTypes fails when a type changes, and -update
// rewrites the derived entries.

import (
	"encoding"
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/grid"
	goldenfile "github.com/purposefulcx/purposeful/internal/golden"
	"github.com/purposefulcx/purposeful/purpose"
	"github.com/purposefulcx/purposeful/recovery"
	"github.com/purposefulcx/purposeful/standards"
	"github.com/purposefulcx/purposeful/wasm/course"
	"github.com/purposefulcx/purposeful/wasm/lti"
	"github.com/stretchr/testify/assert"
)

// derivedSchemas names each derived component schema and the value whose
// JSON form it describes.
func derivedSchemas() map[string]any {
	return map[string]any{
		"Grid":                     grid.Grid{},
		"GridView":                 grid.View{},
		"Book":                     standards.Book{},
		"PurposeAnalysis":          purpose.Analysis{},
		"PurposeDiagnosticRequest": purpose.Diagnostic{},
		"CoursePackageRequest":     course.Config{},
		"LTIPracticeRequest":       ltiPracticeRequest{},
		"LTICompleteRequest":       ltiCompleteRequest{},
		"LTIStandardsRequest":      ltiStandardsRequest{},
		"PurposeClassification":    purpose.Classification{},
		"PurposeClimb":             purpose.Climb{},
		"PurposeAlignment":         purpose.AlignmentReport{},
		"PurposeDiagnostic":        purpose.DiagnosticReport{},
		"PurposeQuestions": struct {
			Levels    []purpose.Level    `json:"levels"`
			Questions []purpose.Question `json:"questions"`
		}{},
		"StandardsLint": struct {
			Findings []standards.LintFinding `json:"findings"`
		}{},
		"StandardsDrafts": struct {
			Drafts []standards.DraftStandard `json:"drafts"`
		}{},
		"StandardsScore": struct {
			Reviews []standards.Review `json:"reviews"`
			Report  *standards.Report  `json:"report"`
		}{},
		"StandardsCalibration": standards.Calibration{},
		"RecoveryPlan":         recovery.Guidance{},
		"RecoveryReview":       recovery.Report{},
		"RecoveryGrade":        gradeResponse{},
		"RecoveryPhrases": struct {
			Phrases []recovery.Phrase `json:"phrases"`
		}{},
		"RecoveryScenarios": struct {
			Scenarios []recovery.Scenario `json:"scenarios"`
		}{},
		"LTISession":   sessionInfo{},
		"LTIGraded":    ltiGraded{},
		"LTIRoster":    rosterResponse{},
		"LTIPlatform":  lti.Platform{},
		"LTIPlatforms": platformsResponse{},
	}
}

var textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()

// schemaOf returns the JSON Schema of t's encoding/json form. Integer
// types that marshal as text (the packages' enums) list the names their
// values marshal to.
func schemaOf(t reflect.Type, seen map[reflect.Type]bool) obj {
	if t == reflect.TypeFor[time.Time]() {
		return obj{"type": "string", "format": "date-time"}
	}
	if t == reflect.TypeFor[json.RawMessage]() {
		return obj{}
	}
	if t.Implements(textMarshaler) && t.Kind() != reflect.Pointer {
		s := obj{"type": "string"}
		if k := t.Kind(); k >= reflect.Int && k <= reflect.Uint64 {
			var names []any
			for i := range 64 {
				v := reflect.New(t).Elem()
				if k <= reflect.Int64 {
					v.SetInt(int64(i))
				} else {
					v.SetUint(uint64(i))
				}
				b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
				if err == nil {
					names = append(names, string(b))
				}
			}
			s["enum"] = names
		}
		return s
	}
	switch t.Kind() {
	case reflect.Pointer:
		return schemaOf(t.Elem(), seen)
	case reflect.String:
		return obj{"type": "string"}
	case reflect.Bool:
		return obj{"type": "boolean"}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return obj{"type": "integer"}
	case reflect.Float32, reflect.Float64:
		return obj{"type": "number"}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 && !t.Elem().Implements(textMarshaler) {
			return obj{"type": "string", "contentEncoding": "base64"}
		}
		return obj{"type": "array", "items": schemaOf(t.Elem(), seen)}
	case reflect.Map:
		return obj{"type": "object", "additionalProperties": schemaOf(t.Elem(), seen)}
	case reflect.Interface:
		return obj{}
	case reflect.Struct:
		if seen[t] {
			return obj{"description": t.String() + " (recursive)"}
		}
		seen[t] = true
		defer delete(seen, t)
		props, required := obj{}, []string{}
		structFields(t, seen, props, &required)
		sort.Strings(required)
		s := obj{"type": "object", "additionalProperties": false, "properties": props}
		if len(required) > 0 {
			s["required"] = required
		}
		if t.Name() != "" && t.PkgPath() != reflect.TypeFor[handler]().PkgPath() {
			s["description"] = t.String()
		}
		return s
	}
	panic("schemaOf: unsupported kind " + t.Kind().String() + " of " + t.String())
}

func structFields(t reflect.Type, seen map[reflect.Type]bool, props obj, required *[]string) {
	for f := range t.Fields() {
		tag := f.Tag.Get("json")
		if tag == "-" || (!f.IsExported() && !f.Anonymous) {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		ft := f.Type
		if f.Anonymous && name == "" {
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct && !ft.Implements(textMarshaler) {
				structFields(ft, seen, props, required)
				continue
			}
		}
		if name == "" {
			name = f.Name
		}
		s := schemaOf(ft, seen)
		props[name] = s
		omit := strings.Contains(opts, "omitempty") || strings.Contains(opts, "omitzero")
		if !omit {
			*required = append(*required, name)
		}
	}
}

func TestOpenAPISchemasFollowGoTypes(t *testing.T) {
	b, err := os.ReadFile("openapi_schemas.json")
	if err != nil {
		t.Fatal(err)
	}
	var file obj
	if err := json.Unmarshal(b, &file); err != nil {
		t.Fatal(err)
	}
	changed := false
	for name, v := range derivedSchemas() {
		want := schemaOf(reflect.TypeOf(v), map[reflect.Type]bool{})
		wb, _ := json.Marshal(want)
		var norm any
		_ = json.Unmarshal(wb, &norm)
		if goldenfile.Updating() {
			file[name], changed = norm, true
			continue
		}
		assert.Equal(t, norm, file[name], "%s: rerun with -update", name)
	}
	if changed {
		out, err := json.MarshalIndent(file, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("openapi_schemas.json", append(out, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
