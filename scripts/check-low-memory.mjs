#!/usr/bin/env node
// Checks what `wasm-opt -lmu` (--low-memory-unused, index.html) assumes of the built Wasm: that
// nothing the program keeps lives in the low 1 KB of its linear memory, so folding `x + C`
// (C < 1024) into a load's or store's offset cannot change where a correct access goes.
//   node scripts/check-low-memory.mjs FILE.wasm
// It reads the binary itself (sections 2, 5, 6, 11) and fails, naming the reason, when:
// - the memory is imported (the page could then have put anything anywhere);
// - a data segment starts below 1024 or below the stack's top: Rust's wasm32 target links
//   with --stack-first, so the stack is [0, top) growing down and the statics, then the heap
//   (__heap_base and every address global), come after it;
// - an address global (an immutable i32: __data_end, __heap_base) is below the stack's top;
// - the stack's top (the first mutable i32 global, __stack_pointer) is under 1024 + 64 KiB,
//   i.e. the low 1 KB could be reached by any stack but one close to overflowing.
import { readFileSync } from "node:fs";

const LOW = 1024;
const MIN_STACK = 64 * 1024;
const file = process.argv[2];
if (!file) {
  console.error("usage: check-low-memory.mjs FILE.wasm");
  process.exit(2);
}
const bytes = readFileSync(file);
const fail = (why) => {
  console.error(`check-low-memory: ${file}: ${why}; drop -lmu from index.html or fix the layout`);
  process.exit(1);
};
if (bytes.readUInt32LE(0) !== 0x6d736100) fail("not a Wasm module");

let at = 8;
const u32 = () => {
  let result = 0, shift = 0, byte;
  do { byte = bytes[at++]; result |= (byte & 0x7f) << shift; shift += 7; } while (byte & 0x80);
  return result >>> 0;
};
const s32 = () => {
  let result = 0, shift = 0, byte;
  do { byte = bytes[at++]; result |= (byte & 0x7f) << shift; shift += 7; } while (byte & 0x80);
  return shift < 32 && byte & 0x40 ? result | (-1 << shift) : result;
};
const name = () => { const n = u32(); const s = bytes.toString("utf8", at, at + n); at += n; return s; };
/** An `i32.const N; end` constant expression; null for anything else. */
const constExpr = () => {
  if (bytes[at] !== 0x41) { while (bytes[at++] !== 0x0b); return null; }
  at++;
  const value = s32();
  return bytes[at++] === 0x0b ? value >>> 0 : null;
};

const globals = []; // { mutable, value } of the i32 globals with constant initial values
const segments = []; // offsets of the active data segments (null: not a constant)
let definesMemory = false;
while (at < bytes.length) {
  const id = bytes[at++];
  const size = u32();
  const end = at + size;
  if (id === 2) {
    for (let n = u32(); n > 0; n--) {
      name(); name();
      const kind = bytes[at++];
      if (kind === 2) fail("its memory is imported");
      if (kind === 0) u32();
      else if (kind === 1) { at++; const flags = u32(); u32(); if (flags & 1) u32(); }
      else if (kind === 3) { at += 2; }
      else if (kind === 4) { at++; u32(); }
      else fail(`unknown import kind ${kind}`);
    }
  } else if (id === 5) {
    definesMemory = u32() > 0;
  } else if (id === 6) {
    for (let n = u32(); n > 0; n--) {
      const type = bytes[at++];
      const mutable = bytes[at++] === 1;
      const value = constExpr();
      if (type === 0x7f && value !== null) globals.push({ mutable, value });
    }
  } else if (id === 11) {
    for (let n = u32(); n > 0; n--) {
      const flags = u32();
      if (flags === 1) { const length = u32(); at += length; continue; } // passive: placed by memory.init at run time
      if (flags === 2) u32();
      segments.push(constExpr());
      const length = u32(); // read first: `at += u32()` would add to the old `at`
      at += length;
    }
  }
  at = end;
}

if (!definesMemory) fail("it defines no memory");
const stack = globals.find((g) => g.mutable && g.value >= LOW);
if (!stack) fail("no stack pointer global found");
const top = stack.value;
if (top < LOW + MIN_STACK) fail(`the stack's top is ${top}, under ${LOW + MIN_STACK}`);
for (const offset of segments) {
  if (offset === null) fail("a data segment has a non-constant offset");
  if (offset < top) fail(`a data segment starts at ${offset}, below the stack's top ${top}`);
}
for (const g of globals.filter((g) => !g.mutable)) {
  if (g.value < top) fail(`an address global is ${g.value}, below the stack's top ${top}`);
}
console.log(
  `check-low-memory: stack [0, ${top}), ${segments.length} data segments from ${Math.min(...segments)}: ` +
    `nothing but the stack's last 1 KB is below ${LOW}`,
);
