#!/usr/bin/env bash
# The browser page's js/wasm code, tested under Node with Go's wasm runner.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:$(go env GOROOT)/lib/wasm"
GOOS=js GOARCH=wasm go test ./wasm/page/internal/... ./wasm/page/ui/... ./wasm/page/device/
