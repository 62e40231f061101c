#!/usr/bin/env bash
# Prints the bytes a page with all three widgets downloads from dist/ (loader, head stylesheet,
# glue, snippets, wasm), raw and gzip -9, and fails when the gzip total is over the budget in
# bundle-budget.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/feedwidgets_bg.wasm ] || { echo "bundle-size: no dist/; run scripts/build.sh" >&2; exit 1; }
budget=$(grep -Eo '^[0-9]+' bundle-budget.txt | head -1)
total_raw=0
total_gzip=0
printf '%-52s %10s %10s\n' file bytes gzip
while read -r file; do
  raw=$(stat -c%s "$file")
  gz=$(gzip -9c "$file" | wc -c)
  total_raw=$((total_raw + raw))
  total_gzip=$((total_gzip + gz))
  printf '%-52s %10d %10d\n' "$file" "$raw" "$gz"
done < <(find dist -name '*.js' -o -name '*.wasm' -o -name '*.css' | sort)
printf '%-52s %10d %10d\n' total "$total_raw" "$total_gzip"
if [ "$total_gzip" -gt "$budget" ]; then
  echo "bundle-size: $total_gzip gzip bytes is over the budget of $budget (bundle-budget.txt)" >&2
  exit 1
fi
echo "bundle-size: within the budget of $budget gzip bytes"
