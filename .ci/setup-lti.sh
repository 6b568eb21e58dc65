#!/usr/bin/env bash
# Installs ltijs from npm (into wasm/lti/testdata/ltijs/node_modules) so
# `go test ./wasm/lti` can compare its verdicts on the forged LTI launches
# with ours (ltijs_test.go).
set -euo pipefail
cd "$(dirname "$0")/../wasm/lti/testdata/ltijs"
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
