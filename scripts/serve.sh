#!/usr/bin/env bash
# Serves the demo article with the widget on http://127.0.0.1:8080 (release build).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
exec trunk serve --release --address 127.0.0.1 --port 8080
