// Runs right after the loader, before the bundle has started: what a framework does with an
// element it just created. Records what it saw for e2e/live.test.mjs.
const carousel = document.getElementById("carousel");
window.early = {
  started: typeof carousel.next === "function",
  pending: (() => { try { return carousel.matches(":state(pending)"); } catch { return null; } })(),
  index: carousel.currentIndex,
  fallbackShown: document.getElementById("carousel-fallback").getClientRects().length > 0,
};
carousel.goTo(2);
carousel.previous();
carousel.label = "Early news";
carousel.autoplay = false;
window.early.autoplayAttribute = carousel.getAttribute("autoplay");
