#!/usr/bin/env bash
# Seeds the fuzz corpora from the repository's questionnaires, examples and fixtures.
# Usage: fuzz/seed.sh   (then: cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET -- -max_total_time=600)
set -euo pipefail
cd "$(dirname "$0")"
root=..
mkdir -p corpus/questionnaire corpus/answer_sheet corpus/batch_csv corpus/report_json corpus/batch_xlsx corpus/terminal_text
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
# The batch_xlsx target takes one selector byte (even: the bytes are the file; odd: they are the sheet's XML,
# put in a workbook): templates written by kuntakompassi itself, and a few sheets.
tmp=$(mktemp -d)
for q in tests/fixtures/pieni.toml kuntakompassi pikakartoitus; do
  name=$(basename "$q" .toml)
  (cd "$root" && cargo run --quiet -- questionnaire template "$q" --format xlsx -o "$tmp/$name.xlsx") || continue
  { printf '\x00'; cat "$tmp/$name.xlsx"; } > "corpus/batch_xlsx/$name.xlsx"
done
rm -rf "$tmp"
sheet_start='<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetData>'
{ printf '\x01%s' "$sheet_start"
  printf '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>3</v></c></row>'
  printf '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>2</v></c><c r="C2" t="b"><v>1</v></c></row>'
  printf '<row r="3"><c r="A3" t="inlineStr"><is><t>Salo</t></is></c><c r="B3" t="str"><f>1+1</f><v>2</v></c><c r="D3" t="e"><v>#N/A</v></c></row>'
  printf '</sheetData></worksheet>'; } > corpus/batch_xlsx/sheet.xml
{ printf '\x01%s<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row><row><c t="inlineStr"><is><r><t>Au</t></r><r><t>ra</t></r></is></c><c><v>3.5</v></c></row></sheetData></worksheet>' "$sheet_start"; } > corpus/batch_xlsx/runs.xml
# The terminal_text target takes any bytes: texts with and without control characters.
cp "$root"/tests/fixtures/pieni-vastaus.toml corpus/terminal_text/
printf 'Evil\x1b]0;pwned\x07\x1b[2J\xc2\x9b31m\x00\x7f\r\n\tx' > corpus/terminal_text/escapes.txt
echo "corpora seeded: $(ls corpus/* | wc -l) files"
