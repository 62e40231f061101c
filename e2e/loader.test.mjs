// End-to-end checks of the built bundle (dist/) in Debian's Chromium: the loader's promise that
// a page without widgets pays for no Wasm, late widgets, the JS API, and a strict CSP.
// Run: node --test e2e/ (after scripts/build.sh).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { start, open, shadowText, waitInShadow, root } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

test("a page without widgets loads the loader and no Wasm", async () => {
  const { page, requests, errors } = await open(env, "/e2e/pages/no-widget.html");
  await page.waitForTimeout(500);
  assert.ok(requests.includes("/dist/embed.js"));
  assert.deepEqual(requests.filter((r) => r.endsWith(".wasm") || r.endsWith("feedwidgets.js")), []);
  const cargo = await readFile(join(root, "Cargo.toml"), "utf8");
  const version = cargo.match(/^version = "([^"]+)"/m)[1];
  assert.equal(await page.evaluate(() => window.FeedWidgets.version), version);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a widget added after load starts the bundle and renders", async () => {
  const { page, requests, errors } = await open(env, "/e2e/pages/late-widget.html");
  await page.waitForTimeout(300);
  assert.equal(requests.filter((r) => r.endsWith(".wasm")).length, 0, "no Wasm before a widget");
  await page.evaluate(() => {
    const carousel = document.createElement("fw-news-carousel");
    carousel.setAttribute("src", "/demo/feed.json");
    document.getElementById("slot").append(carousel);
  });
  await waitInShadow(page, "fw-news-carousel", ".fw-carousel__title");
  assert.match(await shadowText(page, "fw-news-carousel"), /ICESCO Director-General receives/);
  assert.equal(requests.filter((r) => r.endsWith(".wasm")).length, 1, "the Wasm is fetched once");
  assert.deepEqual(errors, []);
  await page.close();
});

test("a feed whose body is in before the bundle starts is shown by the first render, with no loading state", async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  // Whether each element the widgets' shadow roots ever get is (or holds) a loading state.
  await page.addInitScript(() => {
    window.busy = [];
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const shadow = attach.call(this, init);
      new MutationObserver((records) => {
        for (const node of records.flatMap((record) => [...record.addedNodes])) {
          if (node.nodeType === 1) window.busy.push(node.matches("[aria-busy=true]") || !!node.querySelector("[aria-busy=true]"));
        }
      }).observe(shadow, { childList: true, subtree: true });
      return shadow;
    };
  });
  // The Wasm is held until the feed's last byte is in.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route("**/dist/feedwidgets_bg.wasm", async (route) => { await held; await route.continue(); });
  await page.goto(env.base + "/demo/index.html", { waitUntil: "commit" });
  await page.waitForFunction(() => performance.getEntriesByType("resource")
    .some((entry) => entry.name.endsWith("/demo/feed.json") && entry.responseEnd > 0));
  release();
  await waitInShadow(page, "fw-news-carousel", ".fw-carousel__title");
  await waitInShadow(page, "[data-fw-widget=feedback]", "fieldset");
  const busy = await page.evaluate(() => window.busy);
  assert.ok(busy.length > 0, "the widgets rendered");
  assert.deepEqual(busy.filter(Boolean), [], "no loading state was rendered");
  await context.close();
});

test("FeedWidgets.mount and unmount work on a page that had no widget", async () => {
  const { page, errors } = await open(env, "/e2e/pages/no-widget.html");
  await page.evaluate(async () => {
    const host = document.createElement("section");
    host.id = "api-host";
    document.body.append(host);
    await window.FeedWidgets.mount(host, "feedback", { src: "/demo/feed.json", lang: "fr" });
  });
  await waitInShadow(page, "#api-host", "legend");
  assert.match(await shadowText(page, "#api-host"), /Dans l’ensemble/);
  const removed = await page.evaluate(() => window.FeedWidgets.unmount(document.getElementById("api-host")));
  assert.equal(removed, true);
  assert.equal(await shadowText(page, "#api-host"), "");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the widgets work under a strict Content-Security-Policy, in Arabic", async () => {
  const { page, errors } = await open(env, "/e2e/pages/csp.html");
  await waitInShadow(page, "fw-news-carousel", ".fw-carousel__title");
  await waitInShadow(page, "[data-fw-widget]", "legend");
  const dir = await page.evaluate(() =>
    document.querySelector("fw-news-carousel").shadowRoot.querySelector("section").getAttribute("dir"));
  assert.equal(dir, "rtl");
  // Choose "Satisfied" and send: the rating reaches the endpoint under the CSP.
  await page.evaluate(() => {
    const form = document.querySelector("[data-fw-widget]").shadowRoot;
    form.querySelector('input[value="4"]').click();
    form.querySelector("button[type=submit]").click();
  });
  await waitInShadow(page, "[data-fw-widget]", "h2");
  assert.equal(env.posts.at(-1)?.rating, 4);
  assert.equal(env.posts.at(-1)?.widget_language, "ar");
  assert.deepEqual(errors, [], "no CSP violation or other error");
  await page.close();
});
