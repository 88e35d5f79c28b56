#!/usr/bin/env bash
# Installs whatever the build and the tests need and is missing; skips what is there.
# Sourced by scripts/serve.sh and scripts/test.sh, so a fresh Debian machine with only
# Rust (rustup) and Node needs nothing else. Needs network access to crates.io, npm,
# PyPI and Debian's mirrors the first time only.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# 1. wasm target
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# 1b. rustfmt and clippy (the minimal rustup profile leaves them out).
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

# 2. wasm-bindgen-cli at exactly the version Cargo.lock pins (no --locked: see TOOLING).
WBG="$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WBG" ]; then
  say "installing wasm-bindgen-cli $WBG (about 3 minutes, once)"
  cargo install wasm-bindgen-cli --version "$WBG" --force
fi

# 3. Trunk 0.21 (0.22 needs a newer rustc than this toolchain).
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "installing trunk 0.21 (about 8 minutes, once)"
  cargo install trunk --locked --version '^0.21'
fi

# 4. npm tools: wasm-opt (binaryen), Playwright (no browser download), axe-core, and
#    selenium-webdriver for the cross-engine suite (drivers are started by the suite).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] \
   || [ ! -d node_modules/selenium-webdriver ] \
   || [ package.json -nt node_modules/.installed ]; then
  say "installing npm dev tools"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
  touch node_modules/.installed
fi

# 5. Debian packages: Chromium + driver for browser tests, poppler for PDF text checks,
#    qpdf for the PDF's structure tree (tests/pdf.rs reads its objects as JSON), and for
#    the cross-engine suite (tests/engines/) Firefox ESR, WebKitGTK's WebDriver (it brings
#    MiniBrowser) and Xvfb with xauth (WebKitGTK needs an X display; xvfb-run gives one).
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing+=(xvfb)
command -v xauth >/dev/null || missing+=(xauth)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v qpdf >/dev/null || missing+=(qpdf)
command -v brotli >/dev/null || missing+=(brotli)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# 5b. geckodriver (Firefox's WebDriver) from crates.io at a pinned version, never a
#     release download. A debug build without debug info: about 1 minute cold against
#     3.5 CPU-minutes for a release build, and a WebDriver proxy needs no optimising.
GECKODRIVER_VERSION=0.37.1
if [ "$(geckodriver --version 2>/dev/null | awk 'NR==1{print $2}')" != "$GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (about 1 minute, once)"
  CARGO_PROFILE_DEV_DEBUG=0 cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --debug --force
fi

# 6. An independent iCalendar parser for the calendar tests.
if ! python3 -c 'import icalendar' 2>/dev/null; then
  say "installing python icalendar"
  python3 -m pip install --quiet --disable-pip-version-check icalendar
fi

# 7. Trunk builds offline: fetch crates first.
cargo fetch --quiet
cargo fetch --quiet --target wasm32-unknown-unknown
