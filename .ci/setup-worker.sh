#!/usr/bin/env bash
# Installs the Node packages of the worker (wrangler, the xAPI validator and
# the in-memory LRS used by the tests) so `go test ./wasm/worker` can start
# the real worker under `wrangler dev --local`.
set -euo pipefail
cd "$(dirname "$0")/../wasm/worker"
export WRANGLER_SEND_METRICS=false
npm ci --no-audit --no-fund --loglevel=error
