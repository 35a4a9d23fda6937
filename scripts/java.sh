# shellcheck shell=bash
# Finding a Java for Orrery's scripts; sourced by ./orrery and ./run-tests.
#
# Candidates, in order: JAVA_HOME, the `java` on the PATH, then the platform's standard JVM
# directories (Linux /usr/lib/jvm, /usr/java, /opt/java; macOS JavaVirtualMachines).

# Prints the feature version (17, 21, 25, ...) of the java binary $1: from the `release` file
# of its home when there is one (starting a JVM to ask costs a tenth of a second or more).
java_version() {
    local bin="$1" release v
    [[ -x "$bin" ]] || return 1
    release="$(dirname "$(dirname "$bin")")/release"
    if [[ -f "$release" ]]; then
        v="$(sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$release" | head -n1)"
        if [[ -n "$v" ]]; then
            echo "$v"
            return 0
        fi
    fi
    "$bin" -XshowSettings:properties -version 2>&1 |
        sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n1
}

# Prints every candidate Java home, best guesses first.
java_candidates() {
    if [[ -n "${JAVA_HOME:-}" ]]; then echo "$JAVA_HOME"; fi
    if command -v java >/dev/null 2>&1; then
        local bin
        bin="$(command -v java)"
        bin="$(readlink -f "$bin" 2>/dev/null || echo "$bin")"
        dirname "$(dirname "$bin")"
    fi
    local dir
    for dir in /usr/lib/jvm/* /usr/java/* /opt/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
        if [[ -d "$dir" ]]; then echo "$dir"; fi
    done
    return 0
}

# Prints the first Java home of version $1 or newer; with $2 = jdk, only homes with javac.
find_java() {
    local need="$1" kind="${2:-jre}" home v
    while IFS= read -r home; do
        v="$(java_version "$home/bin/java" || true)"
        [[ -n "$v" && "$v" -ge "$need" ]] || continue
        [[ "$kind" != jdk || -x "$home/bin/javac" ]] || continue
        echo "$home"
        return 0
    done < <(java_candidates)
    return 1
}

# Sets JAVA_HOME to a JDK 25+ for building, or explains and fails.
use_build_jdk() {
    local jdk
    if ! jdk="$(find_java 25 jdk)"; then
        echo "orrery: building Orrery needs a JDK 25 or newer; none found in JAVA_HOME, on the PATH" \
            "or in the standard JVM directories. Install one (e.g. Temurin 25) or set JAVA_HOME to it." >&2
        return 1
    fi
    export JAVA_HOME="$jdk"
}
