// Loaded as the first (classic, synchronous) script in <head> of every benchmark page. It
// resolves window.__bench once the carousel's (or the floor page's) first slide is shown: the
// shown slide's title holds the first feed item's title and is visible (checkVisibility with
// visibility/opacity). Times are performance.now(), i.e. milliseconds since this navigation
// started (timeOrigin).
//
// Detection: a requestAnimationFrame poll (one-frame resolution, always on), plus a
// MutationObserver on the widget's own subtree as soon as it exists (our shadow root / the
// .splide root's class / the floor page's section), so that a slide rendered by a task is seen
// right after that task and not only at the next frame. `t` is the earliest detection; `frame`
// is the start of the next animation frame after it (the frame that paints the slide).
(() => {
  const script = document.currentScript;
  const kind = script.dataset.kind; // "ours" | "splide" | "floor"
  const expected = script.dataset.expect;
  const VISIBLE = { visibilityProperty: true, opacityProperty: true, contentVisibilityAuto: true };
  let resolve;
  let done = false;
  let observed = false;
  window.__bench = new Promise((r) => { resolve = r; });

  function shownTitle() {
    if (kind === "ours") {
      const root = document.querySelector("fw-news-carousel")?.shadowRoot;
      if (!root) return null;
      if (!observed) {
        observed = true;
        new MutationObserver(() => check("mutation")).observe(root,
          { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ["hidden"] });
      }
      for (const slide of root.querySelectorAll("article.fw-carousel__slide")) {
        if (!slide.hasAttribute("hidden")) return slide.querySelector(".fw-carousel__title");
      }
      return null;
    }
    if (kind === "floor") {
      const root = document.querySelector(".floor");
      if (!root) return null;
      if (!observed) {
        observed = true;
        new MutationObserver(() => check("mutation")).observe(root, { childList: true });
      }
      return root.querySelector(".floor__slide .floor__title");
    }
    const root = document.querySelector(".splide");
    if (!root) return null;
    if (!observed) {
      observed = true;
      new MutationObserver(() => check("mutation")).observe(root, { attributes: true, attributeFilter: ["class"] });
    }
    if (!root.classList.contains("is-initialized")) return null;
    return root.querySelector(".splide__slide.is-active .splide__title");
  }

  /** Elements in the document plus those in every open shadow root, recursively. */
  function countElements(root) {
    let n = 0;
    for (const element of root.querySelectorAll("*")) {
      n += 1;
      if (element.shadowRoot) n += countElements(element.shadowRoot);
    }
    return n;
  }

  function check(via) {
    if (done) return;
    const t = performance.now();
    const title = shownTitle();
    if (!title || title.textContent.trim() !== expected || !title.checkVisibility(VISIBLE)) return;
    done = true;
    const result = { t, via, nodes: countElements(document) };
    // The Splide page's own marks (feed parsed, slides built, mounted), for BENCH_JSON.
    for (const mark of performance.getEntriesByType("mark")) {
      if (mark.name.startsWith("bench:")) result[mark.name.slice(6)] = Math.round(mark.startTime);
    }
    requestAnimationFrame(() => {
      result.frame = performance.now();
      resolve(result);
    });
  }

  const tick = () => {
    check("frame");
    if (!done) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
