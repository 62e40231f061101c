// The feedback widget on the built bundle: axe-core (WCAG 2.2 A and AA) in every state
// (empty, chosen, sending, queued, comment, thanks, already rated, refused) in English and
// Arabic, what reaches the collector (one submission key per rating, kept for its retries and
// its comment, added to what an earlier release queued), and the browser's own arrow keys in
// both directions.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open, waitInShadow, audit, SUBMISSION_KEY } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

/** Adds `<fw-feedback id=… lang=…>` with `extra` attributes and waits for its content. */
async function addWidget(page, id, lang, extra = {}) {
  await page.evaluate(([i, l, e]) => {
    const element = document.createElement("fw-feedback");
    element.id = i;
    element.setAttribute("endpoint", "/api/feedback");
    element.setAttribute("lang", l);
    for (const [name, value] of Object.entries(e)) element.setAttribute(name, value);
    document.querySelector("main").append(element);
  }, [id, lang, extra]);
}

/** Answers the collector's POSTs: `answer()` gives the status, or a promise of one. */
async function collector(page, answer) {
  const bodies = [];
  await page.unroute("**/api/feedback");
  await page.route("**/api/feedback", async (route) => {
    bodies.push(JSON.parse(route.request().postData()));
    const status = await answer();
    await route.fulfill({ status, contentType: "application/json", body: '{"status":"accepted"}' });
  });
  return bodies;
}

for (const lang of ["en", "ar"]) {
  test(`no WCAG 2.2 AA violation in any feedback state (${lang})`, async () => {
    const { page, errors } = await open(env, "/e2e/pages/feedback.html", { bypassCSP: true });
    const found = {};
    await addWidget(page, "fb", lang, { comment: "" });
    await waitInShadow(page, "#fb", "legend");
    found.empty = await audit(page, "#fb");

    await page.locator("#fb input[value='4']").click();
    found.chosen = await audit(page, "#fb");

    let release;
    const held = new Promise((resolve) => { release = resolve; });
    const first = await collector(page, () => held);
    await page.locator("#fb button[type=submit]").click();
    await waitInShadow(page, "#fb", "form[aria-busy=true]");
    found.sending = await audit(page, "#fb");
    release(503);
    await waitInShadow(page, "#fb", "[role=alert]");
    found.queued = await audit(page, "#fb");

    const bodies = await collector(page, () => 201);
    await page.locator("#fb button[type=submit]").click();
    await waitInShadow(page, "#fb", "textarea");
    found.comment = await audit(page, "#fb");
    await page.locator("#fb textarea").fill("OK");
    await page.locator("#fb button[type=submit]").click();
    await page.waitForFunction(() => !document.querySelector("#fb").shadowRoot.querySelector("textarea"));
    await waitInShadow(page, "#fb", "h2");
    found.thanks = await audit(page, "#fb");

    await addWidget(page, "again", lang);
    await waitInShadow(page, "#again", "p.fw-status");
    found["already rated"] = await audit(page, "#again");

    const violations = Object.entries(found).filter(([, list]) => list.length > 0);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    assert.equal(first.length, 1);
    assert.equal(bodies.length, 2, "the queued rating, then the comment");
    assert.equal(bodies[0].submission_id, first[0].submission_id);
    assert.equal(bodies[1].submission_id, first[0].submission_id);
    assert.match(first[0].submission_key, SUBMISSION_KEY);
    assert.equal(bodies[0].submission_key, first[0].submission_key, "the retry carries the key");
    assert.equal(bodies[1].submission_key, first[0].submission_key, "the comment carries the key");
    assert.equal(bodies[0].comment, undefined);
    assert.equal(bodies[1].comment, "OK");
    assert.equal(bodies[1].honeypot, "");
    assert.equal(bodies[1].widget_language, lang);
    assert.deepEqual(errors.filter((e) => !e.includes("503")), []);
    await page.close();
  });
}

test("arrow keys move the choice, mirrored in Arabic", async () => {
  const { page } = await open(env, "/e2e/pages/feedback.html");
  await addWidget(page, "en", "en");
  await addWidget(page, "ar", "ar");
  await waitInShadow(page, "#en", "legend");
  await waitInShadow(page, "#ar", "legend");
  const checked = (id) => page.evaluate((i) => document.querySelector(`#${i}`).shadowRoot
    .querySelector("input:checked")?.value ?? null, id);

  await page.locator("#en input[value='1']").click();
  await page.keyboard.press("ArrowRight");
  assert.equal(await checked("en"), "2");
  await page.keyboard.press("ArrowDown");
  assert.equal(await checked("en"), "3");

  await page.locator("#ar input[value='1']").click();
  await page.keyboard.press("ArrowLeft");
  assert.equal(await checked("ar"), "2", "in right-to-left, left is the next answer");
  await page.keyboard.press("ArrowRight");
  assert.equal(await checked("ar"), "1");
  await page.close();
});

const REFUSED = { en: "Your answer could not be accepted.", ar: "تعذّر قبول إجابتك." };

for (const [lang, status] of [["en", 422], ["ar", 409]]) {
  test(`no WCAG 2.2 AA violation when the collector refuses for good (${lang}, ${status})`, async () => {
    const { page } = await open(env, "/e2e/pages/feedback.html", { bypassCSP: true });
    const bodies = await collector(page, () => status);
    await addWidget(page, "fb", lang, { compact: "" });
    await waitInShadow(page, "#fb", "legend");
    await page.locator("#fb input[value='2']").click();
    await waitInShadow(page, "#fb", "[role=alert]");
    const violations = await audit(page, "#fb");
    assert.deepEqual(violations, []);
    assert.equal(bodies.length, 1, "compact: sent on choice");
    const focused = await page.evaluate(() => document.querySelector("#fb").shadowRoot.activeElement?.getAttribute("role"));
    assert.equal(focused, "alert", "focus moves to the message");
    const shown = await page.evaluate(() => {
      const root = document.querySelector("#fb").shadowRoot;
      return { alert: root.querySelector("[role=alert]").textContent, buttons: root.querySelectorAll("button").length };
    });
    assert.equal(shown.alert, REFUSED[lang], "not a connection problem");
    assert.equal(shown.buttons, 0, "no retry that can only be refused again");
    assert.equal(await page.evaluate(() => localStorage.getItem("feedwidgets:feedback:outbox")), null,
      "a refusal is not kept in the outbox");
    await page.close();
  });
}

test("a rating queued by an earlier release is sent with a key of its own, kept", async () => {
  const { page, errors } = await open(env, "/e2e/pages/feedback.html");
  const id = "3f2c1b4a-5d6e-4f70-8a9b-0c1d2e3f4a5b";
  const body = JSON.stringify({ submission_id: id, rating: 4, page: "/", page_language: "en",
    widget_language: "en", translated: false, elapsed_ms: 1200, honeypot: "" });
  await page.evaluate(([entry]) => localStorage.setItem("feedwidgets:feedback:outbox", JSON.stringify([entry])),
    [{ e: `${env.base}/api/feedback`, i: id, b: body, n: 1, d: 0 }]);
  const before = env.posts.length;
  await addWidget(page, "fb", "en");
  await page.waitForFunction(() => localStorage.getItem("feedwidgets:feedback:outbox") === null);
  const sent = env.posts.slice(before);
  assert.equal(sent.length, 1, "sent once");
  assert.equal(sent[0].submission_id, id);
  assert.match(sent[0].submission_key, SUBMISSION_KEY);
  assert.deepEqual(env.statuses.slice(before), [201], "the stand-in collector took it");
  assert.deepEqual(errors, []);
  await page.close();
});
