// Colour schemes, on the built bundle: a host page that says `color-scheme: light dark`, read
// with a dark preference, cannot repaint the widgets' radios and buttons (an unselected radio
// still looks unselected); the built-in themes (`theme="light|dark|auto"`, `data-theme` on
// containers, the JS API's `theme` option) give every widget its light or dark colours, `auto`
// following the reader's preference; and forced colours still win over the dark theme.
// Pixels come from screenshots (e2e/png.mjs), since what a radio looks like is paint.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start, open, waitInShadow } from "./harness.mjs";
import { decodePng, inkPixels } from "./png.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.stop(); });

const PAGE = "/e2e/pages/dark-host.html";

/** Opens the host page under `scheme` (and forced colours when asked), the widgets up. */
async function darkHost(scheme, { forcedColors = "none" } = {}) {
  const { page, errors } = await open(env, PAGE, { bypassCSP: true });
  await page.emulateMedia({ colorScheme: scheme, forcedColors });
  await waitInShadow(page, "#feedback", "legend");
  await waitInShadow(page, "#carousel", ".fw-carousel__title");
  return { page, errors };
}

/** Remounts the three widgets of the page with `options` added (through the JS API). */
function remount(page, options) {
  return page.evaluate(async (extra) => {
    for (const [id, kind] of [["disclaimer", "disclaimer"], ["carousel", "news-carousel"], ["feedback", "feedback"]]) {
      await window.FeedWidgets.mount(document.getElementById(id), kind,
        { src: "/demo/feed.json", ...(kind === "feedback" ? { endpoint: "/api/feedback" } : {}), ...extra });
    }
  }, options);
}

/**
 * The five radios as painted: for each, the colour at its centre and the colour of its
 * option's box just beside it (what an empty radio shows through), from one screenshot.
 */
async function radios(page) {
  const boxes = await page.evaluate(() => {
    const shadow = document.querySelector("#feedback").shadowRoot;
    const box = (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
    return [...shadow.querySelectorAll(".fw-feedback__option")].map((option) => ({
      option: box(option), input: box(option.querySelector("input")), checked: option.querySelector("input").checked,
    }));
  });
  const clip = boxes.reduce((all, { option }) => ({
    x: Math.min(all.x, option.x), y: Math.min(all.y, option.y),
    right: Math.max(all.right, option.x + option.width), bottom: Math.max(all.bottom, option.y + option.height),
  }), { x: Infinity, y: Infinity, right: 0, bottom: 0 });
  const area = { x: Math.floor(clip.x), y: Math.floor(clip.y), width: Math.ceil(clip.right - clip.x), height: Math.ceil(clip.bottom - clip.y) };
  const image = decodePng(await page.screenshot({ clip: area }));
  const at = (x, y) => image.pixels[Math.round(y - area.y) * image.width + Math.round(x - area.x)].slice(0, 3);
  return boxes.map(({ option, input, checked }) => {
    const middle = input.y + input.height / 2;
    // Beside the radio, on the side of the option's edge it is nearer to (LTR or RTL).
    const besideX = input.x - option.x < option.x + option.width - input.x - input.width
      ? input.x - 2 - (input.x - option.x) / 2 + 1 : input.x + input.width + 2;
    return { checked, centre: at(input.x + input.width / 2, middle), beside: at(Math.max(option.x + 3, Math.min(besideX, input.x - 3)), middle) };
  });
}

/** How far apart two colours are (the largest channel difference). */
const distance = (a, b) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));

/** Relative luminance (WCAG) of an `rgb(…)` string. */
function luminance(css) {
  const [r, g, b] = css.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Asserts what an unselected and a selected radio look like, rating 4 chosen. */
async function assertRadiosReadable(page, what) {
  await page.evaluate(() => document.querySelector("#feedback").shadowRoot.querySelector('input[value="4"]').click());
  const painted = await radios(page);
  const selected = painted.filter((radio) => radio.checked);
  const unselected = painted.filter((radio) => !radio.checked);
  assert.equal(selected.length, 1, what);
  for (const radio of unselected) {
    assert.ok(distance(radio.centre, radio.beside) <= 40,
      `${what}: an unselected radio is empty, its centre ${radio.centre} like the box beside it ${radio.beside}`);
    assert.ok(distance(radio.centre, selected[0].centre) > 60,
      `${what}: an unselected radio (${radio.centre}) does not look like the selected one (${selected[0].centre})`);
  }
  assert.ok(distance(selected[0].centre, selected[0].beside) > 60,
    `${what}: the selected radio is filled: centre ${selected[0].centre}, beside ${selected[0].beside}`);
}

test("a host with color-scheme: light dark and a dark preference does not repaint the radios", async () => {
  const { page, errors } = await darkHost("dark");
  assert.equal(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches), true);
  await assertRadiosReadable(page, "default theme on a dark page");
  // Dark through the custom properties alone: the radios take the page's colours, not white.
  await page.evaluate(() => document.documentElement.classList.add("own-dark"));
  await remount(page, {});
  await waitInShadow(page, "#feedback", "legend");
  await assertRadiosReadable(page, "custom properties made dark");
  await page.evaluate(() => document.documentElement.classList.remove("own-dark"));
  await remount(page, { theme: "dark" });
  await waitInShadow(page, "#feedback", "legend");
  await assertRadiosReadable(page, "dark theme on a dark page");
  assert.deepEqual(errors, []);
  await page.close();
});

/**
 * Adds the three widgets with `theme` given three ways: the carousel as `<fw-news-carousel
 * theme>`, the feedback widget as a `data-fw-widget` container with `data-theme`, the
 * disclaimer through the JS API's `theme` option (`null`: no theme given). Ids get `suffix`.
 */
async function addThemed(page, theme, suffix) {
  await page.evaluate(async ([theme, suffix]) => {
    const carousel = document.createElement("fw-news-carousel");
    carousel.id = `carousel-${suffix}`;
    carousel.setAttribute("src", "/demo/feed.json");
    if (theme !== null) carousel.setAttribute("theme", theme);
    const feedback = document.createElement("div");
    feedback.id = `feedback-${suffix}`;
    feedback.dataset.fwWidget = "feedback";
    feedback.dataset.src = "/demo/feed.json";
    feedback.dataset.endpoint = "/api/feedback";
    if (theme !== null) feedback.dataset.theme = theme;
    const disclaimer = document.createElement("div");
    disclaimer.id = `disclaimer-${suffix}`;
    document.querySelector("main").append(carousel, feedback, disclaimer);
    await window.FeedWidgets.mount(disclaimer, "disclaimer",
      { src: "/demo/feed.json", ...(theme === null ? {} : { theme }) });
  }, [theme, suffix]);
  for (const [id, inner] of [["carousel", ".fw-carousel__title"], ["feedback", "legend"], ["disclaimer", ".fw-disclaimer"]]) {
    await waitInShadow(page, `#${id}-${suffix}`, inner);
  }
}

/** Light (`true`) or dark (`false`) for each widget of `suffix`: its box's background. */
const schemes = (page, suffix) => page.evaluate((suffix) => Object.fromEntries(
  [["carousel", ".fw-carousel"], ["feedback", ".fw-feedback"], ["disclaimer", ".fw-disclaimer"]].map(([id, inner]) => {
    const style = getComputedStyle(document.getElementById(`${id}-${suffix}`).shadowRoot.querySelector(inner));
    return [id, { background: style.backgroundColor, color: style.color }];
  })), suffix);

/** Whether every widget of `suffix` is light, or every one dark (text against background). */
async function assertScheme(page, suffix, dark, what) {
  for (const [widget, { background, color }] of Object.entries(await schemes(page, suffix))) {
    const [back, text] = [luminance(background), luminance(color)];
    if (dark) assert.ok(back < 0.05 && text > 0.6, `${what}: ${widget} is dark (background ${background}, text ${color})`);
    else assert.ok(back > 0.7 && text < 0.05, `${what}: ${widget} is light (background ${background}, text ${color})`);
  }
}

test("theme: light by default and for unknown values, dark on request, auto follows the preference live", async () => {
  const { page, errors } = await darkHost("dark");
  await page.evaluate(() => document.documentElement.classList.add("translated-ltr"));
  await addThemed(page, null, "none");
  await addThemed(page, "bogus", "bogus");
  await addThemed(page, "light", "light");
  await addThemed(page, "dark", "dark");
  await addThemed(page, "AUTO", "auto");
  await assertScheme(page, "none", false, "no theme on a dark page");
  await assertScheme(page, "bogus", false, "an unknown theme");
  await assertScheme(page, "light", false, "theme light under a dark preference");
  await assertScheme(page, "dark", true, "theme dark");
  await assertScheme(page, "auto", true, "theme auto under a dark preference");
  await page.emulateMedia({ colorScheme: "light" });
  await assertScheme(page, "auto", false, "theme auto once the preference is light");
  await assertScheme(page, "dark", true, "theme dark under a light preference");
  assert.deepEqual(errors, []);
  await page.close();
});

test("theme: a page's --fw-dark-* properties recolour the dark theme and leave the light one", async () => {
  const { page, errors } = await darkHost("light");
  await page.evaluate(() => {
    document.documentElement.classList.add("translated-ltr");
    document.documentElement.style.setProperty("--fw-dark-surface", "rgb(40, 0, 60)");
  });
  await addThemed(page, "dark", "dark");
  await addThemed(page, "light", "light");
  const [dark, light] = [await schemes(page, "dark"), await schemes(page, "light")];
  assert.equal(dark.carousel.background, "rgb(40, 0, 60)");
  assert.equal(dark.feedback.background, "rgb(40, 0, 60)");
  assert.equal(light.feedback.background, "rgb(255, 255, 255)");
  assert.deepEqual(errors, []);
  await page.close();
});

test("forced colours beat the dark theme: radios, buttons and focus still drawn in system colours", async () => {
  const { page, errors } = await darkHost("dark", { forcedColors: "active" });
  await remount(page, { theme: "dark" });
  await waitInShadow(page, "#feedback", "legend");
  await waitInShadow(page, "#carousel", ".fw-carousel__next");
  await assertRadiosReadable(page, "forced colours, dark theme");
  const drawn = await page.evaluate(() => {
    const box = (h, i) => { const r = document.querySelector(h).shadowRoot.querySelector(i).getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
    return [box("#carousel", ".fw-carousel__next"), box("#feedback", "button[type=submit]")];
  });
  for (const clip of drawn) {
    const ink = inkPixels(decodePng(await page.screenshot({ clip })));
    assert.ok(ink >= 12, `a control drawn in forced colours: ${ink} pixels of ink`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
