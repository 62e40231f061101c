// The npm package as a web developer gets it: scripts/package.sh makes the tarball from the
// built dist/, it installs into an empty project with no registry, its `exports` resolve to
// the loader, its types check a TypeScript file that uses the elements, events and API
// (tsc --noEmit from tools/), and a page served from that project on loopback mounts the
// widgets from node_modules.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createServer } from "node:http";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "./harness.mjs";
import { launchChromium } from "../tools/chromium.mjs";

const version = readFileSync(join(root, "Cargo.toml"), "utf8").match(/^version = "([^"]+)"/m)[1];
let project;
let tarball;

before(() => {
  tarball = execFileSync(join(root, "scripts", "package.sh"), {
    env: { ...process.env, FW_PACKAGE_NO_BUILD: "1" },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  }).trim().split("\n").pop();
  project = mkdtempSync(join(tmpdir(), "fw-package-"));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "host-site", private: true, type: "module" }));
  execFileSync("npm", ["install", tarball, "--offline", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: project });
});
after(() => rmSync(project, { recursive: true, force: true }));

test("the tarball holds the versioned bundle, the manifest, the types and the licence", () => {
  assert.match(tarball, new RegExp(`feedwidgets-${version.replaceAll(".", "\\.")}\\.tgz$`));
  const installed = join(project, "node_modules", "feedwidgets");
  const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
  for (const file of [
    `dist/${version}/embed.js`, `dist/${version}/feedwidgets.js`, `dist/${version}/feedwidgets_bg.wasm`,
    "custom-elements.json", "feedwidgets.d.ts", "html-custom-data.json", "README.md", "LICENSE-MIT", "LICENSE-APACHE",
  ]) {
    assert.ok(existsSync(join(installed, file)), `${file} is in the package`);
  }
  assert.equal(manifest.customElements, "custom-elements.json");
  assert.equal(manifest.types, "./feedwidgets.d.ts");
  assert.equal(manifest.module, `./dist/${version}/embed.js`);
  const elements = JSON.parse(readFileSync(join(installed, "custom-elements.json"), "utf8"));
  assert.deepEqual(elements.modules[0].declarations.map((d) => d.tagName), ["fw-news-carousel", "fw-feedback", "fw-disclaimer"]);
  assert.ok(existsSync(join(installed, elements.modules[0].path)), "the manifest's module path exists");
});

test("the package name resolves to the loader through its exports", () => {
  const resolved = execFileSync("node", ["--input-type=module", "-e", 'console.log(import.meta.resolve("feedwidgets"))'], { cwd: project, encoding: "utf8" }).trim();
  assert.equal(resolved, pathToFileURL(join(project, "node_modules", "feedwidgets", "dist", version, "embed.js")).href);
});

test("a TypeScript file using the elements, events and API type-checks against the installed types", () => {
  cpSync(join(root, "package", "check", "usage.ts"), join(project, "usage.ts"));
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: "es2022", module: "esnext", moduleResolution: "bundler",
      lib: ["es2022", "dom"], skipLibCheck: false,
    },
    files: ["usage.ts"],
  }));
  const tsc = join(root, "tools", "node_modules", ".bin", "tsc");
  try {
    execFileSync(tsc, ["-p", project], { encoding: "utf8" });
  } catch (error) {
    assert.fail(`tsc found errors:\n${error.stdout}${error.stderr}`);
  }
});

test("a page served from the installed package mounts the widgets", async () => {
  cpSync(join(root, "demo", "feed.json"), join(project, "feed.json"));
  const base = `/node_modules/feedwidgets/dist/${version}`;
  const css = existsSync(join(project, base, "feedwidgets.css")) ? `<link rel="stylesheet" href="${base}/feedwidgets.css">` : "";
  writeFileSync(join(project, "index.html"), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Installed</title>${css}<script type="module" src="${base}/embed.js"></script></head>
<body><main><fw-news-carousel src="/feed.json"></fw-news-carousel>
<fw-feedback src="/feed.json" endpoint="/api/feedback"></fw-feedback></main></body></html>`);
  const types = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".wasm": "application/wasm", ".css": "text/css" };
  const server = createServer(async (request, response) => {
    if (request.url === "/favicon.ico") return void response.writeHead(204).end();
    const file = normalize(join(project, decodeURIComponent(new URL(request.url, "http://localhost").pathname)));
    try {
      if (!file.startsWith(project)) throw new Error("outside");
      const body = await readFile(file.endsWith("/") ? join(file, "index.html") : file);
      response.writeHead(200, { "content-type": types[extname(file)] ?? "text/html" }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    const requests = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
    page.on("request", (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForFunction(() => document.querySelector("fw-news-carousel")?.shadowRoot?.querySelector(".fw-carousel__title")
      && document.querySelector("fw-feedback")?.shadowRoot?.querySelector("[role=radiogroup], fieldset"));
    assert.ok(requests.includes(`${base}/feedwidgets_bg.wasm`), "the Wasm came from the package");
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});
