package api

import (
	_ "embed"
	"net/http"
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

// openAPIJSON is the OpenAPI 3.1 description, built from the route table
// and openapi_schemas.json by the tests (go test ./wasm/api -update) and
// served as it is: the worker neither builds nor encodes it.
//
//go:embed openapi.json
var openAPIJSON []byte

// openapi: GET /v1/openapi.json.
func openapi(c *call) error {
	return c.writeRaw(http.StatusOK, "application/json", openAPIJSON)
}
