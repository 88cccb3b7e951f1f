#!/usr/bin/env bash
# Benchmarks: the store with 5,000 objects, requirement derivation, workbook export and import,
# reports as PDF/A, and the real window (start-up, search, scroll).
# Figures are reported in docs/BENCHMARKS.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
build_ui
cd "$ROOT"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== store: 5,000 objects"
cargo bench -p infoklass-store --bench object_list -- --keep "$work/seeded.sqlite"

echo "== the organisation database: the same on PostgreSQL, and 20 clients for 60 s on both"
export INFOKLASS_PG_DURABLE=1
cargo bench -p infoklass-store --bench object_list -- --backend postgres
cargo bench -p infoklass-store --bench concurrent_clients -- --clients 20 --seconds 60
cargo bench -p infoklass-store --bench concurrent_clients -- --backend postgres --clients 20 --seconds 60

echo "== big inputs: re-import of 8,000 sets, 3,000 risks, 10,000 threats, 10,000 sets"
cargo bench -p infoklass-store --bench bulk_input

echo "== requirement derivation: 1,000 objects"
cargo bench -p infoklass-core --bench derive_requirements

echo "== workbooks: export of 1,000 objects, import of a 3,000-set ISAK workbook"
# The export benchmark also times the whole `infoklass export` process against the bare write.
cargo build --release -p infoklass-cli
INFOKLASS_BIN="$CARGO_TARGET_DIR/release/infoklass" cargo bench -p infoklass-files --bench export
cargo bench -p infoklass-isak --bench import

echo "== reports: a Klassningsbeslut, a Riskanalys, a Lägesrapport over 1,000 objects"
cargo bench -p infoklass-reports --bench reports

echo "== the window (release build)"
cargo build --release -p infoklass-desktop --features custom-protocol
node tests/e2e/bench-ui.mjs "$CARGO_TARGET_DIR/release/infoklass-app" "$work/empty.sqlite" "$work/seeded.sqlite"
