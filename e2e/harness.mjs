// Shared by the end-to-end tests: a static server for the built dist/, the demo feed and the
// test pages (with a stand-in feedback endpoint that records what it receives and checks the
// submission key as the collector does), Debian's Chromium through playwright-core, and an
// axe-core audit.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import { launchChromium } from "../tools/chromium.mjs";

export const root = fileURLToPath(new URL("..", import.meta.url));
const require = createRequire(join(root, "tools", "package.json"));
const axePath = require.resolve("axe-core/axe.min.js");

const TYPES = {
  ".html": "text/html", ".js": "text/javascript", ".json": "application/json",
  ".wasm": "application/wasm", ".css": "text/css",
};
/** The policy pages named csp*.html are served with. */
export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'";
/** The WCAG 2.2 A and AA rules. */
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** A submission key as the collector takes it: 32 lowercase hex digits (128 bits). */
export const SUBMISSION_KEY = /^[0-9a-f]{32}$/;

/**
 * What the stand-in collector answers to a parsed body, as the real one does for these rules:
 * 422 without a well-formed `submission_key`, 409 when an accepted id comes back with another
 * key, else `env.feedbackStatus`. `keys` maps accepted ids to their keys.
 */
function feedbackStatus(env, keys, body) {
  if (typeof body?.submission_id !== "string" || typeof body.submission_key !== "string"
    || !SUBMISSION_KEY.test(body.submission_key)) return 422;
  const known = keys.get(body.submission_id);
  if (known !== undefined && known !== body.submission_key) return 409;
  if (env.feedbackStatus >= 200 && env.feedbackStatus < 300) keys.set(body.submission_id, body.submission_key);
  return env.feedbackStatus;
}

/**
 * Starts the server and the browser. `posts` collects the JSON bodies POSTed to
 * /api/feedback (`statuses` what each was answered); set `env.feedbackStatus` to make the
 * endpoint answer a valid submission with another status.
 */
export async function start() {
  const env = { posts: [], statuses: [], feedbackStatus: 201 };
  const keys = new Map();
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://localhost").pathname);
    if (path === "/api/feedback" && request.method === "POST") {
      let text = "";
      for await (const chunk of request) text += chunk;
      let body = null;
      try { body = JSON.parse(text); } catch { /* answered 400 below */ }
      const status = body === null ? 400 : feedbackStatus(env, keys, body);
      env.posts.push(body);
      env.statuses.push(status);
      response.writeHead(status, { "content-type": "application/json" })
        .end(status < 300 ? '{"status":"accepted"}' : '{"error":"refused"}');
      return;
    }
    if (path === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    const file = normalize(join(root, path));
    // Bootstrap's CSS from npm, for the foreign host pages (e2e/hosts.test.mjs): that folder only.
    const bootstrapCss = join("tools", "node_modules", "bootstrap", "dist", "css");
    const allowed = ["dist", "demo", join("e2e", "pages"), bootstrapCss].some((dir) => file.startsWith(join(root, dir)));
    try {
      if (!allowed) throw new Error("not served");
      const body = await readFile(file);
      const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream" };
      if (/\/csp[^/]*\.html$/.test(path)) headers["content-security-policy"] = CSP;
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  env.base = `http://127.0.0.1:${server.address().port}`;
  env.browser = await launchChromium();
  env.stop = async () => {
    await env.browser.close();
    server.close();
  };
  return env;
}

/**
 * Opens `path` in a new page (CSP bypassed when `audit` is wanted, since axe is injected),
 * recording request paths and console errors.
 */
export async function open(env, path, { bypassCSP = false, reducedMotion = "no-preference" } = {}) {
  const context = await env.browser.newContext({ bypassCSP, reducedMotion });
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(env.base + path, { waitUntil: "load" });
  page.close = ((close) => async () => { await close.call(page); await context.close(); })(page.close);
  return { page, requests, errors };
}

/** Text inside the shadow root of the element `selector` names. */
export function shadowText(page, selector) {
  return page.evaluate((s) => document.querySelector(s)?.shadowRoot?.textContent ?? null, selector);
}

/** Waits until `inner` matches inside the shadow root of `host`. */
export function waitInShadow(page, host, inner) {
  return page.waitForFunction(([h, i]) => document.querySelector(h)?.shadowRoot?.querySelector(i), [host, inner]);
}

/**
 * Runs axe-core's WCAG 2.2 A/AA rules on the element `selector` names (its shadow tree
 * included) and returns the violations as readable lines.
 */
export async function audit(page, selector) {
  if (!(await page.evaluate(() => typeof window.axe === "object"))) {
    await page.addScriptTag({ path: axePath });
  }
  const violations = await page.evaluate(async ([s, tags]) => {
    const result = await window.axe.run(document.querySelector(s), { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  }, [selector, WCAG]);
  return violations;
}
