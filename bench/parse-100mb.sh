#!/usr/bin/env bash
# Can `orrery parse` read a 100 MB feed in a 128 MB heap? Prints pass/fail, wall time and peak RSS;
# on OutOfMemoryError, the failing stack, then a rerun with a 2 GB heap that samples the live-heap
# class histogram every 2 s and prints the largest one (what the parser holds at its peak).
#
#   bench/parse-100mb.sh [--json] [--heap 128m] [--size-mb 100]
#
# --json prints the JSON view (to /dev/null) instead of the plain summary. The feed is generated
# once into $ORRERY_BENCH_DATA (default: $TMPDIR/orrery-bench). Finds a JDK 25 as ./orrery does;
# needs /usr/bin/time (apt-get install time).
set -euo pipefail
cd "$(dirname "$0")/.."

json=()
heap=128m
size=100
while [[ $# -gt 0 ]]; do
    case "$1" in
        --json) json=(--json); shift ;;
        --heap) heap="$2"; shift 2 ;;
        --size-mb) size="$2"; shift 2 ;;
        *) echo "usage: bench/parse-100mb.sh [--json] [--heap 128m] [--size-mb 100]" >&2; exit 2 ;;
    esac
done

source scripts/java.sh
[[ -n "${JAVA_HOME:-}" ]] || use_build_jdk
jdk="$JAVA_HOME"
data="${ORRERY_BENCH_DATA:-${TMPDIR:-/tmp}/orrery-bench}"
feed="$data/big-${size}mb.rss"
results=bench/results
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$data" "$results"
[[ -f "$feed" ]] || python3 bench/gen-big-feed.py "$feed" "$size"
[[ -f target/orrery.jar ]] || ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package

log="$results/parse-100mb-$stamp"
set +e
/usr/bin/time -v -o "$log.time" "$jdk/bin/java" "-Xmx$heap" -jar target/orrery.jar parse "${json[@]}" "$feed" >"$log.out" 2>"$log.err"
status=$?
set -e

rss_kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log.time")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$log.time")
bytes=$(wc -c <"$feed")
if [[ $status -eq 0 ]]; then
    verdict=pass
else
    verdict="FAIL (exit $status)"
fi
printf 'parse %s of %d bytes, -Xmx%s: %s, wall %s, peak RSS %d MB\n' \
    "${json[*]:-summary}" "$bytes" "$heap" "$verdict" "$wall" $((rss_kb / 1024))
if grep -q OutOfMemoryError "$log.err" "$log.out"; then
    echo "OutOfMemoryError; where it was thrown:"
    grep -h -A12 'OutOfMemoryError' "$log.err" | grep -E 'OutOfMemoryError|^\s+at ' | head -14
    "$jdk/bin/java" -Xmx2g -jar target/orrery.jar parse "${json[@]}" "$feed" >/dev/null 2>&1 &
    pid=$!
    best=0
    while kill -0 "$pid" 2>/dev/null; do
        sleep 2
        "$jdk/bin/jcmd" "$pid" GC.class_histogram >"$log.histo.tmp" 2>/dev/null || break
        total=$(awk '/^Total/ {print $3}' "$log.histo.tmp")
        if [[ -n "$total" && "$total" -gt "$best" ]]; then
            best=$total
            mv "$log.histo.tmp" "$log.histo"
        fi
    done
    wait "$pid" || true
    rm -f "$log.histo.tmp"
    printf 'largest live heap of a run with -Xmx2g: %d MB, by class:\n' $((best / 1048576))
    [[ -f "$log.histo" ]] && sed -n 1,14p "$log.histo"
fi
echo "logs: $log.{out,err,time}"
