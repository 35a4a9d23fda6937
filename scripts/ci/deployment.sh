#!/usr/bin/env bash
# The systemd units of docs/deployment.md, as printed there, through `systemd-analyze verify`:
# each ```ini block whose first line is `# /etc/systemd/system/NAME` is written to NAME, with
# /opt/orrery/ moved to a copy of the distribution's launcher (verify checks that ExecStart
# is an executable), and any complaint fails. Runs from the repo root.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
if ! command -v systemd-analyze >/dev/null; then
    apt-get update -qq >/dev/null && apt-get install -y -qq systemd >/dev/null
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/opt/orrery/bin" "$work/units"
cp src/assembly/bin/orrery "$work/opt/orrery/bin/orrery"

awk -v dir="$work/units" '
    /^```ini$/ { block = 1; file = ""; next }
    /^```$/ { block = 0; if (file != "") close(file); file = ""; next }
    block && file == "" && /^# \/etc\/systemd\/system\// { n = split($2, p, "/"); file = dir "/" p[n]; next }
    block && file != "" { print > file }
' docs/deployment.md
sed -i "s#/opt/orrery/#$work/opt/orrery/#g" "$work"/units/*
units=("$work"/units/*)
if [[ "${#units[@]}" != 2 || ! -f "$work/units/orrery.service" || ! -f "$work/units/orrery.timer" ]]; then
    echo "deployment: expected orrery.service and orrery.timer in docs/deployment.md" >&2
    exit 1
fi
grep -q "^ExecStart=$work/opt/orrery/bin/orrery run " "$work/units/orrery.service"
if ! out="$(systemd-analyze verify "${units[@]}" 2>&1)" || [[ -n "$out" ]]; then
    echo "deployment: systemd-analyze verify on the units of docs/deployment.md:" >&2
    echo "$out" >&2
    exit 1
fi
echo "deployment: orrery.service and orrery.timer pass systemd-analyze verify" >&2
