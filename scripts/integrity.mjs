#!/usr/bin/env node
// Subresource Integrity (sha384) of a built bundle.
//   node scripts/integrity.mjs DIR --inject   writes the hashes of the glue, its snippets and
//                                            the Wasm into DIR/embed.js (release builds, from
//                                            scripts/minify-js.sh), so the loader checks them
//   node scripts/integrity.mjs DIR            prints every file's integrity value, embed.js first
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";

const [dir, mode] = process.argv.slice(2);
if (!dir) {
  console.error("usage: integrity.mjs DIR [--inject]");
  process.exit(2);
}
const sri = (file) => `sha384-${createHash("sha384").update(readFileSync(file)).digest("base64")}`;

/** The files the loader fetches, under the names it uses for them. */
function fetched() {
  const snippets = [];
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".js")) snippets.push(relative(dir, path));
    }
  };
  try { walk(join(dir, "snippets")); } catch { /* a build without snippets */ }
  return ["./feedwidgets.js", "./feedwidgets_bg.wasm", ...snippets.sort()];
}

if (mode === "--inject") {
  const loader = join(dir, "embed.js");
  const text = readFileSync(loader, "utf8");
  const placeholder = /\[\s*"@fw-integrity@"\s*,\s*""\s*\]/;
  if (!placeholder.test(text)) {
    console.error(`integrity: no "@fw-integrity@" placeholder in ${loader}`);
    process.exit(1);
  }
  const entries = fetched().map((path) => JSON.stringify([path, sri(join(dir, path))])).join(",");
  writeFileSync(loader, text.replace(placeholder, entries));
} else {
  for (const path of ["embed.js", ...fetched()]) {
    console.log(`${sri(join(dir, path))}  ${path.replace(/^\.\//, "")}`);
  }
}
