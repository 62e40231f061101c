// Two builds of the bundle against each other, in paired cold loads that alternate which build
// goes first, so a slow spell of the shared CPU weighs on both. Not a test. For each load: the
// time to the first visible slide of our carousel (run.mjs's page and probe), and the time
// until the whole feed is read (the position indicator counts every item: "1 of 10,000"),
// which is Wasm work after the first paint (the feed's items built in slices) and so shows
// what a change of the code's speed costs.
//
//   cp -r dist /tmp/dist-a  (... change, scripts/build.sh ...)  cp -r dist /tmp/dist-b
//   node bench/carousel/ab.mjs /tmp/dist-a /tmp/dist-b
//
// Environment: RUNS (pairs per size, default 15), SIZES (default 10000), PHONE=1 loads every
// page as Lighthouse's mobile profile does: a 150 ms round trip, 1.6 Mbit/s down and
// 750 kbit/s up (Chromium's network emulation), and the CPU slowed 4 times. The bench server
// does not compress, so the downloads take longer than from a CDN.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import os from "node:os";
import { launchChromium } from "../../tools/chromium.mjs";
import { makeFeed } from "../feed.mjs";
import { median, serveBench } from "../server.mjs";
import { oursPage } from "./pages.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const dists = process.argv.slice(2, 4).map((dir) => resolve(dir));
if (dists.length !== 2 || dists.some((dir) => !existsSync(join(dir, "embed.js")))) {
  console.error("usage: ab.mjs DIST_A DIST_B (two built dist/ folders)");
  process.exit(2);
}
const RUNS = Number(process.env.RUNS ?? 15);
const PHONE = Boolean(process.env.PHONE);
const SIZES = (process.env.SIZES ?? "10000").split(",").map(Number);
const feeds = new Map(SIZES.map((n) => [n, makeFeed(n)]));
const page = (build) => (n) =>
  oursPage({ title: `Build ${build}, ${n} items`, n, firstTitle: feeds.get(n).firstTitle, loader: `/${build}/embed.js` });

const server = await serveBench({
  pages: { a: page("a"), b: page("b") },
  feeds,
  mounts: [["/a/", dists[0]], ["/b/", dists[1]], ["/bench/", join(here, "page")]],
});
const browser = await launchChromium();

/** One cold load (fresh context): ms from navigation to the first visible slide. */
async function measure(build, n) {
  const context = await browser.newContext();
  try {
    const tab = await context.newPage();
    const errors = [];
    tab.on("pageerror", (error) => errors.push(String(error)));
    if (PHONE) {
      const cdp = await context.newCDPSession(tab);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions",
        { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    }
    await tab.goto(`${server.base}/${build}-${n}.html`, { waitUntil: "domcontentloaded" });
    const result = await tab.evaluate(() => window.__bench);
    const total = n.toLocaleString("en-US");
    const all = await tab.evaluate((total) => new Promise((resolve) => {
      const root = document.querySelector("fw-news-carousel").shadowRoot;
      const done = () => root.textContent.includes(`of ${total}`);
      if (done()) return resolve(performance.now());
      new MutationObserver((_, observer) => {
        if (done()) { observer.disconnect(); resolve(performance.now()); }
      }).observe(root, { childList: true, subtree: true, characterData: true });
    }), total);
    if (errors.length) throw new Error(`${build} ${n}: ${errors.join(" | ")}`);
    return { first: result.t, all };
  } finally {
    await context.close();
  }
}

const load = [os.loadavg()[0]];
console.log("| feed items | measure | A ms | B ms | A min–max | B min–max | B/A (medians) | B/A (paired median) |");
console.log("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
try {
  for (const n of SIZES) {
    await measure("a", n);
    await measure("b", n);
    const a = [];
    const b = [];
    for (let i = 0; i < RUNS; i += 1) {
      for (const build of i % 2 ? ["b", "a"] : ["a", "b"]) (build === "a" ? a : b).push(await measure(build, n));
    }
    const range = (xs) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
    for (const [label, pick] of [["first slide", (r) => r.first], ["whole feed read", (r) => r.all]]) {
      const [as, bs] = [a.map(pick), b.map(pick)];
      const paired = median(as.map((t, i) => bs[i] / t));
      console.log(`| ${n.toLocaleString("en-US")} | ${label} | ${Math.round(median(as))} | ${Math.round(median(bs))} | ${range(as)} | ${range(bs)} | ${(median(bs) / median(as)).toFixed(3)} | ${paired.toFixed(3)} |`);
    }
  }
} finally {
  load.push(os.loadavg()[0]);
  await browser.close();
  server.close();
}
console.log(`\nA: ${dists[0]}, B: ${dists[1]}; ${RUNS} pairs per size, cold loads, order alternating${PHONE ? ", phone profile (150 ms RTT, 1.6 Mbit/s, CPU / 4)" : ""}; load average ${load.map((l) => l.toFixed(2)).join(" → ")}.`);
