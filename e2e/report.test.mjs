// The collector's report page, as an operator opens it: the real collector binary on loopback
// with a real SQLite file, opened in Chromium with the browser's own Basic login (the admin
// token as password). At 375 px it has no horizontal scroll, in forced colours its charts are
// still drawn, axe finds nothing, and a comment holding markup is shown as text.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:net";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { audit, root } from "./harness.mjs";
import { launchChromium } from "../tools/chromium.mjs";
import { decodePng, inkPixels } from "./png.mjs";

const TOKEN = "e2e-report-token-0123456789";
const artifacts = join(root, "e2e", "artifacts");
const binary = join(root, "target", "debug", "feedwidgets-collector");

let collector;
let base;
let browser;
let dataDir;

/** A free loopback port (taken, then given back for the collector to bind). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `check` until it holds or `ms` pass. */
async function until(what, ms, check) {
  const end = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** One submission as the widget sends it. */
function submission(n, rating, comment) {
  const hex = n.toString(16).padStart(12, "0");
  return {
    submission_id: `5e2e0000-0000-4000-8000-${hex}`,
    submission_key: hex.padStart(32, "a"),
    rating,
    page: `/news/item-${n % 4}`,
    page_language: n % 3 === 0 ? "ar" : "en",
    widget_language: n % 2 === 0 ? "fr" : "en",
    translated: n % 5 === 0,
    elapsed_ms: 4000,
    honeypot: "",
    ...(comment === undefined ? {} : { comment }),
  };
}

before(async () => {
  if (!existsSync(binary)) {
    // `cargo test --workspace` builds it; alone, this file builds it itself.
    const built = spawnSync("cargo", ["build", "-p", "feedwidgets-collector", "--locked", "--offline"], { cwd: root, stdio: "inherit" });
    assert.equal(built.status, 0, "cargo build of the collector");
  }
  dataDir = await mkdtemp(join(tmpdir(), "fw-report-"));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  collector = spawn(binary, [
    "--listen", `127.0.0.1:${port}`, "--db", join(dataDir, "feedback.sqlite3"),
    "--rate-limit-per-minute", "100000", "--rate-limit-burst", "1000",
    "--site-dir", join(root, "demo"), "--bundle-dir", join(root, "dist"),
  ], { env: { ...process.env, FW_ADMIN_TOKEN: TOKEN, RUST_LOG: "warn" }, stdio: ["ignore", "inherit", "inherit"] });
  await until("the collector to answer", 20_000, async () => (await fetch(`${base}/healthz`)).ok);
  const ratings = [5, 4, 4, 3, 5, 2, 1, 5, 4, 3, 5, 5, 4, 2, 4, 5, 3, 4, 5, 1, 4, 5, 4, 5, 3];
  for (const [n, rating] of ratings.entries()) {
    const comment = n === 0
      ? "<img src=x onerror=alert(1)> Le site est très utile; merci !"
      : n % 2 === 0 ? `Comment number ${n}: ${"a long word ".repeat(12)}averyveryverylongwordwithoutanybreakopportunityatall${n}` : undefined;
    const response = await fetch(`${base}/api/feedback`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(submission(n + 1, rating, comment)),
    });
    assert.equal(response.status, 201, `submission ${n + 1}`);
  }
  await mkdir(artifacts, { recursive: true });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  collector?.kill("SIGTERM");
  if (collector && collector.exitCode === null) await new Promise((resolve) => collector.once("exit", resolve));
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The report in a page of `width` px, logged in through the browser's Basic prompt. */
async function openReport(width, { forcedColors = "none" } = {}) {
  const context = await browser.newContext({
    viewport: { width, height: 800 },
    httpCredentials: { username: "operator", password: TOKEN },
    bypassCSP: true,
    forcedColors,
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("dialog", (dialog) => { errors.push(`dialog: ${dialog.message()}`); dialog.dismiss(); });
  const response = await page.goto(`${base}/report`, { waitUntil: "load" });
  return { page, context, errors, status: response.status() };
}

test("the report needs the token: without it the browser gets a login prompt (401)", async () => {
  const response = await fetch(`${base}/report`);
  assert.equal(response.status, 401);
  assert.match(response.headers.get("www-authenticate") ?? "", /Basic/);
});

for (const width of [375, 1280]) {
  test(`the report at ${width} px: no horizontal scroll, comments as text, no axe violation`, async () => {
    const { page, context, errors, status } = await openReport(width);
    assert.equal(status, 200);
    const layout = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth,
      images: document.querySelectorAll("main img").length,
      comments: [...document.querySelectorAll(".comments blockquote")].map((b) => b.textContent),
    }));
    assert.ok(layout.scroll <= layout.viewport, `scrolls sideways: ${layout.scroll} > ${layout.viewport}`);
    assert.equal(layout.images, 0, "a comment's markup is never HTML");
    assert.ok(layout.comments.some((c) => c.startsWith("<img src=x onerror=alert(1)>")), layout.comments.join("\n"));
    assert.deepEqual(await audit(page, "html"), []);
    await page.screenshot({ path: join(artifacts, `report-${width}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("in forced colours the report's charts are still drawn", async () => {
  const { page, context, errors } = await openReport(375, { forcedColors: "active" });
  assert.equal(await page.evaluate(() => matchMedia("(forced-colors: active)").matches), true);
  const charts = await page.locator("svg[role=img]").all();
  assert.ok(charts.length >= 2, "the weekly trend and the distribution");
  for (const chart of charts) {
    const ink = inkPixels(decodePng(await chart.screenshot()));
    // Bars, axes and labels: far more than a blank box's anti-aliased edge.
    assert.ok(ink > 500, `a chart is drawn with ${ink} pixels of ink`);
  }
  await page.screenshot({ path: join(artifacts, "report-375-forced-colors.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
