#!/usr/bin/env bash
# Builds the installable Linux packages of Infoklass with Tauri's bundler, offline:
#   Infoklass_<version>_amd64.deb  and  Infoklass-<version>-1.x86_64.rpm
# Each holds the desktop app (/usr/bin/infoklass-app, a desktop entry and icons) and the
# `infoklass` command line (/usr/bin/infoklass), and depends on the WebKitGTK runtime.
# The packages are copied to out/packages/. How they are made and installed: docs/PACKAGING.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"

# The command line first: the bundler maps out/bin/infoklass to /usr/bin/infoklass
# (bundle.linux.deb.files / rpm.files in src-tauri/tauri.conf.json).
cargo build --release -p infoklass-cli
mkdir -p out/bin
cp -f "$CARGO_TARGET_DIR/release/infoklass" out/bin/infoklass

# The Tauri CLI is fetched by npx (kept out of package.json, see docs/PACKAGING.md). It runs
# scripts/build-ui.sh (beforeBuildCommand), builds the release app with the bundled front end
# (the same features as scripts/run.sh, so both share one build) and bundles it.
TAURI_FRONTEND_PATH=ui npx --yes @tauri-apps/cli@2 build --bundles deb,rpm --features custom-protocol

version="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' src-tauri/tauri.conf.json | head -1)"
mkdir -p out/packages
rm -f out/packages/*.deb out/packages/*.rpm
cp -f "$CARGO_TARGET_DIR/release/bundle/deb/Infoklass_${version}_amd64.deb" \
      "$CARGO_TARGET_DIR/release/bundle/rpm/Infoklass-${version}-1.x86_64.rpm" out/packages/
echo
ls -l out/packages
