// The Yew carousel floor's loader (bench/carousel/README.md), shaped like the bundle's start
// path in embed.js: the Wasm (compiled as it streams in), the glue and the feed of the page's
// <fw-news-carousel>, all three at once, then the glue's init and boot with the feed's bytes.
const compiled = WebAssembly.compileStreaming(fetch(new URL("./yew_floor_bg.wasm", import.meta.url)));
const glue = import("./yew_floor.js");
const element = document.querySelector("fw-news-carousel");
const feed = fetch(new URL(element.getAttribute("src"), document.baseURI)).then((response) => {
  if (!response.ok) throw new Error(`feed: HTTP ${response.status}`);
  return response.arrayBuffer();
});
Promise.all([glue, compiled, feed]).catch(() => {}); // reported once, below
(async () => {
  const module = await glue;
  await module.default({ module_or_path: await compiled });
  module.boot(new Uint8Array(await feed));
})().catch((error) => console.error("yew floor:", error));
