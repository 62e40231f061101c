#!/usr/bin/env bash
# Installs what building and testing FeedWidgets needs, skipping whatever is already there:
# the wasm32 target, trunk, wasm-bindgen-cli (at the Cargo.lock version), wasm-opt and terser
# (npm, into tools/node_modules), Chromium and ChromeDriver, iproute2 (Debian packages).
# Safe to run again; prints what it does. Source it (or scripts/env.sh) for the PATH.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# wasm-bindgen-cli must match the wasm-bindgen crate exactly; Cargo.lock is the source of truth.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

say() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# shellcheck source=scripts/env.sh
. scripts/env.sh

if ! command -v cargo >/dev/null; then
  echo "setup: cargo is missing; install Rust with rustup first (https://rustup.rs)" >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ] \
  || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: its lock file wants a webpki-roots release the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if ! command -v npm >/dev/null; then
  say "installing Node.js and npm"
  as_root apt-get update -qq
  as_root apt-get install -y -qq nodejs npm
fi
if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -x tools/node_modules/.bin/terser ] \
  || [ ! -d tools/node_modules/playwright-core ] || [ ! -d tools/node_modules/axe-core ] \
  || [ ! -x tools/node_modules/.bin/tsc ] || [ ! -d tools/node_modules/custom-elements-manifest ] \
  || [ tools/package-lock.json -nt tools/node_modules/.package-lock.json ]; then
  say "installing wasm-opt (binaryen), terser, playwright-core, axe-core, TypeScript and the custom-elements-manifest schema from npm"
  (cd tools && npm ci --no-audit --no-fund --loglevel=error)
fi

# The offline test runs (scripts/offline.sh) need `ip` and `ss` (iproute2) and `unshare`.
if ! command -v ip >/dev/null || ! command -v ss >/dev/null || ! command -v unshare >/dev/null; then
  say "installing iproute2 and util-linux (for the offline test runs)"
  as_root apt-get update -qq
  as_root apt-get install -y -qq iproute2 util-linux
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Chromium and ChromeDriver"
  as_root apt-get update -qq
  as_root apt-get install -y -qq chromium chromium-driver
fi

say "toolchain ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $(wasm-opt --version | awk '{print $3}'), $(chromium --version 2>/dev/null | head -1)"
