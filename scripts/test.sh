#!/usr/bin/env bash
# Runs every test: native (logic, plan, renderings), browser (wasm-bindgen-test in
# headless Chromium and Firefox), the release build with its size budget, end to end
# (Playwright driving Debian's Chromium against dist/), and the core journeys in Firefox
# ESR and WebKitGTK over WebDriver (tests/engines/). Installs what is missing first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
section() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

section "style (rustfmt, clippy native and wasm32)"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --all-targets --target wasm32-unknown-unknown -- -D warnings

section "native tests"
cargo test --locked

section "browser tests (wasm-bindgen-test, headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
CHROMEDRIVER=/usr/bin/chromedriver \
WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --locked --target wasm32-unknown-unknown --test web

section "browser tests (wasm-bindgen-test, headless Firefox ESR)"
env -u CHROMEDRIVER CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
GECKODRIVER="$(command -v geckodriver)" \
WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --locked --target wasm32-unknown-unknown --test web

section "release build"
trunk build --release

section "size budget"
node scripts/size.mjs --check

section "npm package (npm pack dist/)"
# The tarball an owner installs or loads from an npm CDN; tests/e2e/package.test.mjs unpacks
# it, serves it as a CDN would and embeds it from another origin.
rm -rf target/package && mkdir -p target/package
npm pack ./dist --pack-destination target/package --ignore-scripts
CLIENT_CHECKUP_PACKAGE="$(ls "$PWD"/target/package/*.tgz)"
export CLIENT_CHECKUP_PACKAGE

section "end-to-end tests (Playwright + axe-core, Chromium)"
# --test-force-exit: a failed test that leaves a server open must not hold CI until its time-out.
node --test --test-concurrency=1 --test-force-exit --test-timeout=180000 tests/e2e/

# The same journeys in each engine over WebDriver. ENGINES="firefox webkit chromium" adds
# a run through chromedriver, which proves the suite itself against the Playwright one.
for engine in ${ENGINES:-firefox webkit}; do
  section "core journeys in $engine (WebDriver, tests/engines/)"
  started=$SECONDS
  if [ "$engine" = webkit ]; then
    # WebKitGTK draws into an X display even when nothing watches: a virtual one.
    ENGINE=$engine xvfb-run -a -s "-screen 0 1280x1024x24" node --test --test-concurrency=1 --test-force-exit --test-timeout=180000 tests/engines/
  else
    ENGINE=$engine node --test --test-concurrency=1 --test-force-exit --test-timeout=180000 tests/engines/
  fi
  printf '%s journeys: %d s\n' "$engine" $((SECONDS - started))
done
