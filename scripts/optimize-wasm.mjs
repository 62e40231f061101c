#!/usr/bin/env node
// Optimizes the Wasm wasm-bindgen wrote, in release builds (scripts/minify-js.sh, and
// bench/yew-floor/build.sh for its floor): first the panic path becomes a trap, then
// `wasm-opt -Oz` runs with the flags below.
//   node scripts/optimize-wasm.mjs IN [OUT [FLAG...]]   (OUT defaults to IN; FLAGs: more
//                                                       wasm-opt flags, run in the same pass)
//
// A panic. The bundle is built with `panic = "abort"`, so a panic already ends in a trap
// (`unreachable`), after std's panic machinery has formatted its message for the hook Yew
// installs (console_error_panic_hook, which logs it). Nightly Rust can leave that machinery
// out (`-C panic=immediate-abort` with `-Z build-std`), but CI builds with the stable
// toolchain. So this does the same to the module: the functions every panic and every failed
// allocation go through trap at once, and wasm-opt then removes what only they reached: the
// message formatting, the hook and the payloads, and the argument set-up at most call sites
// (README, Size, gives the bytes). A panic still stops the bundle at the same point, as a
// `RuntimeError: unreachable` in the console, without Rust's message. Debug builds (and the
// wasm-bindgen-test runs) keep the message.
//
// binaryen.js (the npm `binaryen` package that also provides wasm-opt) finds the functions
// by the names rustc writes into the name section; the build stops with a message when one
// is missing, which a new Rust or Yew release would show.
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const modules = join(root, "tools", "node_modules");
const { default: binaryen } = await import(join(modules, "binaryen", "index.js"));

/**
 * wasm-opt's flags after -Oz, each measured in gzip bytes (README, Size): -ocimfs 20 inlines a
 * function that has one caller only when it is small; -lmu assumes the low 1 KB of memory is
 * unused, which scripts/check-low-memory.mjs checks on every release build; the producers
 * section is of no use to a browser. The target-features section goes in
 * scripts/minify-wasm-names.mjs, whose pass still needs it.
 */
const WASM_OPT_FLAGS = ["-Oz", "-ocimfs", "20", "--converge", "-lmu", "--strip-producers"];

/** A crate's disambiguator in a v0-demangled name: `core[c5930c85a12de822]`. */
const CRATE = "\\[[0-9a-f]+\\]";

/**
 * The functions that trap, each with why it may: every one of them is entered only once a
 * panic or a failed allocation has begun, and none returns. `required` ones must be found.
 */
const TRAPS = [
  // Every formatted panic of core, alloc, Yew and ours, bounds checks and unwraps included.
  { name: `^core${CRATE}::panicking::panic_fmt$`, required: true },
  // std's own panics (`begin_panic`) and the handler panic_fmt ends in: runs the hook.
  { name: `^std${CRATE}::panicking::panic_with_hook$`, required: true },
  // An allocation that failed (`handle_alloc_error`): prints, then aborts.
  { name: `^std${CRATE}::alloc::rust_oom$`, required: true },
  // Called only by panic_with_hook, through the pointers Yew's renderer installs and std's
  // payloads carry, which wasm-opt cannot see are dead once it traps.
  { name: "^console_error_panic_hook::hook::h[0-9a-f]+$", required: true },
  // (LLVM may have inlined this one into the hook.)
  { name: `^<std${CRATE}::panic::PanicHookInfo as core${CRATE}::fmt::Display>::fmt$`, required: false },
  {
    name:
      `^<std${CRATE}::panicking::(panic_handler::(FormatString|StaticStr)Payload|begin_panic::Payload<.*>)` +
      ` as core${CRATE}::(panic::PanicPayload|fmt::Display)>::`,
    required: false,
  },
];

/** Installs the hook above, which no panic calls any more: left empty. */
const EMPTIED = [{ name: "^yew::renderer::set_default_panic_hook::h[0-9a-f]+$", required: false }];

const fail = (why) => {
  console.error(`optimize-wasm: ${why}`);
  process.exit(1);
};

/** The module's own functions (an import has no body), each with its name. */
function definedFunctions(module) {
  const functions = [];
  for (let i = 0; i < module.getNumFunctions(); i++) {
    const func = module.getFunctionByIndex(i);
    const info = binaryen.getFunctionInfo(func);
    if (!info.module) functions.push({ func, name: info.name });
  }
  return functions;
}

/** Replaces the bodies of the `functions` that `rules` name, by `body()`; fails on a missing one. */
function rewrite(functions, rules, body) {
  const patterns = rules.map((rule) => ({ ...rule, regex: new RegExp(rule.name), found: 0 }));
  for (const { func, name } of functions) {
    const rule = patterns.find((pattern) => pattern.regex.test(name));
    if (!rule) continue;
    rule.found++;
    binaryen.Function.setBody(func, body());
  }
  for (const rule of patterns) {
    if (rule.required && rule.found === 0) {
      fail(`no function matches ${rule.name}: has a Rust or Yew update renamed it? Update TRAPS.`);
    }
  }
}

/** The panic path made a trap in `bytes`, a module whose name section is still there. */
function trapPanics(bytes) {
  const module = binaryen.readBinary(bytes);
  const functions = definedFunctions(module);
  // binaryen numbers the functions a name section does not name.
  if (functions.every(({ name }) => /^\d+$/.test(name))) {
    fail("the module has no function names: run this before anything strips them");
  }
  rewrite(functions, TRAPS, () => module.unreachable());
  rewrite(functions, EMPTIED, () => module.nop());
  if (!module.validate()) fail("the rewritten module does not validate");
  const out = module.emitBinary();
  module.dispose();
  return out;
}

const [input, output = input, ...more] = process.argv.slice(2);
if (!input) {
  console.error("usage: optimize-wasm.mjs IN [OUT [FLAG...]]");
  process.exit(2);
}
writeFileSync(output, trapPanics(readFileSync(input)));
execFileSync(join(modules, ".bin", "wasm-opt"), [output, ...WASM_OPT_FLAGS, ...more, "-o", output], {
  stdio: "inherit",
});
