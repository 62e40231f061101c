// The release build gives the Wasm's imports and exports one- or two-letter names and renames
// the wasm-bindgen glue to match (scripts/minify-wasm-names.mjs). A name the glue and the Wasm
// disagree on fails at instantiation (an import) or only when that path runs (an export), so
// both are checked here on the built dist/ itself, after terser: the import object the glue
// hands to `WebAssembly.instantiate` holds exactly the Wasm's imports, and every property the glue
// reads off the instance's exports is one the Wasm exports. The other e2e suites run the result.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "./harness.mjs";

const dist = join(root, "dist");
const { parse } = createRequire(join(root, "tools", "package.json"))("acorn");
const wasm = new WebAssembly.Module(readFileSync(join(dist, "feedwidgets_bg.wasm")));

test("the glue's import object holds exactly the Wasm's imports, under their short names", async () => {
  class Captured extends Error {}
  let imports;
  const instantiate = WebAssembly.instantiate;
  // Only the bundle's module: node's own fetch instantiates its HTTP parser the same way.
  WebAssembly.instantiate = async (module, given) => {
    if (module !== wasm) return instantiate(module, given);
    imports = given;
    throw new Captured();
  };
  try {
    const glue = await import(pathToFileURL(join(dist, "feedwidgets.js")).href);
    // The one entry point (the rewrite's `start`): the loader's compiled module, instantiated
    // once; a second call, as the benchmarks make to reach the exports, gets the same promise.
    const started = glue.default(wasm);
    assert.equal(glue.default(), started);
    await assert.rejects(started, Captured);
    assert.equal(glue.initSync, undefined, "wasm-bindgen's initSync is left out");
  } finally {
    WebAssembly.instantiate = instantiate;
  }
  const provided = Object.entries(imports)
    .flatMap(([module, object]) => Object.keys(object).map((name) => `${module} ${name}`))
    .sort();
  const wanted = WebAssembly.Module.imports(wasm).map(({ module, name }) => `${module} ${name}`).sort();
  assert.deepEqual(provided, wanted);
  for (const { module, name, kind } of WebAssembly.Module.imports(wasm)) {
    if (kind === "function") assert.equal(typeof imports[module][name], "function", `${module} ${name}`);
  }
  // Minified: no wasm-bindgen name (`__wbg_…_<hash>`) is left on either side.
  assert.ok(wanted.every((entry) => entry.length <= 6), `long import names: ${wanted.filter((e) => e.length > 6).slice(0, 3)}, …`);
});

test("every export the glue reads is one the Wasm exports", () => {
  const source = readFileSync(join(dist, "feedwidgets.js"), "utf8");
  const ast = parse(source, { ecmaVersion: "latest", sourceType: "module" });
  const nodes = [];
  const walk = (node) => {
    if (!node || typeof node.type !== "string") return;
    nodes.push(node);
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === "object") walk(value);
    }
  };
  walk(ast);
  // The glue keeps the exports in one module-level variable: `<wasm> = <instance>.exports`.
  const holders = nodes
    .filter((n) => n.type === "AssignmentExpression" && n.right.type === "MemberExpression"
      && !n.right.computed && n.right.property.name === "exports" && n.left.type === "Identifier")
    .map((n) => n.left.name);
  assert.equal(new Set(holders).size, 1, `variables given the exports: ${holders}`);
  const [holder] = holders;
  // terser may reuse that name for a local elsewhere: count reads only where no function
  // between the read and the module declares the name itself.
  const declares = (fn) => fn.params.some((p) => p.type === "Identifier" && p.name === holder)
    || nodes.some((n) => n.type === "VariableDeclarator" && n.id.name === holder
      && n.start > fn.start && n.end < fn.end);
  const functions = nodes.filter((n) => /Function/.test(n.type));
  const read = new Set();
  for (const n of nodes) {
    if (n.type !== "MemberExpression" || n.object.type !== "Identifier" || n.object.name !== holder) continue;
    if (functions.some((fn) => fn.start < n.start && n.end < fn.end && declares(fn))) continue;
    assert.ok(!n.computed, `a computed read of the exports at ${n.start}`);
    read.add(n.property.name);
  }
  const exported = new Set(WebAssembly.Module.exports(wasm).map((e) => e.name));
  assert.ok(read.size >= 10, `only ${read.size} export reads found: ${[...read]}`);
  assert.deepEqual([...read].filter((name) => !exported.has(name)), []);
  assert.ok([...exported].every((name) => name.length <= 2), `long export names: ${[...exported].slice(0, 3)}, …`);
});
