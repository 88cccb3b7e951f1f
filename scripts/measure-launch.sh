#!/usr/bin/env bash
# Launch time of the README's first command: runs `scripts/run.sh` under Xvfb on an empty
# database and prints the seconds from the command's start until its window is shown; then
# closes the app. Run it twice in a row to see a launch with nothing changed.
#
#   scripts/measure-launch.sh             # as a user starts the app
#   UI_FORCE_BUILD=1 scripts/measure-launch.sh   # as before: the front end is rebuilt every time
#
# Figures: docs/BENCHMARKS.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/lib/xvfb.sh"

work="$(mktemp -d)"
run=""
cleanup() {
  [ -n "$run" ] && kill_tree "$run"
  stop_xvfb
  rm -rf "$work"
}
trap cleanup EXIT

start_xvfb
start=$(date +%s.%N)
bash "$ROOT/scripts/run.sh" --db "$work/empty.sqlite" >"$work/run.log" 2>&1 &
run=$!
if ! wait_for_window "Infoklass" "$run"; then
  echo "measure-launch: run.sh ended without a window" >&2
  cat "$work/run.log" >&2
  exit 1
fi
end=$(date +%s.%N)
awk -v a="$start" -v b="$end" 'BEGIN {printf "window shown after %.1f s\n", b - a}'
grep -E '^(build-ui|setup):|Compiling|Finished' "$work/run.log" | sed 's/^/  /' || true
