#!/usr/bin/env bash
# Installs what is missing, builds the front end and starts Infoklass on its default
# per-user database. Extra arguments go to the app, e.g. `scripts/run.sh --db other.sqlite`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
build_ui
cd "$ROOT"
cargo build --release -p infoklass-desktop --features custom-protocol
exec "$CARGO_TARGET_DIR/release/infoklass-app" "$@"
