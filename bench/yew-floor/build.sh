#!/usr/bin/env bash
# Builds the Yew carousel floor (bench/carousel/README.md) the way scripts/build.sh builds the
# bundle: cargo's release profile, wasm-bindgen --target web, scripts/optimize-wasm.mjs (the
# panic path a trap, then wasm-opt with the bundle's flags), --strip-target-features (which the
# bundle's own post-build pass does), terser on the glue and the loader as scripts/minify-js.sh
# does. Writes target/yew-floor/ and prints its bytes raw, gzip -9 and brotli (quality 11), as
# scripts/bundle-size.sh does.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"
. scripts/env.sh
export CARGO_TARGET_DIR="$root/target/yew-floor-build"
out="$root/target/yew-floor"
(cd "$here" && cargo build --release --target wasm32-unknown-unknown --offline)
rm -rf "$out" && mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/yew_floor.wasm"
node scripts/optimize-wasm.mjs "$out/yew_floor_bg.wasm" "$out/yew_floor_bg.wasm" --strip-target-features
cp "$here/embed.js" "$out/embed.js"
for file in "$out/yew_floor.js" "$out/embed.js"; do
  terser "$file" --module --compress --mangle --output "$file.min"
  mv "$file.min" "$file"
done
files=("$out/embed.js" "$out/yew_floor.js" "$out/yew_floor_bg.wasm")
scripts/sizes.sh "${files[@]#"$root"/}"
