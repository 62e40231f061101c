// The release build runs wasm-opt with -lmu (--low-memory-unused), which is only safe while
// nothing lives in the low 1 KB of the Wasm's memory; scripts/check-low-memory.mjs fails the
// build when that stops holding. Here: it passes on the built dist/, and it refuses modules
// whose layout breaks the assumption (written as text and assembled with binaryen's wasm-as).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "./harness.mjs";

const check = (file) => spawnSync("node", [join(root, "scripts", "check-low-memory.mjs"), file], { encoding: "utf8" });

test("the built Wasm keeps the low 1 KB of memory free: statics and heap above the stack", () => {
  const result = check(join(root, "dist", "feedwidgets_bg.wasm"));
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, /stack \[0, \d+\), \d+ data segments from \d+/);
});

test("a module with data, an address or its stack in the low memory fails the check", () => {
  const dir = mkdtempSync(join(tmpdir(), "fw-low-memory-"));
  try {
    const cases = {
      "a data segment starts at 16": '(memory 17) (global (mut i32) (i32.const 1048576)) (data (i32.const 16) "x")',
      "an address global is 512": "(memory 17) (global (mut i32) (i32.const 1048576)) (global i32 (i32.const 512))",
      "the stack's top is 4096": '(memory 17) (global (mut i32) (i32.const 4096)) (data (i32.const 8192) "x")',
      "its memory is imported": '(import "env" "memory" (memory 17)) (global (mut i32) (i32.const 1048576))',
    };
    for (const [why, body] of Object.entries(cases)) {
      const wat = join(dir, "case.wat");
      const wasm = join(dir, "case.wasm");
      writeFileSync(wat, `(module ${body})`);
      execFileSync(join(root, "tools", "node_modules", ".bin", "wasm-as"), [wat, "-o", wasm]);
      const result = check(wasm);
      assert.equal(result.status, 1, `${why}: ${result.stdout}`);
      assert.ok(result.stderr.includes(why), `${why}: ${result.stderr}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
