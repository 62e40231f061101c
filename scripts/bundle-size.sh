#!/usr/bin/env bash
# Prints the bytes a page with all three widgets downloads from dist/ (loader, head stylesheet,
# glue, snippets, wasm), raw, gzip -9 and brotli (scripts/sizes.sh), and fails when the gzip
# total is over the budget in bundle-budget.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/feedwidgets_bg.wasm ] || { echo "bundle-size: no dist/; run scripts/build.sh" >&2; exit 1; }
budget=$(grep -Eo '^[0-9]+' bundle-budget.txt | head -1)
files=()
while read -r file; do files+=("$file"); done < <(find dist -name '*.js' -o -name '*.wasm' -o -name '*.css' | sort)
table=$(scripts/sizes.sh "${files[@]}")
echo "$table"
total_gzip=$(tail -1 <<<"$table" | awk '{print $3}')
if [ "$total_gzip" -gt "$budget" ]; then
  echo "bundle-size: $total_gzip gzip bytes is over the budget of $budget (bundle-budget.txt)" >&2
  exit 1
fi
echo "bundle-size: within the budget of $budget gzip bytes (the budget counts gzip)"
