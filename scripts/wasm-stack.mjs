// The initial stack pointer of a built Wasm module, shared by the deep-feed e2e test and
// bench/carousel/stack.mjs, which both measure how deep the stack goes against its top.

/** The initial `__stack_pointer`: the first mutable i32 global with a constant value. */
export function stackTop(bytes) {
  let at = 8;
  const u32 = () => {
    let result = 0, shift = 0, byte;
    do { byte = bytes[at++]; result |= (byte & 0x7f) << shift; shift += 7; } while (byte & 0x80);
    return result >>> 0;
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const end = u32() + at;
    if (id === 6) {
      for (let n = u32(); n > 0; n--) {
        const type = bytes[at++];
        const mutable = bytes[at++] === 1;
        if (bytes[at] === 0x41) {
          at++;
          const value = u32();
          if (type === 0x7f && mutable) return value;
        }
        while (bytes[at++] !== 0x0b);
      }
    }
    at = end;
  }
  throw new Error("no stack pointer global");
}
