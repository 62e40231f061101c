#!/usr/bin/env bash
# Makes the npm package: target/package/feedwidgets-<version>.tgz (npm pack), from the release
# bundle in dist/ (built first unless FW_PACKAGE_NO_BUILD=1 and dist/ exists). The bundle goes
# in a versioned folder, dist/<version>/, so a CDN can cache its files forever; the loader is
# the entry point; the manifest, types and VS Code data come from package/ (kept current by
# scripts/api-files.mjs). Prints the tarball's path last, and the bundle's SRI hashes.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
if [ "${FW_PACKAGE_NO_BUILD:-}" != 1 ] || [ ! -f dist/embed.js ]; then
  scripts/build.sh >&2
fi
node scripts/api-files.mjs --check
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
stage=target/package/feedwidgets
rm -rf "$stage" && mkdir -p "$stage/dist/$version"
# What a page downloads, and the head stylesheet when the build has one; not the demo page.
(cd dist && find . -name '*.js' -o -name '*.wasm' -o -name '*.css') | while read -r file; do
  mkdir -p "$stage/dist/$version/$(dirname "$file")"
  cp "dist/$file" "$stage/dist/$version/$file"
done
cp package/custom-elements.json package/feedwidgets.d.ts package/html-custom-data.json "$stage/"
cp package/README.md LICENSE-MIT LICENSE-APACHE "$stage/"
VERSION="$version" node --input-type=module -e '
  import { readFileSync, writeFileSync, existsSync } from "node:fs";
  const v = process.env.VERSION;
  const template = JSON.parse(readFileSync("package/package.json", "utf8"));
  const text = JSON.stringify(template, null, 2).replaceAll("@version@", v);
  const manifest = JSON.parse(text);
  if (!existsSync(`target/package/feedwidgets/dist/${v}/feedwidgets.css`)) {
    delete manifest.exports["./feedwidgets.css"];
  }
  writeFileSync("target/package/feedwidgets/package.json", JSON.stringify(manifest, null, 2) + "\n");
'
node scripts/integrity.mjs "$stage/dist/$version" | sed "s|  |  dist/$version/|" >&2
(cd target/package && npm pack --silent ./feedwidgets >/dev/null)
echo "$(pwd)/target/package/feedwidgets-$version.tgz"
