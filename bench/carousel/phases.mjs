// Where the first slide's time goes, at a small feed: our carousel against Splide, in
// interleaved cold loads. Not a test. For ours, a copy of the built loader gets
// `performance.mark`s at each step of its start (the page's own SRI hashes of the glue and the
// Wasm still hold: only the copy of embed.js changes); for both pages, the Resource Timing of
// each file says when it was requested and when its last byte came.
//
//   scripts/build.sh && node bench/carousel/phases.mjs
//
// Environment: RUNS (rounds, default 15), N (feed items, default 10), DIST (default dist/).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import os from "node:os";
import { launchChromium } from "../../tools/chromium.mjs";
import { makeFeed } from "../feed.mjs";
import { median, serveBench } from "../server.mjs";
import { oursPage, splidePage } from "./pages.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));
const RUNS = Number(process.env.RUNS ?? 15);
const N = Number(process.env.N ?? 10);
const source = process.env.DIST ? resolve(process.env.DIST) : join(root, "dist");

// The instrumented copy: each replacement must match once, or the loader changed shape.
const dist = mkdtempSync(join(os.tmpdir(), "fw-phases-"));
process.on("exit", () => rmSync(dist, { recursive: true, force: true }));
cpSync(source, dist, { recursive: true });
let loader = readFileSync(join(dist, "embed.js"), "utf8");
const mark = (name) => `performance.mark("fw:${name}")`;
for (const [pattern, replace] of [
  [/^/, `${mark("loader-run")};`],
  [/WebAssembly\.compileStreaming\((\w+)\)/, (_, r) => `(${mark("wasm-headers")},WebAssembly.compileStreaming(${r}).then(m=>(${mark("compiled")},m)))`],
  [/\.then\(async (\w+)=>\{await \1\.default/, (m) => m.replace("{", `{${mark("glue-run")};`)],
  [/await (\w+)\.default\(await (\w+)\),/, (_, t, e) => `await ${t}.default(await ${e}.then(m=>(${mark("compile-awaited")},m))),${mark("instantiated")},`],
  [/(\w+)\.boot\(([^)]*\)\)),/, (m) => `${m}${mark("booted")},`],
]) {
  const before = loader;
  loader = loader.replace(pattern, replace);
  if (loader === before) throw new Error(`phases: the loader no longer matches ${pattern}`);
}
writeFileSync(join(dist, "embed.js"), loader);

const feeds = new Map([[N, makeFeed(N)]]);
const first = { n: N, firstTitle: feeds.get(N).firstTitle };
const pages = {
  ours: () => oursPage({ title: "ours", ...first }),
  splide: () => splidePage({ title: "splide", ...first }),
};
const server = await serveBench({
  pages,
  feeds,
  mounts: [["/dist/", dist], ["/splide/", join(here, "node_modules", "@splidejs", "splide", "dist")], ["/bench/", join(here, "page")]],
});
const browser = await launchChromium();

async function measure(kind) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    await tab.goto(`${server.base}/${kind}-${N}.html`, { waitUntil: "domcontentloaded" });
    const { t } = await tab.evaluate(() => window.__bench);
    return await tab.evaluate((t) => {
      const out = { "first slide": t };
      const nav = performance.getEntriesByType("navigation")[0];
      out["html response end"] = nav.responseEnd;
      out["DOMContentLoaded"] = nav.domContentLoadedEventEnd;
      for (const r of performance.getEntriesByType("resource")) {
        const name = new URL(r.name).pathname.split("/").pop();
        out[`${name} requested`] = r.startTime;
        out[`${name} last byte`] = r.responseEnd;
      }
      for (const m of performance.getEntriesByType("mark")) out[m.name] = m.startTime;
      return out;
    }, t);
  } finally {
    await context.close();
  }
}

const load = [os.loadavg()[0]];
const runs = { ours: [], splide: [] };
try {
  await measure("ours");
  await measure("splide");
  for (let i = 0; i < RUNS; i += 1) {
    for (const kind of i % 2 ? ["splide", "ours"] : ["ours", "splide"]) runs[kind].push(await measure(kind));
  }
} finally {
  load.push(os.loadavg()[0]);
  await browser.close();
  server.close();
}
for (const kind of ["ours", "splide"]) {
  const keys = [...new Set(runs[kind].flatMap(Object.keys))];
  const rows = keys.map((key) => [key, median(runs[kind].map((r) => r[key]).filter((x) => x !== undefined))])
    .sort((a, b) => a[1] - b[1]);
  console.log(`\n${kind}, ${N} items: median ms from navigation start (${RUNS} cold loads)`);
  console.log("| moment | ms |\n| --- | ---: |");
  for (const [key, ms] of rows) console.log(`| ${key} | ${ms.toFixed(1)} |`);
}
const paired = median(runs.ours.map((r, i) => r["first slide"] / runs.splide[i]["first slide"]));
console.log(`\nfirst slide, paired ours/Splide: ${paired.toFixed(3)}; load average ${load.map((l) => l.toFixed(2)).join(" → ")}.`);
