// The carousel benches' host pages (run.mjs, ab.mjs, phases.mjs, trace-once.mjs, and
// bench/compare's carousel pages): ours and
// Splide's, each with the first-slide probe (page/probe.js) waiting for the feed's first title.

/** `s` escaped for a double-quoted HTML attribute. */
export const attr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** The first-slide probe (page/probe.js, served under `base`) for a page of `kind`. */
export const probe = (kind, firstTitle, base = "/bench/") =>
  `<script src="${base}probe.js" data-kind="${kind}" data-expect="${attr(firstTitle)}"></script>`;

/** Our carousel on feed `/feed-<n>.json`, loaded by the loader at `loader`; `head`: the
 * probe's scripts (by default the one above). */
export function oursPage({ title, n, firstTitle, loader = "/dist/embed.js", head = probe("ours", firstTitle) }) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title>
${head}
<script type="module" src="${loader}"></script></head>
<body><main><h1>News</h1>
<fw-news-carousel src="/feed-${n}.json" max-items="10000"></fw-news-carousel>
</main></body>
</html>`;
}

/** The Yew carousel floor (bench/yew-floor/, built into `target/yew-floor/`): the page of
 * [`oursPage`], its loader served at `loader`. */
export const yewFloorPage = ({ title, n, firstTitle, loader = "/yew-floor/embed.js" }) =>
  oursPage({ title, n, firstTitle, loader });

/** Splide built the common way (page/splide-page.js, served under `base`) on feed
 * `/feed-<n>.json`; `head`: the probe's scripts. */
export function splidePage({ title, n, firstTitle, base = "/bench/", head = probe("splide", firstTitle, base) }) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="/splide/css/splide.min.css">
${head}</head>
<body><main><h1>News</h1>
<section class="splide" aria-label="News" data-src="/feed-${n}.json">
<div class="splide__track"><ul class="splide__list"></ul></div>
</section>
</main>
<script src="/splide/js/splide.min.js"></script>
<script src="${base}splide-page.js"></script>
</body>
</html>`;
}
