// End-to-end checks of the built bundle (dist/) in Debian's Chromium: the loader's promise that
// a page without widgets pays for no Wasm, late widgets, the JS API, and a strict CSP.
// Run: node --test e2e/ (after scripts/build.sh). Uses playwright-core from tools/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(join(root, "tools", "package.json"));
const { chromium } = require("playwright-core");

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".wasm": "application/wasm" };
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";

let server;
let base;
let browser;
const posts = [];

before(async () => {
  server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    if (path === "/api/feedback" && request.method === "POST") {
      let body = "";
      for await (const chunk of request) body += chunk;
      posts.push(JSON.parse(body));
      response.writeHead(201, { "content-type": "application/json" }).end('{"status":"accepted"}');
      return;
    }
    if (path === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    const file = normalize(join(root, path));
    const allowed = ["dist", "demo", join("e2e", "pages")].some((dir) => file.startsWith(join(root, dir)));
    try {
      if (!allowed) throw new Error("not served");
      const body = await readFile(file);
      const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream" };
      if (path.endsWith("csp.html")) headers["content-security-policy"] = CSP;
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Opens a page and records every request URL and console error. */
async function open(path) {
  const page = await browser.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(base + path, { waitUntil: "load" });
  return { page, requests, errors };
}

/** Text inside a widget's shadow root. */
function shadowText(page, selector) {
  return page.evaluate((s) => document.querySelector(s)?.shadowRoot?.textContent ?? null, selector);
}

test("a page without widgets loads the loader and no Wasm", async () => {
  const { page, requests, errors } = await open("/e2e/pages/no-widget.html");
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
  const { page, requests, errors } = await open("/e2e/pages/late-widget.html");
  await page.waitForTimeout(300);
  assert.equal(requests.filter((r) => r.endsWith(".wasm")).length, 0, "no Wasm before a widget");
  await page.evaluate(() => {
    const carousel = document.createElement("fw-news-carousel");
    carousel.setAttribute("src", "/demo/feed.json");
    document.getElementById("slot").append(carousel);
  });
  await page.waitForFunction(() =>
    document.querySelector("fw-news-carousel")?.shadowRoot?.querySelector(".fw-carousel__title"));
  assert.match(await shadowText(page, "fw-news-carousel"), /ICESCO Director-General receives/);
  assert.equal(requests.filter((r) => r.endsWith(".wasm")).length, 1, "the Wasm is fetched once");
  assert.deepEqual(errors, []);
  await page.close();
});

test("FeedWidgets.mount and unmount work on a page that had no widget", async () => {
  const { page, errors } = await open("/e2e/pages/no-widget.html");
  await page.evaluate(async () => {
    const host = document.createElement("section");
    host.id = "api-host";
    document.body.append(host);
    await window.FeedWidgets.mount(host, "feedback", { src: "/demo/feed.json", lang: "fr" });
  });
  await page.waitForFunction(() => document.getElementById("api-host")?.shadowRoot?.querySelector("legend"));
  assert.match(await shadowText(page, "#api-host"), /Dans l’ensemble/);
  const removed = await page.evaluate(() => window.FeedWidgets.unmount(document.getElementById("api-host")));
  assert.equal(removed, true);
  assert.equal(await shadowText(page, "#api-host"), "");
  assert.deepEqual(errors, []);
  await page.close();
});

test("the widgets work under a strict Content-Security-Policy, in Arabic", async () => {
  const { page, errors } = await open("/e2e/pages/csp.html");
  await page.waitForFunction(() =>
    document.querySelector("fw-news-carousel")?.shadowRoot?.querySelector(".fw-carousel__title")
    && document.querySelector("[data-fw-widget]")?.shadowRoot?.querySelector("legend"));
  const dir = await page.evaluate(() =>
    document.querySelector("fw-news-carousel").shadowRoot.querySelector("section").getAttribute("dir"));
  assert.equal(dir, "rtl");
  // Choose "Satisfied" and send: the rating reaches the endpoint under the CSP.
  await page.evaluate(() => {
    const form = document.querySelector("[data-fw-widget]").shadowRoot;
    form.querySelector('input[value="4"]').click();
    form.querySelector("button[type=submit]").click();
  });
  await page.waitForFunction(() => document.querySelector("[data-fw-widget]").shadowRoot.querySelector("h2"));
  assert.equal(posts.at(-1)?.rating, 4);
  assert.equal(posts.at(-1)?.widget_language, "ar");
  assert.deepEqual(errors, [], "no CSP violation or other error");
  await page.close();
});
