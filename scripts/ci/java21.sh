#!/usr/bin/env bash
# Prints the home of a Java 21 (exactly 21, the oldest Java Orrery runs on), for the gate that
# runs the distribution on it (scripts/ci/distribution.sh).
#
# A Java 21 already in the standard JVM directory is used as is. Debian 12 (bookworm, our
# machines) packages none, so otherwise Debian 13 (trixie)'s openjdk-21-jre-headless is
# unpacked, with trixie's C library beside it, into ${XDG_CACHE_HOME:-~/.cache}/orrery-ci/
# (once; later calls reuse it). Debian 13's Java needs glibc 2.38 and Debian 12 has 2.36, so
# its programs and libraries are pointed at that C library with patchelf (their ELF
# interpreter and search path); the system's own libraries are left alone. The packages come
# from the Debian archive the machine's apt already uses, through a private apt state, so the
# machine's package lists and installed packages do not change (patchelf itself is installed
# from the machine's own suite). Needs root for that, like the rest of CI.
set -euo pipefail

for home in /usr/lib/jvm/*21*; do
    if [[ -x "$home/bin/java" ]] && grep -q '^JAVA_VERSION="21[."]' "$home/release" 2>/dev/null &&
        "$home/bin/java" -version >/dev/null 2>&1; then
        echo "$home"
        exit 0
    fi
done

root="${XDG_CACHE_HOME:-$HOME/.cache}/orrery-ci/java21"
home="$root/usr/lib/jvm/java-21-openjdk-amd64"
if [[ -x "$home/bin/java" ]] && "$home/bin/java" -version >/dev/null 2>&1; then
    echo "$home"
    exit 0
fi

if [[ "$(dpkg --print-architecture 2>/dev/null)" != amd64 ]]; then
    echo "java21: only amd64 machines are handled" >&2
    exit 1
fi
if ! command -v patchelf >/dev/null; then
    apt-get update -qq >/dev/null && apt-get install -y -qq patchelf >/dev/null
fi

# The Debian archive of the machine's own sources (deb822 or one-line format).
mirror="$(
    {
        awk 'tolower($1) == "uris:" { print $2 }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true
        awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^https?:/) { print $i; break } }' \
            /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true
    } | grep -v -e security -e '^$' | head -n1 || true
)"
if [[ -z "$mirror" ]]; then
    echo "java21: no Debian archive found in /etc/apt/sources.list*" >&2
    exit 1
fi

rm -rf "$root"
apt_dir="$root.apt"
rm -rf "$apt_dir"
mkdir -p "$apt_dir/etc/sources.list.d" "$apt_dir/etc/preferences.d" "$apt_dir/lists/partial" \
    "$apt_dir/archives/partial" "$apt_dir/debs"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" \
    >"$apt_dir/etc/sources.list"
apt_opts=(-o "Dir::Etc=$apt_dir/etc" -o "Dir::State::Lists=$apt_dir/lists"
    -o "Dir::Cache=$apt_dir" -o "Dir::Cache::archives=$apt_dir/archives"
    -o "Dir::State::status=/var/lib/dpkg/status" -o APT::Sandbox::User=root)
echo "java21: fetching Debian 13's openjdk-21-jre-headless and libc6 from $mirror" >&2
apt-get "${apt_opts[@]}" -qq update >/dev/null
(cd "$apt_dir/debs" && apt-get "${apt_opts[@]}" -qq download openjdk-21-jre-headless libc6 >/dev/null)
mkdir -p "$root"
for deb in "$apt_dir"/debs/*.deb; do
    dpkg-deb -x "$deb" "$root"
done
rm -rf "$apt_dir"

# Symlinks into /etc/java-21-openjdk (the packages' configuration) lead to the copy unpacked
# here; the others (the system's CA certificates) stay.
find "$home" -type l -lname '/etc/java-21-openjdk/*' | while read -r link; do
    ln -sfn "$root$(readlink "$link")" "$link"
done

libc="$root/usr/lib/x86_64-linux-gnu"
loader="$libc/ld-linux-x86-64.so.2"
# DT_RPATH (not RUNPATH), so that it also applies to the libraries these load.
find "$home" -type f \( -name '*.so' -o -perm -u+x \) -print0 | while IFS= read -r -d '' file; do
    if ! head -c4 "$file" | grep -q 'ELF'; then continue; fi
    rpath="$(patchelf --print-rpath "$file")"
    patchelf --force-rpath --set-rpath "${rpath:+$rpath:}$libc" "$file"
    if patchelf --print-interpreter "$file" >/dev/null 2>&1; then
        patchelf --set-interpreter "$loader" "$file"
    fi
done

"$home/bin/java" -version >&2
echo "$home"
