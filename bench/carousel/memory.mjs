// Benchmark: the bundle's Wasm linear memory once a 10,000-item feed is read whole, for the
// trimmed feed (bench/feed.mjs makeFeed, 2.0 MB) and the realistic one (makeRealisticFeed,
// 6.8 MB: 300-character summaries, images, two dates). Not a test; not run in CI.
//
//   scripts/build.sh && node bench/carousel/memory.mjs
//
// Each load is cold (a fresh browser context). It waits for the first slide, then presses
// Previous (the carousel wraps) and waits for the last item's title: the feed's last item is
// read last, so the reading is over. Then it reads `memory.buffer.byteLength` of the bundle's
// own `WebAssembly.Memory` through the glue's init function, which resolves to the instance's
// exports once started (the same module instance as embed.js imported: same URL). A Wasm
// memory never shrinks, so this is the peak of the whole load. Environment: RUNS (default 3).
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../../tools/chromium.mjs";
import { makeFeed, makeRealisticFeed } from "../feed.mjs";
import { serveBench } from "../server.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const RUNS = Math.max(1, Number(process.env.RUNS ?? 3));
const feeds = new Map([[10, makeFeed(10)], [10000, makeFeed(10000)], ["10000r", makeRealisticFeed(10000)]]);

const page = (key) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>FeedWidgets carousel memory, ${key}</title>
<script type="module" src="/dist/embed.js"></script></head>
<body><main><h1>News</h1>
<fw-news-carousel src="/feed-${key}.json" max-items="10000"></fw-news-carousel>
</main></body>
</html>`;

const server = await serveBench({ pages: { memory: page }, feeds, mounts: [["/dist/", process.env.DIST ? resolve(process.env.DIST) : join(root, "dist")]] });
const browser = await launchChromium();

/** The shown slide's title in the carousel's shadow root, once it is `title`. */
function titleShown(title) {
  const root = document.querySelector("fw-news-carousel")?.shadowRoot;
  const shown = root && [...root.querySelectorAll(".fw-carousel__slide")].find((s) => !s.hidden);
  return shown?.querySelector(".fw-carousel__title")?.textContent.trim() === title;
}

async function measure(key) {
  const feed = feeds.get(key);
  const context = await browser.newContext();
  // The realistic feed's images are on a reserved name: answered at once, never looked up.
  await context.route("http://*.test/**", (route) => route.abort());
  await context.route("https://*.test/**", (route) => route.abort());
  const tab = await context.newPage();
  try {
    await tab.goto(`${server.base}/memory-${key}.html`);
    await tab.waitForFunction(titleShown, feed.firstTitle, { timeout: 60_000 });
    const first = await tab.evaluate(async () => Object.values(await (await import("/dist/feedwidgets.js")).default()).find((v) => v instanceof WebAssembly.Memory).buffer.byteLength);
    await tab.evaluate(() => [...document.querySelector("fw-news-carousel").shadowRoot.querySelectorAll("button")]
      .find((b) => b.classList.contains("fw-carousel__previous"))?.click());
    await tab.waitForFunction(titleShown, feed.lastTitle, { timeout: 60_000 });
    const position = await tab.evaluate(() => document.querySelector("fw-news-carousel").shadowRoot
      .querySelector(".fw-carousel__position").textContent);
    const whole = await tab.evaluate(async () => Object.values(await (await import("/dist/feedwidgets.js")).default()).find((v) => v instanceof WebAssembly.Memory).buffer.byteLength);
    return { first, whole, position };
  } finally {
    await context.close();
  }
}

const kib = (bytes) => `${Math.round(bytes / 1024).toLocaleString("en-US")} KiB`;
const version = browser.version();
const lines = ["| feed | bytes | bytes per item | Wasm memory at the first slide | once read whole | position shown |",
  "| --- | ---: | ---: | ---: | ---: | --- |"];
try {
  for (const [key, feed] of feeds) {
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) runs.push(await measure(key));
    const max = (k) => Math.max(...runs.map((r) => r[k]));
    const min = (k) => Math.min(...runs.map((r) => r[k]));
    const cell = (k) => (min(k) === max(k) ? kib(max(k)) : `${kib(min(k))}–${kib(max(k))}`);
    const items = parseInt(key, 10);
    lines.push(`| ${typeof key === "number" ? "trimmed" : "realistic"}, ${items.toLocaleString("en-US")} items | ${feed.bytes.toLocaleString("en-US")} | ${Math.round(feed.bytes / items)} | ${cell("first")} | ${cell("whole")} | ${runs[0].position} |`);
  }
} finally {
  await browser.close();
  server.close();
}
console.log(lines.join("\n"));
console.log(`\n${RUNS} cold loads per feed; Chromium ${version}, node ${process.version}.`);
