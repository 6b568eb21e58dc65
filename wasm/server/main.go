// Command server runs Purposeful locally: the API on /v1/ and the workshop
// page on /, at http://127.0.0.1:8080, with a SQLite file. No Node needed.
//
//	go run ./wasm/server                       # page + API, purposeful.sqlite
//	go run ./wasm/server -db /tmp/x.sqlite -addr 127.0.0.1:9000
//	go run ./wasm/server -addr 0.0.0.0:8080 -public-org room  # a team workshop in a room: phones on the same network join
//	go run ./wasm/server -new-key acme         # print a new API key for "acme"
//	go run ./wasm/server -new-lti-key 2027-01 > lti.pem && go run ./wasm/server -lti-keys lti.pem
//
// By default only this computer can open the page. For a team workshop in
// a room, -addr 0.0.0.0:8080 listens on the local network too (and
// -public-org room lets the facilitator create the workshop without an API
// key, which off loopback is otherwise required): the server prints the
// address phones can reach (this computer's address on the network, or
// -join-url when set, for example behind a proxy) with a QR code of it,
// and the team page's join link and QR code use that address.
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
	"html"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/internal/joinqr"
	"github.com/purposefulcx/purposeful/wasm/lti"
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
	ltiKeys    string
	newLTIKey  string
	joinURL    string
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
	fs.StringVar(&o.ltiKeys, "lti-keys", "", "PEM file of the LTI 1.3 tool's signing keys (first signs; see -new-lti-key); empty: LTI off")
	fs.StringVar(&o.newLTIKey, "new-lti-key", "", "print a new LTI signing key (PEM) with this kid and exit")
	fs.StringVar(&o.joinURL, "join-url", "", "address phones use to reach this server, for the team join link and QR code (default: this computer's address on the local network when -addr is not loopback)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if o.newLTIKey != "" {
		pem, err := lti.GenerateKey(o.newLTIKey, time.Time{})
		if err != nil {
			return err
		}
		_, err = stdout.Write(pem)
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
	if o.ltiKeys != "" {
		pem, err := os.ReadFile(o.ltiKeys)
		if err != nil {
			return err
		}
		if cfg.LTI.Keys, err = lti.ParseKeySet(pem, time.Now()); err != nil {
			return fmt.Errorf("-lti-keys %s: %w", o.ltiKeys, err)
		}
	}
	if len(cfg.LTI.Keys.Keys) > 0 { // from -lti-keys or PURPOSEFUL_LTI_KEYS
		cfg.LTI.Transport = http.DefaultTransport
		cfg.LTI.JWKS = &lti.JWKSCache{Transport: http.DefaultTransport}
	}
	st, err := sqlite.Open(ctx, o.db)
	if err != nil {
		return fmt.Errorf("database %s: %w", o.db, err)
	}
	defer st.DB().Close()
	cfg.Store = st
	cfg.CourseAssets = build.CourseAssetsCache() // POST /v1/courses/package

	join, err := parseJoinURL(o.joinURL)
	if err != nil {
		return err
	}
	built := ""
	if !o.noPage {
		dir := o.static
		if dir == "" {
			dir, err = buildPage(ctx, log, stdout)
			if err != nil {
				return err
			}
			defer os.RemoveAll(dir)
			built = dir
		}
		cfg.Pages = pageHandler(dir)
	}

	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		return err
	}
	if join == "" {
		join = lanOrigin(ln.Addr())
	}
	if err := announceJoin(stdout, built, join, o.static != ""); err != nil {
		return err
	}
	cfg.PublicOrg = publicOrg(fs, o.publicOrg, ln.Addr())
	hosts := os.Getenv("PURPOSEFUL_HOSTS")
	if u, err := url.Parse(join); err == nil && u.Host != "" {
		hosts += "," + u.Host // the address phones use (-join-url) is served too
	}
	cfg.AllowedHosts = servedHosts(ln.Addr(), hosts)
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

// configFromEnv reads the API settings from environment variables with
// the rule every door shares ([api.ConfigFromEnv]), then adds the local
// page's own origins and the LRS transport.
func configFromEnv(getenv func(string) string) (api.Config, error) {
	cfg, err := api.ConfigFromEnv(getenv)
	if err != nil {
		return cfg, err
	}
	cfg.AllowedOrigins = append([]string{"http://127.0.0.1:8080", "http://localhost:8080"}, cfg.AllowedOrigins...)
	cfg.LRS.Transport = http.DefaultTransport
	return cfg, nil
}

// buildPage compiles the workshop page (package wasm/page/build) into a
// temporary folder, writing a line to progress as each program compiles.
func buildPage(ctx context.Context, log *slog.Logger, progress io.Writer) (string, error) {
	dir, err := os.MkdirTemp("", "purposeful-page-")
	if err != nil {
		return "", err
	}
	start := time.Now()
	if err := build.BuildWith(ctx, dir, build.Options{Progress: progress}); err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("building the page (use -static DIR or -no-page to skip): %w", err)
	}
	log.Info("page built", "dir", dir, "took", time.Since(start).Round(time.Millisecond))
	return dir, nil
}

// parseJoinURL checks -join-url and returns its origin ("" when unset).
func parseJoinURL(raw string) (string, error) {
	if raw == "" {
		return "", nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("-join-url %q: want the origin phones reach, such as http://192.168.1.23:8080", raw)
	}
	return u.Scheme + "://" + u.Host, nil
}

// lanOrigin is the origin phones on the local network reach the server
// listening at addr by: its own address when that is a network address,
// this computer's private IPv4 address when it listens on all of them
// (0.0.0.0, ::), and "" when it listens on loopback only.
func lanOrigin(addr net.Addr) string {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok || tcp.IP.IsLoopback() {
		return ""
	}
	ip := tcp.IP
	if ip.IsUnspecified() {
		ip = nil
		addrs, _ := net.InterfaceAddrs()
		for _, a := range addrs {
			n, ok := a.(*net.IPNet)
			if !ok || n.IP.To4() == nil || n.IP.IsLoopback() || !n.IP.IsGlobalUnicast() {
				continue
			}
			if ip == nil || (n.IP.IsPrivate() && !ip.IsPrivate()) {
				ip = n.IP
			}
		}
		if ip == nil {
			return ""
		}
	}
	return "http://" + net.JoinHostPort(ip.String(), strconv.Itoa(tcp.Port))
}

// announceJoin prints where phones join a team workshop, with a QR code
// of it, and writes that origin into the built team page (in dir; not in
// a -static folder, which stays as the user made it) for its join link
// and QR code. Without a join origin it says how to get one.
func announceJoin(w io.Writer, dir, origin string, static bool) error {
	if origin == "" {
		fmt.Fprintln(w, "Only this computer can open the page. For a team workshop in a room, run with -addr 0.0.0.0:8080 so that phones on the same network can join.")
		return nil
	}
	link := origin + "/team.html"
	fmt.Fprintf(w, "Team workshops: phones on the same network join at %s\n", link)
	if qr, err := joinqr.Text(link); err == nil {
		fmt.Fprint(w, qr)
	}
	if dir == "" {
		if static {
			fmt.Fprintln(w, "(the page comes from -static, so its join link shows the address it was opened at: open it at "+origin+" on this computer too)")
		}
		return nil
	}
	return addJoinOrigin(filepath.Join(dir, "team.html"), origin)
}

// addJoinOrigin puts the meta element purposeful-join-origin into the
// team page at path; the page reads it for its join link.
func addJoinOrigin(path, origin string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	meta := `<meta name="purposeful-join-origin" content="` + html.EscapeString(origin) + `">`
	page := string(b)
	if !strings.Contains(page, "<head>\n") {
		return fmt.Errorf("%s: no <head> to put the join address in", path)
	}
	return os.WriteFile(path, []byte(strings.Replace(page, "<head>\n", "<head>\n"+meta+"\n", 1)), 0o644)
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
	if (cfg.LRS.Endpoint == "" && len(cfg.LTI.Keys.Keys) == 0) || every <= 0 {
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
			sent, failed, err = api.FlushScores(ctx, cfg)
			if err != nil || sent+failed > 0 {
				log.Info("LTI scores", "sent", sent, "failed", failed, "error", err)
			}
		}
	}
}
