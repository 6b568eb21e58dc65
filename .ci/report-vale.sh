#!/usr/bin/env bash
# Report, not a test (not run by .ci/run): times recovery.Review against
# Vale running the same phrase lists, per document.
#
#   bash .ci/report-vale.sh [N]     # N documents, default 200
#
# Vale 3.15.0 is not served by the Go module proxy (403 "This module
# version is not available"); 3.15.2 is the nearest 3.15 release there,
# so that is what this installs (go install, into a temporary GOBIN).
# The Vale rules are generated from the same phrase lists Review compiles
# (the literals of recovery/cues_tables.go), as one "existence" rule with
# every phrase as a token, matched case-insensitively.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-200}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
GOBIN="$work/bin" go install github.com/errata-ai/vale/v3/cmd/vale@v3.15.2
# (built from source, vale --version prints "master"; the module is v3.15.2)
mkdir -p "$work/styles/Recovery" "$work/docs"
{
	echo "extends: existence"
	echo "message: \"'%s'\""
	echo "level: warning"
	echo "ignorecase: true"
	echo "nonword: false"
	echo "tokens:"
	# Every phrase literal of the generated matcher tables, regexp-escaped.
	awk '/Phrases: \[\]string\{/{on=1;next} on&&/^\t\},/{on=0} on' recovery/cues_tables.go |
		sed -E 's/^\s*"(.*)",$/\1/; s/([.?*+()|^$\\[])/\\\1/g' |
		sed -E "s/'/[''’]/g; s/^/  - '/; s/\$/'/"
} >"$work/styles/Recovery/Cues.yml"
printf 'StylesPath = styles\nMinAlertLevel = suggestion\n[*.txt]\nRecovery.Cues = YES\n' >"$work/.vale.ini"
# The 150-word reply of recovery/bench_test.go, n times.
reply="$(awk '/^const reply150 = `/{sub(/^const reply150 = `/,"");sub(/`$/,"");print}' recovery/bench_test.go)"
for i in $(seq 1 "$n"); do printf '%s\n' "$reply" >"$work/docs/d$i.txt"; done
echo "== Vale $("$work/bin/vale" --version) on $n documents of 150 words"
start=$(date +%s%N)
(cd "$work" && ./bin/vale --output=line docs >"$work/vale.out") || true
if grep -q "E[0-9][0-9][0-9]" "$work/vale.out"; then
	echo "Vale could not load the rules:" >&2
	head -5 "$work/vale.out" >&2
	exit 1
fi
echo "vale: $(wc -l <"$work/vale.out") alerts in $n documents"
end=$(date +%s%N)
vale_us=$(((end - start) / 1000 / n))
echo "vale: ${vale_us} us per document (wall, one process for all documents)"
echo "== recovery.Review on the same reply"
out="$(go test -run '^$' -bench 'BenchmarkReview/words=150$' -benchtime=2000x ./recovery/)"
echo "$out" | grep Benchmark
review_ns=$(echo "$out" | awk '/BenchmarkReview\/words=150/{print $3}')
echo "ratio: $((vale_us * 1000 / review_ns))x (Vale per document / Review per document)"
