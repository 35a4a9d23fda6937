#!/usr/bin/env bash
# Storage faults for real, as root: a full disk under cache_directory (a small tmpfs) and a
# read-only database (run as an unprivileged user). Each must stop the run with one line and
# status 73, leave the site and the stored entries as they were, and leave nothing behind that
# makes a later run fail. Needs root (mount, setpriv) and target/orrery.jar.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$here/scripts/java.sh"
java="$(find_java 21)/bin/java"
work="$(mktemp -d)"
chmod 755 "$work"
cleanup() {
    umount "$work/full/cache" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
cp "$here/target/orrery.jar" "$work/orrery.jar"

fail() { echo "storage-faults: FAIL: $*" >&2; exit 1; }

# An RSS feed of $2 items of about 2 KiB each, written to $1.
feed() {
    python3 - "$1" "$2" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
body = "lorem ipsum dolor sit amet " * 80
items = "".join(
    f"<item><title>Post {i}</title><guid>https://big.example.org/{i}</guid>"
    f"<pubDate>Mon, 18 Sep 2017 {i // 60 % 24:02d}:{i % 60:02d}:00 GMT</pubDate>"
    f"<description>{body}{i}</description></item>" for i in range(n))
open(path, "w").write('<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>'
                      f'<link>https://big.example.org/</link>{items}</channel></rss>')
PY
}

# A planet in $1 with its cache in $1/cache, its site in $1/out, one feed at $1/feed.rss.
planet() {
    mkdir -p "$1/cache" "$1/out"
    feed "$1/feed.rss" 2
    printf '[Planet]\nname = Faults\ncache_directory = %s/cache\noutput_dir = %s/out\n\n[%s/feed.rss]\nname = Big\n' \
        "$1" "$1" "$1" > "$1/config.ini"
}

# Runs orrery as $1 (a user) in $2; status in $status, standard error in $2/err.txt.
orrery() {
    local user="$1" dir="$2"; shift 2
    set +e
    if [ "$user" = root ]; then
        (cd "$dir" && "$java" -jar "$work/orrery.jar" "$@" > "$dir/out.txt" 2> "$dir/err.txt")
    else
        (cd "$dir" && setpriv --reuid="$(id -u "$user")" --regid="$(id -g "$user")" --clear-groups \
            "$java" -jar "$work/orrery.jar" "$@" > "$dir/out.txt" 2> "$dir/err.txt")
    fi
    status=$?
    set -e
}

# The run failed as a storage fault must: 73, one line, no stack trace, site and entries kept.
expect_fault() {
    local dir="$1" site="$2" entries="$3"
    [ "$status" = 73 ] || fail "$dir: status $status, not 73: $(cat "$dir/err.txt")"
    [ "$(wc -l < "$dir/err.txt")" = 1 ] || fail "$dir: more than one line on standard error: $(cat "$dir/err.txt")"
    ! grep -q $'^\tat ' "$dir/err.txt" || fail "$dir: a stack trace"
    [ "$(sha256sum < "$dir/out/index.html")" = "$site" ] || fail "$dir: the site changed"
    [ "$(sqlite3 "$dir/cache/orrery.db" 'PRAGMA integrity_check')" = ok ] || fail "$dir: integrity_check"
    [ "$(sqlite3 "$dir/cache/orrery.db" 'SELECT COUNT(*) FROM entry')" = "$entries" ] || fail "$dir: entries lost"
    echo "storage-faults: $dir: $(cat "$dir/err.txt")"
}

# A full disk: a 3 MiB tmpfs as cache_directory, filled once the planet has run.
full="$work/full"
planet "$full"
mount -t tmpfs -o size=3m tmpfs "$full/cache"
orrery root "$full" run config.ini
[ "$status" = 0 ] || fail "full: first run: $status"
site="$(sha256sum < "$full/out/index.html")"
dd if=/dev/zero of="$full/cache/filler" bs=1k \
    count=$(( $(df -k --output=avail "$full/cache" | tail -n1) - 64 )) 2>/dev/null || true
feed "$full/feed.rss" 400
orrery root "$full" run config.ini
expect_fault "$full" "$site" 2
rm "$full/cache/filler"
orrery root "$full" run config.ini
[ "$status" = 0 ] || fail "full: run after freeing space: $status"
[ "$(sqlite3 "$full/cache/orrery.db" 'SELECT COUNT(*) FROM entry')" = 400 ] || fail "full: entries not stored"

# A read-only database, for a user who cannot write it.
ro="$work/ro"
planet "$ro"
chown -R nobody "$ro"
orrery nobody "$ro" run config.ini
[ "$status" = 0 ] || fail "ro: first run: $status"
site="$(sha256sum < "$ro/out/index.html")"
chmod 444 "$ro/cache/orrery.db"
feed "$ro/feed.rss" 3
chown nobody "$ro/feed.rss"
orrery nobody "$ro" run config.ini
expect_fault "$ro" "$site" 2
if [ -e "$ro/cache/orrery.db-shm" ] || [ -e "$ro/cache/orrery.db-wal" ]; then
    fail "ro: side files left behind"
fi
# Side files made read-only by an older version's run on the read-only database.
touch "$ro/cache/orrery.db-shm" "$ro/cache/orrery.db-wal"
chown nobody "$ro/cache/orrery.db-shm" "$ro/cache/orrery.db-wal"
chmod 444 "$ro/cache/orrery.db-shm" "$ro/cache/orrery.db-wal"
chmod 644 "$ro/cache/orrery.db"
orrery nobody "$ro" run config.ini
[ "$status" = 0 ] || fail "ro: run once writable again: $status: $(cat "$ro/err.txt")"
[ "$(sqlite3 "$ro/cache/orrery.db" 'SELECT COUNT(*) FROM entry')" = 3 ] || fail "ro: entries not stored"
echo "storage-faults: ok"
