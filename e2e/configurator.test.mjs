// The demo's configurator page (demo/configurator.html): usable by keyboard and by name, its
// preview follows the form live (through the element's attributes), its snippets match the
// choice and are copied to the clipboard with a polite status, and axe finds nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, audit } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

/** The configurator in a context allowed to use the clipboard. */
async function openConfigurator() {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.base });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  await page.goto(`${env.base}/demo/configurator.html`);
  await page.waitForFunction(() => document.querySelector("#preview fw-news-carousel")?.shadowRoot
    ?.querySelector(".fw-carousel__title"));
  return { page, errors, close: () => context.close() };
}

/** Slides of the preview's carousel in view. */
const slidesShown = (page) => page.evaluate(() => [...document.querySelector("#preview fw-news-carousel").shadowRoot
  .querySelectorAll(".fw-carousel__slide")].filter((s) => !s.hidden && s.checkVisibility()).length);

test("the preview follows the form live and the snippets match it", async () => {
  const { page, errors, close } = await openConfigurator();
  assert.equal(await page.getByRole("radio", { name: "News carousel" }).isChecked(), true);
  assert.equal(await slidesShown(page), 1);
  const perView = page.getByRole("spinbutton", { name: "per-view" });
  await perView.fill("2");
  await page.waitForFunction(() => [...document.querySelector("#preview fw-news-carousel").shadowRoot
    .querySelectorAll(".fw-carousel__slide")].filter((s) => !s.hidden && s.checkVisibility()).length === 2);
  assert.equal(await page.locator("#element-snippet").textContent(),
    '<fw-news-carousel src="feed.json" per-view="2"></fw-news-carousel>');
  assert.equal(await page.locator("#data-snippet").textContent(),
    '<div data-fw-widget="news-carousel" data-src="feed.json" data-per-view="2"></div>');
  await page.getByRole("combobox", { name: "summary" }).selectOption("false");
  await page.waitForFunction(() => !document.querySelector("#preview fw-news-carousel").shadowRoot
    .querySelector(".fw-carousel__summary"));
  // Clearing a field removes the attribute: back to the feed or the default.
  await perView.fill("");
  await page.waitForFunction(() => [...document.querySelector("#preview fw-news-carousel").shadowRoot
    .querySelectorAll(".fw-carousel__slide")].filter((s) => !s.hidden && s.checkVisibility()).length === 1);
  assert.equal(await page.locator("#preview fw-news-carousel").getAttribute("per-view"), null);
  assert.deepEqual(errors, []);
  await close();
});

test("by keyboard: another widget, a snippet copied, the status announced", async () => {
  const { page, errors, close } = await openConfigurator();
  await page.getByRole("radio", { name: "News carousel" }).focus();
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.getByRole("radio", { name: "Feedback rating" }).isChecked(), true);
  await page.waitForFunction(() => document.querySelector("#preview fw-feedback")?.shadowRoot
    ?.querySelector("[role=radiogroup], fieldset"));
  await page.getByRole("combobox", { name: "compact" }).selectOption("true");
  const copy = page.getByRole("button", { name: "Copy" }).first();
  await copy.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("copy-status").textContent.includes("Copied"));
  assert.equal(await page.getByRole("status").textContent(), "Copied the custom element snippet.");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, '<fw-feedback src="feed.json" endpoint="/api/feedback" compact="true"></fw-feedback>');
  assert.deepEqual(errors, []);
  await close();
});

test("the configurator has no WCAG 2.2 AA violation, with each widget", async () => {
  const { page, close } = await openConfigurator();
  for (const name of ["News carousel", "Feedback rating", "Translation disclaimer"]) {
    await page.getByRole("radio", { name }).check();
    if (name === "Translation disclaimer") {
      await page.getByRole("checkbox", { name: /machine-translated/ }).check();
      // The banner fades in: axe measures contrast once the animation is over.
      await page.waitForFunction(() => {
        const banner = document.querySelector("#preview fw-disclaimer")?.shadowRoot?.querySelector(".fw-disclaimer");
        return banner && banner.getAnimations().every((a) => a.playState === "finished");
      });
    }
    assert.deepEqual(await audit(page, "body"), [], name);
  }
  await close();
});
