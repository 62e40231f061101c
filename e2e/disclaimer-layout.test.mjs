// The disclaimer on phones and as a bar, on the built bundle: at 375 px the sentence keeps at
// least 60 % of the banner's width above its buttons (at 1280 px the buttons stay beside it);
// position="top" / data-position="bottom" make sticky bars that keep their place in the flow;
// targets of at least 24x24 px; axe-core in en, ar and fr.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open, waitInShadow, audit } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const PAGE = "/e2e/pages/disclaimer-layout.html";
// Google's cookie: a known target (our own words in that language) and "View the original page".
const COOKIE = { en: "/fr/en", ar: "/en/ar", fr: "/en/fr" };

/** Opens the page translated into `lang` at `width` px, both banners shown. */
async function translated(lang, width) {
  const { page, errors } = await open(env, PAGE, { bypassCSP: true });
  await page.setViewportSize({ width, height: 740 });
  await page.evaluate((value) => { document.cookie = `googtrans=${value}; path=/`; }, COOKIE[lang]);
  await page.reload({ waitUntil: "load" });
  for (const host of ["#top", "#bottom"]) await waitInShadow(page, host, ".fw-disclaimer__original");
  await page.waitForTimeout(300);
  return { page, errors };
}

/** Boxes of the banner's parts and the host's computed placement, as the reader sees them. */
const layout = (page, host) => page.evaluate((selector) => {
  const element = document.querySelector(selector);
  const shadow = element.shadowRoot;
  const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width, height: r.height }; };
  const style = getComputedStyle(element);
  return {
    host: box(element),
    banner: box(shadow.querySelector(".fw-disclaimer")),
    text: box(shadow.querySelector(".fw-disclaimer__text")),
    buttons: [...shadow.querySelectorAll(".fw-disclaimer__original, .fw-disclaimer__dismiss")].map(box),
    lang: shadow.querySelector(".fw-disclaimer").getAttribute("lang"),
    placement: [style.position, style.top, style.bottom],
  };
}, host);

const clear = (page) => page.evaluate(() => { document.cookie = "googtrans=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/"; });

for (const lang of ["en", "ar", "fr"]) {
  test(`at 375 px the sentence keeps 60 % of the banner above its buttons, sticky bars, axe clean (${lang})`, async () => {
    const { page, errors } = await translated(lang, 375);
    for (const host of ["#top", "#bottom"]) {
      const { banner, text, buttons, lang: spoken } = await layout(page, host);
      assert.equal(spoken, lang);
      assert.ok(text.width >= 0.6 * banner.width, `${host}: the sentence is ${text.width} of ${banner.width} px`);
      assert.equal(buttons.length, 2);
      for (const button of buttons) {
        assert.ok(button.top >= text.bottom - 0.5, `${host}: a button at ${button.top}, the sentence ends at ${text.bottom}`);
        assert.ok(button.width >= 24 && button.height >= 24, `${host}: target ${button.width}x${button.height}`);
      }
      assert.ok(banner.height < 300, `${host}: the banner is ${banner.height} px of 740`);
    }
    // Sticky keeps the bar's place: at the top of the page the content starts below it, none
    // is under it. Measured at scroll 0 in one frame: should the page have scrolled meanwhile
    // (scroll anchoring keeps the content in place when a bar appears above a scrolled view),
    // a sticky bar stays put while the content moves up by the scroll.
    await page.evaluate(() => new Promise((done) => { window.scrollTo(0, 0); requestAnimationFrame(() => done()); }));
    const top = await layout(page, "#top");
    assert.deepEqual(top.placement, ["sticky", "0px", "auto"]);
    assert.deepEqual((await layout(page, "#bottom")).placement, ["sticky", "auto", "0px"]);
    const [main, scrollOffset] = await page.evaluate(() => [document.querySelector("#after-top").getBoundingClientRect().top, window.scrollY]);
    assert.ok(main >= top.host.bottom - 0.5, `the content at ${main}, the bar ends at ${top.host.bottom}, scrolled by ${scrollOffset}`);
    // Scrolled, the top bar stays at the top of the screen and the bottom bar at the bottom.
    await page.evaluate(() => window.scrollTo(0, 600));
    await page.waitForTimeout(100);
    const scrolled = await layout(page, "#top");
    assert.ok(Math.abs(scrolled.host.top) < 1, `the top bar at ${scrolled.host.top}`);
    const bottom = await layout(page, "#bottom");
    assert.ok(Math.abs(bottom.host.bottom - 740) < 1, `the bottom bar ends at ${bottom.host.bottom}`);
    assert.deepEqual(await audit(page, "#top"), []);
    assert.deepEqual(await audit(page, "#bottom"), []);
    await clear(page);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test("at 1280 px the buttons stay beside the sentence", async () => {
  const { page, errors } = await translated("en", 1280);
  const { banner, text, buttons } = await layout(page, "#top");
  assert.ok(text.width >= 0.6 * banner.width, `${text.width} of ${banner.width}`);
  for (const button of buttons) {
    assert.ok(button.top < text.bottom, "beside the sentence, not below it");
    assert.ok(button.left >= text.right - 0.5, "after the sentence");
  }
  await clear(page);
  assert.deepEqual(errors, []);
  await page.close();
});
