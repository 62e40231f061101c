// FeedWidgets loader. Put `<script type="module" src=".../embed.js"></script>` on a page.
//
// It is the only script a page always pays for: it looks for widgets and starts the Wasm
// bundle only when one is on the page (now, or added later) -- a disclaimer only once the page
// is machine-translated -- defines the widget elements (their attributes, properties,
// methods and `pending` state exist before the bundle does) and exposes
// window.FeedWidgets.mount / unmount / version. It runs no inline code and no eval, so it works
// under a CSP of `script-src 'self' 'wasm-unsafe-eval'`.

const VERSION = "0.1.0";
const SELECTOR = "fw-news-carousel, fw-feedback, fw-disclaimer, [data-fw-widget]";

// The page language before a translator can rewrite it: the widgets speak the page's real
// language, not the one Google Translate put on <html>.
const html = document.documentElement;
const originalLanguage = html.getAttribute("lang") || null;

let bundle = null;
/** The bundle's module once it has booted: the elements forward their callbacks to it. */
let running = null;

// Each element's option attributes and methods. src/embed/kinds.rs (KINDS) has the same lists,
// and a native test (tests/loader.rs) compares them.
const ELEMENTS = {
  "fw-news-carousel": ["src lang timeout theme max-items loop per-view autoplay interval summary heading-level refresh label", "next previous goTo play pause"],
  "fw-feedback": ["src lang timeout theme endpoint question comment compact remember-scope remember-days", "reset"],
  "fw-disclaimer": ["src lang timeout theme org position remember-days", "show dismiss"],
};
/** Every method, numbered as the bundle knows them (src/widgets/control.rs, Command). */
const METHODS = "next previous goTo play pause reset show dismiss".split(" ");
/** Options whose properties are booleans (`el.autoplay = true`); the others are strings. */
const FLAGS = ["loop", "autoplay", "summary", "comment", "compact"];

/** Elements connected before the bundle booted; it mounts them when it does. */
const early = new Set();
/** Method calls made before an element's widget existed, replayed in order once it does. */
const calls = new WeakMap();
const internals = new WeakMap();

/** Adds or drops the element's `pending` custom state (`fw-x:state(pending)` in CSS), where
 * the browser has custom states. */
function pending(element, on) {
  try {
    const states = internals.get(element)?.states;
    if (on) states?.add("pending"); else states?.delete("pending");
  } catch { /* an older syntax (`--pending`) only: the state is skipped */ }
}

/** Whether the bundle runs a widget on `element`. */
const mounted = (element) => running?.call(element, -1) !== undefined;

/** Hands the calls queued on `element` to its widget, in order, once it has one. */
function replay(element) {
  const queued = calls.get(element);
  if (queued && mounted(element)) {
    calls.delete(element);
    for (const [code, argument] of queued) running.call(element, code, argument);
  }
}

/** Defines the widget element `tag` with its attributes, properties and methods; a name another
 * script already defined is left alone. */
function define(tag, [attributeList, methodList]) {
  if (!window.customElements || customElements.get(tag)) return;
  const attributes = attributeList.split(" ");
  const properties = attributes.map((name) => name.replace(/-(.)/g, (_, c) => c.toUpperCase()));
  class Widget extends HTMLElement {
    static observedAttributes = attributes.flatMap((name) => [name, "data-" + name]);
    constructor() {
      super();
      try { internals.set(this, this.attachInternals()); } catch { /* no ElementInternals */ }
    }
    connectedCallback() {
      // A property set before this class was defined sits on the instance: move it to the
      // attribute, where the widget reads it.
      for (const property of properties) {
        if (Object.hasOwn(this, property)) {
          const value = this[property];
          delete this[property];
          this[property] = value;
        }
      }
      if (!mounted(this)) pending(this, true);
      if (running) {
        running.connected(this);
        replay(this);
      } else {
        early.add(this);
      }
    }
    disconnectedCallback() {
      if (running) running.disconnected(this); else early.delete(this);
    }
    attributeChangedCallback() {
      // Before the bundle runs there is nothing to tell: it reads the attributes as they are then.
      running?.changed(this);
    }
  }
  attributes.forEach((name, index) => {
    const flag = FLAGS.includes(name);
    Object.defineProperty(Widget.prototype, properties[index], {
      get() {
        const value = this.getAttribute(name);
        return flag && value !== null ? !/^\s*(false|no|off|0)\s*$/i.test(value) : value;
      },
      set(value) {
        if (value == null) this.removeAttribute(name);
        else this.setAttribute(name, flag ? (value ? "" : "false") : value);
      },
    });
  });
  for (const name of methodList.split(" ")) {
    const code = METHODS.indexOf(name);
    Widget.prototype[name] = function (argument) {
      argument = typeof argument === "number" ? argument : undefined;
      if (mounted(this)) {
        running.call(this, code, argument);
        return;
      }
      const queued = calls.get(this) || [];
      queued.push([code, argument]);
      calls.set(this, queued);
      // A call asks for the widget (a host's own switcher may show() a disclaimer on an
      // untranslated page); dismissing a banner nobody sees does not.
      if (name !== "dismiss") start();
    };
  }
  if (tag === "fw-news-carousel") {
    Object.defineProperty(Widget.prototype, "currentIndex", {
      get() { return running?.call(this, -1) ?? 0; },
    });
  }
  customElements.define(tag, Widget);
}

// The glue's own imports (wasm-bindgen snippets), listed by scripts/minify-js.sh in release
// builds, so they download with the glue rather than after it.
const SNIPPETS = ["@fw-snippets@"].filter((path) => !path.startsWith("@"));

// Subresource Integrity of the files the loader fetches, filled in by the release build
// (scripts/integrity.mjs): a page that pins embed.js with `integrity` pins the whole bundle.
// Empty in development builds, where nothing is checked.
const INTEGRITY = Object.fromEntries([["@fw-integrity@", ""]].filter(([path]) => !path.startsWith("@")));

/** Fetch options that make the browser check `path` against its recorded hash, if any. */
const checked = (path) => (INTEGRITY[path] ? { integrity: INTEGRITY[path] } : {});

/**
 * Preloads the module at `path` with its hash, so the later `import()` of the same URL (which
 * cannot take an integrity option) uses this checked fetch: a module that fails its check is
 * an error in the module map, never run.
 */
function preloadModule(path) {
  const url = new URL(path, import.meta.url).href;
  if (INTEGRITY[path]) {
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = url;
    link.integrity = INTEGRITY[path];
    document.head.append(link);
  }
  return url;
}

/** The compiled Wasm module: streamed when served as application/wasm, else from its bytes. */
async function compileWasm() {
  const response = await fetch(new URL("./feedwidgets_bg.wasm", import.meta.url), checked("./feedwidgets_bg.wasm"));
  if (!response.ok) throw new Error(`the Wasm answered HTTP ${response.status}`);
  const streams = WebAssembly.compileStreaming
    && /^application\/wasm\b/.test(response.headers.get("content-type") || "");
  return streams ? WebAssembly.compileStreaming(response) : WebAssembly.compile(await response.arrayBuffer());
}

/** Loads and starts the Wasm bundle once; later calls share the same promise. */
function start() {
  if (!bundle) {
    // Three downloads in parallel rather than one after the other: the glue, the Wasm (compiled
    // as it streams in) and the feeds of the widgets already on the page.
    const compiled = compileWasm();
    compiled.catch(() => {}); // reported once, below
    const feeds = prefetchFeeds();
    for (const path of SNIPPETS) import(preloadModule(path)).catch(() => {});
    bundle = import(preloadModule("./feedwidgets.js"))
      .then(async (module) => {
        await module.default(await compiled);
        await bodiesIn(feeds);
        module.boot(originalLanguage, feeds, (element) => pending(element, false));
        running = module;
        for (const element of early) {
          if (element.isConnected) {
            module.connected(element);
            replay(element);
          }
        }
        early.clear();
        return module;
      });
    bundle.catch((error) => console.error("FeedWidgets: the bundle could not start", error));
  }
  return bundle;
}

/** The bundle's limit on a feed's size (src/feed/limits.rs). */
const MAX_FEED_BYTES = 16 * 1024 * 1024;
/** How long a started bundle waits for feed bodies under way (bodiesIn): about three frames. */
const BODY_WAIT_MS = 50;

/**
 * Starts a GET for each http(s) feed named by a widget on the page (`src` or `data-src`), keyed
 * by absolute URL, and reads its body as soon as the answer comes, unless the server declares
 * more than the bundle takes: the feed arrives whole while the Wasm compiles. Each entry is a
 * promise of [response, body promise or null], which carries `arrived: [response, bytes]` once
 * the body is in; the bundle takes it over with its own deadline and checks, so no request is
 * made twice. `reading` holds the bodies under way.
 */
function prefetchFeeds() {
  const feeds = Object.assign(new Map(), { reading: [] });
  for (const element of document.querySelectorAll(SELECTOR)) {
    const src = element.hasAttribute("data-fw-widget")
      ? element.getAttribute("data-src")
      : element.getAttribute("src") ?? element.getAttribute("data-src");
    let url;
    try {
      url = new URL(src ?? "", document.baseURI);
    } catch {
      continue;
    }
    if (src && (url.protocol === "https:" || url.protocol === "http:") && !feeds.has(url.href)) {
      const request = fetch(url.href).then((response) => {
        const declared = Number(response.headers.get("content-length"));
        const body = response.ok && !(declared > MAX_FEED_BYTES) ? response.arrayBuffer() : null;
        body?.catch(() => {});
        // The body once in, where the bundle can read it without waiting (src/platform/fetch.rs).
        if (body) feeds.reading.push(body.then((bytes) => { request.arrived = [response, bytes]; }, () => {}));
        return [response, body];
      });
      request.catch(() => {}); // the bundle reports failures, once, for the widget concerned
      feeds.set(url.href, request);
    }
  }
  return feeds;
}

/**
 * Waits, up to BODY_WAIT_MS, for the bodies of the feeds that have answered (`feeds.reading`):
 * a body in when the bundle boots is read before the widgets first render, which then show the
 * feed at once rather than a loading state first. A feed with no answer yet is not waited for.
 */
function bodiesIn({ reading }) {
  return reading.length
    ? Promise.race([Promise.all(reading), new Promise((done) => setTimeout(done, BODY_WAIT_MS))])
    : null;
}

// Disclaimers only matter on a machine-translated page, so a page whose only widgets are
// disclaimers starts the bundle when a translator shows up, not before. The signals are the
// bundle's own (src/platform/translation.rs), checked cheaply and a little more eagerly (any
// `googtrans` cookie, any lang change): a false start costs a download, never a wrong banner,
// since the bundle decides what it shows.
const OTHER_WIDGETS = 'fw-news-carousel, fw-feedback, [data-fw-widget]:not([data-fw-widget="disclaimer" i])';

/** Whether a machine translator shows itself on the page now. */
function translated() {
  let cookie = "";
  try { cookie = document.cookie; } catch { /* a sandboxed frame has no cookies */ }
  return /\btranslated-(ltr|rtl)\b/.test(html.className)
    || (html.getAttribute("lang") || originalLanguage) !== originalLanguage
    || /(^|;) ?googtrans=\/./.test(cookie)
    || /\.translate\.goog$/.test(location.hostname) || /[?&]_x_tr_tl=/.test(location.search)
    || !!document.querySelector("[_msthash], [_msttexthash]");
}

/** Whether the page needs the bundle now: a widget other than a disclaimer, or a disclaimer on a
 * translated page. */
function needed() {
  return document.querySelector(OTHER_WIDGETS) !== null
    || (document.querySelector(SELECTOR) !== null && translated());
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

  for (const tag in ELEMENTS) define(tag, ELEMENTS[tag]);

  if (needed()) {
    start();
  } else {
    // Wait for a widget to be added or a translator to show up, then start once and stop
    // watching (the bundle watches the page itself from then on). The cookie cannot be
    // observed: it is checked again every 2 s, as the bundle does.
    const check = () => {
      if (needed()) {
        observer.disconnect();
        clearInterval(timer);
        start();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(html, {
      childList: true, subtree: true, attributes: true,
      attributeFilter: ["class", "lang", "_msthash", "_msttexthash"],
    });
    const timer = setInterval(check, 2000);
  }
}
