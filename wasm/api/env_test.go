package api_test

import (
	"testing"

	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestConfigFromEnv(t *testing.T) {
	_, entry, err := api.NewAPIKey("acme", nil)
	require.NoError(t, err)
	tests := []struct {
		name    string
		env     map[string]string
		wantErr []string // variables the error must name; none: no error
		check   func(t *testing.T, cfg api.Config)
	}{
		{name: "nothing set", env: map[string]string{}, check: func(t *testing.T, cfg api.Config) {
			assert.Empty(t, cfg.APIKeys)
			assert.Empty(t, cfg.AllowedOrigins)
			assert.Empty(t, cfg.LRS.Endpoint)
		}},
		{name: "everything set", env: map[string]string{
			"PURPOSEFUL_API_KEYS":     entry.String(),
			"PURPOSEFUL_ORIGINS":      " https://lms.example.com ,, *",
			"PURPOSEFUL_PUBLIC_ORG":   "public",
			"PURPOSEFUL_LRS_ENDPOINT": "https://lrs.example.com/xAPI/",
			"PURPOSEFUL_LRS_USERNAME": "u",
			"PURPOSEFUL_LRS_PASSWORD": "p",
		}, check: func(t *testing.T, cfg api.Config) {
			require.Len(t, cfg.APIKeys, 1)
			assert.Equal(t, "acme", cfg.APIKeys[0].Org)
			assert.Equal(t, []string{"https://lms.example.com", "*"}, cfg.AllowedOrigins)
			assert.Equal(t, "public", cfg.PublicOrg)
			assert.Equal(t, api.LRS{Endpoint: "https://lrs.example.com/xAPI/", Username: "u", Password: "p"}, cfg.LRS)
		}},
		{name: "bad key list", env: map[string]string{"PURPOSEFUL_API_KEYS": "not-a-key-list"},
			wantErr: []string{"PURPOSEFUL_API_KEYS"}},
		{name: "origin with a path", env: map[string]string{"PURPOSEFUL_ORIGINS": "https://lms.example.com/course"},
			wantErr: []string{"PURPOSEFUL_ORIGINS"}},
		{name: "origin without a scheme", env: map[string]string{"PURPOSEFUL_ORIGINS": "lms.example.com"},
			wantErr: []string{"PURPOSEFUL_ORIGINS"}},
		{name: "relative LRS endpoint", env: map[string]string{"PURPOSEFUL_LRS_ENDPOINT": "/xAPI/"},
			wantErr: []string{"PURPOSEFUL_LRS_ENDPOINT"}},
		{name: "every problem at once", env: map[string]string{
			"PURPOSEFUL_API_KEYS": "a:b:c", "PURPOSEFUL_ORIGINS": "ftp://x", "PURPOSEFUL_LRS_ENDPOINT": "lrs"},
			wantErr: []string{"PURPOSEFUL_API_KEYS", "PURPOSEFUL_ORIGINS", "PURPOSEFUL_LRS_ENDPOINT"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := api.ConfigFromEnv(func(k string) string { return tc.env[k] })
			if len(tc.wantErr) > 0 {
				require.ErrorIs(t, err, api.ErrBadSetting)
				for _, name := range tc.wantErr {
					assert.Contains(t, err.Error(), name)
				}
				return
			}
			require.NoError(t, err)
			tc.check(t, cfg)
		})
	}
}
