#!/usr/bin/env bash
# Renders example reports, and the comparison of the example reports, as HTML in every language (the report
# also bilingual, as fi,sv and sv,en; each once with hostile text, the comparison once anonymised), opens
# each in headless Chromium and fails on a console error, a network request, a chart of zero size, any
# WCAG 2.0/2.1 A or AA violation axe-core finds,
# a page that scrolls sideways at 320 px (or at 1280 px with 400 % zoom), chart text under 75 % of the body
# text, or a near-empty printed page (scripts/browser-check.mjs says how). Every page is checked before the
# script fails. Screenshots (1100, 375 and 1280 px) and the printed PDFs go to target/browser-check/.
# Installs Debian's chromium and poppler-utils, and playwright-core and axe-core (npm), when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=target/browser-check
mkdir -p "$dir"

if ! command -v chromium >/dev/null 2>&1; then
  echo "== installing chromium (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! command -v pdftotext >/dev/null 2>&1; then
  echo "== installing poppler-utils (apt-get)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi
if [ ! -d "$dir/node_modules/playwright-core" ] || [ ! -d "$dir/node_modules/axe-core" ]; then
  echo "== installing playwright-core and axe-core (npm)"
  npm install --no-save --no-audit --no-fund --silent --prefix "$dir" playwright-core@1.64.1 axe-core@4.14.1
fi
failed=0
check() { node scripts/browser-check.mjs "$@" || failed=$((failed + 1)); }

export SOURCE_DATE_EPOCH=1795000000
kk() { cargo run -q -- "$@"; }
kk score examples/kalliojarvi.toml --format json -o "$dir/kalliojarvi.json"
sed -e 's|^municipality = .*|municipality = "<script>alert(1)</script><img src=\\"https://example.com/x.png\\">"|' \
    -e 's|^region = .*|region = "Pohjois-Savon ja Kainuun yhteistoiminta-alueen kuntien yhteinen digitalisaatio- ja tietohallintopalvelujen järjestämisen kehittämisalue"|' \
    -e 's|^\("security.backups"\) = "\(.*\)"$|\1 = "=HYPERLINK(\\"https://example.com\\") <b>\2</b>"|' \
    examples/kalliojarvi.toml > "$dir/hostile.toml"
kk score "$dir/hostile.toml" --format json -o "$dir/hostile.json"

export PLAYWRIGHT_DIR="$dir"
for lang in fi sv en fi,sv sv,en; do
  kk --lang "$lang" report "$dir/kalliojarvi.json" --format html -o "$dir/report-${lang/,/-}.html"
  check "$dir/report-${lang/,/-}.html" "$dir/report-${lang/,/-}.png"
done
kk report "$dir/hostile.json" --format html -o "$dir/hostile.html"
check "$dir/hostile.html" "$dir/hostile.png"

# The comparison: the three example municipalities, and an older report of Kalliojärvi so that the page has a
# change line; then the hostile report (a <script> and an <img> from the network as its municipality's name)
# compared with Skärholm.
rm -rf "$dir/compare" "$dir/compare-hostile"
mkdir -p "$dir/compare/2025" "$dir/compare-hostile"
cp examples/kalliojarvi-report.json examples/skarholm-report.json "$dir/compare/"
kk score examples/jokilaakso.json --format json -o "$dir/compare/jokilaakso-report.json"
sed -e 's|"date": "2026-10-14"|"date": "2025-10-01"|' examples/kalliojarvi-report.json \
    > "$dir/compare/2025/kalliojarvi-report.json"
for lang in fi sv en; do
  kk --lang "$lang" compare "$dir/compare" -o "$dir/compare-$lang.html"
  check "$dir/compare-$lang.html" "$dir/compare-$lang.png"
done
cp "$dir/hostile.json" examples/skarholm-report.json "$dir/compare-hostile/"
kk compare "$dir/compare-hostile" -o "$dir/compare-hostile.html"
check "$dir/compare-hostile.html" "$dir/compare-hostile.png"
# Anonymised: no groups, so no group charts; the one line chart of the changing municipality.
kk compare --anonymize "$dir/compare" -o "$dir/compare-anonymized.html"
check "$dir/compare-anonymized.html" "$dir/compare-anonymized.png" 1

if [ "$failed" -gt 0 ]; then
  echo "browser check: $failed page(s) failed" >&2
  exit 1
fi
