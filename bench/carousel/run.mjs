// Benchmark (issue #3): time to the first visible slide and DOM size of the FeedWidgets news
// carousel (the built dist/) against Splide 4.1.4 built the common way, for feeds of 10, 1,000
// and 10,000 items, in headless Debian Chromium, with the floor (page/floor-page.js: fetch,
// JSON.parse, one slide, no library) for reference. Not a test; not run in CI.
//
//   scripts/build.sh && (cd bench/carousel && npm ci) && node bench/carousel/run.mjs
//
// Environment: RUNS (measured runs per page and size, default 9, at least 7), SIZES
// (comma-separated, default 10,1000,10000,10000r; a trailing r is the realistic feed of that
// many items, bench/feed.mjs), BENCH_JSON=1 prints every run as JSON on stderr, YEW_FLOOR (the
// folder bench/yew-floor/build.sh writes, target/yew-floor) adds a fourth page, the Yew
// carousel floor, and a second table with its times.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../../tools/chromium.mjs";
import { makeFeed, makeRealisticFeed } from "../feed.mjs";
import { median, serveBench } from "../server.mjs";
import { attr, oursPage, splidePage, yewFloorPage } from "./pages.mjs";
import os from "node:os";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));
/** The build measured: `DIST` (a copy of a built dist/), else the worktree's own dist/. */
const distDir = process.env.DIST ? resolve(process.env.DIST) : join(root, "dist");
const splideDist = join(here, "node_modules", "@splidejs", "splide", "dist");
/** The Yew carousel floor's build (bench/yew-floor/build.sh), measured only when named. */
const yewFloorDir = process.env.YEW_FLOOR ? resolve(process.env.YEW_FLOOR) : null;

const RUNS = Math.max(7, Number(process.env.RUNS ?? 9));
// An item count (the trimmed feed), or a count and "r" (the realistic one).
const SIZES = (process.env.SIZES ?? "10,1000,10000,10000r").split(",")
  .map((size) => (size.endsWith("r") ? size : Number(size)));
const RUN_TIMEOUT_MS = 60_000;

for (const file of [join(distDir, "embed.js"), join(splideDist, "js", "splide.min.js"), ...(yewFloorDir ? [join(yewFloorDir, "embed.js")] : [])]) {
  if (!existsSync(file)) {
    console.error(`missing ${file}: run scripts/build.sh, and npm ci in bench/carousel (and bench/yew-floor/build.sh for YEW_FLOOR)`);
    process.exit(1);
  }
}

// ---- feeds (JSON Feed 1.1, generated in memory, newest first) ----

const feeds = new Map(SIZES.map((n) => [n, typeof n === "number" ? makeFeed(n) : makeRealisticFeed(parseInt(n, 10))]));
/** A feed's row label: its item count, and "realistic" for the realistic one. */
const label = (n) => (typeof n === "number" ? fmtInt(n) : `${fmtInt(parseInt(n, 10))} realistic`);

// ---- pages ----

function oursCarousel(n) {
  return oursPage({ title: `FeedWidgets carousel, ${n} items`, n, firstTitle: feeds.get(n).firstTitle });
}

function splideCarousel(n) {
  return splidePage({ title: `Splide carousel, ${n} items`, n, firstTitle: feeds.get(n).firstTitle });
}

function floorPage(n) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Floor, ${n} items</title>
<script src="/bench/probe.js" data-kind="floor" data-expect="${attr(feeds.get(n).firstTitle)}"></script></head>
<body><main><h1>News</h1>
<section class="floor" aria-label="News" data-src="/feed-${n}.json"></section>
</main>
<script src="/bench/floor-page.js"></script>
</body>
</html>`;
}

function yewFloorCarousel(n) {
  return yewFloorPage({ title: `Yew carousel floor, ${n} items`, n, firstTitle: feeds.get(n).firstTitle });
}

const PAGES = { ours: oursCarousel, splide: splideCarousel, floor: floorPage, ...(yewFloorDir ? { "yew-floor": yewFloorCarousel } : {}) };
const KINDS = Object.keys(PAGES);

// ---- server (bench/server.mjs: 127.0.0.1, uncompressed, every response no-store) ----

const server = await serveBench({
  pages: PAGES,
  feeds,
  mounts: [["/dist/", distDir], ["/splide/", splideDist], ["/bench/", join(here, "page")], ...(yewFloorDir ? [["/yew-floor/", yewFloorDir]] : [])],
});
const { base } = server;

// ---- browser (tools/chromium.mjs) ----

const browser = await launchChromium();

/** A 1×1 GIF: what the realistic feed's images (on a reserved `.test` name) are answered with. */
const PIXEL = Buffer.from("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "base64");

/** One cold load in a fresh browser context (empty HTTP and code caches). */
async function measure(kind, n) {
  const context = await browser.newContext();
  await context.route(/^https?:\/\/[^/]*\.test\//, (route) => route.fulfill({ contentType: "image/gif", body: PIXEL }));
  const page = await context.newPage();
  const errors = [];
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  page.on("pageerror", (error) => errors.push(String(error)));
  let timer;
  try {
    await page.goto(`${base}/${kind}-${n}.html`, { waitUntil: "domcontentloaded", timeout: RUN_TIMEOUT_MS });
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${kind} ${n}: no visible first slide after ${RUN_TIMEOUT_MS} ms; errors: ${errors.join(" | ")}`)), RUN_TIMEOUT_MS);
    });
    const result = await Promise.race([page.evaluate(() => window.__bench), timeout]);
    if (errors.length) throw new Error(`${kind} ${n}: page errors: ${errors.join(" | ")}`);
    return result;
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}

const fmtInt = (x) => Math.round(x).toLocaleString("en-US");
const fmtMs = fmtInt;

const load = [os.loadavg()[0]];
const rows = [];
try {
  for (const n of SIZES) {
    // One discarded warm-up load each (browser process start, first-use costs), then the
    // measured loads, interleaved and rotating which page goes first (three pages, or four
    // with YEW_FLOOR).
    for (const kind of KINDS) await measure(kind, n);
    const runs = Object.fromEntries(KINDS.map((kind) => [kind, []]));
    for (let i = 0; i < RUNS; i += 1) {
      const order = KINDS.map((_, k) => KINDS[(k + i) % KINDS.length]);
      for (const kind of order) {
        const result = await measure(kind, n);
        runs[kind].push(result);
        if (process.env.BENCH_JSON) console.error(JSON.stringify({ n, kind, run: i, ...result }));
      }
    }
    const stat = (kind, key) => median(runs[kind].map((r) => r[key]));
    const range = (kind) => {
      const ts = runs[kind].map((r) => r.t);
      return `${fmtMs(Math.min(...ts))}–${fmtMs(Math.max(...ts))}`;
    };
    // The median of the per-round ratios: the loads of one round run seconds apart, so a slow
    // spell of the shared CPU weighs on both.
    const paired = (a, b) => median(runs[a].map((r, i) => r.t / runs[b][i].t));
    rows.push({
      n, bytes: feeds.get(n).bytes,
      ours: stat("ours", "t"), splide: stat("splide", "t"), floor: stat("floor", "t"),
      oursFrame: stat("ours", "frame"), splideFrame: stat("splide", "frame"),
      oursNodes: stat("ours", "nodes"), splideNodes: stat("splide", "nodes"),
      oursRange: range("ours"), splideRange: range("splide"),
      pairedSplide: paired("ours", "splide"), pairedFloor: paired("ours", "floor"),
      ...(yewFloorDir ? {
        yew: stat("yew-floor", "t"), yewFrame: stat("yew-floor", "frame"), yewRange: range("yew-floor"),
        yewSplide: paired("yew-floor", "splide"), yewOurs: paired("yew-floor", "ours"),
      } : {}),
    });
    process.stderr.write(`done: ${n} items\n`);
  }
} finally {
  load.push(os.loadavg()[0]);
  const version = browser.version();
  await browser.close();
  server.close();
  var chromiumVersion = version;
}

const lines = [
  "| feed items | ours ms | Splide ms | floor ms | ratio ours/Splide | paired ours/Splide | paired ours/floor | ours nodes | Splide nodes | ours min–max ms | Splide min–max ms | ours / Splide ms at next frame | feed bytes |",
  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map((r) => `| ${label(r.n)} | ${fmtMs(r.ours)} | ${fmtMs(r.splide)} | ${fmtMs(r.floor)} | ${(r.ours / r.splide).toFixed(2)} | ${r.pairedSplide.toFixed(2)} | ${r.pairedFloor.toFixed(2)} | ${fmtInt(r.oursNodes)} | ${fmtInt(r.splideNodes)} | ${r.oursRange} | ${r.splideRange} | ${fmtMs(r.oursFrame)} / ${fmtMs(r.splideFrame)} | ${fmtInt(r.bytes)} |`),
];
console.log(lines.join("\n"));
console.log();
console.log(`Medians of ${RUNS} cold loads per cell (fresh browser context each, responses no-store; one warm-up load per page and size discarded). Floor: fetch, JSON.parse, one slide, no library (page/floor-page.js).`);
console.log(`Chromium ${chromiumVersion} headless (/usr/bin/chromium, playwright-core), node ${process.version}, nproc ${os.availableParallelism()} (${os.cpus()[0]?.model ?? "unknown CPU"}), load average ${load.map((l) => l.toFixed(2)).join(" → ")}.`);
if (yewFloorDir) {
  console.log();
  console.log([
    "| feed items | yew floor ms | ratio yew floor/Splide | paired yew floor/Splide | paired yew floor/ours | yew floor min–max ms | yew floor ms at next frame |",
    "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${label(r.n)} | ${fmtMs(r.yew)} | ${(r.yew / r.splide).toFixed(2)} | ${r.yewSplide.toFixed(2)} | ${r.yewOurs.toFixed(2)} | ${r.yewRange} | ${fmtMs(r.yewFrame)} |`),
  ].join("\n"));
  console.log();
  console.log(`Yew floor: ${yewFloorDir} (bench/yew-floor: the least a Yew carousel does, built as the bundle is), interleaved with the other pages in every round.`);
}
