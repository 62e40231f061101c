// The release Wasm has a 128 KiB Rust stack (build.rs), not rustc's 1 MiB: feeds nested as
// deep as a feed can be are still read, or refused with the widget's message, in the built
// bundle, and the stack's deepest point stays far from its end. Rust's wasm32 stack comes first
// in memory, [0, top) growing down, and a fresh memory is zeros, so the lowest non-zero byte
// below `top` is as deep as the stack has been (bench/carousel/stack.mjs measures more inputs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { start, open } from "./harness.mjs";
import { stackTop } from "../scripts/wasm-stack.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const top = stackTop(readFileSync(new URL("../dist/feedwidgets_bg.wasm", import.meta.url)));

const DEPTH = 100_000;
const item = (i, extra = "") => `{"id":"${i}","url":"https://example.test/${i}","title":"Item ${i}","date_published":"2026-11-01T10:00:00Z"${extra}}`;
const feed = (items, extra = "") => `{"version":"https://jsonfeed.org/version/1.1","title":"Deep"${extra},"items":[${items.join(",")}]}`;
const FEEDS = {
  "an item's extension 100,000 arrays deep": [feed([item(0, `,"_x":${"[".repeat(DEPTH)}${"]".repeat(DEPTH)}`), item(1)]), "Item 0"],
  "an item's extension 31 objects deep (built whole)": [feed([item(0, `,"_x":${'{"a":'.repeat(31)}1${"}".repeat(31)}`), item(1)]), "Item 0"],
  "_widgets 100,000 objects deep": [feed([item(0)], `,"_widgets":${'{"a":'.repeat(DEPTH)}1${"}".repeat(DEPTH)}`), "Item 0"],
  "unbalanced, 100,000 deep": [feed([item(0, `,"_x":${'[{"a":'.repeat(DEPTH)}`)]), "could not be loaded"],
};

test("feeds nested 100,000 deep are read or refused by the release build, well within its stack", async () => {
  assert.ok(top >= 65 * 1024, `stack top ${top}`);
  const { page, errors } = await open(env, "/e2e/pages/no-widget.html");
  await page.route("**/deep-*.json", (route) => {
    const key = decodeURIComponent(new URL(route.request().url()).pathname).slice("/deep-".length, -".json".length);
    return route.fulfill({ status: 200, contentType: "application/json", body: FEEDS[key][0] });
  });
  for (const [key, [, expected]] of Object.entries(FEEDS)) {
    await page.evaluate(async (key) => {
      const host = document.createElement("div");
      host.dataset.key = key;
      document.body.append(host);
      await window.FeedWidgets.mount(host, "news-carousel", { src: `/deep-${encodeURIComponent(key)}.json` });
    }, key);
    const text = await page.waitForFunction((key) => {
      const root = [...document.querySelectorAll("div[data-key]")].find((d) => d.dataset.key === key)?.shadowRoot;
      const slide = root && [...root.querySelectorAll("[aria-roledescription=slide]")].find((s) => !s.hidden);
      const shown = slide?.querySelector("h3")?.textContent.trim();
      return shown || (root?.textContent.includes("could not be loaded") && "could not be loaded");
    }, key, { timeout: 30_000 });
    assert.equal(await text.jsonValue(), expected, key);
  }
  const deepest = await page.evaluate(async (top) => {
    const exports = await (await import("/dist/feedwidgets.js")).default();
    const memory = Object.values(exports).find((value) => value instanceof WebAssembly.Memory);
    const bytes = new Uint8Array(memory.buffer, 0, top);
    let low = 0;
    while (low < top && bytes[low] === 0) low++;
    return top - low;
  }, top);
  console.log(`deepest stack: ${deepest} of ${top} bytes`);
  assert.ok(deepest > 0 && deepest <= top / 4, `deepest stack ${deepest} of ${top} bytes`);
  // The unbalanced feed's refusal is logged; nothing else may be (a Wasm trap would be).
  assert.deepEqual(errors.filter((e) => !e.includes("the feed is not valid JSON")), []);
  await page.close();
});
