// FeedWidgets: types of the loader's API, the three elements and their events.
// Generated from package/api.mjs by scripts/api-files.mjs; do not edit.

/** A widget kind, as `FeedWidgets.mount` takes it. */
export type WidgetKind = "news-carousel" | "feedback" | "disclaimer";

/** Options of a news-carousel widget for `FeedWidgets.mount` (camelCase or kebab-case keys). */
export interface NewsCarouselOptions {
  /** Feed URL (JSON Feed 1.1, WordPress REST or the project's own feed), relative to the page; http(s) only. */
  "src"?: string;
  /** Language of the widget's own texts; else the page's original lang, the feed's language, the browser's languages, English. */
  "lang"?: "ar" | "en" | "fr";
  /** Milliseconds the feed may take (100 to 120000). */
  "timeout"?: number | string;
  /** Colour theme: auto follows prefers-color-scheme. */
  "theme"?: "auto" | "light" | "dark";
  /** Slides shown (1 to 10000); else the feed's _widgets.carousel.max_items. */
  "maxItems"?: number | string;
  /** false stops at the ends instead of wrapping. */
  "loop"?: boolean;
  /** Up to 1 to 4 slides side by side, as many as fit at 240 px each. */
  "perView"?: number | string;
  /** Slides rotate, with a stop/start button; off under reduced motion. */
  "autoplay"?: boolean;
  /** Milliseconds per slide while rotating, at least 2000. */
  "interval"?: number | string;
  /** false hides the item summaries. */
  "summary"?: boolean;
  /** Heading level of the item titles, 2 to 6. */
  "headingLevel"?: number | string;
  /** Seconds between fetches of a live feed (2 to 86400). */
  "refresh"?: number | string;
  /** Accessible name of the carousel region; else the feed's, else "News". */
  "label"?: string;
}

/** Detail of `fw:carousel:change`: Another slide is current. */
export type CarouselChangeDetail = { id: string; index: number };

/** `<fw-news-carousel>`: A news carousel after the WAI-ARIA carousel pattern, fed by a JSON feed. */
export interface FwNewsCarouselElement extends HTMLElement {
  /** Feed URL (JSON Feed 1.1, WordPress REST or the project's own feed), relative to the page; http(s) only. Reflects `src`. */
  get src(): string | null;
  set src(value: string | null);
  /** Milliseconds the feed may take (100 to 120000). Reflects `timeout`. */
  get timeout(): string | null;
  set timeout(value: number | string | null);
  /** Colour theme: auto follows prefers-color-scheme. Reflects `theme`. */
  get theme(): string | null;
  set theme(value: "auto" | "light" | "dark" | null);
  /** Slides shown (1 to 10000); else the feed's _widgets.carousel.max_items. Reflects `max-items`. */
  get maxItems(): string | null;
  set maxItems(value: number | string | null);
  /** false stops at the ends instead of wrapping. Reflects `loop`. */
  get loop(): boolean | null;
  set loop(value: boolean | null);
  /** Up to 1 to 4 slides side by side, as many as fit at 240 px each. Reflects `per-view`. */
  get perView(): string | null;
  set perView(value: number | string | null);
  /** Slides rotate, with a stop/start button; off under reduced motion. Reflects `autoplay`. */
  get autoplay(): boolean | null;
  set autoplay(value: boolean | null);
  /** Milliseconds per slide while rotating, at least 2000. Reflects `interval`. */
  get interval(): string | null;
  set interval(value: number | string | null);
  /** false hides the item summaries. Reflects `summary`. */
  get summary(): boolean | null;
  set summary(value: boolean | null);
  /** Heading level of the item titles, 2 to 6. Reflects `heading-level`. */
  get headingLevel(): string | null;
  set headingLevel(value: number | string | null);
  /** Seconds between fetches of a live feed (2 to 86400). Reflects `refresh`. */
  get refresh(): string | null;
  set refresh(value: number | string | null);
  /** Accessible name of the carousel region; else the feed's, else "News". Reflects `label`. */
  get label(): string | null;
  set label(value: string | null);
  /** Index of the first slide in view (0 before the feed is shown). */
  readonly currentIndex: number;
  /** Shows the next slide (or view). Calls before the bundle runs are queued. */
  next(): void;
  /** Shows the previous slide (or view). Calls before the bundle runs are queued. */
  previous(): void;
  /** Shows the slide at index (0-based); out of range is ignored. Calls before the bundle runs are queued. */
  goTo(index: number): void;
  /** Starts rotation (when autoplay is allowed: not under reduced motion). Calls before the bundle runs are queued. */
  play(): void;
  /** Stops rotation. Calls before the bundle runs are queued. */
  pause(): void;
}

/** Options of a feedback widget for `FeedWidgets.mount` (camelCase or kebab-case keys). */
export interface FeedbackOptions {
  /** Feed URL (JSON Feed 1.1, WordPress REST or the project's own feed), relative to the page; http(s) only. */
  "src"?: string;
  /** Language of the widget's own texts; else the page's original lang, the feed's language, the browser's languages, English. */
  "lang"?: "ar" | "en" | "fr";
  /** Milliseconds the feed may take (100 to 120000). */
  "timeout"?: number | string;
  /** Colour theme: auto follows prefers-color-scheme. */
  "theme"?: "auto" | "light" | "dark";
  /** Where ratings are POSTed; else the feed's _widgets.feedback.endpoint. */
  "endpoint"?: string;
  /** The question; else the feed's, else the built-in one. */
  "question"?: string;
  /** Offer the comment step after the rating. */
  "comment"?: boolean;
  /** A click, Space or Enter on an option sends at once. */
  "compact"?: boolean;
  /** Remember a rating for the whole site or per page path. */
  "rememberScope"?: "site" | "page";
  /** Days a rating is remembered (0 to 3650). */
  "rememberDays"?: number | string;
}

/** Detail of `fw:feedback:rated`: The visitor chose a rating. */
export type FeedbackRatedDetail = { submission_id: string; rating: number };
/** Detail of `fw:feedback:submitted`: The collector accepted a POST (the rating, then the comment). */
export type FeedbackSubmittedDetail = { submission_id: string; rating: number; queued: boolean };
/** Detail of `fw:feedback:error`: A POST failed; queued says whether it waits in the outbox. */
export type FeedbackErrorDetail = { submission_id: string; rating: number; queued: boolean };

/** `<fw-feedback>`: A five-point satisfaction rating with an optional comment, posted to the collector; never lost offline. */
export interface FwFeedbackElement extends HTMLElement {
  /** Feed URL (JSON Feed 1.1, WordPress REST or the project's own feed), relative to the page; http(s) only. Reflects `src`. */
  get src(): string | null;
  set src(value: string | null);
  /** Milliseconds the feed may take (100 to 120000). Reflects `timeout`. */
  get timeout(): string | null;
  set timeout(value: number | string | null);
  /** Colour theme: auto follows prefers-color-scheme. Reflects `theme`. */
  get theme(): string | null;
  set theme(value: "auto" | "light" | "dark" | null);
  /** Where ratings are POSTed; else the feed's _widgets.feedback.endpoint. Reflects `endpoint`. */
  get endpoint(): string | null;
  set endpoint(value: string | null);
  /** The question; else the feed's, else the built-in one. Reflects `question`. */
  get question(): string | null;
  set question(value: string | null);
  /** Offer the comment step after the rating. Reflects `comment`. */
  get comment(): boolean | null;
  set comment(value: boolean | null);
  /** A click, Space or Enter on an option sends at once. Reflects `compact`. */
  get compact(): boolean | null;
  set compact(value: boolean | null);
  /** Remember a rating for the whole site or per page path. Reflects `remember-scope`. */
  get rememberScope(): string | null;
  set rememberScope(value: "site" | "page" | null);
  /** Days a rating is remembered (0 to 3650). Reflects `remember-days`. */
  get rememberDays(): string | null;
  set rememberDays(value: number | string | null);
  /** Back to the first step; a rating still waiting in the outbox is kept and sent. Calls before the bundle runs are queued. */
  reset(): void;
}

/** Options of a disclaimer widget for `FeedWidgets.mount` (camelCase or kebab-case keys). */
export interface DisclaimerOptions {
  /** Feed URL (JSON Feed 1.1, WordPress REST or the project's own feed), relative to the page; http(s) only. */
  "src"?: string;
  /** Language of the widget's own texts; else the page's original lang, the feed's language, the browser's languages, English. */
  "lang"?: "ar" | "en" | "fr";
  /** Milliseconds the feed may take (100 to 120000). */
  "timeout"?: number | string;
  /** Colour theme: auto follows prefers-color-scheme. */
  "theme"?: "auto" | "light" | "dark";
  /** The organisation named in the built-in sentence. */
  "org"?: string;
  /** In the page's flow, or a sticky bar at the top or bottom edge. */
  "position"?: "inline" | "top" | "bottom";
  /** Days a dismissal is remembered (0 to 3650). */
  "rememberDays"?: number | string;
}

/** Detail of `fw:disclaimer:shown`: The banner appeared. */
export type DisclaimerShownDetail = { language: string };
/** Detail of `fw:disclaimer:dismissed`: The reader closed the banner. */
export type DisclaimerDismissedDetail = null;
/** Detail of `fw:translation:changed`: A translator started or stopped. */
export type TranslationChangedDetail = { translated: boolean; target: string | null };

/** `<fw-disclaimer>`: A banner shown only while the page is machine-translated. */
export interface FwDisclaimerElement extends HTMLElement {
  /** Feed URL (JSON Feed 1.1, WordPress REST or the project's own feed), relative to the page; http(s) only. Reflects `src`. */
  get src(): string | null;
  set src(value: string | null);
  /** Milliseconds the feed may take (100 to 120000). Reflects `timeout`. */
  get timeout(): string | null;
  set timeout(value: number | string | null);
  /** Colour theme: auto follows prefers-color-scheme. Reflects `theme`. */
  get theme(): string | null;
  set theme(value: "auto" | "light" | "dark" | null);
  /** The organisation named in the built-in sentence. Reflects `org`. */
  get org(): string | null;
  set org(value: string | null);
  /** In the page's flow, or a sticky bar at the top or bottom edge. Reflects `position`. */
  get position(): string | null;
  set position(value: "inline" | "top" | "bottom" | null);
  /** Days a dismissal is remembered (0 to 3650). Reflects `remember-days`. */
  get rememberDays(): string | null;
  set rememberDays(value: number | string | null);
  /** Shows the banner now (for a host's own translate switcher), even if dismissed. Calls before the bundle runs are queued. */
  show(): void;
  /** Hides the banner as the dismiss button does. Calls before the bundle runs are queued. */
  dismiss(): void;
}

/** `window.FeedWidgets`, set by the loader. */
export interface FeedWidgetsApi {
  /** The bundle's version. */
  readonly version: string;
  /** Mounts a widget on an element (starting the bundle if needed). */
  mount(element: Element, kind: "news-carousel", options?: NewsCarouselOptions): Promise<void>;
  mount(element: Element, kind: "feedback", options?: FeedbackOptions): Promise<void>;
  mount(element: Element, kind: "disclaimer", options?: DisclaimerOptions): Promise<void>;
  /** Unmounts the widget on an element; resolves to whether there was one. */
  unmount(element: Element): Promise<boolean>;
  /** Resolves once the bundle runs (and starts it if no widget did yet). */
  ready(): Promise<void>;
}

/** Every widget event, by type: they bubble and cross shadow roots. */
export interface FeedWidgetsEventMap {
  "fw:carousel:change": CustomEvent<CarouselChangeDetail>;
  "fw:feedback:rated": CustomEvent<FeedbackRatedDetail>;
  "fw:feedback:submitted": CustomEvent<FeedbackSubmittedDetail>;
  "fw:feedback:error": CustomEvent<FeedbackErrorDetail>;
  "fw:disclaimer:shown": CustomEvent<DisclaimerShownDetail>;
  "fw:disclaimer:dismissed": CustomEvent<DisclaimerDismissedDetail>;
  "fw:translation:changed": CustomEvent<TranslationChangedDetail>;
}

declare global {
  interface Window {
    /** The FeedWidgets loader's API. */
    readonly FeedWidgets: FeedWidgetsApi;
  }
  interface HTMLElementTagNameMap {
    "fw-news-carousel": FwNewsCarouselElement;
    "fw-feedback": FwFeedbackElement;
    "fw-disclaimer": FwDisclaimerElement;
  }
  // The events bubble and are composed, so any element, the document and the window hear them.
  interface HTMLElementEventMap extends FeedWidgetsEventMap {}
  interface DocumentEventMap extends FeedWidgetsEventMap {}
  interface WindowEventMap extends FeedWidgetsEventMap {}
}
