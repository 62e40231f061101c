// How deep the bundle's Rust stack goes, on the inputs that nest the most. Not a test: it
// measures what the link-time stack size (build.rs, `-zstack-size`) must leave room for.
//
// Rust's wasm32 target puts the stack first, [0, top), growing down, and a fresh linear memory
// is all zeros. So after a load, the lowest non-zero byte below `top` is the deepest the stack
// has been (its high-water mark; a frame that wrote only zeros would hide, so the figure is a
// lower bound within a frame). `top` is the initial `__stack_pointer`, the first mutable i32
// global of the built module, read from the binary as scripts/check-low-memory.mjs does.
//
//   scripts/build.sh && node bench/carousel/stack.mjs
//
// Every page has all three widgets (on a translated page, so the disclaimer runs too) on one
// feed, and steps through the carousel, rates, and opens the comment, so that each widget's
// code runs. The feeds: the benchmark's 10 and 10,000 items; items and `_widgets` nested as
// deep as the reader builds (MAX_DEPTH, 32) and far deeper (100,000 levels, checked without
// recursion); unbalanced deep text; and every fuzz regression of the feed reader.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../../tools/chromium.mjs";
import { makeFeed } from "../feed.mjs";
import { serveBench } from "../server.mjs";
import { stackTop } from "../../scripts/wasm-stack.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const dist = process.env.DIST ? resolve(process.env.DIST) : join(root, "dist");

const top = stackTop(readFileSync(join(dist, "feedwidgets_bg.wasm")));

const item = (i, extra = "") => `{"id":"${i}","url":"https://example.test/${i}","title":"Item ${i}","summary":"Summary ${i}","date_published":"2026-11-01T10:00:00Z"${extra}}`;
const feed = (items, extra = "") => `{"version":"https://jsonfeed.org/version/1.1","title":"Deep"${extra},"items":[${items.join(",")}]}`;
const nest = (depth, open, close, inner = "1") => open.repeat(depth) + inner + close.repeat(depth);
const texts = {
  "10 items": makeFeed(10).body,
  "10,000 items": makeFeed(10000).body,
  "an item's extension 31 objects deep": feed([item(0, `,"_x":${nest(31, '{"a":', "}")}`), item(1)]),
  "an item's extension 32 arrays deep": feed([item(0, `,"_x":${nest(32, "[", "]")}`), item(1)]),
  "an item's extension 100,000 arrays deep": feed([item(0, `,"_x":${nest(100000, "[", "]")}`), item(1)]),
  "_widgets 100,000 objects deep": feed([item(0), item(1)], `,"_widgets":${nest(100000, '{"a":', "}")}`),
  "items 100,000 arrays deep": `{"version":"https://jsonfeed.org/version/1.1","title":"Deep","items":${nest(100000, "[", "]", "")}}`,
  "unbalanced, 100,000 deep": feed([item(0, `,"_x":${"[{\"a\":".repeat(100000)}`)]),
};
const regressions = join(root, "fuzz", "regressions", "feed_parse");
for (const file of readdirSync(regressions)) texts[`fuzz regression ${file}`] = readFileSync(join(regressions, file), "utf8");

const keys = Object.keys(texts);
const feeds = new Map(keys.map((key, i) => [i, { body: texts[key] }]));
const pages = {};
const page = (i) => `<!doctype html>
<html lang="en" class="translated-ltr">
<head><meta charset="utf-8"><title>stack ${i}</title>
<script type="module" src="/dist/embed.js"></script></head>
<body><main><h1>News</h1>
<fw-disclaimer src="/feed-${i}.json"></fw-disclaimer>
<fw-news-carousel src="/feed-${i}.json" max-items="10000"></fw-news-carousel>
<fw-feedback src="/feed-${i}.json" endpoint="https://collector.test/feedback" comment></fw-feedback>
</main></body>
</html>`;
pages.stack = page;
const server = await serveBench({ pages, feeds, mounts: [["/dist/", dist]] });
const browser = await launchChromium();

console.log(`stack top (initial __stack_pointer): ${top.toLocaleString("en-US")} bytes`);
console.log("| input | deepest stack, bytes | carousel shows |\n| --- | ---: | --- |");
let deepest = 0;
try {
  for (const [i, key] of keys.entries()) {
    const context = await browser.newContext();
    await context.route(/^https?:\/\/[^/]*\.test\//, (route) => route.fulfill({ status: 204 }));
    const tab = await context.newPage();
    const errors = [];
    tab.on("pageerror", (error) => errors.push(String(error)));
    tab.on("console", (m) => { if (m.type() === "error" && /unreachable|out of bounds|RuntimeError|overflow/i.test(m.text())) errors.push(m.text()); });
    await tab.goto(`${server.base}/stack-${i}.html`);
    await tab.evaluate(() => window.FeedWidgets.ready());
    await tab.waitForLoadState("networkidle");
    // Use each widget a little: the carousel's buttons, a rating, the comment box.
    const carousel = tab.locator("fw-news-carousel");
    for (const name of ["Next", "Previous"]) {
      const button = carousel.getByRole("button", { name, exact: false }).first();
      if (await button.count()) await button.click({ timeout: 1000 }).catch(() => {});
    }
    const star = tab.locator("fw-feedback").getByRole("radio").nth(3);
    if (await star.count()) await star.check({ timeout: 1000, force: true }).catch(() => {});
    await tab.waitForLoadState("networkidle");
    const used = await tab.evaluate(async (top) => {
      const exports = await (await import("/dist/feedwidgets.js")).default();
      const memory = Object.values(exports).find((v) => v instanceof WebAssembly.Memory);
      const bytes = new Uint8Array(memory.buffer, 0, top);
      let low = 0;
      while (low < top && bytes[low] === 0) low++;
      return top - low;
    }, top);
    const shown = (await carousel.evaluate((el) => el.shadowRoot?.textContent ?? "")).replace(/\s+/g, " ").trim().slice(0, 40);
    deepest = Math.max(deepest, used);
    console.log(`| ${key} | ${used.toLocaleString("en-US")} | ${shown.replace(/\|/g, "/")}${errors.length ? ` **errors: ${errors.join("; ")}**` : ""} |`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`\ndeepest: ${deepest.toLocaleString("en-US")} bytes of ${top.toLocaleString("en-US")}`);
