package api

// The OpenAPI description is built here, in the tests, and kept in
// openapi.json, which the handler embeds and serves as it is.

import (
	"encoding/json"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	goldenfile "github.com/purposefulcx/purposeful/internal/golden"
)

// TestOpenAPIFileIsCurrent keeps openapi.json equal to what the route
// table and openapi_schemas.json describe; rerun with -update after
// changing either.
func TestOpenAPIFileIsCurrent(t *testing.T) {
	b, err := json.MarshalIndent(New(Config{}).(*handler).openAPI(), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	goldenfile.Check(t, "openapi.json", append(b, '\n'))
}

type obj = map[string]any

// browserPage reports whether the operation is a page an LMS opens in the
// learner's browser, which answers errors with an HTML page.
func browserPage(id string) bool {
	return id == "ltiLoginGet" || id == "ltiLoginPost" || id == "ltiLaunch" || id == "ltiDeepLink"
}

// openAPI builds the OpenAPI 3.1 description from the route table and the
// schemas in openapi_schemas.json.
func (h *handler) openAPI() obj {
	paths := obj{}
	for _, rt := range h.routes {
		d := rt.doc
		op := obj{
			"operationId": d.id,
			"summary":     d.summary,
			"tags":        []string{d.tag},
		}
		var params []obj
		for _, name := range pathParams(rt.pattern) {
			params = append(params, obj{"name": name, "in": "path", "required": true, "schema": obj{"type": "string"}})
		}
		for _, q := range d.query {
			params = append(params, obj{"name": q, "in": "query", "required": false, "schema": queryParamSchema(q)})
		}
		if params != nil {
			op["parameters"] = params
		}
		if form, ok := strings.CutPrefix(d.body, "form:"); ok {
			op["requestBody"] = obj{"required": true, "content": obj{
				"application/x-www-form-urlencoded": obj{"schema": ref(form)}}}
		} else if d.body != "" {
			// A completion or a close may come with no body at all.
			optional := d.body == "Complete" || d.body == "AccClose"
			op["requestBody"] = obj{"required": !optional, "content": obj{
				"application/json": obj{"schema": ref(d.body)}}}
		}
		status := d.status
		if status == 0 {
			status = http.StatusOK
		}
		responses := obj{}
		switch {
		case d.id == "coursePackage":
			responses[strconv.Itoa(status)] = obj{"description": "the course package", "content": obj{
				"application/zip": obj{"schema": obj{"type": "string", "contentMediaType": "application/zip"}}}}
		case d.resp == "file":
			responses[strconv.Itoa(status)] = obj{"description": "the exported file", "content": obj{
				"application/json": obj{"schema": ref("Grid")},
				"text/csv":         obj{"schema": obj{"type": "string"}},
				"text/markdown":    obj{"schema": obj{"type": "string"}},
				"image/svg+xml":    obj{"schema": obj{"type": "string"}},
			}}
		case status == http.StatusNoContent:
			responses["204"] = obj{"description": "done, no content"}
		case d.resp != "":
			content := obj{"application/json": obj{"schema": ref(d.resp)}}
			if slices.Contains(d.query, "format") {
				content["text/csv"] = obj{"schema": obj{"type": "string"}}
			}
			responses[strconv.Itoa(status)] = obj{"description": "success", "content": content}
		}
		errs := append([]int{}, d.errors...)
		if d.body != "" {
			errs = append(errs, 400, 413, 415)
		}
		errs = append(errs, 405, 500)
		for _, code := range errs {
			responses[strconv.Itoa(code)] = obj{"$ref": "#/components/responses/Problem"}
			if browserPage(d.id) && code != 405 && code != 500 {
				// A learner's browser gets a page that says what went wrong.
				responses[strconv.Itoa(code)] = obj{"description": "an error page or problem", "content": obj{
					ProblemContentType: obj{"schema": ref("Problem")},
					"text/html":        obj{"schema": obj{"type": "string"}}}}
			}
		}
		op["responses"] = responses
		switch rt.auth {
		case authNone:
			op["security"] = []obj{}
		case authOptional:
			op["security"] = []obj{{}, {"orgKey": []string{}}}
		case authOrg:
			op["security"] = []obj{{"orgKey": []string{}}}
		case authCreate:
			op["security"] = []obj{{"orgKey": []string{}}, {}}
		case authWorkshop:
			op["security"] = []obj{{"workshopToken": []string{}}, {"orgKey": []string{}}}
		}
		item, _ := paths[rt.pattern].(obj)
		if item == nil {
			item = obj{}
			paths[rt.pattern] = item
		}
		item[strings.ToLower(rt.method)] = op
	}
	return obj{
		"openapi": "3.1.0",
		"info": obj{
			"title":       "Purposeful API",
			"version":     Version,
			"description": "Analyse purpose statements, grids, standards and service-recovery replies, and run stored workshops for teams and learning platforms. Errors are RFC 9457 problem documents.",
			"license":     obj{"name": "Apache-2.0", "identifier": "Apache-2.0"},
		},
		"servers": []obj{{"url": "/"}},
		"paths":   paths,
		"components": obj{
			"securitySchemes": obj{
				"orgKey":        obj{"type": "http", "scheme": "bearer", "description": "An organisation API key (pfk_...)."},
				"workshopToken": obj{"type": "http", "scheme": "bearer", "description": "A facilitator or participant token (pft_...)."},
			},
			"responses": obj{
				"Problem": obj{"description": "an error", "content": obj{ProblemContentType: obj{"schema": ref("Problem")}}},
			},
			"schemas": schemas(),
		},
	}
}

func ref(name string) obj { return obj{"$ref": "#/components/schemas/" + name} }

func pathParams(pattern string) []string {
	var out []string
	for _, seg := range strings.Split(pattern, "/") {
		if strings.HasPrefix(seg, "{") {
			out = append(out, strings.Trim(seg, "{}"))
		}
	}
	return out
}

func queryParamSchema(name string) obj {
	switch name {
	case "after":
		return obj{"type": "integer", "minimum": 0}
	case "limit":
		return obj{"type": "integer", "minimum": 1, "maximum": 1000}
	case "format":
		return obj{"type": "string", "enum": []string{"json", "csv", "md", "markdown", "svg"}}
	}
	return obj{"type": "string"}
}

// schemas reads openapi_schemas.json, the component schemas named by the
// route table. EventOrBatch's maxItems must equal maxEventsPerRequest (a
// test checks).
func schemas() obj {
	b, err := os.ReadFile("openapi_schemas.json")
	if err != nil {
		panic(err)
	}
	var o obj
	if err := json.Unmarshal(b, &o); err != nil {
		panic("api: openapi_schemas.json: " + err.Error())
	}
	return o
}
