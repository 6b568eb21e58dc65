#!/usr/bin/env bash
# Long fuzzing run, nightly style: NOT part of .ci/run (its name matches
# neither setup-*.sh nor test-*.sh). It fuzzes the API's body decoding
# (FuzzBody), the grid session (FuzzApply) and the grid document decoder
# (FuzzDecode), each for FUZZ_EXECS executions (default 1,000,000) split
# into FUZZ_CHUNKS runs (default 4) so a CI job can spread it over time;
# inputs found interesting carry over between chunks in the Go fuzz cache.
# A crash is saved under the package's testdata/fuzz/<target>/ and fails
# the script.
#
#   .ci/fuzz-long.sh                         # all three, 1M each
#   FUZZ_EXECS=200000 .ci/fuzz-long.sh       # a shorter run
#   FUZZ_PARALLEL=2 .ci/fuzz-long.sh FuzzApply
#   .ci/fuzz-long.sh FuzzSnapshot            # the session snapshot decoder
set -euo pipefail
cd "$(dirname "$0")/.."
execs="${FUZZ_EXECS:-1000000}"
chunks="${FUZZ_CHUNKS:-4}"
parallel="${FUZZ_PARALLEL:-1}"
declare -A pkg=([FuzzBody]=./wasm/api [FuzzApply]=./grid [FuzzDecode]=./grid [FuzzSnapshot]=./grid)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzBody FuzzApply FuzzDecode)
status=0
for t in "${targets[@]}"; do
	p="${pkg[$t]:?unknown target $t}"
	per=$(( (execs + chunks - 1) / chunks ))
	total=0
	start=$(date +%s)
	for c in $(seq 1 "$chunks"); do
		log=$(mktemp)
		if ! go test "$p" -run '^$' -fuzz "^${t}\$" -fuzztime "${per}x" -parallel "$parallel" >"$log" 2>&1; then
			echo "== $t ($p): chunk $c FAILED"
			tail -40 "$log"
			status=1
			rm -f "$log"
			break
		fi
		n=$(grep -o 'execs: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo 0)
		total=$((total + n))
		rm -f "$log"
	done
	echo "== $t ($p): $total executions in $(( $(date +%s) - start )) s, crashes: $([ $status -eq 0 ] && echo 0 || echo 'see above')"
done
exit "$status"
