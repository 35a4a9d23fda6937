# shellcheck shell=bash
# Runs Orrery's jar with the Java options that suit it; sourced, as the last step, by ./orrery
# (from a source checkout) and by a distribution's bin/orrery. The caller sets:
#   runtime   the Java home to run with (Java 21 or newer)
#   jar       the jar to run
#   data_dir  where the launcher keeps what speeds up later runs (class data, the planets
#             that have run); nothing is kept when it is not a writable directory
# and leaves the command's arguments as the positional parameters.

# shellcheck disable=SC2154 # set by the caller, as said above
: "${runtime:?}" "${jar:?}" "${data_dir?}"
stem="$data_dir/orrery"
# Planets that have run through this launcher: after a `run` that succeeds, a line naming its
# config (its path, and the working directory its relative paths resolve against) is added to
# a file in data_dir. Only the choice of compiler depends on it, so a planet whose database
# was removed since is merely compiled for as if it had run.
planets_run="$stem.planets"
planet_key() {
    local arg
    for arg in "$@"; do
        if [[ "$arg" != -* && -f "$arg" ]]; then
            printf '%s\t%s\n' "$PWD" "$(realpath "$arg")" | cksum | cut -d' ' -f1
            return 0
        fi
    done
    return 1
}

java_options=(--enable-native-access=ALL-UNNAMED)
version="$(java_version "$runtime/bin/java")"
has_run=no
planet=""
if [[ "${1:-}" == run ]] && planet="$(planet_key "${@:2}")"; then
    if grep -qx "$planet" "$planets_run" 2>/dev/null; then
        has_run=yes
    fi
fi
# Class data for `orrery run`, kept in data_dir, so that the start-up cron repeats maps
# classes instead of loading them; only `run` records, so it holds what a run needs, and data of
# an older jar is recorded again.
# - With Java 25 or newer, an AOT cache: classes loaded and linked, lambdas resolved, and how
#   the run's methods behaved, so the compilers start from there. The first run records it and
#   builds it once it has ended, which makes that run a few seconds longer. Measured on 1,000
#   feeds against the dynamic archive below (4 runs each, interleaved): a first run 10.2 ->
#   9.4 s, a run of 304s 1.06 -> 1.00 s (1.39 -> 1.22 s, 9 runs, with a cache of 304s only).
#   Java ignores, without a word, a cache made by another Java or with other options, and
#   never records a new one: the cache is named by the Java (its path and exact version) and
#   by ORRERY_JAVA_OPTS, so that a new Java or new options record a cache of their own.
#   Its log is silenced with every tag set under aot and cds (`aot*`): a run with C1 alone over
#   a cache recorded with C2 printed a warning of the code cache's stubs on every cron run.
# - Before Java 25 (or if the cache could not be built), a dynamic class-data archive that
#   the first run records (Java records it again by itself when it does not fit).
aot_key="$({
    echo "$runtime"
    sed -n 's/^JAVA_RUNTIME_VERSION=//p' "$runtime/release" 2>/dev/null
    echo "${ORRERY_JAVA_OPTS:-}"
} | cksum | cut -d' ' -f1)"
aot="$stem-$aot_key.aot"
record_aot=no
if [[ "${1:-}" == run && -w "$data_dir" ]]; then
    # Java maps data of an older jar without using it, and does not record new data.
    for data in "$stem"-*.aot "$stem"-*.aot.failed "$stem.jsa"; do
        if [[ -f "$data" && "$jar" -nt "$data" ]]; then
            rm -f "$data"
        fi
    done
    if [[ "$version" -ge 25 && -f "$aot" ]]; then
        java_options+=(-XX:AOTCache="$aot" '-Xlog:aot*=off' '-Xlog:cds*=off')
    elif [[ "$version" -ge 25 && ! -f "$aot.failed" ]]; then
        # Java's one step: the run records what it did and, as it exits, a child Java builds
        # the cache from that, under a name of its own until it is whole.
        record_aot=yes
        # What a run stopped halfway (Ctrl-C) recorded is tens of megabytes: not left behind.
        trap 'rm -f "$aot.$$" "$aot.$$.config"' EXIT
        # Recording ends by printing a line to standard output, which DisplayVMOutput silences.
        java_options+=(-XX:AOTCacheOutput="$aot.$$" '-Xlog:aot*=off' '-Xlog:cds*=off'
            -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput)
    else
        java_options+=(-XX:SharedArchiveFile="$stem.jsa" -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off)
    fi
fi
# Which compilers: a planet's first run parses every feed, and C2, the optimising compiler, pays
# for itself there, with ten times its usual thresholds so that it compiles only the code the run
# spends its time in (parsing, sanitising). Later runs mostly hear 304 or parse a few feeds and end
# before C2's code would pay back its compile time, and its profiling code slows all the rest:
# those runs use C1 alone. Measured on the loopback bench (bench/README.md), C1 alone against C2:
# 10,000 feeds that all answer 304, 5.6 -> 4.2 s; 1,000 feeds, 1.7 -> 1.3 s; a first run of
# 10,000 feeds, 68 -> 85 s (so not used there); of 1,000 feeds, about the same.
# ORRERY_JAVA_OPTS=-XX:TieredStopAtLevel=4 brings C2 back to a run that parses a great deal.
if [[ "$has_run" == yes ]]; then
    java_options+=(-XX:TieredStopAtLevel=1)
else
    java_options+=(-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000
        -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000)
fi
# A heap of at most 1 GB: left to Java's default (a quarter of the RAM), the collector let the
# heap grow to what it was allowed rather than collect, and a first run of 10,000 feeds peaked
# at 938 MB; capped, at 725 MB and no slower (publishing those 10,000 feeds works in 256 MB).
# A planet of many large feeds can raise it: ORRERY_JAVA_OPTS=-Xmx2g.
java_options+=(-Xmx1g)
# Once a thread has used a socket, Java waits 0.3 s at exit for threads blocked in native code
# (the poller of virtual threads is one), a tenth of a run whose feeds all answer 304. Such a
# thread cannot touch the JVM without passing a check that stops it, so exiting at once is safe.
if [[ "$version" -ge 25 ]]; then
    java_options+=(-XX:UserThreadWaitAttemptsAtExit=0)
fi
# shellcheck disable=SC2206 # word splitting of the user's options is intended
java_options+=(${ORRERY_JAVA_OPTS:-})
if [[ "$record_aot" == no && ( "$has_run" == yes || -z "$planet" ) ]]; then
    exec "$runtime/bin/java" "${java_options[@]}" -jar "$jar" "$@"
fi
status=0
if [[ "$record_aot" == yes && ! -t 2 ]]; then
    # The child Java that builds the cache announces the options it was given on standard
    # error, which a cron job would mail; the run's own messages pass.
    set +e
    { "$runtime/bin/java" "${java_options[@]}" -jar "$jar" "$@" 2>&1 1>&3 3>&- |
        grep --line-buffered -v '^Picked up JAVA_TOOL_OPTIONS: ' >&2; } 3>&1
    status="${PIPESTATUS[0]}"
    set -e
else
    "$runtime/bin/java" "${java_options[@]}" -jar "$jar" "$@" || status=$?
fi
if [[ "$status" == 0 && -n "$planet" && "$has_run" == no && -w "$data_dir" ]]; then
    echo "$planet" >>"$planets_run"
fi
# A cache that could not be built (options of ORRERY_JAVA_OPTS that Java refuses there, say):
# runs of this jar go on without it and no longer record.
if [[ "$record_aot" == yes ]]; then
    if [[ -f "$aot.$$" ]]; then
        mv -f "$aot.$$" "$aot"
    else
        touch "$aot.failed"
    fi
fi
exit "$status"
