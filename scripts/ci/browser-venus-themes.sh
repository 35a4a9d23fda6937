#!/usr/bin/env bash
# Planet Mozilla's config with its XSLT theme, and each of Venus's shipped themes, laid out as
# Venus expects them (src/test/resources/render/venus-planet: config, themes and feeds in one
# directory, run from it), published offline by `orrery run` and loaded in a real browser
# (Debian's Chromium, driven by playwright-core) by scripts/ci/browser/theme-check.mjs: no
# console or script errors, no request leaving the site, every file of the site loads, and
# Planet Mozilla's front page is laid out as the page Venus published from the same planet.
# Screenshots go to target/screenshots/venus-themes/ (CI artifacts).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
if ! command -v chromium >/dev/null 2>&1; then
    apt-get update -q
    apt-get install -y -q chromium
fi
(cd scripts/ci/browser && npm ci --no-audit --no-fund --silent)

planet="$(mktemp -d)"
trap 'rm -rf "$planet"' EXIT
cp -r src/test/resources/render/venus-planet/. "$planet"
shots="$here/target/screenshots/venus-themes"
check() {
    timeout 300 node "$here/scripts/ci/browser/theme-check.mjs" "$@"
}

cd "$planet"
# Planet Mozilla, as its maintainers ran Venus: from the planet's directory.
"$here/orrery" run planet-mozilla.ini
cp venus-output/moz_planet/index.html output/venus-index.xhtml
check output "$shots" planet-mozilla index.html=venus-index.xhtml

# Venus's shipped themes (Genshi's is refused: orrery check names it).
for theme in asf classic_fancy mobile musings django; do
    # The planet's feeds, as planet-mozilla.ini names them.
    cat > "$theme.ini" <<INI
[Planet]
name = Planet Venus Themes
link = http://planet.example.org/
owner_name = Planet Team
owner_email = planet@example.org
cache_directory = cache-$theme
output_dir = out-$theme
output_theme = themes/$theme

$(sed -n '/^\[feeds\//,$p' planet-mozilla.ini)
INI
    "$here/orrery" run "$theme.ini"
    pages=(index.html)
    if [[ -f "venus-output/$theme/index.html" ]]; then
        cp "venus-output/$theme/index.html" "out-$theme/venus-index.xhtml"
        # Venus's htmltmpl themes wrote HTML: its page is served as HTML, as Venus's was.
        if [[ "$theme" == classic_fancy ]]; then
            mv "out-$theme/venus-index.xhtml" "out-$theme/venus-index.html"
            pages=(index.html=venus-index.html)
        else
            pages=(index.html=venus-index.xhtml)
        fi
    fi
    if [[ "$theme" == mobile ]]; then
        pages+=(mobile.html)
    fi
    check "out-$theme" "$shots" "$theme" "${pages[@]}"
done
