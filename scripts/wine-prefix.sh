#!/usr/bin/env bash
# Makes the Wine prefix in which .ci/run runs the Windows build: target/wine, created once, with
# scripts/wine/bcryptprimitives.c compiled into its system32 when Wine lacks that DLL (Wine 8 does; real
# Windows 10 and 11 have it; see that file). Only the tests' prefix gets it, never the binary or an archive.
# Prints the prefix's path, for `export WINEPREFIX=$(scripts/wine-prefix.sh)`.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=$PWD/target/wine
export WINEPREFIX=$prefix WINEDEBUG=-all WINEDLLOVERRIDES="mscoree=;mshtml=" # no Mono or Gecko set-up
if [ ! -f "$prefix/system.reg" ]; then
  wineboot --init >/dev/null 2>&1 || true
  wineserver --wait || true
fi
system32=$prefix/drive_c/windows/system32
[ -f "$prefix/system.reg" ] || { echo "error: wine did not create its prefix in $prefix" >&2; exit 1; }
if [ ! -f "$system32/bcryptprimitives.dll" ]; then
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$system32/bcryptprimitives.dll" \
    scripts/wine/bcryptprimitives.c scripts/wine/bcryptprimitives.def -ladvapi32
fi
echo "$prefix"
