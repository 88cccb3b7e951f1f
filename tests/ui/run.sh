#!/usr/bin/env bash
# Builds the UI for the test host, builds and starts the host (the real backend over a temporary
# database, src-tauri/examples/ui_test_host.rs) and runs the browser flows in headless Chromium.
# Needs node, npm, cargo, zip and unzip (the import flows edit real workbooks) and Debian's
# chromium (or CHROMIUM=/path/to/chromium).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
ui="$root/ui"

# npm ci when node_modules is missing or older than the lockfile.
ensure_deps() {
  local dir="$1"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
}

ensure_deps "$ui"
ensure_deps "$here"
(cd "$ui" && npm run build:host)
(cd "$root" && cargo build -p infoklass-desktop --example ui_test_host)
target="${CARGO_TARGET_DIR:-$root/target}"

# The host runs in its own process group, which is killed however the flows end.
out="$(mktemp)"
setsid "$target/debug/examples/ui_test_host" "$ui/dist-host" >"$out" &
host_pid=$!
stop_host() {
  kill -- "-$host_pid" 2>/dev/null || true
  wait "$host_pid" 2>/dev/null || true
  rm -f "$out"
}
trap stop_host EXIT INT TERM
for _ in $(seq 100); do
  [ -s "$out" ] && break
  kill -0 "$host_pid" 2>/dev/null || { echo "the test host did not start" >&2; exit 1; }
  sleep 0.1
done
UI_HOST="$(head -n1 "$out")"
[ -n "$UI_HOST" ] || { echo "the test host printed no address" >&2; exit 1; }
export UI_HOST
echo "test host at $UI_HOST"

cd "$here"
node --test --test-concurrency=1 "$@"
