//go:build !js

package api_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/lti"
	"github.com/purposefulcx/purposeful/wasm/lti/ltitest"
	"github.com/purposefulcx/purposeful/wasm/store"
	"github.com/purposefulcx/purposeful/wasm/store/sqlite"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// toolKeys makes a fresh signing key set for the tool.
func toolKeys(t testing.TB) lti.KeySet {
	t.Helper()
	pem, err := lti.GenerateKey("tool-key-1", time.Time{})
	require.NoError(t, err)
	ks, err := lti.ParseKeySet(pem, time.Now())
	require.NoError(t, err)
	return ks
}

// ltiRows counts the rows a launch can create.
func ltiRows(st *store.Store) func(t *testing.T) int {
	return func(t *testing.T) int {
		n := 0
		for _, table := range []string{"workshops", "tokens", "events", "lti_links", "lti_members", "lti_sessions", "lti_nonces", "lti_scores"} {
			var c int
			require.NoError(t, st.DB().QueryRow("SELECT count(*) FROM "+table).Scan(&c))
			n += c
		}
		return n
	}
}

func newLTITool(t *testing.T) (ltitest.Tool, *store.Store) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "lti.sqlite"))
	require.NoError(t, err)
	t.Cleanup(func() { st.DB().Close() })
	key, k, err := api.NewAPIKey("acme", nil)
	require.NoError(t, err)
	c := &clock{}
	cfg := api.Config{Store: st, APIKeys: []api.APIKey{k}, Now: c.Now,
		LTI: api.LTIConfig{Keys: toolKeys(t), Transport: http.DefaultTransport,
			JWKS: &lti.JWKSCache{Transport: http.DefaultTransport, Now: c.Now}}}
	srv := httptest.NewServer(validated(t, api.New(cfg)))
	t.Cleanup(srv.Close)
	return ltitest.Tool{BaseURL: srv.URL, OrgKey: key, Rows: ltiRows(st), Advance: c.add}, st
}

// TestLTIFlow drives registration, deep linking, launches, the roster and
// grades through the real handler against the mock platform.
func TestLTIFlow(t *testing.T) {
	tl, _ := newLTITool(t)
	p := ltitest.Start(t)
	ltitest.RunFlow(t, p, tl)
}

// TestLTIForgeries posts every forged launch through the real handler:
// each is refused with its reason and stores nothing.
func TestLTIForgeries(t *testing.T) {
	tl, _ := newLTITool(t)
	p := ltitest.Start(t)
	ltitest.Connect(t, p, tl)
	tokens := ltitest.RunForgeries(t, p, tl)
	require.GreaterOrEqual(t, len(tokens), 40)
}

// TestLTISetupPage: the admin page and Canvas's configuration name the
// tool's URLs on this server; without keys the page says LTI is off and
// the login answers 503.
func TestLTISetupPage(t *testing.T) {
	tl, _ := newLTITool(t)
	b := ltitest.NewBrowser()
	page := b.Do(t, http.MethodGet, tl.BaseURL+"/v1/lti/setup", nil, nil)
	require.Equal(t, http.StatusOK, page.Status)
	for _, path := range []string{"/v1/lti/login", "/v1/lti/launch", "/v1/lti/jwks", "/v1/lti/canvas.json"} {
		assert.Contains(t, page.Body, path)
	}
	assert.Contains(t, page.Body, tl.BaseURL+"/v1/lti/login")
	assert.Contains(t, page.Body, `id="keys-ok"`)
	assert.Contains(t, page.Header.Get("Content-Security-Policy"), "script-src 'self'")

	var cfg struct {
		Login  string   `json:"oidc_initiation_url"`
		Target string   `json:"target_link_uri"`
		JWK    string   `json:"public_jwk_url"`
		Scopes []string `json:"scopes"`
	}
	b.Do(t, http.MethodGet, tl.BaseURL+"/v1/lti/canvas.json", nil, nil).JSON(t, &cfg)
	assert.Equal(t, tl.BaseURL+"/v1/lti/login", cfg.Login)
	assert.Equal(t, tl.BaseURL+"/v1/lti/launch", cfg.Target)
	assert.Equal(t, tl.BaseURL+"/v1/lti/jwks", cfg.JWK)
	assert.Contains(t, cfg.Scopes, lti.ScopeScore)

	st, err := sqlite.Open(context.Background(), ":memory:")
	require.NoError(t, err)
	defer st.DB().Close()
	off := httptest.NewServer(validated(t, api.New(api.Config{Store: st})))
	defer off.Close()
	page = b.Do(t, http.MethodGet, off.URL+"/v1/lti/setup", nil, nil)
	assert.Contains(t, page.Body, `id="keys-missing"`)
	res := b.Do(t, http.MethodGet, off.URL+"/v1/lti/login?iss=x", nil, map[string]string{"Accept": ltitest.ProblemJSON})
	assert.Equal(t, http.StatusServiceUnavailable, res.Status)
	res = b.Do(t, http.MethodGet, off.URL+"/v1/lti/jwks", nil, nil)
	assert.Equal(t, http.StatusServiceUnavailable, res.Status)
}
