//go:build js && wasm

// Command worker serves the Purposeful API on Cloudflare Workers, with D1
// as its database. Build and run it with npm (see package.json):
//
//	cd wasm/worker && npm ci && npm run dev   # http://127.0.0.1:8787
//
// Settings come from the worker's environment (wrangler.toml [vars] and
// secrets), read by [api.ConfigFromEnv] with the same rule as the local
// server's: PURPOSEFUL_API_KEYS (secret: org:id:sha256 list),
// PURPOSEFUL_ORIGINS, PURPOSEFUL_PUBLIC_ORG, PURPOSEFUL_LRS_ENDPOINT,
// PURPOSEFUL_LRS_USERNAME, PURPOSEFUL_LRS_PASSWORD (secret),
// PURPOSEFUL_LTI_KEYS (secret: the LTI tool's PEM signing keys) and
// PURPOSEFUL_LTI_BASE_URL (the tool's public origin, optional). A setting
// that cannot be used is not ignored: every request then answers 503 with
// a problem document naming the variable.
//
// A cron trigger (wrangler.toml [triggers]) retries the xAPI outbox: the
// statements an LRS did not accept when they were made are sent again
// every five minutes until it does, without waiting for the next request.
//
// The JS glue (glue/worker.mjs) keeps a small pool of instances of this
// program for the isolate's life, each serving one request at a time, so
// main reads the settings once, registers the request and cron entry
// points (serve.go) and then waits for calls. Nothing request-specific
// lives at package level, and a handler's panic ends only its request.
package main

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"strconv"
	"syscall/js"

	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/lti"
	"github.com/purposefulcx/purposeful/wasm/store"
	"github.com/purposefulcx/purposeful/wasm/worker/bridge"
	"github.com/syumai/workers/cloudflare"
)

func main() {
	h, task := setup()
	register(js.Global().Get("context").Get("binding"), h, task)
	ready()
	<-make(chan struct{}) // serve until the isolate ends
}

// ready tells the glue that the entry points are registered (the import
// syumai/workers' glue also provides).
//
//go:wasmimport workers ready
func ready()

// setup reads the settings once for this instance and returns the request
// handler and the scheduled task. Bad settings give a handler and a task
// that only report them.
func setup() (http.Handler, func(context.Context) error) {
	cfg, err := api.ConfigFromEnv(cloudflare.Getenv)
	if err != nil {
		println("worker: " + err.Error())
		detail := "the worker's settings are not valid: " + err.Error()
		return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
				bridge.WriteProblem(w, http.StatusServiceUnavailable, api.TypeUnavailable, detail)
			}), func(context.Context) error {
				return err
			}
	}
	cfg.ClientIPHeader = "CF-Connecting-IP"
	if cfg.LRS.Endpoint != "" {
		cfg.LRS.Transport = fetchTransport{}
	}
	if len(cfg.LTI.Keys.Keys) > 0 {
		cfg.LTI.Transport = fetchTransport{}
		// Kept for the instance's life: bounded by the cache itself.
		cfg.LTI.JWKS = &lti.JWKSCache{Transport: fetchTransport{}}
	}
	if db := cloudflare.GetBinding("DB"); !db.IsUndefined() {
		cfg.Store = store.New(sql.OpenDB(d1Connector{db: db}), d1Batcher{db: db})
	}
	var h http.Handler = api.New(cfg)
	if cloudflare.Getenv("PURPOSEFUL_TEST_FAULTS") == "1" {
		h = withFaults(h)
	}
	return h, func(ctx context.Context) error { return retryOutbox(ctx, cfg) }
}

// retryOutbox is the scheduled task: it sends what waits in the outbox. A
// delivery that fails again stays there for the next run; only a database
// error fails the run (and shows in the worker's cron log).
func retryOutbox(ctx context.Context, cfg api.Config) error {
	if cfg.Store == nil {
		return errors.New("worker: no D1 binding named DB")
	}
	sent, failed, err := api.Flush(ctx, cfg)
	if sent+failed > 0 || err != nil {
		println("xAPI outbox: sent " + strconv.Itoa(sent) + ", failed " + strconv.Itoa(failed))
	}
	if err != nil {
		return err
	}
	sent, failed, err = api.FlushScores(ctx, cfg)
	if sent+failed > 0 || err != nil {
		println("LTI scores: sent " + strconv.Itoa(sent) + ", failed " + strconv.Itoa(failed))
	}
	return err
}
