#!/usr/bin/env bash
# Sets up everything and runs every check: formatting, clippy (native and wasm32), the native
# tests (feed, i18n, state machines, collector), the browser tests in headless Chromium, the
# release build and its size budget, and end-to-end tests of the built bundle.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh

step() { printf '\n== %s\n' "$*"; }

step "formatting"
cargo fmt --all -- --check

step "clippy, native"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy, wasm32"
cargo clippy -p feedwidgets --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

step "documentation, warnings as errors"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

step "native tests"
cargo test --workspace --locked

step "browser tests (headless Chromium)"
cargo test -p feedwidgets --target wasm32-unknown-unknown --locked

step "release bundle and its size"
scripts/build.sh

step "end to end: the built bundle in Chromium (loader, JS API, strict CSP)"
node --test e2e/
