#!/usr/bin/env bash
# Seeds the fuzz corpora from the repository's questionnaires, examples and fixtures.
# Usage: fuzz/seed.sh   (then: cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET -- -max_total_time=600)
set -euo pipefail
cd "$(dirname "$0")"
root=..
mkdir -p corpus/questionnaire corpus/answer_sheet corpus/batch_csv corpus/report_json
for f in "$root"/questionnaires/*.toml "$root"/tests/fixtures/*.toml; do
  cp "$f" "corpus/questionnaire/$(basename "$f")"
done
# The answer-sheet target takes one selector byte (even: TOML, odd: JSON) before the text.
for f in "$root"/examples/*.toml "$root"/tests/fixtures/*vastaus*.toml; do
  [ -e "$f" ] || continue
  { printf '\x00'; cat "$f"; } > "corpus/answer_sheet/$(basename "$f")"
done
for f in "$root"/examples/*.json; do
  [ -e "$f" ] || continue
  { printf '\x01'; cat "$f"; } > "corpus/answer_sheet/$(basename "$f")"
done
for f in "$root"/examples/*.csv "$root"/tests/fixtures/batch/*.csv; do
  [ -e "$f" ] || continue
  cp "$f" "corpus/batch_csv/$(basename "$f")"
done
for f in "$root"/examples/*-report.json; do
  [ -e "$f" ] || continue
  cp "$f" "corpus/report_json/$(basename "$f")"
done
echo "corpora seeded: $(ls corpus/* | wc -l) files"
