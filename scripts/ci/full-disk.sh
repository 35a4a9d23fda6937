#!/usr/bin/env bash
# Full and unwritable disks, broken databases (see scripts/ci/faults/full_disk.py and
# docs/testing.md): small tmpfs mounts as output_dir and cache_directory, filled or remounted
# read-only, and a database truncated to half. Needs root for mount. Runs from the repo root
# after ./run-tests (uses target/orrery.jar, builds it if missing). FULL_DISK_STRICT=1 also
# fails on the checks that wait for fixes.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
# shellcheck source=scripts/java.sh
source scripts/java.sh
if [[ "$(id -u)" != 0 ]]; then
    echo "full-disk: needs root (mount -t tmpfs)" >&2
    exit 2
fi
if ! command -v python3 >/dev/null 2>&1; then
    apt-get update -q
    apt-get install -y -q python3
fi
if [[ ! -f target/orrery.jar ]]; then
    (use_build_jdk && ./mvnw -B -q -DskipTests package)
fi
runtime="$(find_java 21)"
work="$(mktemp -d)"
cleanup() {
    # Unmount whatever the checks mounted under $work, deepest first, then remove it.
    awk -v w="$work" '$2 ~ "^" w { print $2 }' /proc/mounts | sort -r | while read -r m; do
        umount -l "$m" || true
    done
    rm -rf "$work"
}
trap cleanup EXIT
strict=()
if [[ "${FULL_DISK_STRICT:-}" == 1 ]]; then
    strict=(--strict)
fi
timeout --kill-after=10 600 python3 scripts/ci/faults/full_disk.py "$runtime/bin/java" target/orrery.jar "$work" "${strict[@]}"
