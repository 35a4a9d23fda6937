#!/usr/bin/env bash
# Parsing throughput, one thread: Orrery (parse; parse + sanitise) and ROME 2.1.0 under JMH on the
# same bytes, then Python feedparser (and the Node parsers, when installed) on the same corpus.
#
#   bench/parse.sh [--inputs corpus,big] [--no-peers] [-- JMH options...]
#
# Inputs are generated once into $ORRERY_BENCH_DATA (default: $TMPDIR/orrery-bench): the first
# $N (1000) feeds of the shared gen_feeds.py, and a 100 MB RSS feed (bench/gen-big-feed.py).
# Results: bench/results/parse-<time>.{json,txt,md}. Finds a JDK 25 as ./orrery does.
set -euo pipefail
cd "$(dirname "$0")/.."

inputs=corpus,big
peers=yes
while [[ $# -gt 0 ]]; do
    case "$1" in
        --inputs) inputs="$2"; shift 2 ;;
        --no-peers) peers=no; shift ;;
        --) shift; break ;;
        *) echo "usage: bench/parse.sh [--inputs corpus,big] [--no-peers] [-- JMH options]" >&2; exit 2 ;;
    esac
done

source scripts/java.sh
[[ -n "${JAVA_HOME:-}" ]] || use_build_jdk
java="$JAVA_HOME/bin/java"
shared="${ORRERY_SHARED:-../shared}"
data="${ORRERY_BENCH_DATA:-${TMPDIR:-/tmp}/orrery-bench}"
n="${N:-1000}"
corpus="$data/corpus-$n"
big="$data/big-100mb.rss"
results=bench/results
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$data" "$results"

if [[ ! -f "$corpus/manifest.json" ]]; then
    python3 "$shared/bench/gen_feeds.py" --out "$corpus" --n "$n" --lists "$n" --jobs 2 >/dev/null
fi
if [[ ! -f "$big" ]]; then
    python3 bench/gen-big-feed.py "$big" 100
fi

./mvnw -q -B -DskipTests -Dspotless.check.skip=true test-compile \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
classpath="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

"$java" -cp "$classpath" org.openjdk.jmh.Main 'org.orrery.bench.ParseBenchmark' \
    -p input="$inputs" \
    -jvmArgsAppend "-Dorrery.bench.corpus=$corpus/feeds -Dorrery.bench.big=$big" \
    -rf json -rff "$results/parse-$stamp.json" "$@" | tee "$results/parse-$stamp.txt"

peer_lines="$results/parse-$stamp.peers.jsonl"
: >"$peer_lines"
if [[ "$peers" == yes && ",$inputs," == *",corpus,"* ]]; then
    # The first python3 that has feedparser (a pyenv shim may hide the system's package).
    for python in python3 /usr/bin/python3; do
        if "$python" -c 'import feedparser' 2>/dev/null; then
            "$python" "$shared/bench/python/parse_feedparser.py" "$corpus" "$n" 1 | tee -a "$peer_lines"
            break
        fi
    done
    # A directory holding parse_bench.mjs and its node_modules (npm ci in a copy of the shared one).
    node_dir="${ORRERY_BENCH_NODE:-$shared/bench/node}"
    if command -v node >/dev/null && [[ -d "$node_dir/node_modules" ]]; then
        for parser in rowanmanning feedsmith; do
            node "$node_dir/parse_bench.mjs" "$parser" "$corpus" "$n" 3 3 | tee -a "$peer_lines"
        done
    fi
fi

python3 bench/summarise.py "$results/parse-$stamp.json" "$peer_lines" | tee "$results/parse-$stamp.md"
