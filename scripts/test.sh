#!/usr/bin/env bash
# Sets up everything and runs every check: formatting, clippy (native and wasm32), the native
# tests (feed, i18n, state machines, collector), the browser tests in headless Chromium, the
# release build and its size budget, and end-to-end tests of the built bundle. The browser
# and end-to-end suites run with no network but loopback (scripts/offline.sh), twice: once
# where lookups of outside names fail at once and once where they hang, so no test can
# depend on how the network fails.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
. scripts/env.sh

step() { printf '\n== %s\n' "$*"; }

step "dependencies (the offline suites below download nothing)"
cargo fetch --locked

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

step "browser tests (headless Chromium), offline, lookups refused"
scripts/offline.sh refuse cargo test -p feedwidgets --target wasm32-unknown-unknown --locked --offline

step "browser tests again, offline, lookups hanging"
scripts/offline.sh hang cargo test -p feedwidgets --target wasm32-unknown-unknown --locked --offline

step "release bundle and its size"
scripts/build.sh

step "end to end: the built bundle in Chromium (loader, JS API, strict CSP), lookups refused"
scripts/offline.sh refuse node --test e2e/

step "end to end again, lookups hanging"
scripts/offline.sh hang node --test e2e/
