#!/usr/bin/env bash
# Installs what building, running and testing Infoklass needs on a Debian/Ubuntu machine
# that has the Rust toolchain and Node.js: system packages (only the missing ones) and the
# front end's npm packages (only when the lock file changed). Sourced by run.sh and test.sh.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Build output lives outside the clone so later runs and CI reuse it.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/infoklass-target}"

SYSTEM_PACKAGES=(
  build-essential pkg-config curl wget file libssl-dev
  libwebkit2gtk-4.1-dev libxdo-dev libayatana-appindicator3-dev librsvg2-dev
  xvfb xauth webkit2gtk-driver chromium
  libreoffice-calc-nogui zip unzip python3-openpyxl poppler-utils
  x11-utils rpm
  postgresql openssl
)

install_system_packages() {
  local missing=()
  for p in "${SYSTEM_PACKAGES[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "setup: installing ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# npm ci in a folder when its node_modules is missing or older than its lock file.
npm_install() {
  local dir="$ROOT/$1" stamp
  stamp="$dir/node_modules/.lock-hash"
  local want
  want="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "setup: npm ci in $1"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
  fi
}

# Builds ui/dist only when its sources changed (see build-ui.sh).
build_ui() {
  bash "$ROOT/scripts/build-ui.sh"
}

install_system_packages
npm_install ui
