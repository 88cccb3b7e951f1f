#!/usr/bin/env bash
# Builds the UI with the mock backend and runs the browser tests in headless Chromium.
# Needs node, npm and Debian's chromium (or CHROMIUM=/path/to/chromium).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ui="$(cd "$here/../../ui" && pwd)"

# npm ci when node_modules is missing or older than the lockfile.
ensure_deps() {
  local dir="$1"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
}

ensure_deps "$ui"
ensure_deps "$here"
(cd "$ui" && npm run build:mock)
cd "$here"
node --test --test-concurrency=1 "$@"
