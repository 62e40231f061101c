// A real large feed: 10,000 items as a news site publishes them (300-character summaries,
// images, two dates; 6.8 MB, bench/feed.mjs) are all kept and shown: the first slide, the
// position out of 10,000, and the last item one Previous away. The bundle's Wasm memory stays
// bounded once all are read: the text is not kept in it whole while the items are built.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open } from "./harness.mjs";
import { makeRealisticFeed } from "../bench/feed.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const feed = makeRealisticFeed(10_000);
/** Wasm memory allowed once the feed is read (about 8.1 MiB measured; 14.9 with the text kept). */
const MAX_WASM_BYTES = 12 * 1024 * 1024;

/** The shown slide's title and the position text, from the carousel's shadow root. */
function shown() {
  const root = document.querySelector("#large").shadowRoot;
  const slide = [...root.querySelectorAll("[aria-roledescription=slide]")].find((s) => !s.hidden);
  return {
    title: slide?.querySelector("h3")?.textContent.trim() ?? null,
    position: root.querySelector(".fw-carousel__position")?.textContent ?? null,
    status: root.textContent.includes("could not be loaded"),
  };
}

test("a realistic 10,000-item feed of 6.8 MB is shown whole", async () => {
  assert.ok(feed.bytes > 5_000_000, `${feed.bytes} bytes`);
  const { page, errors } = await open(env, "/e2e/pages/no-widget.html");
  await page.route("**/large-feed.json", (route) => route.fulfill({
    status: 200, contentType: "application/json", body: feed.body,
  }));
  // Its images are on a reserved name: answered at once, never looked up.
  await page.route(/^https?:\/\/[^/]*\.test\//, (route) => route.abort());
  await page.evaluate(async () => {
    const host = document.createElement("div");
    host.id = "large";
    document.body.append(host);
    await window.FeedWidgets.mount(host, "news-carousel", { src: "/large-feed.json", maxItems: 10000 });
  });
  await page.waitForFunction(() => {
    const root = document.querySelector("#large")?.shadowRoot;
    return root?.querySelector("[aria-roledescription=slide] h3") || root?.textContent.includes("could not be loaded");
  }, null, { timeout: 30_000 });
  const first = await page.evaluate(shown);
  assert.equal(first.status, false, "the feed is not refused");
  assert.equal(first.title, feed.firstTitle);
  assert.equal(first.position, "1 of 10,000");

  await page.evaluate(() => document.querySelector("#large").shadowRoot
    .querySelector("button[aria-label='Previous slide'], button.fw-carousel__previous").click());
  await page.waitForFunction((title) => {
    const root = document.querySelector("#large").shadowRoot;
    const slide = [...root.querySelectorAll("[aria-roledescription=slide]")].find((s) => !s.hidden);
    return slide?.querySelector("h3")?.textContent.trim() === title;
  }, feed.lastTitle, { timeout: 30_000 });
  assert.equal((await page.evaluate(shown)).position, "10,000 of 10,000");

  // The release build gives the Wasm's exports short names: find the memory by its type.
  const wasm = await page.evaluate(async () => {
    const exports = await (await import("/dist/feedwidgets.js")).default();
    return Object.values(exports).find((value) => value instanceof WebAssembly.Memory).buffer.byteLength;
  });
  console.log(`Wasm memory with ${feed.bytes} bytes of feed read whole: ${Math.round(wasm / 1024)} KiB`);
  assert.ok(wasm <= MAX_WASM_BYTES, `Wasm memory ${wasm} bytes`);
  assert.deepEqual(errors.filter((e) => !e.includes("ERR_FAILED") && !e.includes("net::")), []);
  await page.close();
});
