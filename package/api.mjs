// The public surface of the three elements, written once: scripts/api-files.mjs makes the
// package's custom-elements.json, feedwidgets.d.ts and html-custom-data.json from it, and
// tests/manifest.rs checks the manifest against what the Rust code reads and dispatches.

/** Options every widget takes. `type` is TypeScript; `values` lists an enumeration; `min` and
 * `max` bound a number; `native`
 * marks an attribute whose property HTMLElement already has (`lang`). */
const common = [
  { name: "src", type: "string", description: "Feed URL (JSON Feed 1.1, WordPress REST or the project's own feed), relative to the page; http(s) only." },
  { name: "lang", type: '"ar" | "en" | "fr"', values: ["ar", "en", "fr"], native: true, description: "Language of the widget's own texts; else the page's original lang, the feed's language, the browser's languages, English." },
  { name: "timeout", type: "number", min: 100, max: 120000, default: "10000", description: "Milliseconds the feed may take (100 to 120000)." },
  { name: "theme", type: '"auto" | "light" | "dark"', values: ["auto", "light", "dark"], default: '"light"', description: "Colour theme: auto follows prefers-color-scheme." },
];

/** Custom properties every widget reads from the host page (the light ones also apply to the
 * light theme only; `--fw-dark-*` are their dark-theme counterparts). */
const cssProperties = [
  ["--fw-font-family", "Font of every text.", "inherit"],
  ["--fw-font-size", "Base font size.", "medium"],
  ["--fw-text", "Text colour."],
  ["--fw-text-muted", "Secondary text colour (dates, hints, counters)."],
  ["--fw-accent", "Accent colour: selected option, primary button."],
  ["--fw-on-accent", "Text on the accent colour."],
  ["--fw-link", "Link colour."],
  ["--fw-focus", "Focus ring colour."],
  ["--fw-surface", "Background."],
  ["--fw-surface-muted", "Background of placeholders and quiet areas."],
  ["--fw-border", "Border colour."],
  ["--fw-border-strong", "Border colour of controls (3:1 against the surface)."],
  ["--fw-radius", "Corner radius."],
  ["--fw-danger", "Colour of error messages."],
  ["--fw-warning-surface", "Background of the disclaimer banner."],
  ["--fw-warning-border", "Border of the disclaimer banner."],
  ["--fw-summary-lines", "Lines of an item summary before it is clamped.", "4"],
  ["--fw-title-lines", "Lines of an item title before it is clamped.", "3"],
  ["--fw-image-ratio", "Aspect ratio of the carousel's image area (auto for feeds without images).", "16 / 9"],
  ["--fw-carousel-height", "A fixed height for the carousel's reserve and loading state, and its minimum once loaded (feedwidgets.css)."],
  ["--fw-carousel-picker", "0 when the carousel has no slide picker (one slide, or over 12), for the reserve (feedwidgets.css)."],
  ["--fw-feedback-height", "A fixed height for the feedback widget's reserve and loading state, and its minimum once loaded (feedwidgets.css)."],
  ["--fw-dark-text", "Text colour in the dark theme.", "#e6edf3"],
  ["--fw-dark-text-muted", "Secondary text colour in the dark theme.", "#9198a1"],
  ["--fw-dark-accent", "Accent colour in the dark theme.", "#4493f8"],
  ["--fw-dark-on-accent", "Text on the accent colour in the dark theme.", "#0d1117"],
  ["--fw-dark-link", "Link colour in the dark theme.", "#4493f8"],
  ["--fw-dark-focus", "Focus ring colour in the dark theme.", "#4493f8"],
  ["--fw-dark-surface", "Background in the dark theme.", "#0d1117"],
  ["--fw-dark-surface-muted", "Background of placeholders and quiet areas in the dark theme.", "#151b23"],
  ["--fw-dark-border", "Border colour in the dark theme.", "#3d444d"],
  ["--fw-dark-border-strong", "Border colour of controls in the dark theme.", "#9198a1"],
  ["--fw-dark-danger", "Colour of error messages in the dark theme.", "#f85149"],
  ["--fw-dark-warning-surface", "Background of the disclaimer banner in the dark theme.", "#272115"],
  ["--fw-dark-warning-border", "Border of the disclaimer banner in the dark theme.", "#d29922"],
];

/** The default slot: what the element holds before the widget renders. */
const fallbackSlot = {
  name: "",
  description: "Fallback content (a server-rendered item, a plain link) shown until the widget has rendered, then hidden.",
};

export const elements = [
  {
    tag: "fw-news-carousel",
    className: "FwNewsCarouselElement",
    kind: "news-carousel",
    description: "A news carousel after the WAI-ARIA carousel pattern, fed by a JSON feed.",
    attributes: [
      ...common,
      { name: "max-items", type: "number", min: 1, max: 10000, default: "20", description: "Slides shown (1 to 10000); else the feed's _widgets.carousel.max_items." },
      { name: "loop", type: "boolean", default: "true", description: "false stops at the ends instead of wrapping." },
      { name: "per-view", type: "number", min: 1, max: 4, default: "1", description: "Up to 1 to 4 slides side by side, as many as fit at 240 px each." },
      { name: "autoplay", type: "boolean", default: "false", description: "Slides rotate, with a stop/start button; off under reduced motion." },
      { name: "interval", type: "number", min: 2000, max: 600000, default: "6000", description: "Milliseconds per slide while rotating, at least 2000." },
      { name: "summary", type: "boolean", default: "true", description: "false hides the item summaries." },
      { name: "heading-level", type: "number", min: 2, max: 6, default: "3", description: "Heading level of the item titles, 2 to 6." },
      { name: "refresh", type: "number", min: 2, max: 86400, description: "Seconds between fetches of a live feed (2 to 86400)." },
      { name: "label", type: "string", description: "Accessible name of the carousel region; else the feed's, else \"News\"." },
    ],
    members: [
      { kind: "field", name: "currentIndex", type: "number", readonly: true, description: "Index of the first slide in view (0 before the feed is shown)." },
    ],
    methods: [
      { name: "next", description: "Shows the next slide (or view)." },
      { name: "previous", description: "Shows the previous slide (or view)." },
      { name: "goTo", parameters: [{ name: "index", type: "number" }], description: "Shows the slide at index (0-based); out of range is ignored." },
      { name: "play", description: "Starts rotation (when autoplay is allowed: not under reduced motion)." },
      { name: "pause", description: "Stops rotation." },
    ],
    events: [
      { name: "fw:carousel:change", detail: "{ id: string; index: number }", description: "Another slide is current." },
    ],
    parts: [
      ["base", "The carousel region."],
      ["slide", "Each slide."],
      ["title", "Each item title."],
      ["nav", "The previous, next and stop/start rotation buttons."],
      ["picker", "The slide picker."],
    ],
  },
  {
    tag: "fw-feedback",
    className: "FwFeedbackElement",
    kind: "feedback",
    description: "A five-point satisfaction rating with an optional comment, posted to the collector; never lost offline.",
    attributes: [
      ...common,
      { name: "endpoint", type: "string", description: "Where ratings are POSTed; else the feed's _widgets.feedback.endpoint." },
      { name: "question", type: "string", description: "The question; else the feed's, else the built-in one." },
      { name: "comment", type: "boolean", default: "false", description: "Offer the comment step after the rating." },
      { name: "compact", type: "boolean", default: "false", description: "A click, Space or Enter on an option sends at once." },
      { name: "remember-scope", type: '"site" | "page"', values: ["site", "page"], default: '"site"', description: "Remember a rating for the whole site or per page path." },
      { name: "remember-days", type: "number", min: 0, max: 3650, default: "90", description: "Days a rating is remembered (0 to 3650)." },
    ],
    members: [],
    methods: [
      { name: "reset", description: "Back to the first step; a rating still waiting in the outbox is kept and sent." },
    ],
    events: [
      { name: "fw:feedback:rated", detail: "{ submission_id: string; rating: number }", description: "The visitor chose a rating." },
      { name: "fw:feedback:submitted", detail: "{ submission_id: string; rating: number; queued: boolean }", description: "The collector accepted a POST (the rating, then the comment)." },
      { name: "fw:feedback:error", detail: "{ submission_id: string; rating: number; queued: boolean }", description: "A POST failed; queued says whether it waits in the outbox." },
    ],
    parts: [
      ["form", "The form."],
      ["options", "The rating scale (the group of options)."],
      ["submit", "The send button."],
    ],
  },
  {
    tag: "fw-disclaimer",
    className: "FwDisclaimerElement",
    kind: "disclaimer",
    description: "A banner shown only while the page is machine-translated.",
    attributes: [
      ...common,
      { name: "org", type: "string", description: "The organisation named in the built-in sentence." },
      { name: "position", type: '"inline" | "top" | "bottom"', values: ["inline", "top", "bottom"], default: '"inline"', description: "In the page's flow, or a sticky bar at the top or bottom edge." },
      { name: "remember-days", type: "number", min: 0, max: 3650, default: "30", description: "Days a dismissal is remembered (0 to 3650)." },
    ],
    members: [],
    methods: [
      { name: "show", description: "Shows the banner now (for a host's own translate switcher), even if dismissed." },
      { name: "dismiss", description: "Hides the banner as the dismiss button does." },
    ],
    events: [
      { name: "fw:disclaimer:shown", detail: "{ language: string }", description: "The banner appeared." },
      { name: "fw:disclaimer:dismissed", detail: "null", description: "The reader closed the banner." },
      { name: "fw:translation:changed", detail: "{ translated: boolean; target: string | null }", description: "A translator started or stopped." },
    ],
    parts: [
      ["banner", "The banner."],
      ["text", "The sentence."],
      ["button", "Each button (view original, dismiss)."],
    ],
  },
];

export { cssProperties, fallbackSlot };
