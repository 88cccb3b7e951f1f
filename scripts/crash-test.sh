#!/usr/bin/env bash
# Crash safety, measured: imports, new objects and approvals through the real `infoklass`
# binary, killed with SIGKILL at random moments; after every run the database is checked
# (integrity, all-or-nothing imports, history matching the data). Not part of scripts/test.sh.
#   scripts/crash-test.sh [RUNS] [SEED]      (defaults: 150 runs, seed 1)
# Needs python3 with openpyxl (python3-openpyxl). Figures go to docs/BENCHMARKS.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# The debug build: slower writes give more moments to kill inside a transaction.
cargo build -p infoklass-cli
target="${CARGO_TARGET_DIR:-$ROOT/target}"
# The system Python has python3-openpyxl; another python3 first on PATH may not.
py="${PYTHON:-python3}"
"$py" -c 'import openpyxl' 2>/dev/null || py=/usr/bin/python3
"$py" scripts/crash_test.py --bin "$target/debug/infoklass" --runs "${1:-150}" --seed "${2:-1}" \
  --fixtures crates/isak/tests/fixtures --example docs/examples/ekonomisystem.toml
