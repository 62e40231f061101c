// The three widgets on host pages that are not ours: a plain page, a Bootstrap 5.3 page with a
// careless global stylesheet on top, an Arabic right-to-left site, and a page under a strict
// Content-Security-Policy. On each: the widgets render, work by keyboard and by mouse, pass
// axe-core (WCAG 2.2 A/AA) with zero violations, and a screenshot goes to e2e/artifacts/.
// Across pages: host styles do not change the widgets' computed styles (except what the CSS
// spec lets cross a shadow boundary, asserted as such), and the widgets do not change the
// host's. One browser for the whole file; each page is opened once for its flows.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { start, open, waitInShadow, audit, root } from "./harness.mjs";

let env;
const artifacts = join(root, "e2e", "artifacts");
before(async () => {
  env = await start();
  await mkdir(artifacts, { recursive: true });
});
after(async () => { await env.stop(); });

const HOSTS = {
  plain: { path: "/e2e/pages/host-plain.html", lang: "en", translated: "translated-ltr" },
  bootstrap: { path: "/e2e/pages/host-bootstrap.html", lang: "en", translated: "translated-ltr" },
  rtl: { path: "/e2e/pages/host-rtl.html", lang: "ar", translated: "translated-rtl" },
  csp: { path: "/e2e/pages/csp-host.html", lang: "en", translated: "translated-ltr", csp: true },
};

/** What the readers see, per widget language (e2e/pages/host-feed*.json and the built-in texts). */
const SEEN = {
  en: {
    slides: [/Member States meet in Rabat/, /New heritage sites/, /Science prize opens/],
    carousel: /1 of 3/,
    feedback: /Overall, how satisfied are you about the website\?[\s\S]*Extremely dissatisfied[\s\S]*Extremely satisfied[\s\S]*Send/,
    disclaimer: /not responsible for the accuracy/,
    dir: "ltr",
    next: "ArrowRight",
    previous: "ArrowLeft",
  },
  ar: {
    slides: [/الدول الأعضاء تجتمع في الرباط/, /إدراج مواقع تراثية جديدة/, /جائزة العلوم تفتح أبوابها/],
    carousel: /١ من ٣|1 من 3/, // Arabic-Indic or Latin digits, as the browser's Intl has it for "ar".
    feedback: /ما مدى رضاك عن الموقع الإلكتروني؟[\s\S]*غير راضٍ إطلاقًا[\s\S]*راضٍ جدًا/,
    disclaimer: /إخلاء مسؤولية: أنت تستخدم ترجمة Google\. لا تتحمّل الإيسيسكو مسؤولية/,
    dir: "rtl",
    next: "ArrowLeft",
    previous: "ArrowRight",
  },
};

// ---------------------------------------------------------------------------------------------
// Helpers.

/** The visible text (innerText: nothing hidden) of a widget. */
const visibleText = (page, host) => page.evaluate((h) =>
  document.querySelector(h).shadowRoot.querySelector(".fw-root")?.innerText ?? "", host);

/** The title of the slide the carousel shows. */
const shownTitle = (page) => page.evaluate(() => {
  const shown = [...document.querySelector("#carousel").shadowRoot.querySelectorAll(".fw-carousel__slide")]
    .filter((slide) => !slide.hidden && slide.checkVisibility());
  return shown.length === 1 ? shown[0].querySelector(".fw-carousel__title").textContent : `${shown.length} slides shown`;
});

/** Asserts that the carousel comes to show the slide whose title matches `title` (within 2 s). */
async function assertShown(page, title, message) {
  let shown;
  for (let waited = 0; waited <= 2000; waited += 20) {
    shown = await shownTitle(page);
    if (title.test(shown)) return;
    await page.waitForTimeout(20);
  }
  assert.match(shown, title, message);
}

/** Whether the focus is on `inner` inside the shadow root of `host`. */
const focusedIn = (page, host, inner) => page.evaluate(([h, i]) => {
  const element = document.querySelector(h);
  return document.activeElement === element && Boolean(element.shadowRoot.activeElement?.matches(i));
}, [host, inner]);

/** Presses Tab from where the focus is until it reaches `inner` in `host`'s shadow root. */
async function tabTo(page, host, inner, max = 40) {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press("Tab");
    if (await focusedIn(page, host, inner)) return presses;
  }
  throw new Error(`${max} Tab presses never reached ${host} ${inner}`);
}

/** Nothing has had the focus yet on a fresh page: the first Tab starts at the top. */
async function assertNothingFocused(page) {
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, "nothing focused yet");
}

/** The checked rating in the feedback widget. */
const checkedRating = (page) => page.evaluate(() =>
  document.querySelector("#feedback").shadowRoot.querySelector("input[name=rating]:checked")?.value ?? null);

/** Waits until `count` ratings reached the stand-in collector. */
async function postsReach(count) {
  for (let waited = 0; env.posts.length < count && waited < 5000; waited += 25) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return env.posts.slice();
}

/** Opens `host` marked as machine-translated and waits until the three widgets rendered. */
async function openHost(name, { bypassCSP = !HOSTS[name].csp } = {}) {
  const host = HOSTS[name];
  const opened = await open(env, host.path, { bypassCSP });
  await opened.page.evaluate((c) => document.documentElement.classList.add(c), host.translated);
  await waitInShadow(opened.page, "#carousel", ".fw-carousel__title");
  await waitInShadow(opened.page, "#feedback", "legend");
  await waitInShadow(opened.page, "#disclaimer", ".fw-disclaimer");
  // The banner's fade-in (0.2 s) is over before anything is measured or screenshot.
  await opened.page.waitForFunction(() => document.querySelector("#disclaimer").shadowRoot
    .querySelector(".fw-disclaimer").getAnimations().every((a) => a.playState === "finished"));
  return opened;
}

// Computed styles of what the widgets render: they must be equal on every host page, whatever
// its CSS (the widgets' font size is the reader's default, not the page's root font size).
const WIDGET_ELEMENTS = [
  ["#carousel", ".fw-root"],
  ["#carousel", ".fw-carousel"],
  ["#carousel", ".fw-carousel__controls"],
  ["#carousel", ".fw-carousel__previous"],
  ["#carousel", ".fw-carousel__next"],
  ["#carousel", ".fw-carousel__position"],
  ["#carousel", ".fw-carousel__dot"],
  ["#carousel", ".fw-carousel__slides"],
  ["#carousel", ".fw-carousel__slide:not([hidden])"],
  ["#carousel", ".fw-carousel__slide[hidden]"],
  ["#carousel", ".fw-carousel__slide:not([hidden]) .fw-carousel__title"],
  ["#carousel", ".fw-carousel__slide:not([hidden]) .fw-carousel__title a"],
  ["#carousel", ".fw-carousel__slide:not([hidden]) .fw-carousel__summary"],
  ["#feedback", ".fw-root"],
  ["#feedback", ".fw-feedback"],
  ["#feedback", "fieldset"],
  ["#feedback", "legend"],
  ["#feedback", ".fw-feedback__scale"],
  ["#feedback", ".fw-feedback__option"],
  ["#feedback", ".fw-feedback__option input"],
  ["#feedback", ".fw-feedback__option span"],
  ["#feedback", ".fw-feedback__actions"],
  ["#feedback", ".fw-feedback__submit"],
  ["#disclaimer", ".fw-root"],
  ["#disclaimer", ".fw-disclaimer"],
  ["#disclaimer", ".fw-disclaimer__text"],
  ["#disclaimer", ".fw-disclaimer__dismiss"],
];
const SIDES = ["top", "right", "bottom", "left"];
const SAME_EVERYWHERE = [
  "box-sizing", "display", "position", "float", "visibility", "opacity", "overflow-x", "overflow-y",
  ...SIDES.flatMap((s) => [`border-${s}-style`, `border-${s}-width`, `border-${s}-color`]),
  "border-top-left-radius", "border-bottom-right-radius",
  "min-width", "min-height", "max-width", "max-height",
  "color", "background-color", "background-image", "font-family", "font-weight", "font-style",
  "text-transform", "letter-spacing", "word-spacing", "text-align", "text-decoration-line", "text-indent",
  "white-space", "cursor", "appearance", "outline-style", "outline-width", "box-shadow",
  "flex-direction", "flex-wrap", "align-items", "justify-content",
  "list-style-type", "vertical-align", "content", "transform", "direction", "unicode-bidi",
  "accent-color", "pointer-events", "user-select", "z-index",
];
const FONT_RELATIVE = [
  "font-size", "line-height", "row-gap", "column-gap",
  ...SIDES.flatMap((s) => [`padding-${s}`, `margin-${s}`]),
];
/** Elements sized in px by the widgets' CSS (targets): their box is the same on every page. */
const FIXED_BOXES = [
  ["#carousel", ".fw-carousel__previous"], ["#carousel", ".fw-carousel__next"], ["#carousel", ".fw-carousel__dot"],
  ["#feedback", ".fw-feedback__option input"], ["#disclaimer", ".fw-disclaimer__dismiss"],
];

/** Computed styles (and fixed boxes) of WIDGET_ELEMENTS, plus the root font sizes. */
function widgetStyles(page) {
  return page.evaluate(([elements, properties, fixed]) => {
    const styles = {};
    for (const [host, inner] of elements) {
      const element = document.querySelector(host).shadowRoot.querySelector(inner);
      if (!element) { styles[`${host} ${inner}`] = null; continue; }
      const computed = getComputedStyle(element);
      const entry = Object.fromEntries(properties.map((p) => [p, computed.getPropertyValue(p)]));
      if (fixed.some(([h, i]) => h === host && i === inner)) {
        const box = element.getBoundingClientRect();
        entry["box width"] = `${box.width}px`;
        entry["box height"] = `${box.height}px`;
      }
      styles[`${host} ${inner}`] = entry;
    }
    return { rootFontSize: parseFloat(getComputedStyle(document.documentElement).fontSize), styles };
  }, [WIDGET_ELEMENTS, [...SAME_EVERYWHERE, ...FONT_RELATIVE], FIXED_BOXES]);
}

/** Values getComputedStyle resolves from the layout (auto margins): they follow the page's width. */
const LAYOUT_RESOLVED = new Set(["margin-left", "margin-right"].map((p) => `#carousel .fw-carousel__position ${p}`));

/**
 * The differences between two widgetStyles snapshots, as readable lines: any property that
 * differs (font-relative ones included: the widgets' font size does not follow the page's).
 */
function styleDifferences(reference, other) {
  const lines = [];
  for (const [element, expected] of Object.entries(reference.styles)) {
    const actual = other.styles[element];
    if (!expected || !actual) {
      if (expected !== actual) lines.push(`${element}: ${expected ? "missing" : "unexpected"}`);
      continue;
    }
    for (const [property, value] of Object.entries(expected)) {
      const got = actual[property];
      if (got === value || LAYOUT_RESOLVED.has(`${element} ${property}`)) continue;
      lines.push(`${element} ${property}: ${value} -> ${got}`);
    }
  }
  return lines;
}

// Host elements whose computed style the widgets must leave alone.
const HOST_ELEMENTS = ["html", "body", "#host-h1", "#host-p", "#host-a", "#host-button", "#host-div", "main"];
/** Every computed property of the host elements but the ones that depend on layout. */
function hostStyles(page) {
  return page.evaluate((selectors) => {
    // Resolved from the layout (the widgets take room on the page): sizes, and a grid's tracks.
    const layout = new Set(["width", "height", "inline-size", "block-size", "transform-origin", "perspective-origin",
      "grid-template-rows", "grid-template-columns"]);
    const out = {};
    for (const selector of selectors) {
      const computed = getComputedStyle(document.querySelector(selector));
      out[selector] = Object.fromEntries([...computed].filter((p) => !layout.has(p))
        .map((p) => [p, computed.getPropertyValue(p)]));
    }
    out["document sheets"] = {
      styleSheets: [...document.styleSheets].map((s) => s.href ?? "inline <style>").join(" "),
      adoptedStyleSheets: String(document.adoptedStyleSheets.length),
      styleElements: String(document.querySelectorAll("style").length),
    };
    return out;
  }, HOST_ELEMENTS);
}

/** hostStyles of `name` opened with the loader blocked: the page as it is without the widgets. */
async function hostStylesWithoutWidgets(name) {
  const host = HOSTS[name];
  const context = await env.browser.newContext({ bypassCSP: !host.csp });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (request) => requests.push(new URL(request.url()).pathname));
  await page.route("**/dist/embed.js", (route) => route.abort());
  await page.goto(env.base + host.path, { waitUntil: "load" });
  await page.evaluate((c) => document.documentElement.classList.add(c), host.translated);
  const styles = await hostStyles(page);
  assert.equal(requests.filter((r) => r.endsWith(".wasm")).length, 0, "the widgets did not load");
  await context.close();
  return styles;
}

/** The differences between two hostStyles snapshots. */
function hostDifferences(without, withWidgets) {
  const lines = [];
  for (const [element, expected] of Object.entries(without)) {
    for (const [property, value] of Object.entries(expected)) {
      if (withWidgets[element][property] !== value) {
        lines.push(`${element} ${property}: ${value} -> ${withWidgets[element][property]}`);
      }
    }
  }
  return lines;
}

/** Every visible button and radio of the widgets smaller than 24 by 24 CSS pixels (WCAG 2.5.8). */
const smallTargets = (page) => page.evaluate(() => {
  const small = [];
  for (const host of ["#carousel", "#feedback", "#disclaimer"]) {
    for (const target of document.querySelector(host).shadowRoot.querySelectorAll("button, input[type=radio], textarea")) {
      if (!target.checkVisibility()) continue;
      const box = target.getBoundingClientRect();
      if (box.width < 24 || box.height < 24) small.push(`${host} ${target.className || target.tagName}: ${box.width}x${box.height}`);
    }
  }
  return small;
});

// What each page's flow measured, for the comparisons across pages at the end.
const measured = {};

// ---------------------------------------------------------------------------------------------
// One flow per host page.

/**
 * Renders, screenshots, audits and measures the widgets on `name`, then drives the
 * disclaimer, the carousel and the feedback widget by keyboard and by mouse.
 */
async function hostFlow(name, { withAudit = true, measureMore } = {}) {
  const host = HOSTS[name];
  const seen = SEEN[host.lang];
  const { page, errors } = await openHost(name);
  const result = { errors };

  // They render, in the page's language and direction, with the texts a reader sees.
  assert.match(await visibleText(page, "#carousel"), seen.slides[0]);
  assert.match(await visibleText(page, "#carousel"), seen.carousel);
  assert.doesNotMatch(await visibleText(page, "#carousel"), seen.slides[1], "one slide shown");
  assert.match(await visibleText(page, "#feedback"), seen.feedback);
  assert.match(await visibleText(page, "#disclaimer"), seen.disclaimer);
  const directions = await page.evaluate(() => ["#carousel .fw-carousel", "#feedback .fw-feedback", "#disclaimer .fw-disclaimer"]
    .map((s) => { const [h, i] = s.split(" "); return getComputedStyle(document.querySelector(h).shadowRoot.querySelector(i)).direction; }));
  assert.deepEqual(directions, [seen.dir, seen.dir, seen.dir]);

  // Screenshot, measurements and audit of the first state.
  const file = host.path.split("/").pop().replace(/\.html$/, ".png");
  await page.screenshot({ path: join(artifacts, file), fullPage: true });
  result.widgets = await widgetStyles(page);
  result.host = await hostStyles(page);
  result.smallTargets = await smallTargets(page);
  if (measureMore) await measureMore(page, result);
  if (withAudit) {
    result.audit = {};
    for (const widget of ["#disclaimer", "#carousel", "#feedback"]) result.audit[widget] = await audit(page, widget);
  }

  // Disclaimer, keyboard: first in the page, Tab reaches its dismiss button; Enter dismisses,
  // the focus stays on the widget's host.
  await assertNothingFocused(page);
  await tabTo(page, "#disclaimer", ".fw-disclaimer__dismiss");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector("#disclaimer").shadowRoot.querySelector(".fw-disclaimer"));
  assert.equal(await page.evaluate(() => document.activeElement?.id), "disclaimer", "focus on the host, not <body>");

  // Carousel, keyboard: Tab to "Next slide", Enter shows slide 2; the arrow keys follow the
  // reading direction; Home goes back to the first.
  await tabTo(page, "#carousel", ".fw-carousel__next");
  await page.keyboard.press("Enter");
  await assertShown(page, seen.slides[1], "Enter on Next");
  assert.ok(await focusedIn(page, "#carousel", ".fw-carousel__next"), "the focus stays on Next");
  await page.keyboard.press(seen.next);
  await assertShown(page, seen.slides[2], `${seen.next} is next in ${seen.dir}`);
  await page.keyboard.press(seen.previous);
  await assertShown(page, seen.slides[1], `${seen.previous} is previous in ${seen.dir}`);
  await page.keyboard.press("Home");
  await assertShown(page, seen.slides[0], "Home");

  // Carousel, mouse: the third dot, then Previous, then Next, clicked where they are drawn.
  await page.locator("#carousel .fw-carousel__dot").nth(2).click();
  await assertShown(page, seen.slides[2], "click on dot 3");
  // Bootstrap's :root { scroll-behavior: smooth } keeps the page scrolling after a locator
  // click scrolled it: coordinates are read once it is still.
  await page.locator("#carousel .fw-carousel__previous").scrollIntoViewIfNeeded();
  await page.waitForFunction(() => new Promise((resolve) => {
    const y = window.scrollY;
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.scrollY === y)));
  }));
  const previous = await page.locator("#carousel .fw-carousel__previous").boundingBox();
  await page.mouse.click(previous.x + previous.width / 2, previous.y + previous.height / 2);
  await assertShown(page, seen.slides[1], "click on Previous");
  await page.locator("#carousel .fw-carousel__next").click();
  await assertShown(page, seen.slides[2], "click on Next");

  // Feedback, keyboard and mouse: Tab into the scale, Space picks the first answer, the
  // arrow keys move it, a click picks "Extremely satisfied", ArrowUp goes back to "Satisfied",
  // Tab to Send and Enter posts it.
  const postsBefore = env.posts.length;
  await tabTo(page, "#feedback", "input[name=rating]");
  await page.keyboard.press("Space");
  assert.equal(await checkedRating(page), "1", "Space on the first answer");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  assert.equal(await checkedRating(page), "4", "ArrowDown three times");
  await page.locator("#feedback .fw-feedback__option").nth(4).click();
  assert.equal(await checkedRating(page), "5", "click on the fifth answer");
  assert.ok(await focusedIn(page, "#feedback", "input[value='5']"), "the click focuses the radio");
  await page.keyboard.press("ArrowUp");
  assert.equal(await checkedRating(page), "4", "ArrowUp from the clicked answer");
  await tabTo(page, "#feedback", ".fw-feedback__submit", 5);
  await page.keyboard.press("Enter");
  const posts = await postsReach(postsBefore + 1);
  assert.equal(posts.length, postsBefore + 1, "one POST to /api/feedback");
  const rating = posts.at(-1);
  assert.equal(rating.rating, 4, "the answer chosen last, by keyboard");
  assert.equal(rating.widget_language, host.lang);
  assert.equal(rating.translated, true, "the page was marked as machine-translated");
  assert.equal(rating.page, HOSTS[name].path);
  assert.equal(rating.honeypot, "");
  // The comment step, by mouse: click in the text area, type, click Send.
  await waitInShadow(page, "#feedback", "textarea");
  await page.locator("#feedback textarea").click();
  assert.ok(await focusedIn(page, "#feedback", "textarea"), "a click puts the focus in the text area");
  await page.keyboard.type("OK");
  await page.locator("#feedback .fw-feedback__submit").click();
  const withComment = await postsReach(postsBefore + 2);
  assert.equal(withComment.length, postsBefore + 2, "the comment is posted");
  assert.equal(withComment.at(-1).comment, "OK");
  assert.equal(withComment.at(-1).submission_id, rating.submission_id, "same submission");
  await page.waitForFunction(() => !document.querySelector("#feedback").shadowRoot.querySelector("textarea"));
  await waitInShadow(page, "#feedback", "h2");

  // Disclaimer, mouse: forget the dismissal, take the widget out (unmounted: its shadow root is
  // emptied) and put it back (mounted again), click ×.
  await page.evaluate(async () => {
    for (const key of Object.keys(localStorage)) if (key.includes("disclaimer")) localStorage.removeItem(key);
    const element = document.querySelector("#disclaimer");
    const [parent, next] = [element.parentNode, element.nextSibling];
    element.remove();
    for (let i = 0; i < 100 && element.shadowRoot.childNodes.length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    parent.insertBefore(element, next);
  });
  await waitInShadow(page, "#disclaimer", ".fw-disclaimer__dismiss");
  await page.locator("#disclaimer .fw-disclaimer__dismiss").click();
  await page.waitForFunction(() => !document.querySelector("#disclaimer").shadowRoot.querySelector(".fw-disclaimer"));

  result.hostWithout = await hostStylesWithoutWidgets(name);
  measured[name] = result;
  await page.close();
  return result;
}

/** The assertions every host page shares once its flow ran. */
function assertClean(name, result) {
  assert.deepEqual(result.errors, [], "no console error, no CSP violation");
  assert.deepEqual(result.smallTargets, [], "every button and radio is at least 24 by 24 CSS pixels");
  if (result.audit) {
    const violations = Object.entries(result.audit).filter(([, list]) => list.length > 0);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  }
  assert.deepEqual(hostDifferences(result.hostWithout, result.host), [],
    `the widgets change no computed style of the host page's elements (${name})`);
}

test("plain page: render, keyboard, mouse, axe, host styles untouched", async () => {
  assertClean("plain", await hostFlow("plain"));
});

/** The Bootstrap page, measured once more with --fw-font-size pinned, and the boundary rule by rule. */
async function measureBoundary(page, result) {
  const pin = await page.addStyleTag({ content: "fw-disclaimer, fw-news-carousel, [data-fw-widget] { --fw-font-size: 16px; }" });
  result.pinned = await widgetStyles(page);
  await pin.evaluate((element) => element.remove());
  result.boundary = await page.evaluate(() => {
    const carousel = document.querySelector("#carousel").shadowRoot;
    const feedback = document.querySelector("#feedback").shadowRoot;
    const style = (element, property) => getComputedStyle(element).getPropertyValue(property);
    const hiddenSlides = [...carousel.querySelectorAll(".fw-carousel__slide[hidden]")];
    const next = carousel.querySelector(".fw-carousel__next");
    return {
      // [hidden] { display: block !important }: the hidden slides stay hidden.
      hiddenSlidesShown: hiddenSlides.filter((s) => style(s, "display") !== "none").length,
      hiddenSlides: hiddenSlides.length,
      // button { all: unset }: our buttons keep their border and cursor.
      nextBorder: style(next, "border-top-width"),
      nextCursor: style(next, "cursor"),
      // * { box-sizing: content-box }
      nextBoxSizing: style(next, "box-sizing"),
      // a { color: red !important }
      linkColor: style(carousel.querySelector(".fw-carousel__slide:not([hidden]) a"), "color"),
      // section { padding: 40px }
      sectionPadding: style(carousel.querySelector("section"), "padding-top"),
      // div { display: flex }: no div inside is touched, but the <div data-fw-widget> host is.
      innerDivDisplay: style(feedback.querySelector(".fw-root"), "display"),
      hostDivDisplay: style(document.querySelector("#feedback"), "display"),
      // body { font-style: italic; letter-spacing; word-spacing; text-align: center; cursor }:
      // inherited by the hosts from <body>, stopped there by :host { all: initial }.
      bodyInheritedInside: ["font-style", "letter-spacing", "word-spacing", "text-align", "cursor"]
        .map((p) => `${p}: ${style(feedback.querySelector("legend"), p)}`).join("; "),
      // body { line-height: 2 }: ours stays 1.5 times the font size.
      lineHeightRatio: Math.round(100 * parseFloat(style(feedback.querySelector("legend"), "line-height"))
        / parseFloat(style(feedback.querySelector("legend"), "font-size"))) / 100,
    };
  });
  // Custom properties cross the boundary, by design: that is the theming API.
  const theme = await page.addStyleTag({ content: "fw-news-carousel { --fw-accent: rgb(1, 2, 3); }" });
  result.themedAccent = await page.evaluate(() => getComputedStyle(document.querySelector("#carousel").shadowRoot
    .querySelector(".fw-carousel__next")).color);
  await theme.evaluate((element) => element.remove());
}

test("Bootstrap 5.3 page with aggressive global CSS: render, keyboard, mouse, axe, host styles untouched", async () => {
  assertClean("bootstrap", await hostFlow("bootstrap", { measureMore: measureBoundary }));
});

test("Arabic right-to-left page: render in Arabic, mirrored keys, mouse, axe, host styles untouched", async () => {
  assertClean("rtl", await hostFlow("rtl"));
});

test("strict CSP page: everything works with the policy enforced; axe with it bypassed", async () => {
  const result = await hostFlow("csp", {
    withAudit: false,
    // The policy is there: an inline script added by the test is refused (its console error
    // is taken out of the list that must stay empty).
    measureMore: async (page, measuredHere) => {
      const before = measuredHere.errors.length;
      measuredHere.refused = await page.evaluate(() => new Promise((resolve) => {
        document.addEventListener("securitypolicyviolation", (event) => resolve(event.effectiveDirective), { once: true });
        const script = document.createElement("script");
        script.textContent = "window.inlineRan = true";
        document.head.append(script);
        setTimeout(() => resolve(window.inlineRan ? "ran" : "no event"), 1000);
      }));
      await page.waitForTimeout(50);
      measuredHere.errors.splice(before, measuredHere.errors.length - before,
        ...measuredHere.errors.slice(before).filter((e) => !/Content Security Policy/.test(e)));
    },
  });
  assert.equal(result.refused, "script-src-elem", "the page is under its CSP");
  assertClean("csp", result);
  // axe-core is injected as an inline script, which the policy refuses: audit a second copy.
  const { page, errors } = await openHost("csp", { bypassCSP: true });
  const found = {};
  for (const widget of ["#disclaimer", "#carousel", "#feedback"]) found[widget] = await audit(page, widget);
  assert.deepEqual(Object.entries(found).filter(([, list]) => list.length > 0), []);
  assert.deepEqual(errors, []);
  await page.close();
});

// ---------------------------------------------------------------------------------------------
// Across pages: what crosses the shadow boundary and what does not.

test("host CSS does not reach the widgets: Bootstrap page against the plain page", () => {
  const { plain, bootstrap } = measured;
  assert.ok(plain && bootstrap, "the plain and Bootstrap flows ran");
  // What does not cross, rule by rule of host-bootstrap.css.
  const { boundary } = bootstrap;
  assert.ok(boundary.hiddenSlides >= 1, "the carousel keeps hidden slides in its window");
  assert.deepEqual(boundary, {
    hiddenSlidesShown: 0,
    hiddenSlides: boundary.hiddenSlides,
    nextBorder: "1px",
    nextCursor: "pointer",
    nextBoxSizing: "border-box",
    linkColor: "rgb(11, 87, 208)",
    sectionPadding: "0px",
    innerDivDisplay: "block",
    // The page lays out its own element, the host box (display, width, margins stay the
    // page's to set); .fw-root inside is made to sit right in a flex container too.
    hostDivDisplay: "flex",
    bodyInheritedInside: "font-style: normal; letter-spacing: normal; word-spacing: 0px; text-align: start; cursor: auto",
    lineHeightRatio: 1.5,
  });
  // What crosses by design: custom properties (the theming API).
  assert.equal(bootstrap.themedAccent, "rgb(1, 2, 3)");
  // html { font-size: 24px } does not scale the widgets: their size is the reader's default
  // (`medium`), not the page's root font size.
  assert.equal(plain.widgets.rootFontSize, 16);
  assert.equal(bootstrap.widgets.rootFontSize, 24);
  assert.equal(bootstrap.widgets.styles["#carousel .fw-root"]["font-size"], "16px");
  // Nothing inside differs, with or without --fw-font-size pinned by the page.
  assert.deepEqual({
    "as the page is": styleDifferences(plain.widgets, bootstrap.widgets),
    "with --fw-font-size: 16px": styleDifferences(plain.widgets, bootstrap.pinned),
  }, { "as the page is": [], "with --fw-font-size: 16px": [] });
});

test("the widgets keep the reader's default size on a 62.5 % root, with 24 px targets", () => {
  // host-rtl.css has the common html { font-size: 62.5% } (10 px rem); the widgets' text stays
  // at the reader's default size (16 px here), like the page's own body text.
  const { rtl } = measured;
  assert.ok(rtl, "the RTL flow ran");
  assert.equal(rtl.widgets.rootFontSize, 10);
  assert.equal(rtl.widgets.styles["#feedback .fw-root"]["font-size"], "16px");
  assert.equal(rtl.widgets.styles["#carousel .fw-carousel__slide:not([hidden]) .fw-carousel__summary"]["font-size"], "16px");
  assert.equal(rtl.host.body["font-size"], "16px");
  assert.deepEqual(rtl.smallTargets, [], "every target is at least 24 by 24");
});

test("direction crosses the boundary (the spec's `all` leaves it alone); the widgets set their own", () => {
  // `all: initial` does not reset direction or unicode-bidi (CSS Cascade: `all` excludes them),
  // so .fw-root inherits the page's rtl; each widget's own root sets dir.
  const { rtl } = measured;
  assert.ok(rtl, "the RTL flow ran");
  assert.equal(rtl.widgets.styles["#carousel .fw-root"].direction, "rtl", "inherited from the page");
  assert.equal(rtl.widgets.styles["#carousel .fw-carousel"].direction, "rtl", "from the widget's dir=rtl (Arabic)");
});

test("a page rule that selects the host element itself does not reach inside through inheritance", () => {
  // host-rtl.css has the very common `* { font-family: Tahoma, … }`, which matches the <fw-*>
  // host element; a page rule beats the shadow root's :host rules there, so the widgets take
  // nothing inherited from the host: .fw-root, out of the page's reach, starts from
  // `all: initial` with the widgets' own font stack.
  const { rtl, plain } = measured;
  assert.ok(rtl && plain, "the RTL and plain flows ran");
  const family = (m, element) => m.widgets.styles[element]["font-family"];
  assert.deepEqual(
    ["#carousel .fw-carousel", "#feedback legend", "#disclaimer .fw-disclaimer__text"].map((e) => `${e}: ${family(rtl, e)}`),
    ["#carousel .fw-carousel", "#feedback legend", "#disclaimer .fw-disclaimer__text"].map((e) => `${e}: ${family(plain, e)}`),
    "the widgets' own font stack, not the page's `* { font-family }`");
});
