#!/usr/bin/env bash
# Worker figures (report only; the functional worker tests run in
# `go test ./wasm/worker`): the bundle's gzip size as wrangler would upload
# it, beside a minimal syumai "hello" worker, and, in one workerd process,
# the p50 of POST /v1/recovery/review against the hello worker's p50.
# Targets: gzip <= 1.9 MB, ratio <= 1.15. It fails only past Cloudflare's
# 3 MB free-plan limit, where a deploy would be refused.
set -euo pipefail
cd "$(dirname "$0")/../wasm/worker"
export WRANGLER_SEND_METRICS=false
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

bash build.sh
upload=$(npx wrangler deploy --dry-run --outdir "$tmp/out" 2>&1 | grep -o 'gzip: [0-9.]* KiB' | grep -o '[0-9.]*')
wasm_gz=$(gzip -9 -c build/app.wasm | wc -c)

mkdir -p "$tmp/hello"
go run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o "$tmp/hello" >/dev/null
GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o "$tmp/hello/app.wasm" ./bench/hello
hello_gz=$(gzip -9 -c "$tmp/hello/app.wasm" | wc -c)
# The same hello with its data segments joined as our build does, so the
# comparison can also be made with the same packing on both sides.
cp -r "$tmp/hello" "$tmp/hello-packed"
go run ../internal/wasmpack/cmd/wasmpack -q "$tmp/hello-packed/app.wasm"
hello_packed_gz=$(gzip -9 -c "$tmp/hello-packed/app.wasm" | wc -c)

echo "worker bundle (wrangler dry run): ${upload} KiB gzip (target <= 1945 KiB = 1.9 MB)"
echo "app.wasm gzip -9: ${wasm_gz} bytes; hello worker app.wasm gzip -9: ${hello_gz} bytes (${hello_packed_gz} packed)"
echo "per-request time, one workerd process (Miniflare), fresh Go instance per request:"
node tools/bench.mjs build "$tmp/hello" 300 | tee "$tmp/bench.json"
ratio=$(node -e 'console.log(require(process.argv[1]).ratio)' "$tmp/bench.json")
node tools/bench.mjs build "$tmp/hello-packed" 300 | tee "$tmp/bench-packed.json"
ratio_packed=$(node -e 'console.log(require(process.argv[1]).ratio)' "$tmp/bench-packed.json")
echo "p50 ratio review/hello: ${ratio} (target <= 1.15); against the packed hello: ${ratio_packed}"

awk -v u="$upload" 'BEGIN { exit !(u <= 3072) }' || { echo "bundle over Cloudflare's 3 MB limit"; exit 1; }
