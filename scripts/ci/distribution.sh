#!/usr/bin/env bash
# The distribution as someone installs it (docs/deployment.md): unpacked in a directory outside
# the checkout, its bin/orrery reached through symlinks on the PATH, run on a machine whose
# only `java` is a Java 21 (scripts/ci/java21.sh), then on Java 25, then with its own runtime
# (scripts/package-runtime). Each runs the bundled demo planet offline in a directory of its
# own and checks that the site was published, that a second run, as cron repeats it, says
# only that the site is unchanged, and that `orrery serve` serves it and stops on SIGTERM. Runs from the repo root; builds what is missing.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
# shellcheck source=scripts/java.sh
source scripts/java.sh
use_build_jdk
jdk25="$JAVA_HOME"
name="orrery-$(sed -n 's:^ *<version>\(.*\)</version>.*:\1:p' pom.xml | head -n1)"
dist="target/$name.tar.gz"
if [[ ! -f "$dist" ]]; then
    ./mvnw -q -B -DskipTests -Dspotless.check.skip=true package
fi
jdk21="$(scripts/ci/java21.sh)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() {
    echo "distribution: $*" >&2
    exit 1
}

# unpack NAME TARBALL: unpacks TARBALL under $work/NAME/opt as docs/deployment.md does, with
# a `current` symlink to it and bin/orrery linked from $work/NAME/bin (two symlinks deep).
unpack() {
    local at="$work/$1"
    mkdir -p "$at/opt" "$at/bin" "$at/home"
    tar -xzf "$2" -C "$at/opt"
    ln -s "$name" "$at/opt/current"
    ln -s ../opt/current/bin/orrery "$at/bin/orrery"
}

# demo NAME JAVA_VERSION: runs the demo planet with the PATH and HOME of unpack NAME, without
# JAVA_HOME, in a directory of its own, and checks what it published and printed.
demo() {
    local at="$work/$1" want="$2" out
    local -a env=(env -u JAVA_HOME "HOME=$at/home" "PATH=$at/bin:/usr/bin:/bin")
    mkdir -p "$at/planet"
    cp -r "$at/opt/current/examples" "$at/planet/"
    out="$(cd / && "${env[@]}" orrery --version 2>&1)" || fail "$1: orrery --version failed: $out"
    grep -q "^Java ${want}[.+]" <<<"$out" || fail "$1: expected Java $want, got: $out"
    out="$(cd "$at/planet" && "${env[@]}" orrery run examples/demo/config.ini 2>&1)" ||
        fail "$1: the first run failed: $out"
    grep -q '^12 feeds: 12 ok' <<<"$out" || fail "$1: the first run said: $out"
    for file in index.html atom.xml rss20.xml feed.json; do
        test -s "$at/planet/examples/demo/output/$file" || fail "$1: $file was not published"
    done
    grep -q 'Ada Quill' "$at/planet/examples/demo/output/index.html" ||
        fail "$1: index.html lacks the demo's entries"
    # The cron repeat: the planet has run, class data is there; nothing but the two lines.
    out="$(cd "$at/planet" && "${env[@]}" orrery run examples/demo/config.ini 2>&1)" ||
        fail "$1: the second run failed: $out"
    [[ "$(wc -l <<<"$out")" == 2 && "$out" == *"site unchanged"* ]] ||
        fail "$1: the second run said: $out"
    # orrery serve: the web server's classes are in the jar (and their modules in a runtime).
    (cd "$at/planet" && exec "${env[@]}" orrery serve examples/demo/config.ini --port 0 \
        >"$at/serve.out" 2>"$at/serve.err") &
    local serving="" port health
    for _ in $(seq 1 120); do
        serving="$(grep -o 'serving http://127.0.0.1:[0-9]*/' "$at/serve.out" 2>/dev/null || true)"
        [[ -n "$serving" ]] && break
        sleep 0.5
    done
    [[ -n "$serving" ]] || fail "$1: serve did not start: $(cat "$at/serve.err")"
    port="${serving##*:}"
    port="${port%/}"
    exec 3<>"/dev/tcp/127.0.0.1/$port"
    printf 'GET /healthz HTTP/1.0\r\n\r\n' >&3
    health="$(head -n1 <&3)"
    exec 3<&-
    [[ "$health" == "HTTP/1.1 200"* ]] || fail "$1: serve's /healthz said: $health"
    kill -TERM "$!"
    wait "$!" || true
    grep -q 'serve: stopped; the database is closed and the lock released' "$at/serve.err" ||
        fail "$1: serve did not stop cleanly: $(cat "$at/serve.err")"
    echo "distribution: $1: published the demo and ran again on Java $want" >&2
}

# Only Java 21, as `java` through a symlink on the PATH: class data of Java before 25 (kept
# under ~/.cache/orrery), no AOT cache.
unpack java21 "$dist"
ln -s "$jdk21/bin/java" "$work/java21/bin/java"
demo java21 21
ls "$work"/java21/home/.cache/orrery/*/orrery.jsa >/dev/null || fail "java21: no class data was kept"
if ls "$work"/java21/home/.cache/orrery/*/*.aot >/dev/null 2>&1; then
    fail "java21: an AOT cache was recorded for a Java that has none"
fi

# Java 25, likewise: the launcher adds Java 25's options (the AOT cache).
unpack java25 "$dist"
ln -s "$jdk25/bin/java" "$work/java25/bin/java"
demo java25 25
ls "$work"/java25/home/.cache/orrery/*/orrery-*.aot >/dev/null || fail "java25: no AOT cache was kept"

# The distribution with its own runtime, on a PATH whose `java` is Java 17 (too old).
scripts/package-runtime
with_runtime="target/$name-linux-x64.tar.gz"
unpack runtime "$with_runtime"
demo runtime "$("$work/runtime/opt/current/runtime/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = //p')"
echo "distribution: $(du -h "$dist" | cut -f1) packed; with its runtime, $(du -h "$with_runtime" | cut -f1)" >&2
