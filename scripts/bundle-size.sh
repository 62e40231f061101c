#!/usr/bin/env bash
# Prints the bytes a page with all three widgets downloads from dist/ (loader, head stylesheet,
# glue, snippets, wasm), raw, gzip -9 and brotli (quality 11, what CDNs serve), and fails when
# the gzip total is over the budget in bundle-budget.txt. Brotli comes from node's zlib (no
# brotli CLI needed).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/feedwidgets_bg.wasm ] || { echo "bundle-size: no dist/; run scripts/build.sh" >&2; exit 1; }
budget=$(grep -Eo '^[0-9]+' bundle-budget.txt | head -1)
files=()
while read -r file; do files+=("$file"); done < <(find dist -name '*.js' -o -name '*.wasm' -o -name '*.css' | sort)
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
if [ "$total_gzip" -gt "$budget" ]; then
  echo "bundle-size: $total_gzip gzip bytes is over the budget of $budget (bundle-budget.txt)" >&2
  exit 1
fi
echo "bundle-size: within the budget of $budget gzip bytes (the budget counts gzip)"
