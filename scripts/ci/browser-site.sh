#!/usr/bin/env bash
# The published demo planet in a real browser (Debian's Chromium, driven by playwright-core):
# two phone widths and a desktop width, light and dark, no console errors, no horizontal
# scrolling, no request leaving the site, no serious or critical axe-core violation. Beside the
# demo's feeds it publishes hostile posts (fixed-size embeds, wide tables and code, long URLs,
# inline colours and font sizes for a white page), right-to-left posts and a feed that is not
# one (scripts/ci/browser/feeds/), and checks what readers of those would notice, on the pages
# and on health.html. Screenshots go to target/screenshots/ (CI artifacts).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
if ! command -v chromium >/dev/null 2>&1; then
    apt-get update -q
    apt-get install -y -q chromium
fi
(cd scripts/ci/browser && npm ci --no-audit --no-fund --silent)

site="$(mktemp -d)"
trap 'rm -rf "$site"' EXIT
cat > "$site/config.ini" <<INI
[Planet]
name = Planet Demo
link = https://planet.example.org/
owner_name = The Demo Planet Team
owner_email = planet@example.org
cache_directory = $site/cache
output_dir = $site/output
new_date_format = %d %b %Y
date_format = %d %b %Y %-I:%M%P GMT
INI
# The demo's feeds, hostile ones for the theme, and the reader pages' feed (categories, an
# author who is not the feed, a name that tries markup).
{
    sed -n '/^\[examples/,$p' examples/demo/config.ini
    cat <<INI

[scripts/ci/browser/feeds/hostile.atom]
name = Hostile Markup Weekly

[scripts/ci/browser/feeds/urdu.atom]
name = اردو بلاگ
language = ur

[scripts/ci/browser/feeds/moved.atom]
name = A Blog That Moved

[scripts/ci/browser/fixtures/reader-pages.atom]
name = Quokka Quarterly <b>&amp;</b> friends
INI
} >> "$site/config.ini"
./orrery run "$site/config.ini"
reader_feed="$(cd "$site/output" && ls -d feeds/reader-pages-atom-*/index.html)"
timeout 300 node scripts/ci/browser/site-check.mjs "$site/output" target/screenshots \
    index.html archive/index.html archive/2017/09/index.html health.html \
    people/index.html "$reader_feed" tags/field-notes/index.html "search.html?q=quokka"
timeout 120 node scripts/ci/browser/search-check.mjs "$site/output" target/screenshots \
    "thermal:Counting quokkas on Rottnest" "Theo:A parser for survey sheets"
