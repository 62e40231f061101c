#!/usr/bin/env node
// Renames the Wasm's imports, exports and import module to one or two letters
// (`wasm-opt --minify-imports-and-exports-and-modules`) and the wasm-bindgen glue to match, and
// gives the glue the one entry point the loader uses, before terser minifies the glue (release
// builds, from scripts/minify-js.sh). wasm-bindgen's
// names (`__wbg_removeAttribute_735f25a801a701e1`, ...) are about 3 KB of the Wasm and of the
// glue after gzip.
//   node scripts/minify-wasm-names.mjs DIR     (DIR: trunk's staging folder)
//
// The glue's shape is wasm-bindgen's, so the rewrite is pinned to the wasm-bindgen version in
// Cargo.lock and refuses any other. It parses the glue (acorn) rather than matching text, and
// fails the build unless every name lines up: the import object (`__wbg_get_imports`) holds
// every one of the Wasm's imports (and loses those wasm-opt left unused), and every
// `wasm.<name>` the glue reads is one of its exports.
// Then wasm-opt also drops the target-features section, which the renaming pass still needed.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The wasm-bindgen whose glue this rewrite was written for and checked against. */
const WASM_BINDGEN = "0.2.130";
const MODULE = "./feedwidgets_bg.js";

const root = fileURLToPath(new URL("..", import.meta.url));
// acorn from tools/node_modules (tools/package.json), like the other build tools.
const { parse } = createRequire(join(root, "tools", "package.json"))("acorn");
const dir = process.argv[2];
if (!dir) {
  console.error("usage: minify-wasm-names.mjs DIR");
  process.exit(2);
}
const fail = (why) => {
  console.error(`minify-wasm-names: ${why}`);
  process.exit(1);
};

const lock = readFileSync(join(root, "Cargo.lock"), "utf8");
const locked = lock.match(/\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/)?.[1];
if (locked !== WASM_BINDGEN) {
  fail(
    `Cargo.lock has wasm-bindgen ${locked ?? "(none)"}, but this rewrite of its glue is written ` +
      `for ${WASM_BINDGEN} only. Check the new glue's import object and \`wasm.<export>\` reads, ` +
      `then update WASM_BINDGEN in scripts/minify-wasm-names.mjs.`,
  );
}

const wasmFile = join(dir, "feedwidgets_bg.wasm");
const glueFile = join(dir, "feedwidgets.js");
const wasmOpt = join(root, "tools", "node_modules", ".bin", "wasm-opt");
const map = JSON.parse(
  execFileSync(wasmOpt, [
    wasmFile, "--minify-imports-and-exports-and-modules", "--strip-target-features",
    "-o", wasmFile,
  ], { encoding: "utf8", maxBuffer: 16 << 20 }),
);
const imports = new Map(map.imports.map(([module, name, short]) => {
  if (module !== MODULE) fail(`the Wasm imports from ${module}, not only from ${MODULE}`);
  return [name, short];
}));
const exports = new Map(map.exports.map(([name, short]) => [name, short]));
const linked = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmFile)));
const modules = new Set(linked.map((entry) => entry.module));
if (modules.size !== 1) fail(`the renamed Wasm imports from ${modules.size} modules, not 1`);
const [module] = modules;

const glue = readFileSync(glueFile, "utf8");
const edits = []; // [start, end, text]
const ast = parse(glue, { ecmaVersion: "latest", sourceType: "module" });
const keyName = (property) =>
  property.key.type === "Identifier" ? property.key.name : String(property.key.value);

/** Calls `visit` on every node of the tree. */
function walk(node, visit) {
  if (!node || typeof node.type !== "string") return;
  visit(node);
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach((child) => walk(child, visit));
    else if (value && typeof value === "object") walk(value, visit);
  }
}

// The import object: `const import0 = { __proto__: null, <import>: function ..., ... }` and
// `return { __proto__: null, "./feedwidgets_bg.js": import0 }` in `__wbg_get_imports`.
const getImports = ast.body.find(
  (node) => node.type === "FunctionDeclaration" && node.id.name === "__wbg_get_imports",
);
if (!getImports) fail("no __wbg_get_imports function in the glue");
const objects = [];
walk(getImports.body, (node) => { if (node.type === "ObjectExpression") objects.push(node); });
const moduleObjects = objects.filter((object) => object.properties.some((p) => keyName(p) === MODULE));
if (moduleObjects.length !== 1) fail(`${moduleObjects.length} objects name ${MODULE} in the glue, not 1`);
const [moduleObject] = moduleObjects;
const entries = moduleObject.properties.filter((p) => keyName(p) !== "__proto__");
if (entries.length !== 1 || entries[0].value.type !== "Identifier") {
  fail("the glue's import object is not one module given as one variable");
}
edits.push([entries[0].key.start, entries[0].key.end, JSON.stringify(module)]);
const importVar = entries[0].value.name;
let importObject;
walk(getImports.body, (node) => {
  if (node.type === "VariableDeclarator" && node.id.name === importVar) importObject = node.init;
});
if (importObject?.type !== "ObjectExpression") fail(`${importVar} is not an object literal`);
const provided = new Set();
/** The imports the glue provides and the Wasm no longer has: name, [from, to) in the glue. */
const dropped = [];
for (const property of importObject.properties) {
  if (property.type !== "Property" || property.computed) fail("a computed key in the import object");
  const name = keyName(property);
  if (name === "__proto__") continue;
  const short = imports.get(name);
  if (!short) {
    // wasm-opt removed every call to it (scripts/optimize-wasm.mjs: the panic hook's
    // `console.error`, for one): the glue's function goes too, and with it what only it used.
    const comma = glue.slice(property.end).match(/^\s*,/);
    dropped.push({ name, from: property.start, to: property.end + (comma ? comma[0].length : 0) });
    continue;
  }
  provided.add(name);
  edits.push([property.key.start, property.key.end, JSON.stringify(short)]);
}
for (const name of imports.keys()) {
  if (!provided.has(name)) fail(`the Wasm imports ${name}, which the glue does not provide`);
}

// Every read of the instance's exports: `wasm.<export>`.
walk(ast, (node) => {
  if (node.type !== "MemberExpression" || node.object.type !== "Identifier") return;
  if (node.object.name !== "wasm") return;
  if (node.computed) fail(`a computed read of the exports at ${node.start}`);
  const short = exports.get(node.property.name);
  if (!short) fail(`the glue reads wasm.${node.property.name}, which the Wasm does not export`);
  edits.push([node.property.start, node.property.end, short]);
});

// The entry point. wasm-bindgen exports `initSync` and an async `default` that also accepts a
// URL, a `Request` or a `Response` (with a fallback and its warnings for a server that does not
// send `application/wasm`). The loader only ever passes the module it compiled while streaming,
// so the export becomes one function that instantiates that module once, asynchronously (Chromium
// refuses a synchronous `new WebAssembly.Instance` of a large module on the main thread: over
// 4 KB in older versions, over 8 MB now), and returns the exports; called again, with or without a module, it gives the same
// promise. terser then drops the rest: 577 gzip bytes of glue.
const topFunctions = new Set(ast.body
  .filter((node) => node.type === "FunctionDeclaration")
  .map((node) => node.id.name));
for (const name of ["__wbg_get_imports", "__wbg_finalize_init"]) {
  if (!topFunctions.has(name)) fail(`no ${name} function in the glue`);
}
const entryExports = ast.body.filter((node) => node.type === "ExportNamedDeclaration" && !node.declaration);
const exported = entryExports.flatMap((node) => node.specifiers)
  .map((specifier) => `${specifier.local.name} as ${specifier.exported.name}`).sort().join(", ");
if (entryExports.length !== 1 || exported !== "__wbg_init as default, initSync as initSync") {
  fail(`the glue's entry points are ${exported || "(none)"}, not initSync and __wbg_init as default`);
}
edits.push([entryExports[0].start, entryExports[0].end, `let started;
function start(module) {
    return started ??= WebAssembly.instantiate(module, __wbg_get_imports())
        .then((instance) => __wbg_finalize_init(instance, module));
}
export { start as default };`]);

// The dropped imports go, and the renamings inside their functions with them.
const kept = edits
  .filter(([start, end]) => !dropped.some(({ from, to }) => start >= from && end <= to))
  .concat(dropped.map(({ from, to }) => [from, to, ""]));
let out = glue;
for (const [start, end, text] of kept.sort((a, b) => b[0] - a[0])) {
  out = out.slice(0, start) + text + out.slice(end);
}
writeFileSync(glueFile, out);
console.log(`minify-wasm-names: ${imports.size} imports, ${exports.size} exports renamed` +
  (dropped.length ? `; the glue's ${dropped.map(({ name }) => name).join(", ")} dropped (the Wasm no longer imports it)` : ""));
