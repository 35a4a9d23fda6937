#!/usr/bin/env bash
# Renders every vector of the sanitiser's XSS corpus, sanitised, in headless Chromium and fails
# when any of them runs script or leaves an unsafe element, attribute or URL in the DOM the
# browser built. A control page with the same vectors unsanitised must fail the same check,
# or the check itself is broken. Runs after ./run-tests: it uses target/orrery.jar and
# target/test-classes and builds nothing. Bounded: each browser run gets 90 s.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=scripts/java.sh
source "$here/scripts/java.sh"
jar="$here/target/orrery.jar"
classes="$here/target/test-classes"
if [[ ! -f "$jar" || ! -f "$classes/org/orrery/sanitize/BrowserPage.class" ]]; then
    echo "browser-sanitize: run ./run-tests first (needs $jar and $classes)" >&2
    exit 2
fi
if ! command -v chromium >/dev/null 2>&1; then
    apt-get update -q
    apt-get install -y -q chromium
fi
runtime="$(find_java 21)"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

"$runtime/bin/java" -cp "$classes:$jar" org.orrery.sanitize.BrowserPage "$out/sanitised.html"
"$runtime/bin/java" -cp "$classes:$jar" org.orrery.sanitize.BrowserPage "$out/control.html" --unsanitised

# Prints the verdict line(s) of a page as Chromium rendered it.
render() {
    local name="$1"
    mkdir -p "$out/profile-$name"
    timeout --kill-after=10 90 chromium --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update --disable-sync \
        --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$out/profile-$name" \
        --virtual-time-budget=15000 --dump-dom "file://$out/$name.html" \
        >"$out/$name.dom" 2>"$out/$name.log" || {
        echo "browser-sanitize: chromium failed on $name.html (exit $?); its log:" >&2
        tail -n 20 "$out/$name.log" >&2
        return 1
    }
    awk '/<pre id="verdict">/ { p = 1 } p { print } p && /<\/pre>/ { exit }' "$out/$name.dom"
}

control="$(render control)"
if ! grep -q '<pre id="verdict">FAIL' <<<"$control" || ! grep -q 'EXECUTED' <<<"$control"; then
    echo "browser-sanitize: the unsanitised control page did not fail; the check cannot see a script run:" >&2
    echo "$control" | head -n 5 >&2
    exit 1
fi
echo "control (unsanitised): $(grep -c 'EXECUTED' <<<"$control") vectors ran, as expected"

verdict="$(render sanitised)"
if grep -q '<pre id="verdict">PASS' <<<"$verdict"; then
    echo "sanitised: ${verdict#<pre id=\"verdict\">}" | sed 's#</pre>##'
    exit 0
fi
echo "browser-sanitize: sanitised vectors failed in Chromium:" >&2
echo "$verdict" >&2
exit 1
