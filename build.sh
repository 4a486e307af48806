#!/usr/bin/env bash
# Rempart's one entry point.
#   ./build.sh          build the CLI, the wasm package and the extension for both browsers (dist/)
#   ./build.sh test     run every test: Rust, wasm under Node, end-to-end in Chromium and Firefox
#   ./build.sh bench    run the benchmarks (not tests) and print the figures
# On a fresh machine it installs what it needs (rustup target, wasm-bindgen-cli at the crate's
# exact version, npm packages, Debian's chromium, firefox-esr and poppler-utils, geckodriver) and says clearly
# what is missing when it cannot.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
TOOLS=${REMPART_TOOLS:-$HOME/.cache/rempart/tools}
export PATH="$TOOLS/bin:$PATH"
GECKODRIVER_VERSION=0.37.1

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

need() {
  command -v "$1" >/dev/null 2>&1 || die "'$1' is missing: $2"
}

# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

ensure_rust() {
  need cargo "install Rust with rustup (https://rustup.rs is not reachable here: use your distribution's rustup)"
  need rustup "the wasm target is installed with rustup"
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  local want; want=$(wasm_bindgen_version)
  [ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $want" ]; then
    say "installing wasm-bindgen-cli $want into $TOOLS (once; cached)"
    # --locked can fail when a crate in the tool's own lockfile was yanked; retry unlocked.
    cargo install --locked --quiet --root "$TOOLS" wasm-bindgen-cli --version "$want" \
      || cargo install --quiet --root "$TOOLS" wasm-bindgen-cli --version "$want"
  fi
}

ensure_node() {
  need node "install Node.js 20+ (Debian: apt-get install nodejs npm)"
  need npm "install npm (Debian: apt-get install npm)"
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages (package-lock.json)"
    npm ci --no-audit --no-fund --loglevel=error
  fi
}

apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ -n "$sudo" ] && ! command -v sudo >/dev/null; then
    die "please install the Debian packages: $* (apt-get install $*)"
  fi
  say "installing Debian packages: $*"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

ensure_browsers() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  # poppler-utils (pdfinfo, pdftotext, pdfimages, pdftoppm): the tests read the exported PDFs back.
  [ -x /usr/bin/pdftotext ] && [ -x /usr/bin/pdftoppm ] || missing+=(poppler-utils)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  if [ "$(geckodriver --version 2>/dev/null | head -1 | awk '{print $2}')" != "$GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION from crates.io into $TOOLS (once; cached)"
    cargo install --locked --quiet --root "$TOOLS" geckodriver --version "$GECKODRIVER_VERSION" \
      || cargo install --quiet --root "$TOOLS" geckodriver --version "$GECKODRIVER_VERSION"
  fi
}

build_cli() {
  say "building the rempart CLI"
  cargo build --release --quiet --bin rempart
}

build_wasm() {
  say "building the wasm engine"
  # Profile `wasm` (Cargo.toml): fat LTO, stripped, size-optimised. No wasm-opt: Debian's
  # binaryen 108 produced modules that failed to instantiate in Chromium.
  cargo build --profile wasm --quiet --lib --target wasm32-unknown-unknown
  wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section --out-dir pkg \
    target/wasm32-unknown-unknown/wasm/rempart.wasm
}

build_extension() {
  if [ -f extension/build.mjs ]; then
    say "building the extension (dist/chrome, dist/firefox, zips)"
    node extension/build.mjs
  fi
}

build_all() {
  ensure_rust
  ensure_node
  build_cli
  build_wasm
  build_extension
}

run_tests() {
  build_all
  ensure_browsers
  say "Rust tests"
  cargo test --release --quiet
  say "the functional suites match their generator (ids, splits, no text on both sides)"
  python3 models/functional/check.py > /dev/null
  say "the generated rule packs match their sources (rules/src/)"
  python3 rules/expand.py --check
  say "wasm tests under Node (same API, same verdicts as native) and the extension's pure guards"
  node --test tests/wasm/ tests/unit/
  if [ -d tests/e2e ]; then
    say "end-to-end tests in Chromium and Firefox"
    node --test --test-concurrency=1 tests/e2e/
  fi
}

case "${1:-build}" in
  build) build_all ;;
  test) run_tests ;;
  bench) build_all && bash bench/run.sh ;;
  *) die "unknown command '$1' (build | test | bench)" ;;
esac
