//! Finding a widget's parts as assistive technology does: by role and accessible name, not by
//! the class names of the stylesheet. Enough of the ARIA rules for the widgets' own markup
//! (explicit `role`, the implicit roles of the elements they use, `aria-label`, text).

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::{find_all, wait_until};

/// The element's role: its `role` attribute, else the implicit role of its tag (for the tags
/// the widgets use).
pub fn role_of(element: &Element) -> Option<String> {
    if let Some(role) = element.get_attribute("role") {
        return Some(role);
    }
    let implicit = match element.local_name().as_str() {
        "button" => "button",
        "a" if element.has_attribute("href") => "link",
        "section" if element.has_attribute("aria-label") => "region",
        "article" => "article",
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => "heading",
        "img" => "img",
        "textarea" => "textbox",
        "input" => match element.get_attribute("type").as_deref() {
            Some("radio") => "radio",
            Some("checkbox") => "checkbox",
            _ => "textbox",
        },
        _ => return None,
    };
    Some(implicit.to_string())
}

/// The element's accessible name: `aria-label`, else its text (trimmed).
pub fn accessible_name(element: &Element) -> String {
    element
        .get_attribute("aria-label")
        .unwrap_or_else(|| element.text_content().unwrap_or_default())
        .trim()
        .to_string()
}

/// Every element of `role` in the host's shadow root, in document order.
pub fn all_by_role(host: &Element, role: &str) -> Vec<Element> {
    find_all(host, "*")
        .into_iter()
        .filter(|element| role_of(element).as_deref() == Some(role))
        .collect()
}

/// The first element of `role` named `name`.
pub fn by_role(host: &Element, role: &str, name: &str) -> Option<Element> {
    all_by_role(host, role)
        .into_iter()
        .find(|element| accessible_name(element) == name)
}

/// Every button, in document (and tab) order.
pub fn buttons(host: &Element) -> Vec<Element> {
    all_by_role(host, "button")
}

/// The names of every button, in order.
pub fn button_names(host: &Element) -> Vec<String> {
    buttons(host).iter().map(accessible_name).collect()
}

/// The button named `name`, if there is one.
pub fn find_button(host: &Element, name: &str) -> Option<Element> {
    by_role(host, "button", name)
}

/// The button named `name` (panics, listing the buttons there are, when there is none).
pub fn button_named(host: &Element, name: &str) -> Element {
    find_button(host, name).unwrap_or_else(|| {
        panic!(
            "no button named {name:?}; the buttons are {:?}",
            button_names(host)
        )
    })
}

/// Clicks the button named `name`.
pub fn press(host: &Element, name: &str) {
    button_named(host, name)
        .unchecked_into::<HtmlElement>()
        .click();
}

/// Waits (up to 5 s) for a button named `name`; returns it.
pub async fn wait_for_button(host: &Element, name: &str) -> Element {
    wait_until(&format!("a button named {name:?}"), 5_000, || {
        find_button(host, name).is_some()
    })
    .await;
    button_named(host, name)
}

/// Whether `element` says it is disabled (`aria-disabled="true"`: it stays focusable).
pub fn aria_disabled(element: &Element) -> bool {
    element.get_attribute("aria-disabled").as_deref() == Some("true")
}

/// The radio button whose label reads `name` (panics when there is none).
pub fn radio_named(host: &Element, name: &str) -> Element {
    find_all(host, "label")
        .into_iter()
        .filter(|label| label.text_content().unwrap_or_default().trim() == name)
        .find_map(|label| label.query_selector("input[type=radio]").ok().flatten())
        .unwrap_or_else(|| panic!("no radio named {name:?}"))
}

/// Clicks `element` (a control found by one of the queries above).
pub fn press_element(element: &Element) {
    element.unchecked_ref::<HtmlElement>().click();
}
