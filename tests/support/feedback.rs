//! Helpers of the feedback suites (`tests/feedback_*.rs`): a fresh visitor's widget, choosing and
//! sending, queries by role and accessible name, the outbox and the submissions' bodies.

use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

use super::roles::press_element;
use super::{add, calls_to, find, is_checked, wait_until, Call, Mounted};

/// The built-in English answers, worst to best.
pub const LABELS_EN: [&str; 5] = [
    "Extremely dissatisfied",
    "Dissatisfied",
    "Neither satisfied nor dissatisfied",
    "Satisfied",
    "Extremely satisfied",
];

/// The English message of a submission kept in the outbox.
pub const QUEUED_EN: &str =
    "Not sent yet: your answer is saved on this device and will be sent when the connection is back.";

/// The English message of a final refusal.
pub const REFUSED_EN: &str = "Your answer could not be accepted.";

/// A collector address of the fake fetch, one per test.
pub fn endpoint(name: &str) -> String {
    format!("https://collector.test/feedback/{name}")
}

/// Forgets that this visitor rated and empties the outbox: every test is a new visitor.
pub fn forget() {
    feedwidgets::platform::storage::remove("feedback:rated");
    feedwidgets::platform::storage::remove("feedback:outbox");
}

/// A feedback custom element with `attributes`, its form shown (as to a new visitor).
pub async fn feedback(attributes: &[(&str, &str)]) -> Mounted {
    forget();
    let host = Mounted::add("fw-feedback", attributes);
    wait_until("the feedback form", 5_000, || find(&host, "form").is_some()).await;
    host
}

/// The radio button of `rating`, 1 (worst) to 5 (best).
pub fn radio(host: &Element, rating: u8) -> Element {
    find(host, &format!("input[type=radio][value='{rating}']"))
        .unwrap_or_else(|| panic!("no radio for {rating}"))
}

/// Chooses `rating`.
pub fn choose(host: &Element, rating: u8) {
    press_element(&radio(host, rating));
}

/// Presses the form's submit button, whatever it reads (send, try again).
pub fn submit(host: &Element) {
    press_element(&find(host, "button[type=submit]").unwrap_or_else(|| panic!("no submit button")));
}

/// Chooses `rating`, waits until it shows as chosen, and sends it.
pub async fn rate_and_submit(host: &Element, rating: u8) {
    choose(host, rating);
    wait_until(&format!("rating {rating} to be chosen"), 2_000, || {
        is_checked(&radio(host, rating))
    })
    .await;
    submit(host);
}

/// The widget's alert (the message of a form that is still there), if any.
pub fn alert(host: &Element) -> Option<Element> {
    find(host, "[role=alert]")
}

/// The widget's heading (the thanks, or the comment step's), if any.
pub fn heading(host: &Element) -> Option<Element> {
    find(host, "h2")
}

/// Waits (up to 5 s) for the widget's heading; returns it.
pub async fn wait_for_heading(host: &Element) -> Element {
    wait_until("a heading in the widget", 5_000, || heading(host).is_some()).await;
    heading(host).expect("a heading")
}

/// A field of a JS object.
pub fn field(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// A JS object's own keys, sorted.
pub fn keys(object: &JsValue) -> Vec<String> {
    let mut keys: Vec<String> = js_sys::Object::keys(object.unchecked_ref::<js_sys::Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    keys.sort();
    keys
}

/// Whether `id` is a UUID v4 in lowercase.
pub fn is_uuid_v4(id: &str) -> bool {
    let bytes = id.as_bytes();
    id.len() == 36
        && bytes.iter().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => *b == b'-',
            _ => b.is_ascii_digit() || (b'a'..=b'f').contains(b),
        })
        && bytes[14] == b'4'
        && matches!(bytes[19], b'8' | b'9' | b'a' | b'b')
}

/// A submission key as the collector expects it: 32 lowercase hex digits (128 bits).
pub fn is_key(key: &str) -> bool {
    key.len() == 32 && key.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The page's address.
pub fn location_href() -> String {
    web_sys::window().unwrap().location().href().unwrap()
}

/// The page's path.
pub fn location_path() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

/// Waits for `count` calls to `url`; returns them.
pub async fn wait_for_calls(url: &str, count: usize) -> Vec<Call> {
    wait_until(&format!("{count} request(s) to {url}"), 5_000, || {
        calls_to(url).len() >= count
    })
    .await;
    calls_to(url)
}

/// The stored outbox, if any.
pub fn outbox() -> Option<String> {
    feedwidgets::platform::storage::get("feedback:outbox")
}

/// The submission id a request carries.
pub fn id_of(call: &Call) -> Option<String> {
    field(&call.json(), "submission_id").as_string()
}

/// The submission key a request carries.
pub fn key_of(call: &Call) -> Option<String> {
    field(&call.json(), "submission_key").as_string()
}

#[wasm_bindgen(inline_js = r#"
const saved = {};
export function fwfb_block_storage(blocked) {
  for (const name of ["localStorage", "sessionStorage"]) {
    if (blocked) {
      saved[name] = Object.getOwnPropertyDescriptor(window, name);
      Object.defineProperty(window, name, {
        configurable: true,
        get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
      });
    } else if (saved[name]) {
      Object.defineProperty(window, name, saved[name]);
    } else {
      delete window[name];
    }
  }
}
export function fwfb_type(element, text) {
  element.value = text;
  element.dispatchEvent(new Event("input", { bubbles: true }));
}
export function fwfb_key(element, key) {
  element.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, composed: true }));
}
export function fwfb_box(element) { const r = element.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }
export function fwfb_other_tab_sent() {
  localStorage.removeItem("feedwidgets:feedback:outbox");
  window.dispatchEvent(new StorageEvent("storage", { key: "feedwidgets:feedback:outbox", newValue: null }));
}
export function fwfb_online() { window.dispatchEvent(new Event("online")); }
export function fwfb_local(key) { return localStorage.getItem(key); }
export function fwfb_rect(element) { const r = element.getBoundingClientRect(); return [r.left, r.right, r.width]; }
"#)]
extern "C" {
    /// Makes `localStorage` and `sessionStorage` throw, as a browser that blocks storage does
    /// (`blocked`), or puts them back.
    #[wasm_bindgen(js_name = fwfb_block_storage)]
    pub fn block_storage(blocked: bool);
    /// Types `text` into a field as a person would (an `input` event follows).
    #[wasm_bindgen(js_name = fwfb_type)]
    pub fn type_text(element: &Element, text: &str);
    /// A `keydown` of `key` on `element`, as a key press starts (the browser's own moves are
    /// then made by the test).
    #[wasm_bindgen(js_name = fwfb_key)]
    pub fn key_down(element: &Element, key: &str);
    /// An element's left, top, width and height on screen.
    #[wasm_bindgen(js_name = fwfb_box)]
    pub fn border_box(element: &Element) -> Vec<f64>;
    /// What the page sees when another tab delivers the outbox: it is emptied, and a
    /// `storage` event says so.
    #[wasm_bindgen(js_name = fwfb_other_tab_sent)]
    pub fn other_tab_sent();
    /// Tells the page the browser is back online.
    #[wasm_bindgen(js_name = fwfb_online)]
    pub fn go_online();
    /// `localStorage.getItem(key)`.
    #[wasm_bindgen(js_name = fwfb_local)]
    pub fn local(key: &str) -> Option<String>;
    /// An element's left, right and width on screen.
    #[wasm_bindgen(js_name = fwfb_rect)]
    pub fn rect(element: &Element) -> Vec<f64>;
}

/// A `fw-feedback` element with `attributes` not waited for (a test that looks at what it
/// shows first).
pub fn add_feedback(attributes: &[(&str, &str)]) -> Mounted {
    Mounted::hold(add("fw-feedback", attributes))
}

/// Waits until the refusal `message` is shown as an alert, focused, with no button to send
/// again and the choice frozen.
pub async fn wait_for_refusal(host: &Element, message: &str) {
    super::wait_for_text(host, "[role=alert]", message).await;
    let shown = alert(host).unwrap();
    assert_eq!(shown.get_attribute("role").as_deref(), Some("alert"));
    assert!(
        !shown.class_list().contains("fw-feedback__message--queued"),
        "not shown as saved"
    );
    wait_until("the refusal to take focus", 2_000, || {
        super::focused(host).is_some_and(|f| f == shown)
    })
    .await;
    assert!(
        find(host, "button[type=submit]").is_none(),
        "no retry that can only be refused again"
    );
    assert!(
        find(host, "button").is_none(),
        "no button at all: nothing to send again, nothing to skip"
    );
}
