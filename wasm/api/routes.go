package api

import "net/http"

// route is one API operation: how it is matched, who may call it, what it
// does, and how it is documented in the OpenAPI description.
type route struct {
	method  string
	pattern string
	auth    authMode
	handle  func(*call) error
	doc     opDoc
}

// opDoc documents an operation for GET /v1/openapi.json.
type opDoc struct {
	id      string   // operationId
	tag     string   // group
	summary string   // one line
	body    string   // request schema name ("" for none)
	resp    string   // success schema name, or a media type for files
	status  int      // success status (200 when 0)
	query   []string // query parameters
	errors  []int    // problem statuses beyond the common ones
}

// routeTable lists every route. It is plain data built on each call, which
// is cheap; nothing is computed at package level.
func routeTable() []route {
	rs := coreRoutes()
	rs = append(rs, xapiRoutes()...)
	rs = append(rs, analysisRoutes()...)
	rs = append(rs, ltiRoutes()...)
	rs = append(rs, accountabilityRoutes()...)
	rs = append(rs, courseRoutes()...) // LMS course packages (course.go)
	return rs
}

// coreRoutes are the health, description and workshop routes.
func coreRoutes() []route {
	return []route{
		{method: http.MethodGet, pattern: "/v1/health", auth: authNone, handle: health,
			doc: opDoc{id: "health", tag: "meta", summary: "Health check: the API and, when configured, its database", resp: "Health"}},
		{method: http.MethodGet, pattern: "/v1/openapi.json", auth: authNone, handle: openapi,
			doc: opDoc{id: "openapi", tag: "meta", summary: "This API's OpenAPI 3.1 description", resp: "OpenAPI"}},

		// Stored workshops (team mode).
		{method: http.MethodPost, pattern: "/v1/workshops", auth: authCreate, handle: createWorkshop,
			doc: opDoc{id: "createWorkshop", tag: "workshops", summary: "Create a workshop: returns its join code and the facilitator's token",
				body: "CreateWorkshop", resp: "WorkshopCreated", status: http.StatusCreated, errors: []int{401, 422}}},
		{method: http.MethodGet, pattern: "/v1/workshops", auth: authOrg, handle: listWorkshops,
			doc: opDoc{id: "listWorkshops", tag: "workshops", summary: "The organisation's workshops, newest first", query: []string{"limit"},
				resp: "Workshops", errors: []int{401}}},
		{method: http.MethodPost, pattern: "/v1/join", auth: authNone, handle: joinWorkshop,
			doc: opDoc{id: "joinWorkshop", tag: "workshops", summary: "Join a workshop with its code and a display name: returns a participant token",
				body: "Join", resp: "Joined", status: http.StatusCreated, errors: []int{404, 429}}},
		{method: http.MethodGet, pattern: "/v1/workshops/{id}", auth: authWorkshop, handle: workshopState,
			doc: opDoc{id: "getWorkshop", tag: "workshops", summary: "The workshop's state as the caller may see it", resp: "WorkshopState", errors: []int{401, 404}}},
		{method: http.MethodPost, pattern: "/v1/workshops/{id}/events", auth: authWorkshop, handle: appendEvents,
			doc: opDoc{id: "appendEvents", tag: "workshops", summary: "Append one event or a batch ({\"events\": [...]}); idempotent by event id",
				body: "EventOrBatch", resp: "Appended", errors: []int{401, 403, 404, 409, 422, 503}}},
		{method: http.MethodGet, pattern: "/v1/workshops/{id}/events", auth: authWorkshop, handle: listEvents,
			doc: opDoc{id: "listEvents", tag: "workshops", summary: "Events after a cursor, for polling", query: []string{"after", "limit"},
				resp: "Events", errors: []int{401, 404}}},
		{method: http.MethodGet, pattern: "/v1/workshops/{id}/export", auth: authWorkshop, handle: exportWorkshop,
			doc: opDoc{id: "exportWorkshop", tag: "workshops", summary: "Export the grid (json, csv, md or svg)", query: []string{"format"},
				resp: "file", errors: []int{401, 404}}},
		{method: http.MethodPost, pattern: "/v1/workshops/{id}/complete", auth: authWorkshop, handle: completeWorkshop,
			doc: opDoc{id: "completeWorkshop", tag: "workshops", summary: "Complete the workshop (facilitator or organisation): closes the join code and records an xAPI statement",
				body: "Complete", resp: "Completed", errors: []int{401, 403, 404, 409}}},
		{method: http.MethodDelete, pattern: "/v1/workshops/{id}/members/{member}", auth: authWorkshop, handle: removeMember,
			doc: opDoc{id: "removeMember", tag: "workshops", summary: "Remove a participant (facilitator or organisation): their token stops working; their seat stays taken",
				status: http.StatusNoContent, errors: []int{401, 403, 404}}},
		{method: http.MethodPost, pattern: "/v1/workshops/{id}/joining", auth: authWorkshop, handle: setJoining,
			doc: opDoc{id: "setJoining", tag: "workshops", summary: "Open or close joining with the code (facilitator or organisation)",
				body: "Joining", resp: "Joining", errors: []int{401, 403, 404, 409}}},
	}
}

// xapiRoutes are the xAPI statement routes.
func xapiRoutes() []route {
	return []route{
		{method: http.MethodGet, pattern: "/v1/xapi/statements", auth: authOrg, handle: listStatements,
			doc: opDoc{id: "listStatements", tag: "xapi", summary: "The organisation's xAPI statements, oldest first", query: []string{"after", "limit"},
				resp: "Statements", errors: []int{401}}},
		{method: http.MethodPost, pattern: "/v1/xapi/flush", auth: authOrg, handle: flushStatements,
			doc: opDoc{id: "flushStatements", tag: "xapi", summary: "Retry sending the organisation's undelivered statements to the LRS now",
				resp: "Flushed", errors: []int{401, 409}}},
	}
}
