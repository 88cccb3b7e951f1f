#!/usr/bin/env bash
# Memory of the app at rest: starts the desktop binary under Xvfb on an empty database, waits
# until its window is shown and then SETTLE seconds (default 15), and prints the proportional
# set size (PSS, from /proc/PID/smaps_rollup) of the app and each WebKit child process, and
# the total. PSS shares each shared page among the processes mapping it, so the sum is what
# the app as a whole costs.
#
#   scripts/measure-memory.sh [BINARY]    # default: the release build ($CARGO_TARGET_DIR/release/infoklass-app)
#
# Build the release binary first (scripts/run.sh does). Figures: docs/BENCHMARKS.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib/xvfb.sh"
TARGET="${CARGO_TARGET_DIR:-$HOME/.cache/infoklass-target}"
BIN="${1:-$TARGET/release/infoklass-app}"
SETTLE="${SETTLE:-15}"
[ -x "$BIN" ] || { echo "measure-memory: no binary at $BIN (build it first: scripts/run.sh)" >&2; exit 1; }

work="$(mktemp -d)"
app=""
cleanup() {
  [ -n "$app" ] && kill_tree "$app"
  stop_xvfb
  rm -rf "$work"
}
trap cleanup EXIT

start_xvfb
# A private home for WebKit's caches and data, so the user's own files neither count nor change.
HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CACHE_HOME="$work/home/cache" \
  XDG_CONFIG_HOME="$work/home/config" "$BIN" --db "$work/empty.sqlite" >"$work/app.log" 2>&1 &
app=$!
if ! wait_for_window "Infoklass" "$app" 120; then
  echo "measure-memory: the window did not appear" >&2
  cat "$work/app.log" >&2
  exit 1
fi
sleep "$SETTLE"

# PSS (the spec's figure), USS (pages only this process holds: what closing it frees) and RSS.
# PSS splits shared pages among every process that maps them, also other programs' WebKit
# processes, so on a busy machine it reads lower; USS does not depend on other programs.
field_kb() { awk -v f="$2:" '$1 == f {print $2}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
tp=0; tu=0; tr=0
printf '%-18s %8s %9s %9s %9s\n' process pid "PSS MB" "USS MB" "RSS MB"
for pid in $(process_tree "$app"); do
  name="$(cat "/proc/$pid/comm" 2>/dev/null || true)"
  [ -n "$name" ] || continue
  pss="$(field_kb "$pid" Pss)"; rss="$(field_kb "$pid" Rss)"
  uss=$(( $(field_kb "$pid" Private_Clean) + $(field_kb "$pid" Private_Dirty) ))
  tp=$((tp + pss)); tu=$((tu + uss)); tr=$((tr + rss))
  printf '%-18s %8s %9s %9s %9s\n' "$name" "$pid" "$(mb "$pss")" "$(mb "$uss")" "$(mb "$rss")"
done
printf '%-18s %8s %9s %9s %9s\n' total "" "$(mb "$tp")" "$(mb "$tu")" "$(mb "$tr")"
