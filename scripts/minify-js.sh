#!/bin/sh
# Trunk post_build hook: optimizes the Wasm, shortens the names between the Wasm and its
# glue, minifies the JS a page loads (wasm-bindgen glue, its snippets, the loader) and the head
# stylesheet, checks the Wasm's memory layout and writes the Subresource Integrity hashes into
# the loader, in release builds. Runs in the repo root; TRUNK_* variables come from trunk.
set -eu
[ "${TRUNK_PROFILE:-}" = "release" ] || exit 0
terser="$(pwd)/tools/node_modules/.bin/terser"
if [ ! -x "$terser" ]; then
  echo "minify-js: $terser is missing; run scripts/setup.sh" >&2
  exit 1
fi
# wasm-bindgen's output folder keeps the snippets of earlier builds: ship only those the glue
# imports, so the loader neither fetches nor pins a dead file.
find "$TRUNK_STAGING_DIR/snippets" -name '*.js' 2>/dev/null | while read -r file; do
  grep -qF "${file#"$TRUNK_STAGING_DIR"/}" "$TRUNK_STAGING_DIR/feedwidgets.js" || rm "$file"
done
find "$TRUNK_STAGING_DIR/snippets" -type d -empty -delete 2>/dev/null || true
# The panic path made a trap, then wasm-opt (trunk's own wasm-opt step is off in index.html).
node scripts/optimize-wasm.mjs "$TRUNK_STAGING_DIR/feedwidgets_bg.wasm"
# The Wasm's imports and exports get short names, and the glue the same ones, before terser.
node scripts/minify-wasm-names.mjs "$TRUNK_STAGING_DIR"
find "$TRUNK_STAGING_DIR" -name '*.js' | while read -r file; do
  "$terser" "$file" --module --compress --mangle --output "$file.min"
  mv "$file.min" "$file"
done
# The loader imports the glue's snippets in parallel with the glue: tell it their paths.
snippets="$(cd "$TRUNK_STAGING_DIR" && find snippets -name '*.js' 2>/dev/null | sort | sed 's/.*/"&"/' | paste -sd, -)"
if [ -n "$snippets" ]; then
  sed -i "s|\"@fw-snippets@\"|$snippets|" "$TRUNK_STAGING_DIR/embed.js"
fi
# The head stylesheet: comments and layout white space out, as build.rs does for the widgets'
# own sheets (one space kept where two words meet; calc() needs its spaces around + and -).
css="$TRUNK_STAGING_DIR/feedwidgets.css"
node -e '
const fs = require("fs");
const css = fs.readFileSync(process.argv[1], "utf8").replace(/\/\*[\s\S]*?\*\//g, "")
  .replace(/\s+/g, " ").replace(/ ?([{};,>]) ?/g, "$1").trim();
fs.writeFileSync(process.argv[1], css + "\n");
' "$css"
# wasm-opt ran with -lmu (scripts/optimize-wasm.mjs): fail the build if the module's layout
# stops allowing it.
node scripts/check-low-memory.mjs "$TRUNK_STAGING_DIR/feedwidgets_bg.wasm"
# Then the hashes of what the loader fetches, last, once those files are final.
node scripts/integrity.mjs "$TRUNK_STAGING_DIR" --inject
