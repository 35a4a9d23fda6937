#!/usr/bin/env bash
# Parser conformance against Python's feedparser over the shared corpus (../shared/harness).
# Fails when agreement drops below the ratchet: raise the numbers as the parser improves,
# never lower them.
set -euo pipefail

# The ratchet: overall field agreement (compare.py) and share of mappable Expect: lines
# passing (expect_check.py), as measured on main.
MIN_AGREEMENT=0.996
MIN_EXPECT_PASSING=0.962

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="$here/../shared"
jar="$here/target/orrery.jar"
source "$here/scripts/java.sh"

if ! /usr/bin/python3 -c 'import feedparser, lxml, html5lib' 2>/dev/null; then
    apt-get update -q
    apt-get install -y -q python3-feedparser python3-lxml python3-html5lib
fi
runtime="$(find_java 21)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

/usr/bin/python3 "$shared/harness/run_batch.py" "$out" "$shared/corpus/feedparser" -- \
    "$runtime/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar" parse --json
/usr/bin/python3 "$shared/harness/compare.py" "$shared/corpus/feedparser" --candidate-dir "$out" \
    --threshold "$MIN_AGREEMENT" --worst 5 --report "$out/compare.json"
/usr/bin/python3 "$shared/harness/expect_check.py" "$shared/corpus/feedparser" --candidate-dir "$out" \
    --list-failures 0 | tee "$out/expect.txt"
passing="$(sed -n 's/.*passing: \([0-9]*\)\/\([0-9]*\).*/\1 \2/p' "$out/expect.txt" | head -n1)"
/usr/bin/python3 - "$passing" "$MIN_EXPECT_PASSING" <<'PY'
import sys
passed, total = map(int, sys.argv[1].split())
share, floor = passed / total, float(sys.argv[2])
print("conformance: %d/%d mappable Expect: lines pass (%.1f%%; ratchet %.1f%%)" % (passed, total, 100 * share, 100 * floor))
sys.exit(0 if share >= floor else 1)
PY
