#!/usr/bin/env bash
# Builds the bundle into dist/ (trunk build --release --offline) and prints what a page
# downloads, in bytes and gzip bytes, and each file's Subresource Integrity hash.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
trunk build --release --offline
scripts/bundle-size.sh
echo "Subresource Integrity (pin embed.js; it checks the others):"
node scripts/integrity.mjs dist
