#!/usr/bin/env bash
# Worker figures (report only; the functional worker tests run in
# `go test ./wasm/worker`), from ONE workerd process (Miniflare) holding
# the API worker and a minimal syumai "hello" worker that starts a Go
# instance per request (tools/bench.mjs):
#   - the bundle's gzip size as wrangler would upload it;
#   - cold first request (POST /v1/recovery/review on a fresh isolate);
#   - warm p50/p95 of POST /v1/recovery/review, of a team-mode poll
#     (GET /v1/workshops/{id}/events?after=...) and of the hello worker;
#   - the fixed cost per request beside its floor: an API route Go answers
#     at once (an unknown path) and a plain JS worker;
#   - the Go instance's wasm memory and the JS values it holds after 1,000
#     and 10,000 requests.
# Targets: bundle <= 2.5 MB gzip, p50 ratio review/hello <= 0.25, memory
# flat. It fails only past Cloudflare's 3 MB limit, where a deploy would be
# refused.
set -euo pipefail
cd "$(dirname "$0")/../wasm/worker"
export WRANGLER_SEND_METRICS=false
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=${PURPOSEFUL_BENCH_N:-300}
mem_n=${PURPOSEFUL_BENCH_MEM_N:-10000}

bash build.sh
upload=$(npx wrangler deploy --dry-run --outdir "$tmp/out" 2>&1 | grep -o 'gzip: [0-9.]* KiB' | grep -o '[0-9.]*')
wasm_gz=$(gzip -9 -c build/app.wasm | wc -c)

mkdir -p "$tmp/hello"
go run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o "$tmp/hello" >/dev/null
GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o "$tmp/hello/app.wasm" ./bench/hello
hello_gz=$(gzip -9 -c "$tmp/hello/app.wasm" | wc -c)

echo "worker bundle (wrangler dry run): ${upload} KiB gzip (target <= 2560 KiB = 2.5 MB; fails past 3072 KiB)"
echo "app.wasm gzip -9: ${wasm_gz} bytes; hello worker app.wasm gzip -9: ${hello_gz} bytes"
echo "one workerd process, ${n} alternating requests each, then ${mem_n} on one instance:"
node tools/bench.mjs build "$tmp/hello" "$n" "$mem_n" | tee "$tmp/bench.json"
node - "$tmp/bench.json" <<'EOF'
const b = require(process.argv[2]);
console.log(`cold first request: review ${b.cold_review_ms} ms (hello, instance per request: ${b.cold_hello_ms} ms)`);
console.log(`warm review p50 ${b.review_p50_ms} ms, p95 ${b.review_p95_ms} ms`);
console.log(`warm team poll p50 ${b.poll_p50_ms} ms, p95 ${b.poll_p95_ms} ms`);
console.log(`hello (instance per request) p50 ${b.hello_p50_ms} ms, p95 ${b.hello_p95_ms} ms`);
console.log(`fixed cost: API route answered at once (404) p50 ${b.noop_p50_ms} ms, p95 ${b.noop_p95_ms} ms; plain JS worker (the floor) p50 ${b.plain_p50_ms} ms, p95 ${b.plain_p95_ms} ms`);
for (const [k, m] of Object.entries(b.memory)) {
  console.log(`after ${k} requests on one instance: wasm memory ${(m.wasm_memory_bytes / 1048576).toFixed(1)} MiB, JS values held ${m.js_values_held}`);
}
console.log(`p50 ratio review/hello: ${b.ratio} (target <= 0.25)`);
EOF

awk -v u="$upload" 'BEGIN { exit !(u <= 3072) }' || { echo "bundle over Cloudflare's 3 MB limit"; exit 1; }
