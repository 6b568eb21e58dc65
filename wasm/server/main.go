// Command server runs Purposeful locally: the API on /v1/ and the workshop
// page on /, at http://127.0.0.1:8080, with a SQLite file. No Node needed.
//
//	go run ./wasm/server                       # page + API, purposeful.sqlite
//	go run ./wasm/server -db /tmp/x.sqlite -addr 127.0.0.1:9000
//	go run ./wasm/server -new-key acme         # print a new API key for "acme"
//
// Settings from the environment: PURPOSEFUL_API_KEYS (org:id:sha256 list,
// see -new-key), PURPOSEFUL_ORIGINS (comma-separated CORS allow-list),
// PURPOSEFUL_LRS_ENDPOINT, PURPOSEFUL_LRS_USERNAME, PURPOSEFUL_LRS_PASSWORD
// (an xAPI LRS to send statements to; the outbox is retried every 30 s),
// PURPOSEFUL_HOSTS (comma-separated extra Host names the server answers,
// such as a LAN name; the listen address, and localhost on loopback,
// always work).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/page/build"
	"github.com/purposefulcx/purposeful/wasm/store/sqlite"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "server:", err)
		os.Exit(1)
	}
}

type options struct {
	addr       string
	db         string
	static     string
	noPage     bool
	newKey     string
	publicOrg  string
	flushEvery time.Duration
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("server", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o options
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on")
	fs.StringVar(&o.db, "db", "purposeful.sqlite", "SQLite database file (\":memory:\" for none on disk)")
	fs.StringVar(&o.static, "static", "", "serve the page from this folder instead of building it")
	fs.BoolVar(&o.noPage, "no-page", false, "serve only the API")
	fs.StringVar(&o.newKey, "new-key", "", "print a new API key for this organisation and exit")
	fs.StringVar(&o.publicOrg, "public-org", "local", "organisation of workshops created without an API key (empty: a key is required); used on a loopback address only, unless given")
	fs.DurationVar(&o.flushEvery, "flush-every", 30*time.Second, "how often undelivered xAPI statements are retried")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.newKey != "" {
		key, k, err := api.NewAPIKey(o.newKey, nil)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "API key for %s (give it to them once; it is not stored):\n  %s\n", o.newKey, key)
		fmt.Fprintf(stdout, "add this entry to PURPOSEFUL_API_KEYS (comma-separated):\n  %s\n", k)
		return nil
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	log := slog.New(slog.NewTextHandler(stderr, nil))
	cfg, err := configFromEnv(os.Getenv)
	if err != nil {
		return err
	}
	cfg.Logger = log
	st, err := sqlite.Open(ctx, o.db)
	if err != nil {
		return fmt.Errorf("database %s: %w", o.db, err)
	}
	defer st.DB().Close()
	cfg.Store = st

	if !o.noPage {
		dir := o.static
		if dir == "" {
			dir, err = buildPage(ctx, log)
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
		}
		cfg.Pages = pageHandler(dir)
	}

	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return err
	}
	cfg.PublicOrg = publicOrg(fs, o.publicOrg, ln.Addr())
	cfg.AllowedHosts = servedHosts(ln.Addr(), os.Getenv("PURPOSEFUL_HOSTS"))
	srv := newServer(api.New(cfg))
	ln = limitListener(ln, maxConns)
	go flushLoop(ctx, cfg, o.flushEvery, log)
	fmt.Fprintf(stdout, "Purposeful on http://%s/ (API on /v1/, database %s)\n", ln.Addr(), o.db)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// configFromEnv reads the API settings from environment variables.
func configFromEnv(getenv func(string) string) (api.Config, error) {
	var cfg api.Config
	keys, err := api.ParseAPIKeys(getenv("PURPOSEFUL_API_KEYS"))
	if err != nil {
		return cfg, err
	}
	cfg.APIKeys = keys
	cfg.AllowedOrigins = []string{"http://127.0.0.1:8080", "http://localhost:8080"}
	for _, o := range strings.Split(getenv("PURPOSEFUL_ORIGINS"), ",") {
		if o = strings.TrimSpace(o); o != "" {
			cfg.AllowedOrigins = append(cfg.AllowedOrigins, o)
		}
	}
	cfg.LRS = api.LRS{
		Endpoint:  getenv("PURPOSEFUL_LRS_ENDPOINT"),
		Username:  getenv("PURPOSEFUL_LRS_USERNAME"),
		Password:  getenv("PURPOSEFUL_LRS_PASSWORD"),
		Transport: http.DefaultTransport,
	}
	return cfg, nil
}

// buildPage compiles the workshop page (package wasm/page/build) into a
// temporary folder.
func buildPage(ctx context.Context, log *slog.Logger) (string, error) {
	dir, err := os.MkdirTemp("", "purposeful-page-")
	if err != nil {
		return "", err
	}
	start := time.Now()
	if err := build.Build(ctx, dir); err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("building the page (use -static DIR or -no-page to skip): %w", err)
	}
	log.Info("page built", "dir", dir, "took", time.Since(start).Round(time.Millisecond))
	return dir, nil
}

// pageHandler serves the built page with its security headers.
func pageHandler(dir string) http.Handler {
	files := http.FileServer(http.Dir(filepath.Clean(dir)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", build.CSP+"; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		files.ServeHTTP(w, r)
	})
}

// flushLoop retries undelivered xAPI statements until ctx ends.
func flushLoop(ctx context.Context, cfg api.Config, every time.Duration, log *slog.Logger) {
	if cfg.LRS.Endpoint == "" || every <= 0 {
		return
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			sent, failed, err := api.Flush(ctx, cfg)
			if err != nil || sent+failed > 0 {
				log.Info("xAPI outbox", "sent", sent, "failed", failed, "error", err)
			}
		}
	}
}
