#!/usr/bin/env bash
# Coverage-guided fuzzing of the file readers with cargo-fuzz (libFuzzer, nightly Rust).
# Usage: scripts/fuzz.sh [TARGET|all] [RUNS]   (default: every target, 1,000,000 inputs each)
# One worker per run. Seeds are generated into fuzz/corpus/TARGET when that folder is missing;
# crashes land in fuzz/artifacts/TARGET. See docs/FUZZING.md.
# FUZZ_TARGET_DIR sets cargo's target folder (default fuzz/target); FUZZ_SECONDS, when set,
# also stops each target after that many seconds (for slow targets).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT/fuzz"

TARGETS=(object_file risk_file threat_list info_type_list catalog_text isak_read workbook_read catalog_read xlsx_parts)
which="${1:-all}"
RUNS="${2:-1000000}"
[ "$which" = all ] || TARGETS=("$which")

rustup toolchain list | grep -q '^nightly' || { echo "cargo-fuzz needs a nightly toolchain: rustup toolchain install nightly" >&2; exit 1; }
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
TARGET_DIR="${FUZZ_TARGET_DIR:-$ROOT/fuzz/target}"

# Largest input per target: text files are small; workbooks and single XML parts are larger.
max_len() {
  case "$1" in
    isak_read | workbook_read | catalog_read | xlsx_parts) echo 131072 ;;
    *) echo 16384 ;;
  esac
}
mode() {
  case "$1" in
    isak_read | workbook_read | catalog_read | xlsx_parts) echo -fork=1 -ignore_ooms=1 -ignore_crashes=1 -ignore_timeouts=1 ;;
    *) echo -print_final_stats=1 ;;
  esac
}
# xlsx_parts spends most of its time in the compare tracing of the guard's byte scans; without it
# the target runs about 2.5 times as many inputs, and the dictionary still supplies XML tokens.
build_flags() {
  case "$1" in
    xlsx_parts) echo --no-trace-compares ;;
  esac
}
dict() {
  case "$1" in
    isak_read | workbook_read | catalog_read | xlsx_parts) echo dict/xlsx.dict ;;
    *) echo dict/toml.dict ;;
  esac
}

for t in "${TARGETS[@]}"; do
  if [ ! -d "corpus/$t" ]; then
    # A plain (stable, debug) program: it must not link libFuzzer.
    cargo run --quiet --no-default-features --features seeds --bin seeds -- corpus
  fi
  echo "== $t: $RUNS inputs"
  # No sanitizer: the code under test is safe Rust, so ASan would only slow each run.
  # Overflow checks are on (fuzz/Cargo.toml's release profile).
  # Workbooks run in fork mode with one worker, so an out-of-memory input or a crash is saved
  # and the run goes on instead of stopping at the first one (the known calamine allocations
  # of docs/FUZZING.md would stop it early). Text files run in one process, far faster.
  nice -n 10 cargo +nightly fuzz run --sanitizer none $(build_flags "$t") --target-dir "$TARGET_DIR" "$t" "corpus/$t" -- \
    $(mode "$t") -timeout=10 -runs="$RUNS" -max_total_time="${FUZZ_SECONDS:-0}" -rss_limit_mb=2048 -max_len="$(max_len "$t")" -dict="$(dict "$t")"
  found=$(find "artifacts/$t" -type f 2>/dev/null | wc -l)
  echo "== $t: $found saved in fuzz/artifacts/$t"
done
