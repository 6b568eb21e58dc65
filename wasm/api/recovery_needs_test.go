package api

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The review route never returns a slot in braces: the details a better
// rewrite needs come back as a needs list naming the situation fields.
func TestRecoveryReviewAsksForNeeds(t *testing.T) {
	h := New(Config{PublicOrg: "local"})
	body := `{"draft":"Our policy is that refunds need a receipt.","situation":{"state":"upset","cause":"policy-limit","severity":"moderate","channel":"email"}}`
	r := httptest.NewRequest(http.MethodPost, "/v1/recovery/review", strings.NewReader(body))
	r.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	require.Equal(t, http.StatusOK, rec.Code, rec.Body.String())
	assert.NotContains(t, rec.Body.String(), "{policy}")
	assert.NotContains(t, rec.Body.String(), "{alternative}")
	assert.NotContains(t, rec.Body.String(), "{times}")
	var out struct {
		Rewrite string   `json:"rewrite"`
		Needs   []string `json:"needs"`
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &out))
	assert.NotContains(t, out.Rewrite, "{")
	assert.Contains(t, out.Needs, "offers")
}
