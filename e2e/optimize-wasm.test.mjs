// scripts/optimize-wasm.mjs makes the panic path of the release Wasm a trap before wasm-opt.
// Here on small modules built with binaryen.js and named the way rustc names std's functions:
// what a panic reached goes, a call that does not panic still returns what it did, one that
// panics still stops with a trap, and a module whose names do not match fails the build.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "./harness.mjs";

const { default: binaryen } = await import(join(root, "tools", "node_modules", "binaryen", "index.js"));
const { i32, none } = binaryen;

const PANIC_FMT = "core[c5930c85a12de822]::panicking::panic_fmt";
const WITH_HOOK = "std[a543996e6e7dbf1e]::panicking::panic_with_hook";
const OOM = "std[a543996e6e7dbf1e]::alloc::rust_oom";
const HOOK = "console_error_panic_hook::hook::ha469e6000eace18a";
const HOOK_INFO = "<std[a543996e6e7dbf1e]::panic::PanicHookInfo as core[c5930c85a12de822]::fmt::Display>::fmt";

/**
 * A module like the bundle's: `get(i)` reads slot `i` of four and panics past them through
 * panic_fmt, which formats through an import (the page's `console.error`) and then traps; the
 * hook sits in the function table, as Yew's installed hook does. `names` are the functions it has.
 */
function module(names = [PANIC_FMT, WITH_HOOK, OOM, HOOK, HOOK_INFO]) {
  const m = new binaryen.Module();
  m.setFeatures(binaryen.Features.MVP | binaryen.Features.MutableGlobals);
  m.setMemory(17, -1, "memory", [{ offset: m.i32.const(131072), data: new Uint8Array([7, 0, 0, 0, 8, 0, 0, 0, 9, 0, 0, 0, 10, 0, 0, 0]) }]);
  m.addFunctionImport("log", "env", "log", binaryen.createType([i32]), none);
  const trapAfterLog = () => m.block(null, [m.call("log", [m.local.get(0, i32)], none), m.unreachable()]);
  for (const name of names) {
    m.addFunction(name, binaryen.createType([i32]), none, [], trapAfterLog());
  }
  const panicking = names.includes(PANIC_FMT) ? PANIC_FMT : names[0];
  m.addFunction("feedwidgets::get", binaryen.createType([i32]), i32, [], m.block(null, [
    m.if(m.i32.ge_u(m.local.get(0, i32), m.i32.const(4)), m.call(panicking, [m.i32.const(131072)], none)),
    m.i32.load(0, 4, m.i32.add(m.i32.const(131072), m.i32.shl(m.local.get(0, i32), m.i32.const(2)))),
  ], i32));
  m.addTable("table", 2, 2);
  m.addActiveElementSegment("table", "elements", names.filter((name) => name === HOOK || name === HOOK_INFO), m.i32.const(0));
  m.addFunctionExport("feedwidgets::get", "get");
  assert.ok(m.validate(), "the test module validates");
  binaryen.setDebugInfo(true); // keep the name section, as the release build's Wasm has it
  const bytes = m.emitBinary();
  binaryen.setDebugInfo(false);
  m.dispose();
  return bytes;
}

/** Runs the script on `bytes`; gives its result and, when it passed, the module it wrote. */
function optimize(bytes) {
  const dir = mkdtempSync(join(tmpdir(), "fw-optimize-wasm-"));
  try {
    const file = join(dir, "case.wasm");
    writeFileSync(file, bytes);
    const result = spawnSync("node", [join(root, "scripts", "optimize-wasm.mjs"), file], { encoding: "utf8" });
    return { ...result, out: result.status === 0 ? readFileSync(file) : null };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the panic path traps at once: its formatting, its import and the hook in the table go", async () => {
  const { status, stderr, out } = optimize(module());
  assert.equal(status, 0, stderr);
  const compiled = await WebAssembly.compile(out);
  assert.deepEqual(WebAssembly.Module.imports(compiled), [], "the console import went with the panic path");
  const { exports } = await WebAssembly.instantiate(compiled);
  assert.equal(exports.get(0), 7, "a read that does not panic returns what it did");
  assert.equal(exports.get(3), 10);
  assert.throws(() => exports.get(4), (error) => error instanceof WebAssembly.RuntimeError && /unreachable/.test(error.message));
  // Before the rewrite, the same module logs on the way to its trap.
  const logged = [];
  const before = await WebAssembly.instantiate(await WebAssembly.compile(module()), { env: { log: (at) => logged.push(at) } });
  assert.throws(() => before.exports.get(4), WebAssembly.RuntimeError);
  assert.deepEqual(logged, [131072]);
});

test("a module without one of the functions the rewrite needs fails the build and names it", () => {
  const { status, stderr } = optimize(module([PANIC_FMT, WITH_HOOK, HOOK, HOOK_INFO]));
  assert.equal(status, 1);
  assert.match(stderr, /no function matches .*alloc::rust_oom/);
});

test("a module whose names are gone fails the build rather than keeping the panic path", () => {
  const m = binaryen.readBinary(module());
  const stripped = m.emitBinary(); // debug info off: no name section
  m.dispose();
  const { status, stderr } = optimize(stripped);
  assert.equal(status, 1);
  assert.match(stderr, /no function names/);
});
