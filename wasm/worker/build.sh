#!/usr/bin/env bash
# Builds the worker into build/: the Go wasm binary, the runtime shim from
# syumai/workers (wasm_exec.js) and our own glue (glue/worker.mjs, which
# keeps Go instances for the isolate's life instead of syumai's one per
# request). Run by wrangler (see wrangler.toml [build]).
set -euo pipefail
cd "$(dirname "$0")"
go run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o build
cp glue/worker.mjs build/worker.mjs
# No inlining (-l): the binary is about 12% smaller after gzip (3.10 MB ->
# 2.74 MB with LTI, accountability and courses), which keeps it under
# Cloudflare's 3 MB. Instances are kept for the isolate's life, so the
# start-up this once cost every request is now paid rarely.
# Except in net/http: there inlining makes the binary smaller still (about
# 87 KB after gzip: less call glue, and code the linker can then drop) and
# the per-request work (building the request, header lookups) faster.
# Except, too, in our own packages on the review's path (recovery,
# internal/..., wasm/api, wasm/worker/...): a kept instance runs V8's
# baseline (Liftoff) code for its first hundreds of requests, until the
# optimising tier takes over, and baseline code pays dearly for each call.
# Measured in one workerd process, POST /v1/recovery/review alternating
# between builds (tools/bench.mjs's request, 300 each, 5 rounds, load 3-5):
# p50 about 4% lower than without, for 57 KB more gzip (2,483 -> 2,540 KB
# gzip -9). Inlining the runtime too gained 0-7% for 45 KB more; every
# package, about 5% for 394 KB more, which the bundle cannot carry.
pkg=github.com/purposefulcx/purposeful
GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -gcflags=all=-l -gcflags=net/http= \
	-gcflags=$pkg/recovery= -gcflags=$pkg/internal/...= -gcflags=$pkg/wasm/api= -gcflags=$pkg/wasm/worker/...= \
	-o build/app.wasm .
# Join the linker's ~90,000 data segments into a few hundred: about 6%
# smaller after gzip and faster to instantiate, which every new instance pays.
go run ../internal/wasmpack/cmd/wasmpack build/app.wasm
