// axe-core (WCAG 2.2 A and AA) on every widget state the bundle has, in English, Arabic and
// French, in the light theme (the default) and the dark one (`theme: "dark"`, on a page that
// is dark itself, so contrast is checked against what the reader sees). The bar is zero
// violations.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open, waitInShadow, audit } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

/** Makes the page dark around the widgets when `theme` is dark, as a dark site would be. */
function darkPage(page, theme) {
  if (theme !== "dark") return Promise.resolve();
  return page.evaluate(() => {
    document.documentElement.style.colorScheme = "dark";
    document.body.style.background = "#010409";
    document.body.style.color = "#e6edf3";
  });
}

/**
 * Opens the audit page with every widget in `lang` and `theme`, the page marked as translated.
 */
async function auditPage(lang, theme) {
  const { page, errors } = await open(env, "/e2e/pages/a11y.html", { bypassCSP: true });
  await darkPage(page, theme);
  await page.evaluate((l) => {
    document.documentElement.classList.add("translated-ltr");
    for (const id of ["disclaimer", "carousel", "feedback"]) document.getElementById(id).setAttribute("lang", l);
  }, lang);
  // Remount with the language set (attributes are read at mount).
  await page.evaluate(async ([l, theme]) => {
    for (const [id, kind] of [["disclaimer", "disclaimer"], ["carousel", "news-carousel"], ["feedback", "feedback"]]) {
      const element = document.getElementById(id);
      await window.FeedWidgets.mount(element, kind, {
        src: "/demo/feed.json", lang: l, theme, ...(kind === "feedback" ? { endpoint: "/api/feedback" } : {}),
      });
    }
  }, [lang, theme]);
  await waitInShadow(page, "#carousel", ".fw-carousel__title");
  await waitInShadow(page, "#feedback", "legend");
  await waitInShadow(page, "#disclaimer", ".fw-disclaimer");
  return { page, errors };
}

for (const theme of ["light", "dark"]) for (const lang of ["en", "ar", "fr"]) {
  test(`no WCAG 2.2 AA violation in any widget state (${lang}, ${theme})`, async () => {
    const { page, errors } = await auditPage(lang, theme);
    const worn = await page.evaluate(() => ["disclaimer", "carousel", "feedback"].map((id) =>
      document.getElementById(id).shadowRoot.querySelector(".fw-root").dataset.theme));
    assert.deepEqual(worn, [theme, theme, theme], "each widget wears the theme");
    const found = {};
    found.disclaimer = await audit(page, "#disclaimer");
    found.carousel = await audit(page, "#carousel");
    await page.evaluate(() => document.querySelector("#carousel").shadowRoot.querySelector(".fw-carousel__next").click());
    await page.waitForTimeout(100);
    found["carousel, second slide"] = await audit(page, "#carousel");
    found["feedback, empty"] = await audit(page, "#feedback");
    await page.evaluate(() => document.querySelector("#feedback").shadowRoot.querySelector("button[type=submit]").click());
    await waitInShadow(page, "#feedback", "[role=alert]");
    found["feedback, asked to choose"] = await audit(page, "#feedback");
    await page.evaluate(() => document.querySelector("#feedback").shadowRoot.querySelector('input[value="5"]').click());
    found["feedback, chosen"] = await audit(page, "#feedback");
    env.feedbackStatus = 503;
    await page.evaluate(() => document.querySelector("#feedback").shadowRoot.querySelector("button[type=submit]").click());
    await waitInShadow(page, "#feedback", "[role=alert]");
    found["feedback, error"] = await audit(page, "#feedback");
    env.feedbackStatus = 201;
    await page.evaluate(() => document.querySelector("#feedback").shadowRoot.querySelector("button[type=submit]").click());
    await waitInShadow(page, "#feedback", "h2");
    found["feedback, thanks"] = await audit(page, "#feedback");
    const violations = Object.entries(found).filter(([, list]) => list.length > 0);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    assert.deepEqual(errors.filter((e) => !e.includes("503")), []);
    await page.close();
  });
}

test("the audit does find violations (inside a shadow root too)", async () => {
  const { page } = await open(env, "/e2e/pages/no-widget.html", { bypassCSP: true });
  await page.evaluate(() => {
    const host = document.createElement("div");
    host.id = "bad";
    host.attachShadow({ mode: "open" }).innerHTML = "<button></button><img src='x.png'>";
    document.body.append(host);
  });
  const violations = await audit(page, "#bad");
  assert.ok(violations.some((v) => v.startsWith("button-name")), violations.join("\n"));
  assert.ok(violations.some((v) => v.startsWith("image-alt")), violations.join("\n"));
  await page.close();
});

for (const theme of ["light", "dark"]) for (const lang of ["en", "ar", "fr"]) {
  test(`no WCAG 2.2 AA violation on a rotating and a stopped carousel (${lang}, ${theme})`, async () => {
    const { page, errors } = await open(env, "/e2e/pages/no-widget.html", { bypassCSP: true });
    await darkPage(page, theme);
    await page.evaluate(async ([l, theme]) => {
      const host = document.createElement("div");
      host.id = "rotating";
      document.body.append(host);
      await window.FeedWidgets.mount(host, "news-carousel", { src: "/demo/feed.json", lang: l, theme, autoplay: true });
    }, [lang, theme]);
    await waitInShadow(page, "#rotating", ".fw-carousel__rotation");
    const rotating = await audit(page, "#rotating");
    const live = await page.evaluate(() =>
      document.querySelector("#rotating").shadowRoot.querySelector(".fw-carousel__slides").getAttribute("aria-live"));
    assert.equal(live, "off", "audited while rotating");
    await page.evaluate(() => document.querySelector("#rotating").shadowRoot.querySelector(".fw-carousel__rotation").click());
    await page.waitForFunction(() =>
      document.querySelector("#rotating").shadowRoot.querySelector(".fw-carousel__slides").getAttribute("aria-live") === "polite");
    const stopped = await audit(page, "#rotating");
    assert.deepEqual({ rotating, stopped }, { rotating: [], stopped: [] });
    assert.deepEqual(errors, []);
    await page.close();
  });
}
