// Package api is the Purposeful HTTP API: one [http.Handler] that serves
// the same routes from a Cloudflare Worker (D1), from the local server
// (SQLite) and in tests. It is plain Go: it builds natively and for
// js/wasm, and does no work at package level, because every new worker
// instance pays for it before its first answer. The worker keeps its
// instances and serves many requests from each, so nothing
// request-specific lives at package level and every cache is bounded.
//
//	st, _ := sqlite.Open(ctx, "purposeful.sqlite")    // or store.New(d1DB, batcher)
//	h := api.New(api.Config{Store: st, PublicOrg: "local"})
//	http.ListenAndServe("127.0.0.1:8080", h)
//
// The routes (GET /v1/openapi.json describes them all):
//   - stored workshops for teams and learning platforms: create, join with a
//     short code, append events (idempotent by event id), read events after
//     a cursor, read state, export, complete; anonymity is applied by the
//     grid package on every read;
//   - stateless analysis from the purpose, grid, standards and recovery
//     packages;
//   - xAPI 1.0.3 statements (workshop completed, practice graded, standard
//     acknowledged), stored with the change that caused them and delivered
//     to an LRS from an outbox, with ids of our own so retries are harmless.
//
// Errors are RFC 9457 problem documents ([Problem]) whose errors list the
// JSON paths of the fields at fault. Bodies are strict JSON: 256 KiB at
// most (413), application/json only (415), valid UTF-8, no unknown fields,
// no duplicate keys, nesting at most 32 deep (400).
//
// Credentials travel as Bearer tokens: organisation API keys (pfk_...,
// configured as SHA-256 hashes, compared in constant time, see
// [NewAPIKey]) and workshop tokens (pft_..., 256 random bits, stored as
// hashes). Join codes have about 39 bits and failed joins are limited per
// client. Logs carry the route pattern and status only.
package api
