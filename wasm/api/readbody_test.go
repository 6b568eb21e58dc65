package api

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// readBody reads a body of known length into one buffer and an unknown
// one by growing; both must give the same answers.
func TestReadBody(t *testing.T) {
	const limit = 16
	tests := []struct {
		name        string
		contentType string
		body        string
		length      int64 // ContentLength; -1 unknown
		wantStatus  int   // 0: read
	}{
		{name: "exact type, known length", contentType: "application/json", body: `{"a":1}`, length: 7},
		{name: "exact type, unknown length", contentType: "application/json", body: `{"a":1}`, length: -1},
		{name: "type with utf-8 charset", contentType: "application/json; charset=UTF-8", body: `{}`, length: 2},
		{name: "other charset", contentType: "application/json; charset=latin1", body: `{}`, length: 2, wantStatus: http.StatusUnsupportedMediaType},
		{name: "other type", contentType: "text/plain", body: `{}`, length: 2, wantStatus: http.StatusUnsupportedMediaType},
		{name: "no type", body: `{}`, length: 2, wantStatus: http.StatusUnsupportedMediaType},
		{name: "declared over the limit", contentType: "application/json", body: `{}`, length: limit + 1, wantStatus: http.StatusRequestEntityTooLarge},
		{name: "over the limit, unknown length", contentType: "application/json", body: `["` + strings.Repeat("x", limit) + `"]`, length: -1, wantStatus: http.StatusRequestEntityTooLarge},
		{name: "shorter than declared", contentType: "application/json", body: `{}`, length: 5, wantStatus: http.StatusBadRequest},
		{name: "empty", contentType: "application/json", body: ` `, length: 1, wantStatus: http.StatusBadRequest},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodPost, "/v1/x", nil)
			r.Body = io.NopCloser(strings.NewReader(tc.body))
			r.ContentLength = tc.length
			if tc.contentType != "" {
				r.Header.Set("Content-Type", tc.contentType)
			}
			body, err := readBody(r, limit)
			if tc.wantStatus == 0 {
				require.NoError(t, err)
				assert.Equal(t, tc.body, string(body))
				return
			}
			require.Error(t, err)
			assert.Equal(t, tc.wantStatus, asProblem(err).Status)
		})
	}
}
