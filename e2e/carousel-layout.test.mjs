// The carousel on real sites: one height while it rotates (no layout shift below it, measured
// with a PerformanceObserver), and no WCAG 2.2 AA violation in its layout states (per-view
// cards with a long title and a broken image, disabled and absent navigation, a carousel shown
// after starting inside display:none), in English and Arabic, at 375 and 1280 px.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open, waitInShadow, audit } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const FEED = "/e2e/pages/carousel-layout.json";

/** Mounts a carousel with `options` into a new `<div id>` (inside `parent`, else `<body>`). */
function mount(page, id, options, parent = null) {
  return page.evaluate(async ([id, options, parent]) => {
    const host = document.createElement("div");
    host.id = id;
    (parent ? document.getElementById(parent) : document.body).append(host);
    await window.FeedWidgets.mount(host, "news-carousel", options);
  }, [id, options, parent]);
}

for (const width of [375, 1280]) {
  test(`rotation moves nothing below the carousel (${width} px)`, async () => {
    const { page, errors } = await open(env, "/e2e/pages/no-widget.html", { bypassCSP: true });
    await page.setViewportSize({ width, height: 800 });
    await mount(page, "rotating", { src: FEED, autoplay: true, interval: 2000 });
    await page.evaluate(() => {
      const below = document.createElement("p");
      below.id = "below";
      below.textContent = "Content below the carousel";
      document.body.append(below);
    });
    await waitInShadow(page, "#rotating", ".fw-carousel__title");
    await page.waitForTimeout(300);
    const shift = await page.evaluate(() => new Promise((resolve) => {
      let total = 0;
      const tops = new Set();
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
      }).observe({ type: "layout-shift" });
      const position = () => document.querySelector("#rotating").shadowRoot.querySelector(".fw-carousel__position").textContent;
      const seen = new Set([position()]);
      const timer = setInterval(() => {
        seen.add(position());
        tops.add(Math.round(document.getElementById("below").getBoundingClientRect().top));
      }, 100);
      setTimeout(() => { clearInterval(timer); resolve({ total, tops: [...tops], seen: [...seen] }); }, 4_600);
    }));
    assert.ok(shift.seen.length >= 3, `it rotated: ${shift.seen}`);
    assert.equal(shift.tops.length, 1, `the content below stayed put: ${shift.tops}`);
    assert.ok(shift.total <= 0.001, `layout shift ${shift.total}`);
    assert.deepEqual(errors.filter((e) => !e.includes("404")), []);
    await page.close();
  });
}

for (const lang of ["en", "ar"]) {
  for (const width of [375, 1280]) {
    test(`no WCAG 2.2 AA violation in the carousel's layout states (${lang}, ${width} px)`, async () => {
      const { page, errors } = await open(env, "/e2e/pages/no-widget.html", { bypassCSP: true });
      await page.setViewportSize({ width, height: 900 });
      await page.evaluate(() => {
        const tab = document.createElement("div");
        tab.id = "tab";
        tab.style.display = "none";
        document.body.append(tab);
      });
      await mount(page, "cards", { src: FEED, lang, perView: 3, loop: false });
      await mount(page, "one", { src: "/e2e/pages/carousel-layout-one.json", lang });
      await mount(page, "hidden", { src: FEED, lang, autoplay: true, interval: 2000 }, "tab");
      for (const id of ["#cards", "#one", "#hidden"]) await waitInShadow(page, id, ".fw-carousel__title");
      // The broken image's placeholder is in place (in the second card, or on the next slide).
      const found = {};
      found["cards, first view, previous disabled"] = await audit(page, "#cards");
      await page.evaluate(() => document.querySelector("#cards").shadowRoot.querySelector(".fw-carousel__next").click());
      await page.waitForFunction(() =>
        document.querySelector("#cards").shadowRoot.querySelector("div.fw-carousel__image:not([hidden] *)"));
      found["cards, broken image"] = await audit(page, "#cards");
      const one = await page.evaluate(() =>
        document.querySelector("#one").shadowRoot.querySelectorAll(".fw-carousel__previous, .fw-carousel__next").length);
      assert.equal(one, 0, "a single item: no navigation");
      found["single item, no navigation"] = await audit(page, "#one");
      await page.evaluate(() => { document.getElementById("tab").style.display = "block"; });
      await page.waitForTimeout(100);
      const shown = await page.evaluate(() => {
        const root = document.querySelector("#hidden").shadowRoot;
        return { height: document.getElementById("hidden").getBoundingClientRect().height,
          position: root.querySelector(".fw-carousel__position").textContent };
      });
      assert.ok(shown.height > 100, `laid out once shown: ${shown.height}`);
      assert.match(shown.position, /^(1|١) /, `on the first slide: ${shown.position}`);
      found["shown after starting hidden"] = await audit(page, "#hidden");
      const violations = Object.entries(found).filter(([, list]) => list.length > 0);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
      assert.deepEqual(errors.filter((e) => !e.includes("404")), []);
      await page.close();
    });
  }
}
