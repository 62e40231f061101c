// Benchmark ("size and speed, side by side"): the built FeedWidgets bundle (dist/) against the
// npm libraries a page would otherwise load for the same jobs -- Splide 4.1.4, Swiper 14 and
// Embla Carousel 8 for the carousel, vanilla-cookieconsent 3.1 for the banner -- in one run on
// one machine, printed as ONE markdown table:
//
//   - bytes: gzip -9 and brotli (quality 11) of what a page loads, per widget and for all three;
//   - time: navigation to first slide visible and to all widgets interactive, 10-item feed,
//     median of RUNS cold loads, ours against Splide, as a ratio;
//   - the page whose only widget is an untranslated disclaimer: bytes requested, time, and an
//     assertion that no Wasm was requested;
//   - memory after mount and a forced GC at 10 and 10,000 items: V8's JS heap, Blink's heap (the
//     DOM) and our Wasm linear memory, against Splide's.
//
// Not a test; not run in CI.
//
//   (cd bench/compare && npm ci) && node bench/compare/run.mjs
//
// Environment: RUNS (measured cold loads per timed page, default 15), HEAP_RUNS (loads per
// memory cell, default 3), BENCH_JSON=1 prints every load as JSON on stderr.
import { readdir } from "node:fs/promises";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../../tools/chromium.mjs";
import { makeFeed } from "../feed.mjs";
import { serveBench } from "../server.mjs";
import { oursPage, probe, splidePage } from "../carousel/pages.mjs";
import { execFileSync } from "node:child_process";
import zlib from "node:zlib";
import os from "node:os";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));
const liveDist = join(root, "dist");
const carouselPage = join(root, "bench", "carousel", "page"); // probe.js and splide-page.js, reused as is
const modules = join(here, "node_modules");

const RUNS = Math.max(1, Number(process.env.RUNS ?? 15));
const HEAP_RUNS = Math.max(1, Number(process.env.HEAP_RUNS ?? 3));
const HEAP_SIZES = [10, 10_000];
const TIME_ITEMS = 10;
const RUN_TIMEOUT_MS = 60_000;
const NO_WASM_WAIT_MS = 2_500; // longer than the loader's 2 s cookie re-check
const SETTLE_MS = 500; // after mount, before the forced GC and the heap reading

// ---- the libraries (exact versions pinned in package.json and package-lock.json) ----

const pkg = (name) => JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8"));
const LIBS = {
  splide: { name: "Splide", pkg: "@splidejs/splide", files: ["dist/js/splide.min.js", "dist/css/splide.min.css"] },
  swiper: { name: "Swiper", pkg: "swiper", files: ["swiper-bundle.min.js", "swiper-bundle.min.css"] },
  swiperCore: { name: "Swiper", pkg: "swiper", files: ["swiper.min.js", "swiper.min.css"] },
  embla: { name: "Embla Carousel", pkg: "embla-carousel", files: ["embla-carousel.umd.js"] },
  cookieconsent: { name: "vanilla-cookieconsent", pkg: "vanilla-cookieconsent", files: ["dist/cookieconsent.umd.js", "dist/cookieconsent.css"] },
};
for (const lib of Object.values(LIBS)) {
  const files = lib.files.map((f) => join(modules, lib.pkg, f));
  const missing = files.find((f) => !existsSync(f));
  if (missing) {
    console.error(`missing ${missing}: run npm ci in bench/compare`);
    process.exit(1);
  }
  lib.version = pkg(lib.pkg).version;
  lib.paths = files;
}
const splideDist = join(modules, "@splidejs", "splide", "dist");

// ---- dist/ (another build may replace it during the run: the run measures and serves a
// snapshot, taken when two fingerprints a second apart agree) ----

async function waitForDist() {
  for (let i = 0; i < 120 && !(existsSync(join(liveDist, "feedwidgets_bg.wasm")) && existsSync(join(liveDist, "embed.js"))); i += 1) {
    if (i === 0) process.stderr.write("dist/ is missing (a build is running?): waiting\n");
    await new Promise((r) => setTimeout(r, 1000));
  }
  if (!existsSync(join(liveDist, "embed.js"))) throw new Error("dist/ still missing: run scripts/build.sh");
}

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...await listFiles(path));
    else out.push(path);
  }
  return out.sort();
}

/** What a page with a widget loads from dist/: the loader, the glue, its snippets, the Wasm. */
async function bundleFiles(dist) {
  const snippets = existsSync(join(dist, "snippets")) ? await listFiles(join(dist, "snippets")) : [];
  return [join(dist, "embed.js"), join(dist, "feedwidgets.js"), ...snippets, join(dist, "feedwidgets_bg.wasm")];
}

/** A hash of what bundleFiles lists in `dir`: names relative to `dir`, and contents. */
async function fingerprint(dir) {
  const hash = createHash("sha256");
  for (const f of await bundleFiles(dir)) hash.update(relative(dir, f)).update(readFileSync(f));
  return hash.digest("hex").slice(0, 12);
}

async function snapshotDist() {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    await waitForDist();
    const dir = mkdtempSync(join(os.tmpdir(), "fw-compare-dist-"));
    try {
      const before = await fingerprint(liveDist);
      await new Promise((r) => setTimeout(r, 1000));
      cpSync(liveDist, dir, { recursive: true });
      if (await fingerprint(liveDist) === before && await fingerprint(dir) === before) {
        const built = new Date(Math.max(...(await bundleFiles(liveDist)).map((f) => statSync(f).mtimeMs)));
        return { dir, hash: before, built };
      }
    } catch { /* a file went away mid-copy: try again */ }
    rmSync(dir, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 2000));
  }
  throw new Error("dist/ kept changing: no stable snapshot");
}
const snapshot = await snapshotDist();
const dist = snapshot.dir;
process.on("exit", () => rmSync(dist, { recursive: true, force: true }));
const bundle = await bundleFiles(dist);

// ---- sizes: gzip -9 and brotli quality 11 of each file (each is its own transfer), summed ----

const sizeCache = new Map();
function sizes(file) {
  if (!sizeCache.has(file)) {
    const body = readFileSync(file);
    sizeCache.set(file, {
      raw: body.length,
      gzip: zlib.gzipSync(body, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(body, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }).length,
    });
  }
  return sizeCache.get(file);
}
const total = (files) => files.map(sizes).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });

const bytes = {
  bundle: total(bundle),
  loader: total([join(dist, "embed.js")]),
  ...Object.fromEntries(Object.entries(LIBS).map(([k, lib]) => [k, total(lib.paths)])),
};

// ---- feeds (JSON Feed 1.1, generated in memory, newest first; as bench/carousel) ----

const feeds = new Map([...new Set([TIME_ITEMS, ...HEAP_SIZES])].map((n) => [n, makeFeed(n)]));

// ---- pages ----

const probes = (kind, n, widgets) =>
  `${probe(kind, feeds.get(n).firstTitle, "/carousel-page/")}
<script src="/cmp/ready.js" data-kind="${kind}" data-widgets="${widgets}"></script>`;

const PAGES = {
  // All three widgets on a page the translator has marked (Chrome's class), one 10-item feed.
  "ours-all": (n) => `<!doctype html>
<html lang="en" class="translated-ltr">
<head><meta charset="utf-8"><title>FeedWidgets: all three widgets, ${n} items</title>
${probes("ours", n, "carousel,feedback,disclaimer")}
<script type="module" src="/dist/embed.js"></script></head>
<body><fw-disclaimer src="/feed-${n}.json" org="ICESCO"></fw-disclaimer>
<main><h1>News</h1>
<fw-news-carousel src="/feed-${n}.json" max-items="10000"></fw-news-carousel>
<fw-feedback src="/feed-${n}.json" endpoint="/api/feedback"></fw-feedback>
</main></body>
</html>`,
  // The carousel alone, bench/carousel's page.
  "ours-carousel": (n) => oursPage({
    title: `FeedWidgets carousel, ${n} items`, n, firstTitle: feeds.get(n).firstTitle,
    head: probes("ours", n, "carousel"),
  }),
  // Splide built the common way (bench/carousel/page/splide-page.js), bench/carousel's page.
  splide: (n) => splidePage({
    title: `Splide carousel, ${n} items`, n, firstTitle: feeds.get(n).firstTitle,
    base: "/carousel-page/", head: probes("splide", n, "carousel"),
  }),
  // Only a disclaimer, page not translated: only the loader may load.
  "ours-disclaimer": (n) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>FeedWidgets: only a disclaimer, not translated</title>
<script type="module" src="/dist/embed.js"></script></head>
<body><fw-disclaimer src="/feed-${n}.json" org="ICESCO"></fw-disclaimer>
<main><h1>An untranslated page</h1><p>Its only widget is the translation disclaimer.</p></main>
</body>
</html>`,
};

// ---- server (bench/server.mjs: 127.0.0.1, uncompressed, every response no-store) ----

const server = await serveBench({
  pages: PAGES,
  feeds,
  mounts: [["/dist/", dist], ["/splide/", splideDist], ["/carousel-page/", carouselPage], ["/cmp/", join(here, "page")]],
});
const { base } = server;

// ---- browser (tools/chromium.mjs) ----

const browser = await launchChromium();

/** A page in a fresh browser context (empty HTTP and code caches), recording requests and errors. */
async function openPage(name, n) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  const requested = []; // the path of every request the page made, finished or not
  const requests = []; // { path, bytes } of every finished request
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("request", (request) => requested.push(new URL(request.url()).pathname));
  page.on("requestfinished", async (request) => {
    const entry = { path: new URL(request.url()).pathname, bytes: null };
    requests.push(entry);
    try { entry.bytes = (await request.sizes()).responseBodySize; } catch { /* page closed */ }
  });
  await page.goto(`${base}/${name}-${n}.html`, { waitUntil: "domcontentloaded", timeout: RUN_TIMEOUT_MS });
  return { context, page, errors, requested, requests, label: `${name} ${n}` };
}

/** Evaluates `fn` in the page, failing after RUN_TIMEOUT_MS with the page's errors. */
async function evaluateWithin(p, fn, arg) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${p.label}: nothing after ${RUN_TIMEOUT_MS} ms; errors: ${p.errors.join(" | ")}`)), RUN_TIMEOUT_MS);
  });
  try {
    return await Promise.race([p.page.evaluate(fn, arg), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const bundleRequests = (paths) => paths.filter((path) => path.endsWith(".wasm") || path.endsWith("/feedwidgets.js"));

/** One cold timed load: first slide visible (probe.js) and all widgets ready (ready.js). */
async function timed(name, n, { waitMs = 0 } = {}) {
  const p = await openPage(name, n);
  try {
    if (name === "ours-disclaimer") {
      await p.page.waitForLoadState("load");
      await p.page.waitForTimeout(waitMs || 300);
      const nav = await p.page.evaluate(() => {
        const e = performance.getEntriesByType("navigation")[0];
        return { dcl: e.domContentLoadedEventEnd, load: e.loadEventEnd, loader: typeof window.FeedWidgets?.mount === "function" };
      });
      if (!nav.loader) throw new Error(`${p.label}: window.FeedWidgets missing`);
      const wasm = bundleRequests(p.requested);
      if (wasm.length) throw new Error(`${p.label}: the bundle was requested: ${wasm.join(", ")}`);
      if (p.errors.length) throw new Error(`${p.label}: page errors: ${p.errors.join(" | ")}`);
      return { ...nav, requests: p.requests.map((r) => ({ ...r })) };
    }
    const first = await evaluateWithin(p, () => window.__bench);
    const ready = await evaluateWithin(p, () => window.__ready);
    if (p.errors.length) throw new Error(`${p.label}: page errors: ${p.errors.join(" | ")}`);
    return { t: first.t, ...ready, requests: p.requests.map((r) => r.path) };
  } finally {
    await p.context.close();
  }
}

/** One cold load for memory: mount, settle, forced GC, then the JS heap and the Wasm memory. */
async function memory(name, n) {
  const p = await openPage(name, n);
  try {
    await evaluateWithin(p, () => window.__bench);
    await p.page.waitForTimeout(SETTLE_MS);
    const cdp = await p.context.newCDPSession(p.page);
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");
    // The glue's default export (its init function) resolves to the Wasm instance's exports once
    // the bundle has started; importing the same URL as embed.js gives the same module, so this
    // reads the bundle's own WebAssembly.Memory without starting anything new.
    const wasm = name.startsWith("ours")
      ? await p.page.evaluate(async () => {
        const glue = await import("/dist/feedwidgets.js");
        const exports = await glue.default();
        // The release build gives the exports short names (scripts/minify-wasm-names.mjs):
        // find the memory by its type, not by the name `memory`.
        const memory = Object.values(exports).find((value) => value instanceof WebAssembly.Memory);
        return memory ? memory.buffer.byteLength : null;
      })
      : null;
    if (p.errors.length) throw new Error(`${p.label}: page errors: ${p.errors.join(" | ")}`);
    // usedSize: V8's JS heap; embedderHeapUsedSize: Blink's garbage-collected heap (Oilpan),
    // where the DOM's nodes live. Neither holds the Wasm memory's buffer (backingStorageSize,
    // the ArrayBuffers' bytes, leaves it out too, as seen: a few KB).
    return { used: heap.usedSize, embedder: heap.embedderHeapUsedSize ?? 0, backing: heap.backingStorageSize ?? null, wasm };
  } finally {
    await p.context.close();
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const spread = (xs) => `${fmtInt(Math.min(...xs))}–${fmtInt(Math.max(...xs))}`;
const fmtInt = (x) => Math.round(x).toLocaleString("en-US");
const fmtKiB = (x) => `${fmtInt(x / 1024)} KiB`;
const ratio = (a, b) => (a / b >= 0.1 ? (a / b).toFixed(2) : (a / b).toPrecision(2));
const json = (o) => { if (process.env.BENCH_JSON) console.error(JSON.stringify(o)); };

const load = [os.loadavg()[0]];
const started = Date.now();
const timedPages = ["ours-all", "splide", "ours-carousel", "ours-disclaimer"];
const times = Object.fromEntries(timedPages.map((p) => [p, []]));
const heaps = {};
let chromiumVersion;
let firstDisclaimer;
try {
  // One discarded warm-up load per page (browser process start, first-use costs); the
  // disclaimer-only warm-up also waits past the loader's 2 s cookie re-check for the Wasm check.
  for (const name of timedPages) {
    const result = await timed(name, TIME_ITEMS, { waitMs: name === "ours-disclaimer" ? NO_WASM_WAIT_MS : 0 });
    if (name === "ours-disclaimer") firstDisclaimer = result;
  }
  // Measured loads, interleaved, the order rotating each round.
  for (let i = 0; i < RUNS; i += 1) {
    for (let j = 0; j < timedPages.length; j += 1) {
      const name = timedPages[(i + j) % timedPages.length];
      const result = await timed(name, TIME_ITEMS);
      times[name].push(result);
      json({ page: name, run: i, ...result, requests: undefined });
    }
  }
  process.stderr.write(`timed loads done (${Math.round((Date.now() - started) / 1000)} s)\n`);
  for (const n of HEAP_SIZES) {
    for (const name of ["ours-carousel", "splide"]) {
      heaps[`${name}-${n}`] = [];
      for (let i = 0; i < HEAP_RUNS; i += 1) {
        const result = await memory(name, n);
        heaps[`${name}-${n}`].push(result);
        json({ memory: name, n, run: i, ...result });
      }
    }
  }
  process.stderr.write(`memory loads done (${Math.round((Date.now() - started) / 1000)} s)\n`);
} finally {
  load.push(os.loadavg()[0]);
  chromiumVersion = browser.version();
  await browser.close();
  server.close();
}

// ---- checks on what the pages really loaded ----

const distPath = (f) => `/dist/${relative(dist, f).split(sep).join("/")}`;
const bundlePaths = bundle.map(distPath).sort();
const allPageDist = [...new Set(times["ours-all"].flatMap((r) => r.requests).filter((p) => p.startsWith("/dist/")))].sort();
const bundleCheck = JSON.stringify(allPageDist) === JSON.stringify(bundlePaths)
  ? "the page with three widgets requested exactly these files from dist/"
  : `WARNING: the page with three widgets requested ${allPageDist.join(", ")}`;
const feedFetches = [...new Set(times["ours-all"].map((r) => r.requests.filter((p) => p === `/feed-${TIME_ITEMS}.json`).length))].join(" or ");
let liveHash = null;
try { liveHash = await fingerprint(liveDist); } catch { /* dist/ being rebuilt */ }
const disclaimerRequests = firstDisclaimer.requests;
const disclaimerBytes = disclaimerRequests.reduce((a, r) => a + (r.bytes ?? 0), 0);
const disclaimerList = disclaimerRequests.map((r) => `${r.path.replace(/^\/ours-disclaimer-\d+\.html$/, "page")} ${fmtInt(r.bytes ?? 0)}`).join(" + ");

// ---- the table ----

const gzbr = (s) => `${fmtInt(s.gzip)} / ${fmtInt(s.brotli)}`;
const gzbrRatio = (a, b) => `${ratio(a.gzip, b.gzip)} / ${ratio(a.brotli, b.brotli)}`;
const sum = (...xs) => xs.reduce((a, b) => ({ gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli, raw: a.raw + b.raw }));
const lib = (k) => `${LIBS[k].name} ${LIBS[k].version}`;
const ours = bytes.bundle;
const cc = bytes.cookieconsent;

const t = (page, key) => times[page].map((r) => r[key]);
const msCell = (page, key) => `${fmtInt(median(t(page, key)))} (${spread(t(page, key))})`;
const msRatio = (a, ka, b, kb) => ratio(median(t(a, ka)), median(t(b, kb)));
// The median of the per-round ratios (both loads of a round ran within seconds of each other,
// so a slow spell of the shared CPU weighs on both).
const paired = (a, ka, b, kb) => `paired: ${median(t(a, ka).map((x, i) => x / t(b, kb)[i])).toFixed(2)}`;

const h = (name, n, key) => heaps[`${name}-${n}`].map((r) => r[key]);
const heapCell = (name, n, key) => `${fmtKiB(median(h(name, n, key)))} (${spread(h(name, n, key).map((x) => x / 1024))})`;
const sumOf = (name, n) => heaps[`${name}-${n}`].map((r) => r.used + r.embedder + (r.wasm ?? 0));

const rows = [
  ["**bytes**, gzip -9 / brotli 11: carousel", `${gzbr(ours)} (the whole bundle: ${fmtInt(ours.raw)} raw)`, `${lib("splide")}, js + css: ${gzbr(bytes.splide)} (${fmtInt(bytes.splide.raw)} raw)`, gzbrRatio(ours, bytes.splide), "the same bundle serves every widget"],
  ["bytes: carousel", "same", `${lib("swiper")}, bundle js + css: ${gzbr(bytes.swiper)} (${fmtInt(bytes.swiper.raw)} raw)`, gzbrRatio(ours, bytes.swiper), "swiper-bundle: every Swiper module"],
  ["bytes: carousel", "same", `${lib("swiperCore")}, core only, js + css: ${gzbr(bytes.swiperCore)} (${fmtInt(bytes.swiperCore.raw)} raw)`, gzbrRatio(ours, bytes.swiperCore), "a lower bound: no arrows, dots or a11y modules"],
  ["bytes: carousel", "same", `${lib("embla")}, UMD (minified): ${gzbr(bytes.embla)} (${fmtInt(bytes.embla.raw)} raw)`, gzbrRatio(ours, bytes.embla), "Embla ships no CSS, buttons or dots: the page writes them"],
  ["bytes: feedback", "same", "no library (a hand-written form)", "–", ""],
  ["bytes: disclaimer, translated page", "same", `${lib("cookieconsent")}, js + css: ${gzbr(cc)} (${fmtInt(cc.raw)} raw)`, gzbrRatio(ours, cc), "a consent banner, the nearest drop-in banner"],
  ["bytes: all three widgets", "same", `Splide + cookieconsent: ${gzbr(sum(bytes.splide, cc))}`, gzbrRatio(ours, sum(bytes.splide, cc)), "plus the page's own feedback form"],
  ["bytes: all three widgets", "same", `Swiper + cookieconsent: ${gzbr(sum(bytes.swiper, cc))}`, gzbrRatio(ours, sum(bytes.swiper, cc)), ""],
  ["bytes: all three widgets", "same", `Embla + cookieconsent: ${gzbr(sum(bytes.embla, cc))}`, gzbrRatio(ours, sum(bytes.embla, cc)), ""],
  ["bytes: the loader alone (`embed.js`)", `${gzbr(bytes.loader)} (${fmtInt(bytes.loader.raw)} raw)`, `cookieconsent: ${gzbr(cc)}`, gzbrRatio(bytes.loader, cc), "all a page without widgets, or with only an untranslated disclaimer, loads"],
  [`**ms** to first slide visible, ${TIME_ITEMS} items: page with all three widgets`, msCell("ours-all", "t"), `Splide (carousel only): ${msCell("splide", "t")}`, msRatio("ours-all", "t", "splide", "t"), `median (min–max); ${paired("ours-all", "t", "splide", "t")}`],
  [`ms to first slide visible, ${TIME_ITEMS} items: carousel-only page`, msCell("ours-carousel", "t"), `Splide: ${msCell("splide", "t")}`, msRatio("ours-carousel", "t", "splide", "t"), `as bench/carousel; ${paired("ours-carousel", "t", "splide", "t")}`],
  ["ms to all widgets interactive", msCell("ours-all", "all"), `Splide: ${msCell("splide", "all")}`, msRatio("ours-all", "all", "splide", "all"), `${paired("ours-all", "all", "splide", "all")}; ours: next button + 5 rating inputs + disclaimer text in the shadow roots; Splide: its next arrow`],
  ["ms to each widget interactive, ours", `carousel ${fmtInt(median(t("ours-all", "carousel")))}, feedback ${fmtInt(median(t("ours-all", "feedback")))}, disclaimer ${fmtInt(median(t("ours-all", "disclaimer")))}`, "", "", "same page and loads as above"],
  ["only a disclaimer, untranslated: ms to DOMContentLoaded (loader run) / load", `${msCell("ours-disclaimer", "dcl")} / ${msCell("ours-disclaimer", "load")}`, "", "", `Wasm requested: no (checked on every load, ${NO_WASM_WAIT_MS / 1000} s wait on the first)`],
  ["only a disclaimer, untranslated: bytes requested", `${fmtInt(disclaimerBytes)} uncompressed: ${disclaimerList}`, "", "", `embed.js is ${gzbr(bytes.loader)} compressed`],
  ...HEAP_SIZES.flatMap((n) => [
    [`**JS heap** after mount + GC, ${fmtInt(n)} items`, heapCell("ours-carousel", n, "used"), `Splide: ${heapCell("splide", n, "used")}`, ratio(median(h("ours-carousel", n, "used")), median(h("splide", n, "used"))), "carousel-only pages (same as above), V8's `Runtime.getHeapUsage().usedSize`"],
    [`DOM heap after mount + GC, ${fmtInt(n)} items`, heapCell("ours-carousel", n, "embedder"), `Splide: ${heapCell("splide", n, "embedder")}`, ratio(median(h("ours-carousel", n, "embedder")), median(h("splide", n, "embedder"))), "Blink's heap, `embedderHeapUsedSize`"],
    [`Wasm linear memory, ${fmtInt(n)} items`, fmtKiB(median(h("ours-carousel", n, "wasm"))), "(no Wasm)", "", "the bundle's `WebAssembly.Memory`, `buffer.byteLength`"],
    [`JS heap + DOM heap + Wasm memory, ${fmtInt(n)} items`, fmtKiB(median(sumOf("ours-carousel", n))), `Splide: ${fmtKiB(median(sumOf("splide", n)))}`, ratio(median(sumOf("ours-carousel", n)), median(sumOf("splide", n))), "sum per load, then median"],
  ]),
];

const lines = [
  "| measure | FeedWidgets | other | ours / other | notes |",
  "| --- | ---: | ---: | ---: | --- |",
  ...rows.map((r) => `| ${r.join(" | ")} |`),
];
console.log(lines.join("\n"));
console.log();
console.log(`Bytes: each file compressed alone with node's zlib (gzip level 9; brotli quality 11), summed; ours = ${bundlePaths.join(" + ")} (${bundleCheck}; its three widgets fetched their shared feed ${feedFetches} time(s) per load). Libraries pinned in bench/compare/package-lock.json.`);
console.log(`Times: medians of ${RUNS} cold loads per page (fresh browser context each, loopback, uncompressed, no-store; one warm-up load per page discarded; pages interleaved, the order rotating each round), ms from navigation start; ratio = ratio of the medians, paired = median of the per-round ratios; feed of ${TIME_ITEMS} items (${fmtInt(feeds.get(TIME_ITEMS).bytes)} bytes). Memory: medians of ${HEAP_RUNS} loads per cell, ${SETTLE_MS} ms after the first slide, after two HeapProfiler.collectGarbage.`);
console.log(`dist/ built ${snapshot.built.toISOString().slice(0, 16).replace("T", " ")} UTC, fingerprint ${snapshot.hash}, measured and served from a copy taken at the start${liveHash === snapshot.hash ? " (dist/ unchanged during the run)" : " (dist/ was rebuilt during the run; this run used the copy)"}; commit ${gitHead()}; ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC; run took ${Math.round((Date.now() - started) / 1000)} s.`);
console.log(`Chromium ${chromiumVersion} headless (/usr/bin/chromium, playwright-core), node ${process.version}, nproc ${os.availableParallelism()} (${os.cpus()[0]?.model ?? "unknown CPU"}), load average ${load.map((l) => l.toFixed(2)).join(" → ")}.`);

function gitHead() {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}
