#!/usr/bin/env bash
# Sets up everything and runs every check: formatting, clippy (native and wasm32), the native
# tests (feed, i18n, state machines, collector on SQLite and on a throwaway PostgreSQL), the browser tests in headless Chromium, the
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

step "the package's manifest, types and editor data are current (scripts/api-files.mjs)"
node scripts/api-files.mjs --check

step "formatting"
cargo fmt --all -- --check

step "clippy, native"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "clippy, wasm32"
cargo clippy -p feedwidgets --target wasm32-unknown-unknown --all-targets --locked -- -D warnings

step "documentation, warnings as errors"
RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps --locked

step "PostgreSQL for the collector's suites (a throwaway cluster on loopback)"
# scripts/postgres.sh installs Debian's postgresql when it is missing. The cluster is stopped
# and removed when this script exits, whether the checks passed or not.
pg_dir="$(mktemp -d)"
stop_postgres() { scripts/postgres.sh stop "$pg_dir" || true; rm -rf "$pg_dir"; }
trap stop_postgres EXIT
FW_TEST_DATABASE_URL="$(scripts/postgres.sh start "$pg_dir")"
FW_TEST_PG_DIR="$pg_dir"
export FW_TEST_DATABASE_URL FW_TEST_PG_DIR

step "native tests (the collector's against SQLite and PostgreSQL)"
cargo test --workspace --locked

step "the collector's API suites again, every server on PostgreSQL"
FW_TEST_BACKEND=postgres cargo test -p feedwidgets-collector --locked \
  --test admin_auth --test ownership --test validation --test reports --test privacy \
  --test origin --test rate_limit --test static_files --test connections
stop_postgres
trap - EXIT

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
