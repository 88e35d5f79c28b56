#!/usr/bin/env bash
# The benchmark command: installs what is missing, builds the release bundle, then
# prints sizes, load times against a static floor, timings and memory as one table
# (see scripts/bench.mjs). Extra arguments go to bench.mjs, e.g. --loads 31.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
trunk build --release
node scripts/bench.mjs "$@"
