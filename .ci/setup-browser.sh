#!/usr/bin/env bash
# Installs what the workshop page's end-to-end tests need: Debian Chromium
# (never a downloaded browser), brotli (to measure the wasm size) and
# axe-core and jsQR from npm (into wasm/page/e2e/node_modules).
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v brotli >/dev/null || need+=(brotli)
if [ ${#need[@]} -gt 0 ]; then
	export DEBIAN_FRONTEND=noninteractive
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get update -qq
	$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi
e2e=wasm/page/e2e
if [ ! -f "$e2e/node_modules/axe-core/axe.min.js" ] || [ ! -f "$e2e/node_modules/jsqr/dist/jsQR.js" ]; then
	(cd "$e2e" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
fi
/usr/bin/chromium --version
