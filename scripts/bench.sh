#!/usr/bin/env bash
# The benchmark command: installs what is missing, builds the release bundle, then
# prints bytes, load times against a static floor, the host article's LCP / CLS / long
# tasks, timings, memory and the wasm size by crate (see scripts/bench.mjs). Extra
# arguments go to bench.mjs, e.g. --loads 31, or --quick for a smoke run.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
trunk build --release >&2 # its log on stderr: stdout is only the tables
node scripts/bench.mjs "$@"
