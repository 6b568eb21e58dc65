//go:build js && wasm

// Command worker serves the Purposeful API on Cloudflare Workers, with D1
// as its database. Build and run it with npm (see package.json):
//
//	cd wasm/worker && npm ci && npm run dev   # http://127.0.0.1:8787
//
// Settings come from the worker's environment (wrangler.toml [vars] and
// secrets): PURPOSEFUL_API_KEYS (secret: org:id:sha256 list),
// PURPOSEFUL_ORIGINS, PURPOSEFUL_PUBLIC_ORG, PURPOSEFUL_LRS_ENDPOINT,
// PURPOSEFUL_LRS_USERNAME, PURPOSEFUL_LRS_PASSWORD (secret),
// PURPOSEFUL_LTI_KEYS (secret: the LTI tool's PEM signing keys) and
// PURPOSEFUL_LTI_BASE_URL (the tool's public origin, optional).
//
// A cron trigger (wrangler.toml [triggers]) retries the xAPI outbox: the
// statements an LRS did not accept when they were made are sent again
// every five minutes until it does, without waiting for the next request.
//
// Every request starts a fresh Go instance, so this file does nothing at
// package level and main only reads the settings and serves.
package main

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/purposefulcx/purposeful/wasm/api"
	"github.com/purposefulcx/purposeful/wasm/lti"
	"github.com/purposefulcx/purposeful/wasm/store"
	"github.com/syumai/workers"
	"github.com/syumai/workers/cloudflare"
	"github.com/syumai/workers/cloudflare/cron"
	"github.com/syumai/workers/cloudflare/d1"
)

func main() {
	cfg := config()
	cron.ScheduleTaskNonBlock(func(ctx context.Context) error { return retryOutbox(ctx, cfg) })
	workers.Serve(api.New(cfg))
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

// config builds the API settings from the worker's environment.
func config() api.Config {
	cfg := api.Config{
		ClientIPHeader: "CF-Connecting-IP",
		PublicOrg:      cloudflare.Getenv("PURPOSEFUL_PUBLIC_ORG"),
	}
	if keys, err := api.ParseAPIKeys(cloudflare.Getenv("PURPOSEFUL_API_KEYS")); err == nil {
		cfg.APIKeys = keys
	}
	for _, o := range strings.Split(cloudflare.Getenv("PURPOSEFUL_ORIGINS"), ",") {
		if o = strings.TrimSpace(o); o != "" {
			cfg.AllowedOrigins = append(cfg.AllowedOrigins, o)
		}
	}
	if ep := cloudflare.Getenv("PURPOSEFUL_LRS_ENDPOINT"); ep != "" {
		cfg.LRS = api.LRS{
			Endpoint:  ep,
			Username:  cloudflare.Getenv("PURPOSEFUL_LRS_USERNAME"),
			Password:  cloudflare.Getenv("PURPOSEFUL_LRS_PASSWORD"),
			Transport: fetchTransport{},
		}
	}
	if pem := cloudflare.Getenv("PURPOSEFUL_LTI_KEYS"); pem != "" {
		if ks, err := lti.ParseKeySet([]byte(pem), time.Now()); err == nil {
			cfg.LTI = api.LTIConfig{Keys: ks, Transport: fetchTransport{}, BaseURL: cloudflare.Getenv("PURPOSEFUL_LTI_BASE_URL"),
				JWKS: &lti.JWKSCache{Transport: fetchTransport{}}}
		} else {
			println("worker: PURPOSEFUL_LTI_KEYS: " + err.Error())
		}
	}
	if db := cloudflare.GetBinding("DB"); !db.IsUndefined() {
		if conn, err := d1.OpenConnector("DB"); err == nil {
			cfg.Store = store.New(sql.OpenDB(conn), d1Batcher{db: db})
		}
	}
	return cfg
}
