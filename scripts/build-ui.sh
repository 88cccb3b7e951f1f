#!/usr/bin/env bash
# Builds the front end into ui/dist, but only when something the build reads has changed
# since the last build (or ui/dist is missing). An untouched ui/dist keeps its timestamps, so
# cargo neither re-embeds the assets nor relinks the app: a second `scripts/run.sh` starts in
# seconds. UI_FORCE_BUILD=1 builds regardless. Used by setup.sh (run.sh, test.sh) and as the
# bundler's beforeBuildCommand (package.sh).
set -euo pipefail
UI="$(cd "$(dirname "${BASH_SOURCE[0]}")/../ui" && pwd)"

# A fingerprint of the inputs: sources, static files, config and lock file. Paths and contents
# both count, so a renamed or deleted file changes it too.
hash_inputs() {
  (cd "$UI" && find src public index.html package.json package-lock.json tsconfig.json vite.config.ts \
      -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

stamp="$UI/node_modules/.dist-hash"
want="$(hash_inputs)"
if [ "${UI_FORCE_BUILD:-0}" != 1 ] && [ -f "$UI/dist/index.html" ] && [ -f "$stamp" ] \
    && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "build-ui: building the front end (ui/dist)"
rm -f "$stamp"
(cd "$UI" && npm run --silent build)
echo "$want" >"$stamp"
