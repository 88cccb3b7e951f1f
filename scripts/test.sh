#!/usr/bin/env bash
# Installs what is missing and runs every test: Rust (rustfmt and clippy gates; core, store,
# CLI, commands, bindings drift, the organisation database on a throw-away PostgreSQL), the front end's formatting, lint, unit tests and type check,
# browser UI flows (Chromium against the real backend through the test host), the end-to-end
# tests of the real desktop binary under Xvfb through WebDriver, and the installable packages
# (.deb, .rpm) built, unpacked and started.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
npm_install tests/ui
cd "$ROOT"

step() { printf '\n== %s\n' "$*"; }

step "front end: format, lint, unit tests, type check and build"
(cd ui && npm run --silent format:check && npm run --silent lint && npm run --silent test:unit &&
  npm run --silent check)
build_ui

step "Rust: format, lint and cargo test --workspace"
# rustfmt and clippy come with the default Rust toolchain; a toolchain without them says so.
if cargo fmt --version >/dev/null 2>&1; then cargo fmt --all --check; else echo "rustfmt is not installed: format check skipped"; fi
if cargo clippy --version >/dev/null 2>&1; then
  cargo clippy --quiet --workspace --all-targets -- -D warnings
else
  echo "clippy is not installed: lint skipped"
fi
# The organisation-database tests start their own PostgreSQL server (from the system's
# postgresql package, installed by setup.sh); here they must run, never be skipped.
INFOKLASS_REQUIRE_POSTGRES=1 cargo test --workspace
# The store's contract again, every use case on PostgreSQL (a database per test).
INFOKLASS_REQUIRE_POSTGRES=1 INFOKLASS_STORE_BACKEND=postgres cargo test -p infoklass-store --tests

step "UI flows in Chromium (real backend through the test host)"
bash tests/ui/run.sh

step "end-to-end: the real app under Xvfb"
cargo build --quiet -p infoklass-desktop --features custom-protocol
cargo build --quiet -p infoklass-cli -p infoklass-pg-test-cluster
INFOKLASS_APP="$CARGO_TARGET_DIR/debug/infoklass-app" INFOKLASS_CLI="$CARGO_TARGET_DIR/debug/infoklass" \
  INFOKLASS_PG_SERVER="$CARGO_TARGET_DIR/debug/infoklass-pg-test-server" \
  node --test --test-concurrency=1 tests/e2e/

step "packages: .deb and .rpm built, unpacked and started"
bash scripts/package.sh
bash tests/package/run.sh

echo
echo "all tests passed"
