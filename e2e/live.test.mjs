// End-to-end checks of the widget elements the loader defines: properties that reflect
// attributes, methods called before the bundle has started (queued, then applied in order),
// the `pending` custom state, and attributes changed after mount, on the built bundle.
// Run: node --test e2e/live.test.mjs (after scripts/build.sh).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open, waitInShadow } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const region = (page) => page.evaluate(() => {
  const section = document.getElementById("carousel").shadowRoot.querySelector("section[aria-roledescription]");
  return section && { name: section.getAttribute("aria-label"), position: section.querySelector(".fw-carousel__position").textContent };
});

test("calls and properties before the bundle starts are kept and applied in order", async () => {
  const { page, errors } = await open(env, "/e2e/pages/live.html");
  const early = await page.evaluate(() => window.early);
  assert.equal(early.started, true, "the methods exist before the bundle");
  assert.equal(early.pending, true, "a connected element waits in the pending state");
  assert.equal(early.index, 0);
  assert.equal(early.fallbackShown, true, "the server-rendered item shows before the bundle");
  assert.equal(early.autoplayAttribute, "false", "a boolean property writes the attribute");
  await waitInShadow(page, "#carousel", ".fw-carousel__title");
  // goTo(2) then previous(): the second slide, in the label the early property set.
  await page.waitForFunction(() => document.getElementById("carousel").currentIndex === 1);
  assert.deepEqual(await region(page), { name: "Early news", position: "2 of 3" });
  assert.equal(await page.evaluate(() => document.getElementById("carousel").matches(":state(pending)")), false,
    "the pending state goes once the widget rendered");
  // A property set before the element was defined reaches the widget too.
  await waitInShadow(page, "#feedback", "legend");
  assert.equal(await page.evaluate(() => document.getElementById("feedback").shadowRoot.querySelector("legend").textContent),
    "Was this page useful?");
  assert.equal(await page.evaluate(() => document.getElementById("feedback").getAttribute("question")), "Was this page useful?");
  assert.deepEqual(errors, []);
  await page.close();
});

test("properties reflect attributes, and changes after mount update the widget in place", async () => {
  const { page, errors } = await open(env, "/e2e/pages/live.html");
  await waitInShadow(page, "#carousel", ".fw-carousel__title");
  const reflected = await page.evaluate(() => {
    const carousel = document.getElementById("carousel");
    carousel.setAttribute("max-items", "2");
    carousel.perView = 2;
    carousel.autoplay = true;
    const seen = { maxItems: carousel.maxItems, perView: carousel.getAttribute("per-view"), autoplay: carousel.autoplay,
      attribute: carousel.getAttribute("autoplay") };
    carousel.autoplay = null;
    carousel.lang = "fr";
    seen.afterRemoval = carousel.hasAttribute("autoplay");
    seen.root = carousel.shadowRoot.querySelector(".fw-root") !== null;
    window.root = carousel.shadowRoot.querySelector(".fw-root");
    return seen;
  });
  assert.deepEqual(reflected, { maxItems: "2", perView: "2", autoplay: true, attribute: "", afterRemoval: false, root: true });
  await page.waitForFunction(() =>
    document.getElementById("carousel").shadowRoot.querySelector("section")?.getAttribute("lang") === "fr");
  const after = await page.evaluate(() => {
    const carousel = document.getElementById("carousel");
    return { same: carousel.shadowRoot.querySelector(".fw-root") === window.root,
      position: carousel.shadowRoot.querySelector(".fw-carousel__position").textContent };
  });
  assert.equal(after.same, true, "updated in place, not mounted again");
  assert.match(after.position, /sur 2$/, "two items at most, in French");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the fallback children show until the carousel renders, then are hidden", async () => {
  const { page, errors } = await open(env, "/e2e/pages/live.html");
  await waitInShadow(page, "#carousel", ".fw-carousel__title");
  const hidden = await page.evaluate(() => document.getElementById("carousel-fallback").getClientRects().length === 0);
  assert.equal(hidden, true, "the server-rendered item is hidden once the widget shows");
  assert.deepEqual(errors, []);
  await page.close();
});

test("show() on a page with only a disclaimer starts the bundle and shows the banner", async () => {
  const { page, requests, errors } = await open(env, "/e2e/pages/disclaimer.html");
  assert.equal(requests.filter((r) => r.endsWith(".wasm")).length, 0, "untranslated: no Wasm yet");
  await page.evaluate(() => document.getElementById("disclaimer").show());
  await waitInShadow(page, "#disclaimer", "[role=region]");
  assert.equal(requests.filter((r) => r.endsWith(".wasm")).length, 1);
  await page.evaluate(() => document.getElementById("disclaimer").dismiss());
  await page.waitForFunction(() => !document.getElementById("disclaimer").shadowRoot.querySelector("[role=region]"));
  assert.deepEqual(errors, []);
  await page.close();
});
