// The page's language: an Arabic page (<html lang="ar" dir="rtl">) with an English feed shows
// Arabic controls, right to left, around English slides that read left to right; axe finds
// nothing, and a screenshot goes to e2e/artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { start, open, waitInShadow, audit, root } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

for (const width of [375, 1280]) {
  test(`an Arabic page with an English feed: Arabic controls, English slides (${width} px)`, async () => {
    const { page, errors } = await open(env, "/e2e/pages/page-language.html");
    await page.setViewportSize({ width, height: 900 });
    await waitInShadow(page, "#carousel", ".fw-carousel__slide h3");
    await waitInShadow(page, "#feedback", "form");
    const seen = await page.evaluate(() => {
      const carousel = document.querySelector("#carousel").shadowRoot;
      const section = carousel.querySelector("section");
      const slide = [...carousel.querySelectorAll(".fw-carousel__slide")].find((s) => !s.hidden);
      const title = slide.querySelector("h3");
      const content = title.parentElement;
      const form = document.querySelector("#feedback").shadowRoot.querySelector("form");
      return {
        widget: [section.lang, section.dir, getComputedStyle(section).direction],
        buttons: [...carousel.querySelectorAll("button")].map((b) => b.getAttribute("aria-label")),
        position: carousel.querySelector(".fw-carousel__position").textContent,
        slide: [slide.getAttribute("aria-roledescription"), slide.getAttribute("aria-label")],
        content: [content.lang, content.dir, getComputedStyle(title).direction],
        title: title.textContent.trim(),
        form: [form.lang, form.dir, form.querySelector("legend, h2, h3, p")?.textContent ?? ""],
      };
    });
    assert.deepEqual(seen.widget, ["ar", "rtl", "rtl"]);
    assert.ok(seen.buttons.includes("الشريحة السابقة") && seen.buttons.includes("الشريحة التالية"), String(seen.buttons));
    assert.equal(seen.position, "1 من 3");
    assert.deepEqual(seen.slide, ["شريحة", "1 من 3"]);
    assert.deepEqual(seen.content, ["en", "ltr", "ltr"]);
    assert.equal(seen.title, "Education ministers meet in Rabat");
    assert.deepEqual(seen.form.slice(0, 2), ["ar", "rtl"]);
    assert.deepEqual(await audit(page, "#carousel"), []);
    assert.deepEqual(await audit(page, "#feedback"), []);
    const artifacts = join(root, "e2e", "artifacts");
    await mkdir(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, `page-language-ar-en-${width}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await page.close();
  });
}
