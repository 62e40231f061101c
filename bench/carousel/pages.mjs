// The carousel benches' host pages (run.mjs, ab.mjs, phases.mjs, trace-once.mjs): ours and
// Splide's, each with the first-slide probe (page/probe.js) waiting for the feed's first title.

/** `s` escaped for a double-quoted HTML attribute. */
export const attr = (s) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** Our carousel on feed `/feed-<n>.json`, loaded by the loader at `loader`. */
export function oursPage({ title, n, firstTitle, loader = "/dist/embed.js" }) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title>
<script src="/bench/probe.js" data-kind="ours" data-expect="${attr(firstTitle)}"></script>
<script type="module" src="${loader}"></script></head>
<body><main><h1>News</h1>
<fw-news-carousel src="/feed-${n}.json" max-items="10000"></fw-news-carousel>
</main></body>
</html>`;
}

/** Splide built the common way (page/splide-page.js) on feed `/feed-<n>.json`. */
export function splidePage({ title, n, firstTitle }) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="/splide/css/splide.min.css">
<script src="/bench/probe.js" data-kind="splide" data-expect="${attr(firstTitle)}"></script></head>
<body><main><h1>News</h1>
<section class="splide" aria-label="News" data-src="/feed-${n}.json">
<div class="splide__track"><ul class="splide__list"></ul></div>
</section>
</main>
<script src="/splide/js/splide.min.js"></script>
<script src="/bench/splide-page.js"></script>
</body>
</html>`;
}
