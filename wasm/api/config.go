package api

import (
	"context"
	"io"
	"net/http"
	"time"

	"github.com/purposefulcx/purposeful/wasm/store"
)

// Config sets up the API handler. The zero value serves the stateless
// analysis routes; stored workshops and xAPI need Store.
type Config struct {
	// Store keeps workshops and statements. Nil: those routes answer 503.
	Store *store.Store
	// MaxBody is the largest request body in bytes (default DefaultMaxBody,
	// 256 KiB). Larger bodies get 413.
	MaxBody int64
	// AllowedOrigins lists the browser origins ("https://lms.example")
	// allowed to call the API cross-origin. Same-origin requests are always
	// allowed; other origins get 403. "*" allows any origin.
	AllowedOrigins []string
	// APIKeys are the organisations' API keys (hashes only). See
	// [NewAPIKey] and [ParseAPIKeys].
	APIKeys []APIKey
	// PublicOrg, when set, lets callers without an API key create
	// workshops, which then belong to this organisation (the local server
	// sets it to "local"). Empty (the default): creating needs a key.
	PublicOrg string
	// ClientIPHeader names a header set by a trusted proxy that holds the
	// client's address ("CF-Connecting-IP" on Cloudflare). Empty: the
	// request's RemoteAddr. Used only to rate-limit join attempts.
	ClientIPHeader string
	// JoinFailureLimit is how many different wrong join codes a client
	// (an IPv4 address, or an IPv6 /64) may send in a sliding 15 minutes
	// before getting 429 (default 10). The same wrong code sent again
	// counts once, and a blocked client's right code still gets in (one
	// try per 30 s is checked), so a room behind one NAT is not locked out.
	JoinFailureLimit int
	// JoinsPerAddress is how many members one client may join into one
	// workshop in a sliding 10 minutes (default 100), so that one client
	// with the code cannot take every seat.
	JoinsPerAddress int
	// CreatesPerAddress is how many workshops a client may create without
	// an API key (in PublicOrg) in a sliding 10 minutes (default 20).
	CreatesPerAddress int
	// CreatesPerOrg is how many workshops one organisation may create in a
	// sliding 10 minutes (default 500).
	CreatesPerOrg int
	// TokenTTL is how long a workshop token works after its last use
	// (default 12 hours); use renews it while the workshop is open. A
	// completed workshop's participant tokens work one more hour.
	TokenTTL time.Duration
	// MaxWorkshopBytes caps the stored events of one workshop, in bytes
	// (default 8 MiB); appends beyond it get 409.
	MaxWorkshopBytes int64
	// AllowedHosts, when set, lists the Host names (with port, as sent)
	// the API answers; any other Host gets 421, which defeats DNS
	// rebinding of a server on a LAN or loopback. Empty: any Host.
	AllowedHosts []string
	// LRS is where xAPI statements are sent. Zero: they are only stored.
	LRS LRS
	// LTI makes the API an LTI 1.3 tool. Zero: LTI is off.
	LTI LTIConfig
	// Logger receives one line per request (method, route, status,
	// duration) and never a header, token or body. A *slog.Logger fits.
	// Nil: no logs (leave the field unset rather than storing a nil
	// *slog.Logger, which would be a non-nil Logger).
	Logger Logger
	// Now returns the time (default time.Now).
	Now func() time.Time
	// Random is the source of ids, tokens and codes (default crypto/rand).
	Random io.Reader
	// Pages, when set, serves every path outside /v1/ (the local server
	// serves the workshop page with it). Nil: those paths answer 404.
	Pages http.Handler
	// CourseAssets compiles course programs for POST /v1/courses/package
	// (the local server sets it). Nil: that route answers 503.
	CourseAssets CourseAssets
}

// Logger is where the API logs; *slog.Logger satisfies it. Each call
// passes a message and key-value pairs ("route", "/v1/health", ...).
// (The API does not import log/slog itself: the worker's binary is
// smaller without it.)
type Logger interface {
	InfoContext(ctx context.Context, msg string, args ...any)
	ErrorContext(ctx context.Context, msg string, args ...any)
}

// LRS is a Learning Record Store reached with HTTP Basic authentication.
type LRS struct {
	// Endpoint is the LRS's xAPI base URL; statements go to
	// Endpoint + "statements" (a "/" is added when missing).
	Endpoint string
	Username string
	Password string
	// Transport sends the requests. Required when Endpoint is set: the
	// local server passes http.DefaultTransport, the worker a fetch-based
	// one. (The API never names net/http's own Transport, which would add
	// the whole TLS stack to the worker's binary.) Each request has a 5 s
	// deadline.
	Transport http.RoundTripper
}

// Defaults of [Config] for the limits.
const (
	defaultJoinFailureLimit  = 10
	defaultJoinsPerAddress   = 100
	defaultCreatesPerAddress = 20
	defaultCreatesPerOrg     = 500
	defaultTokenTTL          = 12 * time.Hour
	defaultMaxWorkshopBytes  = 8 << 20
)

// defaults fills in the limits left at zero.
func (cfg *Config) defaults() {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&cfg.JoinFailureLimit, defaultJoinFailureLimit)
	def(&cfg.JoinsPerAddress, defaultJoinsPerAddress)
	def(&cfg.CreatesPerAddress, defaultCreatesPerAddress)
	def(&cfg.CreatesPerOrg, defaultCreatesPerOrg)
	if cfg.TokenTTL <= 0 {
		cfg.TokenTTL = defaultTokenTTL
	}
	if cfg.MaxWorkshopBytes <= 0 {
		cfg.MaxWorkshopBytes = defaultMaxWorkshopBytes
	}
}
