package api

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/wasm/lti"
)

// ErrBadSetting is returned by [ConfigFromEnv] for a setting it cannot
// use; the message names the variable.
var ErrBadSetting = errors.New("api: bad setting")

// The environment variables [ConfigFromEnv] reads.
const (
	EnvAPIKeys     = "PURPOSEFUL_API_KEYS"     // org:id:sha256 list, see [ParseAPIKeys]
	EnvOrigins     = "PURPOSEFUL_ORIGINS"      // comma-separated origins, or "*"
	EnvPublicOrg   = "PURPOSEFUL_PUBLIC_ORG"   // see [Config.PublicOrg]
	EnvLRSEndpoint = "PURPOSEFUL_LRS_ENDPOINT" // absolute http(s) URL
	EnvLRSUsername = "PURPOSEFUL_LRS_USERNAME"
	EnvLRSPassword = "PURPOSEFUL_LRS_PASSWORD"
	EnvLTIKeys     = "PURPOSEFUL_LTI_KEYS"     // PEM signing keys of the LTI tool, see [lti.ParseKeySet]
	EnvLTIBaseURL  = "PURPOSEFUL_LTI_BASE_URL" // the tool's public origin (optional)
)

// ConfigFromEnv reads the settings every door shares (the local server
// and the worker) with one rule: an empty variable means the default, and
// a set one that cannot be used is an error naming it, never ignored. All
// problems are reported at once. The caller adds what only it knows (the
// store, the LRS and LTI transports, the logger).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	var cfg Config
	var errs []error
	bad := func(name, format string, args ...any) {
		errs = append(errs, fmt.Errorf("%w: %s: %s", ErrBadSetting, name, fmt.Sprintf(format, args...)))
	}
	keys, err := ParseAPIKeys(getenv(EnvAPIKeys))
	if err != nil {
		errs = append(errs, fmt.Errorf("%w: %s: %w", ErrBadSetting, EnvAPIKeys, err))
	}
	cfg.APIKeys = keys
	for _, o := range strings.Split(getenv(EnvOrigins), ",") {
		o = strings.TrimSpace(o)
		if o == "" {
			continue
		}
		if o != "*" && !isOrigin(o) {
			bad(EnvOrigins, "%q is not an origin (scheme://host[:port], or *)", o)
			continue
		}
		cfg.AllowedOrigins = append(cfg.AllowedOrigins, o)
	}
	cfg.PublicOrg = strings.TrimSpace(getenv(EnvPublicOrg))
	if ep := strings.TrimSpace(getenv(EnvLRSEndpoint)); ep != "" {
		if u, err := url.Parse(ep); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			// The value is not quoted: a URL may carry credentials.
			bad(EnvLRSEndpoint, "not an absolute http(s) URL")
		}
		cfg.LRS = LRS{Endpoint: ep, Username: getenv(EnvLRSUsername), Password: getenv(EnvLRSPassword)}
	}
	if pem := getenv(EnvLTIKeys); strings.TrimSpace(pem) != "" {
		ks, err := lti.ParseKeySet([]byte(pem), time.Now())
		if err != nil {
			errs = append(errs, fmt.Errorf("%w: %s: %w", ErrBadSetting, EnvLTIKeys, err))
		}
		cfg.LTI.Keys = ks
	}
	if base := strings.TrimSpace(getenv(EnvLTIBaseURL)); base != "" {
		if !isOrigin(base) {
			bad(EnvLTIBaseURL, "not an origin (scheme://host[:port])")
		}
		cfg.LTI.BaseURL = base
	}
	if len(errs) > 0 {
		return Config{}, errors.Join(errs...)
	}
	return cfg, nil
}

// isOrigin reports whether s is a browser origin: scheme and host, no
// path, query or credentials.
func isOrigin(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" &&
		u.User == nil && u.Path == "" && u.RawQuery == "" && u.Fragment == ""
}
