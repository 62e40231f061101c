// Subresource Integrity: the release loader carries the sha384 of the glue, its snippets and
// the Wasm, so a page that pins embed.js (`integrity="sha384-…"`, as the README's CDN snippet
// does) runs nothing that was changed on the way, and a bundle served intact still starts.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { start, open, waitInShadow, root } from "./harness.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

/** The integrity values `scripts/integrity.mjs` prints for dist/, by file. */
function hashes() {
  const out = execFileSync("node", [join(root, "scripts", "integrity.mjs"), join(root, "dist")], { encoding: "utf8" });
  return Object.fromEntries(out.trim().split("\n").map((line) => line.split(/\s+/).reverse()));
}

/** Resolves once `condition()` holds (checked every 50 ms, for at most 20 s). */
async function until(condition, errors) {
  for (const deadline = Date.now() + 20_000; !condition(); ) {
    if (Date.now() > deadline) throw new Error(`condition not met; console errors: ${errors.join(" | ")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A host page that pins the loader with `integrity`. */
function pinnedPage(integrity) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pinned</title>
<script type="module" src="/dist/embed.js" integrity="${integrity}" crossorigin="anonymous"></script></head>
<body><main><fw-news-carousel src="/demo/feed.json"></fw-news-carousel></main></body></html>`;
}

/**
 * What a tampered answer appends: bytes that keep the file valid (a JS comment, an empty Wasm
 * custom section), so only the integrity check can stop it from running.
 */
const HARMLESS_TAIL = {
  "feedwidgets.js": Buffer.from("\n// changed on the way\n"),
  "feedwidgets_bg.wasm": Buffer.from([0x00, 0x04, 0x03, 0x78, 0x79, 0x7a]),
};

/** Opens the pinned page; `tamper` names a dist file whose answer gets a harmless tail. */
async function openPinned(tamper) {
  const { page, errors, requests } = await open(env, "/e2e/pages/no-widget.html");
  await page.route("**/pinned.html", (route) =>
    route.fulfill({ contentType: "text/html", body: pinnedPage(hashes()["embed.js"]) }));
  if (tamper) {
    await page.route(`**/dist/${tamper}`, async (route) => {
      const response = await route.fetch();
      const body = Buffer.concat([await response.body(), HARMLESS_TAIL[tamper]]);
      await route.fulfill({ response, body });
    });
  }
  await page.goto(`${env.base}/e2e/pages/pinned.html`);
  return { page, errors, requests };
}

test("the release loader names the hash of every file it fetches", () => {
  const all = hashes();
  const loader = execFileSync("cat", [join(root, "dist", "embed.js")], { encoding: "utf8" });
  for (const [file, value] of Object.entries(all)) {
    if (file !== "embed.js") assert.ok(loader.includes(value), `embed.js carries the hash of ${file}`);
  }
  assert.ok(Object.keys(all).some((file) => file.endsWith(".wasm")));
});

test("an intact bundle behind a pinned loader starts", async () => {
  const { page, errors } = await openPinned(null);
  await waitInShadow(page, "fw-news-carousel", ".fw-carousel__title");
  assert.deepEqual(errors, []);
  await page.close();
});

for (const file of ["feedwidgets_bg.wasm", "feedwidgets.js"]) {
  test(`a changed ${file} is refused and nothing of it runs`, async () => {
    const { page, errors, requests } = await openPinned(file);
    await until(() => errors.some((e) => /could not start/.test(e)), errors);
    assert.ok(requests.some((r) => r.endsWith(`/dist/${file}`)), `${file} was requested`);
    const rendered = await page.evaluate(() => document.querySelector("fw-news-carousel").shadowRoot?.textContent ?? "");
    assert.equal(rendered, "", "no widget rendered");
    await page.close();
  });
}
