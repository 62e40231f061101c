// Loaded as a classic, synchronous script in <head> of the comparison pages, after
// bench/carousel/page/probe.js (which resolves window.__bench at the first visible slide).
// It resolves window.__ready once every widget named in data-widgets has rendered its
// controls, with the time (performance.now(), ms since the navigation started) each one was
// first seen:
//
//   carousel    ours: button.fw-carousel__next in <fw-news-carousel>'s shadow root
//               Splide: .splide.is-initialized .splide__arrow--next
//   feedback    ours: five input[type=radio] in .fw-feedback__option in <fw-feedback>'s shadow root
//   disclaimer  ours: a non-empty .fw-disclaimer__text in <fw-disclaimer>'s shadow root
//
// "all" is the latest of them. Detection as in probe.js: a requestAnimationFrame poll plus
// MutationObservers (the document, then each widget's shadow root once it exists), so a
// control is seen right after the task that rendered it.
(() => {
  const script = document.currentScript;
  const kind = script.dataset.kind; // "ours" | "splide"
  const wanted = script.dataset.widgets.split(",");
  const seen = {};
  const observedRoots = new WeakSet();
  let resolve;
  let done = false;
  window.__ready = new Promise((r) => { resolve = r; });

  const shadow = (tag) => {
    const root = document.querySelector(tag)?.shadowRoot ?? null;
    if (root && !observedRoots.has(root)) {
      observedRoots.add(root);
      new MutationObserver(() => check()).observe(root,
        { childList: true, subtree: true, characterData: true, attributes: true });
    }
    return root;
  };

  const tests = {
    carousel: () => (kind === "ours"
      ? shadow("fw-news-carousel")?.querySelector("button.fw-carousel__next")
      : document.querySelector(".splide.is-initialized .splide__arrow--next")),
    feedback: () => shadow("fw-feedback")?.querySelectorAll(".fw-feedback__option input[type=radio]").length === 5,
    disclaimer: () => (shadow("fw-disclaimer")?.querySelector(".fw-disclaimer__text")?.textContent.trim() ?? "") !== "",
  };

  function check() {
    if (done) return;
    const t = performance.now();
    for (const widget of wanted) {
      if (seen[widget] === undefined && tests[widget]()) seen[widget] = t;
    }
    if (wanted.every((w) => seen[w] !== undefined)) {
      done = true;
      resolve({ ...seen, all: Math.max(...wanted.map((w) => seen[w])) });
    }
  }

  new MutationObserver(() => check()).observe(document,
    { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
  const tick = () => {
    check();
    if (!done) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
