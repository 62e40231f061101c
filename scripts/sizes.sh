#!/usr/bin/env bash
# Prints each FILE's bytes, gzip -9 bytes and brotli bytes (quality 11, what CDNs serve, from
# node's zlib: no brotli CLI needed), each file compressed on its own, and a last line with the
# totals: `total RAW GZIP BROTLI`. Used by scripts/bundle-size.sh and bench/yew-floor/build.sh.
#   scripts/sizes.sh FILE...
set -euo pipefail
files=("$@")
# One node process for every file: brotli at quality 11, the size hint as CDNs pass it.
mapfile -t brotli < <(node -e '
  const { brotliCompressSync, constants } = require("node:zlib");
  const { readFileSync } = require("node:fs");
  for (const file of process.argv.slice(1)) {
    const bytes = readFileSync(file);
    console.log(brotliCompressSync(bytes, { params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    } }).length);
  }' "${files[@]}")
total_raw=0
total_gzip=0
total_brotli=0
printf '%-52s %10s %10s %10s\n' file bytes gzip brotli
for i in "${!files[@]}"; do
  file=${files[$i]}
  raw=$(stat -c%s "$file")
  gz=$(gzip -9c "$file" | wc -c)
  br=${brotli[$i]}
  total_raw=$((total_raw + raw))
  total_gzip=$((total_gzip + gz))
  total_brotli=$((total_brotli + br))
  printf '%-52s %10d %10d %10d\n' "$file" "$raw" "$gz" "$br"
done
printf '%-52s %10d %10d %10d\n' total "$total_raw" "$total_gzip" "$total_brotli"
