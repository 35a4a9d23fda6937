#!/usr/bin/env bash
# kill -9 soak: a planet of 120 feeds served from loopback, Orrery killed with SIGKILL at random
# points of refresh and of publish 20 times, then run cleanly once. After each kill the database
# passes PRAGMA integrity_check, no entry a feed still carries is lost, and every link of the
# front page resolves (the site is wholly old or wholly new). See docs/testing.md.
# Runs from the repo root after ./run-tests (uses target/orrery.jar, builds it if missing).
# SOAK_KILLS, SOAK_FEEDS and SOAK_SEED change the figures; SOAK_VERBOSE=1 prints each round.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
# shellcheck source=scripts/java.sh
source scripts/java.sh
if ! command -v python3 >/dev/null 2>&1; then
    apt-get update -q
    apt-get install -y -q python3
fi
if [[ ! -f target/orrery.jar ]]; then
    (use_build_jdk && ./mvnw -B -q -DskipTests package)
fi
runtime="$(find_java 21)"
seed=()
if [[ -n "${SOAK_SEED:-}" ]]; then
    seed=(--seed "$SOAK_SEED")
fi
exec timeout --kill-after=10 600 python3 scripts/ci/faults/kill_soak.py "$runtime/bin/java" target/orrery.jar \
    --kills "${SOAK_KILLS:-20}" --feeds "${SOAK_FEEDS:-120}" "${seed[@]}"
