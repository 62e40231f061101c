// One cold load of our carousel page with a Chromium trace: the main thread's tasks, longest
// first, between the loader's start and the first slide. Not a test.
//   scripts/build.sh && node bench/carousel/trace-once.mjs  (N: feed items, default 10; DIST)
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../../tools/chromium.mjs";
import { makeFeed } from "../feed.mjs";
import { serveBench } from "../server.mjs";
import { oursPage } from "./pages.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));
const N = Number(process.env.N ?? 10);
const dist = process.env.DIST ? resolve(process.env.DIST) : join(root, "dist");
const feeds = new Map([[N, makeFeed(N)]]);
const page = () => oursPage({ title: "ours", n: N, firstTitle: feeds.get(N).firstTitle });
const server = await serveBench({ pages: { ours: page }, feeds, mounts: [["/dist/", dist], ["/bench/", join(here, "page")]] });
const browser = await launchChromium();
try {
  for (let i = 0; i < 2; i++) { // the first load warms the browser up
    const context = await browser.newContext();
    const tab = await context.newPage();
    const session = await context.newCDPSession(tab);
    const events = [];
    session.on("Tracing.dataCollected", ({ value }) => events.push(...value));
    const done = new Promise((r) => session.once("Tracing.tracingComplete", r));
    if (process.env.PROFILE) {
      await session.send("Profiler.enable");
      await session.send("Profiler.setSamplingInterval", { interval: 100 });
      await session.send("Profiler.start");
    } else await session.send("Tracing.start", {
      traceConfig: { includedCategories: ["devtools.timeline", "v8", "v8.wasm", "blink.user_timing", "loading", "disabled-by-default-devtools.timeline"] },
      transferMode: "ReportEvents",
    });
    await tab.goto(`${server.base}/ours-${N}.html`, { waitUntil: "domcontentloaded" });
    const { t } = await tab.evaluate(() => window.__bench);
    if (process.env.PROFILE) {
      const { profile } = await session.send("Profiler.stop");
      await context.close();
      if (i === 0) continue;
      // Self time by function, over the whole load (µs of samples).
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const self = new Map();
      profile.samples.forEach((id, k) => {
        const f = byId.get(id).callFrame;
        const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").pop()}:${f.lineNumber}:${f.columnNumber}`;
        self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[k] ?? 0));
      });
      console.log(`first slide at ${t.toFixed(1)} ms; self time, ms:`);
      for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${(us / 1000).toFixed(1).padStart(7)} ${key}`);
      continue;
    }
    await session.send("Tracing.end");
    await done;
    await context.close();
    if (i === 0) continue;
    // Trace timestamps are µs of a monotonic clock; navigationStart marks the page's origin.
    const nav = events.find((e) => e.name === "navigationStart" && e.args?.data?.isLoadingMainFrame && e.args.data.documentLoaderURL?.includes("ours"))
      ?? events.filter((e) => e.name === "navigationStart").pop();
    const t0 = nav.ts;
    const main = nav.tid;
    const pid = nav.pid;
    const rows = events
      .filter((e) => e.pid === pid && e.ph === "X" && e.dur >= 300 && e.ts - t0 >= 0 && e.ts - t0 <= (t + 20) * 1000)
      .map((e) => ({ at: (e.ts - t0) / 1000, ms: e.dur / 1000, name: e.name, tid: e.tid === main ? "main" : e.tid, detail: JSON.stringify(e.args?.data ?? e.args ?? {}).slice(0, 120) }))
      .sort((a, b) => a.at - b.at);
    console.log(`first slide at ${t.toFixed(1)} ms`);
    for (const r of rows) console.log(`${r.at.toFixed(1).padStart(7)} +${r.ms.toFixed(1).padStart(6)} ${String(r.tid).padEnd(6)} ${r.name} ${r.detail}`);
  }
} finally {
  await browser.close();
  server.close();
}
