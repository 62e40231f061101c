// The translation disclaimer on the built bundle: a page whose only widget is a disclaimer
// loads no Wasm until a translator shows up (the loader's own check), then the banner appears;
// "View original" with Google's cookie; print and reduced motion; axe-core in en, ar and fr.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open, waitInShadow, audit } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const PAGE = "/e2e/pages/disclaimer.html";
const wasm = (requests) => requests.filter((r) => r.endsWith(".wasm") || r.endsWith("feedwidgets.js"));
const banner = (page) => page.evaluate(() => {
  const region = document.querySelector("#disclaimer").shadowRoot.querySelector(".fw-disclaimer");
  return region && { lang: region.getAttribute("lang"), text: region.textContent };
});

test("a page with only a disclaimer, not translated, loads no Wasm", async () => {
  const { page, requests, errors } = await open(env, PAGE);
  // Longer than the loader's 2 s cookie check.
  await page.waitForTimeout(2500);
  assert.ok(requests.includes("/dist/embed.js"));
  assert.deepEqual(wasm(requests), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the translator's class starts the bundle and the banner appears", async () => {
  const { page, requests, errors } = await open(env, PAGE);
  await page.waitForTimeout(300);
  assert.deepEqual(wasm(requests), []);
  await page.evaluate(() => document.documentElement.classList.add("translated-ltr"));
  await waitInShadow(page, "#disclaimer", ".fw-disclaimer");
  assert.equal(requests.filter((r) => r.endsWith(".wasm")).length, 1);
  assert.match((await banner(page)).text, /ICESCO is not responsible/);
  // The reader goes back to the original: the banner goes too.
  await page.evaluate(() => document.documentElement.classList.remove("translated-ltr"));
  await page.waitForFunction(() => !document.querySelector("#disclaimer").shadowRoot.querySelector(".fw-disclaimer"));
  assert.deepEqual(errors, []);
  await page.close();
});

test("another widget added to a disclaimer-only page starts the bundle", async () => {
  const { page, requests, errors } = await open(env, PAGE);
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    const feedback = document.createElement("fw-feedback");
    feedback.setAttribute("src", "/demo/feed.json");
    document.body.append(feedback);
  });
  await waitInShadow(page, "fw-feedback", "legend");
  assert.equal(requests.filter((r) => r.endsWith(".wasm")).length, 1);
  assert.equal(await banner(page), null, "no banner on an untranslated page");
  assert.deepEqual(errors, []);
  await page.close();
});

test("Google's cookie shows it in the target language; View original clears it and reloads", async () => {
  const { page, requests, errors } = await open(env, PAGE);
  await page.evaluate(() => { document.cookie = "googtrans=/en/ar; path=/"; });
  await waitInShadow(page, "#disclaimer", ".fw-disclaimer");
  assert.equal((await banner(page)).lang, "ar");
  const before = requests.length;
  await Promise.all([
    page.waitForNavigation({ waitUntil: "load" }),
    page.evaluate(() => document.querySelector("#disclaimer").shadowRoot.querySelector(".fw-disclaimer__original").click()),
  ]);
  assert.equal(await page.evaluate(() => document.cookie.includes("googtrans")), false);
  await page.waitForTimeout(2500);
  assert.deepEqual(wasm(requests.slice(before)), [], "the original page needs no Wasm");
  assert.deepEqual(errors, []);
  await page.close();
});

test("hidden in print; no animation for readers who asked for reduced motion", async () => {
  for (const reducedMotion of ["reduce", "no-preference"]) {
    const { page } = await open(env, PAGE, { reducedMotion });
    await page.evaluate(() => document.documentElement.classList.add("translated-ltr"));
    await waitInShadow(page, "#disclaimer", ".fw-disclaimer");
    const style = (property) => page.evaluate((p) => getComputedStyle(
      document.querySelector("#disclaimer").shadowRoot.querySelector(".fw-disclaimer")).getPropertyValue(p), property);
    assert.equal(await style("animation-name"), reducedMotion === "reduce" ? "none" : "fw-disclaimer-in");
    assert.equal(await style("display"), "flex");
    await page.emulateMedia({ media: "print" });
    assert.equal(await style("display"), "none");
    await page.close();
  }
});

// en: the translator's class alone (no target known: the page's language, left to the
// translator); ar: <html lang> changed; fr: Google's cookie (with the View original button).
const SIGNALS = {
  en: () => document.documentElement.classList.add("translated-ltr"),
  ar: () => document.documentElement.setAttribute("lang", "ar"),
  fr: () => { document.cookie = "googtrans=/en/fr; path=/"; },
};

for (const [lang, signal] of Object.entries(SIGNALS)) {
  test(`no WCAG 2.2 AA violation on the banner (${lang})`, async () => {
    const { page, errors } = await open(env, PAGE, { bypassCSP: true });
    await page.evaluate(signal);
    await waitInShadow(page, "#disclaimer", ".fw-disclaimer");
    await page.waitForTimeout(300);
    assert.equal((await banner(page)).lang, lang);
    assert.deepEqual(await audit(page, "#disclaimer"), []);
    await page.evaluate(() => { document.cookie = "googtrans=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/"; });
    assert.deepEqual(errors, []);
    await page.close();
  });
}
