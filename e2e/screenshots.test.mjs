// A screenshot of each state a site team looks at first, at 375 and 1280 px, written to
// e2e/artifacts/state-<state>-<width>.png: the light theme, the dark theme, Arabic, a broken
// image, per-view 3 with a long title, and the banner with "View original". Each is taken only
// once the state is on screen as described, which the test asserts (so a screenshot of the
// wrong thing fails rather than lands). The README's pictures in docs/ are some of these.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { start, open, waitInShadow, root } from "./harness.mjs";

let env;
const artifacts = join(root, "e2e", "artifacts");
before(async () => {
  env = await start();
  await mkdir(artifacts, { recursive: true });
});
after(async () => { await env.stop(); });

const LAYOUT_FEED = "/e2e/pages/carousel-layout.json";

/** Opens `path` at `width` px with reduced motion (no fade-in caught half-way). */
async function at(path, width) {
  const opened = await open(env, path, { bypassCSP: true, reducedMotion: "reduce" });
  await opened.page.setViewportSize({ width, height: 900 });
  return opened;
}

/** Saves a screenshot of the element `selector` names as the state's artifact. */
function save(page, selector, state, width) {
  return page.locator(selector).screenshot({ path: join(artifacts, `state-${state}-${width}.png`) });
}

/** The audit page's three widgets in `lang` and `theme`, the page translated so the banner shows. */
async function allThree(width, lang, theme) {
  const { page, errors } = await at("/e2e/pages/a11y.html", width);
  await page.evaluate(async ([lang, theme]) => {
    if (theme === "dark") {
      document.documentElement.style.colorScheme = "dark";
      document.body.style.background = "#010409";
      document.body.style.color = "#e6edf3";
    }
    document.documentElement.classList.add(lang === "ar" ? "translated-rtl" : "translated-ltr");
    for (const [id, kind] of [["disclaimer", "disclaimer"], ["carousel", "news-carousel"], ["feedback", "feedback"]]) {
      await window.FeedWidgets.mount(document.getElementById(id), kind,
        { src: "/demo/feed.json", lang, theme, ...(kind === "feedback" ? { endpoint: "/api/feedback" } : {}) });
    }
  }, [lang, theme]);
  await waitInShadow(page, "#carousel", ".fw-carousel__title");
  await waitInShadow(page, "#feedback", "legend");
  await waitInShadow(page, "#disclaimer", ".fw-disclaimer");
  // A chosen answer, so the picture shows a selected radio beside unselected ones.
  await page.evaluate(() => document.querySelector("#feedback").shadowRoot.querySelector('input[value="4"]').click());
  const seen = await page.evaluate(() => ["disclaimer", "carousel", "feedback"].map((id) => {
    const root = document.getElementById(id).shadowRoot.querySelector(".fw-root");
    const box = root.firstElementChild;
    return { theme: root.dataset.theme, dir: box.getAttribute("dir"), background: getComputedStyle(box).backgroundColor };
  }));
  return { page, errors, seen };
}

for (const width of [375, 1280]) {
  test(`screenshots of the light and dark themes and of Arabic (${width} px)`, async () => {
    for (const [state, lang, theme] of [["light", "en", "light"], ["dark", "en", "dark"], ["arabic", "ar", "light"]]) {
      const { page, errors, seen } = await allThree(width, lang, theme);
      for (const widget of seen) {
        assert.equal(widget.theme, theme, state);
        assert.equal(widget.dir, lang === "ar" ? "rtl" : "ltr", state);
      }
      const dark = seen[1].background === "rgb(13, 17, 23)";
      assert.equal(dark, theme === "dark", `${state}: carousel background ${seen[1].background}`);
      await save(page, "main", state, width);
      assert.deepEqual(errors, []);
      await page.close();
    }
  });

  test(`screenshots of a broken image and of per-view 3 with a long title (${width} px)`, async () => {
    const { page, errors } = await at("/e2e/pages/no-widget.html", width);
    await page.evaluate(async (feed) => {
      for (const [id, extra] of [["broken", {}], ["cards", { perView: 3, loop: false }]]) {
        const host = document.createElement("div");
        host.id = id;
        host.style.margin = "8px";
        document.body.append(host);
        await window.FeedWidgets.mount(host, "news-carousel", { src: feed, lang: "en", ...extra });
      }
    }, LAYOUT_FEED);
    await waitInShadow(page, "#broken", ".fw-carousel__next");
    await waitInShadow(page, "#cards", ".fw-carousel__title");
    // The second item's picture fails to load: its place is kept by an empty box.
    await page.evaluate(() => document.querySelector("#broken").shadowRoot.querySelector(".fw-carousel__next").click());
    await page.waitForFunction(() => {
      const slide = [...document.querySelector("#broken").shadowRoot.querySelectorAll(".fw-carousel__slide")]
        .find((s) => !s.hidden);
      const placeholder = slide?.querySelector("div.fw-carousel__image");
      return placeholder && placeholder.getBoundingClientRect().height > 100 && !slide.querySelector("img");
    });
    await save(page, "#broken", "broken-image", width);
    const cards = await page.evaluate(() => {
      const shadow = document.querySelector("#cards").shadowRoot;
      const shown = [...shadow.querySelectorAll(".fw-carousel__slide")].filter((s) => !s.hidden && s.checkVisibility());
      const title = shown[0].querySelector(".fw-carousel__title");
      return { shown: shown.length, heights: shown.map((s) => Math.round(s.getBoundingClientRect().height)),
        titleLines: title.getBoundingClientRect().height / parseFloat(getComputedStyle(title).lineHeight) };
    });
    assert.equal(cards.shown, width >= 1280 ? 3 : 1, "cards side by side as the width allows");
    assert.equal(new Set(cards.heights).size, 1, `cards of one height: ${cards.heights}`);
    assert.ok(cards.titleLines <= 3.5, `the long title is clamped to 3 lines: ${cards.titleLines}`);
    await save(page, "#cards", "per-view-3-long-title", width);
    assert.deepEqual(errors.filter((e) => !e.includes("404")), []);
    await page.close();
  });

  test(`screenshot of the banner with "View original" (${width} px)`, async () => {
    const { page, errors } = await at("/e2e/pages/disclaimer-layout.html", width);
    await page.evaluate(() => { document.cookie = "googtrans=/fr/en; path=/"; });
    await page.reload({ waitUntil: "load" });
    await waitInShadow(page, "#top", ".fw-disclaimer__original");
    const shown = await page.evaluate(() => {
      const button = document.querySelector("#top").shadowRoot.querySelector(".fw-disclaimer__original");
      return { text: button.textContent, visible: button.checkVisibility() };
    });
    assert.match(shown.text, /original/i);
    assert.ok(shown.visible);
    await save(page, "#top", "view-original", width);
    await page.evaluate(() => { document.cookie = "googtrans=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/"; });
    assert.deepEqual(errors, []);
    await page.close();
  });
}
