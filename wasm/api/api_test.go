//go:build !js

package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/api/apitest"
	"github.com/purposefulcx/purposeful/wasm/store"
	"github.com/purposefulcx/purposeful/wasm/store/sqlite"
	"github.com/stretchr/testify/require"
)

// newTarget starts the API on httptest with a fresh SQLite file and two
// organisations.
func newTarget(t *testing.T, mod func(*api.Config)) (apitest.Target, *store.Store) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "api.sqlite"))
	require.NoError(t, err)
	t.Cleanup(func() { st.DB().Close() })
	keyA, a, err := api.NewAPIKey("acme", nil)
	require.NoError(t, err)
	keyB, b, err := api.NewAPIKey("globex", nil)
	require.NoError(t, err)
	cfg := api.Config{Store: st, APIKeys: []api.APIKey{a, b}, ClientIPHeader: "X-Test-Client"}
	if mod != nil {
		mod(&cfg)
	}
	srv := httptest.NewServer(validated(t, api.New(cfg)))
	t.Cleanup(srv.Close)
	tg := apitest.Target{BaseURL: srv.URL, OrgKey: keyA, OtherOrgKey: keyB, ClientIPHeader: "X-Test-Client",
		Rows: func(t *testing.T) int {
			n := 0
			for _, table := range []string{"workshops", "tokens", "events", "statements"} {
				var c int
				require.NoError(t, st.DB().QueryRow("SELECT count(*) FROM "+table).Scan(&c))
				n += c
			}
			return n
		}}
	return tg, st
}

func TestSuite(t *testing.T) {
	tg, _ := newTarget(t, nil)
	apitest.Run(t, tg)
}

func TestLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	tg, _ := newTarget(t, nil)
	apitest.RunLoad(t, tg, 50, 20)
}

// TestPublicCreate: with PublicOrg set (the local server), a workshop can
// be created without a key; it belongs to that organisation, so another
// organisation's key does not reach it.
func TestPublicCreate(t *testing.T) {
	tg, _ := newTarget(t, func(c *api.Config) { c.PublicOrg = "local" })
	res, err := http.Post(tg.BaseURL+"/v1/workshops", "application/json", strings.NewReader(`{"name":"Fatima"}`))
	require.NoError(t, err)
	var out struct {
		ID string `json:"id"`
	}
	require.NoError(t, json.NewDecoder(res.Body).Decode(&out))
	res.Body.Close()
	require.Equal(t, http.StatusCreated, res.StatusCode)
	req, _ := http.NewRequest(http.MethodGet, tg.BaseURL+"/v1/workshops/"+out.ID, nil)
	req.Header.Set("Authorization", "Bearer "+tg.OrgKey)
	res, err = http.DefaultClient.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	require.Equal(t, http.StatusNotFound, res.StatusCode)
}

// TestXAPI sends statements to a real in-memory LRS (npm xapi-statements),
// including while it is down, validates them with
// @learninglocker/xapi-validation, and checks the timed retry (Flush).
func TestXAPI(t *testing.T) {
	nm, err := filepath.Abs("../worker/node_modules")
	require.NoError(t, err)
	l := apitest.StartLRS(t, nm)
	var cfg api.Config
	tg, _ := newTarget(t, func(c *api.Config) {
		c.LRS = api.LRS{Endpoint: l.URL, Username: "test", Password: "test", Transport: http.DefaultTransport}
		cfg = *c
	})
	apitest.RunXAPI(t, tg, l, nm)
	// The local server's timer calls Flush.
	apitest.RunXAPIRetry(t, tg, l, func(t *testing.T) {
		_, _, err := api.Flush(t.Context(), cfg)
		require.NoError(t, err)
	})
}
