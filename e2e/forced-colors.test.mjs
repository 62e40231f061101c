// Windows high contrast (forced colours), emulated in Chromium: every control and icon is still
// drawn, the current picker dot stands out, focus is visible, and axe finds nothing. Pixels are
// read from screenshots (saved to e2e/artifacts/), since forced colours are a paint-time matter.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { start, open, waitInShadow, audit, root } from "./harness.mjs";
import { decodePng, inkPixels } from "./png.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const artifacts = join(root, "e2e", "artifacts");

/** A screenshot of `inner` in the shadow root of `host`, `margin` px around its box. */
async function shot(page, host, inner, margin = 0) {
  const box = await page.evaluate(([h, i]) => {
    const r = document.querySelector(h).shadowRoot.querySelector(i).getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, [host, inner]);
  const clip = { x: box.x - margin, y: box.y - margin, width: box.width + 2 * margin, height: box.height + 2 * margin };
  return decodePng(await page.screenshot({ clip }));
}

for (const lang of ["en", "ar"]) {
  test(`forced colours: controls drawn, current dot distinct, focus visible, no axe violation (${lang})`, async () => {
    const { page, errors } = await open(env, "/e2e/pages/a11y.html", { bypassCSP: true });
    await page.emulateMedia({ forcedColors: "active" });
    assert.equal(await page.evaluate(() => matchMedia("(forced-colors: active)").matches), true);
    await page.evaluate(async (l) => {
      document.documentElement.classList.add("translated-ltr");
      const mount = (id, kind, extra) => window.FeedWidgets.mount(document.getElementById(id), kind,
        { src: "/demo/feed.json", lang: l, ...extra });
      await mount("carousel", "news-carousel", { autoplay: "", interval: "60000" });
      await mount("feedback", "feedback", { endpoint: "/api/feedback" });
      await mount("disclaimer", "disclaimer", {});
    }, lang);
    await waitInShadow(page, "#carousel", ".fw-carousel__rotation");
    await waitInShadow(page, "#carousel", ".fw-carousel__dot");
    await waitInShadow(page, "#feedback", "legend");
    await waitInShadow(page, "#disclaimer", ".fw-disclaimer__dismiss");
    await page.waitForTimeout(300); // the disclaimer's fade-in

    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, `forced-colors-${lang}.png`), fullPage: true });

    const controls = [
      ["#carousel", ".fw-carousel__rotation"], ["#carousel", ".fw-carousel__previous"],
      ["#carousel", ".fw-carousel__next"], ["#carousel", ".fw-carousel__dot[aria-current]"],
      ["#carousel", ".fw-carousel__dot:not([aria-current])"], ["#feedback", "button[type=submit]"],
      ["#disclaimer", ".fw-disclaimer__dismiss"],
    ];
    const blank = [];
    for (const [host, inner] of controls) {
      const ink = inkPixels(await shot(page, host, inner));
      if (ink < 12) blank.push(`${host} ${inner}: ${ink} drawn pixels`);
    }
    assert.deepEqual(blank, [], "every control and icon is drawn in forced colours");

    // The current dot is told apart by more than colour: it is filled, the others outlined.
    const current = inkPixels(await shot(page, "#carousel", ".fw-carousel__dot[aria-current]"));
    const other = inkPixels(await shot(page, "#carousel", ".fw-carousel__dot:not([aria-current])"));
    assert.ok(current > other * 1.3, `current dot ${current} px of ink, others ${other}`);

    // Focus from the keyboard: the ring around "next" is drawn (outline outside the box).
    const unfocused = inkPixels(await shot(page, "#carousel", ".fw-carousel__next", 6));
    await page.evaluate(() => document.querySelector("#carousel").shadowRoot.querySelector(".fw-carousel__previous").focus());
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.querySelector("#carousel").shadowRoot.activeElement?.className),
      "fw-carousel__button fw-carousel__next");
    const focused = inkPixels(await shot(page, "#carousel", ".fw-carousel__next", 6));
    assert.ok(focused > unfocused + 40, `focus ring drawn: ${unfocused} -> ${focused} px of ink`);

    const found = {};
    for (const widget of ["#disclaimer", "#carousel", "#feedback"]) found[widget] = await audit(page, widget);
    assert.deepEqual(Object.entries(found).filter(([, list]) => list.length > 0), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
}
