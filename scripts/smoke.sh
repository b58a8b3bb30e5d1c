#!/usr/bin/env bash
# Runs the non-interactive commands with two builds of kuntakompassi and fails unless every output (standard
# output, standard error, exit code and every file written) is the same byte for byte, paths aside.
#
#   scripts/smoke.sh BINARY_A BINARY_B
#
# Typically A is the dev build (target/debug/kuntakompassi) and B a packed release binary: the static Linux
# one, or the Windows .exe, which off Windows is run through Wine (`$WINE`, default `wine`). Each build is
# copied into a folder with a copy of examples/ and run there as `./kuntakompassi`, the way the README's
# quick start runs an unpacked archive; both use the same folder in turn, so that paths in messages are the
# same. An output that differs only in its path separators (`\` where Linux writes `/`) counts as the same,
# and is listed as such. The outputs stay in target/smoke/ (or $SMOKE_DIR), in a/ and b/, to look at.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: scripts/smoke.sh BINARY_A BINARY_B" >&2; exit 2; }

root=$PWD
dir=$root/${SMOKE_DIR:-target/smoke}
rm -rf "$dir"
mkdir -p "$dir"

# One environment for both builds: no locale, no colour, a fixed width and a fixed creation time.
unset KUNTAKOMPASSI_LANG LC_MESSAGES
export LC_ALL=C LANG=C NO_COLOR=1 COLUMNS=100 SOURCE_DATE_EPOCH=1795000000 WINEDEBUG=-all

run_all() { # BINARY SIDE
  local binary side=$2 run=$dir/run
  binary=$(realpath "$1")
  rm -rf "$run"
  mkdir -p "$run/out"
  cp -r "$root/examples" "$run/examples"
  # The binary sits in the folder it works in, as in an unpacked archive and the README's quick start.
  cp "$binary" "$run/"
  binary=./${binary##*/}
  local -a prefix=()
  if [[ $binary == *.exe ]] && ! [[ $(uname -s) =~ ^(MINGW|MSYS|CYGWIN) ]]; then
    prefix=("${WINE:-wine}")
    # Wine's first start in a fresh prefix prints its set-up on standard error: let that happen here.
    (cd "$run" && "${prefix[0]}" "$binary" --version >/dev/null 2>&1) || true
  fi
  kk() { # NAME ARGS...: standard output, standard error and exit code of one command into out/NAME.*
    local name=$1
    shift
    local rc=0
    (cd "$run" && ${prefix[@]+"${prefix[@]}"} "$binary" "$@" >"out/$name.stdout" 2>"out/$name.stderr") || rc=$?
    echo "$rc" >"$run/out/$name.rc"
  }
  kk version --version
  kk questionnaire-list questionnaire list
  kk validate questionnaire validate
  kk score-table score examples/kalliojarvi.toml --format table
  kk score-table-sv --lang sv score examples/skarholm.toml --format table
  kk score-json score examples/kalliojarvi.toml --format json
  kk score-json-file score examples/kalliojarvi.toml -o out/kalliojarvi.json
  kk report-html report out/kalliojarvi.json -o out/kalliojarvi.html
  kk report-xlsx report out/kalliojarvi.json -o out/kalliojarvi.xlsx
  kk report-md --lang en report examples/skarholm-report.json --format md
  kk report-csv report examples/kalliojarvi-report.json --format csv
  kk template questionnaire template pikakartoitus -o out/kysely.csv
  kk batch score examples/henkilosto-kysely.csv -q henkilosto --out-dir out/henkilot
  kk batch-grouped score examples/henkilosto-kysely.csv -q henkilosto --group-by department --out-dir out/yksikot
  kk compare compare examples/
  kk compare-csv compare examples/ out/yksikot/summary.json --format csv
  kk compare-xlsx compare examples/ -o out/vertailu.xlsx
  kk bad-input score examples/does-not-exist.toml
  rm "$run/$binary"
  mv "$run" "$dir/$side"
}

run_all "$1" a
run_all "$2" b

# An XLSX workbook records the wall clock in docProps/core.xml whatever SOURCE_DATE_EPOCH says: two workbooks
# are the same when the same members, in the same order, hold the same bytes once those two times are masked.
python=$(for p in python3 python; do "$p" -c '' >/dev/null 2>&1 && command -v "$p" && break; done) # Windows: python
same_workbook() {
  "$python" - "$1" "$2" <<'PY'
import re, sys, zipfile
mask = lambda data: re.sub(rb'(<dcterms:[a-z]+ xsi:type="dcterms:W3CDTF">)[^<]*', rb'\1', data)
a, b = (zipfile.ZipFile(path) for path in sys.argv[1:])
same = a.namelist() == b.namelist() and all(mask(a.read(n)) == mask(b.read(n)) for n in a.namelist())
sys.exit(0 if same else 1)
PY
}

# Path separators aside: `\\` (escaped in JSON) and `\` become `/`, and a drive letter before them goes.
normalise() { sed -e 's|[A-Z]:\\\\|/|g; s|[A-Z]:\\|/|g; s|\\\\|/|g; s|\\|/|g' "$1"; }

same=0 separators=0 failed=0
while IFS= read -r file; do
  a=$dir/a/$file b=$dir/b/$file
  if [ ! -f "$b" ]; then
    echo "MISSING in B: $file"
    failed=$((failed + 1))
  elif cmp -s "$a" "$b"; then
    same=$((same + 1))
  elif [[ $file == *.xlsx ]] && same_workbook "$a" "$b"; then
    same=$((same + 1))
  elif [[ $file != *.xlsx ]] && cmp -s <(normalise "$a") <(normalise "$b"); then
    echo "same but for path separators: $file"
    separators=$((separators + 1))
  else
    echo "DIFFERENT: $file"
    diff <(normalise "$a") <(normalise "$b") | head -20 || true
    failed=$((failed + 1))
  fi
done < <(cd "$dir/a" && find . -type f | sort)
while IFS= read -r file; do
  [ -f "$dir/a/$file" ] || { echo "MISSING in A: $file"; failed=$((failed + 1)); }
done < <(cd "$dir/b" && find . -type f | sort)

# Every command must have run: a binary that does not start at all gives the same empty outputs twice.
grep -q '^kuntakompassi ' "$dir/a/out/version.stdout" || { echo "A did not run: see $dir/a/out/version.stderr"; failed=$((failed + 1)); }
grep -q '^kuntakompassi ' "$dir/b/out/version.stdout" || { echo "B did not run: see $dir/b/out/version.stderr"; failed=$((failed + 1)); }

echo "$1 against $2: $separators outputs the same but for path separators"
echo "smoke: $((same + separators)) passed, $failed failed"
[ "$failed" -eq 0 ]
