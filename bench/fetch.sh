#!/usr/bin/env bash
# Orrery refreshing and publishing a planet, beside newsboat and the curl floor in the same run,
# on the loopback feed bench of ../shared/bench: generated feeds served by nginx on 127.0.0.1
# (ETag, Last-Modified, gzip). Each peer runs twice: first run (every feed 200), second run
# (every feed 304); wall time, CPU time and peak RSS of the whole process.
#
#   bench/fetch.sh [WORK_DIR] [--changed PCT] [bench.py options: --ns 1000,10000 --reps 1 ...]
#
# --changed PCT adds the common cron run (bench/changed_run.py): a planet fetched before, of whose
# feeds PCT% now have a new entry; Orrery and the curl floor over that state, at each --ns.
#
# Needs nginx and newsboat (apt-get install -y nginx newsboat). WORK_DIR (default
# $TMPDIR/feedbench) holds the generated feeds (1.2 GB for 10,000) and the results, one JSON line
# per timed run; the table of medians is printed at the end.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$root/../shared/bench"
work="${1:-${TMPDIR:-/tmp}/feedbench}"
[[ $# -gt 0 ]] && shift
changed=""
ns="1000"
reps="1"
passed=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --changed) changed="$2"; shift 2 ;;
        --ns) ns="$2"; passed+=("$1" "$2"); shift 2 ;;
        --reps) reps="$2"; passed+=("$1" "$2"); shift 2 ;;
        *) passed+=("$1"); shift ;;
    esac
done
port="${PORT:-18080}"
nmax="${NMAX:-10000}"

for tool in nginx newsboat curl; do
    if ! command -v "$tool" >/dev/null 2>&1 && [[ ! -x "/usr/sbin/$tool" ]]; then
        echo "bench/fetch.sh: needs $tool (apt-get install -y nginx newsboat curl)" >&2
        exit 2
    fi
done

mkdir -p "$work"
work="$(cd "$work" && pwd)"
want="$nmax 42 2026-11-24 http://127.0.0.1:$port"
have="$(python3 -c "import json,sys;s=json.load(open(sys.argv[1]))['summary'];print(s['n'],s['seed'],s['ref_date'],s['base_url'])" \
    "$work/data/manifest.json" 2>/dev/null || true)"
if [[ "$want" != "$have" ]]; then
    echo "== generating $nmax feeds in $work/data"
    rm -rf "$work/data"
    python3 "$shared/gen_feeds.py" --out "$work/data" --n "$nmax" --lists "1000,$nmax" \
        --base-url "http://127.0.0.1:$port" --seed 42 --ref-date 2026-11-24 >/dev/null
fi

# Build the jar now from the sources as they are, so that no timed run includes a build.
"$root/scripts/build"
"$shared/serve.sh" start "$work/data" "$work/state" "$port" >/dev/null
trap '"$shared/serve.sh" stop "$work/state"' EXIT
# Nor the recording of the class data the launcher keeps beside the jar (the first run after a
# build records it): a planet of the first 20 feeds, in a directory of its own, runs once first,
# as a planet would have after an installation.
primer="$(mktemp -d)"
awk -v dir="$primer" '/^\[/ && ++sections > 21 { exit }
    /^cache_directory = / { $0 = "cache_directory = " dir "/cache" }
    /^output_dir = / { $0 = "output_dir = " dir "/output" }
    { print }' "$work/data/config-1000.ini" >"$primer/config.ini"
(cd "$root" && ./orrery run "$primer/config.ini" >/dev/null)
rm -rf "$primer"
results="$work/results-$(date +%Y%m%d-%H%M%S).jsonl"
cd "$root"
python3 "$shared/bench.py" --data "$work/data" --state "$work/state" --results "$results" \
    --only floor,orrery,newsboat --reps 1 --newsboat-threads 2,8 --big-newsboat-threads best "${passed[@]}"
if [[ -n "$changed" ]]; then
    for n in ${ns//,/ }; do
        r="$reps"
        [[ "$n" -gt 1000 ]] && r=1 # as bench.py's --big-reps: one run past 1,000 feeds
        python3 "$root/bench/changed_run.py" --data "$work/data" --state "$work/state" --results "$results" \
            --n "$n" --reps "$r" --percent "$changed"
    done
fi
python3 "$shared/bench.py" --table --results "$results"
echo "results: $results"
