package api

// The OpenAPI description is built here, in the tests, and kept in
// openapi.json, which the handler embeds and serves as it is.

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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
		case authRole:
			op["security"] = []obj{{"roleToken": []string{}}, {"orgKey": []string{}}}
		case authLTI:
			op["security"] = []obj{{"ltiSession": []string{}}}
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
				"ltiSession":    obj{"type": "http", "scheme": "bearer", "description": "The session token of an LTI launch (pls_...), handed to the page the launch opened."},
				"roleToken":     obj{"type": "http", "scheme": "bearer", "description": "The role token of a supervisor, peer observer or staff member of the accountability loop (pfr_...)."},
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

// TestOpenAPISecurityIsEnforced calls every operation of the served
// description without credentials: one that allows anonymous callers
// (no requirement, or an empty one among them) must not answer 401, and one that names
// only schemes (a key or a token) must answer 401 before doing anything.
// A route that checked credentials in its handler while described as open
// fails here.
func TestOpenAPISecurityIsEnforced(t *testing.T) {
	h := New(Config{PublicOrg: "public"})
	res := httptest.NewRecorder()
	h.ServeHTTP(res, httptest.NewRequest(http.MethodGet, "/v1/openapi.json", nil))
	require.Equal(t, http.StatusOK, res.Code)
	var doc struct {
		Paths map[string]map[string]struct {
			Security []map[string][]string `json:"security"`
		} `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(res.Body.Bytes(), &doc))
	var open, closed int
	for pattern, ops := range doc.Paths {
		path := strings.NewReplacer("{", "x", "}", "").Replace(pattern)
		for method, op := range ops {
			t.Run(strings.ToUpper(method)+" "+pattern, func(t *testing.T) {
				require.NotNil(t, op.Security, "the operation states no security at all")
				anonymous := len(op.Security) == 0 || slices.ContainsFunc(op.Security, func(r map[string][]string) bool { return len(r) == 0 })
				res := httptest.NewRecorder()
				h.ServeHTTP(res, httptest.NewRequest(strings.ToUpper(method), path, strings.NewReader("{}")))
				if anonymous {
					open++
					assert.NotEqual(t, http.StatusUnauthorized, res.Code,
						"described as open to anonymous callers, but answered 401: %s", res.Body)
					return
				}
				closed++
				assert.Equal(t, http.StatusUnauthorized, res.Code, "described as needing %v: %s", op.Security, res.Body)
			})
		}
	}
	assert.Positive(t, open)
	assert.Positive(t, closed)
	acc := doc.Paths["/v1/accountability/observations"]["post"].Security
	assert.Equal(t, []map[string][]string{{"roleToken": {}}, {"orgKey": {}}}, acc, "recording an observation takes a role token or the organisation key")
}
