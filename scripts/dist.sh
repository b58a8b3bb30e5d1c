#!/usr/bin/env bash
# Builds kuntakompassi for users and packs each binary with README.md, LICENSE, CHANGELOG.md and examples/
# into target/dist/: a .tar.gz for Linux and macOS, a .zip for Windows, and SHA256SUMS over them.
#
#   scripts/dist.sh [--profile PROFILE] [PLATFORM...]
#
# PLATFORM: linux-x86_64 (a static binary), windows-x86_64, macos-arm64, macos-x86_64 (each on a Mac).
# Default: linux-x86_64 and windows-x86_64. PROFILE: release (default), or ci (.ci/run: opt-level 1, faster).
# The archives are the same bytes for the same binaries (scripts/pack.py, SOURCE_DATE_EPOCH: by default the
# last commit's time).
#
# How each binary is built, first way that is there:
# - linux-x86_64: for x86_64-unknown-linux-musl when rustup has that target (the release workflow), else
#   for x86_64-unknown-linux-gnu with `-C target-feature=+crt-static`: glibc linked in, no dynamic loader
#   (see the README's "Install" for why that is enough for this tool). Fails unless the result is static.
# - windows-x86_64: natively on Windows (the msvc toolchain); else for x86_64-pc-windows-gnu with rustup's
#   target when installed, else with Debian's rustc-web, whose standard library for Windows is compiled here
#   from Debian's rust-web-src (`-Zbuild-std`, allowed on that stable compiler by RUSTC_BOOTSTRAP=1), linked
#   by Debian's mingw-w64. Says which packages are missing when none of that is installed.
# - macos-*: natively, with rustup's target for the other architecture.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=release
platforms=()
while [ $# -gt 0 ]; do
  case $1 in
    --profile) profile=$2; shift 2 ;;
    --profile=*) profile=${1#*=}; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "error: unknown option \`$1\` (see scripts/dist.sh --help)" >&2; exit 2 ;;
    *) platforms+=("$1"); shift ;;
  esac
done
[ ${#platforms[@]} -gt 0 ] || platforms=(linux-x86_64 windows-x86_64)

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -n 1)
target_dir=${CARGO_TARGET_DIR:-$PWD/target}
profile_dir=$([ "$profile" = dev ] && echo debug || echo "$profile")
# Symbols stay (a panic's backtrace names functions); debug information goes.
export "CARGO_PROFILE_$(echo "$profile" | tr '[:lower:]-' '[:upper:]_')_STRIP=debuginfo"
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 946684800)}
python=$(for p in python3 python; do "$p" -c '' >/dev/null 2>&1 && command -v "$p" && break; done) # Windows: python
dist=$PWD/target/dist
mkdir -p "$dist"

has_rustup_target() { [ -d "$(rustc --print sysroot)/lib/rustlib/$1/lib" ]; }

build() { # TRIPLE [CARGO ARGS...]: builds with the toolchain on PATH
  local triple=$1
  shift
  echo "== cargo build --profile $profile --target $triple $*"
  cargo build --locked --profile "$profile" --target "$triple" "$@"
}

build_linux() {
  if has_rustup_target x86_64-unknown-linux-musl; then
    triple=x86_64-unknown-linux-musl
    build "$triple"
  else
    triple=x86_64-unknown-linux-gnu
    echo "note: rustup has no x86_64-unknown-linux-musl here: glibc is linked in statically instead"
    RUSTFLAGS="${RUSTFLAGS:-} -C target-feature=+crt-static" build "$triple"
  fi
  binary=$target_dir/$triple/$profile_dir/kuntakompassi
  if readelf -d "$binary" | grep -q '(NEEDED)'; then
    echo "error: \`$binary\` is linked dynamically:" >&2
    readelf -d "$binary" | grep '(NEEDED)' >&2
    exit 1
  fi
}

build_windows() {
  triple=x86_64-pc-windows-gnu
  case $(uname -s) in
    MINGW* | MSYS* | CYGWIN*) triple=x86_64-pc-windows-msvc; build "$triple" ;;
    *)
      export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
      local missing=()
      command -v x86_64-w64-mingw32-gcc >/dev/null || missing+=(gcc-mingw-w64-x86-64)
      if has_rustup_target "$triple" && [ ${#missing[@]} -eq 0 ]; then
        build "$triple"
      else
        [ -x /usr/bin/rustc ] && /usr/bin/rustc --print target-list | grep -qx "$triple" || missing+=(rustc-web)
        [ -x /usr/bin/cargo ] || missing+=(cargo-web)
        [ -f /usr/lib/rustlib/src/rust/library/Cargo.lock ] || missing+=(rust-web-src)
        if [ ${#missing[@]} -gt 0 ]; then
          echo "error: cannot build for Windows here: rustup has no \`$triple\` target (\`rustup target add" >&2
          echo "  $triple\` needs the network), and Debian's way is not installed either." >&2
          echo "  Install it with: apt-get install ${missing[*]}" >&2
          exit 1
        fi
        local debian_version
        debian_version=$(/usr/bin/rustc --version | cut -d' ' -f2)
        echo "note: building the standard library for Windows from Debian's rust-web-src $debian_version"
        echo "== cargo build --profile $profile --target $triple -Zbuild-std (Debian's rustc $debian_version)"
        RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc /usr/bin/cargo build --locked --profile "$profile" \
          --target "$triple" -Zbuild-std=std,panic_abort
      fi
      ;;
  esac
  binary=$target_dir/$triple/$profile_dir/kuntakompassi.exe
}

build_macos() { # ARCH
  triple=$1-apple-darwin
  [ "$(uname -s)" = Darwin ] || { echo "error: a macOS binary is built on a Mac (the release workflow)" >&2; exit 1; }
  has_rustup_target "$triple" || rustup target add "$triple"
  build "$triple"
  binary=$target_dir/$triple/$profile_dir/kuntakompassi
}

pack() { # PLATFORM BINARY EXTENSION
  local name=kuntakompassi-$version-$1
  local stage=$target_dir/dist-stage/$name
  rm -rf "$stage"
  mkdir -p "$stage"
  cp "$2" "$stage/"
  cp README.md LICENSE CHANGELOG.md "$stage/"
  cp -r examples "$stage/examples"
  rm -f "$dist/$name.$3"
  "$python" scripts/pack.py "$stage" "$dist/$name.$3"
  echo "packed target/dist/$name.$3"
}

for platform in "${platforms[@]}"; do
  case $platform in
    linux-x86_64) build_linux; pack "$platform" "$binary" tar.gz ;;
    windows-x86_64) build_windows; pack "$platform" "$binary" zip ;;
    macos-arm64) build_macos aarch64; pack "$platform" "$binary" tar.gz ;;
    macos-x86_64) build_macos x86_64; pack "$platform" "$binary" tar.gz ;;
    *) echo "error: unknown platform \`$platform\` (linux-x86_64, windows-x86_64, macos-arm64, macos-x86_64)" >&2; exit 2 ;;
  esac
done

cd "$dist"
shopt -s nullglob
archives=(kuntakompassi-*.tar.gz kuntakompassi-*.zip)
if command -v sha256sum >/dev/null; then sha256sum "${archives[@]}"; else shasum -a 256 "${archives[@]}"; fi >SHA256SUMS
cat SHA256SUMS
