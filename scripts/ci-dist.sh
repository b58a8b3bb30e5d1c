#!/usr/bin/env bash
# .ci/run's check of what users download: builds the static Linux binary and the Windows .exe with
# scripts/dist.sh (profile `ci`: the release build's semantics without its optimisation, to keep CI short),
# unpacks both archives as a user would, and runs scripts/smoke.sh on each against the dev build that
# `cargo test` left: every output the same byte for byte, paths aside. The Linux binary is also run alone
# in an empty root (no /lib, no /etc), which only a static binary survives; the .exe runs under Wine.
#
# Installs Debian's packages for this when they are missing: rustc-web, cargo-web and rust-web-src (a
# compiler new enough for edition 2024, and the standard library's source, compiled here for Windows because
# rustup's prebuilt one cannot be downloaded), gcc-mingw-w64-x86-64 (the Windows linker and C compiler) and
# wine (to run the .exe).
set -euo pipefail
cd "$(dirname "$0")/.."
target_dir=${CARGO_TARGET_DIR:-$PWD/target}

need=()
for package in rustc-web cargo-web rust-web-src gcc-mingw-w64-x86-64 wine wine64; do
  dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null | grep -q '^ii' || need+=("$package")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]} (apt-get)"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

bash scripts/dist.sh --profile ci linux-x86_64 windows-x86_64

unpacked=$PWD/target/unpacked
rm -rf "$unpacked"
mkdir -p "$unpacked"
tar -xzf target/dist/kuntakompassi-*-linux-x86_64.tar.gz -C "$unpacked"
python3 -m zipfile -e target/dist/kuntakompassi-*-windows-x86_64.zip "$unpacked"
linux=$(echo "$unpacked"/kuntakompassi-*-linux-x86_64/kuntakompassi)
windows=$(echo "$unpacked"/kuntakompassi-*-windows-x86_64/kuntakompassi.exe)
for file in README.md LICENSE CHANGELOG.md examples/kalliojarvi.toml; do
  for folder in "${linux%/*}" "${windows%/*}"; do
    [ -f "$folder/$file" ] || { echo "error: ${folder##*/} has no $file" >&2; exit 1; }
  done
done

cargo build --locked -q # the dev build, as `cargo test` left it
dev=$target_dir/debug/kuntakompassi

echo "== the static Linux binary in an empty root"
root=$PWD/target/empty-root
rm -rf "$root"
mkdir -p "$root/examples"
cp "$linux" "$root/"
cp examples/kalliojarvi.toml "$root/examples/"
if chroot "$root" /kuntakompassi --version >/dev/null 2>&1; then
  (cd "$root" && chroot "$root" /kuntakompassi score examples/kalliojarvi.toml --format json >/dev/null)
  echo "ran in an empty root"
else
  echo "note: chroot is not allowed here: the binary runs with an empty environment instead"
  (cd / && env -i "$linux" score "$root/examples/kalliojarvi.toml" --format json >/dev/null)
fi

echo "== smoke test: the static Linux binary against the dev build"
SMOKE_DIR=target/smoke/linux bash scripts/smoke.sh "$dev" "$linux"

echo "== smoke test: the Windows binary under Wine against the dev build"
WINEPREFIX=$(bash scripts/wine-prefix.sh)
export WINEPREFIX
SMOKE_DIR=target/smoke/windows bash scripts/smoke.sh "$dev" "$windows"
