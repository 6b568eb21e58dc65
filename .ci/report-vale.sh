#!/usr/bin/env bash
# Report, not a test (not run by .ci/run): times recovery.Review against
# Vale running the same phrase lists, per document.
#
#   bash .ci/report-vale.sh [N]     # N documents, default 1000
#
# Vale runs once over N files, so its start-up (about 0.1 s) is shared by
# all of them; with N=1000 it is a small part of the figure. Review is
# timed by its benchmark (the same 150-word reply), five runs, median,
# on one core (GOMAXPROCS=1) and with the machine's default GOMAXPROCS
# (where the garbage collector can use another core), and on every core
# at once (BenchmarkReviewParallel), since Vale spreads its documents over
# every core too. Vale runs twice: as it comes (on every free core) and
# with GOMAXPROCS=1, so that one core can be set beside one core. On a
# busy machine the figures move: run it when the machine is quiet.
#
# Vale 3.15.0 is not served by the Go module proxy (403 "This module
# version is not available"); 3.15.2 is the nearest 3.15 release there,
# so that is what this installs (go install, into a temporary GOBIN).
# The Vale rules are generated from the same phrase lists Review compiles
# (the literals of recovery/cues_tables.go), as one "existence" rule with
# every phrase as a token, matched case-insensitively.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000}"
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
TIMEFORMAT='%U %S'
{ time (cd "$work" && ./bin/vale --output=line docs >"$work/vale.out" || true); } 2>"$work/vale.cpu"
if grep -q "E[0-9][0-9][0-9]" "$work/vale.out"; then
	echo "Vale could not load the rules:" >&2
	head -5 "$work/vale.out" >&2
	exit 1
fi
echo "vale: $(wc -l <"$work/vale.out") alerts in $n documents"
end=$(date +%s%N)
vale_us=$(((end - start) / 1000 / n))
vale_cpu_us=$(awk -v n="$n" '{printf "%d", ($1 + $2) * 1e6 / n}' "$work/vale.cpu")
echo "vale: ${vale_us} us per document (wall, one process for all documents), ${vale_cpu_us} us of CPU time"
# Vale spreads its documents over every free core, so the wall time above
# halves on a quiet two-core machine and not on a busy one. Vale is a Go
# program: GOMAXPROCS=1 keeps it on one core, as Review is below.
start=$(date +%s%N)
(cd "$work" && GOMAXPROCS=1 ./bin/vale --output=line docs >"$work/vale1.out" || true)
end=$(date +%s%N)
vale_one_us=$(((end - start) / 1000 / n))
echo "vale: ${vale_one_us} us per document on one core (GOMAXPROCS=1, wall), $(wc -l <"$work/vale1.out") alerts"
echo "== recovery.Review on the same reply (median of 5 runs)"
median_ns() {
	awk '/BenchmarkReview\/words=150/{print $3}' | sort -n | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'
}
go test -c -o "$work/recovery.test" ./recovery/
one="$(cd recovery && GOMAXPROCS=1 "$work/recovery.test" -test.run '^$' -test.bench 'BenchmarkReview/words=150$' -test.benchmem -test.benchtime=5000x -test.count=5)"
dflt="$(cd recovery && "$work/recovery.test" -test.run '^$' -test.bench 'BenchmarkReview/words=150$' -test.benchmem -test.benchtime=5000x -test.count=5)"
echo "$one" | grep Benchmark | head -1
# CPU time per Review: the benchmark's cpu-ns/op (the process's user and
# system time over the loop, on one core), set beside Vale's user and
# system time per document.
review_cpu_ns=$(echo "$one" | awk '/BenchmarkReview\/words=150/{for(i=1;i<NF;i++) if($(i+1)=="cpu-ns/op") print $i}' | sort -n | awk '{v[NR]=$1} END{printf "%d", v[int((NR+1)/2)]}')
# Every core at once, as Vale runs: wall time per document with the
# whole machine.
par="$(cd recovery && "$work/recovery.test" -test.run '^$' -test.bench 'BenchmarkReviewParallel/words=150$' -test.benchtime=20000x -test.count=5)"
par_ns=$(echo "$par" | awk '/BenchmarkReviewParallel\/words=150/{print $3}' | sort -n | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}')
one_ns=$(echo "$one" | median_ns)
dflt_ns=$(echo "$dflt" | median_ns)
echo "review: ${one_ns} ns per document with GOMAXPROCS=1, ${dflt_ns} ns with GOMAXPROCS=$(nproc) (default)"
echo "review: ${par_ns} ns per document on all $(nproc) cores at once (BenchmarkReviewParallel)"
echo "review: ${review_cpu_ns} ns of CPU time per document"
echo "ratio: $((vale_us * 1000 / one_ns))x on one core, $((vale_us * 1000 / dflt_ns))x with the default GOMAXPROCS (Vale per document / Review per document, wall)"
echo "ratio: $((vale_one_us * 1000 / one_ns))x with both on one core (Vale and Review with GOMAXPROCS=1, wall)"
echo "ratio: $((vale_us * 1000 / par_ns))x with both on every core (Vale per document / Review per document, wall, the same machine for each)"
echo "ratio: $((vale_cpu_us * 1000 / review_cpu_ns))x in CPU time"
