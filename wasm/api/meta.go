package api

import (
	"net/http"
	"strconv"
	"strings"
)

// Version is the API's version, reported by the health route.
const Version = "1.0.0"

type healthResponse struct {
	Status   string `json:"status"`
	Version  string `json:"version"`
	Database string `json:"database"` // "ok", "none" or "error"
}

// health: GET /v1/health. 200 when the API and its database answer.
func health(c *call) error {
	resp := healthResponse{Status: "ok", Version: Version, Database: "none"}
	if s := c.h.cfg.Store; s != nil {
		var one int
		if err := s.DB().QueryRowContext(c.r.Context(), `SELECT 1`).Scan(&one); err != nil {
			resp.Status, resp.Database = "degraded", "error"
			return c.writeJSON(http.StatusServiceUnavailable, resp)
		}
		resp.Database = "ok"
	}
	return c.writeJSON(http.StatusOK, resp)
}

// openapi: GET /v1/openapi.json.
func openapi(c *call) error {
	return c.writeJSON(http.StatusOK, c.h.openAPI())
}

type obj = map[string]any

// openAPI builds the OpenAPI 3.1 description from the route table and the
// schemas below. It is built on request, never at start-up.
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
		if d.body != "" {
			op["requestBody"] = obj{"required": true, "content": obj{
				"application/json": obj{"schema": ref(d.body)}}}
		}
		status := d.status
		if status == 0 {
			status = http.StatusOK
		}
		responses := obj{}
		switch {
		case d.resp == "file":
			responses[strconv.Itoa(status)] = obj{"description": "the exported file", "content": obj{
				"application/json": obj{"schema": ref("Grid")},
				"text/csv":         obj{"schema": obj{"type": "string"}},
				"text/markdown":    obj{"schema": obj{"type": "string"}},
				"image/svg+xml":    obj{"schema": obj{"type": "string"}},
			}}
		case d.resp != "":
			responses[strconv.Itoa(status)] = obj{"description": "success", "content": obj{
				"application/json": obj{"schema": ref(d.resp)}}}
		}
		errs := append([]int{}, d.errors...)
		if d.body != "" {
			errs = append(errs, 400, 413, 415)
		}
		errs = append(errs, 405, 500)
		for _, code := range errs {
			responses[strconv.Itoa(code)] = obj{"$ref": "#/components/responses/Problem"}
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

func str() obj                  { return obj{"type": "string"} }
func integer() obj              { return obj{"type": "integer"} }
func boolean() obj              { return obj{"type": "boolean"} }
func number() obj               { return obj{"type": "number"} }
func array(items obj) obj       { return obj{"type": "array", "items": items} }
func anyObject(desc string) obj { return obj{"type": "object", "description": desc} }

func object(required []string, props obj) obj {
	o := obj{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		o["required"] = required
	}
	return o
}

// schemas are the component schemas named by the route table.
func schemas() obj {
	return obj{
		"Problem": obj{"type": "object", "required": []string{"type", "title", "status"}, "properties": obj{
			"type": str(), "title": str(), "status": integer(), "detail": str(),
			"errors": array(object([]string{"path", "message"}, obj{"path": str(), "message": str()})),
		}},
		"Health":  object([]string{"status", "version", "database"}, obj{"status": str(), "version": str(), "database": str()}),
		"OpenAPI": anyObject("an OpenAPI 3.1 document"),
		"Grid":    anyObject("a grid document, version purposeful.grid/v1 (see the grid package)"),
		"Event":   anyObject("a grid session event: {id, type, actor, at, ...payload} (see the grid package)"),
		"CreateWorkshop": object([]string{"name"}, obj{
			"title": str(), "name": obj{"type": "string", "description": "the facilitator's display name"},
			"settings": anyObject("grid session settings: anonymity, dots, perItem, researchSeconds"),
			"course":   anyObject("the three Ps and more: organisation, position, purpose, process, objective, values, kpis"),
		}),
		"WorkshopCreated": object([]string{"id", "join_code", "facilitator_token", "member_id", "cursor"}, obj{
			"id": str(), "join_code": str(), "facilitator_token": str(), "member_id": str(), "cursor": integer()}),
		"Workshops": object([]string{"workshops"}, obj{"workshops": array(object([]string{"id", "title", "join_code", "completed", "created_at"}, obj{
			"id": str(), "title": str(), "join_code": str(), "completed": boolean(), "created_at": str()}))}),
		"Join":   object([]string{"code", "name"}, obj{"code": str(), "name": str()}),
		"Joined": object([]string{"workshop_id", "member_id", "participant_token"}, obj{"workshop_id": str(), "member_id": str(), "participant_token": str()}),
		"EventOrBatch": obj{"oneOf": []obj{ref("Event"),
			object([]string{"events"}, obj{"events": obj{"type": "array", "items": ref("Event"), "maxItems": maxEventsPerRequest}})}},
		"Appended": object([]string{"applied", "duplicates", "cursor"}, obj{"applied": integer(), "duplicates": integer(), "cursor": integer()}),
		"Events": object([]string{"events", "cursor"}, obj{
			"events": array(object([]string{"seq", "event"}, obj{"seq": integer(), "event": ref("Event")})), "cursor": integer()}),
		"WorkshopState": object([]string{"id", "title", "completed", "role", "cursor", "view"}, obj{
			"id": str(), "title": str(), "join_code": str(), "completed": boolean(), "you": str(), "role": str(),
			"cursor": integer(), "view": anyObject("the session as the caller may see it (see grid.View)")}),
		"Complete":  object(nil, obj{"actor": ref("Agent")}),
		"Completed": object([]string{"statement_id"}, obj{"statement_id": str(), "adopted": integer()}),
		"Agent": obj{"type": "object", "description": "an xAPI Agent: name and one of mbox, mbox_sha1sum, openid, account", "properties": obj{
			"objectType": str(), "name": str(), "mbox": str(), "mbox_sha1sum": str(), "openid": str(),
			"account": object([]string{"homePage", "name"}, obj{"homePage": str(), "name": str()})}},
		"Statements": object([]string{"statements", "cursor"}, obj{"statements": array(anyObject("an xAPI 1.0.3 statement")), "cursor": integer()}),
		"Flushed":    object([]string{"sent", "failed", "pending"}, obj{"sent": integer(), "failed": integer(), "pending": integer()}),
		"Text":       object([]string{"text"}, obj{"text": str()}),
		"Any":        anyObject("see the package documentation"),
		"Item":       object([]string{"item"}, obj{"item": str()}),
		"LadderRequest": object([]string{"function"}, obj{"function": str(), "answers": array(str()),
			"customer": str(), "maxDepth": obj{"type": "integer", "minimum": 0, "maximum": 20}}),
		"Alignment": object([]string{"organisation", "job"}, obj{"organisation": str(), "job": str(), "individual": str()}),
		"GridCheck": object([]string{"valid", "errors", "warnings"}, obj{"valid": boolean(),
			"errors": array(ref("FieldError")), "warnings": array(anyObject("a grid warning"))}),
		"FieldError":    object([]string{"path", "message"}, obj{"path": str(), "message": str()}),
		"LintRequest":   object([]string{"standard"}, obj{"standard": anyObject("a standard"), "settings": anyObject("lint settings")}),
		"DraftRequest":  object([]string{"grid"}, obj{"grid": ref("Grid"), "settings": anyObject("draft settings")}),
		"Book":          anyObject("a standards book, version purposeful.standards/v1 (see the standards package)"),
		"Acknowledge":   object([]string{"standard", "actor"}, obj{"standard": anyObject("a standard"), "actor": ref("Agent")}),
		"Recorded":      object([]string{"statement_id"}, obj{"statement_id": str()}),
		"PlanRequest":   object(nil, obj{"situation": anyObject("a recovery situation")}),
		"ReviewRequest": object([]string{"draft"}, obj{"draft": str(), "situation": anyObject("a recovery situation")}),
		"GradeRequest":  object([]string{"scenario", "reply"}, obj{"scenario": str(), "reply": str(), "actor": ref("Agent")}),
		"Number":        number(),
	}
}
