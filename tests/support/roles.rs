//! Queries by role and accessible name, as a person (or a screen reader) finds things, rather
//! than by the widgets' class names.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::{find_all, wait_until};

/// The accessible name of `element` as the widgets give it: its `aria-label`, else its text.
pub fn name_of(element: &Element) -> String {
    element
        .get_attribute("aria-label")
        .unwrap_or_else(|| element.text_content().unwrap_or_default())
        .trim()
        .to_string()
}

/// The button named `name` in the widget, if any.
pub fn find_button(host: &Element, name: &str) -> Option<Element> {
    find_all(host, "button")
        .into_iter()
        .find(|button| name_of(button) == name)
}

/// The button named `name` in the widget (panics when there is none).
pub fn button_named(host: &Element, name: &str) -> Element {
    find_button(host, name).unwrap_or_else(|| panic!("no button named {name:?}"))
}

/// Waits (up to 5 s) for a button named `name`; returns it.
pub async fn wait_for_button(host: &Element, name: &str) -> Element {
    wait_until(&format!("a button named {name:?}"), 5_000, || {
        find_button(host, name).is_some()
    })
    .await;
    button_named(host, name)
}

/// The radio button whose label reads `name` (panics when there is none).
pub fn radio_named(host: &Element, name: &str) -> Element {
    find_all(host, "label")
        .into_iter()
        .filter(|label| label.text_content().unwrap_or_default().trim() == name)
        .find_map(|label| label.query_selector("input[type=radio]").ok().flatten())
        .unwrap_or_else(|| panic!("no radio named {name:?}"))
}

/// Clicks `element`.
pub fn press(element: &Element) {
    element.unchecked_ref::<HtmlElement>().click();
}
