//! Shared by the browser suites (`mod support;`): a fake `window.fetch` that records every call
//! and answers per URL, a `console.error` recorder, polling waits and shadow-DOM helpers.
//!
//! Every suite runs its tests one after another in ONE page, so tests use their own element ids
//! and feed URLs and remove what they add: [`Mounted`] does it when dropped, even when the test
//! panics.

#![allow(dead_code)]

mod carousel;
pub mod feedback;
pub mod mounted;
pub mod roles;

#[allow(unused_imports)]
pub use carousel::*;
#[allow(unused_imports)]
pub use mounted::Mounted;
#[allow(unused_imports)]
pub use roles::*;

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, ShadowRoot};

#[wasm_bindgen(inline_js = r#"
const fake = { installed: false, routes: new Map(), calls: [], errors: [], realFetch: null };

function absolute(url) {
  try { return new URL(String(url), location.href).href; } catch (_) { return String(url); }
}

export function fw_install() {
  if (fake.installed) return;
  fake.installed = true;
  fake.realFetch = window.fetch.bind(window);
  window.fetch = function (input, init) {
    init = init || {};
    const isRequest = typeof Request !== "undefined" && input instanceof Request;
    const url = absolute(isRequest ? input.url : input);
    const headers = new Headers(init.headers || (isRequest ? input.headers : undefined));
    const call = {
      url,
      method: String(init.method || (isRequest ? input.method : "GET")).toUpperCase(),
      body: typeof init.body === "string" ? init.body : null,
      contentType: headers.get("content-type"),
      aborted: false,
    };
    fake.calls.push(call);
    const route = fake.routes.get(url);
    if (!route && new URL(url).origin === location.origin) {
      // The test runner's own files.
      return fake.realFetch(input, init);
    }
    return new Promise((resolve, reject) => {
      const signal = init.signal || (isRequest ? input.signal : null);
      let timer = null;
      const abort = () => {
        call.aborted = true;
        if (timer !== null) clearTimeout(timer);
        reject(new DOMException("The operation was aborted.", "AbortError"));
      };
      if (signal) {
        if (signal.aborted) { abort(); return; }
        signal.addEventListener("abort", abort, { once: true });
      }
      if (!route) { reject(new TypeError("Failed to fetch (the fake has no answer for " + url + ")")); return; }
      if (route.kind === "never") return;
      if (route.kind === "held") {
        route.waiting.push((answer) => {
          if (call.aborted) return;
          resolve(new Response(answer.body, { status: answer.status, headers: { "content-type": answer.contentType } }));
        });
        return;
      }
      timer = setTimeout(() => {
        if (route.kind === "network") { reject(new TypeError("Failed to fetch")); return; }
        const nullBody = [101, 204, 205, 304].includes(route.status);
        resolve(new Response(nullBody ? null : route.body, {
          status: route.status,
          headers: { "content-type": route.contentType },
        }));
      }, route.delay);
    });
  };
  const originalError = console.error;
  console.error = function (...args) {
    fake.errors.push(args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(" "));
    return originalError.apply(this, args);
  };
}

export function fw_respond(url, status, body, delay, contentType) {
  fake.routes.set(absolute(url), { kind: "answer", status, body, delay, contentType });
}
export function fw_never(url) { fake.routes.set(absolute(url), { kind: "never" }); }
// A held route answers nothing until the test releases it: a test can look at the loading state
// for as long as it likes, whatever the machine's speed.
export function fw_hold(url) { fake.routes.set(absolute(url), { kind: "held", waiting: [] }); }
export function fw_release(url, status, body, contentType) {
  const key = absolute(url);
  const route = fake.routes.get(key);
  const answer = { kind: "answer", status, body, delay: 0, contentType };
  fake.routes.set(key, answer);
  const waiting = route && route.kind === "held" ? route.waiting : [];
  for (const answerCall of waiting) answerCall(answer);
  return waiting.length;
}
export function fw_network_error(url, delay) { fake.routes.set(absolute(url), { kind: "network", delay }); }
export function fw_calls() { return fake.calls.slice(); }
export function fw_errors() { return fake.errors.slice(); }
export function fw_absolute(url) { return absolute(url); }

export function fw_computed(element, property) {
  return getComputedStyle(element).getPropertyValue(property);
}
export function fw_replace_url(url) { history.replaceState(history.state, "", url); }

export function fw_listen(target, name) {
  const log = { events: [], target, name };
  log.listener = (event) => log.events.push({
    detail: event.detail === undefined ? null : event.detail,
    bubbles: event.bubbles,
    composed: event.composed,
    target: event.target,
  });
  target.addEventListener(name, log.listener);
  return log;
}
export function fw_log_events(log) { return log.events.slice(); }
export function fw_log_stop(log) { log.target.removeEventListener(log.name, log.listener); }
// Records the address of every <img> ever put in `root` (added, or its src changed), so a test
// can check what a widget asked for even after a failed load made the widget drop the image.
function fw_note_images(log, node) {
  if (node.nodeType !== Node.ELEMENT_NODE) return;
  const images = node.localName === "img" ? [node] : [...node.querySelectorAll("img")];
  for (const image of images) {
    const src = image.getAttribute("src");
    if (src !== null) log.sources.push(src);
  }
}
function fw_note_records(log, records) {
  for (const record of records) {
    if (record.type === "attributes") fw_note_images(log, record.target);
    for (const added of record.addedNodes) fw_note_images(log, added);
  }
}
export function fw_watch_images(root) {
  const log = { sources: [] };
  for (const child of root.childNodes) fw_note_images(log, child);
  log.observer = new MutationObserver((records) => fw_note_records(log, records));
  log.observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ["src"] });
  return log;
}
export function fw_image_sources(log) {
  // Mutations not yet delivered to the callback count too.
  fw_note_records(log, log.observer.takeRecords());
  return log.sources.slice();
}
export function fw_unwatch_images(log) { log.observer.disconnect(); }
// A machine translator, as Chrome's does it: every text node (in the document and in open shadow
// roots) is replaced by <font style="vertical-align: inherit;"><font style="…">translated
// text</font></font>, and <html> gets a translator class and the target lang. Undoing puts the
// original text nodes back. `ignoreMarks` also rewrites what is marked translate="no" or
// class="notranslate" (a translator that does not honour the marks: the worst case).
export function fw_translator(ignoreMarks, lang, prefix) {
  const html = document.documentElement;
  const t = {
    ignoreMarks, prefix, wrapped: [], fonts: new WeakSet(),
    lang: html.getAttribute("lang"), hadClass: html.classList.contains("translated-ltr"),
  };
  html.classList.add("translated-ltr");
  html.setAttribute("lang", lang);
  fw_translator_again(t);
  return t;
}
function fw_font(t) {
  const font = document.createElement("font");
  font.setAttribute("style", "vertical-align: inherit;");
  t.fonts.add(font);
  return font;
}
function fw_visit(t, node, excluded) {
  if (node.nodeType === Node.ELEMENT_NODE) {
    if (["script", "style", "noscript"].includes(node.localName) || t.fonts.has(node)) return;
    // The test runner's own log (<pre id="output">, <pre id="console_…">) is not the page.
    if (node.localName === "pre" && /^(output|console)/.test(node.id)) return;
    if (node.classList.contains("notranslate")) excluded = true;
    const marked = node.getAttribute("translate");
    if (marked === "no") excluded = true;
    if (marked === "yes") excluded = false;
    if (node.shadowRoot) fw_visit(t, node.shadowRoot, excluded);
    for (const child of [...node.childNodes]) fw_visit(t, child, excluded);
  } else if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE) {
    for (const child of [...node.childNodes]) fw_visit(t, child, excluded);
  } else if (node.nodeType === Node.TEXT_NODE) {
    if ((excluded && !t.ignoreMarks) || !node.data.trim() || !node.parentNode) return;
    const outer = fw_font(t);
    const inner = fw_font(t);
    inner.append(document.createTextNode(t.prefix + node.data.toUpperCase()));
    outer.append(inner);
    node.parentNode.replaceChild(outer, node);
    t.wrapped.push({ original: node, font: outer });
  }
}
/** Translates what was added since (translators keep watching the page); how many in all. */
export function fw_translator_again(t) {
  fw_visit(t, document.documentElement, false);
  return t.wrapped.length;
}
export function fw_translator_undo(t) {
  for (const { original, font } of t.wrapped.reverse()) {
    if (font.parentNode) font.parentNode.replaceChild(original, font);
  }
  t.wrapped = [];
  const html = document.documentElement;
  if (!t.hadClass) html.classList.remove("translated-ltr");
  if (t.lang === null) html.removeAttribute("lang"); else html.setAttribute("lang", t.lang);
}
/** The loader's element classes as far as the bundle sees them (embed.js is not loaded in
 * these suites): lifecycle callbacks and observed attributes, forwarded to the bundle. */
export function fw_define(tag, observed, connected, disconnected, changed) {
  if (customElements.get(tag)) return;
  customElements.define(tag, class extends HTMLElement {
    static observedAttributes = observed.flatMap((name) => [name, "data-" + name]);
    connectedCallback() { connected(this); }
    disconnectedCallback() { disconnected(this); }
    attributeChangedCallback() { changed(this); }
  });
}
"#)]
extern "C" {
    fn fw_define(
        tag: &str,
        observed: Vec<String>,
        connected: &JsValue,
        disconnected: &JsValue,
        changed: &JsValue,
    );
    fn fw_install();
    fn fw_respond(url: &str, status: u16, body: &str, delay: u32, content_type: &str);
    fn fw_never(url: &str);
    fn fw_hold(url: &str);
    fn fw_release(url: &str, status: u16, body: &str, content_type: &str) -> u32;
    fn fw_watch_images(root: &ShadowRoot) -> JsValue;
    fn fw_image_sources(log: &JsValue) -> js_sys::Array;
    fn fw_unwatch_images(log: &JsValue);
    fn fw_network_error(url: &str, delay: u32);
    fn fw_calls() -> js_sys::Array;
    fn fw_errors() -> js_sys::Array;
    fn fw_absolute(url: &str) -> String;
    fn fw_computed(element: &Element, property: &str) -> String;
    fn fw_replace_url(url: &str);
    fn fw_listen(target: &JsValue, name: &str) -> JsValue;
    fn fw_log_events(log: &JsValue) -> js_sys::Array;
    fn fw_log_stop(log: &JsValue);
    fn fw_translator(ignore_marks: bool, lang: &str, prefix: &str) -> JsValue;
    fn fw_translator_again(translator: &JsValue) -> u32;
    fn fw_translator_undo(translator: &JsValue);
}

// ---------------------------------------------------------------------------------------------
// Start-up

/// Removes what a failed test left (see [`mounted`]), installs the fake `fetch` and the
/// `console.error` recorder, then boots the bundle with the page language "en". Idempotent:
/// every test calls it first.
pub fn setup() {
    setup_on_page("en");
}

/// [`setup`] on a page whose original language is `lang`. The first boot records the page's
/// language for good, so a suite's tests all call this with one language, or [`setup`].
pub fn setup_on_page(lang: &str) {
    mounted::sweep();
    fw_install();
    feedwidgets::embed::boot(Some(lang.into()));
    define_elements();
}

/// Defines the widget elements as the loader does, forwarding to the bundle (once a page).
fn define_elements() {
    thread_local!(static DEFINED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if DEFINED.with(|defined| defined.replace(true)) {
        return;
    }
    for kind in feedwidgets::embed::WidgetKind::ALL {
        let (spec, api) = (kind.spec(), kind.api());
        let connected =
            Closure::<dyn Fn(Element)>::new(|e: Element| feedwidgets::embed::connected(&e));
        let disconnected =
            Closure::<dyn Fn(Element)>::new(|e: Element| feedwidgets::embed::disconnected(&e));
        let changed =
            Closure::<dyn Fn(Element)>::new(|e: Element| feedwidgets::embed::attribute_changed(&e));
        fw_define(
            spec.element,
            api.attributes.iter().map(|name| name.to_string()).collect(),
            connected.as_ref(),
            disconnected.as_ref(),
            changed.as_ref(),
        );
        connected.forget();
        disconnected.forget();
        changed.forget();
    }
}

/// Calls the widget element's method `name` as the loader does, with a numeric `argument`;
/// answers the carousel's current index (`None` when the element has no widget). Any other
/// name (`currentIndex`) only reads.
pub fn call(host: &Element, name: &str, argument: Option<f64>) -> Option<u32> {
    let code = METHOD_CODES
        .iter()
        .position(|known| *known == name)
        .unwrap_or(99);
    feedwidgets::embed::call(host, code as u32, argument)
}

/// The loader's numbering of the methods (`METHODS` in embed.js).
const METHOD_CODES: [&str; 8] = [
    "next", "previous", "goTo", "play", "pause", "reset", "show", "dismiss",
];

// ---------------------------------------------------------------------------------------------
// The fake fetch

/// Answers GETs and POSTs to `url` (relative URLs are resolved against the page) with `status`
/// and `body`, at once.
pub fn respond(url: &str, status: u16, body: &str) {
    fw_respond(url, status, body, 0, "application/json");
}

/// Like [`respond`], after `delay_ms`.
pub fn respond_after(url: &str, delay_ms: u32, status: u16, body: &str) {
    fw_respond(url, status, body, delay_ms, "application/json");
}

/// Requests to `url` never get an answer (they only end when aborted).
pub fn never_answer(url: &str) {
    fw_never(url);
}

/// Requests to `url` wait until [`release`] answers them: the loading state lasts as long as
/// the test needs, however slow the machine.
pub fn hold(url: &str) {
    fw_hold(url);
}

/// Answers the requests waiting on a [`hold`] of `url` (and later ones) with `status` and
/// `body`; returns how many were waiting.
pub fn release(url: &str, status: u16, body: &str) -> u32 {
    fw_release(url, status, body, "application/json")
}

/// Requests to `url` fail like a network error, after `delay_ms`.
pub fn network_error(url: &str, delay_ms: u32) {
    fw_network_error(url, delay_ms);
}

/// The absolute form of `url`, resolved against the page as the widgets do.
pub fn absolute(url: &str) -> String {
    fw_absolute(url)
}

/// One recorded `fetch` call.
#[derive(Debug, Clone)]
pub struct Call {
    pub url: String,
    pub method: String,
    pub body: Option<String>,
    pub content_type: Option<String>,
    pub aborted: bool,
}

impl Call {
    /// The body parsed as JSON (panics when it is not).
    pub fn json(&self) -> JsValue {
        let body = self.body.as_deref().expect("the request has a string body");
        js_sys::JSON::parse(body).unwrap_or_else(|_| panic!("the body is not JSON: {body}"))
    }
}

fn get(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Every recorded call, oldest first.
pub fn calls() -> Vec<Call> {
    fw_calls()
        .iter()
        .map(|call| Call {
            url: get(&call, "url").as_string().unwrap_or_default(),
            method: get(&call, "method").as_string().unwrap_or_default(),
            body: get(&call, "body").as_string(),
            content_type: get(&call, "contentType").as_string(),
            aborted: get(&call, "aborted").as_bool().unwrap_or(false),
        })
        .collect()
}

/// The recorded calls to `url` (relative URLs are resolved against the page).
pub fn calls_to(url: &str) -> Vec<Call> {
    let url = absolute(url);
    calls().into_iter().filter(|call| call.url == url).collect()
}

// ---------------------------------------------------------------------------------------------
// console.error

/// Every `console.error` line since the fake was installed.
pub fn errors() -> Vec<String> {
    fw_errors().iter().filter_map(|e| e.as_string()).collect()
}

/// A point in the `console.error` record; [`errors_since`] gives what came after it.
pub fn error_mark() -> usize {
    fw_errors().length() as usize
}

/// The `console.error` lines logged after `mark`.
pub fn errors_since(mark: usize) -> Vec<String> {
    errors().into_iter().skip(mark).collect()
}

/// The `console.error` lines of the bundle (they start with "FeedWidgets:") logged after
/// `mark`.
pub fn widget_errors_since(mark: usize) -> Vec<String> {
    errors_since(mark)
        .into_iter()
        .filter(|line| line.starts_with("FeedWidgets:"))
        .collect()
}

/// Waits for a `console.error` line starting with "FeedWidgets:" after `mark`; returns it.
/// (Only the prefix is a promise; the wording is for developers and may change.)
pub async fn wait_for_error(mark: usize) -> String {
    wait_until(
        "a console.error starting with \"FeedWidgets:\"",
        5_000,
        || !widget_errors_since(mark).is_empty(),
    )
    .await;
    widget_errors_since(mark).remove(0)
}

// ---------------------------------------------------------------------------------------------
// Events

/// Records the events named `name` that reach `target`, until dropped.
pub struct EventLog {
    log: JsValue,
}

/// One recorded event.
pub struct Recorded {
    pub detail: JsValue,
    pub bubbles: bool,
    pub composed: bool,
    pub target: JsValue,
}

impl Recorded {
    /// A field of the event's detail.
    pub fn field(&self, key: &str) -> JsValue {
        get(&self.detail, key)
    }
}

impl EventLog {
    /// Starts recording `name` events on `target`.
    pub fn on(target: &JsValue, name: &str) -> Self {
        Self {
            log: fw_listen(target, name),
        }
    }

    /// Starts recording `name` events on the document (they must bubble out of the shadow
    /// root and the host to get there).
    pub fn on_document(name: &str) -> Self {
        Self::on(&document().into(), name)
    }

    /// The events so far.
    pub fn events(&self) -> Vec<Recorded> {
        fw_log_events(&self.log)
            .iter()
            .map(|event| Recorded {
                detail: get(&event, "detail"),
                bubbles: get(&event, "bubbles").as_bool().unwrap_or(false),
                composed: get(&event, "composed").as_bool().unwrap_or(false),
                target: get(&event, "target"),
            })
            .collect()
    }

    /// How many events so far.
    pub fn count(&self) -> usize {
        fw_log_events(&self.log).length() as usize
    }
}

impl Drop for EventLog {
    fn drop(&mut self) {
        fw_log_stop(&self.log);
    }
}

/// Records the `src` of every `<img>` a widget puts in its shadow root, until dropped, whether
/// the image then loads, fails or never answers.
pub struct ImageLog {
    log: JsValue,
}

impl ImageLog {
    /// Starts recording in `host`'s shadow root (the images already there count).
    pub fn watch(host: &Element) -> Self {
        Self {
            log: fw_watch_images(&shadow(host)),
        }
    }

    /// Every address recorded so far, in order.
    pub fn sources(&self) -> Vec<String> {
        fw_image_sources(&self.log)
            .iter()
            .filter_map(|source| source.as_string())
            .collect()
    }
}

impl Drop for ImageLog {
    fn drop(&mut self) {
        fw_unwatch_images(&self.log);
    }
}

// ---------------------------------------------------------------------------------------------
// Waiting

/// Waits `ms` milliseconds.
pub async fn sleep(ms: u32) {
    TimeoutFuture::new(ms).await;
}

/// Polls `condition` every 10 ms until it holds; panics naming `what` after `timeout_ms`.
pub async fn wait_until(what: &str, timeout_ms: u32, mut condition: impl FnMut() -> bool) {
    let start = js_sys::Date::now();
    loop {
        if condition() {
            return;
        }
        if js_sys::Date::now() - start > f64::from(timeout_ms) {
            panic!("timed out after {timeout_ms} ms waiting for {what}");
        }
        TimeoutFuture::new(10).await;
    }
}

/// Waits (up to 5 s) until `selector` matches inside `host`'s shadow root; returns the match.
pub async fn wait_for(host: &Element, selector: &str) -> Element {
    let mut found = None;
    wait_until(&format!("{selector} in the widget"), 5_000, || {
        found = find(host, selector);
        found.is_some()
    })
    .await;
    found.expect("found")
}

/// Waits (up to 5 s) until the text of `selector` inside `host`'s shadow root is `expected`.
pub async fn wait_for_text(host: &Element, selector: &str, expected: &str) {
    let start = js_sys::Date::now();
    loop {
        let now = text(host, selector);
        if now.as_deref() == Some(expected) {
            return;
        }
        if js_sys::Date::now() - start > 5_000.0 {
            panic!("timed out waiting for {selector} to read {expected:?}; it reads {now:?}");
        }
        TimeoutFuture::new(10).await;
    }
}

/// Waits (up to 5 s) until nothing matches `selector` inside `host`'s shadow root.
pub async fn wait_gone(host: &Element, selector: &str) {
    wait_until(&format!("{selector} to leave the widget"), 5_000, || {
        find(host, selector).is_none()
    })
    .await;
}

// ---------------------------------------------------------------------------------------------
// The DOM

pub fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

pub fn html() -> Element {
    document().document_element().expect("<html>")
}

pub fn body() -> HtmlElement {
    document().body().expect("<body>")
}

/// A new element with attributes, not yet in the page.
pub fn create(tag: &str, attributes: &[(&str, &str)]) -> Element {
    let element = document().create_element(tag).expect("create_element");
    for (name, value) in attributes {
        element.set_attribute(name, value).expect("set_attribute");
    }
    element
}

/// A new element with attributes, appended to `<body>` (custom elements mount at once).
pub fn add(tag: &str, attributes: &[(&str, &str)]) -> Element {
    let element = create(tag, attributes);
    body().append_child(&element).expect("append_child");
    element
}

/// The host's open shadow root.
pub fn shadow(host: &Element) -> ShadowRoot {
    host.shadow_root()
        .expect("the host has an open shadow root")
}

/// The first match of `selector` in the host's shadow root.
pub fn find(host: &Element, selector: &str) -> Option<Element> {
    host.shadow_root()?.query_selector(selector).ok().flatten()
}

/// Every match of `selector` in the host's shadow root.
pub fn find_all(host: &Element, selector: &str) -> Vec<Element> {
    let Some(shadow) = host.shadow_root() else {
        return Vec::new();
    };
    let Ok(list) = shadow.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

/// The trimmed text of the first match of `selector`.
pub fn text(host: &Element, selector: &str) -> Option<String> {
    find(host, selector).map(|element| {
        element
            .text_content()
            .unwrap_or_default()
            .trim()
            .to_string()
    })
}

/// An attribute of the first match of `selector`.
pub fn attr(host: &Element, selector: &str, name: &str) -> Option<String> {
    find(host, selector)?.get_attribute(name)
}

/// Clicks the first match of `selector` (panics when there is none).
pub fn click(host: &Element, selector: &str) {
    find(host, selector)
        .unwrap_or_else(|| panic!("nothing to click: {selector}"))
        .unchecked_into::<HtmlElement>()
        .click();
}

/// Whether `element` is disabled (a form control) .
pub fn is_disabled(element: &Element) -> bool {
    element.has_attribute("disabled")
}

/// The checked state of a radio button.
pub fn is_checked(element: &Element) -> bool {
    element.unchecked_ref::<HtmlInputElement>().checked()
}

/// The element focused inside the host's shadow root.
pub fn focused(host: &Element) -> Option<Element> {
    shadow(host).active_element()
}

/// The computed value of a CSS property.
pub fn computed(element: &Element, property: &str) -> String {
    fw_computed(element, property)
}

/// Replaces the page's URL (path, query, fragment) without navigating.
pub fn replace_url(url: &str) {
    fw_replace_url(url);
}

/// Adds a `<style>` to the document's `<head>`; returns it so it can be removed.
pub fn add_page_style(css: &str) -> Element {
    let style = create("style", &[]);
    style.set_text_content(Some(css));
    document()
        .head()
        .expect("<head>")
        .append_child(&style)
        .expect("append <style>");
    style
}

/// Adds or removes a class on `<html>`.
pub fn set_html_class(class: &str, on: bool) {
    let list = html().class_list();
    if on {
        list.add_1(class).expect("classList.add");
    } else {
        list.remove_1(class).expect("classList.remove");
    }
}

// ---------------------------------------------------------------------------------------------
// Feeds

/// A JSON Feed 1.1 document with `items` (a JSON array) and optional extra top-level members
/// (a JSON object's members without braces, e.g. `"language":"fr"`).
pub fn json_feed(items: &str, extra: &str) -> String {
    let extra = if extra.is_empty() {
        String::new()
    } else {
        format!(",{extra}")
    };
    format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","title":"Test feed","items":{items}{extra}}}"#
    )
}

/// A feed of three items "First", "Second", "Third" with ids a, b, c and http(s) links.
pub fn three_items() -> String {
    json_feed(
        r#"[
            {"id":"a","title":"First","url":"https://news.test/a","date_published":"2024-07-26T10:00:00Z"},
            {"id":"b","title":"Second","url":"https://news.test/b"},
            {"id":"c","title":"Third","url":"https://news.test/c"}
        ]"#,
        "",
    )
}

/// A JS options object for `js_mount`.
pub fn js_object(entries: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in entries {
        js_sys::Reflect::set(&object, &JsValue::from_str(key), value).expect("Reflect.set");
    }
    object.into()
}

/// Removes `element` from the page, if it is in one.
pub fn remove(element: &Element) {
    element.remove();
}

/// Lets the widgets' pending renders run: Yew renders in a microtask after the event that
/// asked, so once the next task starts, the DOM shows what every earlier event did. For
/// checking that an event changed nothing, without guessing a delay.
pub async fn rendered() {
    TimeoutFuture::new(0).await;
}

// ---------------------------------------------------------------------------------------------
// A machine translator

/// Whether the simulated translator honours `translate="no"` and `class="notranslate"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    /// As Chrome's and Google's translators do: marked content is left alone.
    Honoured,
    /// The worst case: everything is rewritten.
    Ignored,
}

/// A simulated machine translator at work on the page (see `fw_translator` above): text nodes
/// wrapped in two `<font>`s with [`Translator::PREFIX`] and upper-cased text, `translated-ltr`
/// and `lang` on `<html>`. [`Translator::undo`] restores the page.
pub struct Translator {
    handle: JsValue,
}

impl Translator {
    /// What the translated text starts with.
    pub const PREFIX: &'static str = "~";

    /// Translates the page into `lang`.
    pub fn start(marks: Marks, lang: &str) -> Self {
        Self {
            handle: fw_translator(marks == Marks::Ignored, lang, Self::PREFIX),
        }
    }

    /// Translates text added since (a real translator keeps watching); how many text nodes are
    /// translated in all.
    pub fn again(&self) -> u32 {
        fw_translator_again(&self.handle)
    }

    /// Puts the original text back and takes the class and lang off `<html>`.
    pub fn undo(self) {
        fw_translator_undo(&self.handle);
    }
}

/// Sets a cookie on the page (`document.cookie = assignment`).
pub fn set_cookie(assignment: &str) {
    js_sys::Reflect::set(&document(), &"cookie".into(), &assignment.into())
        .expect("document.cookie");
}

/// The page's cookies (`document.cookie`).
pub fn cookies() -> String {
    js_sys::Reflect::get(&document(), &"cookie".into())
        .ok()
        .and_then(|c| c.as_string())
        .unwrap_or_default()
}
