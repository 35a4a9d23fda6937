#!/usr/bin/env bash
# The systemd units of docs/deployment.md, as printed there, through `systemd-analyze verify`:
# each ```ini block whose first line is `# /etc/systemd/system/NAME` is written to NAME, with
# /opt/orrery/ moved to a copy of the distribution's launcher (verify checks that ExecStart
# is an executable), and any complaint fails. Then its nginx server blocks through `nginx -t`,
# with a certificate made for the check in place of the page's. Runs from the repo root.
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
if [[ "${#units[@]}" != 3 || ! -f "$work/units/orrery.service" || ! -f "$work/units/orrery.timer" ||
    ! -f "$work/units/orrery-serve.service" ]]; then
    echo "deployment: expected orrery.service, orrery.timer and orrery-serve.service in docs/deployment.md" >&2
    exit 1
fi
grep -q "^ExecStart=$work/opt/orrery/bin/orrery run " "$work/units/orrery.service"
grep -q "^ExecStart=$work/opt/orrery/bin/orrery serve " "$work/units/orrery-serve.service"
if ! out="$(systemd-analyze verify "${units[@]}" 2>&1)" || [[ -n "$out" ]]; then
    echo "deployment: systemd-analyze verify on the units of docs/deployment.md:" >&2
    echo "$out" >&2
    exit 1
fi
echo "deployment: orrery.service, orrery.timer and orrery-serve.service pass systemd-analyze verify" >&2

if ! command -v nginx >/dev/null; then
    apt-get update -qq >/dev/null && apt-get install -y -qq nginx >/dev/null
fi
mkdir -p "$work/nginx"
awk '/^```nginx$/ { block = 1; next } /^```$/ { block = 0; next } block { print }' docs/deployment.md \
    >"$work/nginx/site.conf"
grep -q "proxy_pass http://127.0.0.1:8080" "$work/nginx/site.conf"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=planet.example.org \
    -keyout "$work/nginx/key.pem" -out "$work/nginx/cert.pem" 2>/dev/null
sed -i -e "s#/etc/letsencrypt/live/planet.example.org/fullchain.pem#$work/nginx/cert.pem#" \
    -e "s#/etc/letsencrypt/live/planet.example.org/privkey.pem#$work/nginx/key.pem#" "$work/nginx/site.conf"
cat >"$work/nginx/nginx.conf" <<EOF
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events {}
http {
    access_log off;
    client_body_temp_path $work/nginx/body;
    proxy_temp_path $work/nginx/proxy;
    fastcgi_temp_path $work/nginx/fastcgi;
    uwsgi_temp_path $work/nginx/uwsgi;
    scgi_temp_path $work/nginx/scgi;
    include $work/nginx/site.conf;
}
EOF
if ! out="$(nginx -t -q -c "$work/nginx/nginx.conf" 2>&1)"; then
    echo "deployment: nginx -t on the server blocks of docs/deployment.md:" >&2
    echo "$out" >&2
    exit 1
fi
echo "deployment: the nginx server blocks pass nginx -t" >&2
