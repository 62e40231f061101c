// FeedWidgets loader. Put `<script type="module" src=".../embed.js"></script>` on a page.
//
// It is the only script a page always pays for: it looks for widgets and starts the Wasm
// bundle only when one is on the page (now, or added later), and exposes
// window.FeedWidgets.mount / unmount / version. It runs no inline code and no eval, so it works
// under a CSP of `script-src 'self' 'wasm-unsafe-eval'`.

const VERSION = "0.1.0";
const SELECTOR = "fw-news-carousel, fw-feedback, fw-disclaimer, [data-fw-widget]";

// The page language before a translator can rewrite it: the widgets speak the page's real
// language, not the one Google Translate put on <html>.
const html = document.documentElement;
const originalLanguage = html.getAttribute("lang") || null;

let bundle = null;

/** Loads and starts the Wasm bundle once; later calls share the same promise. */
function start() {
  if (!bundle) {
    bundle = import(new URL("./feedwidgets.js", import.meta.url).href)
      .then(async (module) => {
        await module.default();
        module.boot(originalLanguage);
        return module;
      });
    bundle.catch((error) => console.error("FeedWidgets: the bundle could not start", error));
  }
  return bundle;
}

function hasWidget(root) {
  return root.querySelector(SELECTOR) !== null;
}

if (!window.FeedWidgets) {
  window.FeedWidgets = Object.freeze({
    version: VERSION,
    /** Mounts a widget ("news-carousel", "feedback" or "disclaimer") on an element. */
    mount: (element, kind, options) => start().then((m) => m.mount(element, kind, options || {})),
    /** Unmounts the widget on an element; resolves to whether there was one. */
    unmount: (element) => (bundle ? bundle.then((m) => m.unmount(element)) : Promise.resolve(false)),
    /** Resolves once the bundle runs (and starts it if no widget did yet). */
    ready: () => start().then(() => undefined),
  });

  if (hasWidget(document)) {
    start();
  } else {
    // No widget yet: wait for one to be added, then start once and stop watching (the bundle
    // watches the page itself from then on).
    const observer = new MutationObserver(() => {
      if (hasWidget(document)) {
        observer.disconnect();
        start();
      }
    });
    observer.observe(html, { childList: true, subtree: true });
  }
}
